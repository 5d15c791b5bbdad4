"""Diff hunks: which RIGHT-side lines can take comments, and which of them the change added.

From a file's unified `patch` when GitHub sends one, else rebuilt from the file's two versions
(GitHub omits `patch` for large diffs)."""

from __future__ import annotations

import difflib
import re
from typing import NamedTuple

_HUNK_HEADER = re.compile(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@")
CONTEXT_LINES = 3  # what GitHub shows around each change (and so where comments may go)


class Hunk(NamedTuple):
    """RIGHT-side lines ``start..end`` (inclusive) of one hunk; ``added`` are its `+` lines."""

    start: int
    end: int
    added: frozenset[int] = frozenset()

    def __contains__(self, line: object) -> bool:
        return isinstance(line, int) and self.start <= line <= self.end


def parse_patch(patch: str | None) -> list[Hunk]:
    """Hunks of a GitHub `patch` (no file headers). A missing patch (binary or too large) has none."""
    hunks: list[Hunk] = []
    if not patch:
        return hunks
    start = count = line = 0
    added: set[int] = set()

    def close() -> None:
        if count > 0:
            hunks.append(Hunk(start, start + count - 1, frozenset(added)))

    for raw in patch.splitlines():
        header = _HUNK_HEADER.match(raw)
        if header:
            close()
            start = line = int(header.group(1))
            count = int(header.group(2)) if header.group(2) is not None else 1
            added = set()
        elif raw.startswith("+"):
            added.add(line)
            line += 1
        elif raw.startswith(" ") or raw == "":
            line += 1
        # '-' lines are LEFT side only; '\ No newline at end of file' is not a line.
    close()
    return hunks


def diff_hunks(old: str, new: str) -> list[Hunk]:
    """The hunks GitHub would show for ``old`` -> ``new`` (for a file whose `patch` it left out)."""
    matcher = difflib.SequenceMatcher(a=old.splitlines(), b=new.splitlines(), autojunk=False)
    hunks = []
    for group in matcher.get_grouped_opcodes(CONTEXT_LINES):
        added = frozenset(
            line + 1 for tag, _, _, first, last in group if tag in ("insert", "replace") for line in range(first, last)
        )
        start, end = group[0][3] + 1, group[-1][4]
        if end >= start:
            hunks.append(Hunk(start, end, added))
    return hunks


def whole_file(text: str) -> list[Hunk]:
    """Every line counts as added (nothing to compare with)."""
    count = text.count("\n") + 1
    return [Hunk(1, count, frozenset(range(1, count + 1)))]


def hunk_for(hunks: list[Hunk], first: int, last: int | None = None) -> Hunk | None:
    """The hunk holding every line ``first..last``, if one does."""
    last = first if last is None else last
    for hunk in hunks:
        if first in hunk and last in hunk:
            return hunk
    return None


def touches_added(hunks: list[Hunk], first: int, last: int) -> bool:
    """Some line of ``first..last`` was added (or edited) by the change."""
    return any(line in hunk.added for hunk in hunks for line in range(max(first, hunk.start), min(last, hunk.end) + 1))
