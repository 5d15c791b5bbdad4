"""missing-description: every entry says what its link is."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable

from awesome_lint.diagnostics import Diagnostic
from awesome_lint.document.model import Document
from awesome_lint.rules._entry_text import content_entries, description_span, quote
from awesome_lint.rules.base import Context, Rule


@dataclass(frozen=True)
class MissingDescriptionOptions:
    # Also require descriptions on entries of sub-lists (often editions, mirrors, plugins).
    enabled_in_sublists: bool = False
    # A regular expression searched in the link text: matching entries need no description.
    allow_pattern: str = ""


_PUNCTUATION_ONLY = " \t\r\n.,:;"


class MissingDescription(Rule[MissingDescriptionOptions]):
    """Give every entry a description.

    What it does:
        Reports a top-level entry (`- [Name](url)`) with nothing after its link, or with only a
        separator or punctuation (`- [Name](url) -`, `- [Name](url).`). Exempt:
        table-of-contents items; entries that have a sub-list (they act as a group title);
        entries whose link text matches `allow-pattern`;
        and entries of sub-lists unless `enabled-in-sublists` is set, because real lists
        commonly nest short, self-explanatory items (editions, mirrors, plugins) under a
        described entry. Entries that do not start with a link are left to `entry-link`.

    Why:
        A bare link makes a reader click to learn what it is; the description is what makes a
        curated list worth more than a bookmark file.

    Example:
        `- [Foo](https://foo.dev)` should be `- [Foo](https://foo.dev) - What Foo does.`

    Options:
        `enabled-in-sublists` (default false), `allow-pattern` (default: none).

    Fix safety:
        No fix: only a human can write the description.
    """

    id = "missing-description"
    aliases = ("awesome-list-item",)
    summary = "Give every entry a description"
    Options = MissingDescriptionOptions

    def check(self, document: Document, context: Context[MissingDescriptionOptions]) -> Iterable[Diagnostic]:
        options = context.options
        allowed = re.compile(options.allow_pattern) if options.allow_pattern else None
        for entry in content_entries(document, context.settings):
            link = entry.link
            if link is None or not entry.link_first or entry.sublists:
                continue
            if entry.parent is not None and entry.parent.depth > 0 and not options.enabled_in_sublists:
                continue
            span = description_span(document, entry)
            if span is not None and span.text.strip(_PUNCTUATION_ONLY):
                continue  # `[Foo](url).` or `[Foo](url):` has no description either
            if allowed is not None and allowed.search(link.plain_text):
                continue
            yield self.diagnostic(
                document,
                link.start,
                link.end,
                f"Describe the entry {quote(link.plain_text)}: add ' - ' and a short sentence after the link",
            )
