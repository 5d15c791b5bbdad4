from __future__ import annotations

import pytest

from tests.helpers import lint, where


def test_undefined_full_and_collapsed_references() -> None:
    markdown = "- [Foo][foo] - Bar.\n- [Baz][] - Qux.\n- [Ok][ok] - Fine.\n\n[ok]: https://ok.dev\n"
    found = lint(markdown, "undefined-reference")
    assert [(d.line, d.column, d.message) for d in found] == [
        (1, 3, "Define the reference [foo] (add a `[foo]: URL` line) or write the link inline"),
        (2, 3, "Define the reference [Baz] (add a `[Baz]: URL` line) or write the link inline"),
    ]


@pytest.mark.parametrize(
    "markdown",
    [
        "A [video] tag and map[string] text.\n",  # shortcut form: bracketed text
        "Note[^1].\n\n[^1]: A footnote.\n",
        "Use `[a][b]` in code.\n",
        "```\n[a][b]\n```\n",
        "[Foo][FOO  Bar]\n\n[foo bar]: https://x.dev\n",  # labels match case- and space-insensitively
    ],
)
def test_defined_or_non_references_are_silent(markdown: str) -> None:
    assert lint(markdown, "undefined-reference") == []


def test_unused_definition_is_reported_and_used_one_is_not() -> None:
    markdown = "[Foo][used] text.\n\n[used]: https://a.dev\n[unused]: https://b.dev\n"
    found = lint(markdown, "unused-definition")
    assert [(d.line, d.column, d.message) for d in found] == [
        (4, 1, "Remove the unused definition [unused] or link to it")
    ]
    assert where(lint("[a][x]\n\n[x]: https://a.dev\n", "unused-definition")) == []
