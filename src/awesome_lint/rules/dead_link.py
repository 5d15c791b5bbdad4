"""dead-link: the links of entries work (needs the online checks)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from awesome_lint.diagnostics import Diagnostic, Severity
from awesome_lint.document.model import Document
from awesome_lint.facts import LinkFact, LinkState
from awesome_lint.rules._online import checked_links
from awesome_lint.rules.base import Context, Rule


@dataclass(frozen=True)
class DeadLinkOptions:
    # HTTP statuses that count as working whatever the checks concluded (sites that block robots).
    accept: tuple[int, ...] = (401, 403)


class DeadLink(Rule[DeadLinkOptions]):
    """Every link of an entry answers: no 404, no host that does not resolve.

    What it does:
        Needs the online checks (`--online`, or `enabled = true` under
        `[tool.awesome-lint.online]`); without them it reports nothing. Reads the status the
        checks found for each link of an entry (its main link and the links in its
        description; not images, not in-page `#anchors`, not `mailto:`), and reports:

        - an error for a dead link: `404`/`410`, a host that does not resolve, a refused
          connection, or a relative link to a file missing from the checkout;
        - a warning "could not verify" for a `5xx`, a timeout, a TLS error, a `429` after the
          retries or another unexpected status: the link may work, and a flaky site must not
          block a contributor.

        A status listed in the option `accept` (default `[401, 403]`, which sites that block
        robots answer) is never reported. Links the checks did not look at (outside a pull
        request's changes, matched by the online `exclude` patterns) are not reported.

    Why:
        A dead link is the first thing readers of a list notice and the last thing maintainers
        find by hand; lists otherwise run a second tool for it (awesome_bot, lychee, the
        remark-lint plugin `no-dead-urls`).

    Example:
        ```markdown
        - [Gone](https://example.com/removed) - A project that moved away.
        ```
        reports "Dead link: https://example.com/removed (404 Not Found)" when the server
        answers 404, and "Could not verify https://example.com/removed (timed out after 10 s)"
        (a warning) when it does not answer in time.

    Fix safety:
        No fix: whether to remove the entry, link an archive or find the new home is the
        maintainer's call.
    """

    id = "dead-link"
    aliases = ("no-dead-urls",)
    summary = "Links of entries work (online checks)"
    Options = DeadLinkOptions

    def check(self, document: Document, context: Context[DeadLinkOptions]) -> Iterable[Diagnostic]:
        for link, fact in checked_links(document, context.online):
            if fact.status in context.options.accept:
                continue
            if fact.state is LinkState.DEAD:
                yield self.diagnostic(document, link.start, link.end, f"Dead link: {link.url}{_because(fact)}")
            elif fact.state is LinkState.UNVERIFIED:
                message = f"Could not verify {link.url}{_because(fact)}"
                yield self.diagnostic(document, link.start, link.end, message)._replace(severity=Severity.WARNING)


def _because(fact: LinkFact) -> str:
    return f" ({fact.reason})" if fact.reason else ""
