"""A local HTTP server that answers like GitHub's REST API for the endpoints pull-request mode uses.

The real PyGithub client talks to it (``base_url``). It keeps state (reviews, review comments,
issue comments), records every request, and enforces what GitHub enforces (DESIGN.md §5):
- 422 "Line could not be resolved" for comment lines outside the diff;
- 422 "body is too long (maximum is 65536 characters)" for any review, review-comment or comment
  body over the limit (one oversized inline comment sinks the whole review);
- list endpoints page by `Link` header, 30 items per page unless `per_page` (at most 100) says;
- `patch` omitted for files marked so (large diffs), `previous_filename` for renamed files,
  `compare` listing at most 300 files;
- GraphQL `repository(owner:, name:)` queries answered from ``repositories`` (online/fake_graphql.py);
- identities: `GET /user` answers 403 for the workflow's token and for an App installation token,
  GraphQL `viewer { login }` answers for every token, and comments are authored by that login;
- after a push, a review comment whose lines changed is outdated: its `line` becomes null;
- 403 "Resource not accessible by integration" for a read-only token, and injected one-off
  failures (502s before or after the write took effect, secondary rate limits);
- issues (the scheduled "Link health report"): the listing holds pull requests too (with a
  `pull_request` key), newest first, filtered by `state`; creating, editing (body, state,
  state_reason) and commenting on an issue; 403 for a token without `issues: write`, 410 "Issues
  are disabled for this repo" when the repository has no issues.
"""

from __future__ import annotations

import base64
import difflib
import hashlib
import json
import re
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

from online.fake_graphql import FakeRepository, answer_graphql
from servers import Serving

BOT = {"login": "github-actions[bot]", "id": 41898282, "type": "Bot"}
APP = {"login": "awesome-reviewer[bot]", "id": 43000000, "type": "Bot"}
OTHER_APP = {"login": "some-other-app[bot]", "id": 42000000, "type": "Bot"}
HUMAN = {"login": "contributor", "id": 1001, "type": "User"}
MAINTAINER = {"login": "maintainer", "id": 1002, "type": "User"}
# Installation tokens (the workflow's GITHUB_TOKEN) post as the Actions bot and get 403 on GET /user;
# a personal access token posts as its user, whom GET /user names.
TOKEN = "ghs_test_token_0123456789"
READ_ONLY_TOKEN = "ghs_read_only_token_987654321"
PAT = "ghp_personal_access_token_4242"
# An installation token of a GitHub App (e.g. from actions/create-github-app-token): like the
# workflow's token it cannot read GET /user, but it posts as `<app-slug>[bot]`.
APP_TOKEN = "ghs_app_installation_token_31337"
# The workflow's token with `pull-requests: write` but without `issues: write`: it may comment on
# the pull request (an issue comment) but not create, edit or comment on an issue.
NO_ISSUES_TOKEN = "ghs_no_issues_write_token_2468"
BODY_LIMIT = 65536
TOO_LONG = "body is too long (maximum is 65536 characters)"
SECONDARY_RATE_LIMIT = (
    "You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach "
    "out to GitHub Support for help, please include the request ID"
)
DEFAULT_PER_PAGE, MAX_PER_PAGE = 30, 100
COMPARE_MAX_FILES = 300
ISSUE_STATES = ("open", "closed", "all")
STATE_REASONS = ("completed", "not_planned", "reopened")
ISSUES_DISABLED = {"message": "Issues are disabled for this repo", "documentation_url": "https://docs.github.com/v3/issues/"}


@dataclass
class Request:
    method: str
    path: str
    query: dict[str, list[str]]
    body: Any
    authorization: str


@dataclass
class PullFile:
    path: str
    base: str | None  # None: added by the pull request
    head: str | bytes | None  # None: removed by the pull request; bytes: not UTF-8 text
    previous_path: str | None = None  # renamed from this path (the base text is there)
    omit_patch: bool = False  # GitHub leaves `patch` out (a large diff)

    @property
    def status(self) -> str:
        if self.base is None:
            return "added"
        if self.head is None:
            return "removed"
        return "renamed" if self.previous_path is not None else "modified"

    @property
    def base_path(self) -> str:
        return self.previous_path or self.path

    def head_text(self) -> str:
        return self.head.decode("utf-8", "replace") if isinstance(self.head, bytes) else self.head or ""

    def listing(self) -> dict[str, Any]:
        """The file as GET .../pulls/{n}/files and GET .../compare list it."""
        item: dict[str, Any] = {"filename": self.path, "status": self.status, "sha": _sha(self.head_text())}
        if not self.omit_patch:
            item["patch"] = self.patch()
        if self.previous_path is not None:
            item["previous_filename"] = self.previous_path
        return item

    def patch(self) -> str:
        old = (self.base or "").splitlines(keepends=True)
        new = self.head_text().splitlines(keepends=True)
        lines = list(difflib.unified_diff(old, new, n=3))[2:]  # drop the ---/+++ headers
        return "".join(line if line.endswith("\n") else line + "\n" for line in lines).rstrip("\n")

    def right_hunks(self) -> list[range]:
        """RIGHT-side line numbers of each hunk (computed apart from the code under test)."""
        old = (self.base or "").splitlines()
        new = self.head_text().splitlines()
        matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
        return [range(group[0][3] + 1, group[-1][4] + 1) for group in matcher.get_grouped_opcodes(3)]


@dataclass
class Failure:
    method: str
    path_suffix: str
    status: int = 502
    after_processing: bool = False  # the write happened but the response was lost
    headers: dict[str, str] = field(default_factory=dict)
    message: str = "Bad Gateway"  # "{authorization}" in it echoes the request's Authorization header
    errors: list[str] = field(default_factory=list)


class FakeGitHub(Serving):
    """``with FakeGitHub(...) as github:`` serves GitHub's REST API at ``github.base_url``."""

    def __init__(self, repo: str, number: int, base_sha: str, head_sha: str, files: list[PullFile]) -> None:
        self.repo, self.number = repo, number
        self.base_sha, self.head_sha = base_sha, head_sha
        self.files = files
        self.state = "open"
        self.live_head_sha: str | None = None  # the pull's head when newer than the event's
        self.reviews: list[dict[str, Any]] = []
        self.review_comments: list[dict[str, Any]] = []
        self.issue_comments: list[dict[str, Any]] = []
        self.requests: list[Request] = []
        self.failures: list[Failure] = []
        self.compare_files: list[PullFile] | None = None  # what GET .../compare lists; default: files
        self.merge_base_sha = base_sha
        self.base_files: dict[str, str] = {}  # other files of the repository at the base commit
        self.head_moves_after: str | None = None  # a path suffix: once it is served, the pull's head moves
        # Issues and other pull requests of the repository, oldest first (the listing shows them
        # newest first, with this pull request); comments on them are in each one's "thread".
        self.issues: list[dict[str, Any]] = []
        self.issues_enabled = True
        self.repositories: dict[str, FakeRepository] = {}  # what GraphQL `repository(...)` queries find
        self._ids = iter(range(5000, 10**9))
        self._numbers = iter(range(number + 1, 10**9))
        self._lock = threading.Lock()
        super().__init__(ThreadingHTTPServer(("127.0.0.1", 0), self._handler()))

    # -- what tests read -------------------------------------------------------------------------
    def writes(self) -> list[tuple[str, str]]:
        """Requests that change something (a GraphQL query is a POST that does not)."""
        return [(r.method, r.path) for r in self.requests if r.method != "GET" and r.path != "/graphql"]

    def add_review_comment(self, user: dict[str, Any], body: str, path: str = "README.md", line: int = 12) -> int:
        """A review comment someone else posted (another App, a person)."""
        comment = {"id": next(self._ids), "body": body, "user": user, "path": path, "line": line, "start_line": None, "side": "RIGHT",
                   "commit_id": self.head_sha, "in_reply_to_id": None}
        comment["url"] = self._url(f"/repos/{self.repo}/pulls/comments/{comment['id']}")
        self.review_comments.append(comment)
        return comment["id"]

    def push_commit(self, new_head: str, sha: str, index: int = 0, rename_to: str | None = None) -> None:
        """The contributor pushes ``sha`` where file ``index`` reads ``new_head`` (optionally renamed).
        Comments on lines that kept their text move with them; the others become outdated
        (`line` null), as GitHub shows them."""
        pull_file = self.files[index]
        old_path, old_lines = pull_file.path, pull_file.head_text().splitlines()
        if rename_to is not None:
            pull_file.previous_path = pull_file.previous_path or pull_file.path
            pull_file.path = rename_to
        pull_file.head = new_head
        self.head_sha = sha
        moved = _line_map(old_lines, new_head.splitlines())
        hunks = pull_file.right_hunks()
        for comment in self.review_comments:
            if comment["path"] != old_path or comment["line"] is None:
                continue
            comment["path"] = pull_file.path
            start = comment.get("start_line")
            first = start if start is not None else comment["line"]
            lines = [moved.get(line) for line in range(first, comment["line"] + 1)]
            new_last = lines[-1]
            if None in lines or not any(new_last in hunk and lines[0] in hunk for hunk in hunks):
                comment["line"] = comment["start_line"] = None
            else:
                comment["line"] = new_last
                comment["start_line"] = lines[0] if start is not None else None

    def add_issue(self, title: str, body: str, user: dict[str, Any] = BOT, pull_request: bool = False,
                  state: str = "open") -> dict[str, Any]:
        """An issue (or a pull request, as the issues listing shows it) opened by ``user``."""
        number = next(self._numbers)
        issue: dict[str, Any] = {
            "id": next(self._ids), "number": number, "title": title, "body": body, "user": user, "state": state,
            "state_reason": None, "comments": 0, "thread": [],
            "url": self._url(f"/repos/{self.repo}/issues/{number}"),
            "html_url": f"https://github.com/{self.repo}/{'pull' if pull_request else 'issues'}/{number}",
        }
        if pull_request:
            issue["pull_request"] = {"url": self._url(f"/repos/{self.repo}/pulls/{number}")}
        self.issues.append(issue)
        return issue

    def issue(self, number: int) -> dict[str, Any]:
        return next(issue for issue in self.issues if issue["number"] == number)

    def add_human_reply(self, to_id: int, body: str) -> None:
        original = next(c for c in self.review_comments if c["id"] == to_id)
        reply = dict(original, id=next(self._ids), body=body, user=HUMAN, in_reply_to_id=to_id)
        self.review_comments.append(reply)

    # -- the API ---------------------------------------------------------------------------------
    def _url(self, path: str) -> str:
        return self.base_url + path

    def _pull_json(self) -> dict[str, Any]:
        prefix = f"/repos/{self.repo}"
        return {
            "number": self.number,
            "state": self.state,
            "url": self._url(f"{prefix}/pulls/{self.number}"),
            "issue_url": self._url(f"{prefix}/issues/{self.number}"),
            "head": {"sha": self.live_head_sha or self.head_sha, "ref": "feature", "repo": {"full_name": self.repo}},
            "base": {"sha": self.base_sha, "ref": "main", "repo": {"full_name": self.repo}},
        }

    def _file(self, path: str) -> PullFile | None:
        return next((f for f in self.files if f.path == path), None)

    def handle(self, method: str, path: str, query: dict[str, list[str]], body: Any, auth: str) -> tuple[int, Any, dict[str, str]]:
        prefix = f"/repos/{self.repo}"
        author = _author(auth)
        if method == "GET" and path == "/user":
            if author is not MAINTAINER:
                return 403, {"message": "Resource not accessible by integration", "documentation_url": "https://docs.github.com/rest/users/users#get-the-authenticated-user"}, {}
            return 200, dict(author, url=self._url(f"/users/{author['login']}")), {}
        if method == "POST" and path == "/graphql":
            if "repository(" in body.get("query", ""):
                return answer_graphql(body, auth, self.repositories)
            if not re.fullmatch(r"\s*(query\s*)?\{\s*viewer\s*\{\s*login\s*\}\s*\}\s*", body.get("query", "")):
                return 200, {"errors": [{"message": "this fake answers `{ viewer { login } }` only"}]}, {}
            return 200, {"data": {"viewer": {"login": author["login"]}}}, {}
        if not path.startswith(prefix):
            return 404, {"message": "Not Found"}, {}
        rest = path[len(prefix) :]
        pulls = f"/pulls/{self.number}"
        if method != "GET" and auth.endswith(READ_ONLY_TOKEN):
            return 403, {"message": "Resource not accessible by integration", "documentation_url": "https://docs.github.com/rest"}, {}
        if method == "GET" and rest == "":
            return 200, {"full_name": self.repo, "url": self._url(prefix)}, {}
        if method == "GET" and rest == pulls:
            return 200, self._pull_json(), {}
        if method == "GET" and rest == f"{pulls}/files":
            return self._page(path, query, [f.listing() for f in self.files])
        if method == "GET" and rest.startswith("/contents/"):
            return self._contents(unquote(rest[len("/contents/") :]), query.get("ref", [""])[0])
        if method == "GET" and rest.startswith("/commits/"):
            sha = rest[len("/commits/") :]
            return 200, {"sha": sha, "url": self._url(f"{prefix}/commits/{sha}")}, {}
        if method == "GET" and rest.startswith("/compare/"):
            files = self.files if self.compare_files is None else self.compare_files
            return 200, {
                "merge_base_commit": {"sha": self.merge_base_sha, "url": self._url(f"{prefix}/commits/{self.merge_base_sha}")},
                "files": [f.listing() for f in files[:COMPARE_MAX_FILES]],
            }, {}
        if rest == f"{pulls}/reviews":
            return self._page(path, query, self.reviews) if method == "GET" else self._create_review(body, author)
        if method == "GET" and rest == f"{pulls}/comments":
            return self._page(path, query, self.review_comments)
        match = re.fullmatch(r"/pulls/comments/(\d+)", rest)
        if match:
            return self._one(self.review_comments, int(match.group(1)), method, body)
        if rest == "/issues" or re.fullmatch(r"/issues/\d+(/comments)?", rest) and rest != f"/issues/{self.number}/comments":
            return self._issues(method, rest, path, query, body, auth)
        if rest == f"/issues/{self.number}/comments":
            if method == "GET":
                return self._page(path, query, self.issue_comments)
            if _too_long(body["body"]):
                return _body_too_long("IssueComment")
            comment = {"id": next(self._ids), "body": body["body"], "user": author}
            comment["url"] = self._url(f"{prefix}/issues/comments/{comment['id']}")
            self.issue_comments.append(comment)
            return 201, comment, {}
        match = re.fullmatch(r"/issues/comments/(\d+)", rest)
        if match:
            return self._one(self.issue_comments, int(match.group(1)), method, body)
        return 404, {"message": "Not Found"}, {}

    # -- issues ----------------------------------------------------------------------------------
    def _listed_issues(self, state: str) -> list[dict[str, Any]]:
        """What GET .../issues lists: issues and pull requests (this one included), newest first."""
        this_pull = {
            "id": 1, "number": self.number, "title": "Add Beta", "body": "", "user": HUMAN, "state": self.state,
            "state_reason": None, "comments": len(self.issue_comments),
            "url": self._url(f"/repos/{self.repo}/issues/{self.number}"),
            "html_url": f"https://github.com/{self.repo}/pull/{self.number}",
            "pull_request": {"url": self._url(f"/repos/{self.repo}/pulls/{self.number}")},
        }
        everything = sorted([this_pull, *self.issues], key=lambda issue: -issue["number"])
        return [
            {key: value for key, value in issue.items() if key != "thread"}
            for issue in everything
            if state == "all" or issue["state"] == state
        ]

    def _issues(self, method: str, rest: str, path: str, query: dict[str, list[str]], body: Any,
                auth: str) -> tuple[int, Any, dict[str, str]]:
        if not self.issues_enabled:
            return 410, ISSUES_DISABLED, {}
        if method != "GET" and auth.endswith(NO_ISSUES_TOKEN):
            return 403, {"message": "Resource not accessible by integration",
                         "documentation_url": "https://docs.github.com/rest/issues/issues#create-an-issue"}, {}
        if rest == "/issues" and method == "GET":
            state = query.get("state", ["open"])[0]
            if state not in ISSUE_STATES:
                return 422, {"message": "Validation Failed", "errors": [{"field": "state", "code": "invalid"}]}, {}
            return self._page(path, query, self._listed_issues(state))
        if rest == "/issues" and method == "POST":
            if not isinstance(body.get("title"), str) or not body["title"]:
                return 422, {"message": "Validation Failed", "errors": [{"resource": "Issue", "field": "title", "code": "missing_field"}]}, {}
            if _too_long(body.get("body") or ""):
                return _body_too_long("Issue")
            issue = self.add_issue(body["title"], body.get("body") or "", _author(auth))
            return 201, {key: value for key, value in issue.items() if key != "thread"}, {}
        number = int(rest.split("/")[2])
        issue = next((i for i in self.issues if i["number"] == number), None)
        if issue is None:
            return 404, {"message": "Not Found"}, {}
        if rest.endswith("/comments") and method == "POST":
            if _too_long(body["body"]):
                return _body_too_long("IssueComment")
            comment = {"id": next(self._ids), "body": body["body"], "user": _author(auth)}
            comment["url"] = self._url(f"/repos/{self.repo}/issues/comments/{comment['id']}")
            issue["thread"].append(comment)
            issue["comments"] += 1
            return 201, comment, {}
        if rest.endswith("/comments") and method == "GET":
            return self._page(path, query, issue["thread"])
        if method == "PATCH":
            return self._edit_issue(issue, body)
        if method == "GET":
            return 200, {key: value for key, value in issue.items() if key != "thread"}, {}
        return 404, {"message": "Not Found"}, {}

    def _edit_issue(self, issue: dict[str, Any], body: dict[str, Any]) -> tuple[int, Any, dict[str, str]]:
        state, reason = body.get("state", issue["state"]), body.get("state_reason")
        if state not in ("open", "closed") or (reason is not None and reason not in STATE_REASONS):
            return 422, {"message": "Validation Failed", "errors": [{"resource": "Issue", "field": "state", "code": "invalid"}]}, {}
        if "body" in body and _too_long(body["body"] or ""):
            return _body_too_long("Issue")
        for key in ("title", "body"):
            if key in body:
                issue[key] = body[key]
        if "state" in body:
            issue["state"] = state
            issue["state_reason"] = reason if state == "closed" else ("reopened" if reason is None else reason)
        return 200, {key: value for key, value in issue.items() if key != "thread"}, {}

    def _page(self, path: str, query: dict[str, list[str]], items: list[Any]) -> tuple[int, Any, dict[str, str]]:
        """One page of a list, with GitHub's `Link` header (30 per page unless `per_page`, at most 100);
        the other query parameters (`state`) stay in the links."""
        per_page = min(MAX_PER_PAGE, int(query.get("per_page", [DEFAULT_PER_PAGE])[0]))
        page = int(query.get("page", ["1"])[0])
        last = max(1, -(-len(items) // per_page))
        kept = "".join(
            f"&{key}={value}" for key, values in query.items() if key not in ("page", "per_page") for value in values
        )
        links = []
        if page < last:
            links.append(f'<{self._url(path)}?per_page={per_page}&page={page + 1}{kept}>; rel="next"')
            links.append(f'<{self._url(path)}?per_page={per_page}&page={last}{kept}>; rel="last"')
        headers = {"Link": ", ".join(links)} if links else {}
        return 200, items[(page - 1) * per_page : page * per_page], headers

    def _contents(self, path: str, ref: str) -> tuple[int, Any, dict[str, str]]:
        if ref == self.head_sha:
            pull_file = self._file(path)
            content = None if pull_file is None else pull_file.head
        elif ref in (self.base_sha, self.merge_base_sha):
            pull_file = next((f for f in self.files if f.base_path == path), None)
            content = self.base_files.get(path) if pull_file is None else pull_file.base
        else:
            content = None
        if content is None:
            return 404, {"message": "Not Found"}, {}
        data = content if isinstance(content, bytes) else content.encode("utf-8")
        return 200, {
            "type": "file", "encoding": "base64", "path": path, "name": path.rsplit("/", 1)[-1],
            "size": len(data), "sha": hashlib.sha1(data).hexdigest(), "content": base64.encodebytes(data).decode("ascii"),
            "url": self._url(f"/repos/{self.repo}/contents/{path}"),
        }, {}

    def _create_review(self, body: dict[str, Any], author: dict[str, Any]) -> tuple[int, Any, dict[str, str]]:
        if body.get("event") != "COMMENT" or body.get("commit_id") != self.head_sha:
            return 422, {"message": "Unprocessable Entity", "errors": ["event or commit_id"]}, {}
        if _too_long(body.get("body", "")) or any(_too_long(c.get("body", "")) for c in body.get("comments", [])):
            return _body_too_long("PullRequestReview")
        for comment in body.get("comments", []):
            if not self._resolvable(comment):
                return 422, {
                    "message": "Unprocessable Entity",
                    "errors": ["Line could not be resolved"],
                    "documentation_url": "https://docs.github.com/rest/pulls/reviews#create-a-review-for-a-pull-request",
                }, {}
        review = {"id": next(self._ids), "body": body.get("body", ""), "state": "COMMENTED", "user": author,
                  "commit_id": self.head_sha}
        self.reviews.append(review)
        for comment in body.get("comments", []):
            stored = dict({"start_line": None}, **comment, id=next(self._ids), user=author, commit_id=self.head_sha,
                          pull_request_review_id=review["id"], in_reply_to_id=None)
            stored["url"] = self._url(f"/repos/{self.repo}/pulls/comments/{stored['id']}")
            self.review_comments.append(stored)
        return 200, review, {}

    def _resolvable(self, comment: dict[str, Any]) -> bool:
        pull_file = self._file(comment.get("path", ""))
        if pull_file is None or comment.get("side", "RIGHT") != "RIGHT":
            return False
        line, start = comment.get("line"), comment.get("start_line")
        for hunk in pull_file.right_hunks():
            if line in hunk:
                return start is None or (start < line and start in hunk)
        return False

    def _one(self, items: list[dict[str, Any]], item_id: int, method: str, body: Any) -> tuple[int, Any, dict[str, str]]:
        item = next((i for i in items if i["id"] == item_id), None)
        if item is None:
            return 404, {"message": "Not Found"}, {}
        if method == "DELETE":
            items.remove(item)
            return 204, None, {}
        if method == "PATCH":
            if _too_long(body["body"]):
                return _body_too_long("PullRequestReviewComment" if items is self.review_comments else "IssueComment")
            item["body"] = body["body"]
        return 200, item, {}

    # -- HTTP ------------------------------------------------------------------------------------
    def _dispatch(self, method: str, raw_path: str, raw_body: bytes, auth: str) -> tuple[int, Any, dict[str, str]]:
        parts = urlsplit(raw_path)
        body = json.loads(raw_body) if raw_body else None
        with self._lock:
            self.requests.append(Request(method, parts.path, parse_qs(parts.query), body, auth))
            failure = next(
                (f for f in self.failures if f.method == method and parts.path.endswith(f.path_suffix)), None
            )
            if failure is not None:
                self.failures.remove(failure)
                if failure.after_processing:
                    self.handle(method, parts.path, parse_qs(parts.query), body, auth)
                payload: dict[str, Any] = {"message": failure.message.replace("{authorization}", auth)}
                if failure.errors:
                    payload["errors"] = failure.errors
                return failure.status, payload, failure.headers
            result = self.handle(method, parts.path, parse_qs(parts.query), body, auth)
            if self.head_moves_after is not None and parts.path.endswith(self.head_moves_after):
                self.live_head_sha, self.head_moves_after = "f" * 40, None
            return result

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            disable_nagle_algorithm = True  # else delayed ACKs add ~200 ms to every keep-alive request

            def log_message(self, format: str, *args: Any) -> None:
                pass

            def _serve(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length) if length else b""
                status, payload, headers = fake._dispatch(
                    self.command, self.path, raw, self.headers.get("Authorization", "")
                )
                data = b"" if payload is None else json.dumps(payload).encode("utf-8")
                self.send_response(status)
                self.send_header("Content-Type", "application/json; charset=utf-8")
                self.send_header("Content-Length", str(len(data)))
                for key, value in headers.items():
                    self.send_header(key, value)
                self.end_headers()
                self.wfile.write(data)

            do_GET = do_POST = do_PATCH = do_DELETE = _serve

        return Handler


def _sha(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def _author(authorization: str) -> dict[str, Any]:
    if authorization.endswith(PAT):
        return MAINTAINER
    return APP if authorization.endswith(APP_TOKEN) else BOT


def _too_long(body: str) -> bool:
    return len(body) > BODY_LIMIT


def _body_too_long(resource: str) -> tuple[int, Any, dict[str, str]]:
    return 422, {
        "message": "Validation Failed",
        "errors": [{"resource": resource, "code": "custom", "field": "body", "message": TOO_LONG}],
        "documentation_url": "https://docs.github.com/rest",
    }, {}


def _line_map(old: list[str], new: list[str]) -> dict[int, int]:
    """1-based old line -> new line, for the lines a push left untouched."""
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    return {
        a + offset + 1: b + offset + 1
        for a, b, size in matcher.get_matching_blocks()
        for offset in range(size)
    }
