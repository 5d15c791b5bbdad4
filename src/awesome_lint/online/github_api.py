"""GitHub repositories through the GraphQL API (PyGithub's requester), batched with aliases.

One POST asks for up to ``batch_size`` repositories (``r0: repository(owner: $o0, name: $n0)``,
names always passed as variables). A missing repository comes back as a null alias plus an
``errors`` entry of type NOT_FOUND; PyGithub's ``graphql_query`` raises on such a partial answer,
so the batches go through ``requestJsonAndCheck`` and read the partial data here.

GitHub asks clients to send API requests one at a time per token (secondary rate limits), so the
batches are sent in sequence; 2,700 repositories take 54 requests.
"""

from __future__ import annotations

import logging
import math
import os
import re
import subprocess
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterator, Mapping, NamedTuple, Sequence
from urllib.parse import urlsplit

from awesome_lint.facts import GITHUB_HOSTS, RepoFact, repo_key
from awesome_lint.github.rate_limits import SECONDARY_RATE_WAIT_SECONDS, header, requested_wait
from awesome_lint.online.errors import OnlineError
from awesome_lint.online.settings import OnlineSettings

if TYPE_CHECKING:
    from github.Requester import Requester

DEFAULT_API_URL = "https://api.github.com"
REPOSITORY_FIELDS = (
    "nameWithOwner url isArchived isDisabled pushedAt createdAt stargazerCount "
    "licenseInfo { spdxId name } description"
)
OWN_REPOSITORY_FIELDS = REPOSITORY_FIELDS + " repositoryTopics(first: 50) { nodes { topic { name } } }"
GIT_TIMEOUT_SECONDS = 5.0

# GitHub's characters: owners are letters, digits and hyphens (underscores for managed users),
# at most 39; repository names are letters, digits, `.`, `_` and `-`, at most 100.
_OWNER = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,38}\Z")
_REPOSITORY_NAME = re.compile(r"[A-Za-z0-9_.-]{1,100}\Z")
_SCP_REMOTE = re.compile(r"[\w.-]+@(?P<host>[\w.-]+):/?(?P<path>[^/].*)\Z")  # git@github.com:owner/name.git


class ApiAccess(NamedTuple):
    token: str | None
    api_url: str  # GITHUB_API_URL, default "https://api.github.com"
    graphql_url: str  # GITHUB_GRAPHQL_URL, default derived from api_url


def api_access_from_environment(environ: Mapping[str, str] = os.environ) -> ApiAccess:
    """The token (GITHUB_TOKEN, else GH_TOKEN; None when neither is set) and the API's addresses
    (GITHUB_API_URL and GITHUB_GRAPHQL_URL, as Actions and GitHub Enterprise set them)."""
    token = environ.get("GITHUB_TOKEN") or environ.get("GH_TOKEN") or None
    api_url = (environ.get("GITHUB_API_URL") or DEFAULT_API_URL).rstrip("/")
    graphql_url = environ.get("GITHUB_GRAPHQL_URL") or graphql_url_for(api_url)
    return ApiAccess(token, api_url, graphql_url)


def graphql_url_for(api_url: str) -> str:
    """``https://api.github.com/graphql``; on Enterprise ``https://HOST/api/v3`` ->
    ``https://HOST/api/graphql`` (the rule PyGithub follows too)."""
    base = api_url.rstrip("/")
    if base.endswith("/v3"):
        base = base[: -len("/v3")]
    return base + "/graphql"


def is_valid_slug(owner: str, name: str) -> bool:
    return bool(_OWNER.match(owner)) and bool(_REPOSITORY_NAME.match(name)) and name not in (".", "..")


def own_repository_slug(
    settings: OnlineSettings, list_path: str | None, environ: Mapping[str, str] = os.environ
) -> str | None:
    """The list's own repository as "owner/name": the configured one, else GITHUB_REPOSITORY,
    else the github.com ``origin`` remote of the git work tree holding ``list_path``."""
    if settings.repository:
        return settings.repository
    if environ.get("GITHUB_REPOSITORY"):
        return environ["GITHUB_REPOSITORY"]
    if list_path is None:
        return None
    remote = _origin_remote(_folder_of(Path(list_path)))
    return None if remote is None else github_slug_of_remote(remote)


def _folder_of(path: Path) -> Path:
    return path if path.is_dir() else path.parent


def _origin_remote(folder: Path) -> str | None:
    """``git remote get-url origin`` (reads the local configuration only; never the network)."""
    try:
        completed = subprocess.run(
            ["git", "-C", str(folder), "remote", "get-url", "origin"],
            capture_output=True,
            text=True,
            stdin=subprocess.DEVNULL,
            timeout=GIT_TIMEOUT_SECONDS,
            env={**os.environ, "GIT_TERMINAL_PROMPT": "0"},
        )
    except (OSError, subprocess.SubprocessError):
        return None
    if completed.returncode != 0:
        return None
    return completed.stdout.strip() or None


def github_slug_of_remote(remote: str) -> str | None:
    """"owner/name" of a github.com remote: ``https://github.com/o/r(.git)``,
    ``git@github.com:o/r(.git)``, ``ssh://git@github.com/o/r(.git)``; None for other hosts."""
    scp = _SCP_REMOTE.match(remote)
    if scp is not None and "://" not in remote:
        host, path = scp.group("host"), scp.group("path")
    else:
        parts = urlsplit(remote)
        if parts.scheme not in ("https", "http", "ssh", "git", "git+ssh"):
            return None
        host, path = parts.hostname or "", parts.path
    if host.lower() not in GITHUB_HOSTS:
        return None
    segments = [segment for segment in path.split("/") if segment]
    if len(segments) != 2:
        return None
    owner, name = segments[0], segments[1].removesuffix(".git")
    return f"{owner}/{name}" if is_valid_slug(owner, name) else None


class _Wanted(NamedTuple):
    owner: str
    name: str
    with_topics: bool  # the list's own repository

    @property
    def key(self) -> str:
        return repo_key(self.owner, self.name)


class _Retry(Exception):
    """A request worth sending again."""

    def __init__(self, reason: str, *, wait: float | None = None, server_trouble: bool = False) -> None:
        super().__init__(reason)
        self.reason = reason
        self.wait = wait  # a rate limit: the seconds GitHub asks for; None: an ordinary backoff
        self.server_trouble = server_trouble  # a 5xx or a timeout: a smaller batch may pass


class _GiveUp(Exception):
    """No further request can be answered in this run (rate limit too long, API unreachable)."""


class RepositoryLookup:
    """Looks GitHub repositories up in batches. Needs a token: GraphQL refuses anonymous clients."""

    def __init__(
        self,
        api: ApiAccess,
        settings: OnlineSettings,
        batch_size: int = 50,
        *,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        if not api.token:
            raise OnlineError("GitHub repository checks need a token (GITHUB_TOKEN or GH_TOKEN)")
        self._api = api
        self._token = api.token
        self._settings = settings
        self._batch_size = batch_size
        self._sleep = sleep
        self._requester: Requester | None = None
        self.requests_made = 0
        self._answers = 0  # requests GitHub answered with data
        self.problem: str | None = None  # why some repositories got no answer, when some did not

    def lookup(self, slugs: Sequence[str], own: str | None = None) -> tuple[dict[str, RepoFact], RepoFact | None]:
        """Facts for ``slugs`` ("owner/name", any case), keyed by facts.repo_key, and for ``own``
        (with its topics). found=False when GitHub answers NOT_FOUND or the name cannot exist on
        GitHub. A repository with no answer (another per-repository error, a batch that failed
        after its retries, a rate limit that ran out) has no key: it was not checked, and
        ``problem`` says why. Raises OnlineError when no request could be answered at all."""
        self.problem = None
        wanted, impossible = _wanted_repositories([*slugs, *([own] if own else [])], own)
        now = time.time()
        facts = {key: RepoFact(key, found=False, checked_at=now) for key in impossible}
        facts.update(self._ask_all(wanted))
        own_fact = facts.get(_key_of_slug(own)) if own else None
        asked = _keys_of(slugs)
        return {key: fact for key, fact in facts.items() if key in asked}, own_fact

    # -- batches ---------------------------------------------------------------------------------
    def _ask_all(self, wanted: list[_Wanted]) -> dict[str, RepoFact]:
        facts: dict[str, RepoFact] = {}
        answered_before = self._answers
        try:
            for start in range(0, len(wanted), self._batch_size):
                self._ask_splitting(wanted[start : start + self._batch_size], facts)
        except _GiveUp as stop:
            self.problem = str(stop)
        if wanted and self._answers == answered_before:
            raise OnlineError(f"GitHub API: no repository could be looked up ({self.problem})")
        return facts

    def _ask_splitting(self, batch: list[_Wanted], facts: dict[str, RepoFact]) -> None:
        """Adds the facts of one batch; a batch the server chokes on (GraphQL's time limit) is asked
        again in halves. A single repository it still chokes on means GitHub is in trouble: stop."""
        try:
            facts.update(_facts_from_answer(batch, self._post_with_retries(batch)))
            self._answers += 1
            return
        except _Retry as trouble:
            if len(batch) == 1:
                raise _GiveUp(trouble.reason) from None
        half = len(batch) // 2
        self._ask_splitting(batch[:half], facts)
        self._ask_splitting(batch[half:], facts)

    def _post_with_retries(self, batch: list[_Wanted]) -> dict[str, Any]:
        """The answer to one batch, retried after rate limits, connection failures and, for a
        single repository, server errors. A server error is raised (at once when the batch holds
        several repositories: the caller splits it); a rate limit or a connection failure that
        outlasts the retries raises _GiveUp."""
        retries, max_wait = self._settings.retries, self._settings.max_retry_wait
        for attempt in range(retries + 1):
            try:
                return self._post(batch)
            except _Retry as trouble:
                if trouble.server_trouble and (len(batch) > 1 or attempt == retries):
                    raise
                if trouble.wait is not None and trouble.wait > max_wait:
                    raise _GiveUp(f"{trouble.reason}; GitHub asks to wait {trouble.wait:.0f} s") from None
                if attempt == retries:
                    raise _GiveUp(trouble.reason) from None
                self._sleep(trouble.wait if trouble.wait is not None else min(2.0**attempt / 2, max_wait))
        raise AssertionError("unreachable")

    def _post(self, batch: list[_Wanted]) -> dict[str, Any]:
        from github.GithubException import GithubException
        from requests import ConnectionError, Timeout

        query, variables = _batch_query(batch)
        requester = self._github_requester()
        self.requests_made += 1
        try:
            headers, answer = requester.requestJsonAndCheck(
                "POST", self._api.graphql_url, input={"query": query, "variables": variables}
            )
        except GithubException as error:
            raise self._classified(error.status, error.headers or {}, error.data) from None
        except Timeout:
            raise _Retry(f"GitHub API timed out after {self._settings.timeout:g} s", server_trouble=True) from None
        except ConnectionError as error:
            raise _Retry(f"GitHub API unreachable ({type(error).__name__})") from None
        except AssertionError:  # PyGithub sends only to URLs under its base URL
            raise OnlineError(
                f"the GraphQL URL {self._api.graphql_url} is not under the API URL {self._api.api_url} "
                "(GITHUB_GRAPHQL_URL, GITHUB_API_URL)"
            ) from None
        if not isinstance(answer, dict):
            raise OnlineError(self._masked(f"GitHub GraphQL answered something that is not JSON: {str(answer)[:80]}"))
        if answer.get("data") is None:
            raise self._classified(200, headers, answer)
        return answer

    def _classified(self, status: int, headers: Mapping[str, Any], body: Any) -> Exception:
        message = self._masked(_message_of(body))
        if status == 401:
            return OnlineError(f"GitHub refused the token (401): {message}")
        if _is_rate_limited(status, headers, body):
            wait = requested_wait(headers)
            if wait is None:
                wait = SECONDARY_RATE_WAIT_SECONDS  # GitHub's documented fallback: a minute
            return _Retry(f"GitHub rate limit ({status}): {message}", wait=wait)
        if status >= 500:
            return _Retry(f"GitHub API error ({status}): {message}", server_trouble=True)
        return OnlineError(f"GitHub refused the repository query ({status}): {message}")

    def _masked(self, text: str) -> str:
        return text.replace(self._token, "***")

    def _github_requester(self) -> Requester:
        if self._requester is None:
            from github import Auth, Github

            from awesome_lint.github.client import USER_AGENT

            logging.getLogger("github").setLevel(logging.WARNING)
            client = Github(
                auth=Auth.Token(self._token),
                base_url=self._api.api_url,
                timeout=max(1, math.ceil(self._settings.timeout)),  # PyGithub takes whole seconds
                user_agent=USER_AGENT,
                retry=None,  # this class retries, and counts every request it sends
                lazy=True,
                seconds_between_requests=0.0,
                seconds_between_writes=0.0,  # a GraphQL query is a POST, not a write
            )
            self._requester = client.requester
        return self._requester


def _batch_query(batch: Sequence[_Wanted]) -> tuple[str, dict[str, str]]:
    """``query($o0: String!, $n0: String!, ...) { r0: repository(owner: $o0, name: $n0) {...} }``."""
    declarations = ", ".join(f"$o{i}: String!, $n{i}: String!" for i in range(len(batch)))
    fields = "\n".join(
        f"  r{i}: repository(owner: $o{i}, name: $n{i}) {{ "
        f"{OWN_REPOSITORY_FIELDS if wanted.with_topics else REPOSITORY_FIELDS} }}"
        for i, wanted in enumerate(batch)
    )
    variables: dict[str, str] = {}
    for i, wanted in enumerate(batch):
        variables[f"o{i}"], variables[f"n{i}"] = wanted.owner, wanted.name
    return f"query({declarations}) {{\n{fields}\n}}", variables


def _facts_from_answer(batch: Sequence[_Wanted], answer: Mapping[str, Any]) -> dict[str, RepoFact]:
    """A fact for each alias GitHub described, and found=False for each it could not resolve;
    an alias null for any other reason (FORBIDDEN, an internal error) gets no fact."""
    data = answer.get("data") or {}
    not_found = set(_not_found_aliases(answer.get("errors")))
    now = time.time()
    facts: dict[str, RepoFact] = {}
    for i, wanted in enumerate(batch):
        alias = f"r{i}"
        node = data.get(alias)
        if isinstance(node, dict):
            facts[wanted.key] = _fact_from_node(wanted.key, node, now)
        elif alias in not_found:
            facts[wanted.key] = RepoFact(wanted.key, found=False, checked_at=now)
    return facts


def _not_found_aliases(errors: Any) -> Iterator[str]:
    for error in errors if isinstance(errors, list) else ():
        if isinstance(error, dict) and error.get("type") == "NOT_FOUND":
            path = error.get("path")
            if isinstance(path, list) and len(path) == 1:
                yield str(path[0])


def _fact_from_node(key: str, node: Mapping[str, Any], now: float) -> RepoFact:
    topics = ((node.get("repositoryTopics") or {}).get("nodes")) or []
    return RepoFact(
        slug=key,
        found=True,
        name_with_owner=node.get("nameWithOwner"),
        archived=bool(node.get("isArchived")),
        disabled=bool(node.get("isDisabled")),
        pushed_at=node.get("pushedAt"),
        created_at=node.get("createdAt"),
        stars=node.get("stargazerCount"),
        license=_license_of(node.get("licenseInfo")),
        description=node.get("description") or None,
        topics=tuple(item["topic"]["name"] for item in topics if item and item.get("topic")),
        checked_at=now,
    )


def _license_of(info: Any) -> str | None:
    """The SPDX id; the name for a licence GitHub cannot identify (spdxId NOASSERTION, name "Other")."""
    if not isinstance(info, dict):
        return None
    spdx = info.get("spdxId")
    return spdx if spdx and spdx != "NOASSERTION" else info.get("name") or None


def _is_rate_limited(status: int, headers: Mapping[str, Any], body: Any) -> bool:
    from github.Requester import Requester

    if status == 429 or (status == 403 and header(headers, "retry-after") is not None):
        return True
    if status in (200, 403) and header(headers, "x-ratelimit-remaining") == "0":
        return True
    if status == 403 and Requester.isRateLimitError(_message_of(body)):
        return True
    errors = body.get("errors") if isinstance(body, dict) else None
    return any(isinstance(e, dict) and e.get("type") in ("RATE_LIMITED", "RATE_LIMIT") for e in errors or ())


def _message_of(body: Any) -> str:
    if not isinstance(body, dict):
        return " ".join(str(body).split())[:200]
    message = body.get("message")
    if message is None:
        messages = [e.get("message", "") for e in body.get("errors") or () if isinstance(e, dict)]
        message = "; ".join(messages[:3]) or body.get("data") or ""
    return " ".join(str(message).split())[:200]


def _key_of_slug(slug: str) -> str:
    return slug.lower()


def _keys_of(slugs: Sequence[str]) -> frozenset[str]:
    return frozenset(_key_of_slug(slug) for slug in slugs)


def _wanted_repositories(slugs: Sequence[str], own: str | None) -> tuple[list[_Wanted], list[str]]:
    """The repositories to ask for, each once (the own repository with its topics), and the keys
    of slugs that cannot name a GitHub repository."""
    own_key = _key_of_slug(own) if own else None
    wanted: dict[str, _Wanted] = {}
    impossible: list[str] = []
    for slug in slugs:
        owner, _, name = slug.partition("/")
        key = _key_of_slug(slug)
        if not is_valid_slug(owner, name):
            impossible.append(key)
        elif key not in wanted:
            wanted[key] = _Wanted(owner, name, with_topics=key == own_key)
    return list(wanted.values()), impossible
