"""The Document: what rules read. Built once per file by :mod:`awesome_lint.document.build`.

All offsets index ``Document.text``: the decoded file without a BOM, with its line endings as
written. ``end`` offsets are exclusive.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Iterator, Literal

from awesome_lint.diagnostics import Position

BlockKind = Literal["paragraph", "html", "code", "quote", "thematic_break", "list", "heading", "other"]


@dataclass(eq=False, slots=True)
class Link:
    text: str  # link text as written between the brackets
    plain_text: str  # link text without Markdown markup
    url: str  # destination as written in the source (for reference links: the definition's)
    resolved_url: str  # mistune's normalised URL
    start: int  # the '[' (or '!' of an image)
    end: int
    url_start: int | None  # span of the destination as written; None for reference links
    url_end: int | None
    is_image: bool = False
    reference: str | None = None  # label of a reference-style link
    contains_image: bool = False  # a link around a badge image


@dataclass(eq=False, slots=True)
class Block:
    kind: BlockKind
    start: int
    end: int
    raw: str = ""  # source text for html and code blocks


@dataclass(eq=False, slots=True)
class Heading:
    level: int
    text: str  # plain text (markup removed)
    raw: str  # heading content as written (no '#' markers)
    start: int
    end: int
    text_start: int
    text_end: int
    style: Literal["atx", "setext"]
    links: list[Link] = field(default_factory=list)


@dataclass(eq=False, slots=True)
class Entry:
    """A list item. Most are `- [Name](url) - Description.` entries; all are kept."""

    start: int  # the list marker
    end: int  # end of the item's own content and sub-lists (exclusive, no trailing newline)
    marker: str  # '-', '*', '+', '1.', '2)' ...
    indent: str  # whitespace before the marker on its line
    marker_end: int
    content_start: int | None  # first character after the marker's spacing; None for an empty item
    first_block: BlockKind | None
    link: Link | None  # the entry's main link (first link that is not a badge)
    link_first: bool  # nothing but badges/images/whitespace before the main link
    links: list[Link]  # every link in the item's own text (not its sub-lists)
    separator: str | None  # text between the main link and the description, as written
    separator_start: int | None
    separator_mark: str | None  # the dash or colon in the separator; None when it has none
    description: str | None  # description as written (Markdown source), None when absent
    description_start: int | None
    description_end: int | None
    text_end: int  # end of the item's first paragraph (or marker line)
    sublists: list[EntryList] = field(default_factory=list)
    parent: EntryList | None = None
    broken_span: bool = False  # mistune produced a non-contiguous paragraph here

    @property
    def bullet(self) -> str:
        return self.marker[-1]

    @property
    def ordered(self) -> bool:
        return len(self.marker) > 1

    def walk(self) -> Iterator[Entry]:
        yield self
        for sub in self.sublists:
            yield from sub.walk()


@dataclass(eq=False, slots=True)
class EntryList:
    start: int
    end: int
    ordered: bool
    bullet: str
    depth: int  # 0 for a list directly in a section, 1 for a sub-list of an entry, ...
    section: Section | None
    parent_entry: Entry | None = None
    items: list[Entry] = field(default_factory=list)

    def walk(self) -> Iterator[Entry]:
        for item in self.items:
            yield from item.walk()

    def walk_lists(self) -> Iterator[EntryList]:
        yield self
        for item in self.items:
            for sub in item.sublists:
                yield from sub.walk_lists()


@dataclass(eq=False, slots=True)
class Section:
    """A heading and everything up to the next heading of the same or a higher level."""

    heading: Heading | None  # None for the root (content before the first heading)
    start: int
    end: int
    parent: Section | None = None
    children: list[Section] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)  # blocks directly in this section
    lists: list[EntryList] = field(default_factory=list)  # top-level lists directly in this section

    @property
    def level(self) -> int:
        return self.heading.level if self.heading else 0

    @property
    def title(self) -> str:
        return self.heading.text if self.heading else ""

    def walk(self) -> Iterator[Section]:
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass(frozen=True)
class Definition:
    label: str
    url: str
    start: int
    end: int


@dataclass(eq=False)
class Document:
    path: str
    text: str
    bom: bool
    newline: str  # the file's dominant line ending: '\n' or '\r\n'
    line_starts: list[int]
    root: Section
    headings: list[Heading]
    lists: list[EntryList]  # every top-level list (depth 0), in order; lists in block quotes are quotations, not entries
    blocks: list[Block]  # every top-level block, in order
    links: list[Link]  # every link and image, in order
    definitions: list[Definition]
    broken_spans: list[tuple[int, int]] = field(default_factory=list)

    # -- positions -------------------------------------------------------------------------
    def position(self, offset: int) -> Position:
        line = bisect_right(self.line_starts, offset) - 1
        return Position(line + 1, offset - self.line_starts[line] + 1)

    def line_of(self, offset: int) -> int:
        """1-based line number."""
        return bisect_right(self.line_starts, offset)

    def line_start(self, line: int) -> int:
        return self.line_starts[line - 1]

    def line_end(self, line: int) -> int:
        """Offset of the end of 1-based ``line``, before its line ending."""
        if line < len(self.line_starts):
            end = self.line_starts[line]
        else:
            end = len(self.text)
        while end > self.line_starts[line - 1] and self.text[end - 1] in "\r\n":
            end -= 1
        return end

    def line_text(self, line: int) -> str:
        return self.text[self.line_start(line) : self.line_end(line)]

    @property
    def line_count(self) -> int:
        return len(self.line_starts)

    # -- structure -------------------------------------------------------------------------
    @property
    def title(self) -> Heading | None:
        for heading in self.headings:
            if heading.level == 1:
                return heading
        return None

    def sections(self) -> Iterator[Section]:
        for section in self.root.walk():
            if section.heading is not None:
                yield section

    def entries(self) -> Iterator[Entry]:
        for entry_list in self.lists:
            yield from entry_list.walk()

    def all_lists(self) -> Iterator[EntryList]:
        for entry_list in self.lists:
            yield from entry_list.walk_lists()

    def find_section(self, title: str) -> Section | None:
        wanted = title.strip().casefold()
        for section in self.sections():
            if section.title.strip().casefold() == wanted:
                return section
        return None
