"""missing-description: every entry says what its link is."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Iterator

from awesome_lint.diagnostics import Diagnostic
from awesome_lint.document.model import Document, Entry, Section
from awesome_lint.rules._entry_text import (
    content_entries,
    description_span,
    how_to_ignore,
    is_ignored_section,
    quote,
)
from awesome_lint.rules.base import Context, Rule


@dataclass(frozen=True)
class MissingDescriptionOptions:
    # Also require descriptions on entries of sub-lists (often editions, mirrors, plugins).
    enabled_in_sublists: bool = False
    # A regular expression searched in the link text: matching entries need no description.
    allow_pattern: str = ""
    # Section titles (case-insensitive) whose lists, sub-sections included, are bare by design.
    ignore_sections: tuple[str, ...] = ()


_PUNCTUATION_ONLY = " \t\r\n.,:;"


class MissingDescription(Rule[MissingDescriptionOptions]):
    """Give every entry a description.

    What it does:
        Reports a top-level entry (`- [Name](url)`) with nothing after its link, or with only a
        separator or punctuation (`- [Name](url) -`, `- [Name](url).`). Exempt:
        table-of-contents items; entries that have a sub-list (they act as a group title);
        entries whose link text matches `allow-pattern`; entries in `ignore-sections` (and
        their sub-sections); a bare autolink (`- <https://example.com>`), which names nothing
        and is an example or a reference in prose; and entries of sub-lists unless
        `enabled-in-sublists` is set, because real lists commonly nest short,
        self-explanatory items (editions, mirrors, plugins) under a described entry. Entries
        that do not start with a link are left to `entry-link`.

        A list where most entries have a description gets a finding for each bare one. A list
        where most have none is bare by design (meetups, podcasts, chat groups): it gets one
        finding, on its first bare entry, saying how many entries lack one.

    Why:
        A bare link makes a reader click to learn what it is; the description is what makes a
        curated list worth more than a bookmark file.

    Example:
        `- [Foo](https://foo.dev)` should be `- [Foo](https://foo.dev) - What Foo does.`

    Options:
        `enabled-in-sublists` (default false), `allow-pattern` (default: none),
        `ignore-sections` (default: none).

    Fix safety:
        No fix: only a human can write the description.
    """

    id = "missing-description"
    aliases = ("awesome-list-item",)
    summary = "Give every entry a description"
    Options = MissingDescriptionOptions

    def check(self, document: Document, context: Context[MissingDescriptionOptions]) -> Iterable[Diagnostic]:
        options = context.options
        allowed = re.compile(options.allow_pattern) if options.allow_pattern else None
        ignored = {title.strip().casefold() for title in options.ignore_sections}
        candidates = (
            entry
            for entry in content_entries(document, context.settings)
            if _needs_description(document, entry, options, allowed, ignored)
        )
        lists: dict[int, list[Entry]] = {}
        for entry in candidates:
            lists.setdefault(id(entry.parent), []).append(entry)
        for entries in lists.values():
            yield from self._check_list(document, entries)

    def _check_list(self, document: Document, entries: list[Entry]) -> Iterator[Diagnostic]:
        bare = [entry for entry in entries if not _has_description(document, entry)]
        if len(bare) * 2 > len(entries) > 1:
            link = bare[0].link
            assert link is not None
            message = (
                f"{len(bare)} of {len(entries)} entries of this list have no description: add ' - ' and a "
                f"short sentence after each link, or {how_to_ignore(_section_of(entries[0]), self.id)}"
            )
            yield self.diagnostic(document, link.start, link.end, message)
            return
        for entry in bare:
            link = entry.link
            assert link is not None
            yield self.diagnostic(
                document,
                link.start,
                link.end,
                f"Describe the entry {quote(link.plain_text)}: add ' - ' and a short sentence after the link",
            )


def _needs_description(
    document: Document,
    entry: Entry,
    options: MissingDescriptionOptions,
    allowed: re.Pattern[str] | None,
    ignored: set[str],
) -> bool:
    link = entry.link
    if link is None or not entry.link_first or entry.sublists or document.text.startswith("<", link.start):
        return False
    if entry.parent is not None and entry.parent.depth > 0 and not options.enabled_in_sublists:
        return False
    if allowed is not None and allowed.search(link.plain_text):
        return False
    return not (ignored and _in_ignored_section(entry, ignored))


def _has_description(document: Document, entry: Entry) -> bool:
    span = description_span(document, entry)
    return span is not None and bool(span.text.strip(_PUNCTUATION_ONLY))  # `[Foo](url).` has none


def _in_ignored_section(entry: Entry, ignored: set[str]) -> bool:
    section = _section_of(entry)
    while section is not None:
        if is_ignored_section(section, ignored):
            return True
        section = section.parent
    return False


def _section_of(entry: Entry) -> Section | None:
    return entry.parent.section if entry.parent is not None else None
