"""Prose scanning shared by the parity rules: what to jump over when reading text as prose."""

from __future__ import annotations

import re
from bisect import bisect_right

from awesome_lint.document.model import Document

# What is not prose inside a line: fenced code, code spans, link destinations and reference
# labels, image alt texts, reference definitions, HTML tags and comments, bare URLs.
# Compile with re.M.
SKIP_PATTERN = (
    r"^[ \t]{0,3}(?:```|~~~)[\s\S]*?(?:^[ \t]{0,3}(?:```|~~~)|\Z)"
    r"|``[^\n]*?``|`[^`\n]*`"
    r"|\]\([^)\s]*[^)\n]*\)?|\]\[[^\]\n]*\]"
    r"|!\[[^\]\n]*\]"
    r"|^[ \t]{0,3}\[[^\]\n]+\]:[^\n]*"
    r"|<!--[\s\S]*?(?:-->|\Z)|</?[A-Za-z][^<>\n]*>"
    r"|\b(?:https?|ftp)://[^\s<>]*|\bwww\.[^\s<>]+"
)


_SKIP = re.compile(SKIP_PATTERN, re.M)


def merge_spans(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            if end > merged[-1][1]:
                merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def inside(spans: list[tuple[int, int]], offset: int) -> bool:
    """Whether ``offset`` lies in one of the sorted, disjoint ``spans``."""
    index = bisect_right(spans, (offset, float("inf"))) - 1
    return index >= 0 and spans[index][0] <= offset < spans[index][1]


def only_comments(text: str) -> bool:
    """Nothing but HTML comments and whitespace (an empty or blank text too). A scan, not a regex:
    `<!--.*?-->` repeated under fullmatch backtracks exponentially on `<!--a-->` x 30 followed by text."""
    position = _skip_space(text, 0)
    while position < len(text):
        if not text.startswith("<!--", position):
            return False
        close = text.find("-->", position + 4)
        if close < 0:
            return False
        position = _skip_space(text, close + 3)
    return True


def _skip_space(text: str, position: int) -> int:
    while position < len(text) and text[position].isspace():
        position += 1
    return position


def non_prose_spans(document: Document) -> list[tuple[int, int]]:
    """Sorted disjoint spans that are not prose: code and HTML blocks, link destinations (and
    reference labels), whole images and badge links, reference definitions."""
    spans = [(b.start, b.end) for b in document.blocks if b.kind in ("code", "html")]
    for link in document.links:
        if link.is_image or link.contains_image:
            spans.append((link.start, link.end))
        else:
            spans.append((link.start + 1 + len(link.text), link.end))
    spans.extend((d.start, d.end) for d in document.definitions)
    return merge_spans(spans)


class InlineSkips:
    """Code spans, inline HTML and bare URLs, found line by line and only for lines asked about."""

    def __init__(self, document: Document) -> None:
        self._document = document
        self._by_line: dict[int, list[tuple[int, int]]] = {}

    def contains(self, offset: int) -> bool:
        line = self._document.line_of(offset)
        spans = self._by_line.get(line)
        if spans is None:
            start, end = self._document.line_start(line), self._document.line_end(line)
            spans = [m.span() for m in _SKIP.finditer(self._document.text, start, end)]
            self._by_line[line] = spans
        return inside(spans, offset)
