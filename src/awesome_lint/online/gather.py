"""Gather the online facts for a Document: which URLs to ask about, what the cache already knows,
and one LinkChecker and one RepositoryLookup for the rest, shared by every file of a run.

Links to GitHub repositories are looked up through the API, never fetched; other github.com pages
(profiles, organisations) are not fetched either: github.com limits anonymous clients hard, and a
"could not verify" on every profile link would bury the findings that matter. Relative links are
checked against the checkout (is the file there?). requests is imported only when a web link is
to be checked, PyGithub only when a repository is to be looked up.
"""

from __future__ import annotations

import os
import re
import socket
import time
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Collection, Iterable, Mapping
from urllib.parse import unquote, urlsplit

from awesome_lint.facts import (
    LINK_RULES,
    OWN_REPOSITORY_RULES,
    GITHUB_HOSTS,
    REPOSITORY_RULES,
    LinkFact,
    LinkState,
    OnlineFacts,
    RepoFact,
    github_repository,
    is_web_url,
    links_to_check,
)
from awesome_lint.online.cache import OnlineCache
from awesome_lint.online.settings import OnlineSettings
from awesome_lint.repository import is_list_readme

if TYPE_CHECKING:
    from awesome_lint.document.model import Document, Link
    from awesome_lint.online.github_api import RepositoryLookup
    from awesome_lint.online.links import LinkChecker

CACHE_DIR_ENV = "AWESOME_LINT_CACHE_DIR"


def default_cache_dir(environ: Mapping[str, str] = os.environ) -> Path:
    """AWESOME_LINT_CACHE_DIR > $XDG_CACHE_HOME/awesome-lint > ~/.cache/awesome-lint."""
    if environ.get(CACHE_DIR_ENV):
        return Path(environ[CACHE_DIR_ENV])
    if environ.get("XDG_CACHE_HOME"):
        return Path(environ["XDG_CACHE_HOME"]) / "awesome-lint"
    return Path.home() / ".cache" / "awesome-lint"


class OnlineChecker:
    """Facts for the documents of one run; ``close()`` writes the cache and says what was skipped."""

    def __init__(
        self,
        settings: OnlineSettings,
        cache_dir: Path | None,
        notify: Callable[[str], None],
        environ: Mapping[str, str] = os.environ,
    ) -> None:
        self._settings = settings
        self._notify = notify
        self._environ = environ
        self._exclude = [re.compile(pattern) for pattern in settings.exclude]
        self._cache = OnlineCache(cache_dir, settings, notify)
        self._link_checker: LinkChecker | None = None
        self._lookup: RepositoryLookup | None = None
        self._lookup_failed = False  # an OnlineError: no further lookups this run
        self._repositories_without_token: set[str] = set()
        self._noted: set[str] = set()  # the kinds of note already given
        self._closed = False

    @property
    def requests_made(self) -> int:
        links = self._link_checker.requests_made if self._link_checker is not None else 0
        return links + (self._lookup.requests_made if self._lookup is not None else 0)

    @property
    def complete(self) -> bool:
        """False when some checks could not run: no token, a failed or partial lookup, no network."""
        skipped = {"failed", "incomplete", "offline"} & self._noted
        return not skipped and not self._repositories_without_token

    def facts_for(
        self,
        document: Document,
        rules: Collection[str],
        lines: Collection[int] | None = None,
        checkout: Path | None = None,
    ) -> OnlineFacts:
        enabled = frozenset(rules)
        urls = self._urls_to_check(document, lines)
        links: dict[str, LinkFact] = {}
        if enabled & LINK_RULES:
            links.update(self._web_links(url for url in urls if _is_fetched(url)))
            if checkout is not None:
                links.update(_relative_links((url for url in urls if not is_web_url(url)), checkout))
        slugs = _repository_keys(urls) if enabled & REPOSITORY_RULES else []
        wants_own = lines is None and bool(enabled & OWN_REPOSITORY_RULES) and is_list_readme(document.path)
        own = self._own_slug(document, checkout) if wants_own else None
        repositories, own_fact = self._repositories(slugs, own)
        return OnlineFacts(links, repositories, own_fact, now=time.time())

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        if self._repositories_without_token:
            count = len(self._repositories_without_token)
            noun = "repository" if count == 1 else "repositories"
            self._notify(f"GitHub repository checks need a token: set GITHUB_TOKEN ({count} {noun} not checked)")
        self._cache.save(time.time())
        if self._link_checker is not None:
            self._link_checker.close()

    # -- which URLs --------------------------------------------------------------------------------
    def _urls_to_check(self, document: Document, lines: Collection[int] | None) -> list[str]:
        chosen = _links_on_lines(document, links_to_check(document), lines)
        return list(dict.fromkeys(link.url for link in chosen if not self._is_excluded(link.url)))

    def _is_excluded(self, url: str) -> bool:
        return any(pattern.search(url) for pattern in self._exclude)

    # -- web links --------------------------------------------------------------------------------
    def _web_links(self, urls: Iterable[str]) -> dict[str, LinkFact]:
        now = time.time()
        found: dict[str, LinkFact] = {}
        missing: list[str] = []
        for url in urls:
            cached = self._cache.link(url, now)
            if cached is not None:
                found[url] = cached
            else:
                missing.append(url)
        if missing:
            checked = self._checker().check(missing)
            if _looks_offline(checked, self._environ):
                checked = self._offline(checked)
            self._cache.add_links(checked)
            found.update(checked)
        return found

    def _offline(self, checked: dict[str, LinkFact]) -> dict[str, LinkFact]:
        """No host resolved, not even GitHub's API: this machine has no network. Calling every link
        dead would be a lie, and a "could not verify" on each would bury the list under one cause:
        one note, and the links count as not checked (nothing cached)."""
        count = len(checked)
        noun = "link" if count == 1 else "links"
        self._note_once("offline", f"no host name resolved, not even GitHub's: no network? ({count} {noun} not checked)")
        return {}

    def _checker(self) -> LinkChecker:
        if self._link_checker is None:
            from awesome_lint.online.links import LinkChecker

            self._link_checker = LinkChecker(self._settings)
        return self._link_checker

    # -- repositories -----------------------------------------------------------------------------
    def _own_slug(self, document: Document, checkout: Path | None) -> str | None:
        from awesome_lint.online.github_api import own_repository_slug

        list_path = str(checkout / Path(document.path).name) if checkout is not None else None
        return own_repository_slug(self._settings, list_path, self._environ)

    def _repositories(self, slugs: list[str], own: str | None) -> tuple[dict[str, RepoFact], RepoFact | None]:
        now = time.time()
        found = {slug: fact for slug in slugs if (fact := self._cache.repository(slug, now)) is not None}
        missing = [slug for slug in slugs if slug not in found]
        own_fact = self._cache.own_repository(own.lower(), now) if own is not None else None
        ask_own = own if own_fact is None else None
        if missing or ask_own is not None:
            facts, own_found = self._look_up(missing, ask_own) or ({}, None)
            self._cache.add_repositories(facts)
            found.update(facts)
            if own is not None and own_found is not None:
                self._cache.add_own_repository(own.lower(), own_found)
                own_fact = own_found
        if own_fact is not None and not own_fact.found:
            message = f"the list's repository {own} is not on GitHub: set `repository` under [tool.awesome-lint.online]"
            self._note_once("own", message)
        return found, own_fact

    def _look_up(self, slugs: list[str], own: str | None) -> tuple[dict[str, RepoFact], RepoFact | None] | None:
        """The lookup's answer; None when it cannot run (no token, or it failed earlier)."""
        if self._lookup_failed:
            return None
        from awesome_lint.online.errors import OnlineError
        from awesome_lint.online.github_api import RepositoryLookup, api_access_from_environment

        if self._lookup is None:
            access = api_access_from_environment(self._environ)
            if access.token is None:
                self._repositories_without_token.update(slugs)
                self._repositories_without_token.update([own.lower()] if own else [])
                return None
            self._lookup = RepositoryLookup(access, self._settings)
        try:
            answer = self._lookup.lookup(slugs, own)
        except OnlineError as error:
            self._lookup_failed = True
            self._note_once("failed", f"GitHub repository checks skipped: {error}")
            return None
        if self._lookup.problem:
            self._note_once("incomplete", f"some GitHub repositories were not checked: {self._lookup.problem}")
        return answer

    def _note_once(self, kind: str, message: str) -> None:
        if kind not in self._noted:
            self._noted.add(kind)
            self._notify(message)


def _looks_offline(checked: Mapping[str, LinkFact], environ: Mapping[str, str]) -> bool:
    """Every link failed its host name lookup and the GitHub API's host does not resolve either."""
    from awesome_lint.online.github_api import api_access_from_environment
    from awesome_lint.online.links import NO_SUCH_HOST

    if not checked or any(fact.reason != NO_SUCH_HOST for fact in checked.values()):
        return False
    host = urlsplit(api_access_from_environment(environ).api_url).hostname or "api.github.com"
    try:
        socket.getaddrinfo(host, 443)
    except (OSError, UnicodeError):
        return True
    return False


def _links_on_lines(document: Document, links: Iterable[Link], lines: Collection[int] | None) -> Iterable[Link]:
    if lines is None:
        return links
    wanted = frozenset(lines)
    return (link for link in links if document.line_of(link.start) in wanted)


def _repository_keys(urls: Iterable[str]) -> list[str]:
    return sorted({repo.key for url in urls if (repo := github_repository(url)) is not None})


def _is_fetched(url: str) -> bool:
    """A web link fetched over HTTP: not a github.com page (repositories are looked up instead).
    A malformed URL is fetched too: the LinkChecker says what is wrong with it."""
    return is_web_url(url) and not _is_on_github(url)


def _is_on_github(url: str) -> bool:
    try:
        return (urlsplit(url).hostname or "") in GITHUB_HOSTS
    except ValueError:  # "https://[x/y": an unbalanced IPv6 bracket
        return False


# -- relative links ----------------------------------------------------------------------------------
def _relative_links(urls: Iterable[str], checkout: Path) -> dict[str, LinkFact]:
    """OK when the file or folder a relative link names exists in the checkout, DEAD when it does
    not; links that leave the work tree (outside git: the list's folder) are not judged. Not
    cached: the checkout is at hand."""
    folder = checkout.resolve()
    root = _work_tree_root(folder)
    now = time.time()
    facts: dict[str, LinkFact] = {}
    for url in urls:
        target = _link_target(url, folder, root)
        if target is None:
            continue
        if target.exists():
            facts[url] = LinkFact(url, LinkState.OK, None, "file exists", checked_at=now)
        else:
            facts[url] = LinkFact(url, LinkState.DEAD, None, "no such file", checked_at=now)
    return facts


def _link_target(url: str, folder: Path, root: Path | None) -> Path | None:
    """The path ``url`` names (its query and fragment left out, percent-decoded), or None when it
    cannot be judged: it leaves the work tree (``root``; outside git, the list's folder), or starts
    with '/' (the top of the repository, as GitHub renders it) and there is no work tree."""
    path = unquote(urlsplit(url).path)
    if not path:
        return None  # "?tab=readme" or the like: the page itself
    if path.startswith("/") and root is None:
        return None
    limit = root or folder
    target = Path(os.path.normpath(limit / path.lstrip("/") if path.startswith("/") else folder / path))
    return target if target == limit or limit in target.parents else None


def _work_tree_root(folder: Path) -> Path | None:
    """The top of the git work tree holding ``folder`` (a '.git' file or folder marks it)."""
    for candidate in (folder, *folder.parents):
        if (candidate / ".git").exists():
            return candidate
    return None
