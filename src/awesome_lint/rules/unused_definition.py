"""unused-definition: every `[label]: url` definition is used."""

from __future__ import annotations

from typing import Iterable

from awesome_lint.diagnostics import Diagnostic
from awesome_lint.document.model import Document
from awesome_lint.rules.base import Context, NoOptions, Rule
from awesome_lint.rules.undefined_reference import normalize_label


class UnusedDefinition(Rule[NoOptions]):
    """Every link reference definition is used.

    What it does:
        Reports a `[label]: url` definition that no reference link or image in the file uses.

    Why:
        A definition nobody uses is usually the leftover of a removed entry, or the sign that
        a reference's label was mistyped. Same as remark-lint's `no-unused-definitions`.

    Example:
        `[old]: https://example.com` with no `[...][old]` in the file is reported.

    Fix safety:
        No fix: deleting a URL from the list is a decision for a maintainer.
    """

    id = "unused-definition"
    aliases = ("no-unused-definitions",)
    summary = "Reference definitions are used"

    def check(self, document: Document, context: Context[NoOptions]) -> Iterable[Diagnostic]:
        used = {normalize_label(link.reference) for link in document.links if link.reference is not None}
        for definition in document.definitions:
            if normalize_label(definition.label) not in used:
                yield self.diagnostic(
                    document, definition.start, definition.end,
                    f"Remove the unused definition [{definition.label}] or link to it",
                )
