from __future__ import annotations

from tests.helpers import fixed, lint

RULE = "heading-style"


def test_setext_headings_are_reported_and_fixed() -> None:
    markdown = "Awesome\n=======\n\nContents\n--------\n\n## Fine\n"
    found = lint(markdown, RULE)
    assert [(d.line, d.column, d.message) for d in found] == [
        (1, 1, "Write this heading as `# Awesome`, not underlined"),
        (4, 1, "Write this heading as `## Contents`, not underlined"),
    ]
    assert fixed(markdown, RULE).text == "# Awesome\n\n## Contents\n\n## Fine\n"


def test_atx_headings_are_silent() -> None:
    assert lint("# Awesome\n\n## Contents\n\n### Sub ###\n", RULE) == []
