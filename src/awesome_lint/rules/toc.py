"""toc: the table of contents links the sections, with their texts and anchors, in order."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right, insort
from dataclasses import dataclass
from typing import Iterable, Iterator
from urllib.parse import unquote

from awesome_lint.diagnostics import Diagnostic, Edit, Fix, safe_fix, unsafe_fix
from awesome_lint.document.model import Document, Entry, EntryList, Heading
from awesome_lint.rules._anchors import (
    FoundToc,
    anchor_map,
    anchor_of,
    find_toc,
    heading_parents,
    heading_text,
    reference_map,
    section_key,
    top_sections,
)
from awesome_lint.rules._sorting import in_order_indexes
from awesome_lint.rules.base import Context, Rule, Settings

_MARKDOWN_SPECIAL = str.maketrans({char: "\\" + char for char in "\\[]*_`<"})
_WORD = re.compile(r"\w+")
_HTML_ID = re.compile(r"""\b(?:name|id)\s*=\s*["']([^"']+)["']""", re.IGNORECASE)


@dataclass(frozen=True)
class TocOptions:
    # The closing sections (the `tail-sections` setting: Contributing, License, ...) may be left
    # out of the table of contents; when they are listed, they are checked like any other.
    exempt_tail_sections: bool = True
    # Sub-sections (headings one level below the ToC's top level): "auto" (a section's
    # sub-sections are all listed when the ToC lists one of them), "always" (listed for every
    # listed section), "never" (the ToC lists its top level only).
    subsections: str = "auto"
    # Report a list without a table of contents when it has at least this many sections (0: never).
    min_sections: int = 3


@dataclass(frozen=True)
class Insertion:
    """A missing heading's item, written before or after its listed neighbour."""

    heading: Heading
    neighbour: Entry
    offset: int
    link: str
    after: bool
    nested: bool  # a new sub-list under the neighbour (the heading's parent)


@dataclass(frozen=True)
class Mirrored:
    """Which headings the ToC mirrors."""

    top: int  # the level of the highest heading below the ToC that it lists
    levels: frozenset[int]  # the levels of the headings below the ToC that it lists
    every_subsection: bool  # every listed section's sub-sections are listed
    listed_groups: frozenset[tuple[int, int]]  # (id(parent), level) of siblings with one listed
    nested_groups: frozenset[tuple[int, int]]  # ... with one listed under its parent's item


class Toc(Rule[TocOptions]):
    """The table of contents matches the headings it lists.

    What it does:
        Finds the table of contents: the lists of in-page links under the section titled like the
        `toc-titles` setting (`Contents` by default) or under its first sub-heading, or else the
        first list whose links mostly go to the headings below it (under another heading, a bold
        label or none). It is checked against the document's real heading tree, whatever levels
        it mirrors (the title, H1 part headings, H2 sections, H3 sub-sections...):
        every in-page link goes to a heading with GitHub's anchor (lower case, punctuation and
        emoji removed, spaces turned to `-`, `-1`, `-2` for repeated headings); an item's text is
        its heading's text (case, punctuation and emoji aside); the items of one list follow the
        order of their headings; no heading is listed twice; every heading at the ToC's top level
        is listed when a sibling or its parent is (the closing sections such as `Contributing` and
        `License` may be left out; a part the ToC does not mirror is not asked for); sub-sections
        are listed for every section when the ToC nests one under its section (the `subsections`
        option), and deeper headings when a sibling is nested under their parent's item. Links to
        other pages, HTML anchors and items without a link (group labels) are left alone. A contents list without a Contents heading is
        reported once, and a list with several sections and no table of contents too.

    Why:
        A table of contents that drifted from the headings sends readers to anchors that do not exist
        and hides new sections. The npm awesome-lint reports the same (`awesome-toc`).

    Example:
        ```markdown
        ## Contents
        - [Tools](#tool)            <- anchor is '#tools'
        - [Libraries](#libraries)   <- 'Libraries' comes after 'Frameworks'
        - [Frameworks](#frameworks)
                                    <- 'Books' is missing
        ## Tools
        ## Frameworks
        ## Libraries
        ## Books
        ```

    Fix safety:
        Safe: the list is edited in place, never regenerated, so everything written around the
        links, the bullets, the indentation and the blank lines between items stay as they are.
        The safe fixes write the heading's anchor into a link whose anchor goes nowhere when the
        heading is found by its text, write the heading's text as the link text, add a missing
        item next to its listed neighbour, and reorder a list whose items are one line each.
        Unsafe: pointing a broken link at the only unlisted heading at its place. No fix removes
        an item (a duplicate or a link to a missing section is only reported).
    """

    id = "toc"
    document_wide = True
    aliases = ("awesome-toc",)
    summary = "The table of contents lists every section, with the heading's text and anchor, in order"
    fixable = True
    Options = TocOptions

    def check(self, document: Document, context: Context[TocOptions]) -> Iterable[Diagnostic]:
        anchors = anchor_map(document)
        found = find_toc(document, context.settings.toc_titles, anchors)
        if found is None:
            yield from self._missing_toc(document, context.settings, context.options)
            return
        if not found.lists:
            assert found.heading is not None
            yield self.diagnostic(
                document,
                found.heading.start,
                found.heading.end,
                f"Add a list of links to the sections under '{found.heading.text}' (for example "
                "'- [Tools](#tools)')",
            )
            return
        if not found.titled:
            yield self._untitled(document, found, context.settings)
        yield from _Checker(self, document, found, anchors, context.settings, context.options).run()

    def _missing_toc(self, document: Document, settings: Settings, options: TocOptions) -> Iterator[Diagnostic]:
        if options.min_sections <= 0:
            return
        sections = top_sections(document)
        if len(sections) >= options.min_sections:
            first = sections[0]
            yield self.diagnostic(
                document,
                first.start,
                first.end,
                f"Add a table of contents: a '## {settings.toc_titles[0]}' section before "
                f"'{first.text}' with a list of links to the list's {len(sections)} sections (if the list has one under "
                "another title, add that title to the toc-titles setting)",
            )

    def _untitled(self, document: Document, found: FoundToc, settings: Settings) -> Diagnostic:
        first = found.lists[0]
        title = settings.toc_titles[0]
        if found.heading is None or found.heading is document.title:
            message = f"Put this table of contents under a '## {title}' heading"
        else:
            message = (
                f"Title this table of contents '{title}', not '{found.heading.text}' (or add "
                f"'{found.heading.text}' to the toc-titles setting)"
            )
        return self.diagnostic(document, first.start, _first_line_end(document, first.start), message)


class _Checker:
    """Checks the ToC lists against the headings and plans in-place edits."""

    def __init__(
        self,
        rule: Toc,
        document: Document,
        found: FoundToc,
        anchors: dict[str, Heading],
        settings: Settings,
        options: TocOptions,
    ) -> None:
        self.rule = rule
        self.document = document
        self.lists = found.lists
        self.toc_heading = found.heading if found.titled else None
        self.options = options
        self.anchors = anchors
        self.anchor_of = {id(heading): anchor for anchor, heading in anchors.items()}
        self.html_ids = set(_HTML_ID.findall(document.text))
        self.parents = heading_parents(document)
        self.references = reference_map(document)
        exempt = settings.tail_sections if options.exempt_tail_sections else ()
        self.exempt = {section_key(name) for name in exempt}
        self.toc_end = found.lists[-1].end
        self.after_toc = [heading for heading in document.headings if heading.start > self.toc_end]
        self.texts = {id(heading): " ".join(heading_text(heading, self.references).split()) for heading in document.headings}
        self.groups: dict[tuple[int, int], list[Heading]] = {}  # (id(parent), level) -> the headings after the ToC
        for heading in self.after_toc:
            self.groups.setdefault((id(self.parents.get(id(heading))), heading.level), []).append(heading)
        self.listed: dict[int, Entry] = {}  # id(heading) -> the item that links it
        self.diagnostics: list[Diagnostic] = []

    def run(self) -> list[Diagnostic]:
        items = [entry for entry_list in self.lists for entry in entry_list.walk()]
        resolved, broken = self._resolve(items)
        for entry, heading in resolved:
            self._check_text(entry, heading)
        index = HeadingIndex(
            [heading for heading in self.document.headings if heading is not self.toc_heading],
            self.texts,
            self.anchor_of,
        )
        for entry in broken:
            self._match_broken(entry, resolved, index)
        self._check_order([pair for pair in resolved if id(pair[1]) in self.listed])
        self._check_missing(resolved)
        self.diagnostics.sort(key=lambda diagnostic: diagnostic.start)
        return self.diagnostics

    # -- which heading each item links ---------------------------------------------------------
    def _resolve(self, items: list[Entry]) -> tuple[list[tuple[Entry, Heading]], list[Entry]]:
        resolved: list[tuple[Entry, Heading]] = []
        broken: list[Entry] = []
        for entry in items:
            anchor = anchor_of(entry)
            if anchor is None or anchor in self.html_ids:
                continue  # a group label, a link to another page, an HTML anchor
            heading = self.anchors.get(anchor)
            if heading is None:
                broken.append(entry)
            elif id(heading) in self.listed:
                first = self.listed[id(heading)]
                self._report(
                    entry,
                    f"Remove the duplicate ToC item '{_link_text(entry)}': it is already listed "
                    f"(line {self.document.line_of(first.start)})",
                )
            else:
                self.listed[id(heading)] = entry
                resolved.append((entry, heading))
        return resolved, broken

    def _match_broken(self, entry: Entry, resolved: list[tuple[Entry, Heading]], index: HeadingIndex) -> None:
        """Point a broken link at its heading: found by the item's text or anchor (a safe fix), or
        else the only unlisted heading at the item's place (an unsafe one)."""
        assert entry.link is not None
        text = _link_text(entry)
        url = entry.link.url
        found = index.unlisted(_words(text), self.listed) or index.unlisted(_compact(url[1:]), self.listed)
        safe = found is not None
        if found is None:
            found = self._unlisted_between(entry, resolved)
            problem = f"ToC item '{text}' links to '{url}', which is no heading's anchor"
            if found is None:
                self._report(entry, f"{problem}: fix the link or remove the item")
                return
        anchor = self.anchor_of[id(found)]
        line = self.document.line_of(found.start)
        if safe:
            message = (
                f"Fix the anchor of ToC item '{text}': GitHub's anchor for its heading (line {line}) is "
                f"'#{anchor}', not '{url}'"
            )
        else:
            message = f"{problem}: the unlisted heading at its place is '{found.text}' (line {line}), '#{anchor}'"
        self._report(entry, message, _anchor_fix(entry, anchor, safe=safe))
        self._list(entry, found, resolved)

    def _unlisted_between(self, entry: Entry, resolved: list[tuple[Entry, Heading]]) -> Heading | None:
        """The only unlisted heading between the headings of the items around ``entry``."""
        position = bisect_left(resolved, entry.start, key=lambda pair: pair[0].start)
        low = resolved[position - 1][1].start if position > 0 else self.toc_end
        high = resolved[position][1].start if position < len(resolved) else len(self.document.text)
        first = bisect_right(self.after_toc, low, key=lambda heading: heading.start)
        between: list[Heading] = []
        for heading in self.after_toc[first:]:
            if heading.start >= high or len(between) > 1:
                break
            if id(heading) not in self.listed:
                between.append(heading)
        return between[0] if len(between) == 1 else None

    def _list(self, entry: Entry, heading: Heading, resolved: list[tuple[Entry, Heading]]) -> None:
        self.listed[id(heading)] = entry
        insort(resolved, (entry, heading), key=lambda pair: pair[0].start)

    # -- text and order ------------------------------------------------------------------------
    def _check_text(self, entry: Entry, heading: Heading) -> None:
        text = self.texts[id(heading)]
        written = _link_text(entry)
        if _same_words(text, written) or not text:
            return
        self._report(
            entry,
            f"Write ToC item '{written}' as its heading: '{text}' (line {self.document.line_of(heading.start)})",
            _text_fix(self.document, entry, text),
        )

    def _check_order(self, resolved: list[tuple[Entry, Heading]]) -> None:
        """Items of one list follow their headings' order (across lists, grouping labels and
        nesting are the maintainer's choice)."""
        by_list: dict[int, list[tuple[Entry, Heading]]] = {}
        for entry, heading in resolved:
            by_list.setdefault(id(entry.parent), []).append((entry, heading))
        for siblings in by_list.values():
            in_order = in_order_indexes([heading.start for _, heading in siblings])
            if len(in_order) == len(siblings):
                continue
            headings = sorted((heading for _, heading in siblings), key=lambda heading: heading.start)
            previous = {id(heading): before for before, heading in zip([None, *headings], headings)}
            fix = _reorder_fix(self.document, siblings[0][0].parent, self.listed, self.anchors)
            for index, (entry, heading) in enumerate(siblings):
                if index in in_order:
                    continue
                before = previous[id(heading)]
                where = "first" if before is None else f"after '{_link_text(self.listed[id(before)])}'"
                self._report(
                    entry,
                    f"Move ToC item '{_link_text(entry)}' {where}: the table of contents follows the order of "
                    "the headings",
                    fix,
                )

    # -- what is missing -----------------------------------------------------------------------
    def _check_missing(self, resolved: list[tuple[Entry, Heading]]) -> None:
        levels = {heading.level for _, heading in resolved if heading.start > self.toc_end}
        if not levels:
            return
        top = min(levels)
        mirrored = Mirrored(
            top=top,
            levels=frozenset(levels),
            every_subsection=self._lists_subsections(top),
            listed_groups=frozenset(
                key for key, headings in self.groups.items() if any(id(heading) in self.listed for heading in headings)
            ),
            nested_groups=self._groups_nested_under_their_parent(),
        )
        missing = [heading for heading in self.after_toc if self._is_missing(heading, mirrored)]
        neighbours = self._listed_neighbours()
        insertions: dict[int, list[Insertion]] = {}
        for heading in missing:
            insertion = self._insertion(heading, neighbours[id(heading)])
            if insertion is not None:
                insertions.setdefault(insertion.offset, []).append(insertion)
        for planned in insertions.values():
            fix = _insertion_fix(self.document, planned)
            for insertion in planned:
                heading = insertion.heading
                self._report(
                    insertion.neighbour,
                    f"Add '{heading.text}' (line {self.document.line_of(heading.start)}) to the table of "
                    f"contents{self._parent_text(heading, top)}: '- {insertion.link}'",
                    fix,
                )

    def _is_missing(self, heading: Heading, mirrored: Mirrored) -> bool:
        """Whether the ToC mirrors the heading's level under its parent and leaves it out."""
        if id(heading) in self.listed or heading is self.toc_heading:
            return False
        parent = self.parents.get(id(heading))
        group = _group_key(heading, self.parents)
        if heading.level == mirrored.top:
            listed_around = group in mirrored.listed_groups or (parent is not None and id(parent) in self.listed)
            return listed_around and section_key(heading.text) not in self.exempt
        if self.options.subsections == "never" or parent is None or id(parent) not in self.listed:
            return False
        if heading.level == mirrored.top + 1 and parent.level == mirrored.top and mirrored.every_subsection:
            return True
        return heading.level in mirrored.levels and group in mirrored.nested_groups

    def _listed_neighbours(self) -> dict[int, tuple[Heading | None, Heading | None]]:
        """id(heading) -> the nearest listed siblings before and after it."""
        neighbours: dict[int, tuple[Heading | None, Heading | None]] = {}
        for headings in self.groups.values():
            before: list[Heading | None] = []
            last: Heading | None = None
            for heading in headings:
                before.append(last)
                last = heading if id(heading) in self.listed else last
            following: Heading | None = None
            for heading, preceding in zip(reversed(headings), reversed(before)):
                neighbours[id(heading)] = (preceding, following)
                following = heading if id(heading) in self.listed else following
        return neighbours

    def _groups_nested_under_their_parent(self) -> frozenset[tuple[int, int]]:
        """The sibling groups with a listed heading whose item is nested under its parent's item."""
        return frozenset(
            key
            for key, headings in self.groups.items()
            if any(self._nested_under_parent(id(heading)) for heading in headings)
        )

    def _lists_subsections(self, top: int) -> bool:
        """Whether every listed section's sub-sections are listed: the `subsections` setting, or
        ("auto") the ToC nests one sub-section under its section's item."""
        if self.options.subsections != "auto":
            return self.options.subsections == "always"
        return any(
            self._nested_under_parent(heading_id) and self.parents[heading_id].level == top
            for heading_id in self.listed
        )

    def _nested_under_parent(self, heading_id: int) -> bool:
        """The heading is listed, and its item is nested under the item of its listed parent."""
        item = self.listed.get(heading_id)
        parent = self.parents.get(heading_id)
        if item is None or parent is None or id(parent) not in self.listed:
            return False
        return _is_nested_under(item, self.listed[id(parent)])

    def _insertion(self, heading: Heading, neighbours: tuple[Heading | None, Heading | None]) -> Insertion | None:
        """Where the item of a missing heading goes: before its next listed sibling, after its
        previous one, or in a new sub-list of its listed parent."""
        preceding, following = neighbours
        link = f"[{_escaped(heading, self.references)}](#{self.anchor_of[id(heading)]})"
        if following is not None:
            neighbour = self.listed[id(following)]
            offset = self.document.line_start(self.document.line_of(neighbour.start))
            return Insertion(heading, neighbour, offset, link, after=False, nested=False)
        if preceding is not None:
            neighbour = self.listed[id(preceding)]
            return Insertion(heading, neighbour, neighbour.end, link, after=True, nested=False)
        parent = self.parents.get(id(heading))
        if parent is not None and id(parent) in self.listed:
            neighbour = self.listed[id(parent)]
            if not neighbour.sublists:
                return Insertion(heading, neighbour, neighbour.end, link, after=True, nested=True)
        return None

    def _parent_text(self, heading: Heading, top: int) -> str:
        parent = self.parents.get(id(heading))
        if heading.level == top or parent is None or id(parent) not in self.listed:
            return ""
        return f" under '{_link_text(self.listed[id(parent)])}'"

    def _report(self, entry: Entry, message: str, fix: Fix | None = None) -> None:
        end = _first_line_end(self.document, entry.start, entry.text_end)
        self.diagnostics.append(self.rule.diagnostic(self.document, entry.start, end, message, fix))


# -- reading items -------------------------------------------------------------------------------
class HeadingIndex:
    """Headings by the words of their text and by their anchor without dashes, for broken links."""

    def __init__(self, headings: list[Heading], texts: dict[int, str], anchors: dict[int, str]) -> None:
        self.by_key: dict[object, list[Heading]] = {}
        for heading in headings:
            self.by_key.setdefault(_words(texts[id(heading)]), []).append(heading)
            self.by_key.setdefault(_compact(anchors[id(heading)]), []).append(heading)

    def unlisted(self, key: object, listed: dict[int, Entry]) -> Heading | None:
        return next((heading for heading in self.by_key.get(key, []) if id(heading) not in listed), None)


def _group_key(heading: Heading, parents: dict[int, Heading]) -> tuple[int, int]:
    return id(parents.get(id(heading))), heading.level


def _is_nested_under(entry: Entry, ancestor: Entry) -> bool:
    entry_list = entry.parent
    while entry_list is not None and entry_list.parent_entry is not None:
        if entry_list.parent_entry is ancestor:
            return True
        entry_list = entry_list.parent_entry.parent
    return False


def _link_text(entry: Entry) -> str:
    assert entry.link is not None
    return " ".join(entry.link.plain_text.split())


def _words(text: str) -> tuple[str, ...]:
    return tuple(_WORD.findall(text.casefold()))


def _same_words(one: str, other: str) -> bool:
    """Equal but for case, punctuation, emoji and spacing."""
    return _words(one) == _words(other)


def _compact(anchor: str) -> str:
    return unquote(anchor).replace("-", "").casefold()


def _escaped(heading: Heading, references: dict) -> str:
    return " ".join(heading_text(heading, references).split()).translate(_MARKDOWN_SPECIAL)


def _first_line_end(document: Document, start: int, end: int | None = None) -> int:
    line_end = document.line_end(document.line_of(start))
    return max(start, min(end, line_end)) if end is not None else line_end


# -- fixes: edits inside the items, never a regenerated list -------------------------------------
def _anchor_fix(entry: Entry, anchor: str, safe: bool) -> Fix | None:
    link = entry.link
    if link is None or link.url_start is None or link.url_end is None:
        return None
    make = safe_fix if safe else unsafe_fix
    return make("Write the heading's anchor into the ToC link", Edit(link.url_start, link.url_end, f"#{anchor}"))


def _text_fix(document: Document, entry: Entry, text: str) -> Fix | None:
    link = entry.link
    assert link is not None
    start = link.start + 1
    end = start + len(link.text)
    if link.is_image or link.contains_image or document.text[link.start] != "[" or document.text[start:end] != link.text:
        return None  # an icon in the link text would be lost
    if document.text[end : end + 2] != "](":
        return None
    return safe_fix("Write the heading's text into the ToC link", Edit(start, end, text.translate(_MARKDOWN_SPECIAL)))


def _insertion_fix(document: Document, planned: list[Insertion]) -> Fix | None:
    """One edit adding the missing items that go at the same place."""
    first = planned[0]
    neighbour = first.neighbour
    line_start = document.line_start(document.line_of(neighbour.start))
    if neighbour.parent is None or document.text[line_start : neighbour.start] != neighbour.indent:
        return None  # an item inside a block quote or after other text on its line
    separator = "\n\n" if _is_loose(document, neighbour.parent) else "\n"
    indent = neighbour.indent
    if first.nested:
        content_column = (neighbour.content_start or neighbour.marker_end) - line_start
        indent = neighbour.indent + " " * (content_column - len(neighbour.indent))
        separator = "\n"
    marker = f"{indent}{neighbour.marker} "
    if first.after:
        content = "".join(f"{separator}{marker}{insertion.link}" for insertion in planned)
    else:
        content = "".join(f"{marker}{insertion.link}{separator}" for insertion in planned)
    return safe_fix("Add the missing sections to the table of contents", Edit(first.offset, first.offset, content))


def _is_loose(document: Document, entry_list: EntryList) -> bool:
    items = entry_list.items
    return any(
        "\n\n" in document.text[before.end : after.start].replace("\r", "").replace(" ", "").replace("\t", "")
        for before, after in zip(items, items[1:])
    )


def _reorder_fix(
    document: Document, entry_list: EntryList | None, listed: dict[int, Entry], anchors: dict[str, Heading]
) -> Fix | None:
    """Sort the items of ``entry_list`` that link a heading by their headings, moving whole one-line
    items; the other items (group labels, links elsewhere, broken anchors) keep their places."""
    if entry_list is None:
        return None
    items = entry_list.items
    slots: list[int] = []
    keys: list[int] = []
    for index, entry in enumerate(items):
        heading = anchors.get(anchor_of(entry) or "")
        if heading is not None and listed.get(id(heading)) is entry:
            slots.append(index)
            keys.append(heading.start)
    order = sorted(range(len(slots)), key=lambda position: keys[position])
    moves = {slots[position]: slots[source] for position, source in enumerate(order) if position != source}
    if not moves or not all(_is_movable(document, items[index]) for index in moves):
        return None
    starts = [document.line_start(document.line_of(entry.start)) for entry in items]
    gaps = [document.text[before.end : start] for before, start in zip(items, starts[1:])]
    if any(gap.strip() for gap in gaps):
        return None
    chunks = [document.text[start : entry.end] for start, entry in zip(starts, items)]
    placed = [chunks[moves.get(index, index)] for index in range(len(items))]
    content = placed[0] + "".join(gap + chunk for gap, chunk in zip(gaps, placed[1:]))
    return safe_fix("Sort the table of contents like the headings", Edit(starts[0], items[-1].end, content))


def _is_movable(document: Document, entry: Entry) -> bool:
    """The item and its sub-items are one line each, with nothing written after them."""
    for item in entry.walk():
        line_end = document.line_end(document.line_of(item.start))
        if item.text_end > line_end or (not item.sublists and item.end > line_end):
            return False
    return True
