"""description-repeats-name: a description does not open by repeating the entry's name."""

from __future__ import annotations

from typing import Iterable

from awesome_lint.diagnostics import Diagnostic, Severity
from awesome_lint.document.model import Document
from awesome_lint.rules._entry_text import described_entries, quote
from awesome_lint.rules.base import Context, NoOptions, Rule

_WORD_BOUNDARY = " \t\r\n.,!?:;-–—'’"
_MARKUP = "*_`~\"“"


class DescriptionRepeatsName(Rule[NoOptions]):
    """Do not start a description with the entry's name.

    What it does:
        Reports `- [Foo](url) - Foo is a library.`: the description starts with the link text
        (case-insensitive, ignoring emphasis and code markers) followed by a word boundary, so
        `[Go](url) - Gorilla toolkit.` is not reported. Names of one character are ignored.
        Table-of-contents items are exempt.

    Why:
        The name is already right before it; the description should say what the thing is.

    Example:
        `- [Foo](https://foo.dev) - Foo is a fast parser.` should read
        `- [Foo](https://foo.dev) - Fast parser.`

    Fix safety:
        No fix: rewording a sentence is a human's job.
    """

    id = "description-repeats-name"
    aliases = ("no-repeat-item-in-description",)
    summary = "Do not start descriptions with the entry's name"
    severity = Severity.WARNING

    def check(self, document: Document, context: Context[NoOptions]) -> Iterable[Diagnostic]:
        for entry, span in described_entries(document, context.settings):
            link = entry.link
            if link is None:
                continue
            name = link.plain_text.strip().casefold()
            if len(name) < 2:
                continue
            description = span.text.lstrip(_MARKUP)
            skipped = len(span.text) - len(description)
            if not description.casefold().startswith(name):
                continue
            after = description[len(name) : len(name) + 1]
            if after and after not in _WORD_BOUNDARY and after not in _MARKUP:
                continue  # 'Gorilla' after the name 'Go'
            end = span.start + skipped + len(name)
            yield self.diagnostic(
                document,
                span.start,
                end,
                f"Do not repeat the name {quote(link.plain_text)} at the start of the description: "
                "say what it is ('A library for ...')",
            )
