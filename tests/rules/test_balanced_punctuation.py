from __future__ import annotations

import pytest

from tests.helpers import lint

RULE = "balanced-punctuation"


def found(markdown: str) -> list[tuple[int, int, str]]:
    return [(d.line, d.column, d.message) for d in lint(markdown, RULE)]


def test_unclosed_curly_quote_in_a_description() -> None:
    assert found("- [Foo](https://foo.dev) - The “fast parser.\n") == [
        (1, 32, "Unclosed “ without matching closing ”")
    ]


def test_unmatched_closing_cjk_bracket_in_a_heading() -> None:
    assert found("## Tools】\n") == [(1, 9, "Unmatched closing 】 without corresponding opening 【")]


def test_unclosed_straight_quote_in_a_paragraph() -> None:
    assert found('Intro with "one quote.\n') == [(1, 12, 'Unclosed " without matching closing "')]


def test_closing_straight_quote_inside_another_open_mark_follows_awesome_lint() -> None:
    assert found('A "b “c" d.\n') == [
        (1, 3, 'Unclosed " without matching closing "'),
        (1, 6, "Unclosed “ without matching closing ”"),
        (1, 8, 'Unmatched closing " without corresponding opening "'),
    ]


@pytest.mark.parametrize(
    "markdown",
    [
        "- [Foo](https://foo.dev) - A “quoted” and ‘single’ word, 「CJK」 and （全角）.\n",
        'Say "hello" and "bye".\n',
        "It’s the users’ choice, don’t worry.\n",
        "- [Foo](https://foo.dev/a\"b) - Code `\"` and <a title='\"'>x</a>.\n",
        '```\nunclosed " in code\n```\n',
    ],
)
def test_balanced_or_skipped_text_is_silent(markdown: str) -> None:
    assert found(markdown) == []
