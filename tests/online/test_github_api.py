"""RepositoryLookup against a local GraphQL endpoint (the real PyGithub over HTTP), the API's
addresses from the environment, and the list's own repository from config, Actions or git."""

from __future__ import annotations

import socket
import subprocess
import time
from pathlib import Path

import pytest

from awesome_lint.facts import RepoFact
from awesome_lint.online.errors import OnlineError
from awesome_lint.online.github_api import (
    REPOSITORY_FIELDS,
    ApiAccess,
    RepositoryLookup,
    api_access_from_environment,
    github_slug_of_remote,
    own_repository_slug,
)
from awesome_lint.online.settings import OnlineSettings
from online.fake_graphql import (
    MAX_REPOSITORIES,
    TOKEN,
    FakeRepository,
    GraphQLServer,
    Reply,
    answer_graphql,
    repositories_with_renames,
)

SECONDARY_RATE_LIMIT = "You have exceeded a secondary rate limit. Please wait a few minutes before you try again."
REPOSITORIES = repositories_with_renames(
    [
        FakeRepository("octo/alive", stars=42, license=("Apache-2.0", "Apache License 2.0"), description="Alive."),
        FakeRepository("octo/attic", archived=True, license=None),
        FakeRepository("octo/frozen", disabled=True),
        FakeRepository("NewOwner/New-Name", license=("NOASSERTION", "Other")),
        FakeRepository("me/awesome-things", description="Things.", topics=("awesome", "awesome-list"),
                       created_at="2020-02-02T00:00:00Z"),
    ],
    renamed={"octo/old-name": "NewOwner/New-Name"},
)  # fmt: skip


@pytest.fixture
def server():  # type: ignore[no-untyped-def]
    with GraphQLServer(REPOSITORIES) as running:
        yield running


class Sleeps(list[float]):
    def __call__(self, seconds: float) -> None:
        self.append(seconds)


def lookup_for(server: GraphQLServer, token: str = TOKEN, sleeps: Sleeps | None = None, batch_size: int = 50,
               **settings: object) -> RepositoryLookup:  # fmt: skip
    access = ApiAccess(token, server.api_url, server.graphql_url)
    return RepositoryLookup(access, OnlineSettings(**settings), batch_size, sleep=sleeps if sleeps is not None else Sleeps())  # type: ignore[arg-type]


def without_time(facts: dict[str, RepoFact]) -> dict[str, RepoFact]:
    return {key: fact._replace(checked_at=0.0) for key, fact in facts.items()}


def test_found_archived_renamed_missing_and_disabled_in_one_batch(server: GraphQLServer) -> None:
    lookup = lookup_for(server)
    facts, own = lookup.lookup(["octo/alive", "Octo/Attic", "octo/old-name", "octo/gone", "octo/frozen"])

    assert own is None
    assert lookup.requests_made == len(server.received) == 1
    common = {"pushed_at": "2026-11-20T10:00:00Z", "created_at": "2019-05-01T08:00:00Z", "stars": 1234}
    assert without_time(facts) == {
        "octo/alive": RepoFact("octo/alive", True, "octo/alive", **dict(common, stars=42), license="Apache-2.0",
                               description="Alive."),
        "octo/attic": RepoFact("octo/attic", True, "octo/attic", archived=True, **common, license=None,
                               description="A project."),
        "octo/old-name": RepoFact("octo/old-name", True, "NewOwner/New-Name", **common, license="Other",
                                  description="A project."),
        "octo/gone": RepoFact("octo/gone", False),
        "octo/frozen": RepoFact("octo/frozen", True, "octo/frozen", disabled=True, **common, license="MIT",
                                description="A project."),
    }  # fmt: skip
    assert all(fact.checked_at > 0 for fact in facts.values())


def test_names_travel_as_variables_never_in_the_query_text(server: GraphQLServer) -> None:
    lookup_for(server).lookup(["octo/alive", "octo/gone"])

    body = server.received[0].body
    assert body["variables"] == {"o0": "octo", "n0": "alive", "o1": "octo", "n1": "gone"}
    assert "r0: repository(owner: $o0, name: $n0)" in body["query"]
    assert "octo" not in body["query"] and "alive" not in body["query"]
    assert "repositoryTopics" not in body["query"]
    assert server.received[0].authorization == f"token {TOKEN}"


def test_120_repositories_take_exactly_three_requests_of_at_most_50(server: GraphQLServer) -> None:
    slugs = [f"octo/project-{n}" for n in range(120)]
    lookup = lookup_for(server)

    facts, _ = lookup.lookup(slugs)

    assert [request.aliases for request in server.received] == [50, 50, 20]
    assert [request.slugs for request in server.received] == [slugs[:50], slugs[50:100], slugs[100:]]
    assert lookup.requests_made == 3
    assert sorted(facts) == sorted(slugs) and not any(fact.found for fact in facts.values())


def test_a_slug_repeated_in_any_case_is_asked_once(server: GraphQLServer) -> None:
    facts, _ = lookup_for(server).lookup(["octo/alive", "OCTO/Alive", "octo/alive"])

    assert server.received[0].slugs == ["octo/alive"]
    assert list(facts) == ["octo/alive"]


def test_names_github_cannot_hold_are_not_found_without_asking(server: GraphQLServer) -> None:
    lookup = lookup_for(server)

    facts, own = lookup.lookup(["octo.dots/name", "-dash/name", "octo/..", "octo/a/b", "x" * 40 + "/name"], own="me/a b")

    assert lookup.requests_made == 0
    assert own is not None and own._replace(checked_at=0.0) == RepoFact("me/a b", False)
    assert {key: fact.found for key, fact in facts.items()} == {
        "octo.dots/name": False, "-dash/name": False, "octo/..": False, "octo/a/b": False, "x" * 40 + "/name": False,
    }  # fmt: skip


def test_own_repository_is_asked_with_its_topics(server: GraphQLServer) -> None:
    facts, own = lookup_for(server).lookup(["octo/alive"], own="Me/Awesome-Things")

    assert list(facts) == ["octo/alive"]
    assert own is not None
    assert own._replace(checked_at=0.0) == RepoFact(
        "me/awesome-things", True, "me/awesome-things", pushed_at="2026-11-20T10:00:00Z",
        created_at="2020-02-02T00:00:00Z", stars=1234, license="MIT", description="Things.",
        topics=("awesome", "awesome-list"),
    )  # fmt: skip
    query = server.received[0].body["query"]
    assert query.count("repositoryTopics(first: 50)") == 1
    assert "r1: repository(owner: $o1, name: $n1) { nameWithOwner" in query and query.rstrip().endswith("} } } }\n}")


def test_own_repository_also_linked_is_asked_once(server: GraphQLServer) -> None:
    facts, own = lookup_for(server).lookup(["me/awesome-things"], own="me/awesome-things")

    assert server.received[0].aliases == 1
    assert own is not None and own.topics == ("awesome", "awesome-list")
    assert facts["me/awesome-things"].found


def test_own_repository_missing(server: GraphQLServer) -> None:
    _, own = lookup_for(server).lookup([], own="me/nothing")

    assert own is not None and own._replace(checked_at=0.0) == RepoFact("me/nothing", False)


def test_without_a_token_the_lookup_refuses_clearly() -> None:
    with pytest.raises(OnlineError, match=r"need a token \(GITHUB_TOKEN or GH_TOKEN\)"):
        RepositoryLookup(ApiAccess(None, "https://api.github.com", "https://api.github.com/graphql"), OnlineSettings())


def test_a_refused_token_is_one_online_error_without_the_token(server: GraphQLServer) -> None:
    bad = "ghp_not_a_valid_token_123"
    with pytest.raises(OnlineError) as raised:
        lookup_for(server, token=bad).lookup(["octo/alive"])

    assert str(raised.value) == "GitHub refused the token (401): Bad credentials"
    assert len(server.received) == 1


def test_secondary_rate_limit_waits_retry_after_then_succeeds(server: GraphQLServer) -> None:
    server.replies.append(Reply(403, {"message": SECONDARY_RATE_LIMIT}, {"Retry-After": "7"}))
    sleeps = Sleeps()
    lookup = lookup_for(server, sleeps=sleeps)

    facts, _ = lookup.lookup(["octo/alive"])

    assert sleeps == [7.0]
    assert lookup.requests_made == len(server.received) == 2
    assert facts["octo/alive"].found


def test_primary_graphql_rate_limit_waits_until_the_reset(server: GraphQLServer) -> None:
    reset = int(time.time()) + 20
    server.replies.append(Reply(200, {"errors": [{"type": "RATE_LIMITED", "message": "API rate limit exceeded for user ID 1."}]},
                                {"x-ratelimit-remaining": "0", "x-ratelimit-reset": str(reset)}))  # fmt: skip
    sleeps = Sleeps()

    facts, _ = lookup_for(server, sleeps=sleeps).lookup(["octo/alive"])

    assert len(sleeps) == 1 and 18 <= sleeps[0] <= 20
    assert facts["octo/alive"].found


def test_a_rate_limit_longer_than_max_retry_wait_gives_up_without_waiting(server: GraphQLServer) -> None:
    server.replies.append(Reply(429, {"message": SECONDARY_RATE_LIMIT}, {"Retry-After": "120"}))
    sleeps = Sleeps()

    with pytest.raises(OnlineError, match=r"GitHub rate limit \(429\).*wait 120 s"):
        lookup_for(server, sleeps=sleeps, max_retry_wait=30.0).lookup(["octo/alive"])

    assert sleeps == [] and len(server.received) == 1


def test_a_rate_limit_after_some_batches_keeps_their_answers(server: GraphQLServer) -> None:
    first_batch = {"data": {"r0": REPOSITORIES["octo/alive"].node(REPOSITORY_FIELDS), "r1": None},
                   "errors": [{"type": "NOT_FOUND", "path": ["r1"]}]}  # fmt: skip
    server.replies.extend([Reply(200, first_batch), Reply(429, {"message": SECONDARY_RATE_LIMIT}, {"Retry-After": "600"})])
    lookup = lookup_for(server, batch_size=2)

    facts, _ = lookup.lookup(["octo/alive", "octo/gone", "octo/frozen"])

    assert {key: fact.found for key, fact in facts.items()} == {"octo/alive": True, "octo/gone": False}
    assert lookup.problem == f"GitHub rate limit (429): {SECONDARY_RATE_LIMIT}; GitHub asks to wait 600 s"
    assert len(server.received) == 2


def test_a_server_error_on_a_batch_retries_it_in_halves(server: GraphQLServer) -> None:
    server.replies.append(Reply(502, {"message": "Something went wrong while executing your query."}))
    sleeps = Sleeps()
    lookup = lookup_for(server, sleeps=sleeps)

    facts, _ = lookup.lookup(["octo/alive", "octo/attic", "octo/gone", "octo/frozen"])

    assert [request.slugs for request in server.received] == [
        ["octo/alive", "octo/attic", "octo/gone", "octo/frozen"], ["octo/alive", "octo/attic"], ["octo/gone", "octo/frozen"],
    ]  # fmt: skip
    assert sleeps == [] and lookup.requests_made == 3
    assert {key: fact.found for key, fact in facts.items()} == {
        "octo/alive": True, "octo/attic": True, "octo/gone": False, "octo/frozen": True,
    }  # fmt: skip


def test_a_single_repository_the_server_keeps_failing_on_stops_the_lookup(server: GraphQLServer) -> None:
    failing = Reply(504, {"message": "We couldn't respond to your request in time."})
    not_found = Reply(200, {"data": {"r0": None}, "errors": [{"type": "NOT_FOUND", "path": ["r0"]}]})
    server.replies.extend([failing, not_found, failing, failing, failing])
    sleeps = Sleeps()
    lookup = lookup_for(server, sleeps=sleeps, batch_size=2, retries=2)

    facts, _ = lookup.lookup(["octo/gone", "octo/alive", "octo/frozen"])

    assert [request.slugs for request in server.received] == [["octo/gone", "octo/alive"], ["octo/gone"]] + [["octo/alive"]] * 3
    assert list(facts) == ["octo/gone"] and not facts["octo/gone"].found
    assert sleeps == [0.5, 1.0] and lookup.requests_made == 5
    assert lookup.problem == "GitHub API error (504): We couldn't respond to your request in time."


def test_a_repository_with_another_error_is_not_checked(server: GraphQLServer) -> None:
    forbidden = {"type": "FORBIDDEN", "path": ["r0"], "message": "Resource protected by organization SAML enforcement."}
    server.replies.append(Reply(200, {"data": {"r0": None, "r1": None},
                                      "errors": [forbidden, {"type": "NOT_FOUND", "path": ["r1"]}]}))  # fmt: skip

    facts, _ = lookup_for(server).lookup(["corp/private", "octo/gone"])

    assert list(facts) == ["octo/gone"]


def test_an_unreachable_api_is_one_online_error_after_the_retries() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    sleeps = Sleeps()
    access = ApiAccess(TOKEN, f"http://127.0.0.1:{port}", f"http://127.0.0.1:{port}/graphql")
    lookup = RepositoryLookup(access, OnlineSettings(retries=2), sleep=sleeps)

    with pytest.raises(OnlineError, match=r"no repository could be looked up \(GitHub API unreachable \(ConnectionError\)\)"):
        lookup.lookup(["octo/alive"] * 3 + [f"octo/p{n}" for n in range(60)])

    assert sleeps == [0.5, 1.0] and lookup.requests_made == 3  # the second batch is not tried


def test_enterprise_graphql_url_is_derived_from_the_api_url(server: GraphQLServer) -> None:
    access = api_access_from_environment({"GITHUB_TOKEN": TOKEN, "GITHUB_API_URL": server.api_url + "/api/v3"})
    assert access.graphql_url == server.api_url + "/api/graphql"

    facts, _ = RepositoryLookup(access, OnlineSettings()).lookup(["octo/alive"])

    assert server.received[0].path == "/api/graphql"
    assert facts["octo/alive"].found


def test_a_graphql_url_pygithub_will_not_send_to_is_one_online_error(server: GraphQLServer) -> None:
    access = ApiAccess(TOKEN, server.api_url + "/api/v3", server.api_url + "/elsewhere/graphql")

    with pytest.raises(OnlineError, match=r"GraphQL URL http://127.0.0.1:\d+/elsewhere/graphql is not under the API URL"):
        RepositoryLookup(access, OnlineSettings()).lookup(["octo/alive"])

    assert server.received == []


# -- the fake is as strict as GitHub ------------------------------------------------------------
def test_fake_refuses_more_repositories_than_the_node_limit_and_the_lookup_reports_it(server: GraphQLServer) -> None:
    with pytest.raises(OnlineError, match=r"GitHub refused the repository query \(200\): This query requests 101 repositories"):
        lookup_for(server, batch_size=MAX_REPOSITORIES + 1).lookup([f"o/r{n}" for n in range(MAX_REPOSITORIES + 1)])


def test_fake_refuses_names_written_into_the_query() -> None:
    status, payload, _ = answer_graphql(
        {"query": 'query { r0: repository(owner: "octo", name: "alive") { nameWithOwner } }'}, f"bearer {TOKEN}", REPOSITORIES
    )

    assert status == 200 and "data" not in payload
    assert payload["errors"][0]["message"].startswith("this fake wants variables")


def test_fake_answers_not_found_in_github_shape() -> None:
    query = "query($o0: String!, $n0: String!) {\n  r0: repository(owner: $o0, name: $n0) { nameWithOwner }\n}"
    status, payload, _ = answer_graphql({"query": query, "variables": {"o0": "o", "n0": "r"}}, f"bearer {TOKEN}", {})

    assert (status, payload) == (200, {"data": {"r0": None}, "errors": [{
        "type": "NOT_FOUND", "path": ["r0"], "locations": [{"line": 2, "column": 3}],
        "message": "Could not resolve to a Repository with the name 'o/r'.",
    }]})  # fmt: skip


def test_fake_wants_a_token() -> None:
    assert answer_graphql({"query": "{}"}, "", REPOSITORIES)[:2] == (401, {"message": "Bad credentials", "documentation_url": "https://docs.github.com/graphql"})


# -- the API's addresses --------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({}, ApiAccess(None, "https://api.github.com", "https://api.github.com/graphql")),
        ({"GITHUB_TOKEN": "a", "GH_TOKEN": "b"}, ApiAccess("a", "https://api.github.com", "https://api.github.com/graphql")),
        ({"GITHUB_TOKEN": "", "GH_TOKEN": "b"}, ApiAccess("b", "https://api.github.com", "https://api.github.com/graphql")),
        ({"GITHUB_TOKEN": "", "GH_TOKEN": ""}, ApiAccess(None, "https://api.github.com", "https://api.github.com/graphql")),
        ({"GITHUB_API_URL": "https://ghe.example/api/v3/"}, ApiAccess(None, "https://ghe.example/api/v3", "https://ghe.example/api/graphql")),
        ({"GITHUB_API_URL": "https://ghe.example/api/v3", "GITHUB_GRAPHQL_URL": "https://ghe.example/gql"},
         ApiAccess(None, "https://ghe.example/api/v3", "https://ghe.example/gql")),
    ],
)  # fmt: skip
def test_api_access_from_environment(environ: dict[str, str], expected: ApiAccess) -> None:
    assert api_access_from_environment(environ) == expected


# -- the list's own repository --------------------------------------------------------------------
@pytest.mark.parametrize(
    ("remote", "slug"),
    [
        ("https://github.com/me/awesome-things.git", "me/awesome-things"),
        ("https://github.com/me/awesome-things", "me/awesome-things"),
        ("https://github.com/me/awesome-things/", "me/awesome-things"),
        ("https://x-access-token:abc@github.com/me/awesome-things.git", "me/awesome-things"),
        ("git@github.com:me/awesome-things.git", "me/awesome-things"),
        ("git@github.com:me/awesome-things", "me/awesome-things"),
        ("ssh://git@github.com/me/awesome-things.git", "me/awesome-things"),
        ("ssh://git@github.com:22/me/awesome-things.git", "me/awesome-things"),
        ("https://gitlab.com/me/awesome-things.git", None),
        ("git@gitlab.com:me/awesome-things.git", None),
        ("https://github.com/me", None),
        ("https://github.com/me/awesome-things/tree/main", None),
        ("/srv/git/awesome-things.git", None),
        ("file:///srv/git/github.com/me/x.git", None),
    ],
)
def test_github_slug_of_remote(remote: str, slug: str | None) -> None:
    assert github_slug_of_remote(remote) == slug


def git_work_tree(folder: Path, origin: str | None) -> Path:
    subprocess.run(["git", "init", "-q", str(folder)], check=True)
    if origin is not None:
        subprocess.run(["git", "-C", str(folder), "remote", "add", "origin", origin], check=True)
    (folder / "docs").mkdir()
    (folder / "docs" / "README.md").write_text("# Awesome\n")
    return folder / "docs" / "README.md"


@pytest.mark.parametrize(
    ("origin", "slug"),
    [("git@github.com:Me/Awesome.git", "Me/Awesome"), ("https://github.com/me/awesome", "me/awesome"),
     ("https://gitlab.com/me/awesome.git", None), (None, None)],
)  # fmt: skip
def test_own_repository_from_the_origin_remote(tmp_path: Path, origin: str | None, slug: str | None) -> None:
    list_path = git_work_tree(tmp_path / "list", origin)

    assert own_repository_slug(OnlineSettings(), str(list_path), environ={}) == slug


def test_own_repository_outside_a_git_work_tree(tmp_path: Path) -> None:
    (tmp_path / "README.md").write_text("# Awesome\n")

    assert own_repository_slug(OnlineSettings(), str(tmp_path / "README.md"), environ={}) is None


def test_own_repository_config_beats_actions_beats_the_remote(tmp_path: Path) -> None:
    list_path = str(git_work_tree(tmp_path / "list", "git@github.com:remote/list.git"))
    actions = {"GITHUB_REPOSITORY": "actions/list"}

    assert own_repository_slug(OnlineSettings(repository="config/list"), list_path, actions) == "config/list"
    assert own_repository_slug(OnlineSettings(), list_path, actions) == "actions/list"
    assert own_repository_slug(OnlineSettings(), list_path, {}) == "remote/list"
    assert own_repository_slug(OnlineSettings(), None, {}) is None


def test_the_pull_request_fake_answers_repository_queries_too(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.syspath_prepend(str(Path(__file__).parents[1] / "github"))
    from fake_github import TOKEN as PR_TOKEN
    from fake_github import FakeGitHub

    with FakeGitHub("me/awesome-things", 1, "a" * 40, "b" * 40, []) as github:
        github.repositories = REPOSITORIES
        access = api_access_from_environment({"GITHUB_TOKEN": PR_TOKEN, "GITHUB_API_URL": github.base_url})
        facts, own = RepositoryLookup(access, OnlineSettings()).lookup(["octo/old-name", "octo/gone"], own="me/awesome-things")

    assert {key: (fact.found, fact.name_with_owner) for key, fact in facts.items()} == {
        "octo/old-name": (True, "NewOwner/New-Name"), "octo/gone": (False, None),
    }  # fmt: skip
    assert own is not None and own.topics == ("awesome", "awesome-list")
    assert [(request.method, request.path) for request in github.requests] == [("POST", "/graphql")]
