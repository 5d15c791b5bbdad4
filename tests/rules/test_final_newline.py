from helpers import fixed, lint, where

RULE = "final-newline"


def test_missing_final_newline_is_added() -> None:
    found = lint("# T\n\n- a", RULE)
    assert where(found) == [(3, 4, RULE)]
    assert found[0].message == "Add a line ending at the end of the file"
    assert fixed("# T\n\n- a", RULE).text == "# T\n\n- a\n"
    assert fixed("# T\r\n\r\n- a", RULE).text == "# T\r\n\r\n- a\r\n"


def test_extra_blank_lines_are_removed() -> None:
    assert fixed("# T\n\n- a\n\n\n", RULE).text == "# T\n\n- a\n"
    assert fixed("# T\r\n\r\n- a\r\n  \r\n", RULE).text == "# T\r\n\r\n- a\r\n"


def test_single_newline_and_empty_file_are_silent() -> None:
    assert lint("# T\n\n- a\n", RULE) == []
    assert lint("# T\r\n", RULE) == []
    assert lint("", RULE) == []
