"""duplicate-link: the same target is not listed twice as an entry, nor linked twice in descriptions."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Iterable, Iterator

from awesome_lint.diagnostics import Diagnostic, Edit, unsafe_fix
from awesome_lint.document.model import Document, Entry, Link, Section
from awesome_lint.rules._anchors import in_toc
from awesome_lint.rules._urls import normalize_url
from awesome_lint.rules.base import Context, Rule, Settings


@dataclass(frozen=True)
class DuplicateLinkOptions:
    # Also compare the links inside descriptions (off by default: see the rule's documentation).
    descriptions: bool = False
    # Also report an entry listed again under another section (a cross-listing, often deliberate).
    cross_section: bool = True


class DuplicateLink(Rule[DuplicateLinkOptions]):
    """The same target is linked by only one entry in the whole list, and once in descriptions.

    What it does:
        Compares the main link of every entry, in every section and sub-list, after normalising
        the URL: http and https, `www.`, a trailing slash, default ports, `utm_*` parameters,
        the `#readme` fragment, the host's case and the case of a GitHub owner and repository
        are not significant. Each later occurrence is reported and points at the first one;
        when the two are in different sections, the message names the first one's section
        ("also listed under 'Python' (line 12)"), since such a cross-listing is often deliberate.
        With the option `cross-section = false`, duplicates in different sections are not
        reported, only those within one section.

        With the option `descriptions = true`, links inside descriptions (the entry's other
        links) are compared too: a description link to a target that is also another entry's
        main link is reported and points at that entry; a description link to a target that an
        earlier description already links is reported and points at the first one.

        Never compared: images, badge links (a link around an image), in-page anchors (`#...`),
        a description link to the entry's own main link, the items of the table of contents
        (the lists directly under a section named in `toc-titles`; its sub-sections are
        content), and links outside list items (introduction, headings, quotes).

        Description links are off by default because on real lists they are cross-references,
        not duplicates: `inspired by [termui](...)`, `([httpx](...) fork)`, `bindings for
        [Qt](...)` in two entries (awesome-go.md line 427, awesome-python.md lines 369, 841-842).
        The npm awesome-lint 2.3.0 skips them too.

    Why:
        A project listed twice, often under two sections or with a slightly different URL, makes
        the list longer without making it better, and the two descriptions drift apart. A
        description that links a project listed elsewhere sends readers around the list instead
        of to its entry, and goes stale when the entry changes.

    Example:
        ```markdown
        - [Mistune](https://github.com/lepture/mistune) - Fast Markdown parser.
        - [mistune](https://github.com/Lepture/mistune/) - Markdown parser.
        - [Docs](https://docs.dev) - Guide for [Mistune](https://github.com/lepture/mistune).
        ```
        reports line 2: "Duplicate link: https://github.com/Lepture/mistune/ also at line 1;
        remove one of them". An entry repeated under another heading reports "Duplicate link:
        https://github.com/lepture/mistune also listed under 'Parsers' (line 1); remove one of
        them unless the cross-listing is deliberate". With `descriptions = true` also line 3: "Duplicate link:
        https://github.com/lepture/mistune is the entry at line 1; drop this link from the
        description (keep the text) or link something else".

    Fix safety:
        Unsafe, and only for a duplicate main link. The fix removes the later entry with its
        continuation lines. It is not offered for an entry with a sub-list, nor when removing
        it would lose a link found nowhere else in the list (a description linking its own
        docs). Which of the two entries to keep, and in which section, is the maintainer's
        call, and the removed entry's description may be worth keeping. A duplicate description link has no fix: whether to
        unlink the words or rewrite the sentence needs a person.
    """

    id = "duplicate-link"
    aliases = ("double-link",)
    summary = "The same target is not listed twice as an entry"
    fixable = True
    Options = DuplicateLinkOptions

    def check(self, document: Document, context: Context[DuplicateLinkOptions]) -> Iterable[Diagnostic]:
        entries = list(_entries_outside(document.root, context.settings))
        first_entry: dict[str, Entry] = {}  # normalised main-link target -> first entry
        sibling_index = _sibling_indexes(entries)
        targets: Counter[str] | None = None  # every link target of the document, counted once needed
        for entry in entries:
            link = entry.link
            if link is None or not _comparable(link):
                continue
            key = normalize_url(link.url)
            first = first_entry.setdefault(key, entry)
            if first is entry:
                continue
            first_section = _section_of(first)
            cross_section = first_section is not _section_of(entry)
            if cross_section and not context.options.cross_section:
                continue
            line = document.line_of(first.start)
            if cross_section and first_section is not None and first_section.heading is not None:
                message = (
                    f"Duplicate link: {link.url} also listed under '{first_section.title}' (line {line}); "
                    "remove one of them unless the cross-listing is deliberate"
                )
            else:
                message = f"Duplicate link: {link.url} also at line {line}; remove one of them"
            if targets is None:
                targets = Counter(normalize_url(link.url) for link in document.links if not link.is_image)
            fix = None
            if _removal_keeps_every_link(entry, targets):
                fix = unsafe_fix(f"Remove this entry (kept at line {line})", _removal(document, entry, sibling_index))
            yield self.diagnostic(document, link.start, link.end, message, fix)
        if context.options.descriptions:
            yield from self._check_descriptions(document, entries, first_entry)

    def _check_descriptions(
        self, document: Document, entries: list[Entry], first_entry: dict[str, Entry]
    ) -> Iterator[Diagnostic]:
        first_mention: dict[str, Link] = {}  # normalised target -> first description link
        for entry in entries:
            own_key = normalize_url(entry.link.url) if entry.link is not None else None
            for link in entry.links:
                if link is entry.link or not _comparable(link):
                    continue
                key = normalize_url(link.url)
                if key == own_key:
                    continue
                listed = first_entry.get(key)
                if listed is not None:
                    line = document.line_of(listed.start)
                    message = (
                        f"Duplicate link: {link.url} is the entry at line {line}; drop this link from "
                        "the description (keep the text) or link something else"
                    )
                    yield self.diagnostic(document, link.start, link.end, message)
                    continue
                first = first_mention.setdefault(key, link)
                if first is link:
                    continue
                line = document.line_of(first.start)
                message = (
                    f"Duplicate link: {link.url} also in a description at line {line}; "
                    "link it once (or add it as an entry and drop both description links)"
                )
                yield self.diagnostic(document, link.start, link.end, message)


def _comparable(link: Link) -> bool:
    """A link to another page: not an image, a badge link, an in-page anchor or an empty URL."""
    url = link.url.strip()
    return bool(url) and not url.startswith("#") and not link.is_image and not link.contains_image


def _entries_outside(section: Section, settings: Settings) -> Iterator[Entry]:
    """Entries outside the table of contents, in document order (blocks of a section come before
    its sub-sections)."""
    skipped = in_toc(section, settings)
    for entry_list in section.lists:
        if not skipped:
            yield from entry_list.walk()
    for child in section.children:
        yield from _entries_outside(child, settings)


def _sibling_indexes(entries: list[Entry]) -> dict[Entry, int]:
    """Each entry's index among its list's items (looked up per duplicate: `list.index` was
    quadratic on a list of 40k duplicates)."""
    indexes: dict[Entry, int] = {}
    for entry_list in {entry.parent for entry in entries if entry.parent is not None}:
        indexes.update((item, index) for index, item in enumerate(entry_list.items))
    return indexes


def _section_of(entry: Entry) -> Section | None:
    """The section holding the entry's top-level list."""
    entry_list = entry.parent
    while entry_list is not None and entry_list.parent_entry is not None:
        entry_list = entry_list.parent_entry.parent
    return entry_list.section if entry_list is not None else None


def _removal_keeps_every_link(entry: Entry, targets: Counter[str]) -> bool:
    """Whether every link of the entry is linked elsewhere too, so removing it loses none. Not
    for an entry with a sub-list (whose entries may be kept copies of other duplicates), nor for
    `- [django.db.models](<django's repository>) - The Django [ORM](<its docs>).` (awesome-python)."""
    if entry.sublists:
        return False
    here = Counter(normalize_url(link.url) for link in entry.links if not link.is_image)
    return all(targets[url] > count for url, count in here.items())


def _removal(document: Document, entry: Entry, sibling_index: dict[Entry, int]) -> Edit:
    """Delete the entry's lines; in a loose list also one of the separators around it."""
    siblings = entry.parent.items if entry.parent is not None else [entry]
    index = sibling_index.get(entry, 0)
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
