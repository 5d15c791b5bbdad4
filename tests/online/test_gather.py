"""OnlineChecker end to end: the real LinkChecker and RepositoryLookup against local servers that
count what they receive; which URLs are asked about, what the cache saves, the notes."""

from __future__ import annotations

import textwrap
from pathlib import Path
from typing import Any, Iterator

import pytest

from awesome_lint.document.build import build_document
from awesome_lint.document.model import Document
from awesome_lint.facts import LinkState, OnlineFacts
from awesome_lint.online.cache import CACHE_FILE
from awesome_lint.online.gather import OnlineChecker, default_cache_dir
from awesome_lint.online.settings import OnlineSettings
from online.fake_graphql import TOKEN, FakeRepository, GraphQLServer, repositories_with_renames
from online.http_scenarios import ScenarioServer, scenario_server

ALL_RULES = frozenset({"dead-link", "link-redirect", "github-repository", "list-repository"})
SETTINGS = OnlineSettings(enabled=True, timeout=2.0, retries=0)
REPOSITORIES = repositories_with_renames(
    [
        FakeRepository("octo/tool"),
        FakeRepository("octo/old-tool", archived=True),
        FakeRepository("new-owner/moved"),
        FakeRepository("me/list", description="Awesome things", topics=("awesome", "awesome-list")),
    ],
    renamed={"octo/moved": "new-owner/moved"},
)


class Notes(list[str]):
    def __call__(self, message: str) -> None:
        self.append(message)


@pytest.fixture
def web() -> Iterator[ScenarioServer]:
    with scenario_server() as server:
        yield server


@pytest.fixture
def github() -> Iterator[GraphQLServer]:
    with GraphQLServer(REPOSITORIES) as server:
        yield server


def environment(github: GraphQLServer | None = None, token: str | None = TOKEN) -> dict[str, str]:
    """The checker's environment: never the real one (GITHUB_REPOSITORY, a real token...)."""
    environ = {"GITHUB_TOKEN": token} if token else {}
    if github is not None:
        environ.update(GITHUB_API_URL=github.api_url, GITHUB_GRAPHQL_URL=github.graphql_url)
    return environ


def document(markdown: str, path: str = "README.md") -> Document:
    return build_document(path, textwrap.dedent(markdown))


def checker(
    environ: dict[str, str], cache_dir: Path | None = None, settings: OnlineSettings = SETTINGS
) -> tuple[OnlineChecker, Notes]:
    notes = Notes()
    return OnlineChecker(settings, cache_dir, notes, environ), notes


def states(facts: OnlineFacts) -> dict[str, tuple[LinkState, int | None]]:
    return {url: (fact.state, fact.status) for url, fact in facts.links.items()}


def found(facts: OnlineFacts) -> dict[str, tuple[bool, str | None]]:
    return {key: (fact.found, fact.name_with_owner) for key, fact in facts.repositories.items()}


def mixed_list(web: ScenarioServer) -> Document:
    return document(
        f"""\
        # Awesome Test

        ## Tools

        - [Works]({web.url("/ok/a")}) - Works.
        - [Gone]({web.url("/status/404")}) - Gone, see [the notes]({web.url("/ok/notes")}).
        - [Tool](https://github.com/octo/tool) - A repository.
        - [Tool again](https://github.com/Octo/Tool/tree/main/docs) - The same one, deeper.
        - [Missing](https://github.com/octo/missing) - Not on GitHub.
        - [Moved](https://github.com/octo/moved) - Renamed.
        - [Topic](https://github.com/topics/awesome) - A github.com page, not a repository.
        - [Mail](mailto:me@example.com) - Not a web link.
        - [Anchor](#tools) - An anchor.
        """
    )


# -- what is gathered -------------------------------------------------------------------------------


def test_links_are_fetched_and_repositories_looked_up(web: ScenarioServer, github: GraphQLServer) -> None:
    online, notes = checker(environment(github))
    facts = online.facts_for(mixed_list(web), ALL_RULES)
    online.close()
    assert states(facts) == {
        web.url("/ok/a"): (LinkState.OK, 200),
        web.url("/status/404"): (LinkState.DEAD, 404),
        web.url("/ok/notes"): (LinkState.OK, 200),
    }
    assert found(facts) == {
        "octo/tool": (True, "octo/tool"),
        "octo/missing": (False, None),
        "octo/moved": (True, "new-owner/moved"),
    }
    assert facts.own_repository is None  # no repository configured, none in the environment
    assert {path for _, path in web.requests()} == {"/ok/a", "/ok/notes", "/status/404"}
    assert [request.slugs for request in github.received] == [["octo/missing", "octo/moved", "octo/tool"]]
    assert online.requests_made == len(web.requests()) + 1
    assert notes == []


def test_only_the_facts_the_enabled_rules_read(web: ScenarioServer, github: GraphQLServer) -> None:
    online, _ = checker(environment(github))
    links_only = online.facts_for(mixed_list(web), {"dead-link"})
    assert (len(links_only.links), links_only.repositories) == (3, {})
    assert github.received == []
    repositories_only = online.facts_for(mixed_list(web), {"github-repository"})
    assert (repositories_only.links, len(repositories_only.repositories)) == ({}, 3)
    nothing = online.facts_for(mixed_list(web), {"alphabetical-order"})
    assert nothing == OnlineFacts(now=nothing.now)
    online.close()


def test_a_url_written_twice_is_checked_once(web: ScenarioServer) -> None:
    url = web.url("/ok/twice")
    online, _ = checker(environment())
    facts = online.facts_for(document(f"# A\n\n## B\n\n- [A]({url}) - One.\n- [B]({url}) - Two.\n"), {"dead-link"})
    online.close()
    assert list(facts.links) == [url]
    assert web.requests() == [("HEAD", "/ok/twice")]


def test_a_malformed_url_is_handed_to_the_link_checker() -> None:
    online, _ = checker(environment())
    facts = online.facts_for(document("# A\n\n## B\n\n- [X](https://[x/y) - X.\n"), {"dead-link", "github-repository"})
    online.close()
    assert states(facts) == {"https://[x/y": (LinkState.UNVERIFIED, None)}
    assert facts.repositories == {}


def test_only_links_on_the_given_lines(web: ScenarioServer, github: GraphQLServer) -> None:
    online, _ = checker(environment(github))
    facts = online.facts_for(mixed_list(web), ALL_RULES, lines={6, 8})  # "Gone" (two links) and "Tool again"
    online.close()
    assert sorted(facts.links) == sorted([web.url("/status/404"), web.url("/ok/notes")])
    assert list(facts.repositories) == ["octo/tool"]
    assert [request.slugs for request in github.received] == [["octo/tool"]]


def test_excluded_urls_are_not_asked_about(web: ScenarioServer, github: GraphQLServer) -> None:
    settings = OnlineSettings(enabled=True, timeout=2.0, exclude=("/status/", r"github\.com/octo/m"))
    online, _ = checker(environment(github), settings=settings)
    facts = online.facts_for(mixed_list(web), ALL_RULES)
    online.close()
    assert sorted(facts.links) == sorted([web.url("/ok/a"), web.url("/ok/notes")])
    assert list(facts.repositories) == ["octo/tool"]
    assert "/status/404" not in [path for _, path in web.requests()]


def test_the_own_repository_only_for_the_whole_readme(github: GraphQLServer) -> None:
    settings = OnlineSettings(enabled=True, repository="Me/List")
    online, _ = checker(environment(github), settings=settings)
    whole = online.facts_for(document("# Awesome\n"), {"list-repository"})
    assert whole.own_repository is not None
    assert (whole.own_repository.description, whole.own_repository.topics) == ("Awesome things", ("awesome", "awesome-list"))
    assert online.facts_for(document("# Awesome\n"), {"list-repository"}, lines={1}).own_repository is None
    assert online.facts_for(document("# Awesome\n"), {"dead-link"}).own_repository is None
    assert online.facts_for(document("# Guide\n", path="docs/guide.md"), {"list-repository"}).own_repository is None
    online.close()
    assert len(github.received) == 1


def test_the_own_repository_from_github_repository_in_the_environment(github: GraphQLServer) -> None:
    online, _ = checker({**environment(github), "GITHUB_REPOSITORY": "me/list"})
    facts = online.facts_for(document("# Awesome\n"), ALL_RULES)
    online.close()
    assert facts.own_repository is not None and facts.own_repository.name_with_owner == "me/list"


def test_an_own_repository_not_on_github_is_one_note(github: GraphQLServer, tmp_path: Path) -> None:
    settings = OnlineSettings(enabled=True, repository="me/gone")
    for _ in range(2):  # the second run reads the answer from the cache, and says so again
        online, notes = checker(environment(github), tmp_path, settings)
        facts = online.facts_for(document("# Awesome\n"), {"list-repository"})
        online.facts_for(document("# Awesome\n"), {"list-repository"})
        online.close()
        assert facts.own_repository is not None and facts.own_repository.found is False
        assert notes == ["the list's repository me/gone is not on GitHub: set `repository` under [tool.awesome-lint.online]"]
    assert len(github.received) == 1


# -- relative links -------------------------------------------------------------------------------


@pytest.fixture
def checkout(tmp_path: Path) -> Path:
    (tmp_path / ".git").mkdir()
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "guide.md").write_text("guide", encoding="utf-8")
    (tmp_path / "docs" / "a b.md").write_text("spaces", encoding="utf-8")
    (tmp_path / "lists").mkdir()
    return tmp_path / "lists"


RELATIVE_LIST = """\
    # Awesome

    ## Guides

    - [Guide](../docs/guide.md#setup) - With a fragment.
    - [Spaces](../docs/a%20b.md?plain=1) - Percent-encoded, with a query.
    - [Folder](../docs/) - A folder.
    - [Root](/docs/guide.md) - From the top of the repository.
    - [Missing](../docs/missing.md) - Not there.
    - [No scheme](www.example.com/page) - A web address without https://.
    - [Outside](../../elsewhere.md) - Leaves the repository.
    """


def test_relative_links_are_checked_against_the_checkout(checkout: Path) -> None:
    online, _ = checker(environment())
    facts = online.facts_for(document(RELATIVE_LIST), {"dead-link"}, checkout=checkout)
    online.close()
    assert {url: (fact.state, fact.reason) for url, fact in facts.links.items()} == {
        "../docs/guide.md#setup": (LinkState.OK, "file exists"),
        "../docs/a%20b.md?plain=1": (LinkState.OK, "file exists"),
        "../docs/": (LinkState.OK, "file exists"),
        "/docs/guide.md": (LinkState.OK, "file exists"),
        "../docs/missing.md": (LinkState.DEAD, "no such file"),
        "www.example.com/page": (LinkState.DEAD, "no such file"),
    }
    assert online.requests_made == 0


def test_without_a_git_work_tree_the_list_folder_is_the_limit(checkout: Path) -> None:
    (checkout.parent / ".git").rmdir()
    online, _ = checker(environment())
    facts = online.facts_for(document(RELATIVE_LIST), {"dead-link"}, checkout=checkout)
    online.close()
    assert list(facts.links) == ["www.example.com/page"]


def test_relative_links_without_a_checkout_are_not_judged(tmp_path: Path) -> None:
    online, _ = checker(environment(), cache_dir=tmp_path)
    facts = online.facts_for(document(RELATIVE_LIST), {"dead-link"})
    online.close()
    assert facts.links == {}


# -- the cache --------------------------------------------------------------------------------------


def test_a_second_run_inside_the_ttl_makes_no_request(web: ScenarioServer, github: GraphQLServer, tmp_path: Path) -> None:
    settings = OnlineSettings(enabled=True, timeout=2.0, repository="me/list")
    first, _ = checker(environment(github), tmp_path, settings)
    before = first.facts_for(mixed_list(web), ALL_RULES)
    first.close()
    requests_seen = (len(web.requests()), len(github.received))
    second, notes = checker(environment(github), tmp_path, settings)
    after = second.facts_for(mixed_list(web), ALL_RULES)
    second.close()
    assert second.requests_made == 0
    assert (len(web.requests()), len(github.received)) == requests_seen
    assert (after.links, after.repositories, after.own_repository) == (before.links, before.repositories, before.own_repository)
    assert after.own_repository is not None
    assert notes == []


def test_failures_are_asked_again_once_their_ttl_is_over(web: ScenarioServer, github: GraphQLServer, tmp_path: Path) -> None:
    settings = OnlineSettings(enabled=True, timeout=2.0, cache_failure_hours=0)
    seen = []
    for _ in range(2):
        online, _ = checker(environment(github), tmp_path, settings)
        online.facts_for(mixed_list(web), ALL_RULES)
        online.close()
        seen.append(len(web.requests()))
    assert {path for _, path in web.requests()[seen[0] :]} == {"/status/404"}
    assert [request.slugs for request in github.received] == [["octo/missing", "octo/moved", "octo/tool"], ["octo/missing"]]


def test_no_cache_folder_reads_and_writes_nothing(web: ScenarioServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    made = []
    for _ in range(2):
        online, _ = checker(environment(), None)
        online.facts_for(mixed_list(web), {"dead-link"})
        online.close()
        made.append(online.requests_made)
    assert made[0] == made[1] > 0
    assert list(tmp_path.iterdir()) == []


def test_the_cache_file_is_written_at_close(web: ScenarioServer, tmp_path: Path) -> None:
    online, _ = checker(environment(), tmp_path)
    online.facts_for(mixed_list(web), {"dead-link"})
    assert not (tmp_path / CACHE_FILE).exists()
    online.close()
    assert (tmp_path / CACHE_FILE).is_file()


# -- notes --------------------------------------------------------------------------------------------


def test_without_a_token_one_note_counts_the_repositories_of_every_file(web: ScenarioServer) -> None:
    online, notes = checker(environment(token=None))
    first = online.facts_for(mixed_list(web), ALL_RULES)
    second = online.facts_for(document("# A\n\n## B\n\n- [C](https://github.com/other/repo) - D.\n"), ALL_RULES)
    assert notes == []
    online.close()
    assert notes == ["GitHub repository checks need a token: set GITHUB_TOKEN (4 repositories not checked)"]
    assert (first.repositories, second.repositories) == ({}, {})
    assert len(first.links) == 3  # the links are checked all the same


def test_a_refused_token_is_one_note_and_no_further_request(github: GraphQLServer) -> None:
    online, notes = checker(environment(github, token="not-the-token"))
    for _ in range(2):
        facts = online.facts_for(document("# A\n\n## B\n\n- [C](https://github.com/octo/tool) - D.\n"), ALL_RULES)
        assert facts.repositories == {}
    online.close()
    assert len(notes) == 1
    assert notes[0].startswith("GitHub repository checks skipped: ")
    assert TOKEN not in notes[0] and "not-the-token" not in notes[0]
    assert len(github.received) == 1


class UnluckyGraphQLServer(GraphQLServer):
    """Answers 502 to any query that asks for a repository named "unlucky"."""

    def answer(self, path: str, raw: bytes, authorization: str) -> tuple[int, dict[str, Any], dict[str, str]]:
        status, payload, headers = super().answer(path, raw, authorization)
        return (502, {"message": "Bad Gateway"}, {}) if b"unlucky" in raw else (status, payload, headers)


def test_repositories_left_unanswered_are_one_note() -> None:
    entries = "".join(f"- [R{number}](https://github.com/octo/r{number:02}) - R.\n" for number in range(50))
    markdown = "# A\n\n## B\n\n" + entries + "- [U](https://github.com/zed/unlucky) - U.\n"
    with UnluckyGraphQLServer(REPOSITORIES) as github:
        online, notes = checker(environment(github))
        for _ in range(3):
            facts = online.facts_for(document(markdown), {"github-repository"})
        online.close()
    assert len(facts.repositories) == 50 and "zed/unlucky" not in facts.repositories
    assert notes == [
        "some GitHub repositories were not checked: GitHub API error (502): Bad Gateway",
        # the second document asks only for the one left: no answer at all, no more lookups this run
        "GitHub repository checks skipped: GitHub API: no repository could be looked up (GitHub API error (502): Bad Gateway)",
    ]
    assert len(github.received) == 3  # the batch of 50, the unlucky one, the unlucky one again; not a third time


def test_cached_repositories_are_served_without_a_token(github: GraphQLServer, tmp_path: Path) -> None:
    list_text = document("# A\n\n## B\n\n- [C](https://github.com/octo/tool) - D.\n")
    online, _ = checker(environment(github), tmp_path)
    online.facts_for(list_text, ALL_RULES)
    online.close()
    again, notes = checker(environment(token=None), tmp_path)
    facts = again.facts_for(list_text, ALL_RULES)
    again.close()
    assert facts.repositories["octo/tool"].found is True
    assert again.requests_made == 0
    assert notes == []


# -- the cache folder ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({"AWESOME_LINT_CACHE_DIR": "/c/mine", "XDG_CACHE_HOME": "/x"}, Path("/c/mine")),
        ({"AWESOME_LINT_CACHE_DIR": "", "XDG_CACHE_HOME": "/x"}, Path("/x/awesome-lint")),
        ({}, Path.home() / ".cache" / "awesome-lint"),
    ],
)
def test_default_cache_dir(environ: dict[str, str], expected: Path) -> None:
    assert default_cache_dir(environ) == expected
