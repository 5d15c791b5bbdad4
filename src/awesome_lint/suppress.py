"""Suppression comments: ``<!--lint disable|enable|ignore [RULE ...]-->``, as the npm awesome-lint reads them.

The npm awesome-lint uses remark-message-control (unified-message-control). We follow it, with
the differences marked (*):

- A marker is an HTML comment whose content is ``lint``, a keyword and rule ids separated by
  whitespace (line breaks included). Ids may be ours or npm awesome-lint / remark-lint ids
  (resolved with :func:`awesome_lint.rules.resolve_rule_id`). No ids means every rule.
- A block-level marker must be the whole HTML block (``<!--lint ignore--><br>`` is not a marker);
  inside list items it must stand alone on its lines. Inline comments in a paragraph count too.
  Comments in code blocks and code spans are not markers.
- ``disable`` turns rules off from the comment's start, ``enable`` turns them back on. Findings
  are judged by their start offset. A ``disable`` with no ids can only be undone by an ``enable``
  with no ids, and it resets every per-rule state (remark does the same).
- ``ignore`` turns rules off from the comment's start to the end of the NEXT NODE, the node
  after the comment in the mdast tree:
  * a comment at column 0 before a list ends any previous list (CommonMark), so the next node is
    the WHOLE following list: every item until the list is interrupted;
  * before a heading, paragraph or other block: that block only (not the section);
  * a comment indented inside a list item, followed by a sub-list: that sub-list;
  * (*) a comment that is the last thing in a list item (indented between two items): the NEXT
    ITEM. remark finds no next sibling there and silences the rules to the end of the file;
  * (*) an inline comment in a paragraph: the rest of that paragraph (remark: the next inline node);
  * nothing after it at all: the rest of the file (as remark).
- (*) ``ignore`` restores the state that was in force before it; remark turns the rules on
  after the ignored node even when an earlier ``disable`` had them off.
- (*) A finding at offset 0 (line 1, column 1: where whole-document rules report) is also
  suppressed when its rule is disabled at the end of the document, so ``<!--lint disable RULE-->``
  anywhere, never re-enabled, silences a whole-document rule.
- An id that names no rule gives a warning (``unknown-suppression``) pointing at the id; the id is
  ignored. An unknown keyword (not disable/enable/ignore) gives the same warning; remark fails.

Cost: one regex pass over the text for ``<!--``, then a bisect per finding.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from typing import Iterable, NamedTuple, TypeVar

from awesome_lint.diagnostics import Diagnostic, Severity
from awesome_lint.document.model import Block, Document, Entry, EntryList, Heading

UNKNOWN_SUPPRESSION = "unknown-suppression"
ALL_RULES = "*"
_VERBS = ("disable", "enable", "ignore")

# `lint` must be the whole marker name (`<!--lint-disable-->` is not ours); the body runs to the
# first `-->`.
_MARKER = re.compile(r"<!--\s*lint(?=\s|-->)(?P<body>.*?)-->", re.DOTALL)
_WORD = re.compile(r"\S+")
_BACKTICKS = re.compile(r"`+")


class Marker(NamedTuple):
    verb: str
    rules: frozenset[str] | None  # our rule ids; None: every rule
    start: int  # the comment
    end: int
    ignore_end: int  # for `ignore`: end of the node it covers


@dataclass(frozen=True)
class _State:
    all_on: bool
    disabled: frozenset[str]

    def allows(self, rule: str) -> bool:
        return self.all_on and rule not in self.disabled


_INITIAL = _State(True, frozenset())


def apply_suppressions(document: Document, diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    """Drop the diagnostics the document's lint comments switch off; add warnings for bad ids."""
    if "<!--" not in document.text:
        return diagnostics
    markers, warnings = collect_markers(document)
    if not markers:
        return diagnostics + warnings
    timeline = _Timeline(markers)
    ignored = _IgnoredRanges(marker for marker in markers if marker.verb == "ignore")
    # The warnings about the comments themselves obey the comments too.
    return [d for d in diagnostics + warnings if timeline.allows(d) and not ignored.covers(d)]


def collect_markers(document: Document) -> tuple[list[Marker], list[Diagnostic]]:
    """Every lint marker in document order, and a warning for each id or keyword not understood."""
    from awesome_lint.rules import UNIMPLEMENTED_IDS, resolve_rule_id

    markers: list[Marker] = []
    warnings: list[Diagnostic] = []
    locator: _Locator | None = None
    resolved_ids: dict[str, list[str]] = {}
    text = document.text
    # A `<!--lint` with no `-->` after it cannot match: stopping the search at the last `-->`
    # keeps many unclosed comments from each scanning to the end of the text.
    for match in _MARKER.finditer(text, 0, text.rfind("-->") + len("-->")):
        start, end = match.span()
        locator = locator or _Locator(document)
        ignore_end = locator.ignore_end(start, end)
        if ignore_end is None:
            continue  # in code, or not an HTML node of its own
        body_start = match.start("body")
        words = [(word.group(), body_start + word.start()) for word in _WORD.finditer(match.group("body"))]
        if not words:
            continue
        (verb, verb_start), ids = words[0], words[1:]
        if verb not in _VERBS:
            message = f"Unknown lint comment keyword '{verb}' (expected disable, enable or ignore): comment ignored"
            warnings.append(_warning(document, verb_start, verb_start + len(verb), message))
            continue
        rules: set[str] = set()
        for name, name_start in ids:
            if name not in resolved_ids:
                resolved_ids[name] = resolve_rule_id(name)
            resolved = resolved_ids[name]
            if not resolved and name not in UNIMPLEMENTED_IDS:
                message = f"Unknown rule '{name}' in lint comment: ignored"
                warnings.append(_warning(document, name_start, name_start + len(name), message))
            rules.update(resolved)
        if ids and not rules:
            continue  # only unknown ids: the comment does nothing
        markers.append(Marker(verb, frozenset(rules) if ids else None, start, end, ignore_end))
    return markers, warnings


def _warning(document: Document, start: int, end: int, message: str) -> Diagnostic:
    return Diagnostic(
        rule=UNKNOWN_SUPPRESSION,
        message=message,
        start=start,
        end=end,
        location=document.position(start),
        end_location=document.position(end),
        severity=Severity.WARNING,
    )


# -- disable / enable ------------------------------------------------------------------------


class _Timeline:
    """The disable/enable state after each marker, for lookup by offset."""

    def __init__(self, markers: list[Marker]) -> None:
        self.offsets: list[int] = []
        self.states: list[_State] = []
        state = _INITIAL
        for marker in markers:
            if marker.verb == "ignore":
                continue
            state = _next_state(state, marker.verb == "enable", marker.rules)
            self.offsets.append(marker.start)
            self.states.append(state)
        self.final = state

    def state_at(self, offset: int) -> _State:
        index = bisect_right(self.offsets, offset) - 1
        return self.states[index] if index >= 0 else _INITIAL

    def allows(self, diagnostic: Diagnostic) -> bool:
        if not self.state_at(diagnostic.start).allows(diagnostic.rule):
            return False
        return diagnostic.start != 0 or self.final.allows(diagnostic.rule)


def _next_state(state: _State, on: bool, rules: frozenset[str] | None) -> _State:
    if rules is None:
        return _State(on, frozenset())
    disabled = state.disabled - rules if on else state.disabled | rules
    return _State(state.all_on, disabled)


# -- ignore ----------------------------------------------------------------------------------


class _IgnoredRanges:
    """Merged [start, end) ranges per rule id (ALL_RULES for every rule)."""

    def __init__(self, markers: Iterable[Marker]) -> None:
        raw: dict[str, list[tuple[int, int]]] = {}
        for marker in markers:
            for rule in marker.rules if marker.rules is not None else (ALL_RULES,):
                raw.setdefault(rule, []).append((marker.start, marker.ignore_end))
        self.ranges = {rule: _merge(spans) for rule, spans in raw.items()}
        self.starts = {rule: [start for start, _ in spans] for rule, spans in self.ranges.items()}

    def covers(self, diagnostic: Diagnostic) -> bool:
        return self._covers(ALL_RULES, diagnostic.start) or self._covers(diagnostic.rule, diagnostic.start)

    def _covers(self, rule: str, offset: int) -> bool:
        starts = self.starts.get(rule)
        if not starts:
            return False
        index = bisect_right(starts, offset) - 1
        return index >= 0 and offset < self.ranges[rule][index][1]


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


# -- where a comment is, and what "the next node" is -------------------------------------------


class _Locator:
    """Finds a comment's enclosing node and the node after it (top-level starts bisected once)."""

    def __init__(self, document: Document) -> None:
        self.document = document
        self.text = document.text
        self.blocks = document.blocks
        self.block_starts = [block.start for block in document.blocks]
        self.headings = document.headings
        self.heading_starts = [heading.start for heading in document.headings]
        self.lists_by_start = {entry_list.start: entry_list for entry_list in document.lists}
        self.item_starts: dict[int, list[int]] = {}  # id(EntryList) -> its items' starts
        self.code_spans: dict[tuple[int, int], tuple[list[int], list[int]]] = {}  # scope -> starts, ends

    def ignore_end(self, start: int, end: int) -> int | None:
        """End of what an `ignore` at [start, end) covers; None when the comment is not a marker."""
        text = self.text
        block = _enclosing(self.blocks, self.block_starts, start, end)
        if block is None:
            heading = _enclosing(self.headings, self.heading_starts, start, end)
            if heading is None or self.in_code_span(heading.start, start, heading.end):
                return None
            return heading.end
        if block.kind == "html":
            if text[block.start : block.end].strip() != text[start:end]:
                return None  # an HTML block that is more than the marker
            return self.after_root_node(block.end)
        if block.kind in ("paragraph", "quote"):
            return None if self.in_code_span(block.start, start, block.end) else block.end
        if block.kind == "list":
            entry = self.innermost_entry(self.lists_by_start.get(block.start), start, end)
            return None if entry is None else self.ignore_end_in_entry(entry, start, end)
        return None  # code blocks, tables and anything else: not a marker

    def ignore_end_in_entry(self, entry: Entry, start: int, end: int) -> int | None:
        text = self.text
        if _alone_on_lines(text, start, end) or (start == entry.content_start and _ends_line(text, end)):
            return self.after_in_entry(entry, end)
        if entry.content_start is not None and entry.content_start <= start < entry.text_end:
            scope = (entry.content_start, entry.text_end)  # the item's first paragraph
        else:
            scope = (_line_start(text, start), _line_end(text, end))
        return None if self.in_code_span(scope[0], start, scope[1]) else scope[1]

    def after_in_entry(self, entry: Entry, offset: int) -> int:
        """End of the node after ``offset`` inside ``entry``, climbing out when there is none."""
        following = next((sub for sub in entry.sublists if sub.start >= offset), None)
        stop = following.start if following is not None else entry.end
        if self.text[offset:stop].strip():
            return stop  # a paragraph or other block of the item that has no node in the Document
        if following is not None:
            return following.end
        return self.after_entry(entry)

    def after_entry(self, entry: Entry) -> int:
        entry_list = entry.parent
        assert entry_list is not None
        index = self.item_index(entry_list, entry.start)
        if index + 1 < len(entry_list.items):
            return entry_list.items[index + 1].end
        if entry_list.parent_entry is None:
            return self.after_root_node(entry_list.end)
        return self.after_in_entry(entry_list.parent_entry, entry_list.end)

    def item_index(self, entry_list: EntryList, offset: int) -> int:
        """Index of the item of ``entry_list`` that starts at or before ``offset`` (-1: none)."""
        starts = self.item_starts.get(id(entry_list))
        if starts is None:
            starts = self.item_starts[id(entry_list)] = [item.start for item in entry_list.items]
        return bisect_right(starts, offset) - 1

    def innermost_entry(self, entry_list: EntryList | None, start: int, end: int) -> Entry | None:
        entry: Entry | None = None
        while entry_list is not None:
            index = self.item_index(entry_list, start)
            if index < 0 or end > entry_list.items[index].end:
                return None
            entry = entry_list.items[index]
            entry_list = next((sub for sub in entry.sublists if sub.start <= start and end <= sub.end), None)
        return entry

    def in_code_span(self, scope_start: int, offset: int, scope_end: int) -> bool:
        """Whether ``offset`` is inside a code span of the paragraph text[scope_start:scope_end]."""
        spans = self.code_spans.get((scope_start, scope_end))
        if spans is None:
            spans = self.code_spans[(scope_start, scope_end)] = _code_spans(self.text, scope_start, scope_end)
        starts, ends = spans
        index = bisect_right(starts, offset) - 1
        return index >= 0 and offset < ends[index]

    def after_root_node(self, offset: int) -> int:
        """End of the first top-level block or heading starting at or after ``offset``."""
        block = _first_from(self.blocks, self.block_starts, offset)
        heading = _first_from(self.headings, self.heading_starts, offset)
        if block is None and heading is None:
            return len(self.text)  # nothing follows: the rest of the file, as remark
        if block is None or (heading is not None and heading.start < block.start):
            assert heading is not None
            return heading.end
        return block.end


_Node = TypeVar("_Node", Block, Heading)


def _first_from(nodes: list[_Node], starts: list[int], offset: int) -> _Node | None:
    index = bisect_left(starts, offset)
    return nodes[index] if index < len(nodes) else None


def _enclosing(nodes: list[_Node], starts: list[int], start: int, end: int) -> _Node | None:
    index = bisect_right(starts, start) - 1
    if index >= 0 and end <= nodes[index].end:
        return nodes[index]
    return None


def _line_start(text: str, offset: int) -> int:
    return text.rfind("\n", 0, offset) + 1


def _line_end(text: str, offset: int) -> int:
    """Offset of the end of the line holding ``offset``, before its line ending."""
    end = text.find("\n", offset)
    end = len(text) if end < 0 else end
    return end - 1 if end > offset and text[end - 1] == "\r" else end


def _ends_line(text: str, offset: int) -> bool:
    return not text[offset : _line_end(text, offset)].strip()


def _alone_on_lines(text: str, start: int, end: int) -> bool:
    return not text[_line_start(text, start) : start].strip() and _ends_line(text, end)


def _code_spans(text: str, start: int, end: int) -> tuple[list[int], list[int]]:
    """Starts and ends of the code spans in text[start:end]: a backtick run opens one that the next
    run of the same length closes; a run that no later run matches is literal text."""
    runs = [match.span() for match in _BACKTICKS.finditer(text, start, end)]
    runs_of_length: dict[int, list[int]] = {}
    for index, (run_start, run_end) in enumerate(runs):
        runs_of_length.setdefault(run_end - run_start, []).append(index)
    starts: list[int] = []
    ends: list[int] = []
    index = 0
    while index < len(runs):
        run_start, run_end = runs[index]
        same_length = runs_of_length[run_end - run_start]
        following = bisect_right(same_length, index)
        if following < len(same_length):
            closer = same_length[following]
            starts.append(run_start)
            ends.append(runs[closer][1])
            index = closer + 1
        else:
            index += 1
    return starts, ends
