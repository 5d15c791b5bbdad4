"""marker-space: exactly one space between a list bullet and the item's text."""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import Iterable

from awesome_lint.diagnostics import Diagnostic, Edit, Fix, safe_fix
from awesome_lint.document.model import Document, Entry
from awesome_lint.rules._entry_text import all_entries, next_content_indent, next_content_line, shift_lines
from awesome_lint.rules._structure import keeps_structure
from awesome_lint.rules.base import Context, NoOptions, Rule

# A bullet glued to a link: `-[Foo](url)` is not a list item at all in Markdown.
# Any indentation: a glued bullet in a sub-list is indented 4+ spaces (checked against code below).
_GLUED_BULLET = re.compile(r"^([ ]*)([-*+])(?=!?\[[^\]\n]*\]\()", re.MULTILINE)
_FENCE = re.compile(r"[ \t]*(?:```|~~~)")
_MAX_INDENT = 3  # outside a list item, 4+ spaces is code or a paragraph's continuation
_TAB_STOP = 4


class MarkerSpace(Rule[NoOptions]):
    """Put exactly one space between the list bullet and the item's text.

    What it does:
        Reports list items with two or more spaces or a tab after the bullet (`-  [Foo](url)`,
        `-<tab>[Foo](url)`), and lines where a bullet is glued to a link (`-[Foo](url)`), which
        Markdown does not read as a list item at all: the line is shown as text, or joined to
        the previous entry. Glued bullets are found at any depth of a list (`    -[Bar](url)`
        under an entry), but not in code blocks.

    Why:
        One space is the convention (remark-lint's `list-item-indent: space`); extra spaces
        change where continuation lines and sub-lists must start, and a missing space silently
        removes the entry from the list.

    Example:
        `-   [Foo](https://foo.dev) - A library.` becomes `- [Foo](https://foo.dev) - A library.`

    Fix safety:
        Safe. A glued bullet gets its space (the line becomes the list item it was meant to
        be). For extra spacing the item's continuation lines and sub-lists move left by the
        same amount, so its structure is unchanged; no fix when tabs indent its continuation
        lines, when the text is not on the bullet's line, or when the line after the item would
        join it once it moves left. Five or more spaces make the text an indented code block
        and are not touched.
    """

    id = "marker-space"
    aliases = ("list-item-indent",)
    summary = "One space after the list bullet"
    fixable = True

    def check(self, document: Document, context: Context[NoOptions]) -> Iterable[Diagnostic]:
        extra = {entry: width for entry in all_entries(document) if (width := _extra_spacing(document, entry)) is not None}
        fixes: dict[Entry, Fix | None] = {}
        for entry, width in extra.items():
            fix = None
            if width > 0:
                top = _top_level(entry)
                if top not in fixes:
                    fixes[top] = _respace(document, top, extra)
                fix = fixes[top]
            assert entry.content_start is not None
            spacing = document.text[entry.marker_end : entry.content_start]
            yield self.diagnostic(
                document,
                entry.marker_end,
                entry.content_start,
                f"Put exactly one space after the bullet '{entry.marker}' (found {_describe(spacing)})",
                fix,
            )
        yield from self._glued_bullets(document)

    def _glued_bullets(self, document: Document) -> Iterable[Diagnostic]:
        text = document.text
        skipped = sorted((block.start, block.end) for block in document.blocks if block.kind in ("code", "html"))
        starts = [start for start, _ in skipped]
        entries = all_entries(document)
        for match in _GLUED_BULLET.finditer(text):
            position = match.start(2)
            index = bisect_right(starts, position) - 1
            if index >= 0 and position < skipped[index][1]:
                continue
            if match.group(2) == "*" and "*" in text[match.end() : _line_end(text, match.end())]:
                continue  # `*[Foo](url)*` is an emphasised link, not a glued bullet
            owner = _innermost_entry(entries, position)
            if owner is None:
                if len(match.group(1)) > _MAX_INDENT:
                    continue
            elif _in_code_of_entry(document, owner, position, len(match.group(1))):
                continue
            yield self.diagnostic(
                document,
                position,
                position + 1,
                f"Put a space after the bullet '{match.group(2)}': without it the line is not a list item",
                safe_fix("Add a space after the bullet", Edit(position + 1, position + 1, " ")),
            )


def _innermost_entry(entries: list[Entry], position: int) -> Entry | None:
    """The deepest list item whose span holds ``position`` (entries are in document order)."""
    found = None
    for entry in entries:
        if entry.start > position:
            break
        if position < entry.end:
            found = entry
    return found


def _in_code_of_entry(document: Document, entry: Entry, position: int, indent: int) -> bool:
    """The line at ``position`` is in a fenced code block of ``entry``, or in an indented code
    block (4+ columns past the item's content, after a blank line)."""
    line = document.line_of(position)
    first = document.line_of(entry.start)
    fences = sum(1 for number in range(first + 1, line) if _FENCE.match(document.line_text(number)))
    if fences % 2:
        return True
    content_line = document.line_of(entry.content_start) if entry.content_start is not None else first
    content = entry.content_start if entry.content_start is not None else entry.marker_end + 1
    content_column = len(_expand(document.text[document.line_start(content_line) : content]))
    if indent < content_column + 4:
        return False
    for number in range(line - 1, first, -1):
        previous = _expand(document.line_text(number))
        if not previous.strip():
            return True  # an indented block after a blank line: code
        if len(previous) - len(previous.lstrip()) < content_column + 4:
            return False  # continues a paragraph
    return False


def _describe(spacing: str) -> str:
    tabs, spaces = spacing.count("\t"), spacing.count(" ")
    parts = []
    if tabs:
        parts.append("a tab" if tabs == 1 else f"{tabs} tabs")
    if spaces:
        parts.append(f"{spaces} space{'s' if spaces > 1 else ''}")
    return " and ".join(parts)


def _line_end(text: str, position: int) -> int:
    end = text.find("\n", position)
    return len(text) if end < 0 else end


def _expand(text: str) -> str:
    return text.expandtabs(_TAB_STOP)


def _extra_spacing(document: Document, entry: Entry) -> int | None:
    """Columns between the bullet and the text on the bullet's line beyond one space; None when
    the spacing is one space (or the item has no text on that line, or is code)."""
    content_start = entry.content_start
    if content_start is None or entry.first_block == "code":
        return None
    line = document.line_of(entry.start)
    if document.line_of(content_start) != line or document.text[entry.marker_end : content_start] == " ":
        return None
    return _column(document, line, content_start) - _column(document, line, entry.marker_end) - 1


def _top_level(entry: Entry) -> Entry:
    """The item of a top-level list that holds ``entry`` (``entry`` itself at the top)."""
    while entry.parent is not None and entry.parent.parent_entry is not None:
        entry = entry.parent.parent_entry
    return entry


def _column(document: Document, line: int, offset: int) -> int:
    return len(_expand(document.text[document.line_start(line) : offset]))


def _respace(document: Document, top: Entry, extra: dict[Entry, int]) -> Fix | None:
    """One fix for every item with extra spacing inside the top-level item ``top``: one space
    after each bullet, and each item's continuation lines and sub-lists moved left by the spacing
    removed around them. Separate fixes would re-indent the same lines, and be applied one
    nesting level per pass (twelve levels never settled)."""
    edits: list[Edit] = []
    shifts: dict[int, int] = {}  # line -> spaces to remove
    members = [entry for entry in top.walk() if extra.get(entry, 0) > 0]
    for entry in members:
        width = extra[entry]
        line = document.line_of(entry.start)
        old_column = _column(document, line, entry.content_start or entry.marker_end)
        moved = shift_lines(
            document, line + 1, document.line_of(entry.end), width, old_column, refuse_from=old_column - width
        )
        if moved is None:
            return None
        for edit in moved:
            moved_line = document.line_of(edit.start)
            shifts[moved_line] = shifts.get(moved_line, 0) + width
        edits.append(Edit(entry.marker_end, entry.content_start or entry.marker_end, " "))
    edits.extend(Edit(document.line_start(line), document.line_start(line) + width, "") for line, width in shifts.items())
    first, last = document.line_of(top.start), document.line_of(top.end)
    following = next_content_indent(document, last)
    if following is None:
        return None
    if first == last and members == [top]:
        # One item on one line: only the next line can change, by joining it.
        new_column = _column(document, first, top.content_start or top.marker_end) - extra[top]
        if new_column <= following < new_column + extra[top]:
            return None
    elif not keeps_structure(document, first, next_content_line(document, last) or last, edits):
        return None
    return safe_fix("Use one space after the bullet", *edits)
