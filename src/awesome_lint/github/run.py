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
    ApiError,
    ChangedFile,
    GitHubApi,
    PostedComment,
    Unprocessable,
    WriteForbidden,
)
from awesome_lint.github.diff import Hunk, parse_patch
from awesome_lint.github.event import NULL_SHA, PullRequestEvent, PushEvent, RunEnvironment
from awesome_lint.github.markup import log_safe
from awesome_lint.github.review import FileAnalysis, PlannedComment, Posted, analyse_file
from awesome_lint.github.summary import (
    SUMMARY_MARKER,
    Published,
    job_summary,
    review_body,
    review_marker,
    summary_comment,
)
from awesome_lint.linter import LintConfig
from awesome_lint.report.github import annotation, workflow_command

MAX_INLINE_COMMENTS = 30
RESOLVED_MARKER = "<!-- awesome-lint:resolved -->"


class FailOn(str, Enum):
    CHANGED = "changed"
    ALL = "all"
    NEVER = "never"


class Options(NamedTuple):
    files: tuple[str, ...] = ("README.md",)
    fail_on: FailOn = FailOn.CHANGED
    config: Path | None = None
    max_comments: int = MAX_INLINE_COMMENTS


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
    """Findings in the diff first (GitHub shows only 10 annotations of each level per step).
    With fail-on=changed, findings outside the diff are notices: they are not this change's fault."""
    findings = [f for a in analyses for f in a.findings]
    for finding in sorted(findings, key=lambda f: not f.in_diff):
        level = None if finding.in_diff or fail_on is FailOn.ALL else "notice"
        console.command(annotation(finding.path, finding.diagnostic, level))


def exit_code(analyses: list[FileAnalysis], fail_on: FailOn) -> int:
    """1 when an error-severity finding counts under ``fail_on``; warnings never fail the step."""
    if fail_on is FailOn.NEVER:
        return 0
    for analysis in analyses:
        for finding in analysis.findings:
            if finding.diagnostic.severity is Severity.ERROR and (finding.in_diff or fail_on is FailOn.ALL):
                return 1
    return 0


def write_outputs(env: RunEnvironment, analyses: list[FileAnalysis]) -> None:
    total = sum(len(a.findings) for a in analyses)
    changed = sum(1 for a in analyses for f in a.findings if f.in_diff)
    if env.output is not None:
        with env.output.open("a", encoding="utf-8") as handle:
            handle.write(f"findings={total}\nfindings-changed={changed}\n")


def write_job_summary(env: RunEnvironment, text: str) -> None:
    if env.step_summary is not None:
        with env.step_summary.open("a", encoding="utf-8") as handle:
            handle.write(text)


# -- pull requests ---------------------------------------------------------------------------------


def lint_pull_request(
    api: GitHubApi, number: int, head_sha: str, options: Options, config: LintConfig,
    posted: Posted = Posted(),
) -> list[FileAnalysis]:
    analyses = []
    for changed in api.changed_files(number):
        if changed.status == "removed" or not matches(changed.path, options.files):
            continue
        text, bom = decode_markdown(changed.path, api.file_bytes(changed.path, head_sha))
        hunks = parse_patch(changed.patch)
        analyses.append(analyse_file(changed.path, text, hunks, config, bom, posted=posted))
    return analyses


def _post_review(
    api: GitHubApi, number: int, head_sha: str, analyses: list[FileAnalysis], new: list[PlannedComment],
    cap: int, console: Console,
) -> tuple[int, int]:
    """Post ONE review; on 422 post it again without inline comments. Returns (inline, listed)."""
    inline, listed = new[:cap], new[cap:]
    marker = review_marker(secrets.token_hex(8))
    try:
        api.create_review(
            number, head_sha, review_body(marker, analyses, inline, listed), marker,
            [comment.as_review_comment() for comment in inline],
        )
        return len(inline), len(listed)
    except Unprocessable as error:
        console.warning(f"GitHub refused the inline comments ({error}); posting the review without them")
    marker = review_marker(secrets.token_hex(8))
    api.create_review(number, head_sha, review_body(marker, analyses, [], new), marker, [])
    return 0, len(new)


def publish(
    api: GitHubApi, number: int, head_sha: str, analyses: list[FileAnalysis], existing: list[PostedComment],
    listed: frozenset[str], options: Options, console: Console,
) -> Published:
    """Comments are matched by their exact set of fingerprints: an earlier comment stays when this
    run plans the same comment, else it goes (deleted, or marked resolved when someone replied);
    a planned comment is posted unless an earlier run posted it or listed all its findings in a
    review body. A review is posted only when something is new."""
    planned = [comment for analysis in analyses for comment in analysis.comments]
    posted = Posted(frozenset(frozenset(comment.fingerprints) for comment in existing), listed)
    new = [comment for comment in planned if not posted.covers(comment.fingerprints)]
    inline = not_inline = 0
    if new:
        inline, not_inline = _post_review(api, number, head_sha, analyses, new, options.max_comments, console)
    planned_sets = {frozenset(comment.fingerprints) for comment in planned}
    kept: set[frozenset[str]] = set()
    stale = []
    for comment in existing:
        fingerprints = frozenset(comment.fingerprints)
        if fingerprints in planned_sets and fingerprints not in kept:
            kept.add(fingerprints)
        else:
            stale.append(comment)  # its findings changed, or a duplicate of a kept comment
    for comment in stale:
        if comment.has_replies:
            # Keep the conversation: mark the comment resolved instead of deleting the thread's root.
            body = f"{RESOLVED_MARKER}\n~~awesome-lint~~ this finding is gone as of `{head_sha[:7]}`."
            api.edit_review_comment(number, comment.id, body)
        else:
            api.delete_review_comment(number, comment.id)
    current = {f.fingerprint for a in analyses for f in a.findings if f.in_diff}
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


def run_pull_request(
    env: RunEnvironment, event: PullRequestEvent, options: Options, config: LintConfig, api: GitHubApi,
    console: Console,
) -> int:
    number, head_sha = event.pull_request.number, event.pull_request.head.sha
    pull = api.pull(number)
    if pull.head_sha != head_sha:
        # The files' patches would come from the newer head and the text from this event's head:
        # nothing computed from them would be right. The run for the newer commit reports.
        notice = f"pull request #{number} has a newer commit ({pull.head_sha[:7]}): not checking {head_sha[:7]}"
        console.notice(notice)
        write_job_summary(env, f"## awesome-lint\n\n> {notice}\n")
        return 0
    # Read what earlier runs published first, so unchanged comments skip computing suggestions.
    existing = api.our_review_comments(number)
    listed = api.our_listed_fingerprints(number)
    posted = Posted(frozenset(frozenset(comment.fingerprints) for comment in existing), listed)
    analyses = lint_pull_request(api, number, head_sha, options, config, posted)
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


# -- push ------------------------------------------------------------------------------------------


def _push_hunks(api: GitHubApi | None, event: PushEvent, console: Console) -> dict[str, list[Hunk]] | None:
    """Changed lines per file of the push, or None when unknown (every line then counts as changed)."""
    if api is None or event.before == NULL_SHA:
        return None
    try:
        files: list[ChangedFile] = api.compare_files(event.before, event.after)
    except ApiError as error:
        console.warning(f"cannot tell which lines this push changed ({error}); every line counts as changed")
        return None
    return {changed.path: parse_patch(changed.patch) for changed in files}


def run_push(
    env: RunEnvironment, event: PushEvent, options: Options, config: LintConfig, api: GitHubApi | None,
    console: Console,
) -> int:
    paths = workspace_files(env.workspace, options.files)
    if not paths:
        raise FatalError(
            f"no file in {env.workspace} matches {', '.join(options.files)}: check out the repository first "
            "(actions/checkout)"
        )
    hunks = _push_hunks(api, event, console)  # fail-on decides the exit code only
    analyses = []
    for path in paths:
        text, bom = decode_markdown(path, read_bytes(str(env.workspace / path)))
        if hunks is None:
            file_hunks = [Hunk(1, text.count("\n") + 1)]
        else:
            file_hunks = hunks.get(path, [])
        analyses.append(analyse_file(path, text, file_hunks, config, bom, plan_comments=False))
    print_annotations(console, analyses, options.fail_on)
    write_job_summary(env, job_summary(analyses, event.after, None, pull_request=False))
    write_outputs(env, analyses)
    return exit_code(analyses, options.fail_on)
