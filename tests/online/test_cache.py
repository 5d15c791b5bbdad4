"""The online cache: time to live by outcome, one JSON file written atomically, trouble as notes."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from awesome_lint.facts import LinkFact, LinkState, RepoFact
from awesome_lint.online.cache import CACHE_FILE, OnlineCache
from awesome_lint.online.settings import OnlineSettings

HOUR = 3600.0
T0 = 1_700_000_000.0
SETTINGS = OnlineSettings(cache_hours=24.0, cache_failure_hours=1.0)


def link(url: str, state: LinkState, checked_at: float = T0) -> LinkFact:
    status = {LinkState.OK: 200, LinkState.DEAD: 404, LinkState.REDIRECT: 301, LinkState.UNVERIFIED: 503}[state]
    final = "https://example.org/new" if state is LinkState.REDIRECT else None
    return LinkFact(url, state, status, f"{status}", final, checked_at)


def repo(slug: str, found: bool = True, checked_at: float = T0) -> RepoFact:
    return RepoFact(slug, found, "Owner/Name" if found else None, topics=("awesome",), checked_at=checked_at)


class Notes(list[str]):
    def __call__(self, message: str) -> None:
        self.append(message)


def reopen(folder: Path, settings: OnlineSettings = SETTINGS) -> tuple[OnlineCache, Notes]:
    notes = Notes()
    return OnlineCache(folder, settings, notes), notes


# -- time to live ------------------------------------------------------------------------------------


@pytest.mark.parametrize("state", [LinkState.OK, LinkState.REDIRECT])
def test_a_working_link_is_served_for_cache_hours(state: LinkState) -> None:
    cache = OnlineCache(None, SETTINGS, Notes())
    fact = link("https://a.example/", state)
    cache.add_links({fact.url: fact})
    assert cache.link(fact.url, T0 + 23.9 * HOUR) == fact
    assert cache.link(fact.url, T0 + 24 * HOUR) is None


@pytest.mark.parametrize("state", [LinkState.DEAD, LinkState.UNVERIFIED])
def test_a_failed_link_is_served_for_cache_failure_hours_only(state: LinkState) -> None:
    cache = OnlineCache(None, SETTINGS, Notes())
    fact = link("https://a.example/", state)
    cache.add_links({fact.url: fact})
    assert cache.link(fact.url, T0 + 0.9 * HOUR) == fact
    assert cache.link(fact.url, T0 + 1 * HOUR) is None


def test_repositories_found_live_longer_than_repositories_not_found() -> None:
    cache = OnlineCache(None, SETTINGS, Notes())
    cache.add_repositories({"a/found": repo("a/found"), "a/gone": repo("a/gone", found=False)})
    later = T0 + 2 * HOUR
    assert cache.repository("a/found", later) == repo("a/found")
    assert cache.repository("a/gone", later) is None
    assert cache.repository("a/gone", T0 + 0.5 * HOUR) == repo("a/gone", found=False)


def test_a_fact_from_the_future_is_not_trusted() -> None:
    cache = OnlineCache(None, SETTINGS, Notes())
    fact = link("https://a.example/", LinkState.OK, checked_at=T0 + HOUR)
    cache.add_links({fact.url: fact})
    assert cache.link(fact.url, T0) is None


def test_zero_hours_caches_nothing() -> None:
    cache = OnlineCache(None, OnlineSettings(cache_hours=0, cache_failure_hours=0), Notes())
    fact = link("https://a.example/", LinkState.OK)
    cache.add_links({fact.url: fact})
    assert cache.link(fact.url, T0) is None


def test_the_own_repository_is_kept_apart_from_linked_ones() -> None:
    cache = OnlineCache(None, SETTINGS, Notes())
    own = repo("me/list")._replace(description="A list", created_at="2020-01-01T00:00:00Z")
    cache.add_own_repository("me/list", own)
    assert cache.repository("me/list", T0) is None
    assert cache.own_repository("me/list", T0) == own


# -- the file --------------------------------------------------------------------------------------------


def test_facts_survive_a_save_and_a_new_run(tmp_path: Path) -> None:
    cache, notes = reopen(tmp_path)
    facts = [link(f"https://a.example/{state.value}", state) for state in LinkState]
    cache.add_links({fact.url: fact for fact in facts})
    cache.add_repositories({"a/b": repo("a/b"), "a/gone": repo("a/gone", found=False)})
    own = repo("me/list")._replace(description="A list ✓", topics=("awesome", "awesome-list"))
    cache.add_own_repository("me/list", own)
    cache.save(T0)
    again, notes_again = reopen(tmp_path)
    assert [again.link(fact.url, T0) for fact in facts] == facts
    assert again.repository("a/b", T0) == repo("a/b")
    assert again.repository("a/gone", T0) == repo("a/gone", found=False)
    assert again.own_repository("me/list", T0) == own
    assert notes == notes_again == []
    assert sorted(os.listdir(tmp_path)) == [CACHE_FILE]  # the temporary file was renamed, not left


def test_save_drops_what_has_expired(tmp_path: Path) -> None:
    cache, _ = reopen(tmp_path)
    cache.add_links(
        {
            "https://ok.example/": link("https://ok.example/", LinkState.OK),
            "https://dead.example/": link("https://dead.example/", LinkState.DEAD),
        }
    )
    cache.add_repositories({"a/gone": repo("a/gone", found=False), "a/b": repo("a/b")})
    cache.save(T0 + 2 * HOUR)
    stored = json.loads((tmp_path / CACHE_FILE).read_text(encoding="utf-8"))
    assert list(stored["links"]) == ["https://ok.example/"]
    assert list(stored["repositories"]) == ["a/b"]


def test_without_a_folder_nothing_is_written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    cache = OnlineCache(None, SETTINGS, Notes())
    cache.add_links({"https://a.example/": link("https://a.example/", LinkState.OK)})
    cache.save(T0)
    assert os.listdir(tmp_path) == []


def test_a_missing_folder_is_created_on_save(tmp_path: Path) -> None:
    folder = tmp_path / "deep" / "cache"
    cache, notes = reopen(folder)
    cache.save(T0)
    assert (folder / CACHE_FILE).is_file()
    assert notes == []


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ("{not json", "JSONDecodeError: Expecting property name enclosed in double quotes: line 1 column 2 (char 1)"),
        ("[]", "TypeError: list indices must be integers or slices, not str"),
        ('{"links": {}, "repositories": {}}', "KeyError: 'own_repositories'"),
        ('{"links": [], "repositories": {}, "own_repositories": {}}', "TypeError: 'links' is not an object"),
        (
            '{"links": {"u": {"url": "u", "state": "gone", "status": 1, "reason": "", "checked_at": 1}},'
            ' "repositories": {}, "own_repositories": {}}',
            "ValueError: 'gone' is not a valid LinkState",
        ),
        (
            '{"links": {}, "repositories": {"a/b": {"slug": "a/b", "colour": "red"}}, "own_repositories": {}}',
            "TypeError: RepoFact.__new__() got an unexpected keyword argument 'colour'",
        ),
    ],
)
def test_a_corrupt_cache_is_ignored_with_one_note(tmp_path: Path, content: str, reason: str) -> None:
    (tmp_path / CACHE_FILE).write_text(content, encoding="utf-8")
    cache, notes = reopen(tmp_path)
    assert notes == [f"the online cache {tmp_path / CACHE_FILE} is not valid ({reason}); checking afresh"]
    assert cache.link("u", T0) is None
    cache.add_links({"https://a.example/": link("https://a.example/", LinkState.OK)})
    cache.save(T0)  # and it is replaced by a good one
    assert reopen(tmp_path)[0].link("https://a.example/", T0) == link("https://a.example/", LinkState.OK)


def test_an_unreadable_cache_is_ignored_with_one_note(tmp_path: Path) -> None:
    (tmp_path / CACHE_FILE).mkdir()
    _, notes = reopen(tmp_path)
    assert notes == [f"the online cache {tmp_path / CACHE_FILE} cannot be read (Is a directory); checking afresh"]


def test_an_unwritable_folder_costs_one_note(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    cache, notes = reopen(blocker / "cache")
    cache.add_links({"https://a.example/": link("https://a.example/", LinkState.OK)})
    cache.save(T0)
    assert notes == [f"the online cache cannot be written in {blocker / 'cache'} (Not a directory); results not kept"]


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root writes into read-only folders")
def test_a_read_only_folder_leaves_the_old_cache_alone(tmp_path: Path) -> None:
    cache, _ = reopen(tmp_path)
    cache.add_links({"https://a.example/": link("https://a.example/", LinkState.OK)})
    cache.save(T0)
    before = (tmp_path / CACHE_FILE).read_bytes()
    tmp_path.chmod(0o555)
    try:
        again, notes = reopen(tmp_path)
        again.add_links({"https://b.example/": link("https://b.example/", LinkState.OK)})
        again.save(T0)
    finally:
        tmp_path.chmod(0o755)
    assert notes == [f"the online cache cannot be written in {tmp_path} (Permission denied); results not kept"]
    assert (tmp_path / CACHE_FILE).read_bytes() == before
    assert os.listdir(tmp_path) == [CACHE_FILE]
