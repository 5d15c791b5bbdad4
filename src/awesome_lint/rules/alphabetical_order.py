"""alphabetical-order: entries of every list and sub-list are sorted by name."""

from __future__ import annotations

import re
from dataclasses import dataclass
from collections import Counter
from typing import Iterable, Iterator, NamedTuple

from awesome_lint.diagnostics import Diagnostic, Edit, Fix, safe_fix
from awesome_lint.document.build import build_document
from awesome_lint.document.model import Document, Entry, EntryList, Section
from awesome_lint.rules._anchors import in_toc, mostly_in_page
from awesome_lint.rules._entry_text import how_to_ignore, is_ignored_section
from awesome_lint.rules._prose import only_comments
from awesome_lint.rules._sorting import KeyStyle, SortKey, in_order_indexes, sort_key
from awesome_lint.rules.base import Context, Rule, Settings

_HAS_ALNUM = re.compile(r"[^\W_]")
# These change which rules apply to the lines that follow: entries must not move across them.
_LINT_RANGE_COMMENT = re.compile(r"<!--\s*lint\s+(?:disable|enable)\b", re.IGNORECASE)
# A line holding only a `<!--lint ignore ...-->` comment: it suppresses the entry below it.
_IGNORE_COMMENT_LINE = re.compile(r"[ \t]*<!--\s*lint\s+ignore\b.*?-->[ \t]*", re.IGNORECASE)
_MAX_NAME = 60
_DASHES = ("-", "\u2013", "\u2014")
_MAX_NAME_WORDS = 4  # more words before the dash: a sentence or a quote, not a name
_SORTED_PAIRS_SHARE = 0.75
_MAX_NAMED_SLIPS = 2
_MIN_CONVENTION_PAIRS = 3
_MIN_FILE_PAIRS = 10  # fewer neighbouring pairs in the whole file: too few to call it a convention


@dataclass(frozen=True)
class AlphabeticalOrderOptions:
    ignore_case: bool = True
    # Compare runs of digits as numbers: "Go 2" before "Go 10".
    natural_numbers: bool = True
    # Leading articles do not count: "The Book" sorts under B. Off by default: published lists
    # file "The ..." under T (14 entries on the corpus fit only that, 3 only "under B").
    ignore_articles: bool = False
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
        accents ("Éclair" sorts as "Eclair"), leading punctuation and emoji, treats other
        punctuation as a word break (so "go-kit" sorts like "go kit") and compares numbers by
        value ("Go 2" before "Go 10"); each of these is an option. Leading articles count ("The
        Lounge" under T, as published lists file them); `ignore-articles` sorts it under L
        (only when a space follows the article: "A-Frame" stays under A). A name sorts before
        the longer names that extend it ("Calibre Web", "Calibre Web Automated"), unless the
        list files them the other way round (at least three times, and more often than not,
        as a sort of the `[Name](` source text does): then that order is the list's.

        In a list kept alphabetical with a few slips, it reports each entry that is out of
        place and names the entry it should follow. A list ordered another way on purpose (by
        date, importance, topic) gets one finding: "N of M entries are out of alphabetical
        order", with how to sort it or ignore its section. The line between the two: fewer than
        75% of adjacent pairs in order and more than two entries out of place. Measured on 14
        published lists (bench/sortedness.py): of the unsorted lists of 20 entries or more,
        those kept alphabetical have 84-98% of their adjacent pairs in order, those ordered
        otherwise 13-67% (one at 79%); shorter lists spread wider, hence the second condition.
        When fewer than 75% of the neighbouring entries of the whole file (all its lists, at
        least 10 pairs) are in order, the file does not keep alphabetical order: one finding
        says so for the whole file. On the 14 lists the files split cleanly: kept alphabetical
        86-100% (awesome-cpp 86%, awesome-shell 94%, awesome-ios 97%, awesome-go and
        awesome-selfhosted 100%), ordered by importance or topic 47-61% (awesome-python,
        awesome-nodejs, awesome-dotnet...), where many short lists of 2 to 5 entries are too
        small to be recognised one by one.

        An item that starts with words and then links (`Also, [Quora](...) and ...`) is prose,
        not an entry: it is not compared and stays where it is. An item without a leading link
        is named by its words when it heads a sub-list (`- Linux` with entries under it) or
        when a dash separates them from its link (`` `MIT` - [MIT License](...)``).

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
        Safe. One fix sorts a list and its sub-lists at every level, moving each entry as a unit
        (its marker line, continuation lines, sub-list and an HTML comment line right above it)
        and leaving the text between entries (blank lines of loose lists) where it was. The sort
        is stable, so entries that compare equal keep their order. No byte is added or lost.
        When moving entries would change what the Markdown parses into (an ignore comment that
        closes a comment opened above the list, HTML or a reference definition that would end
        up elsewhere), the finding has no fix.
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
        # Every list and sub-list is named once: the file-wide conventions and the orders read the names.
        trees = [
            (section, root, [_named(document, group, style) for group in _with_sublists(document, root)])
            for section, root in _checked_trees(document, ignored, context.settings)
        ]
        longer_first = _files_longer_names_first([named for _, _, lists in trees for named in lists])
        checked = [(section, root, [named for named in lists if named.checked]) for section, root, lists in trees]
        unsorted: list[tuple[Section, list[_Order], Fix | None]] = []
        for section, root, lists in checked:
            orders = [order for named in lists if (order := _order(named, style, longer_first)) is not None]
            if orders:
                fix = _tree_fix(document, section, root, {id(order.group[0]): order for order in orders})
                unsorted.append((section, orders, fix))
        lists, in_order, pairs = _pairs_in_order([named for _, _, lists in checked for named in lists])
        if unsorted and pairs >= _MIN_FILE_PAIRS and in_order < _SORTED_PAIRS_SHARE * pairs:
            yield self._document_finding(document, unsorted, lists, in_order / pairs)
            return
        for section, orders, fix in unsorted:
            for order in orders:
                yield from self._findings(document, section, order, fix)

    def _document_finding(
        self,
        document: Document,
        unsorted: list[tuple[Section, list[_Order], Fix | None]],
        checked: int,
        share_in_order: float,
    ) -> Diagnostic:
        """The file does not keep alphabetical order (awesome-python: 53% of its neighbouring
        entries in order, in 138 lists mostly of 2 to 5 entries): one finding says so."""
        count = sum(len(orders) for _, orders, _ in unsorted)
        edits = [edit for _, _, fix in unsorted if fix is not None for edit in fix.edits]
        fix = safe_fix(f"Sort the {count} lists alphabetically", *edits) if edits else None
        first = unsorted[0][1][0]
        entry = first.units[first.sortable[0]].entry
        message = (
            f"{count} of {checked} lists are not in alphabetical order ({share_in_order:.0%} of neighbouring entries "
            f"are): sort them with `--fix`, or turn the rule off for this file (ignore = [\"alphabetical-order\"])"
        )
        return self.diagnostic(document, entry.start, entry.text_end, message, fix)

    def _findings(self, document: Document, section: Section, order: _Order, fix: Fix | None) -> Iterator[Diagnostic]:
        misplaced = len(order.sortable) - len(order.in_order)
        if _is_ordered_another_way(order):
            first = order.units[order.sortable[0]].entry
            how = "sort it with `--fix`" if fix is not None else "sort it by hand"
            message = (
                f"{misplaced} of {len(order.sortable)} entries are out of alphabetical order: "
                f"{how}, or {how_to_ignore(section, self.id)}"
            )
            yield self.diagnostic(document, first.start, first.text_end, message, fix)
            return
        rank = {index: position for position, index in enumerate(order.arrangement_order)}
        for index in _reported_entries(order, rank):
            entry = order.units[index].entry
            message = _message(document, order.units, order.names, order.arrangement_order, index, rank[index])
            yield self.diagnostic(document, entry.start, entry.text_end, message, fix)


class _Order(NamedTuple):
    """An unsorted list: its entries, their names and keys, and where each one goes."""

    group: list[EntryList]
    units: list[_Unit]
    names: list[str]
    sortable: list[int]  # indexes of the units that are sort keys (named, not prose)
    keys: list[SortKey]  # of the sortable units, in their order
    in_order: set[int]  # positions in ``sortable`` of a longest sorted run
    arrangement_order: list[int]  # the sortable units, sorted

    @property
    def arrangement(self) -> list[int]:
        """For each position, the unit that goes there: sorted entries fill the sortable positions."""
        arrangement = list(range(len(self.units)))
        for position, index in zip(self.sortable, self.arrangement_order):
            arrangement[position] = index
        return arrangement


class _Named(NamedTuple):
    """A logical list or sub-list: its units, their names and the sort keys of the named ones."""

    group: list[EntryList]
    units: list[_Unit]
    names: list[str]
    sortable: list[int]  # indexes of the units that are sort keys (named, not prose)
    keys: list[SortKey]  # of the sortable units, in their order, in the options' style
    checked: bool  # the rule checks this list's order


def _named(document: Document, group: list[EntryList], style: KeyStyle) -> _Named:
    units = _units(document, group)
    names = _names(document, units)
    # Empty items ("- " on its own) and prose items have no name: they stay where they are.
    sortable = [index for index, name in enumerate(names) if name.strip()]
    keys = [sort_key(names[index], style) for index in sortable]
    return _Named(group, units, names, sortable, keys, _is_checked(units))


def _order(named: _Named, style: KeyStyle, longer_first: bool) -> _Order | None:
    """The checked list's sorted order when it is not sorted yet; None otherwise.

    ``longer_first``: the document files longer names first; this list follows it unless it
    puts a name before a longer one itself (awesome-selfhosted's license list does)."""
    group, units, names, sortable, keys, _ = named
    if longer_first and _prefix_pairs([key[0] for key in keys])[0] == 0:
        keys = [sort_key(names[index], style._replace(longer_names_first=True)) for index in sortable]
    in_order = in_order_indexes(keys)
    if len(in_order) == len(sortable):
        return None
    key_of = dict(zip(sortable, keys))
    arrangement_order = sorted(sortable, key=key_of.__getitem__)  # stable: equal keys keep their order
    return _Order(group, units, names, sortable, keys, in_order, arrangement_order)


def _is_ordered_another_way(order: _Order) -> bool:
    return _ordered_another_way(order.keys, len(order.sortable) - len(order.in_order))


def _ordered_another_way(keys: list[SortKey], misplaced: int) -> bool:
    """Fewer than 75% of adjacent pairs in order, and more than two entries out of place.

    Measured on 14 published lists (bench/sortedness.py), unsorted lists of 20 entries or more:
    kept alphabetical with a few slips, 84-98% of adjacent pairs in order; ordered by date,
    importance or topic, 13-67%. A list with one or two entries out of place gets those entries
    named whatever its size (in a short list one slip can break half of the pairs).
    """
    in_order_pairs = sum(1 for before, after in zip(keys, keys[1:]) if before <= after)
    return misplaced > _MAX_NAMED_SLIPS and in_order_pairs < _SORTED_PAIRS_SHARE * (len(keys) - 1)


def _files_longer_names_first(lists: list[_Named]) -> bool:
    """The list puts a longer name before the name it extends by a word ('Calibre Web
    Automated', 'Calibre Web', 'Calibre': awesome-selfhosted, 5 of 5 such neighbours) at least
    three times and more often than after it (awesome-go: 23 of 23 after it). Every list outside
    the ignored sections and the ToC counts, checked or not."""
    shorter_first = longer_first = 0
    for named in lists:
        shorter, longer = _prefix_pairs([key[0] for key in named.keys])
        shorter_first += shorter
        longer_first += longer
    return longer_first >= _MIN_CONVENTION_PAIRS and longer_first > shorter_first


def _prefix_pairs(keys: list[str]) -> tuple[int, int]:
    """Neighbours where one name extends the other by a word: (shorter first, longer first)."""
    shorter_first = longer_first = 0
    for before, after in zip(keys, keys[1:]):
        if after.startswith(before + " "):
            shorter_first += 1
        elif before.startswith(after + " "):
            longer_first += 1
    return shorter_first, longer_first


# -- which lists ------------------------------------------------------------------------------


def _checked_trees(
    document: Document, ignored: set[str], settings: Settings
) -> Iterator[tuple[Section, list[EntryList]]]:
    """Every top-level logical list outside the ignored sections (and their sub-sections) and
    outside the table of contents (its own lists only: an H1 ToC has the real sections below it)."""
    for section in _sections_not_ignored(document.root, ignored):
        if in_toc(section, settings):
            continue
        for group in _logical_lists(document, section.lists):
            yield section, group


def _sections_not_ignored(section: Section, ignored: set[str]) -> Iterator[Section]:
    if is_ignored_section(section, ignored):
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
    # One or more HTML comments and whitespace: one logical list split by the parser.
    return bool(gap.strip()) and only_comments(gap) and _LINT_RANGE_COMMENT.search(gap) is None


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


def _is_checked(units: list[_Unit]) -> bool:
    return len(units) >= 2 and _has_links(units) and not mostly_in_page([unit.entry for unit in units])


def _pairs_in_order(checked: list[_Named]) -> tuple[int, int, int]:
    """Over every checked list of the file: how many lists, how many neighbouring entries are in
    alphabetical order, and how many neighbouring pairs there are."""
    in_order = pairs = 0
    for named in checked:
        keys = named.keys
        in_order += sum(1 for before, after in zip(keys, keys[1:]) if before <= after)
        pairs += max(len(keys) - 1, 0)
    return len(checked), in_order, pairs


def _has_links(units: list[_Unit]) -> bool:
    return any(unit.entry.link is not None for unit in units)


# -- names and messages -----------------------------------------------------------------------


def _names(document: Document, units: list[_Unit]) -> list[str]:
    """Each unit's name; empty for prose items, which are not sort keys."""
    return [_entry_name(document, unit.entry) if _is_sort_key(document, unit.entry) else "" for unit in units]


def _is_sort_key(document: Document, entry: Entry) -> bool:
    """An entry is named by its leading link, by a few words before a dash and its link
    (`` `MIT` - [MIT License](...)``), or by its words when it heads a sub-list; an item that
    starts with other words and then links (`Also, [Quora](...) and ...`, a quote and its
    `— [Author](...)`) is prose: it stays put."""
    if entry.link is None or entry.link_first or entry.sublists or entry.content_start is None:
        return True
    head = document.text[entry.content_start : entry.link.start]
    if not _HAS_ALNUM.search(head):
        return True
    name = head.rstrip()
    return name.endswith(_DASHES) and len(name.split()) <= _MAX_NAME_WORDS + 1  # the words and the dash


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


def _reported_entries(order: _Order, rank: dict[int, int]) -> list[int]:
    """The entries outside the longest sorted run that are not already between their neighbours.

    An entry whose sorted neighbours are on either side of it is where it belongs, even when the
    longest run happens to leave it out; naming it would confuse. When every entry left out is
    such a one, the first is named.
    """
    sorted_units = order.arrangement_order
    misplaced = [index for position, index in enumerate(order.sortable) if position not in order.in_order]
    reported = []
    for index in misplaced:
        position = rank[index]
        after_ok = position == 0 or sorted_units[position - 1] < index
        before_ok = position == len(sorted_units) - 1 or sorted_units[position + 1] > index
        if not (after_ok and before_ok):
            reported.append(index)
    return reported or misplaced[:1]


def _message(
    document: Document, units: list[_Unit], names: list[str], order: list[int], misplaced: int, position: int
) -> str:
    """Name the neighbour the entry must move past: up before its successor, or down after its
    predecessor. ``position`` is the entry's place in the sorted ``order``."""
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


# -- fix --------------------------------------------------------------------------------------


def _tree_fix(document: Document, section: Section, root: list[EntryList], orders: dict[int, _Order]) -> Fix | None:
    """One fix that sorts the list and all its sub-lists at every level; None when moving the
    entries would change what the Markdown parses into (a comment left open over the list, a
    reference definition that stops being one)."""
    units = _units(document, root)
    start, end = units[0].start, units[-1].end
    old = document.text[start:end]
    new = _render_group(document, root, orders)
    edit_start, edit_end, content = _changed_lines(old, new)
    if not _same_structure(document, section.start, start, end, new):
        return None
    count = sum(len(order.sortable) for order in orders.values())
    lists = "this list" if len(orders) == 1 else f"these {len(orders)} lists"
    return safe_fix(
        f"Sort the {count} entries of {lists} alphabetically", Edit(start + edit_start, start + edit_end, content)
    )


def _render_group(document: Document, group: list[EntryList], orders: dict[int, _Order]) -> str:
    """The list's text with its entries in sorted order, each with its sub-lists sorted too;
    the text between entries (blank lines of loose lists) stays in place."""
    order = orders.get(id(group[0]))
    units = order.units if order is not None else _units(document, group)
    arrangement = order.arrangement if order is not None else list(range(len(units)))
    text = document.text
    parts: list[str] = []
    for position, index in enumerate(arrangement):
        parts.append(_render_unit(document, units[index], orders))
        if position + 1 < len(units):
            parts.append(text[units[position].end : units[position + 1].start])
    return "".join(parts)


def _render_unit(document: Document, unit: _Unit, orders: dict[int, _Order]) -> str:
    parts: list[str] = []
    position = unit.start
    for subgroup in _logical_lists(document, unit.entry.sublists):
        sub_units = _units(document, subgroup)
        parts.append(document.text[position : sub_units[0].start])
        parts.append(_render_group(document, subgroup, orders))
        position = sub_units[-1].end
    parts.append(document.text[position : unit.end])
    return "".join(parts)


def _changed_lines(old: str, new: str) -> tuple[int, int, str]:
    """The smallest run of whole lines of ``old`` (line breaks after the last one excluded) to
    replace, as (start, end, content), to get ``new``."""
    limit = min(len(old), len(new))
    prefix = 0
    while prefix < limit and old[prefix] == new[prefix]:
        prefix += 1
    prefix = old.rfind("\n", 0, prefix) + 1  # back to the start of its line
    suffix = 0
    while suffix < limit - prefix and old[-1 - suffix] == new[-1 - suffix]:
        suffix += 1
    line_end = old.find("\n", len(old) - suffix) if suffix else -1  # on to the end of its line
    suffix = len(old) - line_end if line_end >= 0 else 0
    return prefix, len(old) - suffix, new[prefix : len(new) - suffix]


def _same_structure(document: Document, section_start: int, start: int, end: int, new: str) -> bool:
    """The section up to the list's end parses into the same links, definitions and entries
    before and after the move (the section, because a comment opened above the list matters)."""
    before = document.text[section_start:end]
    if "<" not in before and not any(section_start <= d.start < end for d in document.definitions):
        return True  # without HTML or reference definitions, moving whole entries keeps the structure
    after = document.text[section_start:start] + new
    return _structure(before) == _structure(after)


def _structure(text: str) -> tuple[Counter[str], Counter[str], Counter[str]]:
    document = build_document("", text)
    leaves = Counter(text[entry.start : entry.end] for entry in document.entries() if not entry.sublists)
    return Counter(link.url for link in document.links), Counter(d.label for d in document.definitions), leaves
