"""LinkChecker against local HTTP servers (tests/online/http_scenarios.py): the exact fact for each
kind of answer, and the exact requests the server received."""

from __future__ import annotations

import re
import socket
import time
from typing import Iterator

import pytest
import requests

from awesome_lint.facts import LinkFact, LinkState
from awesome_lint.online.links import USER_AGENT, LinkChecker, _failure, _Failure
from awesome_lint.online.settings import OnlineSettings
from online.http_scenarios import ScenarioServer, Traffic, refused_url, scenario_server, scenario_servers

OK, DEAD, REDIRECT, UNVERIFIED = LinkState.OK, LinkState.DEAD, LinkState.REDIRECT, LinkState.UNVERIFIED
# Short waits: the backoff is capped by max_retry_wait, a timeout case waits timeout per attempt.
FAST = OnlineSettings(enabled=True, timeout=2.0, max_retry_wait=0.01)


@pytest.fixture
def server() -> Iterator[ScenarioServer]:
    with scenario_server() as started:
        yield started


def check_one(url: str, settings: OnlineSettings = FAST) -> LinkFact:
    checker = LinkChecker(settings)
    try:
        facts = checker.check([url])
    finally:
        checker.close()
    assert list(facts) == [url]
    return facts[url]


def fact(url: str, state: LinkState, status: int | None, reason: str, final_url: str | None = None) -> LinkFact:
    return LinkFact(url, state, status, reason, final_url)


def without_time(checked: LinkFact) -> LinkFact:
    return checked._replace(checked_at=0.0)


# --- answers -------------------------------------------------------------------------------------


def test_a_working_link_takes_one_head(server: ScenarioServer) -> None:
    url = server.url("/ok")
    before = time.time()
    checked = check_one(url)
    assert without_time(checked) == fact(url, OK, 200, "200 OK")
    assert before <= checked.checked_at <= time.time()
    assert server.requests() == [("HEAD", "/ok")]


def test_404_is_dead_after_get_confirms_it(server: ScenarioServer) -> None:
    url = server.url("/status/404")
    assert without_time(check_one(url)) == fact(url, DEAD, 404, "404 Not Found")
    assert server.requests() == [("HEAD", "/status/404"), ("GET", "/status/404")]


def test_410_is_dead_at_once(server: ScenarioServer) -> None:
    url = server.url("/status/410")
    assert without_time(check_one(url)) == fact(url, DEAD, 410, "410 Gone")
    assert server.requests() == [("HEAD", "/status/410")]


@pytest.mark.parametrize("code", [405, 501, 404, 403, 400])
def test_a_refused_head_is_asked_again_with_get(server: ScenarioServer, code: int) -> None:
    url = server.url(f"/head-refused/{code}")
    assert without_time(check_one(url)) == fact(url, OK, 200, "200 OK")
    assert server.requests() == [("HEAD", f"/head-refused/{code}"), ("GET", f"/head-refused/{code}")]


def test_a_host_that_refuses_head_gets_get_for_its_later_urls(server: ScenarioServer) -> None:
    checker = LinkChecker(OnlineSettings(max_per_host=1))
    facts = checker.check([server.url("/head-refused/405"), server.url("/ok")])
    checker.close()
    assert [f.state for f in facts.values()] == [OK, OK]
    assert server.requests() == [("HEAD", "/head-refused/405"), ("GET", "/head-refused/405"), ("GET", "/ok")]


def test_a_dead_url_does_not_make_its_host_get_only(server: ScenarioServer) -> None:
    checker = LinkChecker(OnlineSettings(max_per_host=1))
    facts = checker.check([server.url("/status/404"), server.url("/ok")])
    checker.close()
    assert [f.state for f in facts.values()] == [DEAD, OK]
    assert server.requests() == [("HEAD", "/status/404"), ("GET", "/status/404"), ("HEAD", "/ok")]


def test_403_is_unverified_with_its_status_after_the_get_retry(server: ScenarioServer) -> None:
    url = server.url("/status/403")
    assert without_time(check_one(url)) == fact(url, UNVERIFIED, 403, "403 Forbidden")
    assert server.requests() == [("HEAD", "/status/403"), ("GET", "/status/403")]


def test_401_is_unverified_without_a_get(server: ScenarioServer) -> None:
    url = server.url("/status/401")
    assert without_time(check_one(url)) == fact(url, UNVERIFIED, 401, "401 Unauthorized")
    assert server.requests() == [("HEAD", "/status/401")]


def test_any_other_status_is_unverified(server: ScenarioServer) -> None:
    url = server.url("/status/451")
    assert without_time(check_one(url)) == fact(url, UNVERIFIED, 451, "451 Unavailable For Legal Reasons")
    assert server.requests() == [("HEAD", "/status/451")]


# --- redirects -----------------------------------------------------------------------------------


def test_a_chain_of_permanent_redirects_is_a_redirect_to_its_end(server: ScenarioServer) -> None:
    url, end = server.url("/moved/301/moved/308/ok"), server.url("/ok")
    assert without_time(check_one(url)) == fact(url, REDIRECT, 200, f"moved permanently to {end}", end)
    assert server.requests() == [("HEAD", "/moved/301/moved/308/ok"), ("HEAD", "/moved/308/ok"), ("HEAD", "/ok")]


def test_a_permanent_redirect_to_another_host(server: ScenarioServer) -> None:
    with scenario_server("127.0.0.2") as other:
        url, end = server.url(f"/moved-to/308/{other.host}/ok/there"), other.url("/ok/there")
        assert without_time(check_one(url)) == fact(url, REDIRECT, 200, f"moved permanently to {end}", end)
        assert server.requests() == [("HEAD", f"/moved-to/308/{other.host}/ok/there")]
        assert other.requests() == [("HEAD", "/ok/there")]


def test_a_relative_location_is_resolved_against_the_current_url(server: ScenarioServer) -> None:
    url, end = server.url("/deep/down/relative"), server.url("/ok/from-relative")
    assert without_time(check_one(url)) == fact(url, REDIRECT, 200, f"moved permanently to {end}", end)
    assert server.requests() == [("HEAD", "/deep/down/relative"), ("HEAD", "/ok/from-relative")]


def test_the_fragment_is_kept_across_a_redirect(server: ScenarioServer) -> None:
    url, end = server.url("/moved/301/ok#install"), server.url("/ok#install")
    assert without_time(check_one(url)) == fact(url, REDIRECT, 200, f"moved permanently to {end}", end)
    assert server.requests() == [("HEAD", "/moved/301/ok"), ("HEAD", "/ok")]


def test_a_temporary_redirect_is_judged_by_where_it_ends(server: ScenarioServer) -> None:
    url, end = server.url("/moved/302/ok"), server.url("/ok")
    assert without_time(check_one(url)) == fact(url, OK, 200, f"redirects to {end}, which answers 200 OK")
    assert server.requests() == [("HEAD", "/moved/302/ok"), ("HEAD", "/ok")]


def test_permanent_then_temporary_redirects_to_the_last_permanent_target(server: ScenarioServer) -> None:
    url, target = server.url("/moved/301/moved/307/ok"), server.url("/moved/307/ok")
    assert without_time(check_one(url)) == fact(url, REDIRECT, 200, f"moved permanently to {target}", target)


def test_temporary_then_permanent_is_no_redirect(server: ScenarioServer) -> None:
    url, end = server.url("/moved/303/moved/301/ok"), server.url("/ok")
    assert without_time(check_one(url)) == fact(url, OK, 200, f"redirects to {end}, which answers 200 OK")


def test_a_permanent_redirect_to_a_dead_url_is_dead(server: ScenarioServer) -> None:
    url, end = server.url("/moved/301/status/410"), server.url("/status/410")
    assert without_time(check_one(url)) == fact(url, DEAD, 410, f"redirects to {end}, which answers 410 Gone")


def test_a_permanent_redirect_to_a_host_that_does_not_resolve_is_dead(server: ScenarioServer) -> None:
    url = server.url("/moved-to/301/nowhere.invalid/page")
    assert without_time(check_one(url)) == fact(
        url, DEAD, None, "redirects to http://nowhere.invalid/page: host does not resolve"
    )


def test_a_redirect_loop_is_unverified(server: ScenarioServer) -> None:
    url = server.url("/loop/a")
    assert without_time(check_one(url)) == fact(url, UNVERIFIED, 301, f"redirect loop at {url}")
    assert server.requests() == [("HEAD", "/loop/a"), ("HEAD", "/loop/b")] * 2


def test_a_redirect_to_itself_that_sets_a_cookie_is_followed_once_with_it(server: ScenarioServer) -> None:
    url = server.url("/cookie-gate")
    assert without_time(check_one(url)) == fact(url, OK, 200, "200 OK")
    first, second = server.traffic.received
    assert (first.path, "Cookie" in first.headers) == ("/cookie-gate", False)
    assert (second.path, second.headers.get("Cookie")) == ("/cookie-gate", "gate=passed")


def test_ten_redirects_are_followed_and_eleven_are_too_many(server: ScenarioServer) -> None:
    ten, eleven, end = server.url("/hops/10"), server.url("/hops/11"), server.url("/hops/0")
    assert without_time(check_one(ten)) == fact(ten, REDIRECT, 200, f"moved permanently to {end}", end)
    assert len(server.requests()) == 11
    assert without_time(check_one(eleven)) == fact(eleven, UNVERIFIED, 301, "more than 10 redirects")
    assert len(server.requests()) == 11 + 11


def test_a_redirect_to_another_scheme_is_unverified(server: ScenarioServer) -> None:
    url = server.url("/location/301?to=ftp://example.org/file")
    assert without_time(check_one(url)) == fact(
        url, UNVERIFIED, 301, "redirects to ftp://example.org/file, not a valid http(s) URL"
    )
    assert server.requests() == [("HEAD", "/location/301?to=ftp://example.org/file")]


# --- retries -------------------------------------------------------------------------------------


def test_429_honours_a_retry_after_of_seconds(server: ScenarioServer) -> None:
    url = server.url("/retry-after/0/1")
    started = time.monotonic()
    checked = check_one(url, OnlineSettings())  # the backoff it would use without Retry-After: 1 s
    assert time.monotonic() - started < 0.5
    assert without_time(checked) == fact(url, OK, 200, "200 OK")
    assert server.requests() == [("HEAD", "/retry-after/0/1")] * 2


def test_429_honours_a_retry_after_http_date(server: ScenarioServer) -> None:
    url = server.url("/retry-after-date/-10/1")
    started = time.monotonic()
    assert without_time(check_one(url, OnlineSettings())) == fact(url, OK, 200, "200 OK")
    assert time.monotonic() - started < 0.5
    assert server.requests() == [("HEAD", "/retry-after-date/-10/1")] * 2


def test_a_retry_after_beyond_max_retry_wait_is_not_waited(server: ScenarioServer) -> None:
    url = server.url("/retry-after/60/1")
    started = time.monotonic()
    assert without_time(check_one(url, OnlineSettings())) == fact(
        url, UNVERIFIED, 429, "429 Too Many Requests, retry after 60 s"
    )
    assert time.monotonic() - started < 0.5
    assert server.requests() == [("HEAD", "/retry-after/60/1")]


def test_a_retry_after_date_beyond_max_retry_wait_is_not_waited(server: ScenarioServer) -> None:
    url = server.url("/retry-after-date/3600/1")
    checked = check_one(url, OnlineSettings())
    assert (checked.state, checked.status) == (UNVERIFIED, 429)
    assert re.fullmatch(r"429 Too Many Requests, retry after 3[56]\d\d s", checked.reason)
    assert server.requests() == [("HEAD", "/retry-after-date/3600/1")]


def test_a_lasting_500_is_retried_then_unverified(server: ScenarioServer) -> None:
    url = server.url("/status/500")
    assert without_time(check_one(url)) == fact(url, UNVERIFIED, 500, "500 Internal Server Error")
    assert server.requests() == [("HEAD", "/status/500")] * 3  # retries = 2


def test_503_then_200_is_ok(server: ScenarioServer) -> None:
    url = server.url("/fail/503/1")
    assert without_time(check_one(url)) == fact(url, OK, 200, "200 OK")
    assert server.requests() == [("HEAD", "/fail/503/1")] * 2


def test_the_backoff_waits_between_retries_up_to_max_retry_wait(server: ScenarioServer) -> None:
    url = server.url("/fail/502/2")
    started = time.monotonic()
    assert check_one(url, OnlineSettings(max_retry_wait=0.15)).state is OK
    assert time.monotonic() - started >= 0.3  # two waits, each min(backoff, 0.15)
    assert server.requests() == [("HEAD", "/fail/502/2")] * 3


def test_a_slow_answer_times_out_and_is_retried(server: ScenarioServer) -> None:
    url = server.url("/slow/1")
    settings = OnlineSettings(timeout=0.3, retries=1)
    assert without_time(check_one(url, settings)) == fact(url, UNVERIFIED, None, "timed out after 0.3 s")
    assert server.requests() == [("HEAD", "/slow/1")] * 2


def test_a_dropped_connection_is_retried(server: ScenarioServer) -> None:
    url = server.url("/drop/1")
    assert without_time(check_one(url)) == fact(url, OK, 200, "200 OK")
    assert server.requests() == [("HEAD", "/drop/1")] * 2


def test_a_connection_dropped_every_time_is_unverified(server: ScenarioServer) -> None:
    url = server.url("/drop/9")
    checked = check_one(url)
    assert (checked.state, checked.status) == (UNVERIFIED, None)
    assert checked.reason.startswith("connection failed: "), checked.reason
    assert server.requests() == [("HEAD", "/drop/9")] * 3


# --- no answer -----------------------------------------------------------------------------------


def test_a_refused_connection_is_dead() -> None:
    url = refused_url()
    assert without_time(check_one(url)) == fact(url, DEAD, None, "connection refused")


def test_a_host_that_does_not_resolve_is_dead() -> None:
    url = "http://nothing-here.invalid/page"
    assert without_time(check_one(url)) == fact(url, DEAD, None, "host does not resolve")


@pytest.mark.parametrize(
    ("errno", "expected"),
    [
        (socket.EAI_NONAME, _Failure(DEAD, "host does not resolve")),
        (socket.EAI_AGAIN, _Failure(UNVERIFIED, "host name lookup failed for now", retryable=True)),
    ],
)
def test_only_a_lasting_name_lookup_failure_is_dead(errno: int, expected: _Failure) -> None:
    # A resolver that answers "try again" (EAI_AGAIN) says nothing about the host: no test server
    # can make getaddrinfo answer that, so the error requests raises is built as it wraps it.
    error = requests.ConnectionError(socket.gaierror(errno, "name lookup"))
    assert _failure(error, timeout=10) == expected


def test_a_tls_failure_is_unverified(server: ScenarioServer) -> None:
    url = server.url("/ok").replace("http://", "https://")  # the server speaks plain HTTP
    checked = check_one(url)
    assert (checked.state, checked.status) == (UNVERIFIED, None)
    assert checked.reason.startswith("TLS error: "), checked.reason


def test_a_url_that_is_not_http_is_unverified_without_a_request() -> None:
    checker = LinkChecker(FAST)
    facts = checker.check(["ftp://example.org/file", "http://"])
    checker.close()
    assert [without_time(f) for f in facts.values()] == [
        fact("ftp://example.org/file", UNVERIFIED, None, "not a valid http(s) URL"),
        fact("http://", UNVERIFIED, None, "not a valid http(s) URL"),
    ]
    assert checker.requests_made == 0


# --- the checker ---------------------------------------------------------------------------------


def test_duplicates_are_checked_once_and_every_url_is_a_key(server: ScenarioServer) -> None:
    urls = [server.url("/ok"), server.url("/status/410"), server.url("/ok")]
    checker = LinkChecker(FAST)
    facts = checker.check(urls)
    checker.close()
    assert list(facts) == [server.url("/ok"), server.url("/status/410")]
    assert sorted(server.requests()) == [("HEAD", "/ok"), ("HEAD", "/status/410")]


def test_requests_made_counts_every_hop_and_retry(server: ScenarioServer) -> None:
    checker = LinkChecker(FAST)
    checker.check([server.url("/moved/301/ok"), server.url("/fail/503/1"), server.url("/head-refused/405")])
    checker.close()
    assert checker.requests_made == len(server.requests()) == 6


def test_requests_carry_the_user_agent_and_accept_anything(server: ScenarioServer) -> None:
    check_one(server.url("/ok"))
    (received,) = server.traffic.received
    assert (received.headers["User-Agent"], received.headers["Accept"]) == (USER_AGENT, "*/*")
    assert re.fullmatch(r"awesome-lint/\S+ \(\+https://github\.com/awesome-lint/awesome-lint-python\)", USER_AGENT)


def test_cookies_do_not_travel_from_one_url_to_the_next(server: ScenarioServer) -> None:
    checker = LinkChecker(OnlineSettings(max_concurrency=1, max_per_host=1))
    checker.check([server.url("/cookie"), server.url("/ok")])
    checker.close()
    first, second = server.traffic.received
    assert (first.path, second.path) == ("/cookie", "/ok")
    assert "Cookie" not in second.headers


def test_a_connection_is_kept_alive_from_one_head_to_the_next(server: ScenarioServer) -> None:
    checker = LinkChecker(OnlineSettings(max_concurrency=1, max_per_host=1))
    checker.check([server.url("/ok/1"), server.url("/ok/2")])
    checker.close()
    first, second = server.traffic.received
    assert first.client_port == second.client_port


def test_the_host_with_most_urls_starts_first(server: ScenarioServer) -> None:
    with scenario_server("127.0.0.2", traffic=server.traffic) as busy:
        checker = LinkChecker(OnlineSettings(max_concurrency=1, max_per_host=1))
        checker.check([server.url("/ok"), busy.url("/ok/1"), busy.url("/ok/2")])
        checker.close()
    assert [r.host for r in server.traffic.received] == [busy.host, busy.host, server.host]


def test_one_host_never_gets_more_than_max_per_host_at_once() -> None:
    with scenario_server(latency=0.05) as server:
        checker = LinkChecker(OnlineSettings(max_per_host=3))
        facts = checker.check([server.url(f"/ok/{n}") for n in range(40)])
        checker.close()
    assert {f.state for f in facts.values()} == {OK}
    assert server.max_in_flight == 3
    assert checker.max_in_flight_per_host == 3


def test_redirect_hops_to_another_host_respect_its_limit() -> None:
    traffic = Traffic()
    with scenario_server("127.0.0.1", latency=0.05, traffic=traffic) as first, scenario_server(
        "127.0.0.2", latency=0.05, traffic=traffic
    ) as second:
        urls = [first.url(f"/moved-to/301/{second.host}/ok/{n}") for n in range(8)]
        urls += [second.url(f"/ok/own/{n}") for n in range(8)]
        checker = LinkChecker(OnlineSettings(max_concurrency=8, max_per_host=2))
        facts = checker.check(urls)
        checker.close()
    assert [f.state for f in facts.values()] == [REDIRECT] * 8 + [OK] * 8
    assert second.max_in_flight == 2
    assert checker.max_in_flight_per_host == 2


def test_a_busy_host_does_not_hold_up_the_others() -> None:
    with scenario_servers(2, latency=0.05) as (busy, quiet):
        checker = LinkChecker(OnlineSettings(max_concurrency=4, max_per_host=2))
        checker.check([busy.url(f"/ok/{n}") for n in range(20)] + [quiet.url("/ok")])
        checker.close()
    hosts_in_order = [r.host for r in busy.traffic.received]
    assert hosts_in_order.index(quiet.host) < 4  # not after the busy host's 20 URLs
