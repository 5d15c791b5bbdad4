"""Machine-readable report: one JSON array of diagnostics, shaped like ruff's `--output-format json`."""

from __future__ import annotations

import json
from typing import Any, Iterable, Mapping

from awesome_lint.diagnostics import Diagnostic, Fix, Position, with_newline
from awesome_lint.report import FileResult, LineIndex, rule_url, sort_diagnostics
from awesome_lint.report.text import rule_counts


def _location(position: Position) -> dict[str, int]:
    return {"row": position.line, "column": position.column}


def _fix(fix: Fix | None, index: LineIndex, newline: str) -> dict[str, Any] | None:
    if fix is None:
        return None
    return {
        "applicability": fix.applicability.value,
        "message": fix.message,
        "edits": [
            {
                "content": with_newline(edit.content, newline),
                "location": _location(index.position(edit.start)),
                "end_location": _location(index.position(edit.end)),
            }
            for edit in sorted(fix.edits, key=lambda e: (e.start, e.end))
        ],
    }


def _shared_fix(fix: Fix, record_index: int) -> dict[str, Any]:
    """A fix already printed with record ``record_index`` (the one ToC rewrite behind every ToC
    finding): its edits are not repeated, so applying every edit in the array applies it once."""
    return {"applicability": fix.applicability.value, "message": fix.message, "edits": [], "same_fix_as": record_index}


def diagnostic_record(
    result: FileResult, diagnostic: Diagnostic, index: LineIndex, fix: dict[str, Any] | None = None
) -> dict[str, Any]:
    return {
        "code": diagnostic.rule,
        "message": diagnostic.message,
        "severity": diagnostic.severity.value,
        "filename": result.path,
        "location": _location(diagnostic.location),
        "end_location": _location(diagnostic.end_location),
        "fix": fix if fix is not None else _fix(diagnostic.fix, index, result.newline),
        "url": rule_url(diagnostic.rule),
    }


def records(results: Iterable[FileResult]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for result in results:
        index = LineIndex(result.text)
        printed: dict[Fix, int] = {}  # fix -> index of the record that holds its edits
        for diagnostic in sort_diagnostics(result.diagnostics):
            fix = diagnostic.fix
            if fix is not None and fix in printed:
                out.append(diagnostic_record(result, diagnostic, index, _shared_fix(fix, printed[fix])))
                continue
            if fix is not None:
                printed[fix] = len(out)
            out.append(diagnostic_record(result, diagnostic, index))
    return out


def format_results(results: Iterable[FileResult]) -> str:
    return json.dumps(records(results), indent=2, ensure_ascii=False) + "\n"


def format_statistics(diagnostics: Iterable[Diagnostic], summaries: Mapping[str, str]) -> str:
    rows = [
        {"code": row.rule, "summary": summaries.get(row.rule, ""), "count": row.count, "fixable": row.fixable}
        for row in rule_counts(diagnostics)
    ]
    return json.dumps(rows, indent=2, ensure_ascii=False) + "\n"
