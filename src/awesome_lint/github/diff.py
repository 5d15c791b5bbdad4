"""Diff hunks from a pull-request file's unified `patch`: which RIGHT-side lines can take comments."""

from __future__ import annotations

import re
from typing import NamedTuple

_HUNK_HEADER = re.compile(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@")


class Hunk(NamedTuple):
    """RIGHT-side lines ``start..end`` (inclusive) of one hunk."""

    start: int
    end: int

    def __contains__(self, line: object) -> bool:
        return isinstance(line, int) and self.start <= line <= self.end


def parse_patch(patch: str | None) -> list[Hunk]:
    """Hunks of a GitHub `patch` (no file headers). A missing patch (binary or too large) has none."""
    hunks: list[Hunk] = []
    if not patch:
        return hunks
    start = count = line = 0

    def close() -> None:
        if count > 0:
            hunks.append(Hunk(start, start + count - 1))

    for raw in patch.splitlines():
        header = _HUNK_HEADER.match(raw)
        if header:
            close()
            start = line = int(header.group(1))
            count = int(header.group(2)) if header.group(2) is not None else 1
        elif raw.startswith(("+", " ")) or raw == "":
            line += 1
        # '-' lines are LEFT side only; '\ No newline at end of file' is not a line.
    close()
    return hunks


def hunk_for(hunks: list[Hunk], first: int, last: int | None = None) -> Hunk | None:
    """The hunk holding every line ``first..last``, if one does."""
    last = first if last is None else last
    for hunk in hunks:
        if first in hunk and last in hunk:
            return hunk
    return None
