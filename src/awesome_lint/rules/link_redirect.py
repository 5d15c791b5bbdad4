"""link-redirect: links point at the final URL, not at one that redirects permanently."""

from __future__ import annotations

from typing import Iterable
from urllib.parse import SplitResult, urlsplit

from awesome_lint.diagnostics import Diagnostic, Edit, Fix, Severity, safe_fix, unsafe_fix
from awesome_lint.document.model import Document, Link
from awesome_lint.facts import LinkState, is_web_url, with_fragment_of
from awesome_lint.rules._online import checked_links, fits_link_destination, url_source_span
from awesome_lint.rules.base import Context, NoOptions, Rule

_ROOT_PATHS = ("", "/")


class LinkRedirect(Rule[NoOptions]):
    """Links point at the URL a permanent redirect leads to.

    What it does:
        Needs the online checks (`--online`); without them it reports nothing. Reports each
        link of an entry that answers with permanent redirects (`301`/`308`) ending at a page
        that works, and names where they lead. Temporary redirects (`302`/`303`/`307`: logins,
        mirrors, "latest" links) are not reported.

    Why:
        The old address works today but depends on a redirect its owner may drop, and a domain
        that changed hands redirects too. Linking the final URL is what the maintainer would
        write today.

    Example:
        ```markdown
        - [Tool](http://tool.example/docs) - A tool.
        ```
        reports "http://tool.example/docs redirects permanently to https://tool.example/docs/"
        and the fix writes the final URL. A fragment (`#usage`) the final URL lacks is kept.

    Fix safety:
        Safe when the link stays on its site: the host is the same ignoring a leading `www.`
        (the path may change), or only `http` becomes `https`. Unsafe when the redirect leaves
        the site (a project that moved, but also a parked domain that sends every path to an
        advertiser), when it downgrades `https` to `http`, and when a page redirects to the
        site's home page (the page is probably gone: the fix would hide a dead link). No fix
        when the final URL cannot be written into the link as it is (spaces, `<`, `>`,
        unbalanced parentheses) or when the URL of a reference link cannot be found exactly in
        its definition.
    """

    id = "link-redirect"
    summary = "Links do not redirect permanently (online checks)"
    severity = Severity.WARNING
    fixable = True

    def check(self, document: Document, context: Context[NoOptions]) -> Iterable[Diagnostic]:
        for link, fact in checked_links(document, context.online):
            if fact.state is not LinkState.REDIRECT or not fact.final_url:
                continue
            final = with_fragment_of(link.url, fact.final_url)
            if final == link.url:
                continue
            message = f"{link.url} redirects permanently to {final}"
            yield self.diagnostic(document, link.start, link.end, message, _rewrite(document, link, final))


def _rewrite(document: Document, link: Link, final: str) -> Fix | None:
    span = url_source_span(document, link)
    if span is None or not is_web_url(final) or not fits_link_destination(final):
        return None
    edit = Edit(span[0], span[1], final)
    doubt = _doubt(urlsplit(link.url), urlsplit(final))
    if doubt is None:
        return safe_fix("Link the final URL", edit)
    return unsafe_fix(f"Link the final URL (check it first: {doubt})", edit)


def _doubt(before: SplitResult, after: SplitResult) -> str | None:
    """Why the final URL may not be what the link meant; None when it stays on the link's site."""
    if before.scheme.lower() == "https" and after.scheme.lower() == "http":
        return "it drops https"
    if after.path in _ROOT_PATHS and not after.query and before.path not in _ROOT_PATHS:
        return "a page that leads to the home page is often gone"
    if _site(before) != _site(after):
        return "it is on another site"
    return None


def _site(parts: SplitResult) -> str:
    host = parts.hostname or ""
    return host[len("www.") :] if host.startswith("www.") else host
