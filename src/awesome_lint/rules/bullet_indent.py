"""bullet-indent: top-level bullets start at the beginning of the line."""

from __future__ import annotations

from typing import Iterable

from awesome_lint.diagnostics import Diagnostic, Edit, Fix, safe_fix
from awesome_lint.document.model import Document, EntryList
from awesome_lint.rules._entry_text import next_content_indent, shift_lines
from awesome_lint.rules._structure import keeps_structure
from awesome_lint.rules.base import Context, NoOptions, Rule


class BulletIndent(Rule[NoOptions]):
    """Do not indent top-level list bullets.

    What it does:
        Reports whitespace before the bullet of an item of a top-level list (a list that is not
        inside another list or a block quote).

    Why:
        Indented bullets look like a sub-list to contributors, and three or more spaces are one
        step away from turning the list into a code block.

    Example:
        ` - [Foo](https://foo.dev) - A library.` becomes `- [Foo](https://foo.dev) - A library.`

    Fix safety:
        Safe. The whole list is un-indented at once and consistently: every line of every item
        (continuation lines, sub-lists) moves left by its item's indentation, so the structure
        is unchanged. No fix when tabs are involved, when the line after the list is indented
        enough that it would join the last item once the list moves left, or when a line that
        moves would read differently (below 4 spaces, a lazy continuation line that starts with
        three backticks opens a code fence): a list with multi-line items is parsed again with the edits to
        compare its blocks, entries and links.
    """

    id = "bullet-indent"
    aliases = ("list-item-bullet-indent",)
    summary = "No whitespace before top-level bullets"
    fixable = True

    def check(self, document: Document, context: Context[NoOptions]) -> Iterable[Diagnostic]:
        for entry_list in document.lists:
            indented = [entry for entry in entry_list.items if entry.indent]
            if not indented:
                continue
            fix = _unindent_list(document, entry_list)
            for entry in indented:
                line_start = entry.start - len(entry.indent)
                width = len(entry.indent)
                yield self.diagnostic(
                    document,
                    line_start,
                    entry.start,
                    f"Remove the {width} space{'s' if width > 1 else ''} before the bullet: "
                    "top-level list items start at the beginning of the line "
                    "(to make it a sub-list, indent it to the text of the item above)",
                    fix,
                )


def _unindent_list(document: Document, entry_list: EntryList) -> Fix | None:
    edits: list[Edit] = []
    last_line = 0
    new_content_column = 0
    for entry in entry_list.items:
        width = len(entry.indent)
        if entry.indent.strip(" "):
            return None  # tabs (or a container prefix)
        first = document.line_of(entry.start)
        last_line = document.line_of(entry.end)
        if width:
            edits.append(Edit(entry.start - width, entry.start, ""))
            shifted = shift_lines(document, first + 1, last_line, width, width)
            if shifted is None:
                return None
            edits.extend(shifted)
        content_column = (entry.content_start or entry.marker_end + 1) - (entry.start - width)
        new_content_column = content_column - width
    following = next_content_indent(document, last_line)
    if following is None or following >= new_content_column:
        return None
    first_line = document.line_of(entry_list.start)
    multi_line = any(document.line_of(entry.end) > document.line_of(entry.start) for entry in entry_list.items)
    # Only items with more than one line can change structure (their continuation lines move).
    if multi_line and not keeps_structure(document, first_line, last_line, edits):
        return None
    return safe_fix("Remove the indentation before the bullets", *edits)
