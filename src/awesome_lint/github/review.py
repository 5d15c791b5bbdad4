"""Map one file's findings onto its diff: fingerprints, inline comments, suggestion blocks.

Pure functions over the engine's output; nothing here talks to GitHub.
"""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_right
from collections import Counter
from typing import TYPE_CHECKING, Any, Iterable, NamedTuple

from awesome_lint.diagnostics import Applicability, Diagnostic, Edit
from awesome_lint.document.build import build_document
from awesome_lint.document.model import Document, Entry
from awesome_lint.fix import MAX_PASSES, apply_edits, fix_applies, select_fixes, with_newline
from awesome_lint.github.diff import Hunk, hunk_for, touches_added
from awesome_lint.github.markup import escape_markdown, fits, suggestion_block
from awesome_lint.linter import LintConfig, lint_document

if TYPE_CHECKING:
    from awesome_lint.facts import OnlineFacts
    from awesome_lint.github.online import FactsFor

_FINGERPRINTS = r"([0-9a-f]{16}(?:,[0-9a-f]{16})*)"
# The optional `s=` digest names the suggestion the comment carries: a changed suggestion for the
# same findings replaces the comment.
FINDING_MARKER = re.compile(r"\A<!-- awesome-lint:finding " + _FINGERPRINTS + r"(?: s=([0-9a-f]{12}))? -->")
# A review body starts with its review marker; when it lists findings instead of commenting them
# inline (over the cap, or refused by GitHub), the second line carries their fingerprints.
LISTED_MARKER = re.compile(r"\A<!-- awesome-lint:review [0-9a-f]+ -->\n<!-- awesome-lint:listed " + _FINGERPRINTS + " -->")
SUGGESTION_TOO_LONG = (
    "The suggested change is too long for a comment: run `awesome-lint --fix` locally to apply it."
)


class Finding(NamedTuple):
    path: str
    diagnostic: Diagnostic
    fingerprint: str  # stable across pushes and renames: rule, base path, entry text (never the line number)
    changed: bool  # the change added or edited one of its lines, or a line its fix rewrites (in one hunk)

    @property
    def line(self) -> int:
        return self.diagnostic.location.line

    @property
    def safe_fix(self) -> bool:
        """It has a fix that `--fix` applies (no `--unsafe-fixes` needed)."""
        return fix_applies(self.diagnostic.fix, unsafe=False)


class CommentKey(NamedTuple):
    """What identifies an inline comment across runs: its findings and the suggestion it shows."""

    fingerprints: frozenset[str]
    suggestion: str  # digest of the suggestion, "" for none


class PlannedComment(NamedTuple):
    """One inline comment: findings on lines ``start_line..line``, optionally a suggestion for them."""

    path: str
    start_line: int | None  # None for a single-line comment
    line: int
    findings: tuple[Finding, ...]
    suggestion: str | None  # replacement for the lines ('\n' line ends), None when not offered
    suggestion_too_long: bool = False  # a suggestion was computed but would not fit in a comment

    @property
    def fingerprints(self) -> tuple[str, ...]:
        return tuple(finding.fingerprint for finding in self.findings)

    @property
    def key(self) -> CommentKey:
        return CommentKey(frozenset(self.fingerprints), suggestion_digest(self.suggestion))

    def body(self) -> str:
        parts = [finding_marker(self.fingerprints, self.key.suggestion)]
        if len(self.findings) == 1:
            parts.append(f"**awesome-lint** · {_describe(self.findings[0].diagnostic)}")
        else:
            parts.append(f"**awesome-lint** found {len(self.findings)} problems here:")
            parts.append("")
            parts.extend(f"- {_describe(finding.diagnostic)}" for finding in self.findings)
        if self.suggestion is not None:
            parts.extend(["", suggestion_block(self.suggestion)])
        elif self.suggestion_too_long:
            parts.extend(["", SUGGESTION_TOO_LONG])
        return "\n".join(parts)

    def as_review_comment(self) -> dict[str, Any]:
        comment: dict[str, Any] = {"path": self.path, "line": self.line, "side": "RIGHT", "body": self.body()}
        if self.start_line is not None:
            comment["start_line"] = self.start_line
            comment["start_side"] = "RIGHT"
        return comment


class Unreadable(NamedTuple):
    """Why a file could not be checked (not UTF-8, NUL bytes, a bare CR), and where."""

    line: int | None
    column: int | None
    message: str

    def __str__(self) -> str:
        where = "" if self.line is None else f"line {self.line}" + ("" if self.column is None else f" column {self.column}")
        return f"{where}: {self.message}" if where else self.message


class FileAnalysis(NamedTuple):
    path: str
    findings: list[Finding]
    comments: list[PlannedComment]
    unreadable: Unreadable | None = None  # set when the file could not be checked (nothing else is)
    text: str = ""  # the text the findings are in ("" when unreadable)


class Posted(NamedTuple):
    """What earlier runs published on the pull request."""

    comments: frozenset[CommentKey] = frozenset()  # each of our inline comments that is not outdated
    listed: frozenset[str] = frozenset()  # fingerprints listed in our review bodies instead of inline

    def covers(self, comment: PlannedComment) -> bool:
        """An earlier run published exactly this comment, or listed all its findings in a review body."""
        return comment.key in self.comments or comment.key.fingerprints <= self.listed


def suggestion_digest(suggestion: str | None) -> str:
    return "" if suggestion is None else hashlib.sha256(suggestion.encode("utf-8")).hexdigest()[:12]


def finding_marker(fingerprints: Iterable[str], suggestion: str = "") -> str:
    digest = f" s={suggestion}" if suggestion else ""
    return f"<!-- awesome-lint:finding {','.join(fingerprints)}{digest} -->"


def listed_marker(fingerprints: Iterable[str]) -> str:
    return f"<!-- awesome-lint:listed {','.join(fingerprints)} -->"


def listed_fingerprints(review_body: str) -> tuple[str, ...]:
    """Fingerprints a review body lists (not inline), from its second-line marker."""
    match = LISTED_MARKER.match(review_body)
    return tuple(match.group(1).split(",")) if match else ()


def comment_key(body: str) -> CommentKey | None:
    """The key in a comment body's first-line marker (a marker elsewhere is quoted text)."""
    match = FINDING_MARKER.match(body)
    return CommentKey(frozenset(match.group(1).split(",")), match.group(2) or "") if match else None


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


def fingerprints(document: Document, diagnostics: list[Diagnostic], path: str | None = None) -> list[str]:
    """One fingerprint per diagnostic: sha256 of (rule, path, whitespace-normalised entry text,
    occurrence). The text is the entry holding the finding, else the finding's lines. ``path``
    (default the document's) is the file's path at the base, so that a rename changes nothing."""
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
        digest = hashlib.sha256("\0".join([key[0], path or document.path, key[1], str(seen[key])]).encode("utf-8"))
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
    document: Document, diagnostics: list[Diagnostic], regions: list[_Region], config: LintConfig,
    online: OnlineFacts | None = None,
) -> list[str]:
    """`--fix` restricted to ``regions`` (whole lines): safe fixes whose edits all lie in one region,
    applied to a fixed point. Returns each region's final text. ``online``: the facts the first
    lint had (a URL a fix rewrote is not in them, so its finding is gone)."""
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
        diagnostics = lint_document(document, config, online=online)
    return [text[region.start : region.end] for region in regions]


def _region_of(edits: tuple[Edit, ...], regions: list[_Region]) -> int | None:
    """The region holding every edit; ``regions`` are disjoint and in text order."""
    index = bisect_right(regions, min(edit.start for edit in edits), key=lambda region: region.start) - 1
    if index < 0:
        return None
    region = regions[index]
    return index if all(region.start <= edit.start and edit.end <= region.end for edit in edits) else None


# -- planning --------------------------------------------------------------------------------------


class _Cluster:
    def __init__(self, first: int, last: int, finding: Finding, suggests: bool) -> None:
        self.first, self.last = first, last
        self.findings = [finding]
        self.suggests = suggests


def _fix_lines_in_a_hunk(document: Document, diagnostic: Diagnostic, hunks: list[Hunk]) -> tuple[int, int] | None:
    fix = diagnostic.fix
    if fix is None or not fix.edits:
        return None
    lines = fix_lines(document, fix.edits)
    return lines if lines is not None and hunk_for(hunks, *lines) is not None else None


def _is_changed(document: Document, diagnostic: Diagnostic, hunks: list[Hunk]) -> bool:
    """The change added or edited a line of the finding, or a line its fix rewrites. Context lines
    around a change do not count: an old problem next to a new entry is not the new entry's."""
    line = diagnostic.location.line
    if touches_added(hunks, line, max(line, diagnostic.end_location.line)):
        return True
    lines = _fix_lines_in_a_hunk(document, diagnostic, hunks)
    return lines is not None and touches_added(hunks, *lines)


def _clusters(document: Document, findings: list[Finding], hunks: list[Hunk]) -> list[_Cluster]:
    """Group changed findings whose lines overlap; a group suggests when one of its safe fixes
    stays inside a hunk (a suggestion may span context lines). A finding whose line is outside
    every hunk and whose fix is not in one cannot be commented inline."""
    spans: list[tuple[int, int, Finding, bool]] = []
    for finding in findings:
        lines = _fix_lines_in_a_hunk(document, finding.diagnostic, hunks) if finding.safe_fix else None
        if lines is not None and lines[0] <= finding.line <= lines[1]:
            spans.append((lines[0], lines[1], finding, True))
        elif hunk_for(hunks, finding.line) is not None:
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


def _suggestion(document: Document, cluster: _Cluster, replacement: str) -> str | None:
    """The replacement for the cluster's lines, None when it changes nothing. A suggestion replaces
    whole lines and cannot add a final newline: the one a fix adds at the end is left out."""
    end = document.line_end(cluster.last)
    if end == len(document.text) and replacement.endswith("\n"):
        replacement = replacement[:-1].removesuffix("\r")
    if replacement == document.text[document.line_start(cluster.first) : end]:
        return None
    return replacement.replace("\r\n", "\n")


def _comment(path: str, cluster: _Cluster, suggestion: str | None) -> PlannedComment:
    start_line = cluster.first if cluster.first < cluster.last else None
    comment = PlannedComment(path, start_line, cluster.last, tuple(cluster.findings), suggestion)
    if suggestion is not None and not fits(comment.body()):
        # One oversized comment would make GitHub refuse the whole review: keep the comment.
        comment = comment._replace(suggestion=None, suggestion_too_long=True)
    return comment


def analyse_file(
    path: str,
    text: str,
    hunks: list[Hunk],
    config: LintConfig,
    bom: bool = False,
    plan_comments: bool = True,
    base_path: str | None = None,
    online: FactsFor | None = None,
) -> FileAnalysis:
    """Lint ``text`` (the file at the head commit) and plan its inline comments. ``base_path`` is
    the file's path before a rename (fingerprints use it); ``online`` gives the online facts for
    the document and its hunks (None: the online rules stay silent)."""
    document = build_document(path, text, bom)
    facts = None if online is None else online(document, hunks)
    diagnostics = lint_document(document, config, online=facts)
    findings = [
        Finding(path, diagnostic, fingerprint, _is_changed(document, diagnostic, hunks))
        for diagnostic, fingerprint in zip(diagnostics, fingerprints(document, diagnostics, base_path))
    ]
    if not plan_comments:
        return FileAnalysis(path, findings, [], text=text)
    clusters = _clusters(document, [f for f in findings if f.changed], hunks)
    suggesting = [cluster for cluster in clusters if cluster.suggests]
    regions = [
        _Region(document.line_start(cluster.first), document.line_end(cluster.last)) for cluster in suggesting
    ]
    replacements = dict(zip(map(id, suggesting), _restricted_fix(document, diagnostics, regions, config, facts)))
    comments = []
    for cluster in clusters:
        replacement = replacements.get(id(cluster))
        suggestion = None if replacement is None else _suggestion(document, cluster, replacement)
        comments.append(_comment(path, cluster, suggestion))
    return FileAnalysis(path, findings, comments, text=text)
