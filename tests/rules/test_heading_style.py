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


def test_a_trailing_hash_is_escaped_so_the_heading_keeps_its_text() -> None:
    # Issue 12 item 5: `## Tools #` renders "Tools" (a closing sequence) and changes the anchor.
    found = lint("Tools #\n---\n\nT.\n", RULE)
    assert [(d.line, d.column, d.message) for d in found] == [(1, 1, "Write this heading as `## Tools \\#`, not underlined")]
    assert fixed("Tools #\n---\n\nT.\n", RULE).text == "## Tools \\#\n\nT.\n"
    assert fixed("C# and F##\n===\n", RULE).text == "# C# and F##\n"


def test_only_newlines_end_lines_and_other_whitespace_is_kept() -> None:
    # Issue 12 item 5: `splitlines()` turned a form feed and U+2028 into spaces.
    assert fixed("Foo\x0cbar\n---\n", RULE).text == "## Foo\x0cbar\n"
    assert fixed("Foo\u2028bar\u00a0\n---\n", RULE).text == "## Foo\u2028bar\u00a0\n"
    assert fixed("Foo\r\n  bar\r\n---\r\n\r\nT.\r\n", RULE).text == "## Foo bar\r\n\r\nT.\r\n"


def test_no_fix_across_a_hard_line_break() -> None:
    found = lint("Foo\\\nbar\n===\n", RULE)
    assert len(found) == 1 and found[0].fix is None
