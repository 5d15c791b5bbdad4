from __future__ import annotations

from collections import Counter

import pytest

from awesome_lint.document.build import build_document
from awesome_lint.fix import fix_text
from awesome_lint.rules import resolve_rule_id
from helpers import config_for, corpus_files, fixed, lint, where

RULE = "duplicate-link"


def test_reports_the_later_entry_and_points_at_the_first() -> None:
    markdown = (
        "# List\n\n## Parsers\n\n"
        "- [Mistune](https://github.com/lepture/mistune) - Fast Markdown parser.\n\n"
        "## Tools\n\n"
        "- [Other](https://example.com) - Other.\n"
        "- [mistune](https://github.com/Lepture/mistune/) - Markdown parser.\n"
    )
    found = lint(markdown, RULE)
    assert where(found) == [(10, 3, RULE)]
    assert found[0].message == "Duplicate link: https://github.com/Lepture/mistune/ also at line 5; remove one of them"


def test_every_later_occurrence_points_at_the_first() -> None:
    markdown = (
        "- [uv](https://github.com/astral-sh/uv) - Manager.\n"
        "  - [uv-build](https://github.com/astral-sh/uv#readme) - Backend.\n"
        "- [uv-audit](http://www.github.com/astral-sh/uv) - Audit.\n"
    )
    found = lint(markdown, RULE)
    assert where(found) == [(2, 5, RULE), (3, 3, RULE)]
    assert all("also at line 1;" in d.message for d in found)


@pytest.mark.parametrize(
    "second",
    [
        "https://example.com/tool/",
        "http://www.example.com/tool",
        "https://example.com:443/tool",
        "https://example.com/tool?utm_source=awesome",
        "https://EXAMPLE.com/tool#readme",
    ],
)
def test_normalised_urls_match(second: str) -> None:
    markdown = f"- [A](https://example.com/tool) - A.\n- [B]({second}) - B.\n"
    assert where(lint(markdown, RULE)) == [(2, 3, RULE)]


def test_reference_links_are_compared_by_their_definition() -> None:
    markdown = "- [A](https://example.com/a) - A.\n- [B][b] - B.\n\n[b]: https://example.com/a/\n"
    assert where(lint(markdown, RULE)) == [(2, 3, RULE)]


@pytest.mark.parametrize(
    "markdown",
    [
        # different targets
        "- [A](https://example.com/a) - A.\n- [B](https://example.com/b) - B.\n",
        "- [A](https://example.com/Tool) - A.\n- [B](https://example.com/tool) - B.\n",
        "- [A](https://example.com/docs#install) - A.\n- [B](https://example.com/docs#usage) - B.\n",
        # links in descriptions are not entries
        "- [A](https://example.com/a) - Uses [B](https://example.com/b).\n- [B](https://example.com/b) - B.\n",
        # the same URL outside entries (paragraphs, headings)
        "See [A](https://example.com/a).\n\n- [A](https://example.com/a) - A.\n",
        # in-page anchors are not entries
        "- [Tools](#tools)\n- [Tools again](#tools)\n",
    ],
)
def test_silent(markdown: str) -> None:
    assert lint(markdown, RULE) == []


def test_table_of_contents_is_not_compared() -> None:
    markdown = (
        "# List\n\n## Contents\n\n- [Home](https://example.com)\n\n"
        "## Links\n\n- [Home](https://example.com) - Home page.\n"
    )
    assert lint(markdown, RULE) == []


def test_alias_is_the_awesome_lint_id() -> None:
    assert resolve_rule_id("double-link") == [RULE]


# -- the fix ----------------------------------------------------------------------------------


def test_fix_is_unsafe() -> None:
    markdown = "- [A](https://a.dev) - A.\n- [B](https://a.dev/) - B.\n"
    assert fixed(markdown, RULE).text == markdown
    assert fixed(markdown, RULE, unsafe=True).text == "- [A](https://a.dev) - A.\n"


def test_fix_removes_the_entry_with_its_continuation_lines_and_sub_list() -> None:
    markdown = (
        "- [A](https://a.dev) - A.\n"
        "- [Again](https://a.dev) - Again,\n"
        "  continued.\n"
        "  - [Sub](https://sub.dev) - Nested.\n"
        "- [C](https://c.dev) - C.\n"
    )
    result = fixed(markdown, RULE, unsafe=True)
    assert result.text == "- [A](https://a.dev) - A.\n- [C](https://c.dev) - C.\n"
    assert result.remaining == []


def test_fix_in_a_loose_list_keeps_single_blank_lines() -> None:
    middle = "- [A](https://a.dev)\n\n- [Again](https://a.dev)\n\n- [C](https://c.dev)\n"
    assert fixed(middle, RULE, unsafe=True).text == "- [A](https://a.dev)\n\n- [C](https://c.dev)\n"
    last = "- [A](https://a.dev)\n\n- [C](https://c.dev)\n\n- [Again](https://a.dev)\n\nAfter.\n"
    assert fixed(last, RULE, unsafe=True).text == "- [A](https://a.dev)\n\n- [C](https://c.dev)\n\nAfter.\n"


def test_fix_removes_an_only_item_and_keeps_crlf() -> None:
    markdown = "## One\r\n\r\n- [A](https://a.dev)\r\n\r\n## Two\r\n\r\n- [A](https://a.dev/)\r\n\r\n## Three\r\n"
    result = fixed(markdown, RULE, unsafe=True)
    assert result.text == "## One\r\n\r\n- [A](https://a.dev)\r\n\r\n## Two\r\n\r\n\r\n## Three\r\n"


def test_fix_of_a_nested_duplicate_keeps_its_siblings() -> None:
    markdown = "- [uv](https://uv.dev)\n  - [uv](https://uv.dev)\n  - [ruff](https://ruff.dev)\n"
    assert fixed(markdown, RULE, unsafe=True).text == "- [uv](https://uv.dev)\n  - [ruff](https://ruff.dev)\n"


# -- real lists -----------------------------------------------------------------------------------


@pytest.mark.parametrize("path", corpus_files(), ids=lambda path: path.name)
def test_corpus_unsafe_fix_removes_only_reported_entries(path) -> None:  # type: ignore[no-untyped-def]
    text = path.read_bytes().decode("utf-8-sig")
    config = config_for(RULE)
    result = fix_text(path.name, text, config, unsafe=True)
    assert result.remaining == []
    assert fix_text(path.name, result.text, config, unsafe=True).text == result.text
    before, after = build_document("a", text), build_document("b", result.text)
    removed = Counter(e.link.url for e in before.entries() if e.link) - Counter(
        e.link.url for e in after.entries() if e.link
    )
    reported = Counter(d.message.split(" ")[2] for d in result.applied)
    assert removed - reported == Counter()
