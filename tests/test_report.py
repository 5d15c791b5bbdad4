"""Text and JSON reports: exact output from hand-made diagnostics (no rules involved)."""

from __future__ import annotations

import json

from awesome_lint.diagnostics import Diagnostic, Edit, Position, Severity, safe_fix, unsafe_fix
from awesome_lint.report import FileResult, LineIndex, rule_url
from awesome_lint.report import json as json_report
from awesome_lint.report import text as text_report

TEXT = "# Awesome\n\n- [Foo](http://foo) - does foo\n- [Bar](http://bar)\n"


def at(text: str, start: int, end: int, rule: str = "r", message: str = "m", **kwargs) -> Diagnostic:
    index = LineIndex(text)
    return Diagnostic(
        rule=rule,
        message=message,
        start=start,
        end=end,
        location=index.position(start),
        end_location=index.position(end),
        severity=kwargs.pop("severity", Severity.ERROR),
        fix=kwargs.pop("fix", None),
    )


def period_diagnostic(text: str = TEXT) -> Diagnostic:
    start = text.index("does foo")
    end = start + len("does foo")
    return at(
        text, start, end, "description-period", "Description should end with a period.",
        fix=safe_fix("Add a period", Edit(end, end, ".")),
    )


def missing_description(text: str = TEXT) -> Diagnostic:
    start = text.index("- [Bar]")
    return at(text, start, text.index("\n", start), "missing-description", "Add a description.",
              severity=Severity.WARNING)


def test_line_index_counts_lines_like_the_document() -> None:
    index = LineIndex("ab\ncd\r\nef\n")
    assert index.position(0) == Position(1, 1)
    assert index.position(3) == Position(2, 1)
    assert index.position(5) == Position(2, 3)  # the '\r'
    assert index.position(7) == Position(3, 1)
    assert index.position(10) == Position(3, 4)  # end of text: no extra line after the final newline


def test_text_report_exact() -> None:
    results = [FileResult("README.md", TEXT, [missing_description(), period_diagnostic()])]
    assert text_report.format_results(results) == (
        "README.md:3:23: description-period Description should end with a period.\n"
        "  |\n"
        "3 | - [Foo](http://foo) - does foo\n"
        "  |                       ^^^^^^^^\n"
        "  = fix (--fix): Add a period\n"
        "\n"
        "README.md:4:1: missing-description Add a description.\n"
        "  |\n"
        "4 | - [Bar](http://bar)\n"
        "  | ^^^^^^^^^^^^^^^^^^^\n"
        "\n"
    )


def test_text_report_is_empty_without_findings() -> None:
    assert text_report.format_results([FileResult("README.md", TEXT, [])]) == ""


def test_caret_is_aligned_after_tabs_and_wide_characters() -> None:
    text = "\t- [日本](http://x) - é\n"
    start = text.index("é")
    lines = text_report.excerpt(text, at(text, start, start + 1))
    shown, caret = lines[1], lines[2]
    assert shown == "1 |     - [日本](http://x) - é"
    # 4 columns of tab + '- [' + two wide characters (4 columns) + '](http://x) - '
    assert caret == "  | " + " " * (4 + 3 + 4 + 14) + "^"


def test_empty_span_and_span_across_lines_get_carets_on_the_first_line() -> None:
    text = "one\ntwo\n"
    assert text_report.excerpt(text, at(text, 3, 3))[2] == "  |    ^"
    assert text_report.excerpt(text, at(text, 1, 6))[2] == "  |  ^^"


def test_crlf_line_is_shown_without_its_carriage_return() -> None:
    text = "a\r\nbb\r\n"
    assert text_report.excerpt(text, at(text, 3, 5))[1:3] == ["2 | bb", "  | ^^"]


def test_multi_digit_line_numbers_widen_the_gutter() -> None:
    text = "\n" * 11 + "x\n"
    lines = text_report.excerpt(text, at(text, 11, 12))
    assert lines == ["   |", "12 | x", "   | ^"]


def test_unsafe_fix_hint() -> None:
    text = "x\n"
    diagnostic = at(text, 0, 1, fix=unsafe_fix("Remove it", Edit(0, 2, "")))
    assert text_report.excerpt(text, diagnostic)[-1] == "  = fix (--unsafe-fixes): Remove it"


def test_colour_wraps_path_rule_and_carets() -> None:
    out = text_report.format_diagnostic("README.md", TEXT, period_diagnostic(), text_report.COLOR)
    assert out.startswith("\x1b[1mREADME.md\x1b[0m:3:23: \x1b[31m\x1b[1mdescription-period\x1b[0m ")
    assert "\x1b[31m^^^^^^^^\x1b[0m" in out
    assert "\x1b" not in text_report.format_diagnostic("README.md", TEXT, period_diagnostic())


def test_lint_summary() -> None:
    unsafe = at(TEXT, 0, 1, fix=unsafe_fix("x", Edit(0, 1, "")))
    assert text_report.lint_summary([]) == "All checks passed!"
    assert text_report.lint_summary([missing_description()]) == "Found 1 warning."
    assert text_report.lint_summary([period_diagnostic(), period_diagnostic()]) == (
        "Found 2 errors (2 fixable with --fix)."
    )
    assert text_report.lint_summary([period_diagnostic(), missing_description(), unsafe]) == (
        "Found 2 errors and 1 warning (1 fixable with --fix, 1 more fixable with --unsafe-fixes)."
    )
    assert text_report.lint_summary([unsafe]) == "Found 1 error (1 fixable with --unsafe-fixes)."


def test_fix_summary() -> None:
    unsafe = at(TEXT, 0, 1, fix=unsafe_fix("x", Edit(0, 1, "")))
    assert text_report.fix_summary([], [], False) == "All checks passed!"
    assert text_report.fix_summary([period_diagnostic()], [], False) == "Found 1 error (1 fixed, 0 remaining)."
    assert text_report.fix_summary([period_diagnostic()], [missing_description(), unsafe], False) == (
        "Found 2 errors and 1 warning (1 fixed, 2 remaining; 1 fixable with --unsafe-fixes)."
    )
    assert text_report.fix_summary([], [unsafe], True) == "Found 1 error (0 fixed, 1 remaining)."


def test_show_fixes_groups_by_file_and_rule() -> None:
    fixed = {"a.md": [period_diagnostic(), period_diagnostic()], "b.md": []}
    assert text_report.format_fixes(fixed) == "Fixed in a.md:\n  2 × description-period (Add a period)\n"
    assert text_report.format_fixes({"b.md": []}) == ""


def test_statistics_text_and_json() -> None:
    diagnostics = [missing_description(), period_diagnostic(), period_diagnostic()]
    summaries = {"description-period": "Descriptions end with a period", "missing-description": "Entries have one"}
    assert text_report.format_statistics(diagnostics, summaries) == (
        "2  description-period   [*]  Descriptions end with a period\n"
        "1  missing-description       Entries have one\n"
    )
    assert json.loads(json_report.format_statistics(diagnostics, summaries)) == [
        {"code": "description-period", "summary": "Descriptions end with a period", "count": 2, "fixable": True},
        {"code": "missing-description", "summary": "Entries have one", "count": 1, "fixable": False},
    ]
    assert text_report.format_statistics([], summaries) == ""


def test_json_report_exact() -> None:
    results = [FileResult("docs/README.md", TEXT, [missing_description(), period_diagnostic()])]
    assert json.loads(json_report.format_results(results)) == [
        {
            "code": "description-period",
            "message": "Description should end with a period.",
            "severity": "error",
            "filename": "docs/README.md",
            "location": {"row": 3, "column": 23},
            "end_location": {"row": 3, "column": 31},
            "fix": {
                "applicability": "safe",
                "message": "Add a period",
                "edits": [
                    {"content": ".", "location": {"row": 3, "column": 31}, "end_location": {"row": 3, "column": 31}}
                ],
            },
            "url": rule_url("description-period"),
        },
        {
            "code": "missing-description",
            "message": "Add a description.",
            "severity": "warning",
            "filename": "docs/README.md",
            "location": {"row": 4, "column": 1},
            "end_location": {"row": 4, "column": 20},
            "fix": None,
            "url": rule_url("missing-description"),
        },
    ]


def test_json_is_an_empty_array_without_findings() -> None:
    assert json_report.format_results([]) == "[]\n"


def test_json_edits_use_the_file_line_ending_but_keep_copied_crlf() -> None:
    text = "- b\r\n- a\r\n"
    diagnostic = at(text, 0, 3, fix=safe_fix("sort", Edit(0, 10, "- a\r\n- b\n")))
    record = json.loads(json_report.format_results([FileResult("x.md", text, [diagnostic], "\r\n")]))[0]
    assert record["fix"]["edits"] == [
        {"content": "- a\r\n- b\r\n", "location": {"row": 1, "column": 1}, "end_location": {"row": 2, "column": 6}}  # the end of the text
    ]
