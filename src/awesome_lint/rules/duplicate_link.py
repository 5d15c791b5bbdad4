"""duplicate-link: the same target is not listed twice as an entry."""

from __future__ import annotations

from typing import Iterable, Iterator

from awesome_lint.diagnostics import Diagnostic, Edit, unsafe_fix
from awesome_lint.document.model import Document, Entry, Section
from awesome_lint.rules._urls import normalize_url
from awesome_lint.rules.base import Context, NoOptions, Rule


class DuplicateLink(Rule[NoOptions]):
    """The same target is linked by only one entry in the whole list.

    What it does:
        Compares the main link of every entry, in every section and sub-list, after normalising
        the URL: http and https, `www.`, a trailing slash, default ports, `utm_*` parameters,
        the `#readme` fragment, the host's case and the case of a GitHub owner and repository
        are not significant. Each later occurrence is reported and points at the first one.
        In-page anchors (`#...`) and the table of contents (the sections named in `toc-titles`)
        are not entries and are not compared. Links inside descriptions are not compared either.

    Why:
        A project listed twice, often under two sections or with a slightly different URL, makes
        the list longer without making it better, and the two descriptions drift apart.

    Example:
        ```markdown
        - [Mistune](https://github.com/lepture/mistune) - Fast Markdown parser.
        - [mistune](https://github.com/Lepture/mistune/) - Markdown parser.
        ```
        reports line 2: "Duplicate link: https://github.com/Lepture/mistune/ also at line 1;
        remove one of them".

    Fix safety:
        Unsafe. The fix removes the later entry with its lines (continuation lines and sub-list
        included). Which of the two entries to keep, and in which section, is the maintainer's
        call, and the removed entry's description or sub-entries may be worth keeping.
    """

    id = "duplicate-link"
    aliases = ("double-link",)
    summary = "The same target is not listed twice as an entry"
    fixable = True

    def check(self, document: Document, context: Context[NoOptions]) -> Iterable[Diagnostic]:
        toc_titles = {title.strip().casefold() for title in context.settings.toc_titles}
        first_seen: dict[str, Entry] = {}
        for entry in _entries_outside(document.root, toc_titles):
            link = entry.link
            if link is None or not link.url.strip() or link.url.lstrip().startswith("#"):
                continue
            key = normalize_url(link.url)
            first = first_seen.setdefault(key, entry)
            if first is entry:
                continue
            line = document.line_of(first.start)
            message = f"Duplicate link: {link.url} also at line {line}; remove one of them"
            fix = unsafe_fix(f"Remove this entry (kept at line {line})", _removal(document, entry))
            yield self.diagnostic(document, link.start, link.end, message, fix)


def _entries_outside(section: Section, skipped_titles: set[str]) -> Iterator[Entry]:
    """Entries in document order (blocks of a section come before its sub-sections)."""
    if section.heading is not None and section.title.strip().casefold() in skipped_titles:
        return
    for entry_list in section.lists:
        if not entry_list.in_quote:
            yield from entry_list.walk()
    for child in section.children:
        yield from _entries_outside(child, skipped_titles)


def _removal(document: Document, entry: Entry) -> Edit:
    """Delete the entry's lines; in a loose list also one of the separators around it."""
    siblings = entry.parent.items if entry.parent is not None else [entry]
    index = siblings.index(entry)
    start = document.line_start(document.line_of(entry.start))
    if index + 1 < len(siblings):
        # Up to the next sibling's line: the blank line after a loose item goes with it.
        return Edit(start, document.line_start(document.line_of(siblings[index + 1].start)), "")
    if index > 0:
        # The last item: remove from the end of the previous sibling, keeping what follows.
        return Edit(siblings[index - 1].end, entry.end, "")
    end_line = document.line_of(entry.end)
    end = document.line_starts[end_line] if end_line < document.line_count else len(document.text)
    return Edit(start, end, "")
