"""balanced-punctuation: quotes and CJK brackets come in pairs."""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import Iterable, Iterator, NamedTuple

from awesome_lint.diagnostics import Diagnostic
from awesome_lint.document.model import Document
from awesome_lint.rules._prose import SKIP_PATTERN
from awesome_lint.rules.base import Context, NoOptions, Rule

_ASYMMETRIC = {"“": "”", "‘": "’", "『": "』", "（": "）", "《": "》", "「": "」", "【": "】"}
_CLOSING = {right: left for left, right in _ASYMMETRIC.items()}
_SYMMETRIC = '"'
_MARK = re.compile("[\"“”‘’『』（）《》「」【】]")
_SCAN = re.compile(rf"{SKIP_PATTERN}|(?P<mark>{_MARK.pattern})", re.M)
_AFTER_APOSTROPHE = set(" \t\r\n.,;:!?()[]{}\"“”‘’'—–")


class Problem(NamedTuple):
    offset: int
    message: str


class BalancedPunctuation(Rule[NoOptions]):
    """Quotes and CJK brackets come in pairs.

    What it does:
        In entry texts (descriptions and link texts), headings and paragraphs, reports an
        opening `"`, `“`, `‘`, `『`, `（`, `《`, `「` or `【` that is never closed and a closing
        one that was never opened. Code, URLs and HTML are skipped; a `’` right after a letter
        or digit is an apostrophe ("don’t", "users’"), not a quote, unless it ends a word while a
        `‘` is open (‘single’), where awesome-lint reports the `‘` as unclosed.

    Why:
        An unbalanced quote is almost always a typo, and it is what the npm awesome-lint
        reports as `balanced-punctuation`.

    Example:
        `- [Foo](https://foo.dev) - The “fast parser.` is reported at the `“`.

    Fix safety:
        No fix: where the missing mark belongs is a human decision.
    """

    id = "balanced-punctuation"
    aliases = ("balanced-punctuation",)
    summary = "Quotes and brackets are balanced"

    def check(self, document: Document, context: Context[NoOptions]) -> Iterable[Diagnostic]:
        # Most regions hold no mark at all: find the marks once and scan only regions with one.
        marks = [match.start() for match in _MARK.finditer(document.text)]
        if not marks:
            return
        for start, end in _regions(document):
            first = bisect_left(marks, start)
            if first == len(marks) or marks[first] >= end:
                continue
            for problem in unbalanced(document.text, start, end):
                yield self.diagnostic(document, problem.offset, problem.offset + 1, problem.message)


def _regions(document: Document) -> Iterator[tuple[int, int]]:
    for heading in document.headings:
        yield heading.text_start, heading.text_end
    for block in document.blocks:
        if block.kind in ("paragraph", "quote"):
            yield block.start, block.end
    for entry in document.entries():
        if entry.content_start is not None and entry.content_start < entry.text_end:
            yield entry.content_start, entry.text_end


def unbalanced(text: str, start: int, end: int) -> list[Problem]:
    """Unmatched marks in ``text[start:end]``, with awesome-lint's stack semantics."""
    stack: list[tuple[str, int]] = []  # (opening mark, offset)
    problems = []
    expecting_close = False  # the state of the symmetric mark, as awesome-lint keeps it
    for match in _SCAN.finditer(text, start, end):
        mark = match.group("mark")
        if mark is None:
            continue
        offset = match.start()
        if mark == "’" and _is_apostrophe(text, offset, end):
            # A word-final ’ closes an open ‘ (‘single’); otherwise it is an apostrophe (users’).
            word_final = not _is_word_char(text[offset + 1 : offset + 2])
            if not (word_final and any(opening == "‘" for opening, _ in stack)):
                continue
        if mark == _SYMMETRIC:
            if not expecting_close:
                stack.append((mark, offset))
            elif stack and stack[-1][0] == _SYMMETRIC:
                stack.pop()
            else:
                problems.append(Problem(offset, f"Unmatched closing {mark} without corresponding opening {mark}"))
            expecting_close = not expecting_close
        elif mark in _ASYMMETRIC:
            stack.append((mark, offset))
        else:
            opening = _CLOSING[mark]
            index = next((i for i in range(len(stack) - 1, -1, -1) if stack[i][0] == opening), None)
            if index is None:
                problems.append(Problem(offset, f"Unmatched closing {mark} without corresponding opening {opening}"))
            else:
                del stack[index]
    for opening, offset in stack:
        closing = _ASYMMETRIC.get(opening, opening)
        problems.append(Problem(offset, f"Unclosed {opening} without matching closing {closing}"))
    problems.sort()
    return problems


def _is_word_char(char: str) -> bool:
    return bool(char) and (char.isalnum() or char == "_")


def _is_apostrophe(text: str, offset: int, end: int) -> bool:
    before = text[offset - 1] if offset > 0 else ""
    after = text[offset + 1] if offset + 1 < end else ""
    if not _is_word_char(before):
        return False
    return not after or _is_word_char(after) or after in _AFTER_APOSTROPHE
