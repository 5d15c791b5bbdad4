from __future__ import annotations

import pytest

from tests.helpers import lint

RULE = "no-emphasis-as-heading"


def test_bold_and_italic_lines_followed_by_a_paragraph() -> None:
    found = lint("**Contributing:**\n\nSend a PR.\n\n_Libraries for GUIs._\n\nText.\n", RULE)
    assert [(d.line, d.column, d.message) for d in found] == [
        (1, 1, "Use a heading instead of a bold line to introduce a section"),
        (5, 1, "Use a heading instead of a italic line to introduce a section"),
    ]


@pytest.mark.parametrize(
    "markdown",
    [
        "**[back to top](#contents)**\n\n## Next\n",  # followed by a heading
        "**Note** that this is a sentence.\n\nMore.\n",  # emphasis is not the whole paragraph
        "**a** and **b**\n\nMore.\n",
        "**Last line**\n",  # nothing follows
        "- **Item**\n\nText.\n",  # a list, not a paragraph
    ],
)
def test_silent_cases(markdown: str) -> None:
    assert lint(markdown, RULE) == []
