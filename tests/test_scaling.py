"""Engine paths that were quadratic (or allocated per line) on inputs an attacker's pull request
can hold (issue 12, items 12 to 14). Each input is large enough that the old code took 10 to 60 s
or hundreds of MB; the bounds are generous CPU-time limits, since the machine is shared."""

from __future__ import annotations

import json
import time
import tracemalloc
from typing import Callable

import pytest

from awesome_lint.diagnostics import Diagnostic, Edit, FatalError, Position, Severity, safe_fix
from awesome_lint.document.build import build_document
from awesome_lint.fix import fix_text, select_fixes
from awesome_lint.linter import lint_text
from awesome_lint.report import FileResult
from awesome_lint.report import json as json_report
from awesome_lint.suppress import collect_markers
from helpers import where


def cpu_seconds(action: Callable[[], object]) -> float:
    start = time.process_time()
    action()
    return time.process_time() - start


def test_many_links_in_one_entry_build_in_linear_time() -> None:
    links = " ".join(f"[L{i}](https://example.com/{i})" for i in range(20_000))  # was 25 s
    text = f"# T\n\n- {links}\n"
    assert cpu_seconds(lambda: build_document("t.md", text)) < 5


def test_badge_inside_a_link_is_not_the_main_link() -> None:
    text = "# T\n\n- [![b](https://img.example/b.svg)](https://b.example) [Alpha](https://a.example) - A.\n"
    entry = next(build_document("t.md", text).entries())
    assert entry.link is not None and entry.link.url == "https://a.example"


def test_many_unclosed_lint_comments_are_collected_in_linear_time() -> None:
    document = build_document("t.md", "# T\n\n" + "<!--lint disable\n\n" * 16_000)  # was 36 s
    assert cpu_seconds(lambda: collect_markers(document)) < 2
    assert collect_markers(document) == ([], [])


def test_a_marker_before_an_unclosed_comment_is_still_collected() -> None:
    document = build_document("t.md", "# T\n\n<!--lint disable-->\n\nText.\n\n<!--lint enable\n")
    markers, _ = collect_markers(document)
    assert [(marker.verb, marker.start) for marker in markers] == [("disable", 5)]


def test_many_ignore_comments_inside_one_list_are_located_in_linear_time() -> None:
    items = "".join(f"- [A{i}](https://x.example/{i}) - Thing.\n  <!--lint ignore-->\n" for i in range(16_000))
    document = build_document("t.md", "# T\n\n## S\n\n" + items)  # was 7 s
    assert cpu_seconds(lambda: collect_markers(document)) < 2


def test_many_inline_comments_in_one_paragraph_are_located_in_linear_time() -> None:
    paragraph = " ".join("`x` <!--lint ignore--> y" for _ in range(8_000))
    document = build_document("t.md", f"# T\n\nText {paragraph}\n")  # was 21 s
    assert cpu_seconds(lambda: collect_markers(document)) < 2


def test_a_lint_comment_inside_a_code_span_is_not_a_marker() -> None:
    text = "# T\n\nSee `a <!--lint ignore--> b` and <!--lint ignore--> here.\n"
    markers, _ = collect_markers(build_document("t.md", text))
    assert [marker.start for marker in markers] == [text.index("<!--lint ignore--> here")]


def test_an_unmatched_backtick_run_does_not_hide_a_later_code_span() -> None:
    text = "# T\n\nA `` b `c <!--lint ignore--> d` e.\n"
    assert collect_markers(build_document("t.md", text)) == ([], [])


def _replacement(start: int) -> Diagnostic:
    return Diagnostic(
        "r", "m", start, start + 1, Position(1, 1), Position(1, 1), Severity.ERROR, safe_fix("f", Edit(start, start + 1, "x"))
    )


def test_many_fixes_are_selected_in_n_log_n_time() -> None:
    diagnostics = [_replacement(2 * i) for i in range(40_000)]  # was 60 s
    assert cpu_seconds(lambda: select_fixes(diagnostics, unsafe=False)) < 5


def test_select_fixes_skips_exactly_the_conflicting_fixes() -> None:
    def diagnostic(start: int, *spans: tuple[int, int]) -> Diagnostic:
        edits = tuple(Edit(a, b, "x") for a, b in spans)
        return Diagnostic("r", "m", start, start, Position(1, 1), Position(1, 1), Severity.ERROR, safe_fix("f", *edits))

    taken = [diagnostic(0, (0, 5)), diagnostic(10, (10, 10)), diagnostic(20, (20, 30))]
    conflicting = [
        diagnostic(31, (4, 6)),  # shares text with 0-5
        diagnostic(32, (10, 12)),  # a replacement where an insertion is
        diagnostic(33, (25, 25)),  # an insertion inside 20-30
        diagnostic(34, (40, 41), (19, 21)),  # one of its edits overlaps
        diagnostic(38, (5, 5)),  # an insertion where a replacement ends
    ]
    free = [diagnostic(35, (7, 7)), diagnostic(36, (30, 31)), diagnostic(37, (12, 19))]
    chosen = select_fixes(taken + conflicting + free, unsafe=False)
    assert sorted(d.start for d in chosen) == [0, 10, 20, 35, 36, 37]


def test_blank_lines_do_not_allocate_a_kilobyte_each() -> None:
    text = "# T\n" + "\n" * 200_000  # was 218 MB at the peak while parsing
    tracemalloc.start()
    try:
        build_document("t.md", text)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 60_000_000


def test_blank_lines_still_separate_blocks() -> None:
    document = build_document("t.md", "# T\n\n \t\n\n- [A](https://a.example) - A.\n\n\n\nText.\n")
    assert [block.kind for block in document.blocks] == ["list", "paragraph"]


@pytest.mark.parametrize("run", [lint_text, fix_text], ids=["lint_text", "fix_text"])
def test_a_lone_surrogate_is_refused_with_its_position(run: Callable[[str, str], object]) -> None:
    with pytest.raises(FatalError, match=r"^t\.md:3:25: lone surrogate U\+D800 "):
        run("t.md", "# T\n\n- [A](https://x.example/\ud800) - A.\n")


def test_astral_characters_are_text() -> None:
    assert where(lint_text("t.md", "# T\n\n𝔸 😀 paragraph.\n")) == where(lint_text("t.md", "# T\n\nA b paragraph.\n"))


def test_json_prints_a_fix_shared_by_several_findings_once() -> None:
    text = "# T\n\n- [B](#b)\n- [A](#a)\n"
    rewrite = safe_fix("Regenerate the table of contents", Edit(5, 24, "- [A](#a)\n- [B](#b)"))
    own = safe_fix("Other", Edit(0, 1, "#"))
    findings = [
        Diagnostic("toc", "first", 5, 14, Position(3, 1), Position(3, 10), Severity.ERROR, rewrite),
        Diagnostic("toc", "second", 15, 24, Position(4, 1), Position(4, 9), Severity.ERROR, rewrite),
        Diagnostic("title", "third", 0, 1, Position(1, 1), Position(1, 2), Severity.ERROR, own),
    ]
    out = json.loads(json_report.format_results([FileResult("t.md", text, findings)]))
    assert [(record["message"], record["fix"]) for record in out] == [
        ("third", {"applicability": "safe", "message": "Other", "edits": [_json_edit("#", (1, 1), (1, 2))]}),
        (
            "first",
            {
                "applicability": "safe",
                "message": "Regenerate the table of contents",
                "edits": [_json_edit("- [A](#a)\n- [B](#b)", (3, 1), (4, 10))],
            },
        ),
        ("second", {"applicability": "safe", "message": "Regenerate the table of contents", "edits": [], "same_fix_as": 1}),
    ]


def _json_edit(content: str, start: tuple[int, int], end: tuple[int, int]) -> dict[str, object]:
    return {
        "content": content,
        "location": {"row": start[0], "column": start[1]},
        "end_location": {"row": end[0], "column": end[1]},
    }
