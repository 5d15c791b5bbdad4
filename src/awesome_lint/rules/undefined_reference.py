"""undefined-reference: every `[text][label]` reference has a definition."""

from __future__ import annotations

import re
from typing import Iterable

from awesome_lint.diagnostics import Diagnostic
from awesome_lint.document.model import Document
from awesome_lint.rules._prose import InlineSkips, inside
from awesome_lint.rules.base import Context, NoOptions, Rule

# Starts with a literal "[" so that re searches for it in C; an image's "!" is not needed.
_REFERENCE = re.compile(r"\[(?P<text>(?:\\.|[^\[\]\n\\])*)\]\[(?P<label>(?:\\.|[^\[\]\n\\])*)\]")


def normalize_label(label: str) -> str:
    return " ".join(label.split()).casefold()


class UndefinedReference(Rule[NoOptions]):
    """Every full or collapsed reference link has a definition.

    What it does:
        Reports `[text][label]` and `[label][]` (and the image forms) whose label has no
        `[label]: url` definition in the file. GitHub renders such a reference as plain
        bracketed text, so the entry silently loses its link. Footnotes (`[^1]`) are ignored.
        A lone `[text]` is not reported: it is ordinary bracketed text far more often than a
        broken link (remark-lint reports it too; see docs/compatibility.md).

    Why:
        A broken reference is a missing link that no reviewer sees in the rendered list.

    Example:
        `- [Foo][foo] - Bar.` without a `[foo]: https://...` line is reported.

    Fix safety:
        No fix: the missing URL cannot be guessed.
    """

    id = "undefined-reference"
    aliases = ("no-undefined-references",)
    summary = "Reference links have definitions"

    def check(self, document: Document, context: Context[NoOptions]) -> Iterable[Diagnostic]:
        defined = {normalize_label(d.label) for d in document.definitions}
        blocks = [(b.start, b.end) for b in document.blocks if b.kind in ("code", "html")]
        inline_skips = InlineSkips(document)
        for match in _REFERENCE.finditer(document.text):
            label = match.group("label") or match.group("text")
            if not label.strip() or label.startswith("^") or normalize_label(label) in defined:
                continue
            if inside(blocks, match.start()) or inline_skips.contains(match.start()):
                continue
            yield self.diagnostic(
                document, match.start(), match.end(),
                f"Define the reference [{label}] (add a `[{label}]: URL` line) or write the link inline",
            )
