"""What the online rules share: the checked links with their facts, where a link's URL is
written in the source (to rewrite it), whether a URL can be written into a link destination as it
is, and ages measured from the facts' clock."""

from __future__ import annotations

import re
from typing import Iterator

from awesome_lint.document.model import Definition, Document, Link
from awesome_lint.facts import LinkFact, OnlineFacts, links_to_check

_SECONDS_PER_DAY = 86_400
# `[label]:`, then the destination on the same line or the next: `<...>` or a run of non-space.
_DEFINITION_URL = re.compile(r"[ \t]*\[(?:\\.|[^\\\[\]])*\]:[ \t]*(?:\r?\n[ \t]*)?(?:<([^<>\r\n]*)>|(\S+))")
_BREAKS_DESTINATION = re.compile(r"[\s<>\\\x00-\x1f\x7f]")


def checked_links(document: Document, online: OnlineFacts | None) -> Iterator[tuple[Link, LinkFact]]:
    """Each link the online checks look at (facts.links_to_check) with the fact they found. A link
    they did not check has no fact and is left out; without the checks (``online`` None), all are."""
    if online is None:
        return
    for link in links_to_check(document):
        fact = online.links.get(link.url)
        if fact is not None:
            yield link, fact


def url_source_span(document: Document, link: Link) -> tuple[int, int] | None:
    """The span of ``link.url`` as written in the source: inside the link for an inline link or
    an autolink, inside its definition for a reference link. None when the written text is not
    exactly ``link.url`` (a reference destination the parser normalised, a definition inside a
    block quote): rewriting a guessed span could break the link."""
    if link.url_start is not None and link.url_end is not None:
        span = (link.url_start, link.url_end)
    elif link.reference is not None:
        span = _definition_url_span(document, link.reference)
    else:
        return None
    if span is None or document.text[span[0] : span[1]] != link.url:
        return None
    return span


def _definition_url_span(document: Document, label: str) -> tuple[int, int] | None:
    """The destination's span in the definition that ``label`` uses (the first one of that label)."""
    definition = _first_definition(document, label)
    if definition is None:
        return None
    match = _DEFINITION_URL.match(document.text, definition.start, definition.end)
    if match is None:
        return None
    group = 1 if match.group(1) is not None else 2
    return match.start(group), match.end(group)


def _first_definition(document: Document, label: str) -> Definition | None:
    key = _label_key(label)
    matching = [definition for definition in document.definitions if _label_key(definition.label) == key]
    return min(matching, key=lambda definition: definition.start, default=None)


def _label_key(label: str) -> str:
    """Labels match case-insensitively with runs of whitespace collapsed (CommonMark)."""
    return " ".join(label.split()).casefold()


def fits_link_destination(url: str) -> bool:
    """Whether ``url`` can replace a link's destination as it is: no whitespace, angle brackets,
    backslashes or control characters, and balanced parentheses (an unbalanced `)` ends an
    inline link early)."""
    return _BREAKS_DESTINATION.search(url) is None and _parentheses_balanced(url)


def _parentheses_balanced(text: str) -> bool:
    depth = 0
    for character in text:
        if character == "(":
            depth += 1
        elif character == ")":
            depth -= 1
            if depth < 0:
                return False
    return depth == 0


def days_since(timestamp: str | None, now: float) -> int | None:
    """Whole days from an ISO 8601 time (GitHub's `2024-05-01T12:00:00Z`) to ``now`` (epoch
    seconds); a time without a zone is UTC. None when either is unknown: no time, an unparsable
    one, or no clock (``now`` 0)."""
    if timestamp is None or now <= 0:
        return None
    from datetime import datetime, timezone  # only online runs have times to read: spare plain runs the import

    try:
        then = datetime.fromisoformat(timestamp.replace("Z", "+00:00"))
    except ValueError:
        return None
    if then.tzinfo is None:
        then = then.replace(tzinfo=timezone.utc)
    return int((now - then.timestamp()) // _SECONDS_PER_DAY)
