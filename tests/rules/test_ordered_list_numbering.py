from __future__ import annotations

import pytest

from tests.helpers import fixed, lint

RULE = "ordered-list-numbering"


def test_reports_items_out_of_sequence_with_message() -> None:
    found = lint("1. A\n2. B\n2. C\n5. D\n", RULE)
    assert [(d.line, d.column, d.message) for d in found] == [
        (3, 1, "Number this item 3, not 2: items count up by one from 1"),
        (4, 1, "Number this item 4, not 5: items count up by one from 1"),
    ]


def test_fix_renumbers_nested_and_parenthesis_lists() -> None:
    result = fixed("3) A\n3) B\n   1. x\n   1. y\n", RULE)
    assert result.text == "3) A\n4) B\n   1. x\n   2. y\n"


@pytest.mark.parametrize("markdown", ["1. A\n2. B\n3. C\n", "7. A\n8. B\n", "- A\n- B\n", "1. Only\n"])
def test_sequential_and_bullet_lists_are_silent(markdown: str) -> None:
    assert lint(markdown, RULE) == []
