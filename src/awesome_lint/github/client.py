"""The GitHub REST calls pull-request mode makes, through PyGithub (imported here only, lazily).

Retries: reads, edits and deletes are idempotent, so urllib3 retries them (5xx, rate limits).
POSTs are never retried blindly: after a 5xx, a rate limit or a lost connection the caller's check
("is my marker already there?") runs before posting again, so a review is never posted twice.
"""

from __future__ import annotations

import base64
import functools
import json
import logging
import time
from typing import TYPE_CHECKING, Any, Callable, Iterator, NamedTuple, TypeVar

from awesome_lint.github.rate_limits import (
    SECONDARY_RATE_WAIT_SECONDS,
    is_secondary_rate_limit,
    requested_wait,
    retry_after,
)
from awesome_lint.github.review import CommentKey, comment_key, listed_fingerprints

if TYPE_CHECKING:
    from github.Issue import Issue
    from github.PullRequest import PullRequest
    from github.Repository import Repository

T = TypeVar("T")

USER_AGENT = "awesome-lint-python"
# GitHub asks integrations to wait a second between content-creating requests (secondary rate
# limits); reads are few, so they are not spaced out.
SECONDS_BETWEEN_WRITES = 1.0
WRITE_ATTEMPTS = 3
# The longest single wait for a rate limit; a longer one gives up (AWESOME_LINT_MAX_WAIT overrides).
MAX_WAIT_SECONDS = 60.0
# `compare` lists at most this many files; past it, a changed file may be missing.
COMPARE_FILE_CAP = 300
# GraphQL answers for every kind of token; REST `GET /user` refuses installation tokens (App and
# the workflow's own).
VIEWER_QUERY = "query { viewer { login } }"


class ApiError(Exception):
    """A GitHub call failed. The message is one line and never holds the token."""

    def __init__(self, status: int | None, message: str) -> None:
        super().__init__(message)
        self.status = status


class WriteForbidden(ApiError):
    """403 on a write: typically the read-only token of a pull request from a fork."""


class Unprocessable(ApiError):
    """422: GitHub rejected the request's content (e.g. a comment line outside the diff)."""


class PullInfo(NamedTuple):
    state: str
    head_sha: str


class ChangedFile(NamedTuple):
    path: str
    status: str  # added, modified, renamed, removed, ...
    patch: str | None  # None for binary files and diffs GitHub will not show
    previous_path: str | None = None  # the path at the base when renamed

    @property
    def base_path(self) -> str:
        return self.previous_path or self.path


class Comparison(NamedTuple):
    files: list[ChangedFile]
    merge_base: str

    @property
    def capped(self) -> bool:
        return len(self.files) >= COMPARE_FILE_CAP


class PostedComment(NamedTuple):
    """A review comment this tool posted earlier (found by its marker)."""

    id: int
    path: str
    key: CommentKey
    has_replies: bool
    outdated: bool  # its lines changed since: GitHub shows it collapsed and its suggestion no longer applies

    @property
    def fingerprints(self) -> frozenset[str]:
        return self.key.fingerprints


class IssueComment(NamedTuple):
    id: int
    body: str


class OpenIssue(NamedTuple):
    """An open issue (not a pull request) this tool opened."""

    number: int
    body: str


def _retryable(error: Exception) -> bool:
    from github.GithubException import GithubException, RateLimitExceededException
    from requests import RequestException

    if isinstance(error, (RateLimitExceededException, RequestException)):
        return True
    if isinstance(error, GithubException) and is_secondary_rate_limit(error.status, _error_message(error)):
        return True
    return isinstance(error, GithubException) and (error.status >= 500 or error.status == 429)


def _error_message(error: Exception) -> object:
    data = getattr(error, "data", None)
    return data.get("message") if isinstance(data, dict) else None


def _wait_seconds(error: Exception, attempt: int) -> float:
    """How long GitHub asks us to wait (retry-after, x-ratelimit-reset, a minute for a secondary rate
    limit), else a short backoff."""
    wait = requested_wait(getattr(error, "headers", None) or {})
    if wait is not None:
        return wait
    if is_secondary_rate_limit(getattr(error, "status", None), _error_message(error)):
        return SECONDARY_RATE_WAIT_SECONDS
    return float(2**attempt)


def _squash_whitespace(value: object) -> str:
    return " ".join(str(value).split())


def _to_api_error(error: Exception, what: str, token: str, write: bool) -> ApiError:
    from github.GithubException import GithubException

    if isinstance(error, GithubException):
        data = error.data if isinstance(error.data, dict) else {}
        detail = _squash_whitespace(data.get("message") or error.message or "")
        errors = data.get("errors")
        if isinstance(errors, list) and errors:
            detail += " (" + _squash_whitespace("; ".join(str(item) for item in errors[:3])) + ")"
        message = f"{what}: HTTP {error.status} {detail}".strip()
        status: int | None = error.status
    else:
        message = f"{what}: {type(error).__name__}: {_squash_whitespace(error)}"
        status = None
    if token:
        message = message.replace(token, "***")
    if write and status == 403 and not _retryable(error):
        return WriteForbidden(status, message)
    if status == 422:
        return Unprocessable(status, message)
    return ApiError(status, message)


@functools.lru_cache(maxsize=None)
def _bounded_retry_class() -> type:
    from github.GithubRetry import GithubRetry
    from github.Requester import Requester

    class BoundedRetry(GithubRetry):  # type: ignore[misc]
        """GithubRetry that gives up at once when GitHub asks to wait longer than
        ``max_rate_limit_wait`` (urllib3 would sleep for any ``Retry-After``, even an hour)."""

        def increment(self, method: Any = None, url: Any = None, response: Any = None, *args: Any, **kwargs: Any) -> Any:
            if response is not None and self.max_rate_limit_wait is not None:
                wait = retry_after(response.headers or {})
                if wait is None and response.status == 429:
                    # GithubRetry inspects only 403s: a 429 secondary rate limit would get urllib3's
                    # 1-2 s backoff.
                    body = _json_body(response, url)
                    if is_secondary_rate_limit(429, body.get("message") if isinstance(body, dict) else None):
                        wait = SECONDARY_RATE_WAIT_SECONDS
                        if wait <= self.max_rate_limit_wait:
                            time.sleep(wait)
                if wait is not None and wait > self.max_rate_limit_wait and self.is_retry(method, response.status, True):
                    raise Requester.createException(response.status, response.headers, _json_body(response, url))
            return super().increment(method, url, response, *args, **kwargs)

    return BoundedRetry


def _json_body(response: Any, url: Any) -> Any:
    from github.GithubRetry import GithubRetry

    try:
        return json.loads(GithubRetry.get_content(response, url))
    except Exception:  # noqa: BLE001 - the status and headers say enough
        return {"message": getattr(response, "reason", "") or ""}


def _BoundedRetry(**kwargs: Any) -> Any:  # noqa: N802 - reads as the class it builds
    return _bounded_retry_class()(**kwargs)


class GitHubApi:
    def __init__(
        self,
        api_url: str,
        token: str,
        repository: str,
        *,
        sleep: Callable[[float], None] = time.sleep,
        max_wait: float = MAX_WAIT_SECONDS,
        timeout: float = 30.0,
        seconds_between_writes: float | None = None,
    ) -> None:
        from github import Auth, Github

        # PyGithub logs every retried or refused request at INFO to stderr (e.g. the expected 403 on
        # GET /user): the step's log gets our own one-line messages instead.
        logging.getLogger("github").setLevel(logging.WARNING)
        retry = _BoundedRetry(
            total=3,
            backoff_factor=1.0,
            max_rate_limit_wait=max_wait,
            secondary_rate_wait=SECONDARY_RATE_WAIT_SECONDS,
            allowed_methods=frozenset({"GET", "HEAD", "PATCH", "DELETE"}),
        )
        self._token = token
        self._sleep = sleep
        self._max_wait = max_wait
        self._github = Github(
            auth=Auth.Token(token) if token else None,
            base_url=api_url.rstrip("/"),
            timeout=int(timeout),
            user_agent=USER_AGENT,
            per_page=100,
            retry=retry,
            lazy=True,
            seconds_between_requests=0.0,
            seconds_between_writes=SECONDS_BETWEEN_WRITES if seconds_between_writes is None else seconds_between_writes,
        )
        self._repository_name = repository
        self._repo: Repository | None = None
        self._login: str | None = None
        self._pulls: dict[int, PullRequest] = {}
        self._issues: dict[int, Issue] = {}  # issues read or created this run, by number

    # -- plumbing --------------------------------------------------------------------------------
    def _call(self, what: str, call: Callable[[], T], write: bool = False) -> T:
        from github.GithubException import GithubException
        from requests import RequestException

        try:
            return call()
        except (GithubException, RequestException) as error:
            raise _to_api_error(error, what, self._token, write) from None

    def _post(self, what: str, create: Callable[[], T], already_posted: Callable[[], bool]) -> T | None:
        """POST with bounded retries; before each retry ask GitHub whether the first try landed.
        Returns None when it had (the earlier attempt's response was lost)."""
        from github.GithubException import GithubException
        from requests import RequestException

        for attempt in range(WRITE_ATTEMPTS):
            try:
                return create()
            except (GithubException, RequestException) as error:
                wait = _wait_seconds(error, attempt)
                if not _retryable(error) or attempt == WRITE_ATTEMPTS - 1 or wait > self._max_wait:
                    raise _to_api_error(error, what, self._token, write=True) from None
            self._sleep(wait)
            if self._call(f"{what} (checking for an earlier attempt)", already_posted):
                return None
        raise AssertionError("unreachable")

    def _repository(self) -> Repository:
        if self._repo is None:
            self._repo = self._github.get_repo(self._repository_name)
        return self._repo

    def _pull(self, number: int) -> PullRequest:
        if number not in self._pulls:
            self._pulls[number] = self._repository().get_pull(number)
        return self._pulls[number]

    # -- reads -----------------------------------------------------------------------------------
    def pull(self, number: int) -> PullInfo:
        def read() -> PullInfo:
            pull = self._repository().get_pull(number)
            self._pulls[number] = pull
            return PullInfo(pull.state, pull.head.sha)

        return self._call(f"reading pull request #{number}", read)

    def changed_files(self, number: int) -> list[ChangedFile]:
        def read() -> list[ChangedFile]:
            return [_changed_file(f) for f in self._pull(number).get_files()]

        return self._call(f"listing the files of pull request #{number}", read)

    def compare(self, base: str, head: str) -> Comparison:
        def read() -> Comparison:
            comparison = self._repository().compare(base, head)
            return Comparison([_changed_file(f) for f in comparison.files], comparison.merge_base_commit.sha)

        return self._call(f"comparing {base[:12]}...{head[:12]}", read)

    def file_bytes(self, path: str, ref: str) -> bytes:
        def read() -> bytes:
            content = self._repository().get_contents(path, ref=ref)
            if isinstance(content, list):
                raise ApiError(None, f"{path} is a directory at {ref[:12]}")
            if content.encoding == "base64" and content.content is not None:
                return content.decoded_content
            # Files over 1 MB come without content: read the blob instead.
            blob = self._repository().get_git_blob(content.sha)
            return base64.b64decode(blob.content)

        return self._call(f"reading {path} at {ref[:12]}", read)

    def optional_file_bytes(self, path: str, ref: str) -> bytes | None:
        """The file at ``ref``, None when it does not exist there."""
        try:
            return self.file_bytes(path, ref)
        except ApiError as error:
            if error.status == 404:
                return None
            raise

    def login(self) -> str:
        """The login our comments are posted as (`<app-slug>[bot]` for an App installation token,
        `github-actions[bot]` for the workflow's token, the user for a personal token)."""

        def read() -> str:
            requester = self._github.requester
            _, data = requester.requestJsonAndCheck("POST", requester.graphql_url, input={"query": VIEWER_QUERY})
            viewer = (data.get("data") or {}).get("viewer") if isinstance(data, dict) else None
            login = viewer.get("login") if isinstance(viewer, dict) else None
            if not isinstance(login, str) or not login:
                errors = data.get("errors") if isinstance(data, dict) else None
                raise ApiError(None, f"GraphQL viewer query answered no login ({_squash_whitespace(errors or data)})")
            return login

        if self._login is None:
            self._login = self._call("reading the token's login", read)
        return self._login

    def _ours(self, item: Any) -> bool:
        return item.user is not None and item.user.login == self.login()

    def our_review_comments(self, number: int) -> list[PostedComment]:
        def read() -> list[PostedComment]:
            comments = list(self._pull(number).get_review_comments())
            replied_to = {c.in_reply_to_id for c in comments if c.in_reply_to_id is not None}
            ours = []
            for comment in comments:
                key = comment_key(comment.body or "")
                if key is not None and self._ours(comment):
                    ours.append(PostedComment(comment.id, comment.path, key, comment.id in replied_to, comment.line is None))
            return ours

        self.login()
        return self._call(f"listing review comments of pull request #{number}", read)

    def our_listed_fingerprints(self, number: int) -> frozenset[str]:
        """Fingerprints our earlier reviews listed in their body instead of commenting them inline."""

        def read() -> frozenset[str]:
            return frozenset(
                fingerprint
                for review in self._pull(number).get_reviews()
                if self._ours(review)
                for fingerprint in listed_fingerprints(review.body or "")
            )

        self.login()
        return self._call(f"listing reviews of pull request #{number}", read)

    def review_with_marker(self, number: int, marker: str) -> bool:
        return self._call(
            f"listing reviews of pull request #{number}",
            lambda: any(marker in (review.body or "") for review in self._pull(number).get_reviews()),
        )

    def comment_with_marker(self, number: int, marker: str) -> IssueComment | None:
        def read() -> IssueComment | None:
            for comment in self._issue_comments(number):
                if (comment.body or "").startswith(marker) and self._ours(comment):
                    return IssueComment(comment.id, comment.body)
            return None

        self.login()
        return self._call(f"listing comments of pull request #{number}", read)

    def open_issue_with_marker(self, marker: str) -> OpenIssue | None:
        """Our open issue whose body starts with ``marker``, looked for through every page of the
        open issues (the listing holds pull requests too: they are skipped)."""

        def read() -> OpenIssue | None:
            for issue in self._repository().get_issues(state="open"):
                if issue.pull_request is None and (issue.body or "").startswith(marker) and self._ours(issue):
                    self._issues[issue.number] = issue
                    return OpenIssue(issue.number, issue.body)
            return None

        self.login()
        return self._call("listing the open issues", read)

    def _issue_comments(self, number: int) -> Iterator[Any]:
        return iter(self._pull(number).get_issue_comments())

    # -- writes ----------------------------------------------------------------------------------
    def create_review(
        self, number: int, head_sha: str, body: str, marker: str, comments: list[dict[str, Any]]
    ) -> None:
        pull = self._pull(number)
        commit = self._call(f"reading commit {head_sha[:12]}", lambda: self._repository().get_commit(head_sha))

        def create() -> None:
            pull.create_review(commit=commit, body=body, event="COMMENT", comments=comments)  # type: ignore[arg-type]

        self._post(
            f"posting the review on pull request #{number}", create, lambda: self.review_with_marker(number, marker)
        )

    def create_issue_comment(self, number: int, body: str, marker: str) -> None:
        pull = self._pull(number)
        self._post(
            f"commenting on pull request #{number}",
            lambda: pull.create_issue_comment(body),
            lambda: self.comment_with_marker(number, marker) is not None,
        )

    def create_issue(self, title: str, body: str, marker: str) -> int | None:
        """Open an issue; its number, None when an earlier attempt whose answer was lost opened it."""

        def create() -> int:
            issue = self._repository().create_issue(title=title, body=body)
            self._issues[issue.number] = issue
            return issue.number

        return self._post("opening an issue", create, lambda: self.open_issue_with_marker(marker) is not None)

    def edit_issue_body(self, number: int, body: str) -> None:
        self._call(f"editing issue #{number}", lambda: self._issue(number).edit(body=body), write=True)

    def close_issue(self, number: int, comment: str) -> None:
        """Comment on the issue, then close it as completed."""
        issue = self._issue(number)

        def commented() -> bool:
            return any(c.body == comment and self._ours(c) for c in issue.get_comments())

        self._post(f"commenting on issue #{number}", lambda: issue.create_comment(comment), commented)
        self._call(
            f"closing issue #{number}", lambda: issue.edit(state="closed", state_reason="completed"), write=True
        )

    def _issue(self, number: int) -> Issue:
        if number not in self._issues:
            self._issues[number] = self._repository().get_issue(number)
        return self._issues[number]

    def edit_issue_comment(self, number: int, comment_id: int, body: str) -> None:
        def edit() -> None:
            self._pull(number).get_issue_comment(comment_id).edit(body)

        self._call(f"editing comment {comment_id}", edit, write=True)

    def delete_review_comment(self, number: int, comment_id: int) -> None:
        from github.GithubException import UnknownObjectException

        def delete() -> None:
            try:
                self._pull(number).get_review_comment(comment_id).delete()
            except UnknownObjectException:
                pass  # already gone (an earlier attempt's response was lost)

        self._call(f"deleting review comment {comment_id}", delete, write=True)

    def edit_review_comment(self, number: int, comment_id: int, body: str) -> None:
        def edit() -> None:
            self._pull(number).get_review_comment(comment_id).edit(body)

        self._call(f"editing review comment {comment_id}", edit, write=True)


def _changed_file(listed: Any) -> ChangedFile:
    return ChangedFile(listed.filename, listed.status, listed.patch, listed.previous_filename)
