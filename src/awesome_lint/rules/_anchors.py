"""Heading texts and in-page anchors exactly as GitHub generates them.

GitHub turns a heading's rendered text into an anchor the way ``github-slugger`` (the library the
npm awesome-lint uses) does: lower-case it, drop every character that is not a letter, a mark, a
decimal or letter number, a connector (``_``), a space or ``-``, turn each space into ``-``, and
make repeated anchors unique with ``-1``, ``-2``, ... in document order. Emoji and other symbols
disappear; non-ASCII letters are kept.
"""

from __future__ import annotations

import html
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Any
from urllib.parse import unquote

from mistune import InlineParser
from mistune.util import unikey

from awesome_lint.document.model import Document, Entry, EntryList, Heading, Section
from awesome_lint.rules.base import Settings

# General categories github-slugger keeps (everything else is stripped, except ' ' and '-').
_KEPT_CATEGORIES = frozenset({"Lu", "Ll", "Lt", "Lm", "Lo", "Mn", "Mc", "Me", "Nd", "Nl", "Pc"})
# Symbols that Unicode also calls alphabetic (circled and squared Latin letters): kept as letters.
_ALPHABETIC_SYMBOLS = ((0x24B6, 0x24E9), (0x1F130, 0x1F149), (0x1F150, 0x1F169), (0x1F170, 0x1F189))

_INLINE = InlineParser()
# A list is a table of contents without a Contents heading when at least this many of its links
# go to headings below it, and they are at least half of its links.
_MIN_CONTENTS_LINKS = 3


@lru_cache(maxsize=4096)
def _kept(char: str) -> bool:
    if char in " -":
        return True
    if unicodedata.category(char) in _KEPT_CATEGORIES:
        return True
    code = ord(char)
    return any(low <= code <= high for low, high in _ALPHABETIC_SYMBOLS)


def github_slug(text: str) -> str:
    """The anchor GitHub gives a heading with this rendered text (without the duplicate suffix)."""
    return "".join(char for char in text.lower() if _kept(char)).replace(" ", "-")


class Slugger:
    """Unique anchors in document order: the second 'Tools' heading gets ``tools-1``."""

    def __init__(self) -> None:
        self._occurrences: dict[str, int] = {}

    def slug(self, text: str) -> str:
        base = github_slug(text)
        result = base
        while result in self._occurrences:
            self._occurrences[base] += 1
            result = f"{base}-{self._occurrences[base]}"
        self._occurrences[result] = 0
        return result


def reference_map(document: Document) -> dict[str, dict[str, Any]]:
    """The document's link definitions in the shape mistune's inline parser expects."""
    return {unikey(definition.label): {"url": definition.url} for definition in document.definitions}


def heading_text(heading: Heading, references: dict[str, dict[str, Any]] | None = None) -> str:
    """The heading's text as GitHub renders it: markup removed, images (badges) and HTML left out.

    Whitespace is kept as rendered (a trailing badge leaves a trailing space, which GitHub's
    anchor keeps as a trailing ``-``).
    """
    return _rendered_text(_INLINE(heading.raw, {"ref_links": references or {}}))


def _rendered_text(tokens: list[dict[str, Any]]) -> str:
    parts: list[str] = []
    for token in tokens:
        kind = token["type"]
        if kind == "text":
            parts.append(html.unescape(token.get("raw", "")))
        elif kind == "codespan":
            parts.append(token.get("raw", ""))
        elif kind in ("softbreak", "linebreak"):
            parts.append("\n")
        elif kind == "image":
            continue
        elif "children" in token:
            parts.append(_rendered_text(token["children"]))
    return "".join(parts)


def heading_anchors(document: Document) -> list[str]:
    """The anchor of every heading of ``document.headings``, in the same order."""
    references = reference_map(document)
    slugger = Slugger()
    return [slugger.slug(heading_text(heading, references)) for heading in document.headings]


def anchor_map(document: Document) -> dict[str, Heading]:
    """GitHub's anchor -> its heading."""
    return dict(zip(heading_anchors(document), document.headings))


def heading_parents(document: Document) -> dict[int, Heading]:
    """id(heading) -> the nearest heading above it with a lower level (headings without one are left out)."""
    parents: dict[int, Heading] = {}
    open_headings: list[Heading] = []
    for heading in document.headings:
        while open_headings and open_headings[-1].level >= heading.level:
            open_headings.pop()
        if open_headings:
            parents[id(heading)] = open_headings[-1]
        open_headings.append(heading)
    return parents


def top_sections(document: Document) -> list[Heading]:
    """The headings of the list's main sections: the highest level below the title."""
    levels = [heading.level for heading in document.headings if heading.level > 1]
    if not levels:
        return []
    top = min(levels)
    return [heading for heading in document.headings if heading.level == top]


# -- section titles ------------------------------------------------------------------------------
def normalize_title(text: str) -> str:
    """Casefolded title without surrounding emoji or punctuation, for comparing with configured names."""
    joined = " ".join(text.casefold().split())
    start, end = 0, len(joined)
    while start < end and not joined[start].isalnum():
        start += 1
    while end > start and not joined[end - 1].isalnum():
        end -= 1
    return joined[start:end]


# Common variants of the closing sections' names, so that the defaults fit real lists.
_SECTION_SYNONYMS = {
    "contribute": "contributing",
    "contribution": "contributing",
    "contributions": "contributing",
    "how to contribute": "contributing",
    "licence": "license",
    "licensing": "license",
    "related": "related lists",
    "related awesome lists": "related lists",
}


def section_key(title: str) -> str:
    """A section name for comparing with configured names: normalized, common variants merged."""
    normalized = normalize_title(title)
    return _SECTION_SYNONYMS.get(normalized, normalized)


def title_matches(heading: Heading, names: tuple[str, ...]) -> bool:
    wanted = {normalize_title(name) for name in names}
    return normalize_title(heading.text) in wanted


_TOC_MAX_LEVEL = 3  # a '#### Contents' deep in the list is a section like any other


def in_toc(section: Section | None, settings: Settings) -> bool:
    """Whether lists directly in ``section`` are the table of contents. Only the section's own
    title counts: a list whose ToC heading is an H1 (`# Table of Contents`, awesome-bert-nlp.md)
    has every real section below it, and those are content."""
    heading = section.heading if section is not None else None
    return heading is not None and heading.level <= _TOC_MAX_LEVEL and title_matches(heading, settings.toc_titles)


def find_toc_heading(document: Document, toc_titles: tuple[str, ...]) -> Heading | None:
    """The first heading (H1 to H3) titled like a table of contents."""
    for heading in document.headings:
        if heading.level <= _TOC_MAX_LEVEL and title_matches(heading, toc_titles):
            return heading
    return None


# -- the table of contents -----------------------------------------------------------------------
@dataclass(frozen=True)
class FoundToc:
    """The lists of a table of contents and the heading of the section holding them."""

    heading: Heading | None  # the section holding the lists (None: before any heading)
    titled: bool  # the heading is titled like the `toc-titles` setting
    lists: list[EntryList]


def find_toc(document: Document, toc_titles: tuple[str, ...], anchors: dict[str, Heading]) -> FoundToc | None:
    """The table of contents: the lists of in-page links under the heading titled like
    ``toc_titles`` (or under its first sub-heading), or else the first section's lists whose links
    mostly go to the headings below them (under a 'Categories' heading, bold labels or the title).
    ``anchors`` is :func:`anchor_map`."""
    heading = find_toc_heading(document, toc_titles)
    if heading is not None:
        return FoundToc(heading, True, _lists_under(document, heading))
    by_section: dict[int, list[EntryList]] = {}
    for entry_list in document.lists:
        if _links_in_page(entry_list):
            by_section.setdefault(id(entry_list.section), []).append(entry_list)
    for lists in by_section.values():
        if _is_contents(lists, anchors):
            section = lists[0].section
            return FoundToc(section.heading if section else None, False, lists)
    return None


def _lists_under(document: Document, heading: Heading) -> list[EntryList]:
    """The lists of in-page links directly under the ToC heading, or under its first sub-heading."""
    section = _section_of(document, heading)
    if section is None:
        return []
    lists = [entry_list for entry_list in section.lists if _links_in_page(entry_list)]
    if not lists and section.children:
        lists = [entry_list for entry_list in section.children[0].lists if _links_in_page(entry_list)]
    return lists


def _is_contents(lists: list[EntryList], anchors: dict[str, Heading]) -> bool:
    """Whether these lists of one section link mostly to the headings below them."""
    linked = [entry for entry_list in lists for entry in entry_list.walk() if entry.link is not None]
    end = lists[-1].end
    below = [entry for entry in linked if (heading := anchors.get(anchor_of(entry) or "")) and heading.start > end]
    return len(below) >= _MIN_CONTENTS_LINKS and 2 * len(below) >= len(linked)


def _section_of(document: Document, heading: Heading) -> Section | None:
    return next((section for section in document.sections() if section.heading is heading), None)


def anchor_of(entry: Entry) -> str | None:
    """The in-page anchor the item's link goes to (decoded), or None."""
    link = entry.link
    if link is None or not link.url.startswith("#") or entry.broken_span:
        return None
    return unquote(link.url[1:])


def mostly_in_page(entries: list[Entry]) -> bool:
    """Most of the items' links point into the page: a table of contents, whatever its heading
    (awesome-javascript's nests one under its title, with a `Utilities` label heading a level)."""
    urls = [entry.link.url for entry in entries if entry.link is not None]
    return sum(1 for url in urls if url.startswith("#")) * 2 > len(urls)


def _links_in_page(entry_list: EntryList) -> bool:
    return any(anchor_of(entry) is not None for entry in entry_list.walk())
