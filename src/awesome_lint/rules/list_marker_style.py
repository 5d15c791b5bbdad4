"""list-marker-style: one bullet character for every unordered list of the file."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Iterable

from awesome_lint.diagnostics import Diagnostic, Edit, safe_fix
from awesome_lint.document.model import Document, Entry, EntryList
from awesome_lint.rules.base import Context, Rule

_THEMATIC_BREAK = re.compile(r"[ \t]*(?:([-*_])[ \t]*)(?:\1[ \t]*){2,}\Z")
BULLETS = ("-", "*", "+")


@dataclass(frozen=True)
class ListMarkerStyleOptions:
    # 'consistent' (the bullet most used in the file), or '-', '*', '+'.
    style: str = "consistent"


class ListMarkerStyle(Rule[ListMarkerStyleOptions]):
    """Use one bullet character for every unordered list.

    What it does:
        Reports list items whose bullet differs from the expected one: by default
        (`style = "consistent"`, as the npm awesome-lint configures remark-lint's
        `unordered-list-marker-style`) the bullet most used in the file, so only the minority
        is reported; on a tie, the bullet of the first unordered list. With `style = "-"`
        (or `"*"`, `"+"`) that bullet. Markdown starts a new list when the bullet changes, so
        the comparison is across all lists and sub-lists of the file, not within one list.
        Ordered lists (`1.`) and lists inside block quotes are exempt.

    Why:
        Mixed bullets split one list into several (changing how it renders and sorts) and make
        the source inconsistent for contributors who copy a neighbouring line. Which bullet a
        list uses is its maintainer's choice: a list written with `*` throughout is consistent.

    Example:
        In a list whose other entries use `-`, `* [Foo](https://foo.dev) - A library.` becomes
        `- [Foo](https://foo.dev) - A library.`

    Options:
        `style`: `"consistent"` (default), `"-"`, `"*"` or `"+"`.

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
        entries = [entry for entry_list in unordered for entry in entry_list.items]
        expected = context.options.style
        if expected in BULLETS:
            reason = ""
        else:
            expected, count = _most_used_bullet(unordered)
            reason = f" ({count} of the file's {len(entries)} list items use '{expected}')"
        for entry in entries:
            if entry.bullet != expected:
                yield self._report(document, entry, expected, reason)

    def _report(self, document: Document, entry: Entry, expected: str, reason: str) -> Diagnostic:
        fix = None
        line = document.line_of(entry.start)
        new_line = entry.indent + expected + document.text[entry.marker_end : document.line_end(line)]
        if entry.content_start is not None and not _THEMATIC_BREAK.match(new_line):
            fix = safe_fix(f"Replace the bullet with '{expected}'", Edit(entry.start, entry.marker_end, expected))
        return self.diagnostic(
            document,
            entry.start,
            entry.marker_end,
            f"Use '{expected}' as the list bullet, not '{entry.bullet}'{reason}",
            fix,
        )


def _most_used_bullet(unordered: list[EntryList]) -> tuple[str, int]:
    """The bullet of most items, and how many use it; on a tie, the first list's bullet."""
    counts = Counter(entry.bullet for entry_list in unordered for entry in entry_list.items)
    first = min(unordered, key=lambda entry_list: entry_list.start).items[0].bullet
    bullet = max(counts, key=lambda candidate: (counts[candidate], candidate == first))
    return bullet, counts[bullet]
