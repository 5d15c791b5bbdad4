"""A local HTTP server that answers like GitHub's REST API for the endpoints pull-request mode uses.

The real PyGithub client talks to it (``base_url``). It keeps state (reviews, review comments,
issue comments), records every request, and reproduces GitHub's failure modes: 422 "Line could
not be resolved" for comment lines outside the diff, 403 "Resource not accessible by integration"
for a read-only token, and injected one-off 502s (before or after the write took effect).
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

BOT = {"login": "github-actions[bot]", "id": 41898282, "type": "Bot"}
OTHER_APP = {"login": "some-other-app[bot]", "id": 42000000, "type": "Bot"}
HUMAN = {"login": "contributor", "id": 1001, "type": "User"}
MAINTAINER = {"login": "maintainer", "id": 1002, "type": "User"}
# Installation tokens (the workflow's GITHUB_TOKEN) post as the Actions bot and get 403 on GET /user;
# a personal access token posts as its user, whom GET /user names.
TOKEN = "ghs_test_token_0123456789"
READ_ONLY_TOKEN = "ghs_read_only_token_987654321"
PAT = "ghp_personal_access_token_4242"


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
    head: str | None  # None: removed by the pull request

    @property
    def status(self) -> str:
        return "added" if self.base is None else "removed" if self.head is None else "modified"

    def patch(self) -> str:
        old = (self.base or "").splitlines(keepends=True)
        new = (self.head or "").splitlines(keepends=True)
        lines = list(difflib.unified_diff(old, new, n=3))[2:]  # drop the ---/+++ headers
        return "".join(line if line.endswith("\n") else line + "\n" for line in lines).rstrip("\n")

    def right_hunks(self) -> list[range]:
        """RIGHT-side line numbers of each hunk (computed apart from the code under test)."""
        old = (self.base or "").splitlines()
        new = (self.head or "").splitlines()
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


class FakeGitHub:
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
        self._ids = iter(range(5000, 10**9))
        self._lock = threading.Lock()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._thread = threading.Thread(target=self._server.serve_forever, args=(0.05,), daemon=True)

    # -- lifecycle -------------------------------------------------------------------------------
    @property
    def base_url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def __enter__(self) -> FakeGitHub:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join()

    # -- what tests read -------------------------------------------------------------------------
    def writes(self) -> list[tuple[str, str]]:
        return [(r.method, r.path) for r in self.requests if r.method != "GET"]

    def add_review_comment(self, user: dict[str, Any], body: str, path: str = "README.md", line: int = 12) -> int:
        """A review comment someone else posted (another App, a person)."""
        comment = {"id": next(self._ids), "body": body, "user": user, "path": path, "line": line, "side": "RIGHT",
                   "commit_id": self.head_sha, "in_reply_to_id": None}
        comment["url"] = self._url(f"/repos/{self.repo}/pulls/comments/{comment['id']}")
        self.review_comments.append(comment)
        return comment["id"]

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
        author = MAINTAINER if auth.endswith(PAT) else BOT
        if method == "GET" and path == "/user":
            if author is BOT:
                return 403, {"message": "Resource not accessible by integration", "documentation_url": "https://docs.github.com/rest/users/users#get-the-authenticated-user"}, {}
            return 200, dict(author, url=self._url(f"/users/{author['login']}")), {}
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
            return 200, [
                {"filename": f.path, "status": f.status, "patch": f.patch(), "sha": _sha(f.head or "")}
                for f in self.files
            ], {}
        if method == "GET" and rest.startswith("/contents/"):
            return self._contents(unquote(rest[len("/contents/") :]), query.get("ref", [""])[0])
        if method == "GET" and rest.startswith("/commits/"):
            sha = rest[len("/commits/") :]
            return 200, {"sha": sha, "url": self._url(f"{prefix}/commits/{sha}")}, {}
        if method == "GET" and rest.startswith("/compare/"):
            return 200, {"files": [
                {"filename": f.path, "status": f.status, "patch": f.patch(), "sha": _sha(f.head or "")}
                for f in self.files
            ]}, {}
        if rest == f"{pulls}/reviews":
            return (200, self.reviews, {}) if method == "GET" else self._create_review(body, author)
        if method == "GET" and rest == f"{pulls}/comments":
            return 200, self.review_comments, {}
        match = re.fullmatch(r"/pulls/comments/(\d+)", rest)
        if match:
            return self._one(self.review_comments, int(match.group(1)), method, body)
        if rest == f"/issues/{self.number}/comments":
            if method == "GET":
                return 200, self.issue_comments, {}
            comment = {"id": next(self._ids), "body": body["body"], "user": author}
            comment["url"] = self._url(f"{prefix}/issues/comments/{comment['id']}")
            self.issue_comments.append(comment)
            return 201, comment, {}
        match = re.fullmatch(r"/issues/comments/(\d+)", rest)
        if match:
            return self._one(self.issue_comments, int(match.group(1)), method, body)
        return 404, {"message": "Not Found"}, {}

    def _contents(self, path: str, ref: str) -> tuple[int, Any, dict[str, str]]:
        pull_file = self._file(path)
        if ref != self.head_sha or pull_file is None or pull_file.head is None:
            return 404, {"message": "Not Found"}, {}
        data = pull_file.head.encode("utf-8")
        return 200, {
            "type": "file", "encoding": "base64", "path": path, "name": path.rsplit("/", 1)[-1],
            "size": len(data), "sha": _sha(pull_file.head), "content": base64.encodebytes(data).decode("ascii"),
            "url": self._url(f"/repos/{self.repo}/contents/{path}"),
        }, {}

    def _create_review(self, body: dict[str, Any], author: dict[str, Any]) -> tuple[int, Any, dict[str, str]]:
        if body.get("event") != "COMMENT" or body.get("commit_id") != self.head_sha:
            return 422, {"message": "Unprocessable Entity", "errors": ["event or commit_id"]}, {}
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
            stored = dict(comment, id=next(self._ids), user=author, commit_id=self.head_sha,
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
            return self.handle(method, parts.path, parse_qs(parts.query), body, auth)

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
