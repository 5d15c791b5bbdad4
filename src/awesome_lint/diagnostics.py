"""Small immutable values the engine passes around: positions, edits, fixes, diagnostics.

Offsets are indexes into ``Document.text`` (the decoded file without its BOM, line endings as in
the file). Lines and columns are 1-based; columns count characters (code points).
"""

from __future__ import annotations

import re
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


_BARE_LF = re.compile(r"(?<!\r)\n")


def with_newline(content: str, newline: str) -> str:
    """Rules write new lines in edits as '\\n': convert them to the file's own line ending.

    Text a rule copied from the file (a moved entry) already has the file's CRLFs: keep those.
    """
    return _BARE_LF.sub(newline, content) if newline != "\n" else content


def safe_fix(message: str, *edits: Edit) -> Fix:
    return Fix(tuple(edits), Applicability.SAFE, message)


def unsafe_fix(message: str, *edits: Edit) -> Fix:
    return Fix(tuple(edits), Applicability.UNSAFE, message)


def apply_edits(text: str, edits: list[Edit]) -> str:
    """Apply non-overlapping edits (any order) to ``text``."""
    parts: list[str] = []
    position = 0
    for edit in sorted(edits, key=lambda e: (e.start, e.end)):
        if edit.start < position:
            raise ValueError(f"overlapping edits at offset {edit.start}")
        parts.append(text[position : edit.start])
        parts.append(edit.content)
        position = edit.end
    parts.append(text[position:])
    return "".join(parts)


class FatalError(Exception):
    """A user error (bad path, bad config, undecodable file): one line, exit code 2."""
