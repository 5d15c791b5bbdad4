"""Apply fixes: edits on the original text, re-lint, repeat until nothing applies (DESIGN.md §4)."""

from __future__ import annotations

from bisect import bisect_left, insort
from dataclasses import dataclass, field
from typing import Callable

from awesome_lint.diagnostics import Applicability, Diagnostic, Edit, Fix, apply_edits, with_newline
from awesome_lint.document.build import build_document
from awesome_lint.facts import OnlineFacts
from awesome_lint.linter import DEFAULT_CONFIG, LintConfig, lint_document
from awesome_lint.repository import RepositoryFiles

MAX_PASSES = 12


class FixDidNotSettle(Exception):
    """Fixes kept producing changes: a bug in a rule, reported with the rules involved."""

    def __init__(self, path: str, rules: list[str]) -> None:
        super().__init__(f"{path}: fixes did not settle after {MAX_PASSES} passes (rules: {', '.join(rules)})")
        self.path = path
        self.rules = rules


@dataclass
class FixResult:
    original: str
    text: str
    applied: list[Diagnostic] = field(default_factory=list)  # diagnostics whose fix was applied
    remaining: list[Diagnostic] = field(default_factory=list)  # findings after the last pass
    passes: int = 0
    newline: str = "\n"  # the fixed text's dominant line ending

    @property
    def changed(self) -> bool:
        return self.text != self.original


def fix_applies(fix: Fix | None, unsafe: bool) -> bool:
    return fix is not None and (unsafe or fix.applicability is Applicability.SAFE)


def select_fixes(diagnostics: list[Diagnostic], unsafe: bool) -> list[Diagnostic]:
    """Diagnostics whose fixes can be applied together: no two fixes touch overlapping text."""
    chosen: list[Diagnostic] = []
    taken = _TakenSpans()
    for diagnostic in sorted(diagnostics, key=lambda d: (d.start, d.rule)):
        fix = diagnostic.fix
        if not fix_applies(fix, unsafe):
            continue
        assert fix is not None
        spans = [(edit.start, edit.end) for edit in fix.edits]
        if any(taken.conflicts(span) for span in spans):
            continue
        chosen.append(diagnostic)
        for span in spans:
            taken.add(span)
    return chosen


class _TakenSpans:
    """The spans of the fixes taken so far, sorted, for a conflict test by bisection.

    Spans that share text conflict, and so do two edits at the same point (two insertions, or an
    insertion where a replacement starts or ends): their order would be arbitrary, and a period
    inserted at the end of a line that a sort rewrites would land on whatever entry the sort put
    there. Taken spans never conflict with each other, so sorted by start they are sorted by end
    too, and only the neighbours of a new span can conflict with it.
    """

    def __init__(self) -> None:
        self.spans: list[tuple[int, int]] = []

    def conflicts(self, span: tuple[int, int]) -> bool:
        start, end = span
        index = bisect_left(self.spans, (start, -1))
        if index > 0:
            left_end = self.spans[index - 1][1]
            if left_end > start or (left_end == start and start == end):
                return True
        if index == len(self.spans):
            return False
        right_start, right_end = self.spans[index]
        return right_start == start or right_start < end or (right_start == end == right_end)

    def add(self, span: tuple[int, int]) -> None:
        insort(self.spans, span)


def _fixed_by(chosen: list[Diagnostic], diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    """The chosen diagnostics plus those whose fix is one of theirs: several findings of one list
    (a table of contents, say) can share the one fix that rewrites it."""
    applied_fixes = {diagnostic.fix for diagnostic in chosen}
    picked = {id(diagnostic) for diagnostic in chosen}
    return [d for d in diagnostics if id(d) in picked or (d.fix is not None and d.fix in applied_fixes)]


def fix_text(
    path: str,
    text: str,
    config: LintConfig = DEFAULT_CONFIG,
    unsafe: bool = False,
    bom: bool = False,
    repository: RepositoryFiles | None = None,
    keep: Callable[[str, list[Diagnostic]], list[Diagnostic]] | None = None,
    online: OnlineFacts | None = None,
) -> FixResult:
    """Fix ``text`` pass after pass. ``keep(text, diagnostics)``, when given, picks the findings
    whose fixes may be applied in a pass (`--changed-since` keeps those the change is responsible for)."""
    result = FixResult(original=text, text=text)
    rules_per_pass: list[set[str]] = []
    for _ in range(MAX_PASSES):
        document = build_document(path, result.text, bom)
        result.newline = document.newline
        diagnostics = lint_document(document, config, repository, online)
        chosen = select_fixes(diagnostics if keep is None else keep(result.text, diagnostics), unsafe)
        if not chosen:
            result.remaining = diagnostics
            return result
        edits = [
            Edit(edit.start, edit.end, with_newline(edit.content, document.newline))
            for diagnostic in chosen
            for edit in diagnostic.fix.edits  # type: ignore[union-attr]
        ]
        new_text = apply_edits(result.text, edits)
        result.passes += 1
        if new_text == result.text:
            result.remaining = diagnostics
            return result
        result.applied.extend(_fixed_by(chosen, diagnostics))
        result.text = new_text
        rules_per_pass.append({d.rule for d in chosen})
    document = build_document(path, result.text, bom)
    diagnostics = lint_document(document, config, repository, online)
    still = {d.rule for d in select_fixes(diagnostics if keep is None else keep(result.text, diagnostics), unsafe)}
    # The rules that keep changing the text: still pending now, or applied in the last passes.
    involved = still.union(*rules_per_pass[-3:])
    raise FixDidNotSettle(path, sorted(involved))
