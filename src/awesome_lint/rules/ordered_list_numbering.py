"""ordered-list-numbering: numbered lists count up by one."""

from __future__ import annotations

from typing import Iterable

from awesome_lint.diagnostics import Diagnostic, Edit, safe_fix
from awesome_lint.document.model import Document
from awesome_lint.rules.base import Context, NoOptions, Rule


class OrderedListNumbering(Rule[NoOptions]):
    """Numbered lists count up by one from their first number.

    What it does:
        In every ordered list, the first item sets the start and each next item must carry the
        next number: `1. 2. 3.`, or `3. 4. 5.` for a list that starts at 3. Reports each item
        whose number is different.

    Why:
        A renumbered or duplicated item number means an entry was inserted, moved or removed
        by hand; readers of the source see wrong numbers. Same as remark-lint's
        `ordered-list-marker-value` with the `ordered` style that awesome-lint configures.

    Example:
        `1. A` / `2. B` / `2. C` reports the third item: it should be `3.`.

    Fix safety:
        Safe: only the number is rewritten; GitHub renders the list the same.
    """

    id = "ordered-list-numbering"
    aliases = ("ordered-list-marker-value",)
    summary = "Ordered lists are numbered 1, 2, 3 ..."
    fixable = True

    def check(self, document: Document, context: Context[NoOptions]) -> Iterable[Diagnostic]:
        for entry_list in document.all_lists():
            if not entry_list.ordered or not entry_list.items:
                continue
            first = int(entry_list.items[0].marker[:-1])
            for index, item in enumerate(entry_list.items):
                actual = item.marker[:-1]
                expected = str(first + index)
                if int(actual) == first + index:
                    continue
                end = item.start + len(actual)
                yield self.diagnostic(
                    document,
                    item.start,
                    end,
                    f"Number this item {expected}, not {actual}: items count up by one from {first}",
                    fix=safe_fix(f"Renumber to {expected}", Edit(item.start, end, expected)),
                )
