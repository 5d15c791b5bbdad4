"""The scheduled "Link health report": ONE open issue listing what the online checks found.

Created when the online checks find something and no report is open, edited when its text changes,
closed (as completed, with a comment) when everything passes. The report is found by a hidden marker
at the start of its body and by its author (the token's login), never by its title alone.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import Iterable, NamedTuple
from urllib.parse import quote

from awesome_lint.document.build import build_document
from awesome_lint.document.model import Document
from awesome_lint.github.client import GitHubApi
from awesome_lint.github.markup import BODY_LIMIT, code_span, escape_markdown, plural
from awesome_lint.facts import ONLINE_RULES
from awesome_lint.github.review import Finding

REPORT_TITLE = "Link health report"
REPORT_MARKER = "<!-- awesome-lint:link-health -->"
# Room kept below GitHub's body limit for the "…and N more" line and the closing paragraphs.
TAIL_RESERVE = 1000


class ReportItem(NamedTuple):
    path: str
    line: int
    rule: str
    url: str | None  # the link the finding is about; None for the list's own repository
    message: str
    safe_fix: bool


class ReportPlace(NamedTuple):
    """Where the report's line links point: ``{server}/{repository}/blob/{sha}/{path}#L{line}``."""

    server_url: str
    repository: str
    sha: str

    def line_url(self, path: str, line: int) -> str:
        return f"{self.server_url.rstrip('/')}/{self.repository}/blob/{self.sha}/{quote(path)}#L{line}"


def online_findings(findings: Iterable[Finding]) -> list[Finding]:
    return [finding for finding in findings if finding.diagnostic.rule in ONLINE_RULES]


class _LinkIndex:
    """The entries' links of a document in text order, to find the one holding an offset."""

    def __init__(self, document: Document) -> None:
        self._links = sorted((link for entry in document.entries() for link in entry.links), key=lambda link: link.start)
        self._starts = [link.start for link in self._links]

    def url_at(self, offset: int) -> str | None:
        index = bisect_right(self._starts, offset) - 1
        if index >= 0 and offset < self._links[index].end:
            return self._links[index].url
        return None


def report_items(path: str, text: str, findings: Iterable[Finding]) -> list[ReportItem]:
    """The online findings of one file, each with the URL of the link it is about."""
    chosen = online_findings(findings)
    if not chosen:
        return []
    links = _LinkIndex(build_document(path, text))
    return [
        ReportItem(
            path,
            finding.line,
            finding.diagnostic.rule,
            links.url_at(finding.diagnostic.start),
            finding.diagnostic.message,
            finding.safe_fix,
        )
        for finding in chosen
    ]


def _item_line(item: ReportItem, place: ReportPlace) -> str:
    url = f" {code_span(item.url)}" if item.url and item.url not in item.message else ""
    return f"- [line {item.line}]({place.line_url(item.path, item.line)}) `{item.rule}`{url}: {escape_markdown(item.message)}"


def report_body(items: list[ReportItem], place: ReportPlace) -> str:
    """The issue's body: the findings grouped by file, under GitHub's body limit (the lines that do
    not fit are counted). Nothing in it changes between runs that find the same things at the same
    commit, so an unchanged report is not edited."""
    head = [
        REPORT_MARKER,
        f"awesome-lint checked every link of the list at `{place.sha[:7]}` and found "
        f"**{plural(len(items), 'problem')}**.",
    ]
    safe = sum(1 for item in items if item.safe_fix)
    tail = [""]
    if safe:
        tail += [
            f"{plural(safe, 'finding')} can be fixed automatically: run `awesome-lint --fix --online` "
            "in a checkout and commit the result.",
            "",
        ]
    tail.append(
        "<sub>Kept up to date by the scheduled awesome-lint workflow: edited when the findings change, "
        "closed when every link passes.</sub>"
    )
    lines: list[str] = []
    size = sum(len(part) + 1 for part in head + tail) + TAIL_RESERVE
    shown = 0
    path = None
    for item in items:
        section = ["", f"### {code_span(item.path)}", ""] if item.path != path else []
        entry = section + [_item_line(item, place)]
        cost = sum(len(part) + 1 for part in entry)
        if size + cost > BODY_LIMIT:
            break
        lines += entry
        size += cost
        shown += 1
        path = item.path
    if shown < len(items):
        lines.append(f"- …and {len(items) - shown} more")
    return "\n".join(head + lines + tail)


def closing_comment(sha: str) -> str:
    return f"Every link passes as of `{sha[:7]}`: closing this report. The next failure opens a new one."


def keep_report(api: GitHubApi, body: str | None, sha: str, checks_complete: bool = True) -> str:
    """Bring the report up to date with ``body`` (None: nothing failed); one line saying what was
    done. A report is closed only when every check ran (``checks_complete``): a run without a token
    finds no archived repository, which does not mean there is none. Raises ApiError
    (WriteForbidden without `issues: write`; status 410 without issues)."""
    if body is None and not checks_complete:
        return "no failure found, but some checks could not run (see the notes): report left as it is"
    issue = api.open_issue_with_marker(REPORT_MARKER)
    if issue is None:
        if body is None:
            return "every link passes"
        number = api.create_issue(REPORT_TITLE, body, REPORT_MARKER)
        return "opened" if number is None else f"opened #{number}"
    if body is None:
        api.close_issue(issue.number, closing_comment(sha))
        return f"every link passes: closed #{issue.number}"
    if body == issue.body:
        return f"#{issue.number} is up to date"
    api.edit_issue_body(issue.number, body)
    return f"updated #{issue.number}"
