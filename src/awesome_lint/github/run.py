"""One run of the Action: lint, report (annotations, job summary, outputs), publish the review."""

from __future__ import annotations

import re
import secrets
import sys
from enum import Enum
from pathlib import Path
from typing import Callable, Iterable, NamedTuple

from awesome_lint.diagnostics import FatalError, Severity
from awesome_lint.document.load import decode_markdown, read_bytes
from awesome_lint.github.client import (
    COMPARE_FILE_CAP,
    ApiError,
    ChangedFile,
    Comparison,
    GitHubApi,
    PostedComment,
    PullInfo,
    Unprocessable,
    WriteForbidden,
)
from awesome_lint.github.diff import Hunk, diff_hunks, parse_patch, whole_file
from awesome_lint.github.event import PullRequestEvent, RunEnvironment, WorkspaceEvent
from awesome_lint.github.health_report import ReportItem, ReportPlace, keep_report, report_body, report_items
from awesome_lint.github.markup import log_safe
from awesome_lint.github.online import FactsFor, OnlineMode, RunFacts
from awesome_lint.github.review import CommentKey, FileAnalysis, PlannedComment, Posted, Unreadable, analyse_file
from awesome_lint.github.summary import (
    SUMMARY_MARKER,
    Published,
    job_summary,
    recordable,
    review_body,
    review_marker,
    summary_comment,
)
from awesome_lint.linter import LintConfig
from awesome_lint.report.github import annotation, workflow_command

MAX_INLINE_COMMENTS = 30
RESOLVED_MARKER = "<!-- awesome-lint:resolved -->"
# Runs with no change to look at: with online checks on, they check every link and keep the
# "Link health report" issue.
SCHEDULED_EVENTS = ("schedule", "workflow_dispatch")


class FailOn(str, Enum):
    CHANGED = "changed"
    ALL = "all"
    NEVER = "never"


class Options(NamedTuple):
    files: tuple[str, ...] = ("README.md",)
    fail_on: FailOn = FailOn.CHANGED
    config: Path | None = None
    max_comments: int = MAX_INLINE_COMMENTS
    config_from_base: bool = False  # pull requests: the config at the base commit, not the checkout's
    online: OnlineMode = OnlineMode.ADDED


class Console:
    """Everything printed to the job log goes through here, one line at a time."""

    def __init__(self, write: Callable[[str], None] | None = None) -> None:
        self._write = write or (lambda line: print(line, file=sys.stdout, flush=True))

    def line(self, text: str) -> None:
        self._write(log_safe(text))

    def command(self, text: str) -> None:
        self._write(text)  # already escaped by workflow_command / annotation

    def notice(self, message: str) -> None:
        self.command(workflow_command("notice", message))

    def warning(self, message: str) -> None:
        self.command(workflow_command("warning", message))


# -- files -----------------------------------------------------------------------------------------


def _glob_regex(pattern: str) -> re.Pattern[str]:
    """`**/` any directories, `*` and `?` within one path segment, `[...]` a character class."""
    out, index = [], 0
    while index < len(pattern):
        char = pattern[index]
        if pattern.startswith("**/", index):
            out.append("(?:.*/)?")
            index += 3
            continue
        if pattern.startswith("**", index):
            out.append(".*")
            index += 2
            continue
        if char == "*":
            out.append("[^/]*")
        elif char == "?":
            out.append("[^/]")
        elif char == "[" and "]" in pattern[index + 1 :]:
            end = pattern.index("]", index + 1)
            body = pattern[index + 1 : end].replace("\\", "\\\\")
            out.append("[^" + body[1:] + "]" if body.startswith("!") else "[" + body + "]")
            index = end
        else:
            out.append(re.escape(char))
        index += 1
    return re.compile("".join(out))


def parse_patterns(value: str) -> tuple[str, ...]:
    """Patterns separated by newlines or commas (how `files:` is written in a workflow)."""
    patterns = tuple(part.strip() for part in re.split(r"[\n,]", value) if part.strip())
    return patterns or ("README.md",)


def _relative(pattern: str) -> str:
    """`./a.md` and `/a.md` name `a.md` in the repository (only the prefix goes: `./.github/x` keeps its dot)."""
    while pattern.startswith("./"):
        pattern = pattern.removeprefix("./")
    return pattern.lstrip("/")


def matches(path: str, patterns: Iterable[str]) -> bool:
    return any(_glob_regex(_relative(pattern)).fullmatch(path) for pattern in patterns)


def workspace_files(workspace: Path, patterns: Iterable[str]) -> list[str]:
    patterns = tuple(patterns)
    found = []
    for path in sorted(workspace.rglob("*")):
        relative = path.relative_to(workspace).as_posix()
        if relative.startswith(".git/") or not path.is_file():
            continue
        if matches(relative, patterns):
            found.append(relative)
    return found


# -- reporting -------------------------------------------------------------------------------------


def print_annotations(console: Console, analyses: list[FileAnalysis], fail_on: FailOn) -> None:
    """Unreadable files and changed findings first (GitHub shows only 10 annotations of each level
    per step). With fail-on=changed, other findings are notices: they are not this change's fault."""
    for analysis in analyses:
        if analysis.unreadable is not None:
            console.command(unreadable_annotation(analysis.path, analysis.unreadable))
    findings = [f for a in analyses for f in a.findings]
    for finding in sorted(findings, key=lambda f: not f.changed):
        level = None if finding.changed or fail_on is FailOn.ALL else "notice"
        console.command(annotation(finding.path, finding.diagnostic, level))


def unreadable_annotation(path: str, unreadable: Unreadable) -> str:
    where: dict[str, str | int] = {"file": path}
    if unreadable.line is not None:
        where["line"] = unreadable.line
    if unreadable.column is not None:
        where["col"] = unreadable.column
    return workflow_command("error", unreadable.message, **where, title="awesome-lint")


def exit_code(analyses: list[FileAnalysis], fail_on: FailOn) -> int:
    """1 when an error-severity finding counts under ``fail_on``, or a list could not be read;
    warnings never fail the step."""
    if fail_on is FailOn.NEVER:
        return 0
    for analysis in analyses:
        if analysis.unreadable is not None:
            return 1
        for finding in analysis.findings:
            if finding.diagnostic.severity is Severity.ERROR and (finding.changed or fail_on is FailOn.ALL):
                return 1
    return 0


def write_outputs(env: RunEnvironment, analyses: list[FileAnalysis]) -> None:
    total = sum(len(a.findings) for a in analyses)
    changed = sum(1 for a in analyses for f in a.findings if f.changed)
    if env.output is not None:
        with env.output.open("a", encoding="utf-8") as handle:
            handle.write(f"findings={total}\nfindings-changed={changed}\n")


def write_job_summary(env: RunEnvironment, text: str) -> None:
    if env.step_summary is not None:
        with env.step_summary.open("a", encoding="utf-8") as handle:
            handle.write(text)


# -- pull requests ---------------------------------------------------------------------------------


def unreadable(path: str, error: FatalError) -> Unreadable:
    """``path:line:column: message`` (how decode_markdown words it) as an Unreadable."""
    match = re.fullmatch(r"(\d+)(?::(\d+))?: (.*)", str(error).removeprefix(f"{path}:").lstrip(), re.S)
    if match is None:
        return Unreadable(None, None, str(error).removeprefix(f"{path}: "))
    column = int(match.group(2)) if match.group(2) else None
    return Unreadable(int(match.group(1)), column, match.group(3))


def analyse_bytes(
    path: str, data: bytes, hunks: Callable[[str], list[Hunk]], config: LintConfig, plan_comments: bool,
    base_path: str | None = None, online: FactsFor | None = None,
) -> FileAnalysis:
    """Lint one file; a file that is not UTF-8 Markdown is reported, not fatal to the run."""
    try:
        text, bom = decode_markdown(path, data)
    except FatalError as error:
        return FileAnalysis(path, [], [], unreadable(path, error))
    return analyse_file(path, text, hunks(text), config, bom, plan_comments, base_path, online)


class _PullRequestFiles:
    """Changed lines of a pull request's files; a missing `patch` is rebuilt from the file at the
    merge base (one `compare` call, made only when needed)."""

    def __init__(self, api: GitHubApi, base_sha: str, head_sha: str) -> None:
        self._api, self._base_sha, self._head_sha = api, base_sha, head_sha
        self._merge_base: str | None = None

    def hunks(self, changed: ChangedFile, head_text: str) -> list[Hunk]:
        if changed.patch is not None:
            return parse_patch(changed.patch)
        if changed.status == "added":
            return whole_file(head_text)
        if self._merge_base is None:
            self._merge_base = self._api.compare(self._base_sha, self._head_sha).merge_base
        base_text = self._api.file_bytes(changed.base_path, self._merge_base).decode("utf-8", "replace")
        return diff_hunks(base_text, head_text)


def lint_pull_request(
    api: GitHubApi, event: PullRequestEvent, files: list[ChangedFile], config: LintConfig,
    online: FactsFor | None = None,
) -> list[FileAnalysis]:
    head_sha = event.pull_request.head.sha
    diffs = _PullRequestFiles(api, event.pull_request.base.sha, head_sha)
    analyses = []
    for changed in files:
        data = api.file_bytes(changed.path, head_sha)
        analyses.append(analyse_bytes(
            changed.path, data, lambda text, changed=changed: diffs.hunks(changed, text), config, True, changed.base_path,
            online,
        ))
    return analyses


def _post_review(
    api: GitHubApi, number: int, head_sha: str, analyses: list[FileAnalysis], new: list[PlannedComment],
    cap: int, console: Console,
) -> tuple[int, int]:
    """Post ONE review; on 422 post it again without inline comments. Returns (inline, listed).

    Listed comments are recorded as posted, except after a 422 for size: then nothing was shown
    as GitHub would show it, and the next run tries again."""
    inline, listed = new[:cap], recordable(new[cap:])
    marker = review_marker(secrets.token_hex(8))
    try:
        api.create_review(
            number, head_sha, review_body(marker, analyses, inline, listed), marker,
            [comment.as_review_comment() for comment in inline],
        )
        return len(inline), len(listed)
    except Unprocessable as error:
        console.warning(f"GitHub refused the inline comments ({error}); posting the review without them")
        refused_for_size = "too long" in str(error)
    listed = recordable(new)
    marker = review_marker(secrets.token_hex(8))
    body = review_body(marker, analyses, [], listed, record_listed=not refused_for_size)
    api.create_review(number, head_sha, body, marker, [])
    return 0, len(listed)


def publish(
    api: GitHubApi, number: int, head_sha: str, analyses: list[FileAnalysis], existing: list[PostedComment],
    listed: frozenset[str], options: Options, console: Console,
) -> Published:
    """Comments are matched by their exact set of fingerprints: an earlier comment stays when this
    run plans the same comment, else it goes (deleted, or marked resolved when someone replied);
    a planned comment is posted unless an earlier run posted it or listed all its findings in a
    review body. A review is posted only when something is new."""
    planned = [comment for analysis in analyses for comment in analysis.comments]
    posted = posted_before(existing, listed)
    new = [comment for comment in planned if not posted.covers(comment)]
    inline = not_inline = 0
    if new:
        inline, not_inline = _post_review(api, number, head_sha, analyses, new, options.max_comments, console)
    planned_keys = {comment.key for comment in planned}
    kept: set[CommentKey] = set()
    stale = []
    for comment in existing:
        if comment.key in planned_keys and comment.key not in kept and not comment.outdated:
            kept.add(comment.key)
        else:
            stale.append(comment)  # its findings or suggestion changed, outdated, or a duplicate of a kept comment
    for comment in stale:
        if comment.has_replies:
            # Keep the conversation: mark the comment resolved instead of deleting the thread's root.
            body = f"{RESOLVED_MARKER}\n~~awesome-lint~~ this finding is gone as of `{head_sha[:7]}`."
            api.edit_review_comment(number, comment.id, body)
        else:
            api.delete_review_comment(number, comment.id)
    current = {f.fingerprint for a in analyses for f in a.findings if f.changed}
    resolved = {fingerprint for comment in stale for fingerprint in comment.fingerprints} - current
    result = Published(inline, len(planned) - len(new), not_inline, len(resolved))
    body = summary_comment(analyses, head_sha, result)
    summary = api.comment_with_marker(number, SUMMARY_MARKER)
    if summary is not None:
        if summary.body != body:
            api.edit_issue_comment(number, summary.id, body)
    elif any(a.findings for a in analyses):
        api.create_issue_comment(number, body, SUMMARY_MARKER)
    return result


def posted_before(existing: list[PostedComment], listed: frozenset[str]) -> Posted:
    """An outdated comment (its lines changed; GitHub hides it and its suggestion no longer
    applies) does not count as posted."""
    return Posted(frozenset(comment.key for comment in existing if not comment.outdated), listed)


def _newer_head(pull: PullInfo, env: RunEnvironment, number: int, head_sha: str, console: Console) -> bool:
    """The pull request moved on since this event: the run for the newer commit reports."""
    if pull.head_sha == head_sha:
        return False
    notice = f"pull request #{number} has a newer commit ({pull.head_sha[:7]}): not checking {head_sha[:7]}"
    console.notice(notice)
    write_job_summary(env, f"## awesome-lint\n\n> {notice}\n")
    return True


def run_pull_request(
    env: RunEnvironment, event: PullRequestEvent, options: Options, config: LintConfig, api: GitHubApi,
    console: Console, online: FactsFor | None = None,
) -> int:
    number, head_sha = event.pull_request.number, event.pull_request.head.sha
    # The files' patches would come from a newer head and the text from this event's head: nothing
    # computed from them would be right. Checked before and again after listing the files.
    pull = api.pull(number)
    if _newer_head(pull, env, number, head_sha, console):
        return 0
    existing = api.our_review_comments(number)
    listed = api.our_listed_fingerprints(number)
    files = [
        changed for changed in api.changed_files(number)
        if changed.status != "removed" and matches(changed.path, options.files)
    ]
    if files and _newer_head(api.pull(number), env, number, head_sha, console):
        return 0
    analyses = lint_pull_request(api, event, files, config, online)
    print_annotations(console, analyses, options.fail_on)
    notice = None
    if pull.state != "open":
        notice = f"pull request #{number} is {pull.state}: not commenting"
    else:
        try:
            published = publish(api, number, head_sha, analyses, existing, listed, options, console)
            console.line(
                f"awesome-lint: {published.inline} inline comments posted, {published.already} already posted, "
                f"{published.not_inline} listed in the review body, {published.resolved} resolved"
            )
        except WriteForbidden as error:
            notice = (
                f"awesome-lint cannot comment on this pull request ({error}); a pull request from a fork gets "
                "a read-only token. Findings are shown as annotations and in the job summary."
            )
        except ApiError as error:
            console.warning(f"awesome-lint could not post its review: {error}")
            notice = "the review could not be posted; findings are shown as annotations and in the job summary"
    if notice:
        console.notice(notice)
    write_job_summary(env, job_summary(analyses, head_sha, notice, pull_request=True))
    write_outputs(env, analyses)
    return exit_code(analyses, options.fail_on)


# -- push, merge queue, manual and scheduled runs ----------------------------------------------


class _WorkspaceChanges:
    """Changed lines of the checked-out files, from `compare` base...head. Unknown (no base, no
    token, the comparison failed): every line counts as changed."""

    def __init__(self, api: GitHubApi | None, event: WorkspaceEvent, console: Console) -> None:
        self._api, self._comparison = api, None
        self._listed: dict[str, ChangedFile] = {}
        if api is None or event.base is None:
            return
        try:
            self._comparison = api.compare(event.base, event.head)
        except ApiError as error:
            console.warning(f"cannot tell which lines changed ({error}); every line counts as changed")
            return
        self._listed = {changed.path: changed for changed in self._comparison.files}
        if self._comparison.capped:
            console.warning(
                f"the comparison lists {COMPARE_FILE_CAP} files, GitHub's cap: a checked file it does not list "
                "counts as entirely changed"
            )

    def hunks(self, path: str, text: str) -> list[Hunk]:
        comparison: Comparison | None = self._comparison
        changed = self._listed.get(path)
        if comparison is None or (changed is None and comparison.capped):
            return whole_file(text)
        if changed is None:
            return []
        if changed.patch is not None:
            return parse_patch(changed.patch)
        if changed.status == "added" or self._api is None:
            return whole_file(text)
        base = self._api.file_bytes(changed.base_path, comparison.merge_base).decode("utf-8", "replace")
        return diff_hunks(base, text)


def run_workspace(
    env: RunEnvironment, event: WorkspaceEvent, options: Options, config: LintConfig, api: GitHubApi | None,
    console: Console, online: RunFacts | None = None,
) -> int:
    paths = workspace_files(env.workspace, options.files)
    if not paths:
        raise FatalError(
            f"no file in {env.workspace} matches {', '.join(options.files)}: check out the repository first "
            "(actions/checkout)"
        )
    changes = _WorkspaceChanges(api, event, console)  # fail-on decides the exit code only
    files = {path: read_bytes(str(env.workspace / path)) for path in paths}
    analyses = [
        analyse_bytes(path, data, lambda text, path=path: changes.hunks(path, text), config, plan_comments=False,
                      online=online)
        for path, data in files.items()
    ]
    print_annotations(console, analyses, options.fail_on)
    summary = job_summary(analyses, event.head, None, pull_request=False)
    if online is not None and event.name in SCHEDULED_EVENTS:
        summary += "\n" + update_health_report(env, event, api, analyses, console, online.complete) + "\n"
    write_job_summary(env, summary)
    write_outputs(env, analyses)
    return exit_code(analyses, options.fail_on)


# -- the scheduled "Link health report" --------------------------------------------------------


def health_report_items(analyses: list[FileAnalysis]) -> list[ReportItem]:
    return [item for analysis in analyses for item in report_items(analysis.path, analysis.text, analysis.findings)]


def update_health_report(
    env: RunEnvironment, event: WorkspaceEvent, api: GitHubApi | None, analyses: list[FileAnalysis],
    console: Console, checks_complete: bool = True,
) -> str:
    """Keep the one "Link health report" issue up to date; returns the job summary's line about it.
    Missing permissions and disabled issues are a warning, never a failed run. When some checks
    could not run (no token, GitHub's API down), an open report is not closed."""
    if api is None:
        console.warning("awesome-lint could not update the Link health report: it needs a token and GITHUB_REPOSITORY")
        return "**Link health report**: not updated (no token)."
    items = health_report_items(analyses)
    body = report_body(items, ReportPlace(env.server_url, event.repository, event.head)) if items else None
    try:
        done = keep_report(api, body, event.head, checks_complete)
    except ApiError as error:
        remedy = _health_report_remedy(error)
        console.warning(f"awesome-lint could not update the Link health report ({error}): {remedy}")
        return f"**Link health report**: not updated: {remedy}."
    console.line(f"awesome-lint: Link health report: {done}")
    return f"**Link health report**: {done}."


def _health_report_remedy(error: ApiError) -> str:
    if error.status == 403:  # "Resource not accessible by integration": the job lacks the permission
        return "add `issues: write` to the job's `permissions:`"
    if error.status == 410:
        return "issues are disabled in this repository (enable them in its settings)"
    return "see the warning in the log"
