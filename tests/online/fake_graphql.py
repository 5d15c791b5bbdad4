"""A local GraphQL endpoint that answers GitHub's ``repository(owner:, name:)`` queries.

``answer_graphql`` is a pure function from a POST (body, Authorization header) and a dict of
repositories to GitHub's answer, strict where GitHub is:
- no or unknown token: 401 ``{"message": "Bad credentials", ...}``;
- only ``alias: repository(owner: $var, name: $var) { fields }`` selections, every variable
  declared as ``String!`` and given (names interpolated into the query text are refused);
- a repository it does not hold: ``null`` for its alias plus a NOT_FOUND error naming the alias;
- a renamed or transferred repository: the old slug answers with the new repository (GraphQL
  follows renames), so ``nameWithOwner`` differs from the slug asked for;
- more than ``MAX_REPOSITORIES`` repository fields in one query: an ``errors`` answer without
  ``data``, as GitHub's node limit refuses a query before running it.
``GraphQLServer`` serves it at any path ending in ``/graphql`` over real HTTP, counts requests,
plays injected one-off answers first (rate limits, 502s) and can add latency to each answer.
"""

from __future__ import annotations

import json
import re
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Collection, Mapping

from servers import Serving

TOKEN = "ghs_graphql_test_token_0123456789"
MAX_REPOSITORIES = 100
RATE_LIMIT_HEADERS = {"x-ratelimit-limit": "5000", "x-ratelimit-remaining": "4999", "x-ratelimit-resource": "graphql"}

_FIELDS = {
    "nameWithOwner", "url", "isArchived", "isDisabled", "pushedAt", "createdAt", "stargazerCount",
    "licenseInfo", "spdxId", "name", "description", "repositoryTopics", "nodes", "topic", "first",
}  # fmt: skip
_SELECTION = re.compile(
    r"(?P<alias>\w+)\s*:\s*repository\s*\(\s*owner\s*:\s*(?P<owner>\S+?)\s*,\s*name\s*:\s*(?P<name>\S+?)\s*\)\s*\{"
)
_VARIABLE = re.compile(r"\$(\w+)\s*:\s*String!")


@dataclass(frozen=True)
class FakeRepository:
    name_with_owner: str  # canonical "Owner/Name"
    archived: bool = False
    disabled: bool = False
    pushed_at: str | None = "2026-11-20T10:00:00Z"
    created_at: str = "2019-05-01T08:00:00Z"
    stars: int = 1234
    license: tuple[str, str] | None = ("MIT", "MIT License")  # (spdxId, name)
    description: str | None = "A project."
    topics: tuple[str, ...] = ()

    def node(self, fields: str) -> dict[str, Any]:
        owner_name = self.name_with_owner
        node: dict[str, Any] = {
            "nameWithOwner": owner_name,
            "url": f"https://github.com/{owner_name}",
            "isArchived": self.archived,
            "isDisabled": self.disabled,
            "pushedAt": self.pushed_at,
            "createdAt": self.created_at,
            "stargazerCount": self.stars,
            "licenseInfo": None if self.license is None else {"spdxId": self.license[0], "name": self.license[1]},
            "description": self.description,
        }
        if "repositoryTopics" in fields:
            node["repositoryTopics"] = {"nodes": [{"topic": {"name": topic}} for topic in self.topics]}
        return {key: value for key, value in node.items() if re.search(rf"\b{key}\b", fields)}


def repositories_with_renames(
    repositories: Collection[FakeRepository], renamed: Mapping[str, str] = {}
) -> dict[str, FakeRepository]:
    """Repositories keyed by lower-case slug, plus each old slug of ``renamed`` (old -> new)."""
    by_slug = {repository.name_with_owner.lower(): repository for repository in repositories}
    for old, new in renamed.items():
        by_slug[old.lower()] = by_slug[new.lower()]
    return by_slug


def answer_graphql(
    body: Any, authorization: str, repositories: Mapping[str, FakeRepository], tokens: Collection[str] | None = None
) -> tuple[int, dict[str, Any], dict[str, str]]:
    """(status, JSON, headers) as GitHub answers this POST to /graphql. ``tokens``: the tokens
    that are valid (None: any)."""
    scheme, _, token = authorization.partition(" ")
    if scheme.lower() not in ("bearer", "token") or not token or (tokens is not None and token not in tokens):
        return 401, {"message": "Bad credentials", "documentation_url": "https://docs.github.com/graphql"}, {}
    query = body.get("query", "") if isinstance(body, dict) else ""
    variables = (body.get("variables") or {}) if isinstance(body, dict) else {}
    selections = list(_SELECTION.finditer(query))
    if not selections:
        return _refused("this fake answers `alias: repository(owner: $o, name: $n) { ... }` selections only")
    if len(selections) > MAX_REPOSITORIES:
        return 200, {"errors": [{
            "type": "MAX_NODE_LIMIT_EXCEEDED",
            "message": f"This query requests {len(selections)} repositories, over the limit of {MAX_REPOSITORIES}.",
        }]}, dict(RATE_LIMIT_HEADERS)  # fmt: skip
    declared = set(_VARIABLE.findall(query))
    data: dict[str, Any] = {}
    errors: list[dict[str, Any]] = []
    for selection in selections:
        refusal = _refusal(selection, declared, variables)
        if refusal is not None:
            return _refused(refusal)
        fields = _fields_of(query, selection.end())
        unknown = set(re.findall(r"[A-Za-z_]\w*", fields)) - _FIELDS
        if unknown:
            return _refused(f"Field '{sorted(unknown)[0]}' doesn't exist on type 'Repository'")
        alias = selection.group("alias")
        owner, name = variables[selection.group("owner")[1:]], variables[selection.group("name")[1:]]
        repository = repositories.get(f"{owner}/{name}".lower())
        data[alias] = None if repository is None else repository.node(fields)
        if repository is None:
            errors.append(_not_found(alias, owner, name, query, selection.start()))
    payload: dict[str, Any] = {"data": data}
    if errors:
        payload["errors"] = errors
    return 200, payload, dict(RATE_LIMIT_HEADERS)


def _refusal(selection: re.Match[str], declared: set[str], variables: Mapping[str, Any]) -> str | None:
    for argument in ("owner", "name"):
        value = selection.group(argument)
        if not value.startswith("$"):
            return f"this fake wants variables, not literal values: {argument}: {value}"
        if value[1:] not in declared:
            return f"Variable ${value[1:]} is used by anonymous query but not declared"
        if not isinstance(variables.get(value[1:]), str):
            return f"Variable ${value[1:]} of type String! was provided invalid value"
    return None


def _fields_of(query: str, start: int) -> str:
    """The text of the selection set whose `{` ends just before ``start``."""
    depth = 1
    for index in range(start, len(query)):
        depth += {"{": 1, "}": -1}.get(query[index], 0)
        if depth == 0:
            return query[start:index]
    return query[start:]


def _not_found(alias: str, owner: str, name: str, query: str, offset: int) -> dict[str, Any]:
    line = query.count("\n", 0, offset) + 1
    column = offset - (query.rfind("\n", 0, offset) + 1) + 1
    return {
        "type": "NOT_FOUND",
        "path": [alias],
        "locations": [{"line": line, "column": column}],
        "message": f"Could not resolve to a Repository with the name '{owner}/{name}'.",
    }


def _refused(message: str) -> tuple[int, dict[str, Any], dict[str, str]]:
    return 200, {"errors": [{"message": message}]}, dict(RATE_LIMIT_HEADERS)


@dataclass
class Reply:
    """A one-off answer served instead of the real one."""

    status: int
    payload: dict[str, Any]
    headers: dict[str, str] = field(default_factory=dict)


@dataclass
class Received:
    path: str
    body: Any
    authorization: str

    @property
    def aliases(self) -> int:
        return len(_SELECTION.findall(self.body.get("query", "")))

    @property
    def slugs(self) -> list[str]:
        variables = self.body.get("variables") or {}
        return [f"{variables[f'o{i}']}/{variables[f'n{i}']}" for i in range(len(variables) // 2)]


class GraphQLServer(Serving):
    """``with GraphQLServer(repositories) as server:`` serves GitHub's GraphQL at ``server.graphql_url``."""

    def __init__(
        self, repositories: Mapping[str, FakeRepository], tokens: Collection[str] | None = (TOKEN,), latency: float = 0.0
    ) -> None:
        self.repositories = repositories
        self.tokens = tokens
        self.latency = latency
        self.received: list[Received] = []
        self.replies: list[Reply] = []  # served first, one per request
        self._lock = threading.Lock()
        super().__init__(ThreadingHTTPServer(("127.0.0.1", 0), self._handler()))

    @property
    def api_url(self) -> str:
        return self.base_url

    @property
    def graphql_url(self) -> str:
        return self.api_url + "/graphql"

    def answer(self, path: str, raw: bytes, authorization: str) -> tuple[int, dict[str, Any], dict[str, str]]:
        body = json.loads(raw) if raw else None
        with self._lock:
            self.received.append(Received(path, body, authorization))
            reply = self.replies.pop(0) if self.replies else None
        if reply is not None:
            return reply.status, reply.payload, reply.headers
        if not path.endswith("/graphql"):
            return 404, {"message": "Not Found"}, {}
        return answer_graphql(body, authorization, self.repositories, self.tokens)

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            disable_nagle_algorithm = True

            def log_message(self, format: str, *args: Any) -> None:
                pass

            def do_POST(self) -> None:  # noqa: N802 - http.server's naming
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length) if length else b""
                status, payload, headers = fake.answer(self.path, raw, self.headers.get("Authorization", ""))
                if fake.latency:
                    time.sleep(fake.latency)
                data = json.dumps(payload).encode("utf-8")
                self.send_response(status)
                self.send_header("Content-Type", "application/json; charset=utf-8")
                self.send_header("Content-Length", str(len(data)))
                for key, value in headers.items():
                    self.send_header(key, value)
                self.end_headers()
                self.wfile.write(data)

        return Handler
