"""heading-punctuation: headings do not end with punctuation."""

from __future__ import annotations

from typing import Iterable

from awesome_lint.diagnostics import Diagnostic, Edit, unsafe_fix
from awesome_lint.document.model import Document
from awesome_lint.rules.base import Context, NoOptions, Rule

_PUNCTUATION = frozenset("!,.:;?")


class HeadingPunctuation(Rule[NoOptions]):
    """Headings do not end with `.`, `,`, `:`, `;`, `!` or `?`.

    What it does:
        Reports a heading whose text ends with one of those characters.

    Why:
        Headings are titles, not sentences; a trailing colon or period also changes the
        anchor GitHub generates only in some cases, which confuses tables of contents.
        Same as remark-lint's `no-heading-punctuation`, which awesome-lint enables.

    Example:
        `## Resources:` is reported.

    Fix safety:
        Unsafe: removing the character is easy, but links to the heading's anchor written by
        hand elsewhere are not updated.
    """

    id = "heading-punctuation"
    aliases = ("no-heading-punctuation",)
    summary = "No punctuation at the end of headings"
    fixable = True

    def check(self, document: Document, context: Context[NoOptions]) -> Iterable[Diagnostic]:
        for heading in document.headings:
            if not heading.text or heading.text[-1] not in _PUNCTUATION:
                continue
            raw = document.text[heading.text_start : heading.text_end].rstrip()
            mark = heading.text[-1]
            fix = None
            end = heading.text_start + len(raw)
            if raw.endswith(mark):
                fix = unsafe_fix(f"Remove the trailing {mark}", Edit(end - 1, end, ""))
            yield self.diagnostic(
                document, max(heading.text_start, end - 1), end,
                f"Remove the `{mark}` at the end of the heading", fix=fix,
            )
