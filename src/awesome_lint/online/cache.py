"""The disk cache of the online checks: link and repository facts, kept for a while.

One JSON file in the cache folder (``online-v1.json``), read once when the checks start and
written once when they end, atomically (a temporary file renamed over the old one). A fact is
served while it is younger than its time to live, counted from ``checked_at``: successes (a
working link, a redirect, a repository that exists) ``cache_hours``, failures (a dead link, one
that could not be verified, a repository not found) ``cache_failure_hours``, so that a flaky
site is asked again soon. A cache that cannot be read or written costs a note, never the run.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any, Callable, Mapping

from awesome_lint.facts import LinkFact, LinkState, RepoFact
from awesome_lint.online.settings import OnlineSettings

CACHE_FILE = "online-v1.json"  # a new format gets a new name: an old file is then simply not read
_SECONDS_PER_HOUR = 3600.0
_SUCCESSES = frozenset({LinkState.OK, LinkState.REDIRECT})


class CorruptCache(ValueError):
    """The cache file does not hold what this version writes."""


class OnlineCache:
    """Facts by URL (links), by repo_key (repositories) and the list's own repository by repo_key
    (looked up with more fields than a linked one). ``folder=None``: kept in memory for one run."""

    def __init__(self, folder: Path | None, settings: OnlineSettings, notify: Callable[[str], None]) -> None:
        self._folder = folder
        self._settings = settings
        self._notify = notify
        self._links: dict[str, LinkFact] = {}
        self._repositories: dict[str, RepoFact] = {}
        self._own: dict[str, RepoFact] = {}
        if folder is not None:
            self._read(folder / CACHE_FILE)

    # -- reading facts ----------------------------------------------------------------------------
    def link(self, url: str, now: float) -> LinkFact | None:
        fact = self._links.get(url)
        return fact if fact is not None and self.link_is_fresh(fact, now) else None

    def repository(self, key: str, now: float) -> RepoFact | None:
        fact = self._repositories.get(key)
        return fact if fact is not None and self.repository_is_fresh(fact, now) else None

    def own_repository(self, key: str, now: float) -> RepoFact | None:
        fact = self._own.get(key)
        return fact if fact is not None and self.repository_is_fresh(fact, now) else None

    def link_is_fresh(self, fact: LinkFact, now: float) -> bool:
        return self._is_fresh(fact.checked_at, fact.state in _SUCCESSES, now)

    def repository_is_fresh(self, fact: RepoFact, now: float) -> bool:
        return self._is_fresh(fact.checked_at, fact.found, now)

    def _is_fresh(self, checked_at: float, success: bool, now: float) -> bool:
        hours = self._settings.cache_hours if success else self._settings.cache_failure_hours
        return 0.0 <= now - checked_at < hours * _SECONDS_PER_HOUR

    # -- adding facts -----------------------------------------------------------------------------
    def add_links(self, facts: Mapping[str, LinkFact]) -> None:
        self._links.update(facts)

    def add_repositories(self, facts: Mapping[str, RepoFact]) -> None:
        self._repositories.update(facts)

    def add_own_repository(self, key: str, fact: RepoFact) -> None:
        self._own[key] = fact

    # -- the file ---------------------------------------------------------------------------------
    def _read(self, path: Path) -> None:
        try:
            raw = path.read_text(encoding="utf-8")
        except (FileNotFoundError, NotADirectoryError):  # no cache yet (and maybe no folder: said at save)
            return
        except (OSError, UnicodeDecodeError) as error:
            self._notify(f"the online cache {path} cannot be read ({_reason(error)}); checking afresh")
            return
        try:
            self._links, self._repositories, self._own = _decode(raw)
        except CorruptCache as error:
            self._notify(f"the online cache {path} is not valid ({error}); checking afresh")

    def save(self, now: float) -> None:
        """Write the facts still fresh at ``now``; nothing without a folder."""
        if self._folder is None:
            return
        payload = _encode(
            {url: fact for url, fact in self._links.items() if self.link_is_fresh(fact, now)},
            {key: fact for key, fact in self._repositories.items() if self.repository_is_fresh(fact, now)},
            {key: fact for key, fact in self._own.items() if self.repository_is_fresh(fact, now)},
        )
        try:
            _write_atomically(self._folder / CACHE_FILE, payload)
        except OSError as error:
            self._notify(f"the online cache cannot be written in {self._folder} ({_reason(error)}); results not kept")


def _reason(error: BaseException) -> str:
    return error.strerror if isinstance(error, OSError) and error.strerror else str(error)


def _write_atomically(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=path.name, suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
        os.replace(temporary, path)
    except BaseException:
        os.unlink(temporary)
        raise


# -- JSON ------------------------------------------------------------------------------------------
def _encode(links: Mapping[str, LinkFact], repositories: Mapping[str, RepoFact], own: Mapping[str, RepoFact]) -> str:
    return json.dumps(
        {
            "links": {url: fact._asdict() for url, fact in links.items()},
            "repositories": {key: fact._asdict() for key, fact in repositories.items()},
            "own_repositories": {key: fact._asdict() for key, fact in own.items()},
        },
        ensure_ascii=False,
        separators=(",", ":"),
    )


def _decode(raw: str) -> tuple[dict[str, LinkFact], dict[str, RepoFact], dict[str, RepoFact]]:
    try:
        data = json.loads(raw)
        return (
            {url: _link_fact(fields) for url, fields in _table(data, "links").items()},
            {key: _repo_fact(fields) for key, fields in _table(data, "repositories").items()},
            {key: _repo_fact(fields) for key, fields in _table(data, "own_repositories").items()},
        )
    except (ValueError, TypeError, KeyError, AttributeError) as error:
        raise CorruptCache(f"{type(error).__name__}: {error}") from None


def _table(data: Any, name: str) -> dict[str, Any]:
    table = data[name]
    if not isinstance(table, dict):
        raise TypeError(f"'{name}' is not an object")
    return table


def _link_fact(fields: dict[str, Any]) -> LinkFact:
    fact = LinkFact(**fields)
    return fact._replace(state=LinkState(fact.state), checked_at=float(fact.checked_at))


def _repo_fact(fields: dict[str, Any]) -> RepoFact:
    fact = RepoFact(**fields)
    return fact._replace(topics=tuple(fact.topics), checked_at=float(fact.checked_at))
