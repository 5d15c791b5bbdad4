"""Shared helpers of the entry-format rules: an entry's separator and description, which entries
are navigation (table of contents) rather than list entries, small text tests, the ignore-sections
option, re-indenting.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Iterator, NamedTuple
from weakref import WeakKeyDictionary

from awesome_lint.diagnostics import Edit
from awesome_lint.document.model import Document, Entry, Section
from awesome_lint.rules._anchors import in_toc
from awesome_lint.rules.base import Settings

CANONICAL_SEPARATOR = " - "


class DescriptionSpan(NamedTuple):
    """The text after an entry's main link: separator and description, with exact offsets."""

    separator: str
    separator_start: int
    mark: str | None  # the dash/colon of the separator, None when it has none
    start: int  # description start (after the separator)
    end: int  # description end (trailing whitespace excluded)
    text: str


_SPANS: WeakKeyDictionary[Document, dict[int, DescriptionSpan | None]] = WeakKeyDictionary()


def description_span(document: Document, entry: Entry) -> DescriptionSpan | None:
    """Separator and description after a link-first entry's main link; None when nothing follows."""
    spans = _SPANS.get(document)
    if spans is None:
        spans = _SPANS[document] = {}
    key = id(entry)
    if key not in spans:
        spans[key] = _description_span(document.text, entry)
    return spans[key]


# An emoji shortcode right after the link marks the entry (awesome-cpp's `:zap:` for popular
# projects): its colon is not a separator.
_SHORTCODE_AFTER_LINK = re.compile(r"[ \t]+:[a-z0-9_+\-]+:(?=[ \t]|\Z)")
_SEPARATOR = re.compile(r"[ \t]*(?:(?P<mark>-{1,3}|[‐‑‒–—―]|:)[ \t]*)?")


def _description_span(text: str, entry: Entry) -> DescriptionSpan | None:
    if entry.description is None or entry.broken_span or entry.link is None:
        return None
    assert entry.separator is not None and entry.separator_start is not None
    assert entry.description_start is not None and entry.description_end is not None
    if entry.separator_mark == ":":
        shortcode = _SHORTCODE_AFTER_LINK.match(text, entry.separator_start, entry.description_end)
        if shortcode is not None:
            return _span_after(text, shortcode.end(), entry.description_end)
    return DescriptionSpan(
        separator=entry.separator,
        separator_start=entry.separator_start,
        mark=entry.separator_mark,
        start=entry.description_start,
        end=entry.description_end,
        text=entry.description,
    )


def _span_after(text: str, separator_start: int, end: int) -> DescriptionSpan | None:
    separator = _SEPARATOR.match(text, separator_start, end)
    assert separator is not None  # every part of the pattern is optional
    if separator.end() >= end:
        return None
    return DescriptionSpan(
        separator=separator.group(),
        separator_start=separator_start,
        mark=separator.group("mark"),
        start=separator.end(),
        end=end,
        text=text[separator.end() : end],
    )


def described_entries(document: Document, settings: Settings) -> Iterator[tuple[Entry, DescriptionSpan]]:
    """Content entries with a description set off by a dash or colon (the rules on a
    description's wording read these)."""
    for entry in content_entries(document, settings):
        span = description_span(document, entry)
        if span is not None and span.mark is not None:
            yield entry, span


# -- navigation lists ----------------------------------------------------------------------------
# -- text tests ----------------------------------------------------------------------------------
_EMOJI_RANGES = (
    (0x1F000, 0x1FAFF),
    (0x2600, 0x27BF),
    (0x2B00, 0x2BFF),
    (0x2300, 0x23FF),
    (0x3030, 0x3030),
    (0x303D, 0x303D),
    (0x3297, 0x3299),
)
_EMOJI_JOINERS = {0x200D, 0xFE0F, 0xFE0E, 0x20E3}
EMOJI_SHORTCODE_RE = re.compile(r":[a-z0-9_+\-]+:\Z")


def is_emoji(char: str) -> bool:
    code = ord(char)
    if code in _EMOJI_JOINERS or 0x1F3FB <= code <= 0x1F3FF:
        return True
    return any(low <= code <= high for low, high in _EMOJI_RANGES)


def ends_with_emoji(text: str) -> bool:
    text = text.rstrip()
    if not text:
        return False
    return is_emoji(text[-1]) or EMOJI_SHORTCODE_RE.search(text) is not None


def is_cased_letter(char: str) -> bool:
    """A letter of a script with upper and lower case (Latin, Greek, Cyrillic...)."""
    return char.isalpha() and (char.isupper() or char.islower() or unicodedata.category(char) == "Lt")


def quote(text: str, limit: int = 40) -> str:
    """Short quoted form of source text for messages."""
    text = " ".join(text.split())
    if len(text) > limit:
        text = text[: limit - 1].rstrip() + "…"
    return f"'{text}'"


def quote_end(text: str, limit: int = 40) -> str:
    """Short quoted form of the end of source text (what a message about an ending must show)."""
    text = " ".join(text.split())
    if len(text) > limit:
        text = "…" + text[len(text) - limit + 1 :].lstrip()
    return f"'{text}'"


def last_words_start(text: str, start: int, end: int, count: int) -> int:
    """Where the last ``count`` whitespace-separated words of ``text[start:end]`` begin, found by
    scanning back from ``end`` (linear on any input, unlike a regex search anchored at the end)."""
    position = end
    for _ in range(count):
        while position > start and text[position - 1].isspace():
            position -= 1
        if position == start:
            break
        while position > start and not text[position - 1].isspace():
            position -= 1
    return position


def all_entries(document: Document) -> list[Entry]:
    """Every list item outside block quotes, in document order."""
    return [entry for entry_list in document.lists for entry in entry_list.walk()]


_CONTENT: WeakKeyDictionary[Document, dict[Settings, list[Entry]]] = WeakKeyDictionary()


def content_entries(document: Document, settings: Settings) -> list[Entry]:
    """Link entries that are list content (not table-of-contents navigation)."""
    cache = _CONTENT.setdefault(document, {})
    if settings not in cache:
        toc_lists = {id(entry_list) for entry_list in document.all_lists() if in_toc(entry_list.section, settings)}
        cache[settings] = [
            entry
            for entry in all_entries(document)
            if entry.link is not None
            and not entry.link.url.startswith("#")
            and (entry.parent is None or id(entry.parent) not in toc_lists)
        ]
    return cache[settings]


# -- the ignore-sections option of alphabetical-order and missing-description ------------------
def is_ignored_section(section: Section, ignored: set[str]) -> bool:
    """``ignored``: the option's titles, stripped and casefolded."""
    return section.heading is not None and section.title.strip().casefold() in ignored


def how_to_ignore(section: Section | None, rule_id: str) -> str:
    """How to leave a list in ``section`` out of the rule: its section's title in `ignore-sections`,
    or (before any heading) lint comments around it."""
    if section is None or section.heading is None:
        return f"wrap it in `<!--lint disable {rule_id}-->` / `<!--lint enable {rule_id}-->`"
    return f"add '{section.title.strip()}' to `ignore-sections`"


# -- re-indenting items ------------------------------------------------------------------------
def leading_spaces(line: str) -> int | None:
    """Number of leading spaces; None when the indentation contains a tab."""
    stripped = line.lstrip(" ")
    if stripped.startswith("\t"):
        return None
    return len(line) - len(stripped)


def shift_lines(
    document: Document, first: int, last: int, remove: int, at_least: int, refuse_from: int | None = None
) -> list[Edit] | None:
    """Edits removing ``remove`` leading spaces from lines ``first..last`` indented ``at_least``
    or more (lines indented less are lazy paragraph continuations and keep their indentation).
    None when a line is indented with tabs (columns would change unpredictably) or indented at
    least ``refuse_from`` but less than ``at_least`` (after the shift it could change owner:
    mistune and CommonMark disagree about such lines)."""
    edits: list[Edit] = []
    for line in range(first, last + 1):
        content = document.line_text(line)
        if not content.strip():
            continue
        spaces = leading_spaces(content)
        if spaces is None:
            return None
        if refuse_from is not None and refuse_from <= spaces < at_least:
            return None
        if spaces >= at_least:
            start = document.line_start(line)
            edits.append(Edit(start, start + remove, ""))
    return edits


def next_content_line(document: Document, after_line: int) -> int | None:
    """The first non-blank line after ``after_line``; None when there is none."""
    for line in range(after_line + 1, document.line_count + 1):
        if document.line_text(line).strip():
            return line
    return None


def next_content_indent(document: Document, after_line: int) -> int | None:
    """Indentation (in spaces) of the first non-blank line after ``after_line``: -1 when there is
    none, None when it is indented with a tab."""
    line = next_content_line(document, after_line)
    return -1 if line is None else leading_spaces(document.line_text(line))
