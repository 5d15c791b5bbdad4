"""GitHub Actions workflow commands (`::error file=...::message`) for diagnostics.

Escaping follows the runner's rules: in the message, `%`, CR and LF are percent-encoded; property
values additionally encode `:` and `,`. Without it a message holding a newline or `::` could end
the command early or start a new one (DESIGN.md §5).
"""

from __future__ import annotations

from typing import Iterable, Literal

from awesome_lint.diagnostics import Diagnostic, Severity
from awesome_lint.report import FileResult, sort_diagnostics

Level = Literal["error", "warning", "notice"]


def escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def workflow_command(command: str, message: str, **properties: str | int) -> str:
    """`::command key=value,...::message` with every part escaped."""
    rendered = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items())
    separator = " " if rendered else ""
    return f"::{command}{separator}{rendered}::{escape_data(message)}"


def level_for(diagnostic: Diagnostic) -> Level:
    return "error" if diagnostic.severity is Severity.ERROR else "warning"


def annotation(path: str, diagnostic: Diagnostic, level: Level | None = None) -> str:
    """One annotation. The end position is given only when it is on the same line (GitHub ignores
    ``col``/``endColumn`` on multi-line annotations)."""
    properties: dict[str, str | int] = {"file": path, "line": diagnostic.location.line}
    end = diagnostic.end_location
    if end.line == diagnostic.location.line:
        properties["col"] = diagnostic.location.column
        properties["endColumn"] = max(end.column, diagnostic.location.column)
    else:
        properties["endLine"] = end.line
    properties["title"] = f"awesome-lint ({diagnostic.rule})"
    return workflow_command(level or level_for(diagnostic), diagnostic.message, **properties)


def format_github(results: Iterable[FileResult]) -> str:
    """Every diagnostic of every file as an annotation, one per line (the `--format github` report)."""
    lines = [
        annotation(result.path, diagnostic)
        for result in results
        for diagnostic in sort_diagnostics(result.diagnostics)
    ]
    return "".join(line + "\n" for line in lines)
