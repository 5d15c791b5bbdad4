"""entry-link: an entry starts with its link, which has text and a usable URL."""

from __future__ import annotations

import re
from typing import Iterable

from awesome_lint.diagnostics import Diagnostic
from awesome_lint.document.model import Document, Entry, EntryList
from awesome_lint.rules._anchors import in_toc, mostly_in_page
from awesome_lint.rules._entry_text import quote
from awesome_lint.rules.base import Context, NoOptions, Rule, Settings

_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.\-]*):")
_HTTP_WITH_HOST = re.compile(r"https?://[^/\s?#]+", re.IGNORECASE)
# A host written without a scheme: `www.foo.dev`, `github.com/foo/bar`, `foo.io`
_SCHEMELESS_HOST = re.compile(
    r"(?:www\.[^/\s]+|[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.(?:com|org|net|io|dev|app|co|me|ai|so|sh|gg|tv|info|edu|gov)(?::\d+)?)(?:/|\Z|[?#])",
    re.IGNORECASE,
)


class EntryLink(Rule[NoOptions]):
    """Start every entry with a link that has text and a usable URL.

    What it does:
        For each list item:

        - In a list of links (at least half of its items start with a link), an item must
          start with its link; badges or images before it are allowed. A top-level item with
          no link at all is reported unless it has a sub-list: an item heading a sub-list is a
          group label (`- Redis` or `- Redis ([site](...))` with entries under it), not an entry.
          Items of sub-lists without a link are notes on their parent entry and are allowed,
          as are items of lists that are mostly prose (rules, credits) and of numbered lists
          (steps, rankings).
        - The link text must not be empty.
        - The URL must be absolute `http(s)://host...`, or `mailto:`; an in-page `#anchor` is
          accepted in the table of contents (`toc-titles`) and in lists whose links are mostly
          anchors (a table of contents under another heading, or none).
          A relative path (`docs/setup.md`, `./CONTRIBUTING.md`) is accepted: GitHub resolves
          it against the README's folder, so it is how lists link their own files. A host
          without a scheme (`www.foo.dev`, `github.com/foo`) is reported: GitHub would treat it
          as a path inside the repository and the link would be broken.

    Why:
        `- [Name](https://url) - Description.` is the awesome-list entry format; readers and
        tools (ours included) find an entry's name and target by its leading link.

    Example:
        `- Foo: [docs](https://foo.dev)` should be `- [Foo](https://foo.dev) - ...`;
        `- [Foo](www.foo.dev)` should be `- [Foo](https://www.foo.dev)`.

    Fix safety:
        No fix: moving a link or choosing a scheme needs a human.
    """

    id = "entry-link"
    aliases = ("awesome-list-item",)
    summary = "Start entries with a link with text and an http(s) URL"

    def check(self, document: Document, context: Context[NoOptions]) -> Iterable[Diagnostic]:
        for top in document.lists:
            for entry_list in top.walk_lists():
                yield from self._check_list(document, entry_list, context.settings)

    def _check_list(self, document: Document, entry_list: EntryList, settings: Settings) -> Iterable[Diagnostic]:
        items = entry_list.items
        link_first = sum(1 for item in items if item.link_first)
        # numbered lists are usually steps or rankings, not entries
        is_link_list = not entry_list.ordered and link_first * 2 >= len(items) and link_first > 0
        anchors_allowed = in_toc(entry_list.section, settings) or mostly_in_page(items)
        for entry in items:
            if entry.broken_span:
                continue
            link = entry.link
            if link is None:
                if is_link_list and entry_list.depth == 0 and not entry.sublists and entry.content_start is not None:
                    yield self._no_link(document, entry)
                continue
            if not entry.link_first:
                if is_link_list and not entry.sublists:
                    yield self.diagnostic(
                        document,
                        entry.content_start if entry.content_start is not None else entry.start,
                        link.start,
                        f"Start the entry with its link {quote(link.text or link.url)}: "
                        "write '- [Name](url) - Description.'",
                    )
                continue
            if not link.plain_text and not link.contains_image:
                yield self.diagnostic(
                    document, link.start, link.end, "Write the name of the entry between the link's brackets: [Name](url)"
                )
            problem = _url_problem(link.url, anchors_allowed=anchors_allowed)
            if problem is not None:
                start, end = (link.url_start, link.url_end) if link.url_start is not None else (link.start, link.end)
                yield self.diagnostic(document, start, end or link.end, problem)

    def _no_link(self, document: Document, entry: Entry) -> Diagnostic:
        start = entry.content_start if entry.content_start is not None else entry.start
        end = document.line_end(document.line_of(start))
        return self.diagnostic(
            document,
            start,
            end,
            f"Start the entry with a link: '- [Name](https://...) - Description.' "
            f"(found {quote(document.text[start:end])})",
        )


def _url_problem(url: str, anchors_allowed: bool) -> str | None:
    if not url:
        return "Add the link's URL: [Name](https://...) has an empty destination"
    if url.startswith("#"):
        if anchors_allowed:
            return None
        return f"Link entries to their page, not to an in-page anchor ('{url}'): anchors belong in the table of contents"
    if url.startswith("//"):
        return f"Write the URL with its scheme: 'https:{url}'"
    scheme = _SCHEME.match(url)
    if scheme is not None and not url[scheme.end() :].isdigit():
        name = scheme.group(1).lower()
        if name in ("http", "https"):
            if _HTTP_WITH_HOST.match(url) is None:
                return f"Fix the URL '{url}': it has no host (expected {name}://host/path)"
            return None
        if name == "mailto":
            return None
        return f"Link to an http(s) URL, not a '{name}:' URL ('{url}')"
    if _SCHEMELESS_HOST.match(url):
        return f"Add 'https://' to the URL '{url}': without a scheme GitHub treats it as a file in the repository"
    return None  # a relative path to a file of the list's own repository
