"""description-period: a description ends with '.', '!', '?' or '…'."""

from __future__ import annotations

import re
from typing import Iterable

from awesome_lint.diagnostics import Diagnostic, Edit, Fix, safe_fix
from awesome_lint.document.model import Document, Entry, Link
from awesome_lint.rules._entry_text import described_entries, ends_with_emoji, quote
from awesome_lint.rules.base import Context, NoOptions, Rule

_FINAL_PUNCTUATION = ".!?…。！？"
# Closing marks that may follow the final punctuation: `(Deprecated.)`, `"Quoted."`, `**Bold.**`
_CLOSERS = ")\"”’'*_~"
_EMPHASIS = "*_~"
_URL_START = re.compile(r"https?://|www\.")
_LAST_TOKEN = re.compile(r"\S+\Z")
_TRAILING_TAGS = re.compile(r"(?:[ \t]*`[^`\n]+`)+\Z")
_LAST_WORDS = re.compile(r"\S+(?:\s+\S+)?\Z")


class DescriptionPeriod(Rule[NoOptions]):
    """End every description with a period.

    What it does:
        Checks how each entry's description (the text after ` - `) ends. Accepted: `.`, `!`,
        `?`, `…` (and the CJK full-width `。！？`), optionally followed by closing marks such as
        `)`, quotes or emphasis (`(Deprecated.)`, `**Archived!**`); an emoji or an emoji
        shortcode (`:star:`); a badge image or an HTML tag. Everything else is reported,
        including a description that ends with a link: `by [Jane](https://jane.dev)` needs a
        period too. Table-of-contents items are exempt.

    Why:
        Descriptions are sentences; ending them the same way keeps a list consistent. The npm
        awesome-lint accepts `.` and `!` (and `?`, `…` in recent versions).

    Example:
        `- [Foo](https://foo.dev) - A library` becomes `- [Foo](https://foo.dev) - A library.`

    Fix safety:
        Safe: a `.` is appended right after the last character of the description (before any
        trailing whitespace, on the last line of a multi-line description). No fix when the
        description ends with a colon, comma or semicolon (a human must decide what was meant),
        with a code span or with a bare URL (a period would read as part of it).
    """

    id = "description-period"
    aliases = ("awesome-list-item",)
    summary = "End descriptions with a period"
    fixable = True

    def check(self, document: Document, context: Context[NoOptions]) -> Iterable[Diagnostic]:
        text = document.text
        for entry, span in described_entries(document, context.settings):
            ending = _ending_kind(text, span.start, span.end, entry)
            if ending == "ok":
                continue
            fix: Fix | None = None
            if ending == "plain":
                fix = safe_fix("Add a period", Edit(span.end, span.end, "."))
            last = _LAST_WORDS.search(text, span.start, span.end)
            last_words = last.group() if last else span.text
            yield self.diagnostic(
                document,
                span.end - 1,
                span.end,
                f"End the description with a period ('.', '!', '?' or '…'): it ends with {quote(last_words)}",
                fix,
            )


def _ending_kind(text: str, start: int, end: int, entry: Entry) -> str:
    """'ok', 'plain' (a period can be appended) or 'keep' (report without a fix)."""
    if text[end - 1] in _FINAL_PUNCTUATION:
        return "ok"  # the common case, decided without looking further
    link = _link_ending_at(entry, end)
    if link is not None:
        if link.is_image or link.contains_image:
            return "ok"  # a badge
        if text[link.start] == "<":
            return "keep"  # an autolink is a bare URL
    tags = _TRAILING_TAGS.search(text, start, end)
    body_end = tags.start() if tags is not None and tags.start() > start else end
    if _sentence_ends(text, start, body_end):
        return "ok"
    if body_end != end:
        return "keep"  # `License` `Language` tags after an unfinished sentence
    if link is not None:
        return "plain"
    final = text[end - 1]
    if final == ">":
        return "ok"  # ends with an HTML tag (<br>, </sup>, <img ...>)
    if final in ":,;`":
        return "keep"
    if _bare_url_at_end(text, start, end, entry):
        return "keep"
    if "\n" in text[start:end] and not text[document_line_start(text, end)].isspace():
        return "keep"  # the last line is a lazy continuation: probably a missing blank line
    return "plain"


def _bare_url_at_end(text: str, start: int, end: int, entry: Entry) -> bool:
    """The last word holds a URL written in prose (a period would read as part of it); URLs in
    a link (its destination, or its text) do not count: `(see [docs](https://x.dev))`."""
    last = _LAST_TOKEN.search(text, start, end)
    if last is None:
        return False
    return any(
        not any(link.start <= url.start() < link.end for link in entry.links)
        for url in _URL_START.finditer(text, last.start(), end)
    )


def _sentence_ends(text: str, start: int, end: int) -> bool:
    """The text ends a sentence: punctuation (before closing marks), an emoji, or a
    parenthetical after a finished sentence (`Mail client. (Fork of Nylas Mail)`)."""
    position = end
    while position > start and text[position - 1] in _CLOSERS:
        position -= 1
    if position > start and text[position - 1] in _FINAL_PUNCTUATION:
        return True
    if ends_with_emoji(text[start:end]) or ends_with_emoji(text[start:position]):
        return True
    # the parenthetical may be emphasised: `Web framework. *(You might like [x](...))*`
    inner_end = end
    while inner_end > start and text[inner_end - 1] in _EMPHASIS:
        inner_end -= 1
    opening = _matching_parenthesis(text, start, inner_end)
    if opening is None:
        return False
    before = text[start:opening].rstrip(" \t\n" + _EMPHASIS)
    return bool(before) and before[-1] in _FINAL_PUNCTUATION


def _matching_parenthesis(text: str, start: int, end: int) -> int | None:
    if end <= start or text[end - 1] != ")":
        return None
    depth = 0
    for position in range(end - 1, start - 1, -1):
        char = text[position]
        if char == ")":
            depth += 1
        elif char == "(":
            depth -= 1
            if depth == 0:
                return position
    return None


def document_line_start(text: str, position: int) -> int:
    return text.rfind("\n", 0, position) + 1


def _link_ending_at(entry: Entry, end: int) -> Link | None:
    # the outermost link wins: a badge `[![alt](img)](url)` ends where its image ends too
    return next((link for link in entry.links if link.end == end), None)
