"""description-period: a description ends with '.', '!', '?' or '…'."""

from __future__ import annotations

import re
from typing import Iterable, NamedTuple

from awesome_lint.diagnostics import Diagnostic, Edit, Fix, safe_fix
from awesome_lint.document.model import Document, Entry, Link
from awesome_lint.rules._entry_text import DescriptionSpan, described_entries, ends_with_emoji, last_words_start, quote_end
from awesome_lint.rules._prose import inside, merge_spans
from awesome_lint.rules.base import Context, NoOptions, Rule

_FINAL_PUNCTUATION = ".!?…。！？"
# Closing marks that may follow the final punctuation: `(Deprecated.)`, `"Quoted."`, `**Bold.**`
_CLOSERS = ")\"”’'*_~"
_EMPHASIS = "*_~"
_URL_START = re.compile(r"https?://|www\.")
# A list where most descriptions (and at least this many) lack a period leaves them out on purpose:
# one finding for the list. Measured on the corpus: lists that use periods miss them in 0-7% of
# their descriptions; lists that do not, in 75-100%.
_LIST_CONVENTION_MIN = 10
_EMOJI_WINDOW = 64  # longer than any emoji shortcode


class DescriptionPeriod(Rule[NoOptions]):
    """End every description with a period.

    What it does:
        Checks how each entry's description (the text after ` - `) ends. Accepted: `.`, `!`,
        `?`, `…` (and the CJK full-width `。！？`), optionally followed by closing marks such as
        `)`, quotes or emphasis (`(Deprecated.)`, `**Archived!**`); an emoji or an emoji
        shortcode (`:star:`); a badge image or an HTML tag. Status tags, badges, links and code
        spans after a finished sentence are tags, not part of it: `A library. **[Deprecated]**`,
        `Parser. [MIT] [website](https://x.dev)`, `Crate. [crates.io](https://crates.io/x)`.
        Everything else is reported, including a description that ends with a link:
        `by [Jane](https://jane.dev)` needs a period too. Table-of-contents items are exempt.

        A list where most descriptions (at least 10) have no period leaves them out on purpose:
        it gets one finding, at its first description without a period, whose fix adds them all.
        (The npm awesome-lint reports each description.)

    Why:
        Descriptions are sentences; ending them the same way keeps a list consistent. The npm
        awesome-lint accepts `.` and `!` (and `?`, `…` in recent versions).

    Example:
        `- [Foo](https://foo.dev) - A library` becomes `- [Foo](https://foo.dev) - A library.`;
        `- [Foo](https://foo.dev) - A library [MIT]` becomes `- [Foo](https://foo.dev) - A library. [MIT]`.

    Fix safety:
        Safe: a `.` is written right after the last character of the sentence: before trailing
        status tags (`[MIT]`, `**[Deprecated]**`, badges), never after them, and before any
        trailing whitespace, on the last line of a multi-line description. No fix when the
        description ends with a colon, comma or semicolon (a human must decide what was meant),
        with a code span or with a bare URL (a period would read as part of it), or is nothing
        but tags.
    """

    id = "description-period"
    aliases = ("awesome-list-item",)
    summary = "End descriptions with a period"
    fixable = True

    def check(self, document: Document, context: Context[NoOptions]) -> Iterable[Diagnostic]:
        findings: list[Diagnostic] = []
        described = 0
        for entry, span in described_entries(document, context.settings):
            described += 1
            finding = self._check_entry(document, entry, span)
            if finding is not None:
                findings.append(finding)
        if len(findings) >= _LIST_CONVENTION_MIN and 2 * len(findings) > described:
            yield self._list_wide(document, findings, described)
        else:
            yield from findings

    def _check_entry(self, document: Document, entry: Entry, span: DescriptionSpan) -> Diagnostic | None:
        text = document.text
        ending = _ending(text, span.start, span.end, entry)
        if ending.kind == "ok":
            return None
        fix: Fix | None = None
        if ending.kind == "plain":
            fix = safe_fix("Add a period", Edit(ending.position, ending.position, "."))
        last_words = text[last_words_start(text, span.start, span.end, 2) : span.end]
        return self.diagnostic(
            document,
            ending.position - 1,
            ending.position,
            f"End the description with a period ('.', '!', '?' or '…'): it ends with {quote_end(last_words)}",
            fix,
        )

    def _list_wide(self, document: Document, findings: list[Diagnostic], described: int) -> Diagnostic:
        """One finding for a list that leaves periods out on purpose, at its first description
        without one; its fix adds every period that can be added safely."""
        edits = [edit for finding in findings if finding.fix is not None for edit in finding.fix.edits]
        first = findings[0]
        return self.diagnostic(
            document,
            first.start,
            first.end,
            f"{len(findings)} of {described} descriptions in this list end without a period: end them with "
            "'.', '!', '?' or '…' (the fix adds the periods), or disable description-period if the list "
            "leaves them out on purpose",
            safe_fix(f"Add {len(edits)} periods", *edits) if edits else None,
        )


class _Ending(NamedTuple):
    kind: str  # 'ok', 'plain' (a period can be written at `position`) or 'keep' (report without a fix)
    position: int  # where the sentence ends: before any trailing tags


class _Tag(NamedTuple):
    start: int
    definite: bool  # a status tag or a badge; a link or a code span may as well be prose


def _ending(text: str, start: int, end: int, entry: Entry) -> _Ending:
    """How the description ends, and where its sentence ends (before any trailing tags)."""
    if text[end - 1] in _FINAL_PUNCTUATION:
        return _Ending("ok", end)  # the common case, decided without looking further
    links = _EntryLinks.of(entry)
    link = links.by_end.get(end)
    if _is_badge(link):
        return _Ending("ok", end)
    tags = _trailing_tags(text, start, end, links)
    if any(_sentence_ends(text, start, _skip_space_back(text, start, tag.start)) for tag in tags):
        return _Ending("ok", end)  # `Library. [MIT] [website](...)`, `Parser. \`MIT\` \`Go\``
    # Links and code spans are tags only after a status tag or a finished sentence:
    # `Client for [imgur](...) [MIT]` ends its sentence after the link.
    while tags and not tags[-1].definite:
        tags.pop()
    if not tags:
        return _Ending(_plain_ending(text, start, end, links, link), end)
    body_end = _skip_space_back(text, start, tags[-1].start)
    if body_end == start:
        return _Ending("keep", end)  # nothing but tags: there is no sentence to end
    kind = _plain_ending(text, start, body_end, links, links.by_end.get(body_end))
    if kind == "plain" and not (text[body_end - 1].isalnum() or text[body_end - 1] in _CLOSERS + "+#"):
        return _Ending("keep", body_end)  # `A library - [MIT]`: where the sentence ends is unclear
    return _Ending(kind, body_end)


def _plain_ending(text: str, start: int, end: int, links: _EntryLinks, link: Link | None) -> str:
    """How a description without trailing tags ends: 'ok', 'plain' or 'keep'."""
    if _sentence_ends(text, start, end):
        return "ok"
    if link is not None:
        return "keep" if text[link.start] == "<" else "plain"  # an autolink is a bare URL
    final = text[end - 1]
    if final == ">":
        return "ok"  # ends with an HTML tag (<br>, </sup>, <img ...>)
    if final in ":,;`":
        return "keep"
    if _bare_url_at_end(text, start, end, links):
        return "keep"  # a period would read as part of the URL
    if "\n" in text[start:end] and not text[text.rfind("\n", 0, end) + 1].isspace():
        return "keep"  # the last line is a lazy continuation: probably a missing blank line
    return "plain"


def _trailing_tags(text: str, start: int, end: int, links: _EntryLinks) -> list[_Tag]:
    """The tags, badges, links and code spans that end the description, last first; each is
    found by scanning back from the previous one, so the whole scan is linear."""
    tags: list[_Tag] = []
    position = end
    while position > start:
        tag = _tag_ending_at(text, start, position, links)
        if tag is None:
            break
        tags.append(tag)
        position = _skip_space_back(text, start, tag.start)
    return tags


def _tag_ending_at(text: str, start: int, end: int, links: _EntryLinks) -> _Tag | None:
    """A link, a code span or bracketed text (`[MIT]`) ending at ``end``, maybe emphasised
    (`**[Deprecated]**`, `**[back to top](#contents)**`), with the tags glued to it."""
    inner_end = end
    while inner_end > start and text[inner_end - 1] in _EMPHASIS:
        inner_end -= 1
    inner = _glued_tags(text, start, inner_end, links)
    if inner is None:
        return None
    emphasis = text[inner_end:end]
    tag_start = inner.start - len(emphasis)
    if tag_start < start or text[tag_start : inner.start] != emphasis[::-1]:
        return None
    if tag_start > start and text[tag_start - 1].isalnum():
        return None  # glued to a word: `a[i]`
    return _Tag(tag_start, inner.definite)


def _glued_tags(text: str, start: int, end: int, links: _EntryLinks) -> _Tag | None:
    """The tags glued together before ``end``: `[MIT]`, `[Free][Proprietary]`, `[MIT]/[Apache2]`,
    `[Boost][website](https://...)`; definite when one of them is a status tag or a badge."""
    tag = _one_tag(text, start, end, links)
    while tag is not None and tag.start > start:
        glue_end = tag.start - 1 if text[tag.start - 1] == "/" else tag.start
        if glue_end <= start or text[glue_end - 1] not in ")]`":
            break
        glued = _one_tag(text, start, glue_end, links)
        if glued is None:
            break
        tag = _Tag(glued.start, tag.definite or glued.definite)
    return tag


def _one_tag(text: str, start: int, end: int, links: _EntryLinks) -> _Tag | None:
    link = links.by_end.get(end)
    if link is not None:
        return _Tag(link.start, _is_badge(link))
    if end - start < 2 or text[end - 1] not in "`]":
        return None
    bracketed = links.by_end.get(end - 1)
    if text[end - 1] == "]" and bracketed is not None and bracketed.start > start and text[bracketed.start - 1] == "[":
        return _Tag(bracketed.start - 1, True)  # a link in brackets: `[[Free for OSS](https://...)]`
    opening = text.rfind("`" if text[end - 1] == "`" else "[", start, end - 1)
    inner = text[opening + 1 : end - 1] if opening >= 0 else ""
    if not inner.strip() or "\n" in inner or "]" in inner:
        return None
    if inside(links.spans, opening):
        return None  # the text of a link: `[Name][ref]`
    return _Tag(opening, text[end - 1] == "]")


def _is_badge(link: Link | None) -> bool:
    return link is not None and (link.is_image or link.contains_image)


def _skip_space_back(text: str, start: int, position: int) -> int:
    while position > start and text[position - 1] in " \t\n\r":
        position -= 1
    return position


def _bare_url_at_end(text: str, start: int, end: int, links: _EntryLinks) -> bool:
    """The last word holds a URL written in prose (a period would read as part of it); URLs in
    a link (its destination, or its text) do not count: `(see [docs](https://x.dev))`."""
    return any(
        not inside(links.spans, url.start())
        for url in _URL_START.finditer(text, last_words_start(text, start, end, 1), end)
    )


def _sentence_ends(text: str, start: int, end: int) -> bool:
    """The text ends a sentence: punctuation (before closing marks), an emoji, or a
    parenthetical after a finished sentence (`Mail client. (Fork of Nylas Mail)`)."""
    position = end
    while position > start and text[position - 1] in _CLOSERS:
        position -= 1
    if position > start and text[position - 1] in _FINAL_PUNCTUATION:
        return True
    window = max(start, end - _EMOJI_WINDOW)  # called once per trailing tag: never copy the whole text
    if ends_with_emoji(text[window:end]) or ends_with_emoji(text[window:position]):
        return True
    # the parenthetical may be emphasised: `Web framework. *(You might like [x](...))*`
    inner_end = end
    while inner_end > start and text[inner_end - 1] in _EMPHASIS:
        inner_end -= 1
    opening = _matching_parenthesis(text, start, inner_end)
    if opening is None:
        return False
    before = opening
    while before > start and text[before - 1] in " \t\n" + _EMPHASIS:
        before -= 1
    return before > start and text[before - 1] in _FINAL_PUNCTUATION


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


class _EntryLinks(NamedTuple):
    by_end: dict[int, Link]  # the outermost link ending there: a badge `[![alt](img)](url)`
    spans: list[tuple[int, int]]  # sorted, merged

    @classmethod
    def of(cls, entry: Entry) -> _EntryLinks:
        by_end: dict[int, Link] = {}
        for link in entry.links:
            by_end.setdefault(link.end, link)
        return cls(by_end, merge_spans([(link.start, link.end) for link in entry.links]))
