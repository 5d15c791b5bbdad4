"""The online benchmark's own parts (bench/online.py): its servers answer as the figures assume,
its generated lists hold what it says they hold, and one small end-to-end run of the CLI."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import requests

from awesome_lint.document.build import build_document
from awesome_lint.facts import github_repository, links_to_check
from helpers import load_bench


bench = load_bench("online")
QUERY = """query($o1: String!, $n1: String!) {
  r0: repository(owner: "alal", name: "fast-cache") { nameWithOwner isArchived }
  r1: repository(owner: $o1, name: $n1) { nameWithOwner }
}"""


def post_graphql(server, token: str | None, variables: dict[str, str]) -> requests.Response:
    headers = {"Authorization": f"bearer {token}"} if token else {}
    payload = {"query": QUERY, "variables": variables}
    return requests.post(f"{server.origin}/graphql", json=payload, headers=headers, timeout=5)


def test_graphql_answers_found_renamed_and_missing_repositories_like_github() -> None:
    known = {
        "alal/fast-cache": bench.Repository("alal/fast-cache", archived=True),
        "be/old": bench.Repository("be/new"),
    }
    server = bench.GraphQLServer(known)
    with bench.Acceptor([server]):
        renamed = post_graphql(server, bench.TOKEN, {"o1": "BE", "n1": "old"}).json()
        missing = post_graphql(server, bench.TOKEN, {"o1": "be", "n1": "gone"}).json()
        anonymous = post_graphql(server, None, {"o1": "be", "n1": "old"})
    assert renamed["data"]["r0"]["isArchived"] is True
    assert renamed["data"]["r1"]["nameWithOwner"] == "be/new"
    assert "errors" not in renamed
    assert missing["data"]["r1"] is None
    assert [(e["type"], e["path"]) for e in missing["errors"]] == [("NOT_FOUND", ["r1"])]
    assert anonymous.status_code == 401
    assert server.traffic.requests == 3
    assert server.aliases_per_request == [2, 2]


def test_link_host_answers_by_path_and_refuses_head_when_told() -> None:
    every_host = bench.Traffic()
    plain, refusing = bench.LinkHost("127.0.0.2", every_host, False), bench.LinkHost("127.0.0.3", every_host, True)
    with bench.Acceptor([plain, refusing]):
        moved = requests.head(f"{plain.origin}/moved/x", timeout=5)
        answers = [
            requests.head(f"{plain.origin}/projects/x", timeout=5).status_code,
            requests.head(f"{plain.origin}/gone/x", timeout=5).status_code,
            requests.head(f"{refusing.origin}/projects/x", timeout=5).status_code,
            requests.get(f"{refusing.origin}/projects/x", timeout=5).status_code,
        ]
    assert (moved.status_code, moved.headers["Location"]) == (301, "/projects/x")
    assert answers == [200, 404, 405, 200]
    assert (plain.traffic.requests, refusing.traffic.requests, every_host.requests) == (3, 2, 5)


def test_traffic_counts_the_requests_in_flight_at_once_per_host() -> None:
    every_host = bench.Traffic()
    busy, quiet = bench.LinkHost("127.0.0.2", every_host, False), bench.LinkHost("127.0.0.3", every_host, False)
    urls = [f"{busy.origin}/projects/{n}" for n in range(3)] + [f"{quiet.origin}/projects/0"]
    with bench.Acceptor([busy, quiet]), ThreadPoolExecutor(4) as pool:
        assert set(pool.map(lambda url: requests.get(url, timeout=5).status_code, urls)) == {200}
    assert (busy.traffic.max_in_flight, quiet.traffic.max_in_flight, every_host.max_in_flight) == (3, 1, 4)


def test_repository_list_links_each_repository_once_per_entry_in_list_format() -> None:
    generated = bench.repository_list(200)
    links = list(links_to_check(build_document("README.md", generated.text)))
    keys = {github_repository(link.url).key for link in links}
    assert len(links) == 220  # one entry in ten also links its wiki
    assert len(keys) == generated.linked == 200
    assert generated.problems == 10  # per hundred: missing, disabled, two archived, renamed
    assert len(generated.repositories) == 198  # the two missing ones are unknown to the server
    linking = [line for line in generated.text.splitlines() if "github.com" in line]
    assert len(linking) == 200
    assert all(line.startswith("- [") and " - " in line and line.endswith(".") for line in linking)


def test_link_list_spreads_the_links_evenly_over_the_hosts() -> None:
    every_host = bench.Traffic()
    hosts = [bench.LinkHost(f"127.0.0.{2 + n}", every_host, False) for n in range(4)]
    try:
        generated = bench.link_list(hosts, 100)
    finally:
        for host in hosts:
            host.server_close()
    urls = [link.url for link in links_to_check(build_document("README.md", generated.text))]
    assert len(urls) == 100
    assert sorted(sum(url.startswith(host.origin) for url in urls) for host in hosts) == [25, 25, 25, 25]
    assert (generated.dead, generated.moved) == (sum("/gone/" in u for u in urls), sum("/moved/" in u for u in urls))
    assert (generated.dead, generated.moved) == (2, 2)


def test_a_small_run_batches_respects_the_host_limit_and_reuses_the_cache(tmp_path: Path) -> None:
    runs = bench.run_online(bench.Size(repositories=60, links=40, hosts=4, rounds=1), tmp_path)
    assert [run.error for run in (runs.first_repositories, runs.first_links, runs.second_links)] == [None] * 3
    assert (runs.graphql_requests, runs.aliases_per_request) == (2, [50, 10])
    assert runs.busiest_host <= bench.MAX_PER_HOST
    assert runs.second_requests == 0
    assert runs.first_repositories.findings["github-repository"] == runs.repositories.problems
    assert runs.first_links.findings == {"dead-link": runs.links.dead, "link-redirect": runs.links.moved}
    assert runs.second_links.findings == runs.first_links.findings
