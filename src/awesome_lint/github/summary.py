"""Markdown for the review body, the single summary comment and the job summary."""

from __future__ import annotations

from collections import Counter
from typing import Iterable, NamedTuple

from awesome_lint.github.markup import BODY_LIMIT, code_span, escape_markdown, plural
from awesome_lint.facts import ONLINE_RULES
from awesome_lint.github.review import FileAnalysis, Finding, PlannedComment, listed_marker

SUMMARY_MARKER = "<!-- awesome-lint:summary -->"
LISTED_AT_MOST = 50  # findings listed one by one in a summary; the rest are counted
# Fingerprints one review body records as listed (17 characters each): the marker stays under half
# of GitHub's body limit. Comments past it are left for the next run's review.
RECORDED_AT_MOST = 2000


def review_marker(nonce: str) -> str:
    return f"<!-- awesome-lint:review {nonce} -->"


class Published(NamedTuple):
    """What this run did on the pull request (all zero when it could not write)."""

    inline: int = 0  # inline comments posted now
    already: int = 0  # planned comments already posted (inline or listed in a review body) by an earlier run
    not_inline: int = 0  # comments over the cap or refused by GitHub (listed in the review body)
    resolved: int = 0  # findings of earlier comments that are gone (comment deleted or marked resolved)


def _in_diff(analyses: Iterable[FileAnalysis]) -> list[Finding]:
    return [finding for analysis in analyses for finding in analysis.findings if finding.changed]


def _elsewhere(analyses: Iterable[FileAnalysis]) -> list[Finding]:
    return [finding for analysis in analyses for finding in analysis.findings if not finding.changed]


def _unreadable(analyses: Iterable[FileAnalysis]) -> list[str]:
    return [
        f"- {code_span(analysis.path)} could not be checked: {escape_markdown(str(analysis.unreadable))}"
        for analysis in analyses
        if analysis.unreadable is not None
    ]


def recordable(listed: list[PlannedComment]) -> list[PlannedComment]:
    """The leading listed comments whose fingerprints one review body can record."""
    kept, count = [], 0
    for comment in listed:
        count += len(comment.findings)
        if count > RECORDED_AT_MOST:
            break
        kept.append(comment)
    return kept


def _bounded(parts: list[str]) -> str:
    """Join ``parts``, dropping trailing ones (with a note) until the body fits GitHub's limit."""
    body = "\n".join(parts)
    while len(body) > BODY_LIMIT and len(parts) > 2:
        parts = parts[:-2] + ["- … (cut to fit GitHub's comment size limit)"]
        body = "\n".join(parts)
    return body


def _location(finding: Finding) -> str:
    return f"{code_span(finding.path)} line {finding.line}"


def _listed(findings: list[Finding]) -> list[str]:
    lines = [
        f"- {_location(f)}: `{f.diagnostic.rule}` {escape_markdown(f.diagnostic.message)}"
        for f in findings[:LISTED_AT_MOST]
    ]
    if len(findings) > LISTED_AT_MOST:
        lines.append(f"- … and {len(findings) - LISTED_AT_MOST} more")
    return lines


def review_body(
    marker: str, analyses: list[FileAnalysis], inline: list[PlannedComment], listed: list[PlannedComment],
    record_listed: bool = True,
) -> str:
    """The review's body. ``listed`` must fit the marker (see :func:`recordable`) when recorded."""
    changed = _in_diff(analyses)
    suggestions = sum(1 for comment in inline if comment.suggestion is not None)
    parts = [marker]
    if listed and record_listed:
        # Fingerprints of what is not commented inline: the next run counts them as posted.
        parts.append(listed_marker(finding.fingerprint for comment in listed for finding in comment.findings))
    parts += [
        f"**awesome-lint** found {plural(len(changed), 'problem')} on the lines this pull request changes.",
    ]
    if suggestions:
        parts.append(
            f"{plural(suggestions, 'inline comment')} carry a suggested change: "
            "apply them one by one, or together with *Add suggestion to batch*."
        )
    if listed:
        parts.extend(["", f"Not commented inline ({plural(len(listed), 'comment')}):", ""])
        parts.extend(_listed([finding for comment in listed for finding in comment.findings]))
    elsewhere = _elsewhere(analyses)
    if elsewhere:
        parts.extend(["", f"{plural(len(elsewhere), 'more problem')} elsewhere in the checked files (not in this diff)."])
    return _bounded(parts)


def _rule_table(analyses: list[FileAnalysis]) -> list[str]:
    changed = Counter(f.diagnostic.rule for f in _in_diff(analyses))
    elsewhere = Counter(f.diagnostic.rule for f in _elsewhere(analyses))
    fixable = Counter(f.diagnostic.rule for analysis in analyses for f in analysis.findings if f.safe_fix)
    rows = ["| rule | changed lines | elsewhere | fixable with `--fix` |", "|---|---:|---:|---:|"]
    for rule in sorted(set(changed) | set(elsewhere)):
        rows.append(f"| `{rule}` | {changed[rule]} | {elsewhere[rule]} | {fixable[rule]} |")
    return rows


def _checked(analyses: list[FileAnalysis], ref: str) -> str:
    names = ", ".join(code_span(a.path) for a in analyses if a.unreadable is None) or "no matching files"
    return f"Checked {names} at `{ref[:7]}`."


def summary_comment(analyses: list[FileAnalysis], head_sha: str, published: Published) -> str:
    changed, elsewhere = _in_diff(analyses), _elsewhere(analyses)
    parts = [SUMMARY_MARKER, "### awesome-lint", "", _checked(analyses, head_sha), ""]
    if not changed and not elsewhere:
        parts.append("No problems found.")
    else:
        parts.append(
            f"**{plural(len(changed), 'problem')}** on changed lines, {len(elsewhere)} elsewhere in the checked files."
        )
        parts.extend(["", *_rule_table(analyses)])
    if published.resolved:
        parts.extend(["", f"Fixed since the previous run: {plural(published.resolved, 'finding')}."])
    unreadable = _unreadable(analyses)
    if unreadable:
        parts.extend(["", *unreadable])
    parts.extend(
        [
            "",
            "<sub>This comment is updated on every push. "
            f"Run `{fix_command(analyses)}` locally to apply every safe fix.</sub>",
        ]
    )
    return "\n".join(parts)


def fix_command(analyses: list[FileAnalysis]) -> str:
    """`awesome-lint --fix`, with `--online` when a safe fix needs the online facts to be found."""
    online = any(f.diagnostic.rule in ONLINE_RULES and f.safe_fix for analysis in analyses for f in analysis.findings)
    return "awesome-lint --fix --online" if online else "awesome-lint --fix"


def job_summary(analyses: list[FileAnalysis], ref: str, notice: str | None, pull_request: bool) -> str:
    changed, elsewhere = _in_diff(analyses), _elsewhere(analyses)
    parts = ["## awesome-lint", "", _checked(analyses, ref), ""]
    if notice:
        parts.extend([f"> {escape_markdown(notice)}", ""])
    unreadable = _unreadable(analyses)
    if unreadable:
        parts.extend([*unreadable, ""])
    if not changed and not elsewhere:
        parts.append("No problems found.")
        return "\n".join(parts) + "\n"
    where = "on changed lines" if pull_request else "on lines this push changed"
    parts.append(f"**{plural(len(changed), 'problem')}** {where}, {len(elsewhere)} elsewhere.")
    parts.extend(["", *_rule_table(analyses), ""])
    if changed:
        parts.extend(["### On changed lines", "", *_listed(changed), ""])
    return "\n".join(parts) + "\n"
