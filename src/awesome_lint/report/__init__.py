"""Reports: pure functions from diagnostics (and the text they point into) to strings."""

from __future__ import annotations

from bisect import bisect_right
from typing import NamedTuple

from awesome_lint.diagnostics import Diagnostic, Position

# Where `url` (JSON) and `helpUri` (SARIF) point: the rule's section of docs/rules.md.
DOCS_URL = "https://github.com/awesome-lint/awesome-lint-python/blob/main/docs/rules.md#rule-{rule}"


class FileResult(NamedTuple):
    """The findings for one file, with the text their offsets refer to."""

    path: str
    text: str
    diagnostics: list[Diagnostic]
    newline: str = "\n"  # the file's line ending, used when showing fix edits


class LineIndex:
    """Offset -> 1-based (line, column) on a text, counting lines the way Document does."""

    def __init__(self, text: str) -> None:
        starts = [0]
        position = text.find("\n")
        while position != -1:
            starts.append(position + 1)
            position = text.find("\n", position + 1)
        if len(starts) > 1 and starts[-1] == len(text):
            starts.pop()
        self._starts = starts

    def position(self, offset: int) -> Position:
        line = bisect_right(self._starts, offset) - 1
        return Position(line + 1, offset - self._starts[line] + 1)


def rule_url(rule: str) -> str:
    return DOCS_URL.format(rule=rule)


def sort_diagnostics(diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    return sorted(diagnostics, key=lambda d: (d.start, d.end, d.rule, d.message))
