"""Map one file's findings onto its diff: fingerprints, inline comments, suggestion blocks.

Pure functions over the engine's output; nothing here talks to GitHub.
"""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_right
from collections import Counter
from typing import Any, Iterable, NamedTuple

from awesome_lint.diagnostics import Applicability, Diagnostic, Edit
from awesome_lint.document.build import build_document
from awesome_lint.document.model import Document, Entry
from awesome_lint.fix import MAX_PASSES, apply_edits, select_fixes, with_newline
from awesome_lint.github.diff import Hunk, hunk_for
from awesome_lint.github.markup import escape_markdown, suggestion_block
from awesome_lint.linter import LintConfig, lint_document

_FINGERPRINTS = r"([0-9a-f]{16}(?:,[0-9a-f]{16})*)"
FINDING_MARKER = re.compile(r"\A<!-- awesome-lint:finding " + _FINGERPRINTS + " -->")
# A review body starts with its review marker; when it lists findings instead of commenting them
# inline (over the cap, or refused by GitHub), the second line carries their fingerprints.
LISTED_MARKER = re.compile(r"\A<!-- awesome-lint:review [0-9a-f]+ -->\n<!-- awesome-lint:listed " + _FINGERPRINTS + " -->")


class Finding(NamedTuple):
    path: str
    diagnostic: Diagnostic
    fingerprint: str  # stable across pushes: rule, path, entry text (never the line number)
    in_diff: bool  # the finding's line is inside a hunk (RIGHT side)

    @property
    def line(self) -> int:
        return self.diagnostic.location.line


class PlannedComment(NamedTuple):
    """One inline comment: findings on lines ``start_line..line``, optionally a suggestion for them."""

    path: str
    start_line: int | None  # None for a single-line comment
    line: int
    findings: tuple[Finding, ...]
    suggestion: str | None  # replacement for the lines ('\n' line ends), None when not offered

    @property
    def fingerprints(self) -> tuple[str, ...]:
        return tuple(finding.fingerprint for finding in self.findings)

    def body(self) -> str:
        parts = [finding_marker(self.fingerprints)]
        if len(self.findings) == 1:
            parts.append(f"**awesome-lint** · {_describe(self.findings[0].diagnostic)}")
        else:
            parts.append(f"**awesome-lint** found {len(self.findings)} problems here:")
            parts.append("")
            parts.extend(f"- {_describe(finding.diagnostic)}" for finding in self.findings)
        if self.suggestion is not None:
            parts.extend(["", suggestion_block(self.suggestion)])
        return "\n".join(parts)

    def as_review_comment(self) -> dict[str, Any]:
        comment: dict[str, Any] = {"path": self.path, "line": self.line, "side": "RIGHT", "body": self.body()}
        if self.start_line is not None:
            comment["start_line"] = self.start_line
            comment["start_side"] = "RIGHT"
        return comment


class FileAnalysis(NamedTuple):
    path: str
    findings: list[Finding]
    comments: list[PlannedComment]


class Posted(NamedTuple):
    """What earlier runs published on the pull request."""

    comments: frozenset[frozenset[str]] = frozenset()  # fingerprint set of each of our inline comments
    listed: frozenset[str] = frozenset()  # fingerprints listed in our review bodies instead of inline

    def covers(self, fingerprints: Iterable[str]) -> bool:
        """An earlier run published exactly this comment, or listed all its findings in a review body."""
        wanted = frozenset(fingerprints)
        return wanted in self.comments or wanted <= self.listed


def finding_marker(fingerprints: Iterable[str]) -> str:
    return f"<!-- awesome-lint:finding {','.join(fingerprints)} -->"


def listed_marker(fingerprints: Iterable[str]) -> str:
    return f"<!-- awesome-lint:listed {','.join(fingerprints)} -->"


def listed_fingerprints(review_body: str) -> tuple[str, ...]:
    """Fingerprints a review body lists (not inline), from its second-line marker."""
    match = LISTED_MARKER.match(review_body)
    return tuple(match.group(1).split(",")) if match else ()


def marker_fingerprints(body: str) -> tuple[str, ...]:
    """Fingerprints from a comment body's first-line marker (a marker elsewhere is quoted text)."""
    match = FINDING_MARKER.match(body)
    return tuple(match.group(1).split(",")) if match else ()


def _describe(diagnostic: Diagnostic) -> str:
    text = f"`{diagnostic.rule}`: {escape_markdown(diagnostic.message)}"
    fix = diagnostic.fix
    if fix is not None and fix.applicability is Applicability.UNSAFE:
        text += f" (possible fix, review it first: {escape_markdown(fix.message)})"
    return text


# -- fingerprints ----------------------------------------------------------------------------------


def _innermost_entry(entries: list[Entry], starts: list[int], offset: int) -> Entry | None:
    index = bisect_right(starts, offset) - 1
    while index >= 0:
        entry = entries[index]
        if entry.start <= offset <= entry.end:
            return entry
        if entry.parent is None or entry.parent.depth == 0:
            return None  # top-level entries are disjoint: no earlier one encloses the offset
        index -= 1
    return None


def fingerprints(document: Document, diagnostics: list[Diagnostic]) -> list[str]:
    """One fingerprint per diagnostic: sha256 of (rule, path, whitespace-normalised entry text,
    occurrence). The text is the entry holding the finding, else the finding's lines."""
    entries = sorted(document.entries(), key=lambda entry: entry.start)
    starts = [entry.start for entry in entries]
    seen: Counter[tuple[str, str]] = Counter()
    result = []
    for diagnostic in diagnostics:
        entry = _innermost_entry(entries, starts, diagnostic.start)
        if entry is not None:
            text = document.text[entry.start : entry.text_end]
        else:
            first, last = diagnostic.location.line, max(diagnostic.location.line, diagnostic.end_location.line)
            text = document.text[document.line_start(first) : document.line_end(last)]
        key = (diagnostic.rule, " ".join(text.split()))
        seen[key] += 1
        digest = hashlib.sha256("\0".join([key[0], document.path, key[1], str(seen[key])]).encode("utf-8"))
        result.append(digest.hexdigest()[:16])
    return result


# -- suggestions -----------------------------------------------------------------------------------


def fix_lines(document: Document, edits: tuple[Edit, ...]) -> tuple[int, int] | None:
    """Whole lines ``first..last`` that hold every edit (an edit removing a line break takes the
    next line too). None when the edits reach past the last line."""
    low = min(edit.start for edit in edits)
    high = max(edit.end for edit in edits)
    first, last = document.line_of(low), document.line_of(high)
    if high > document.line_end(last):
        last += 1
    if last > document.line_count:
        return None
    return first, last


class _Region(NamedTuple):
    start: int
    end: int


def _restricted_fix(
    document: Document, diagnostics: list[Diagnostic], regions: list[_Region], config: LintConfig
) -> list[str]:
    """`--fix` restricted to ``regions`` (whole lines): safe fixes whose edits all lie in one region,
    applied to a fixed point. Returns each region's final text."""
    text = document.text
    for _ in range(MAX_PASSES):
        candidates = [d for d in diagnostics if d.fix is not None and _region_of(d.fix.edits, regions) is not None]
        chosen = select_fixes(candidates, unsafe=False)
        if not chosen:
            break
        deltas = [0] * len(regions)
        edits: list[Edit] = []
        for diagnostic in chosen:
            assert diagnostic.fix is not None
            index = _region_of(diagnostic.fix.edits, regions)
            assert index is not None
            for edit in diagnostic.fix.edits:
                content = with_newline(edit.content, document.newline)
                edits.append(Edit(edit.start, edit.end, content))
                deltas[index] += len(content) - (edit.end - edit.start)
        text = apply_edits(text, edits)
        shift = 0
        shifted = []
        for region, delta in zip(regions, deltas):
            shifted.append(_Region(region.start + shift, region.end + shift + delta))
            shift += delta
        regions = shifted
        document = build_document(document.path, text, document.bom)
        diagnostics = lint_document(document, config)
    return [text[region.start : region.end] for region in regions]


def _region_of(edits: tuple[Edit, ...], regions: list[_Region]) -> int | None:
    for index, region in enumerate(regions):
        if all(region.start <= edit.start and edit.end <= region.end for edit in edits):
            return index
    return None


# -- planning --------------------------------------------------------------------------------------


class _Cluster:
    def __init__(self, first: int, last: int, finding: Finding, suggests: bool) -> None:
        self.first, self.last = first, last
        self.findings = [finding]
        self.suggests = suggests


def _clusters(document: Document, findings: list[Finding], hunks: list[Hunk]) -> list[_Cluster]:
    """Group in-diff findings whose lines overlap; a group suggests when one of its safe fixes
    stays inside the hunk."""
    spans: list[tuple[int, int, Finding, bool]] = []
    for finding in findings:
        fix = finding.diagnostic.fix
        lines = None
        if fix is not None and fix.applicability is Applicability.SAFE and fix.edits:
            lines = fix_lines(document, fix.edits)
            if lines is not None and hunk_for(hunks, *lines) is None:
                lines = None
        if lines is not None and lines[0] <= finding.line <= lines[1]:
            spans.append((lines[0], lines[1], finding, True))
        else:
            spans.append((finding.line, finding.line, finding, False))
    clusters: list[_Cluster] = []
    for first, last, finding, suggests in sorted(spans, key=lambda span: (span[0], span[1])):
        current = clusters[-1] if clusters else None
        if current is not None and first <= current.last:
            current.last = max(current.last, last)
            current.findings.append(finding)
            current.suggests = current.suggests or suggests
        else:
            clusters.append(_Cluster(first, last, finding, suggests))
    return clusters


def analyse_file(
    path: str,
    text: str,
    hunks: list[Hunk],
    config: LintConfig,
    bom: bool = False,
    plan_comments: bool = True,
    posted: Posted = Posted(),
) -> FileAnalysis:
    """Lint ``text`` (the file at the head commit) and plan its inline comments. Suggestions (which
    re-lint the file) are computed only for comments that ``posted`` does not cover."""
    document = build_document(path, text, bom)
    diagnostics = lint_document(document, config)
    findings = [
        Finding(path, diagnostic, fingerprint, hunk_for(hunks, diagnostic.location.line) is not None)
        for diagnostic, fingerprint in zip(diagnostics, fingerprints(document, diagnostics))
    ]
    if not plan_comments:
        return FileAnalysis(path, findings, [])
    clusters = _clusters(document, [f for f in findings if f.in_diff], hunks)
    suggesting = [
        cluster for cluster in clusters
        if cluster.suggests and not posted.covers(f.fingerprint for f in cluster.findings)
    ]
    regions = [
        _Region(document.line_start(cluster.first), document.line_end(cluster.last)) for cluster in suggesting
    ]
    replacements = dict(zip(map(id, suggesting), _restricted_fix(document, diagnostics, regions, config)))
    comments = []
    for cluster in clusters:
        suggestion = None
        if id(cluster) in replacements:
            original = document.text[document.line_start(cluster.first) : document.line_end(cluster.last)]
            replacement = replacements[id(cluster)]
            if replacement != original:
                suggestion = replacement.replace("\r\n", "\n")
        start_line = cluster.first if cluster.first < cluster.last else None
        comments.append(PlannedComment(path, start_line, cluster.last, tuple(cluster.findings), suggestion))
    return FileAnalysis(path, findings, comments)
