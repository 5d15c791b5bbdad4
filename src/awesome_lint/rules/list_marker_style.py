"""list-marker-style: one bullet character for every unordered list of the file."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable

from awesome_lint.diagnostics import Diagnostic, Edit, safe_fix
from awesome_lint.document.model import Document, Entry
from awesome_lint.rules.base import Context, Rule

_THEMATIC_BREAK = re.compile(r"[ \t]*(?:([-*_])[ \t]*)(?:\1[ \t]*){2,}\Z")
BULLETS = ("-", "*", "+")


@dataclass(frozen=True)
class ListMarkerStyleOptions:
    # '-', '*', '+', or 'consistent' (the bullet of the file's first unordered list).
    style: str = "-"


class ListMarkerStyle(Rule[ListMarkerStyleOptions]):
    """Use one bullet character for every unordered list.

    What it does:
        Reports list items whose bullet differs from the expected one: `-` by default (as the
        npm awesome-lint's `unordered-list-marker-style`), or with `style = "consistent"` the
        bullet of the first unordered list in the file. Markdown starts a new list when the
        bullet changes, so the comparison is across all lists and sub-lists of the file, not
        within one list. Ordered lists (`1.`) and lists inside block quotes are exempt.

    Why:
        Mixed bullets split one list into several (changing how it renders and sorts) and make
        the source inconsistent for contributors who copy a neighbouring line.

    Example:
        `* [Foo](https://foo.dev) - A library.` becomes `- [Foo](https://foo.dev) - A library.`

    Options:
        `style`: `"-"` (default), `"*"`, `"+"` or `"consistent"`.

    Fix safety:
        Safe: only the bullet character is replaced. Adjacent lists that differed only by their
        bullet become one list, which is the intent. Empty items and items whose new line would
        read as a horizontal rule (`* - -`) are reported without a fix.
    """

    id = "list-marker-style"
    aliases = ("unordered-list-marker-style",)
    summary = "Use one bullet style for unordered lists"
    fixable = True
    Options = ListMarkerStyleOptions

    def check(self, document: Document, context: Context[ListMarkerStyleOptions]) -> Iterable[Diagnostic]:
        unordered = [
            entry_list
            for top in document.lists
            for entry_list in top.walk_lists()
            if not entry_list.ordered and entry_list.items
        ]
        if not unordered:
            return
        expected = context.options.style
        if expected not in BULLETS:
            unordered.sort(key=lambda entry_list: entry_list.start)
            expected = unordered[0].items[0].bullet
        for entry_list in unordered:
            for entry in entry_list.items:
                if entry.bullet != expected:
                    yield self._report(document, entry, expected)

    def _report(self, document: Document, entry: Entry, expected: str) -> Diagnostic:
        fix = None
        line = document.line_of(entry.start)
        new_line = entry.indent + expected + document.text[entry.marker_end : document.line_end(line)]
        if entry.content_start is not None and not _THEMATIC_BREAK.match(new_line):
            fix = safe_fix(f"Replace the bullet with '{expected}'", Edit(entry.start, entry.marker_end, expected))
        return self.diagnostic(
            document,
            entry.start,
            entry.marker_end,
            f"Use '{expected}' as the list bullet, not '{entry.bullet}'",
            fix,
        )
