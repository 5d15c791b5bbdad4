"""Whether links work: HTTP checks through ``requests`` and a thread pool (issue 10, DESIGN.md §5b).

Each URL gets HEAD, then GET when HEAD is refused; redirects are followed one hop at a time so that
permanent ones (301/308) can be told from temporary ones (302/303/307); 429, 5xx, timeouts and
dropped connections are retried with backoff that honours ``Retry-After``. At most
``max_concurrency`` requests are in flight, and at most ``max_per_host`` to one host.

What a maintainer should put in the list is the last URL reached by permanent hops from the start:
a chain 301 → 302 → 200 is a REDIRECT to the URL the 301 names (the 302 may change any day), and a
chain that starts with a temporary hop is judged by where it ends and is never a REDIRECT.
"""

from __future__ import annotations

import socket
import threading
import time
from collections import Counter, deque
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from email.utils import parsedate_to_datetime
from http import HTTPStatus
from typing import Iterator, NamedTuple, Sequence
from urllib.parse import urldefrag, urljoin, urlsplit

import requests
from requests.adapters import HTTPAdapter
from urllib3.exceptions import NameResolutionError

from awesome_lint import __version__
from awesome_lint.facts import LinkFact, LinkState, with_fragment_of
from awesome_lint.online.settings import OnlineSettings

USER_AGENT = f"awesome-lint/{__version__} (+https://github.com/awesome-lint/awesome-lint-python)"

MAX_REDIRECTS = 10
# A site may set a cookie and redirect to the same URL, which then answers: a URL reached a third
# time is a loop.
MAX_VISITS = 2
REDIRECTS = frozenset({301, 302, 303, 307, 308})
PERMANENT_REDIRECTS = frozenset({301, 308})
DEAD_STATUSES = frozenset({404, 410})
# Answers to HEAD that some servers give although GET works: the same URL is asked again with GET.
HEAD_REFUSED = frozenset({400, 403, 404, 405, 501})
HEAD_UNSUPPORTED = frozenset({405, 501})  # the host does not do HEAD: its later URLs get GET at once
NO_SUCH_HOST = "host does not resolve"  # the reason of a DEAD fact whose host name lookup failed
FIRST_BACKOFF = 1.0  # seconds before the first retry when the server does not say (Retry-After)


class _Answer(NamedTuple):
    status: int
    location: str | None  # a redirect's target, absolute
    retry_after: float | None  # seconds the server asks to wait (Retry-After)


class _Failure(NamedTuple):
    """No answer came: the URL's state follows from why."""

    state: LinkState
    reason: str
    status: int | None = None  # a 429 or 5xx whose Retry-After asks for too long a wait
    retryable: bool = False


class LinkChecker:
    def __init__(self, settings: OnlineSettings) -> None:
        self._settings = settings
        self._lock = threading.Lock()
        self._local = threading.local()
        self._sessions: list[requests.Session] = []
        self._host_slots: dict[str, threading.Semaphore] = {}
        self._in_flight: Counter[str] = Counter()
        self._get_only_hosts: set[str] = set()
        self._pool: ThreadPoolExecutor | None = None
        self.requests_made = 0
        self.max_in_flight_per_host = 0

    def check(self, urls: Sequence[str]) -> dict[str, LinkFact]:
        """A fact for every URL given (each distinct URL is checked once)."""
        facts: dict[str, LinkFact] = {}
        queues: dict[str, deque[str]] = {}
        for url in dict.fromkeys(urls):
            queues.setdefault(_host_key(url) or "", deque()).append(url)
        pool = self._executor()
        lanes = [pool.submit(self._work_lane, queue) for queue in _lanes(queues, self._settings.max_per_host)]
        for lane in lanes:
            facts.update((fact.url, fact) for fact in lane.result())
        return {url: facts[url] for url in urls}

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown()
            self._pool = None
        with self._lock:
            for session in self._sessions:
                session.close()
            self._sessions.clear()

    def _executor(self) -> ThreadPoolExecutor:
        if self._pool is None:
            self._pool = ThreadPoolExecutor(self._settings.max_concurrency, thread_name_prefix="awesome-lint-links")
        return self._pool

    def _work_lane(self, queue: deque[str]) -> list[LinkFact]:
        """Checks URLs of one host until its queue is empty; a host has at most max_per_host lanes."""
        facts = []
        while True:
            try:
                url = queue.popleft()
            except IndexError:
                return facts
            facts.append(self._check_url(url))

    def _check_url(self, url: str) -> LinkFact:
        session = self._session()
        session.cookies.clear()  # a cookie set along one URL's redirects must not reach the next URL
        current, permanent_end, only_permanent = url, url, True
        visits = Counter([urldefrag(url).url])
        host = _host_key(url)
        if host is None:
            return _fact(url, LinkState.UNVERIFIED, None, "not a valid http(s) URL")
        for _ in range(MAX_REDIRECTS + 1):
            result = self._fetch(session, current, host)
            if isinstance(result, _Failure):
                return _fact(url, result.state, result.status, _via(url, current, result.reason))
            if result.location is None:
                return _end_fact(url, current, permanent_end, result)
            target = urldefrag(result.location).url
            if visits[target] == MAX_VISITS:
                return _fact(url, LinkState.UNVERIFIED, result.status, f"redirect loop at {result.location}")
            host = _host_key(result.location)
            if host is None:
                reason = f"redirects to {result.location}, not a valid http(s) URL"
                return _fact(url, LinkState.UNVERIFIED, result.status, reason)
            only_permanent = only_permanent and result.status in PERMANENT_REDIRECTS
            if only_permanent:
                permanent_end = result.location
            visits[target] += 1
            current = result.location
        return _fact(url, LinkState.UNVERIFIED, result.status, f"more than {MAX_REDIRECTS} redirects")

    def _fetch(self, session: requests.Session, url: str, host: str) -> _Answer | _Failure:
        """One hop: HEAD or GET, retried after a 429, a 5xx, a timeout or a dropped connection."""
        attempt = 0
        while True:
            result = self._head_or_get(session, url, host)
            if not _is_retryable(result) or attempt >= self._settings.retries:
                return result
            if isinstance(result, _Answer):  # a timeout already waited; a dropped connection is tried at once
                wait = self._retry_wait(result, attempt)
                if wait > self._settings.max_retry_wait:
                    reason = f"{_status_text(result.status)}, retry after {wait:.0f} s"
                    return _Failure(LinkState.UNVERIFIED, reason, result.status)
                time.sleep(wait)
            attempt += 1

    def _retry_wait(self, answer: _Answer, attempt: int) -> float:
        if answer.retry_after is not None:
            return answer.retry_after
        return min(FIRST_BACKOFF * 2**attempt, self._settings.max_retry_wait)

    def _head_or_get(self, session: requests.Session, url: str, host: str) -> _Answer | _Failure:
        if host in self._get_only_hosts:
            return self._send(session, "GET", url, host)
        head = self._send(session, "HEAD", url, host)
        if not isinstance(head, _Answer) or head.status not in HEAD_REFUSED:
            return head
        get = self._send(session, "GET", url, host)
        if head.status in HEAD_UNSUPPORTED or (isinstance(get, _Answer) and get.status != head.status):
            with self._lock:
                self._get_only_hosts.add(host)
        return get

    def _send(self, session: requests.Session, method: str, url: str, host: str) -> _Answer | _Failure:
        with self._host_slot(host):
            try:
                response = session.request(
                    method, url, allow_redirects=False, stream=True, timeout=self._settings.timeout
                )
            except (requests.RequestException, ValueError) as error:
                return _failure(error, self._settings.timeout)
            with response:
                if method == "HEAD":
                    _read_nothing(response)
                return _Answer(response.status_code, _redirect_target(session, response, url), _retry_after(response))

    @contextmanager
    def _host_slot(self, host: str) -> Iterator[None]:
        """Holds one of the host's max_per_host slots for a request (redirects to other hosts too)."""
        with self._lock:
            slot = self._host_slots.setdefault(host, threading.Semaphore(self._settings.max_per_host))
        with slot:
            with self._lock:
                self.requests_made += 1
                self._in_flight[host] += 1
                self.max_in_flight_per_host = max(self.max_in_flight_per_host, self._in_flight[host])
            try:
                yield
            finally:
                with self._lock:
                    self._in_flight[host] -= 1

    def _session(self) -> requests.Session:
        session: requests.Session | None = getattr(self._local, "session", None)
        if session is None:
            session = _new_session(self._settings.max_per_host)
            self._local.session = session
            with self._lock:
                self._sessions.append(session)
        return session


def _new_session(pool_size: int) -> requests.Session:
    session = requests.Session()
    adapter = HTTPAdapter(pool_maxsize=pool_size, max_retries=0)
    session.mount("http://", adapter)
    session.mount("https://", adapter)
    session.headers.update({"User-Agent": USER_AGENT, "Accept": "*/*"})
    return session


def _read_nothing(response: requests.Response) -> None:
    """Consumes a HEAD answer's empty body, so that closing the answer keeps its connection for the
    next request instead of dropping it. (A GET's body is never read: closing drops its connection.)"""
    response.content  # noqa: B018 (reading it is the point)


def _lanes(queues: dict[str, deque[str]], per_host: int) -> Iterator[deque[str]]:
    """Up to per_host lanes for each host's queue, the hosts with most URLs first (they take longest)."""
    for queue in sorted(queues.values(), key=len, reverse=True):
        for _ in range(min(per_host, len(queue))):
            yield queue


def _host_key(url: str) -> str | None:
    """Lower-cased hostname and port: what the per-host limit counts by. None: not an http(s) URL."""
    try:
        parts = urlsplit(url)
        port = parts.port or {"http": 80, "https": 443}.get(parts.scheme.lower())
    except ValueError:
        return None
    if port is None or not parts.hostname:
        return None
    return f"{parts.hostname}:{port}"


def _redirect_target(session: requests.Session, response: requests.Response, url: str) -> str | None:
    location = session.get_redirect_target(response)  # None unless a 3xx redirect with a Location
    if location is None:
        return None
    return with_fragment_of(url, urljoin(url, location))


def _retry_after(response: requests.Response) -> float | None:
    """The wait a Retry-After header asks for, in seconds (a number or an HTTP-date)."""
    value = response.headers.get("Retry-After", "").strip()
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        return max(0.0, parsedate_to_datetime(value).timestamp() - time.time())
    except (TypeError, ValueError):
        return None


def _is_retryable(result: _Answer | _Failure) -> bool:
    if isinstance(result, _Failure):
        return result.retryable
    return result.status == 429 or result.status >= 500


def _failure(error: Exception, timeout: float) -> _Failure:
    if isinstance(error, requests.Timeout):
        return _Failure(LinkState.UNVERIFIED, f"timed out after {timeout:g} s", retryable=True)
    if isinstance(error, requests.exceptions.SSLError):
        return _Failure(LinkState.UNVERIFIED, f"TLS error: {_innermost(error)}")
    if isinstance(error, requests.ConnectionError):
        return _connection_failure(error)
    if isinstance(error, ValueError):
        return _Failure(LinkState.UNVERIFIED, f"invalid URL: {error}")
    return _Failure(LinkState.UNVERIFIED, f"request failed: {_innermost(error)}")


def _connection_failure(error: requests.ConnectionError) -> _Failure:
    causes = list(_causes(error))
    name_error = next((cause for cause in causes if isinstance(cause, socket.gaierror)), None)
    if name_error is not None and name_error.errno == socket.EAI_AGAIN:
        return _Failure(LinkState.UNVERIFIED, "host name lookup failed for now", retryable=True)
    if name_error is not None or any(isinstance(cause, NameResolutionError) for cause in causes):
        return _Failure(LinkState.DEAD, NO_SUCH_HOST)
    if any(isinstance(cause, ConnectionRefusedError) for cause in causes):
        return _Failure(LinkState.DEAD, "connection refused")
    return _Failure(LinkState.UNVERIFIED, f"connection failed: {_innermost(error)}", retryable=True)


def _causes(error: BaseException) -> Iterator[BaseException]:
    """The error and what caused it: chained exceptions, and the errors requests and urllib3 wrap."""
    seen: set[int] = set()
    pending: deque[BaseException] = deque([error])
    while pending:
        current = pending.popleft()
        if id(current) in seen:
            continue
        seen.add(id(current))
        yield current
        wrapped = [current.__cause__, current.__context__, getattr(current, "reason", None), *current.args]
        pending.extend(item for item in wrapped if isinstance(item, BaseException))


def _innermost(error: BaseException) -> str:
    """The deepest cause's message: the one that says what went wrong, without urllib3's wrapping."""
    *_, deepest = _causes(error)
    return str(deepest) or type(deepest).__name__


def _end_fact(url: str, end: str, permanent_end: str, answer: _Answer) -> LinkFact:
    state = _state_of(answer.status)
    if state is LinkState.OK and permanent_end != url:
        return _fact(url, LinkState.REDIRECT, answer.status, f"moved permanently to {permanent_end}", permanent_end)
    reason = _status_text(answer.status)
    if answer.status in REDIRECTS:
        reason += " without a Location"
    return _fact(url, state, answer.status, reason if end == url else f"redirects to {end}, which answers {reason}")


def _state_of(status: int) -> LinkState:
    if 200 <= status < 300:
        return LinkState.OK
    return LinkState.DEAD if status in DEAD_STATUSES else LinkState.UNVERIFIED


def _via(url: str, end: str, reason: str) -> str:
    return reason if end == url else f"redirects to {end}: {reason}"


def _status_text(status: int) -> str:
    try:
        return f"{status} {HTTPStatus(status).phrase}"
    except ValueError:
        return str(status)


def _fact(url: str, state: LinkState, status: int | None, reason: str, final_url: str | None = None) -> LinkFact:
    return LinkFact(url, state, status, reason, final_url, checked_at=time.time())
