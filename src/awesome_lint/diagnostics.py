"""Small immutable values the engine passes around: positions, edits, fixes, diagnostics.

Offsets are indexes into ``Document.text`` (the decoded file without its BOM, line endings as in
the file). Lines and columns are 1-based; columns count characters (code points).
"""

from __future__ import annotations

from enum import Enum
from typing import NamedTuple


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"


class Applicability(str, Enum):
    SAFE = "safe"
    UNSAFE = "unsafe"


class Position(NamedTuple):
    line: int
    column: int


class Span(NamedTuple):
    start: int
    end: int


class Edit(NamedTuple):
    """Replace ``text[start:end]`` with ``content``."""

    start: int
    end: int
    content: str


class Fix(NamedTuple):
    edits: tuple[Edit, ...]
    applicability: Applicability
    message: str


class Diagnostic(NamedTuple):
    rule: str
    message: str
    start: int
    end: int
    location: Position
    end_location: Position
    severity: Severity
    fix: Fix | None = None

    @property
    def line(self) -> int:
        return self.location.line

    @property
    def column(self) -> int:
        return self.location.column


def safe_fix(message: str, *edits: Edit) -> Fix:
    return Fix(tuple(edits), Applicability.SAFE, message)


def unsafe_fix(message: str, *edits: Edit) -> Fix:
    return Fix(tuple(edits), Applicability.UNSAFE, message)


class FatalError(Exception):
    """A user error (bad path, bad config, undecodable file): one line, exit code 2."""
