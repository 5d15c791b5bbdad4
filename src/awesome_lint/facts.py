"""Facts from the network that the online rules read: link status and GitHub repository metadata.

The online checks (awesome_lint.online, imported only when they are turned on) gather these for
the URLs a Document holds and hand them to the engine, the way ``Context.repository`` hands the
files beside the list. Rules stay pure: they read facts and never fetch. Without facts
(``Context.online is None``, every plain run) the online rules stay silent; a URL missing from
the facts (not checked: outside the pull request's changes, excluded, a fixed URL) is not reported.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import Enum
from typing import TYPE_CHECKING, Iterator, Mapping, NamedTuple
from urllib.parse import urlsplit

if TYPE_CHECKING:
    from awesome_lint.document.model import Document, Link


# Which facts each online rule reads: the checks gather only what the enabled rules need.
LINK_RULES = frozenset({"dead-link", "link-redirect"})
REPOSITORY_RULES = frozenset({"github-repository"})
OWN_REPOSITORY_RULES = frozenset({"list-repository"})
ONLINE_RULES = LINK_RULES | REPOSITORY_RULES | OWN_REPOSITORY_RULES


class LinkState(str, Enum):
    OK = "ok"  # 2xx, a temporary redirect to a 2xx, or an accepted status (401/403 by default)
    DEAD = "dead"  # 404/410, a host that does not resolve, a refused connection
    REDIRECT = "redirect"  # permanent redirect(s) (301/308) ending at final_url, which answers
    UNVERIFIED = "unverified"  # 5xx, timeout, TLS error, 429 after retries, any other status


class LinkFact(NamedTuple):
    url: str  # the URL as checked (Link.url)
    state: LinkState
    status: int | None  # the last HTTP status seen; None when no response came
    reason: str  # short and human: "404 Not Found", "host does not resolve", "timed out after 10 s"
    final_url: str | None = None  # REDIRECT: where the permanent redirects end
    checked_at: float = 0.0  # epoch seconds


class RepoFact(NamedTuple):
    """A GitHub repository as the API describes it, looked up by the owner/name a link names."""

    slug: str  # "owner/name" as linked, lower-cased (the key)
    found: bool  # False: the API says it does not exist (or is not visible to the token)
    name_with_owner: str | None = None  # canonical "Owner/Name": differs after a rename or transfer
    archived: bool = False
    disabled: bool = False
    pushed_at: str | None = None  # ISO 8601
    created_at: str | None = None  # ISO 8601
    stars: int | None = None
    license: str | None = None  # SPDX id, or the licence's name; None when GitHub detects none
    description: str | None = None
    topics: tuple[str, ...] = ()
    checked_at: float = 0.0


@dataclass(frozen=True)
class OnlineFacts:
    links: Mapping[str, LinkFact] = field(default_factory=dict)  # Link.url -> fact
    repositories: Mapping[str, RepoFact] = field(default_factory=dict)  # repo_key -> fact
    own_repository: RepoFact | None = None  # the list's own repository, when known and looked up
    now: float = 0.0  # epoch seconds that ages (last push, repository age) are measured from


class GitHubRepo(NamedTuple):
    owner: str
    name: str
    slug_start: int  # span of "owner/name" in the URL (without a ".git" suffix)
    slug_end: int

    @property
    def key(self) -> str:
        return repo_key(self.owner, self.name)


GITHUB_HOSTS = frozenset({"github.com", "www.github.com"})
# First path segments of github.com that are not user or organisation names.
_RESERVED_OWNERS = frozenset(
    {
        "about", "apps", "collections", "contact", "customer-stories", "enterprise", "events",
        "explore", "features", "github", "issues", "login", "marketplace", "new", "notifications",
        "orgs", "organizations", "pricing", "pulls", "readme", "search", "security", "settings",
        "site", "sponsors", "topics", "trending", "users",
    }
)  # fmt: skip
_NAME = re.compile(r"[A-Za-z0-9_.-]+\Z")


def repo_key(owner: str, name: str) -> str:
    return f"{owner}/{name}".lower()


def github_repository(url: str) -> GitHubRepo | None:
    """The repository an ``https://github.com/OWNER/REPO[/...]`` URL points into; None otherwise
    (other hosts, github.com pages that are not repositories, gists)."""
    try:
        parts = urlsplit(url)
    except ValueError:  # "https://[x/y": not a URL urlsplit can read (an unclosed IPv6 bracket)
        return None
    if parts.scheme not in ("http", "https") or parts.hostname not in GITHUB_HOSTS:
        return None
    segments = parts.path.split("/")
    if len(segments) < 3:
        return None
    owner, name = segments[1], segments[2]
    if name.endswith(".git"):
        name = name[: -len(".git")]
    if not owner or not name or owner.lower() in _RESERVED_OWNERS:
        return None
    if not _NAME.match(owner) or not _NAME.match(name) or name in (".", ".."):
        return None
    slug_start = len(parts.scheme) + len("://") + len(parts.netloc) + len("/")
    return GitHubRepo(owner, name, slug_start, slug_start + len(owner) + len("/") + len(name))


def links_to_check(document: Document) -> Iterator[Link]:
    """The links the online checks look at: every link in an entry (its main link and the links
    in its description), except images, in-page anchors and non-web schemes (mailto:). Relative
    links are included: they are checked against the checkout when there is one."""
    for entry in document.entries():
        for link in entry.links:
            if not link.is_image and _is_checkable(link.url):
                yield link


def is_web_url(url: str) -> bool:
    return url[:7].lower() == "http://" or url[:8].lower() == "https://"


def with_fragment_of(url: str, target: str) -> str:
    """``target`` with the fragment of ``url`` when it has none of its own: browsers keep a link's
    fragment across redirects (RFC 9110 §10.2.2)."""
    fragment = urlsplit(url).fragment
    if fragment and not urlsplit(target).fragment:
        return f"{target}#{fragment}"
    return target


def _is_checkable(url: str) -> bool:
    if not url or url.startswith("#"):
        return False
    if is_web_url(url):
        return True
    return _SCHEME.match(url) is None and not url.startswith("//")


_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")
