"""alphabetical-order: entries of every list and sub-list are sorted by name."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Iterator, NamedTuple

from awesome_lint.diagnostics import Diagnostic, Edit, safe_fix
from awesome_lint.document.model import Document, Entry, EntryList, Section
from awesome_lint.rules._anchors import in_toc
from awesome_lint.rules._sorting import KeyStyle, in_order_indexes, sort_key
from awesome_lint.rules.base import Context, Rule, Settings

_HAS_ALNUM = re.compile(r"[^\W_]")
# These change which rules apply to the lines that follow: entries must not move across them.
_LINT_RANGE_COMMENT = re.compile(r"<!--\s*lint\s+(?:disable|enable)\b", re.IGNORECASE)
# A line holding only a `<!--lint ignore ...-->` comment: it suppresses the entry below it.
_IGNORE_COMMENT_LINE = re.compile(r"[ \t]*<!--\s*lint\s+ignore\b.*?-->[ \t]*", re.IGNORECASE)
_MAX_NAME = 60


@dataclass(frozen=True)
class AlphabeticalOrderOptions:
    ignore_case: bool = True
    # Compare runs of digits as numbers: "Go 2" before "Go 10".
    natural_numbers: bool = True
    # Leading articles do not count: "The Book" sorts under B.
    ignore_articles: bool = True
    articles: tuple[str, ...] = ("The", "A", "An")
    # Leading punctuation and emoji do not count; inner punctuation separates words.
    ignore_punctuation: bool = True
    # Section titles (case-insensitive) whose lists, sub-sections included, are not checked.
    ignore_sections: tuple[str, ...] = ()


class _Unit(NamedTuple):
    """An entry and the bytes that move with it when the list is re-sorted."""

    entry: Entry
    start: int  # start of its marker line, or of an HTML comment line right above it
    end: int  # Entry.end: the item, its continuation lines and sub-lists, no final newline


class AlphabeticalOrder(Rule[AlphabeticalOrderOptions]):
    """Entries of every list and sub-list are in alphabetical order.

    What it does:
        Compares the entries of each bulleted list (and of each sub-list, separately) by their
        link text, or by their text when they have no leading link. The comparison ignores case,
        accents ("Éclair" sorts as "Eclair"), leading articles ("The", "A", "An") when a space
        follows them ("A-Frame" stays under A), leading punctuation and emoji, treats other
        punctuation as a word break (so "go-kit" sorts like "go kit") and compares numbers by
        value ("Go 2" before "Go 10"); each of these is an option. It reports the first entry
        that is out of place in each list and names the entry it should follow.

        Not checked: numbered lists, the table of contents (the sections named in `toc-titles`,
        and any list whose links are mostly in-page anchors), lists without a single link, and
        sections named in `ignore-sections` together with their sub-sections.

        An HTML comment line between two items (such as `<!--lint ignore ...-->`) ends a
        Markdown list, so the parser sees two lists; remark (and so the npm awesome-lint) checks
        them as two lists. Here they are one list, as the reader sees it: the comment belongs to
        the entry below it and moves with it (so does a `<!--lint ignore ...-->` line right above
        the first entry of a list). `<!--lint disable-->`/`<!--lint enable-->` comments
        are the exception: they switch rules off for a range of lines, so entries never move
        across them and the lists on either side are sorted separately.

    Why:
        A sorted list lets readers find an entry and contributors see where a new one goes;
        it is the most common review comment on awesome lists.

    Example:
        ```markdown
        - [Charlie](https://example.com/c) - Third.
        - [Alpha](https://example.com/a) - First.
        ```
        reports "Sort entries alphabetically: 'Charlie' should come after 'Alpha' (line 2)".

    Fix safety:
        Safe. The fix re-sorts the whole list, moving each entry as a unit (its marker line,
        continuation lines, sub-list and an HTML comment line right above it) and leaving the text
        between entries (blank lines of loose lists) where it was. The sort is stable, so entries
        that compare equal keep their order. No byte is added or lost.
    """

    id = "alphabetical-order"
    aliases = ("alphabetize-lists",)
    summary = "Entries of every list and sub-list are in alphabetical order"
    fixable = True
    Options = AlphabeticalOrderOptions

    def check(self, document: Document, context: Context[AlphabeticalOrderOptions]) -> Iterable[Diagnostic]:
        options = context.options
        style = KeyStyle(
            ignore_case=options.ignore_case,
            natural_numbers=options.natural_numbers,
            ignore_punctuation=options.ignore_punctuation,
            articles=options.articles if options.ignore_articles else (),
        )
        ignored = {title.strip().casefold() for title in options.ignore_sections}
        for group in _checked_groups(document, ignored, context.settings):
            diagnostic = self._check_group(document, group, style)
            if diagnostic is not None:
                yield diagnostic

    def _check_group(self, document: Document, group: list[EntryList], style: KeyStyle) -> Diagnostic | None:
        units = _units(document, group)
        if len(units) < 2 or not _has_links(units) or _is_table_of_contents(units):
            return None
        names = [_entry_name(document, unit.entry) for unit in units]
        # Empty items ("- " on its own) have no name: they stay where they are.
        sortable = [index for index, name in enumerate(names) if name.strip()]
        keys = {index: sort_key(names[index], style) for index in sortable}
        in_order = in_order_indexes([keys[index] for index in sortable])
        if len(in_order) == len(sortable):
            return None
        order = sorted(sortable, key=keys.__getitem__)  # stable: equal keys keep their order
        misplaced = _reported_entry(sortable, in_order, order)
        message = _message(document, units, names, order, misplaced)
        entry = units[misplaced].entry
        arrangement = _arrangement(len(units), sortable, order)
        fix = safe_fix(
            f"Sort the {len(sortable)} entries of this list alphabetically", _sort_edit(document, units, arrangement)
        )
        return self.diagnostic(document, entry.start, entry.text_end, message, fix)


# -- which lists ------------------------------------------------------------------------------


def _checked_groups(document: Document, ignored: set[str], settings: Settings) -> Iterator[list[EntryList]]:
    """Every logical list outside the ignored sections (and their sub-sections) and outside the
    table of contents (its own lists only: an H1 ToC has the real sections below it), parents
    before their sub-lists."""
    for section in _sections_not_ignored(document.root, ignored):
        if in_toc(section, settings):
            continue
        for group in _logical_lists(document, section.lists):
            yield from _with_sublists(document, group)


def _sections_not_ignored(section: Section, ignored: set[str]) -> Iterator[Section]:
    if section.heading is not None and section.title.strip().casefold() in ignored:
        return
    yield section
    for child in section.children:
        yield from _sections_not_ignored(child, ignored)


def _with_sublists(document: Document, group: list[EntryList]) -> Iterator[list[EntryList]]:
    if not group[0].ordered:
        yield group
    for entry_list in group:
        for entry in entry_list.items:
            for subgroup in _logical_lists(document, entry.sublists):
                yield from _with_sublists(document, subgroup)


def _logical_lists(document: Document, lists: list[EntryList]) -> list[list[EntryList]]:
    """Consecutive lists separated only by HTML comments form one logical list."""
    groups: list[list[EntryList]] = []
    for entry_list in lists:
        if not entry_list.items:
            continue
        if groups and _continues(document, groups[-1][-1], entry_list):
            groups[-1].append(entry_list)
        else:
            groups.append([entry_list])
    return groups


def _continues(document: Document, before: EntryList, after: EntryList) -> bool:
    if before.ordered or after.ordered or before.bullet != after.bullet:
        return False
    gap = document.text[before.items[-1].end : after.items[0].start]
    return _only_comments(gap) and _LINT_RANGE_COMMENT.search(gap) is None


def _only_comments(gap: str) -> bool:
    """One or more HTML comments and whitespace: one logical list split by the parser.

    A scan, not a regex: `<!--.*?-->` repeated under fullmatch backtracks exponentially on a
    run of comments followed by other text."""
    position = len(gap) - len(gap.lstrip())
    if not gap.startswith("<!--", position):
        return False
    while gap.startswith("<!--", position):
        close = gap.find("-->", position + 4)
        if close < 0:
            return False
        rest = gap[close + 3 :]
        position = close + 3 + len(rest) - len(rest.lstrip())
    return position == len(gap)


def _units(document: Document, group: list[EntryList]) -> list[_Unit]:
    units: list[_Unit] = []
    for list_index, entry_list in enumerate(group):
        for item_index, entry in enumerate(entry_list.items):
            start = _line_start(document, entry.start)
            if list_index > 0 and item_index == 0:
                previous_end = group[list_index - 1].items[-1].end
                comment = document.text.index("<!--", previous_end, entry.start)
                start = _line_start(document, comment)
            elif list_index == 0 and item_index == 0:
                start = _ignore_comments_above(document, entry_list, start)
            units.append(_Unit(entry, start, entry.end))
    return units


def _ignore_comments_above(document: Document, entry_list: EntryList, start: int) -> int:
    """Start of the `<!--lint ignore ...-->` lines right above a list's first entry (no blank
    line between), which belong to that entry; ``start`` when there are none. Other comments
    above a list are about the whole list and stay."""
    parent = entry_list.parent_entry
    floor = parent.text_end if parent is not None else 0  # not into the parent entry's own text
    line = document.line_of(start)
    while line > 1 and document.line_start(line - 1) >= floor:
        if _IGNORE_COMMENT_LINE.fullmatch(document.line_text(line - 1)) is None:
            break
        line -= 1
    return document.line_start(line)


def _line_start(document: Document, offset: int) -> int:
    return document.line_start(document.line_of(offset))


def _has_links(units: list[_Unit]) -> bool:
    return any(unit.entry.link is not None for unit in units)


def _is_table_of_contents(units: list[_Unit]) -> bool:
    """A list whose links mostly point into the page is a table of contents, whatever its title."""
    urls = [unit.entry.link.url for unit in units if unit.entry.link is not None]
    anchors = sum(1 for url in urls if url.startswith("#"))
    return anchors * 2 > len(urls)


# -- names and messages -----------------------------------------------------------------------


def _entry_name(document: Document, entry: Entry) -> str:
    """The link text when the entry starts with its link (markup and badges before it allowed).

    Otherwise the entry's own words up to its first link or ` - ` separator: `Linux` for
    `- Linux` with a sub-list, `MySQL` for `- MySQL - [awesome-mysql](...)`.
    """
    if entry.content_start is None:
        return ""
    link = entry.link
    if link is not None:
        before = document.text[entry.content_start : link.start]
        if entry.link_first or not _HAS_ALNUM.search(before):
            return link.plain_text
    text = document.text[entry.content_start : entry.text_end]
    cut = len(text)
    if entry.links:
        cut = min(cut, entry.links[0].start - entry.content_start)
    separator = text.find(" - ")
    if separator >= 0:
        cut = min(cut, separator)
    head = text[:cut]
    return head if _HAS_ALNUM.search(head) else text


def _display(name: str) -> str:
    name = " ".join(name.split())
    return name if len(name) <= _MAX_NAME else name[: _MAX_NAME - 1] + "…"


def _reported_entry(sortable: list[int], in_order: set[int], order: list[int]) -> int:
    """The first entry outside the longest sorted run that is not already between its neighbours.

    An entry whose sorted neighbours are on either side of it is where it belongs, even when the
    longest run happens to leave it out; naming it would confuse.
    """
    rank = {index: position for position, index in enumerate(order)}
    misplaced = [index for position, index in enumerate(sortable) if position not in in_order]
    for index in misplaced:
        position = rank[index]
        after_ok = position == 0 or order[position - 1] < index
        before_ok = position == len(order) - 1 or order[position + 1] > index
        if not (after_ok and before_ok):
            return index
    return misplaced[0]


def _message(document: Document, units: list[_Unit], names: list[str], order: list[int], misplaced: int) -> str:
    """Name the neighbour the entry must move past: up before its successor, or down after its predecessor."""
    position = order.index(misplaced)
    name = _display(names[misplaced])
    if position + 1 < len(order) and order[position + 1] < misplaced:
        return _move_message(document, units, names, name, "before", order[position + 1])
    if position > 0:
        return _move_message(document, units, names, name, "after", order[position - 1])
    return _move_message(document, units, names, name, "before", order[position + 1])


def _move_message(
    document: Document, units: list[_Unit], names: list[str], name: str, where: str, other: int
) -> str:
    line = document.line_of(units[other].entry.start)
    return f"Sort entries alphabetically: '{name}' should come {where} '{_display(names[other])}' (line {line})"


def _arrangement(count: int, sortable: list[int], order: list[int]) -> list[int]:
    """For each position, the unit that goes there: sorted entries fill the sortable positions."""
    arrangement = list(range(count))
    for position, index in zip(sortable, order):
        arrangement[position] = index
    return arrangement


# -- fix --------------------------------------------------------------------------------------


def _sort_edit(document: Document, units: list[_Unit], arrangement: list[int]) -> Edit:
    """One edit from the first entry that moves to the last one; separators stay in place."""
    text = document.text
    moved = [position for position, index in enumerate(arrangement) if position != index]
    first, last = moved[0], moved[-1]
    parts: list[str] = []
    for position in range(first, last + 1):
        unit = units[arrangement[position]]
        parts.append(text[unit.start : unit.end])
        if position < last:
            parts.append(text[units[position].end : units[position + 1].start])
    return Edit(units[first].start, units[last].end, "".join(parts))
