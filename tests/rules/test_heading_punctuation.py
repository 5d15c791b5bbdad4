from __future__ import annotations

import pytest

from tests.helpers import fixed, lint

RULE = "heading-punctuation"


def test_trailing_punctuation_is_reported_with_an_unsafe_fix() -> None:
    (diagnostic,) = lint("# Awesome\n\n## Resources:\n", RULE)
    assert (diagnostic.line, diagnostic.column, diagnostic.message) == (3, 13, "Remove the `:` at the end of the heading")
    assert fixed("## Resources:\n", RULE).text == "## Resources:\n"
    assert fixed("## Resources:\n", RULE, unsafe=True).text == "## Resources\n"


@pytest.mark.parametrize("markdown", ["## Resources\n", "## What is it (FAQ)\n", "## Node.js\n", "## C#\n"])
def test_headings_without_trailing_punctuation_are_silent(markdown: str) -> None:
    assert lint(markdown, RULE) == []
