"""The fix loop (fix.py) and file writing (write.py), with hand-made rules."""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path
from typing import Iterable

import pytest

from awesome_lint.diagnostics import Diagnostic, Edit, FatalError, Position, Severity, safe_fix, unsafe_fix
from awesome_lint.document.model import Document
from awesome_lint.fix import FixDidNotSettle, apply_edits, fix_text, select_fixes, with_newline
from helpers import config_for, fixed
from awesome_lint.linter import LintConfig
from awesome_lint.rules import Context, NoOptions, Rule
from awesome_lint.write import atomic_write, encode_markdown, write_if_changed


def diagnostic(start: int, end: int, fix_edits: list[Edit] | None, rule: str = "r", unsafe: bool = False) -> Diagnostic:
    make = unsafe_fix if unsafe else safe_fix
    return Diagnostic(
        rule, "m", start, end, Position(1, start + 1), Position(1, end + 1), Severity.ERROR,
        make("fix", *fix_edits) if fix_edits is not None else None,
    )


# -- apply_edits / select_fixes / with_newline -------------------------------------------------
def test_apply_edits_in_any_order() -> None:
    assert apply_edits("abcdef", [Edit(4, 5, "E"), Edit(0, 1, "A"), Edit(2, 2, "+")]) == "Ab+cdEf"


def test_apply_edits_rejects_overlaps() -> None:
    with pytest.raises(ValueError, match="overlapping edits at offset 1"):
        apply_edits("abcdef", [Edit(0, 3, ""), Edit(1, 2, "x")])


def test_select_fixes_skips_conflicts_and_unsafe() -> None:
    first = diagnostic(0, 3, [Edit(0, 3, "x")], "a")
    overlapping = diagnostic(2, 4, [Edit(2, 4, "y")], "b")
    same_insertion_point = diagnostic(5, 5, [Edit(5, 5, ".")], "c")
    second_insertion = diagnostic(5, 5, [Edit(5, 5, "!")], "d")
    unsafe = diagnostic(7, 8, [Edit(7, 8, "")], "e", unsafe=True)
    no_fix = diagnostic(9, 9, None, "f")
    chosen = select_fixes([unsafe, second_insertion, overlapping, first, same_insertion_point, no_fix], unsafe=False)
    assert [d.rule for d in chosen] == ["a", "c"]
    assert [d.rule for d in select_fixes([unsafe], unsafe=True)] == ["e"]


def test_an_insertion_where_a_replacement_ends_waits_for_the_next_pass() -> None:
    # A period inserted at the end of a line that a sort rewrites would land on the entry the
    # sort moved there ("Does beta.." in the changed-since engineer's report): either order.
    rewrite = diagnostic(0, 10, [Edit(0, 10, "sorted")], "a")
    insertion_at_its_end = diagnostic(10, 10, [Edit(10, 10, ".")], "b")
    assert [d.rule for d in select_fixes([rewrite, insertion_at_its_end], unsafe=False)] == ["a"]
    insertion_first = diagnostic(10, 10, [Edit(10, 10, ".")], "a")
    rewrite_second = diagnostic(4, 10, [Edit(4, 10, "sorted")], "b")
    assert [d.rule for d in select_fixes([insertion_first, rewrite_second], unsafe=False)] == ["b"]
    adjacent = diagnostic(10, 12, [Edit(10, 12, "yz")], "c")
    assert [d.rule for d in select_fixes([rewrite, adjacent], unsafe=False)] == ["a", "c"]


def test_period_and_sort_on_the_same_line_settle_on_the_right_entry() -> None:
    text = "# Awesome X\n\n- [Beta](https://beta.dev) - Does beta.\n- [Alpha](https://alpha.dev) - Does alpha\n"
    result = fix_text("x.md", text, config_for("description-period", "alphabetical-order"))
    assert result.text == "# Awesome X\n\n- [Alpha](https://alpha.dev) - Does alpha.\n- [Beta](https://beta.dev) - Does beta.\n"


def test_with_newline_converts_new_lines_but_keeps_copied_crlf() -> None:
    assert with_newline("a\nb\n", "\r\n") == "a\r\nb\r\n"
    assert with_newline("copied\r\nnew\n", "\r\n") == "copied\r\nnew\r\n"
    assert with_newline("a\nb\n", "\n") == "a\nb\n"


# -- fix_text with hand-made rules -------------------------------------------------------------
class AppendLine(Rule[NoOptions]):
    """Adds a '- [Z](https://z)' entry after the last line unless present: a multi-line insertion."""

    id = "append-line"
    summary = "test"
    fixable = True

    def check(self, document: Document, context: Context[NoOptions]) -> Iterable[Diagnostic]:
        if "[Z]" not in document.text:
            end = len(document.text)
            yield self.diagnostic(document, end, end, "add Z", safe_fix("add", Edit(end, end, "- [Z](https://z)\n")))


class FlipA(Rule[NoOptions]):
    id = "flip-a"
    summary = "test"
    fixable = True

    def check(self, document: Document, context: Context[NoOptions]) -> Iterable[Diagnostic]:
        start = document.text.find("[A]")
        if start != -1:
            yield self.diagnostic(document, start, start + 3, "A to B", safe_fix("B", Edit(start, start + 3, "[B]")))


class FlipB(Rule[NoOptions]):
    id = "flip-b"
    summary = "test"
    fixable = True

    def check(self, document: Document, context: Context[NoOptions]) -> Iterable[Diagnostic]:
        start = document.text.find("[B]")
        if start != -1:
            yield self.diagnostic(document, start, start + 3, "B to A", safe_fix("A", Edit(start, start + 3, "[A]")))


class DropLine(Rule[NoOptions]):
    """Unsafe: removes the first entry."""

    id = "drop-line"
    summary = "test"
    fixable = True

    def check(self, document: Document, context: Context[NoOptions]) -> Iterable[Diagnostic]:
        entries = list(document.entries())
        if len(entries) > 1:
            first = entries[0]
            end = document.text.index("\n", first.start) + 1
            yield self.diagnostic(document, first.start, end, "drop", unsafe_fix("drop", Edit(first.start, end, "")))


@pytest.fixture
def rules(monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    def install(*rule_classes: type[Rule]) -> LintConfig:
        for name, module in list(sys.modules.items()):
            if name.startswith("awesome_lint") and hasattr(module, "RULES"):
                monkeypatch.setattr(module, "RULES", rule_classes)
        return LintConfig()

    return install


def test_fix_converts_inserted_lines_to_crlf(rules) -> None:  # type: ignore[no-untyped-def]
    config = rules(AppendLine)
    result = fix_text("x.md", "# T\r\n\r\n- [A](https://a)\r\n", config)
    assert result.text == "# T\r\n\r\n- [A](https://a)\r\n- [Z](https://z)\r\n"
    assert (result.passes, result.newline, [d.rule for d in result.applied], result.remaining) == (
        1, "\r\n", ["append-line"], []
    )
    again = fix_text("x.md", result.text, config)
    assert (again.changed, again.passes) == (False, 0)


def test_fix_that_never_settles_names_the_rules(rules) -> None:  # type: ignore[no-untyped-def]
    config = rules(FlipA, FlipB, AppendLine)
    with pytest.raises(FixDidNotSettle) as caught:
        fix_text("x.md", "- [A](https://a)\n- [Z](https://z)\n", config)
    assert caught.value.rules == ["flip-a", "flip-b"]
    assert str(caught.value) == "x.md: fixes did not settle after 12 passes (rules: flip-a, flip-b)"


def test_unsafe_fixes_only_when_asked(rules) -> None:  # type: ignore[no-untyped-def]
    config = rules(DropLine)
    text = "- [A](https://a)\n- [B](https://b)\n"
    safe_only = fix_text("x.md", text, config)
    assert (safe_only.text, [d.rule for d in safe_only.remaining]) == (text, ["drop-line"])
    assert fix_text("x.md", text, config, unsafe=True).text == "- [B](https://b)\n"


# -- write.py ----------------------------------------------------------------------------------
def test_encode_adds_the_bom_back() -> None:
    assert encode_markdown("é\r\n", bom=True) == b"\xef\xbb\xbf\xc3\xa9\r\n"
    assert encode_markdown("é", bom=False) == b"\xc3\xa9"


def test_write_if_changed(tmp_path: Path) -> None:
    target = tmp_path / "README.md"
    target.write_bytes(b"\xef\xbb\xbfold\r\n")
    os.utime(target, (1_000_000, 1_000_000))
    assert write_if_changed(target, "old\r\n", bom=True, original=target.read_bytes()) is False
    assert target.stat().st_mtime == 1_000_000
    assert write_if_changed(target, "new\r\n", bom=True, original=target.read_bytes()) is True
    assert target.read_bytes() == b"\xef\xbb\xbfnew\r\n"


def test_atomic_write_keeps_mode_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "README.md"
    target.write_bytes(b"old")
    target.chmod(0o604)
    atomic_write(target, b"new")
    assert target.read_bytes() == b"new"
    assert stat.S_IMODE(target.stat().st_mode) == 0o604
    assert [p.name for p in tmp_path.iterdir()] == ["README.md"]


def test_atomic_write_failure_keeps_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "README.md"
    target.write_bytes(b"old")

    def refuse(source: str, destination: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(FatalError, match=r"README.md: cannot write \(Permission denied\)"):
        atomic_write(target, b"new")
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["README.md"]


def test_folder_we_cannot_write_in_is_a_fatal_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import tempfile

    def refuse(**kwargs: object) -> tuple[int, str]:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    target = tmp_path / "README.md"
    target.write_bytes(b"old")
    with pytest.raises(FatalError, match=r"README.md: cannot write \(Permission denied\)"):
        atomic_write(target, b"new")
    assert target.read_bytes() == b"old"


def test_findings_sharing_one_fix_all_count_as_fixed() -> None:
    # One ToC item has the wrong text and one is missing: two findings, one fix rewriting the list.
    text = "# Awesome X\n\n## Contents\n\n- [Alpha](#a)\n\n## A\n\nText.\n\n## B\n\nText.\n"
    result = fixed(text, "toc")
    assert result.text == "# Awesome X\n\n## Contents\n\n- [A](#a)\n- [B](#b)\n\n## A\n\nText.\n\n## B\n\nText.\n"
    assert sorted(d.message for d in result.applied) == [
        "Add 'B' (line 11) to the table of contents: '- [B](#b)'",
        "Write ToC item 'Alpha' as its heading: 'A' (line 7)",
    ]
