import time

from helpers import fixed, lint, where

RULE = "trailing-whitespace"


def test_trailing_spaces_and_tabs_are_removed() -> None:
    text = "# T\n\n- [A](https://a.dev) - A. \n- [B](https://b.dev) - B.\t\n  - [C](https://c.dev) - C.  \n"
    found = lint(text, RULE)
    assert where(found) == [(3, 26, RULE), (4, 26, RULE), (5, 28, RULE)]
    assert found[0].message == "Remove the 1 space at the end of the line"
    assert found[1].message == "Remove the 1 tab at the end of the line"
    result = fixed(text, RULE)
    assert result.text == "# T\n\n- [A](https://a.dev) - A.\n- [B](https://b.dev) - B.\n  - [C](https://c.dev) - C.\n"
    assert result.remaining == []


def test_hard_line_break_inside_an_entry_is_kept() -> None:
    text = "# T\n\n- [A](https://a.dev) - First line  \n  second line.\n"
    assert lint(text, RULE) == []


def test_lines_outside_entries_and_in_code_are_silent() -> None:
    assert lint("# T  \n\nParagraph  \nend.\n", RULE) == []
    assert lint("# T\n\n- Item:\n\n  ```\n  code   \n  ```\n", RULE) == []


def test_crlf_lines() -> None:
    text = "# T\r\n\r\n- [A](https://a.dev) - A. \r\n"
    assert fixed(text, RULE).text == "# T\r\n\r\n- [A](https://a.dev) - A.\r\n"


def test_a_long_run_of_tabs_inside_a_line_is_scanned_once() -> None:
    # issue 12 item 11 (regex audit): `[ \t]+\Z` searched from every tab of an inner run: quadratic
    text = "# Awesome X\n\n- [a](https://a.dev) - A" + "\t" * 200_000 + "b. \n"
    started = time.perf_counter()
    found = lint(text, RULE)
    assert time.perf_counter() - started < 2.0
    assert [(d.location.line, d.message) for d in found] == [(3, "Remove the 1 space at the end of the line")]
