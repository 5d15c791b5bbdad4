"""A local HTTP server whose paths pick the answer, for the online checks' tests and the bench.

Every 127.x.y.z address reaches the loopback interface on Linux, so several servers on different
addresses stand for different hosts. Each server records what it received (method and path, in
order, with the Host header) and counts the requests in flight to each host.

Paths (``<n>`` a number; every answer waits ``latency`` seconds first, then carries a small body):

- ``/ok`` and ``/ok/<anything>``: 200.
- ``/status/<code>``: always ``<code>`` (404, 410, 500, 403, ...).
- ``/moved/<code>/<rest>``: ``<code>`` with ``Location: /<rest>`` (``/moved/301/moved/308/ok`` is
  a chain); ``/moved-to/<code>/<host:port>/<rest>``: ``Location: http://<host:port>/<rest>``;
  ``/location/<code>?to=<location>``: ``Location: <location>`` (percent-decoded), as it is.
- ``/deep/down/relative``: 301 with the relative ``Location: ../../ok/from-relative``.
- ``/loop/a`` and ``/loop/b``: 301 to each other. ``/hops/<n>``: 301 to ``/hops/<n-1>``; ``/hops/0``: 200.
- ``/fail/<code>/<n>``: ``<code>`` to the first ``<n>`` requests for this path, then 200.
- ``/retry-after/<seconds>/<n>``: 429 with ``Retry-After: <seconds>`` to the first ``<n>``
  requests for this path, then 200; ``/retry-after-date/<offset>/<n>``: the same with an HTTP-date
  ``<offset>`` seconds from now (negative: in the past).
- ``/slow/<seconds>``: waits ``<seconds>`` more, then 200.
- ``/head-refused/<code>``: HEAD answers ``<code>``, GET answers 200.
- ``/drop/<n>``: the first ``<n>`` requests for this path get no answer (the connection is closed), then 200.
- ``/cookie``: 200 with ``Set-Cookie: visited=yes``; ``/cookie-gate``: without a cookie, 302 to
  itself setting one; with a cookie, 200.
- anything else: 404.
"""

from __future__ import annotations

import re
import socket
import threading
import time
from collections import Counter
from contextlib import ExitStack, contextmanager
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Callable, Iterator, NamedTuple
from urllib.parse import unquote

from servers import Serving

Answer = tuple[int, dict[str, str]]  # status and headers
_NO_ANSWER = 0  # the status that closes the connection without answering


class Received(NamedTuple):
    host: str  # the Host header ("127.0.0.2:41234")
    method: str
    path: str
    headers: dict[str, str]
    client_port: int  # the same for requests sent over one kept-alive connection


class Traffic:
    """What one or more servers received, and how many requests were in flight to each host."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.received: list[Received] = []
        self._in_flight: Counter[str] = Counter()
        self.max_in_flight: Counter[str] = Counter()  # host -> the most requests to it at once
        self._answered: Counter[str] = Counter()  # host + path -> requests answered so far

    def requests(self, host: str | None = None) -> list[tuple[str, str]]:
        """(method, path) of each request received, in order; only those to ``host`` when given."""
        with self._lock:
            return [(r.method, r.path) for r in self.received if host is None or r.host == host]

    def begin(self, request: Received) -> int:
        """Records the request; returns how many requests for the same host and path came before."""
        with self._lock:
            self.received.append(request)
            self._in_flight[request.host] += 1
            self.max_in_flight[request.host] = max(self.max_in_flight[request.host], self._in_flight[request.host])
            earlier = self._answered[request.host + request.path]
            self._answered[request.host + request.path] += 1
            return earlier

    def end(self, host: str) -> None:
        with self._lock:
            self._in_flight[host] -= 1


class _Asked(NamedTuple):
    method: str
    earlier: int  # requests for the same path before this one
    has_cookie: bool


class ScenarioServer:
    def __init__(self, server: ThreadingHTTPServer, traffic: Traffic) -> None:
        self._server = server
        self.traffic = traffic

    @property
    def host(self) -> str:
        """"address:port", as the Host header and the checker's per-host key name it."""
        address, port = self._server.server_address[:2]
        return f"{address}:{port}"

    def url(self, path: str) -> str:
        return f"http://{self.host}{path}"

    def requests(self) -> list[tuple[str, str]]:
        """(method, path) of each request this server received, in order."""
        return self.traffic.requests(self.host)

    @property
    def max_in_flight(self) -> int:
        return self.traffic.max_in_flight[self.host]


@contextmanager
def scenario_server(
    address: str = "127.0.0.1", port: int = 0, latency: float = 0.0, traffic: Traffic | None = None
) -> Iterator[ScenarioServer]:
    """A server on ``address`` (any 127.x.y.z) and ``port`` (0: a free one) that waits ``latency``
    seconds before each answer. Servers given the same ``traffic`` record into it together."""
    traffic = traffic or Traffic()
    server = ThreadingHTTPServer((address, port), _handler(traffic, latency), bind_and_activate=False)
    server.request_queue_size = 128  # the default backlog of 5 drops connections under concurrent load
    server.daemon_threads = True
    server.server_bind()
    server.server_activate()
    with Serving(server):
        yield ScenarioServer(server, traffic)


@contextmanager
def scenario_servers(count: int, latency: float = 0.0, traffic: Traffic | None = None) -> Iterator[list[ScenarioServer]]:
    """``count`` servers standing for as many hosts (127.0.1.1, 127.0.1.2, ...), recording into one Traffic."""
    traffic = traffic or Traffic()
    with ExitStack() as stack:
        addresses = [f"127.0.{1 + n // 250}.{1 + n % 250}" for n in range(count)]
        yield [stack.enter_context(scenario_server(address, latency=latency, traffic=traffic)) for address in addresses]


def refused_url(address: str = "127.0.0.1") -> str:
    """A URL on a port that was bound and closed again: connecting to it is refused."""
    with socket.socket() as probe:
        probe.bind((address, 0))
        port = probe.getsockname()[1]
    return f"http://{address}:{port}/ok"


def _handler(traffic: Traffic, latency: float) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"  # keep-alive: a client reuses its connection
        timeout = 10  # an idle kept-alive connection is dropped after this

        def do_HEAD(self) -> None:
            self._respond()

        def do_GET(self) -> None:
            self._respond()

        def _respond(self) -> None:
            host = self.headers.get("Host", "")
            received = Received(host, self.command, self.path, dict(self.headers.items()), self.client_address[1])
            earlier = traffic.begin(received)
            try:
                time.sleep(latency)
                status, headers = _answer(received, earlier)
            finally:
                # Before answering: a client that has its answer may send its next request at once,
                # and that one must not be counted alongside this one.
                traffic.end(host)
            if status == _NO_ANSWER:
                self.close_connection = True
                return
            body = f"{status} {self.path}\n".encode()
            self.send_response(status)
            for name, value in {**headers, "Content-Length": str(len(body))}.items():
                self.send_header(name, value)
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002 (the base class's name)
            pass

    return Handler


def _answer(received: Received, earlier: int) -> Answer:
    """The answer the path asks for; ``earlier``: how many requests for this path came before."""
    for pattern, answer in _ROUTES:
        match = pattern.fullmatch(received.path)
        if match:
            return answer(_Asked(received.method, earlier, "Cookie" in received.headers), *match.groups())
    return 404, {}


def _ok(*_: object) -> Answer:
    return 200, {}


def _status(asked: _Asked, code: str) -> Answer:
    return int(code), {}


def _moved(asked: _Asked, code: str, rest: str) -> Answer:
    return int(code), {"Location": f"/{rest}"}


def _moved_to(asked: _Asked, code: str, host: str, rest: str) -> Answer:
    return int(code), {"Location": f"http://{host}/{rest}"}


def _location(asked: _Asked, code: str, location: str) -> Answer:
    return int(code), {"Location": unquote(location)}


def _relative(*_: object) -> Answer:
    return 301, {"Location": "../../ok/from-relative"}


def _loop(asked: _Asked, name: str) -> Answer:
    return 301, {"Location": "/loop/b" if name == "a" else "/loop/a"}


def _hops(asked: _Asked, left: str) -> Answer:
    return (200, {}) if int(left) == 0 else (301, {"Location": f"/hops/{int(left) - 1}"})


def _fail(asked: _Asked, code: str, times: str) -> Answer:
    return (int(code), {}) if asked.earlier < int(times) else (200, {})


def _retry_after(asked: _Asked, seconds: str, times: str) -> Answer:
    return (429, {"Retry-After": seconds}) if asked.earlier < int(times) else (200, {})


def _retry_after_date(asked: _Asked, offset: str, times: str) -> Answer:
    if asked.earlier >= int(times):
        return 200, {}
    return 429, {"Retry-After": formatdate(time.time() + int(offset), usegmt=True)}


def _slow(asked: _Asked, seconds: str) -> Answer:
    time.sleep(float(seconds))
    return 200, {}


def _drop(asked: _Asked, times: str) -> Answer:
    return (_NO_ANSWER, {}) if asked.earlier < int(times) else (200, {})


def _cookie(*_: object) -> Answer:
    return 200, {"Set-Cookie": "visited=yes; Path=/"}


def _cookie_gate(asked: _Asked) -> Answer:
    if asked.has_cookie:
        return 200, {}
    return 302, {"Location": "/cookie-gate", "Set-Cookie": "gate=passed; Path=/"}


def _head_refused(asked: _Asked, code: str) -> Answer:
    return (int(code), {}) if asked.method == "HEAD" else (200, {})


_ROUTES: list[tuple[re.Pattern[str], Callable[..., Answer]]] = [
    (re.compile(r"/ok(?:/.*)?"), _ok),
    (re.compile(r"/status/(\d{3})"), _status),
    (re.compile(r"/moved/(\d{3})/(.*)"), _moved),
    (re.compile(r"/moved-to/(\d{3})/([^/]+)/(.*)"), _moved_to),
    (re.compile(r"/location/(\d{3})\?to=(.*)"), _location),
    (re.compile(r"/deep/down/relative"), _relative),
    (re.compile(r"/loop/([ab])"), _loop),
    (re.compile(r"/hops/(\d+)"), _hops),
    (re.compile(r"/fail/(\d{3})/(\d+)"), _fail),
    (re.compile(r"/retry-after/(\d+)/(\d+)"), _retry_after),
    (re.compile(r"/retry-after-date/(-?\d+)/(\d+)"), _retry_after_date),
    (re.compile(r"/slow/([\d.]+)"), _slow),
    (re.compile(r"/head-refused/(\d{3})"), _head_refused),
    (re.compile(r"/drop/(\d+)"), _drop),
    (re.compile(r"/cookie"), _cookie),
    (re.compile(r"/cookie-gate"), _cookie_gate),
]
