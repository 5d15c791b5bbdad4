"""SARIF 2.1.0 report (`--output-format sarif`): one run, the tool's rules, results and fixes.

The shape GitHub code scanning reads (`github/codeql-action/upload-sarif`). Regions are 1-based;
columns count Unicode code points (``columnKind``), as our positions do, and ``endColumn`` is the
column after the region, as SARIF defines it.
"""

from __future__ import annotations

import json
from pathlib import PurePath
from typing import TYPE_CHECKING, Any, Iterable, Sequence
from urllib.parse import quote

from awesome_lint import __version__
from awesome_lint.diagnostics import Diagnostic, Fix, Position, with_newline
from awesome_lint.report import FileResult, LineIndex, rule_url, sort_diagnostics

if TYPE_CHECKING:
    from awesome_lint.rules import Rule

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
SARIF_VERSION = "2.1.0"
TOOL_NAME = "awesome-lint"
INFORMATION_URI = "https://github.com/awesome-lint/awesome-lint-python"


def artifact_uri(path: str) -> str:
    """A relative path stays a relative URI reference (GitHub resolves it against the checkout);
    Windows separators become '/', and characters outside URIs are percent-encoded."""
    pure = PurePath(path)
    return pure.as_uri() if pure.is_absolute() else quote(pure.as_posix())


def region(start: Position, end: Position) -> dict[str, int]:
    return {"startLine": start.line, "startColumn": start.column, "endLine": end.line, "endColumn": end.column}


def rule_descriptor(rule: type[Rule]) -> dict[str, Any]:
    return {
        "id": rule.id,
        "shortDescription": {"text": rule.summary},
        "helpUri": rule_url(rule.id),
        "defaultConfiguration": {"level": rule.severity.value, "enabled": rule.default_enabled},
        "properties": {"aliases": list(rule.aliases), "fixable": rule.fixable},
    }


def sarif_fix(uri: str, fix: Fix, index: LineIndex, newline: str) -> dict[str, Any]:
    replacements = [
        {
            "deletedRegion": region(index.position(edit.start), index.position(edit.end)),
            "insertedContent": {"text": with_newline(edit.content, newline)},
        }
        for edit in sorted(fix.edits, key=lambda e: (e.start, e.end))
    ]
    return {
        "description": {"text": fix.message},
        "artifactChanges": [{"artifactLocation": {"uri": uri}, "replacements": replacements}],
        "properties": {"applicability": fix.applicability.value},
    }


def sarif_result(
    result: FileResult, diagnostic: Diagnostic, index: LineIndex, rule_index: dict[str, int]
) -> dict[str, Any]:
    uri = artifact_uri(result.path)
    record: dict[str, Any] = {
        "ruleId": diagnostic.rule,
        "level": diagnostic.severity.value,
        "message": {"text": diagnostic.message},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": {"uri": uri},
                    "region": region(diagnostic.location, diagnostic.end_location),
                }
            }
        ],
    }
    if diagnostic.rule in rule_index:
        record["ruleIndex"] = rule_index[diagnostic.rule]
    if diagnostic.fix is not None:
        record["fixes"] = [sarif_fix(uri, diagnostic.fix, index, result.newline)]
    return record


def sarif_log(results: Iterable[FileResult], rules: Sequence[type[Rule]]) -> dict[str, Any]:
    rule_index = {rule.id: position for position, rule in enumerate(rules)}
    sarif_results = []
    for result in results:
        index = LineIndex(result.text)
        sarif_results.extend(
            sarif_result(result, diagnostic, index, rule_index) for diagnostic in sort_diagnostics(result.diagnostics)
        )
    driver = {
        "name": TOOL_NAME,
        "version": __version__,
        "informationUri": INFORMATION_URI,
        "rules": [rule_descriptor(rule) for rule in rules],
    }
    run = {"tool": {"driver": driver}, "columnKind": "unicodeCodePoints", "results": sarif_results}
    return {"$schema": SCHEMA_URI, "version": SARIF_VERSION, "runs": [run]}


def format_sarif(results: Iterable[FileResult], rules: Sequence[type[Rule]]) -> str:
    return json.dumps(sarif_log(results, rules), indent=2, ensure_ascii=False) + "\n"
