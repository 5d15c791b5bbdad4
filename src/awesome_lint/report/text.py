"""Human-readable report: `path:line:col: rule-id message`, a source excerpt, a summary line."""

from __future__ import annotations

import unicodedata
from collections import Counter
from typing import Iterable, Mapping, NamedTuple

from awesome_lint.diagnostics import Applicability, Diagnostic, Severity
from awesome_lint.report import FileResult, sort_diagnostics

TAB_WIDTH = 4
ALL_PASSED = "All checks passed!"


class Style(NamedTuple):
    """ANSI escapes; the plain style has empty strings everywhere."""

    bold: str = ""
    red: str = ""
    yellow: str = ""
    cyan: str = ""
    dim: str = ""
    reset: str = ""


PLAIN = Style()
COLOR = Style(bold="\x1b[1m", red="\x1b[31m", yellow="\x1b[33m", cyan="\x1b[36m", dim="\x1b[2m", reset="\x1b[0m")


def display_width(text: str) -> int:
    """Terminal columns taken by ``text`` (tabs already expanded): wide East Asian characters take two."""
    width = 0
    for char in text:
        if unicodedata.combining(char):
            continue
        width += 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
    return width


def _line_bounds(text: str, offset: int) -> tuple[int, int]:
    """Start and end (before the line ending) of the line holding ``offset``."""
    offset = min(offset, len(text))
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    if end == -1:
        end = len(text)
    if end > start and text[end - 1] == "\r":
        end -= 1
    return start, end


def excerpt(text: str, diagnostic: Diagnostic, style: Style = PLAIN) -> list[str]:
    """The diagnostic's first line with carets under its span (at least one caret)."""
    line_start, line_end = _line_bounds(text, diagnostic.start)
    start = max(line_start, min(diagnostic.start, line_end))
    end = max(start, min(diagnostic.end, line_end))
    line = text[line_start:line_end]
    before = text[line_start:start].expandtabs(TAB_WIDTH)
    spanned = text[line_start:end].expandtabs(TAB_WIDTH)
    indent = display_width(before)
    carets = max(1, display_width(spanned) - indent)
    number = str(diagnostic.location.line)
    gutter = " " * len(number)
    colour = style.red if diagnostic.severity is Severity.ERROR else style.yellow
    lines = [
        f"{style.dim}{gutter} |{style.reset}",
        f"{style.dim}{number} |{style.reset} {line.expandtabs(TAB_WIDTH)}".rstrip(),
        f"{style.dim}{gutter} |{style.reset} {' ' * indent}{colour}{'^' * carets}{style.reset}",
    ]
    fix = diagnostic.fix
    if fix is not None:
        how = "--fix" if fix.applicability is Applicability.SAFE else "--unsafe-fixes"
        lines.append(f"{gutter} {style.cyan}= fix ({how}):{style.reset} {fix.message}")
    return lines


def format_diagnostic(path: str, text: str, diagnostic: Diagnostic, style: Style = PLAIN) -> str:
    colour = style.red if diagnostic.severity is Severity.ERROR else style.yellow
    line, column = diagnostic.location
    header = (
        f"{style.bold}{path}{style.reset}:{line}:{column}: "
        f"{colour}{style.bold}{diagnostic.rule}{style.reset} {diagnostic.message}"
    )
    return "\n".join([header, *excerpt(text, diagnostic, style)])


def format_results(results: Iterable[FileResult], style: Style = PLAIN) -> str:
    """Every finding of every file, each followed by a blank line; '' when there are none."""
    return "".join(
        format_diagnostic(result.path, result.text, diagnostic, style) + "\n\n"
        for result in results
        for diagnostic in sort_diagnostics(result.diagnostics)
    )


def count_phrase(diagnostics: Iterable[Diagnostic]) -> str:
    """'3 errors', '1 warning', '2 errors and 1 warning'."""
    counts = Counter(d.severity for d in diagnostics)
    parts = [
        _plural(counts[severity], severity.value)
        for severity in (Severity.ERROR, Severity.WARNING)
        if counts[severity]
    ]
    return " and ".join(parts) or "0 errors"


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def lint_summary(diagnostics: list[Diagnostic]) -> str:
    """'All checks passed!' or 'Found 3 errors (2 fixable with --fix, 1 with --unsafe-fixes).'"""
    if not diagnostics:
        return ALL_PASSED
    safe = sum(1 for d in diagnostics if d.fix and d.fix.applicability is Applicability.SAFE)
    unsafe = sum(1 for d in diagnostics if d.fix and d.fix.applicability is Applicability.UNSAFE)
    hints = []
    if safe:
        hints.append(f"{safe} fixable with --fix")
    if unsafe:
        hints.append(f"{unsafe} {'more ' if safe else ''}fixable with --unsafe-fixes")
    suffix = f" ({', '.join(hints)})" if hints else ""
    return f"Found {count_phrase(diagnostics)}{suffix}."


def fix_summary(fixed: list[Diagnostic], remaining: list[Diagnostic], unsafe_enabled: bool) -> str:
    """'Found 3 errors (2 fixed, 1 remaining).' after --fix."""
    if not fixed and not remaining:
        return ALL_PASSED
    detail = f"{len(fixed)} fixed, {len(remaining)} remaining"
    if not unsafe_enabled:
        unsafe = sum(1 for d in remaining if d.fix and d.fix.applicability is Applicability.UNSAFE)
        if unsafe:
            detail += f"; {unsafe} fixable with --unsafe-fixes"
    return f"Found {count_phrase([*fixed, *remaining])} ({detail})."


def format_fixes(fixed_by_path: Mapping[str, list[Diagnostic]]) -> str:
    """What --fix changed, per file and rule (like ruff's --show-fixes); '' when nothing was fixed."""
    lines = []
    for path, fixed in fixed_by_path.items():
        if not fixed:
            continue
        lines.append(f"Fixed in {path}:")
        counts = Counter((d.rule, d.fix.message if d.fix else d.message) for d in fixed)
        for (rule, message), count in sorted(counts.items()):
            lines.append(f"  {count} × {rule} ({message})")
    return "\n".join(lines) + ("\n" if lines else "")


class RuleCount(NamedTuple):
    rule: str
    count: int
    fixable: bool  # at least one finding of the rule carries a fix


def rule_counts(diagnostics: Iterable[Diagnostic]) -> list[RuleCount]:
    """Findings per rule, most frequent first."""
    counts: Counter[str] = Counter()
    fixable: set[str] = set()
    for diagnostic in diagnostics:
        counts[diagnostic.rule] += 1
        if diagnostic.fix is not None:
            fixable.add(diagnostic.rule)
    return [RuleCount(rule, count, rule in fixable) for rule, count in sorted(counts.items(), key=lambda i: (-i[1], i[0]))]


def format_statistics(diagnostics: Iterable[Diagnostic], summaries: Mapping[str, str]) -> str:
    """One line per rule: count, id, [*] when fixable, the rule's summary."""
    rows = rule_counts(diagnostics)
    if not rows:
        return ""
    count_width = max(len(str(row.count)) for row in rows)
    rule_width = max(len(row.rule) for row in rows)
    lines = [
        f"{row.count:>{count_width}}  {row.rule:<{rule_width}}  {'[*]' if row.fixable else '   '}  "
        f"{summaries.get(row.rule, '')}".rstrip()
        for row in rows
    ]
    return "\n".join(lines) + "\n"
