"""Benchmark: the online checks (issue 10) against local servers that wait 100 ms before each response.

Usage: python bench/online.py [--quick] [--corpus DIR] [--rounds N]

One run measures, with real subprocess runs of the CLI (`python -m awesome_lint --online
--cache-dir DIR --select RULES FILE`, so every figure includes start-up; each child caches its
bytecode in a temp folder, as an installed package does, even under PYTHONDONTWRITEBYTECODE):
(a) GraphQL requests to look up the 2,700 GitHub repositories a generated list links
    (`--select github-repository`); target: one request per 50 repositories (54). Beside it,
    what avelino/awesome-go's quality checker would spend: about six REST requests per repository.
(b) wall time for 2,000 links to 200 hosts (127.0.0.2 ... 127.0.0.201, one server per address,
    `--select dead-link,link-redirect`, default settings); target 15 s, and the servers' count of
    requests in flight to one host never above the default per-host limit (4).
(c) requests the servers receive during a second run of both lists with the same cache folder;
    target 0.
(d) the plain (offline) lint of the corpus lists with this tree against the tree before issue 10
    (commit 8008efc, exported with `git archive`), the same interpreter: each list once per round
    with each tree, back to back in alternating order, and the sum over the lists of each list's
    best CPU seconds (of the child) over N rounds; target: at most 5% slower. Beside it, the ratio
    of Python function calls of the same runs (the work, which the neighbours' load does not
    move), the start-up (a one-entry list), and whether a plain lint of this tree loads the online
    modules, requests or PyGithub (target: none).

The GraphQL server answers `alias: repository(owner:, name:)` fields the way GitHub does (data
for a found repository, `null` plus a NOT_FOUND error for a missing one), requires a token, and
counts requests and aliases per request. The link servers answer 200, a 404 under /gone/, a 301
under /moved/ (to /projects/ on the same host), and one host in 20 refuses HEAD (405). The
findings of every run are compared with those the generated lists hold.

`--quick` runs a fifth of the sizes (540 repositories, 400 links to 40 hosts, 3 rounds).
Exit status 0 whatever the figures: it is a measurement.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import math
import os
import random
import re
import resource
import selectors
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, Iterator, NamedTuple, Sequence

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "src"
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus"
BEFORE_ISSUE = "8008efc"  # the last commit before the online checks
LATENCY = 0.1  # seconds every server waits before it answers
TOKEN = "ghp_bench_token_0000000000"
BATCH = 50  # repositories per GraphQL request (the target)
REST_REQUESTS_PER_REPOSITORY = 6  # awesome-go's check-quality: metadata, go.mod, tags, commits, workflows, readme
MAX_PER_HOST = 4  # OnlineSettings.max_per_host's default
WALL_TARGET = 15.0
OFFLINE_RATIO_TARGET = 1.05
LINK_RULES = "dead-link,link-redirect"
JSON_REPORT = ("--exit-zero", "--output-format", "json")
REPOSITORY_RULES = "github-repository"


class Size(NamedTuple):
    repositories: int
    links: int
    hosts: int
    rounds: int


FULL = Size(repositories=2_700, links=2_000, hosts=200, rounds=8)
QUICK = Size(repositories=540, links=400, hosts=40, rounds=3)


# -- servers -----------------------------------------------------------------------------------
class Traffic:
    """Requests that reached a server (or a group of servers) and the most handled at once.

    A request is in flight from the moment its headers are read until its answer is about to be
    sent: within the client's own span of that request, so the count never overstates how many
    requests the client had open at once (counting until after the write can: the client may
    start its next request before the server's thread leaves)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.requests = 0
        self.in_flight = 0
        self.max_in_flight = 0

    @contextlib.contextmanager
    def request(self) -> Iterator[None]:
        with self._lock:
            self.requests += 1
            self.in_flight += 1
            self.max_in_flight = max(self.max_in_flight, self.in_flight)
        try:
            yield
        finally:
            with self._lock:
                self.in_flight -= 1


class QuietHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, as real servers do
    # Headers and body go out in two writes: with Nagle's algorithm the body then waits for the
    # client's delayed ACK (40 ms on Linux), a stall of this server and not of the client.
    disable_nagle_algorithm = True

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def send_body(self, status: int, body: bytes, content_type: str, headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


class BenchServer(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 128

    def __init__(self, address: str, handler: type[QuietHandler]) -> None:
        super().__init__((address, 0), handler)
        self.traffic = Traffic()

    def handle_error(self, request: Any, client_address: Any) -> None:
        """A client that closes a kept-alive connection is no error worth a traceback."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)

    @property
    def origin(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{host}:{port}"


class LinkHandler(QuietHandler):
    """200 for /projects/..., 404 for /gone/..., 301 from /moved/X to /projects/X; 405 for HEAD
    on a server that refuses it."""

    server: LinkHost

    def do_HEAD(self) -> None:
        self.answer()

    def do_GET(self) -> None:
        self.answer()

    def answer(self) -> None:
        with self.server.traffic.request(), self.server.every_host.request():
            time.sleep(LATENCY)
        if self.command == "HEAD" and self.server.refuses_head:
            self.send_body(405, b"", "text/plain", {"Allow": "GET"})
        elif self.path.startswith("/gone/"):
            self.send_body(404, b"<h1>Not Found</h1>", "text/html")
        elif self.path.startswith("/moved/"):
            target = "/projects/" + self.path[len("/moved/") :]
            self.send_body(301, b"", "text/html", {"Location": target})
        else:
            self.send_body(200, b"<html><body>A project page.</body></html>", "text/html")


class LinkHost(BenchServer):
    def __init__(self, address: str, every_host: Traffic, refuses_head: bool) -> None:
        super().__init__(address, LinkHandler)
        self.every_host = every_host  # shared by all the link hosts
        self.refuses_head = refuses_head


class Repository(NamedTuple):
    name_with_owner: str  # canonical; differs from the linked slug after a rename
    archived: bool = False
    disabled: bool = False


_ALIASED_REPOSITORY = re.compile(r"(?:(?P<alias>[_A-Za-z]\w*)\s*:\s*)?\brepository\s*\((?P<arguments>[^)]*)\)")
_ARGUMENT = re.compile(r"(?P<name>\w+)\s*:\s*(?P<value>\"(?:[^\"\\]|\\.)*\"|\$\w+)")


class GraphQLHandler(QuietHandler):
    """POST /graphql with aliased `repository(owner:, name:)` fields, literal or `$variables`."""

    server: GraphQLServer

    def do_GET(self) -> None:
        with self.server.traffic.request():
            time.sleep(LATENCY)
        self.server.rest_requests += 1
        self.send_json(404, {"message": "Not Found", "documentation_url": "https://docs.github.com/rest"})

    def do_POST(self) -> None:
        with self.server.traffic.request():
            payload = json.loads(self.rfile.read(int(self.headers.get("Content-Length") or 0)) or b"{}")
            time.sleep(LATENCY)
        if self.path.rstrip("/") != "/graphql":
            self.server.rest_requests += 1
            self.send_json(404, {"message": "Not Found"})
        elif self.headers.get("Authorization", "").split(" ")[-1] != TOKEN:
            self.send_json(401, {"message": "Bad credentials", "documentation_url": "https://docs.github.com/graphql"})
        else:
            self.send_json(200, self.server.answer(payload.get("query", ""), payload.get("variables") or {}))

    def send_json(self, status: int, body: object) -> None:
        self.send_body(status, json.dumps(body).encode(), "application/json; charset=utf-8")


class GraphQLServer(BenchServer):
    def __init__(self, repositories: dict[str, Repository]) -> None:
        super().__init__("127.0.0.1", GraphQLHandler)
        self.repositories = repositories  # keyed by the linked "owner/name", lower-cased
        self.aliases_per_request: list[int] = []
        self.rest_requests = 0
        self._lock = threading.Lock()

    def answer(self, query: str, variables: dict[str, Any]) -> dict[str, Any]:
        data: dict[str, Any] = {}
        errors: list[dict[str, Any]] = []
        fields = list(_ALIASED_REPOSITORY.finditer(query))
        with self._lock:
            self.aliases_per_request.append(len(fields))
        for match in fields:
            alias = match["alias"] or "repository"
            arguments = {a["name"]: a["value"] for a in _ARGUMENT.finditer(match["arguments"])}
            owner, name = (_argument_value(arguments.get(key, '""'), variables) for key in ("owner", "name"))
            slug = f"{owner}/{name}"
            repository = self.repositories.get(slug.lower())
            data[alias] = None if repository is None else _repository_fields(repository)
            if repository is None:
                line = query.count("\n", 0, match.start()) + 1
                errors.append(
                    {
                        "type": "NOT_FOUND",
                        "path": [alias],
                        "locations": [{"line": line, "column": match.start() - query.rfind("\n", 0, match.start())}],
                        "message": f"Could not resolve to a Repository with the name '{slug}'.",
                    }
                )
        return {"data": data, "errors": errors} if errors else {"data": data}


def _argument_value(literal: str, variables: dict[str, Any]) -> str:
    return str(variables.get(literal[1:], "")) if literal.startswith("$") else json.loads(literal)


def _repository_fields(repository: Repository) -> dict[str, Any]:
    """The fields the repository lookup selects (online/github_api.py), in GitHub's shapes."""
    return {
        "nameWithOwner": repository.name_with_owner,
        "url": f"https://github.com/{repository.name_with_owner}",
        "isArchived": repository.archived,
        "isDisabled": repository.disabled,
        "pushedAt": "2026-10-01T12:00:00Z",
        "createdAt": "2019-03-04T05:06:07Z",
        "stargazerCount": 1234,
        "licenseInfo": {"spdxId": "MIT", "name": "MIT License"},
        "description": "A project.",
        "repositoryTopics": {"nodes": [{"topic": {"name": "awesome"}}, {"topic": {"name": "awesome-list"}}]},
    }


class Acceptor:
    """One thread that accepts connections for every server (each request is then handled in a
    thread of its own by ThreadingHTTPServer), instead of one serve_forever thread per server."""

    def __init__(self, servers: Sequence[BenchServer]) -> None:
        self._servers = servers
        self._selector = selectors.DefaultSelector()
        for server in servers:
            self._selector.register(server, selectors.EVENT_READ, server)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._accept, daemon=True)

    def __enter__(self) -> Acceptor:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self._selector.close()
        for server in self._servers:
            server.server_close()

    def _accept(self) -> None:
        while not self._stop.is_set():
            for key, _ in self._selector.select(timeout=0.1):
                key.data.handle_request()


# -- generated lists ---------------------------------------------------------------------------
PREFIXES = [
    "fast", "tiny", "simple", "go", "py", "easy", "micro", "open", "super", "smart", "hyper", "lite",
    "quick", "safe", "deep", "auto", "neo", "meta", "pico", "ultra", "rapid", "clean", "pure", "zen",
    "bold", "swift", "light", "sharp", "nano", "mega",
]  # fmt: skip
NOUNS = [
    "cache", "router", "logger", "parser", "queue", "config", "cli", "orm", "mailer", "scheduler",
    "proxy", "crawler", "template", "validator", "graph", "stream", "vault", "metrics", "tracer",
    "shell", "server", "client", "store", "codec", "worker", "auth", "image", "search", "diff", "lint",
]  # fmt: skip
OWNER_SYLLABLES = [
    "al", "be", "co", "da", "el", "fi", "ga", "ho", "in", "jo", "ka", "li", "mo", "no", "ol",
    "pa", "qu", "ro", "sa", "ti", "ul", "va", "wi", "xe", "ya", "zo", "ar", "en", "is", "um",
]  # fmt: skip
TOPICS = [
    "Databases", "Networking", "Command Line", "Logging", "Configuration", "Web Frameworks", "Testing",
    "Security", "Text Processing", "Images", "Messaging", "Monitoring", "Scheduling", "Search",
    "Serialization", "Utilities", "Authentication", "Caching", "Email", "Templating",
]  # fmt: skip
ENTRIES_PER_SECTION = 100
# What each of every hundred repositories (by index % 100) is to the GraphQL server.
MISSING, DISABLED, RENAMED, ARCHIVED = 7, 91, 29, (13, 63)
OTHER_CASE = 44  # linked as "Owner/name": GitHub's name differs in case only, not a finding


def project_name(index: int) -> str:
    return f"{PREFIXES[index % len(PREFIXES)]}-{NOUNS[index // len(PREFIXES) % len(NOUNS)]}"


def description(index: int) -> str:
    noun = NOUNS[(index * 7) % len(NOUNS)]
    topic = TOPICS[index % len(TOPICS)].lower()
    return f"A small {noun} library for {topic}, with no dependencies."


class Entry(NamedTuple):
    name: str
    url: str
    text: str  # the description after " - ", links included


def list_text(title: str, entries: Sequence[Entry]) -> str:
    """An awesome list: title, badge, intro, contents, and `- [name](url) - Description.` entries
    under `## Section` headings, sorted within each section."""
    sections = [entries[start : start + ENTRIES_PER_SECTION] for start in range(0, len(entries), ENTRIES_PER_SECTION)]
    names = [f"{TOPICS[number % len(TOPICS)]} {number // len(TOPICS) + 1}" for number in range(len(sections))]
    lines = [
        f"# {title} [![Awesome](https://awesome.re/badge.svg)](https://awesome.re)",
        "",
        "> A curated list of projects, generated for the online-checks benchmark.",
        "",
        "## Contents",
        "",
        *[f"- [{name}](#{name.lower().replace(' ', '-')})" for name in names],
    ]
    for name, section in zip(names, sections):
        lines += ["", f"## {name}", ""]
        lines += [f"- [{e.name}]({e.url}) - {e.text}" for e in sorted(section, key=lambda e: e.name.lower())]
    return "\n".join(lines) + "\n"


@dataclass
class RepositoryList:
    text: str
    repositories: dict[str, Repository]  # what the GraphQL server knows, by linked slug lower-cased
    problems: int  # repositories that github-repository must report (missing, disabled, archived, renamed)
    linked: int  # distinct repositories linked


def repository_list(count: int) -> RepositoryList:
    """`count` distinct repositories, per hundred: 1 missing, 1 disabled, 2 archived, 1 renamed,
    1 linked in another letter case than its canonical name (not a finding); one entry in ten also
    links a page deeper in its own repository (the same repository: not looked up twice)."""
    entries: list[Entry] = []
    known: dict[str, Repository] = {}
    problems = 0
    for index in range(count):
        owner = OWNER_SYLLABLES[index // 3 % 30] + OWNER_SYLLABLES[index // 90 % 30] + str(index // 2700 or "")
        name = project_name(index)
        slug = f"{owner}/{name}"
        kind = index % 100
        linked = slug if kind != OTHER_CASE else f"{owner.capitalize()}/{name}"
        url = f"https://github.com/{linked}"
        text = description(index)
        if index % 10 == 4:  # none of these has a problem
            text = text[:-1] + f", documented in [its wiki]({url}/wiki)."
        entries.append(Entry(name, url, text))
        problems += kind in (MISSING, DISABLED, RENAMED, *ARCHIVED)
        if kind == MISSING:
            continue
        canonical = f"{owner}/{name}-ng" if kind == RENAMED else slug
        known[slug.lower()] = Repository(canonical, archived=kind in ARCHIVED, disabled=kind == DISABLED)
    return RepositoryList(list_text("Awesome Repositories", entries), known, problems, count)


@dataclass
class LinkList:
    text: str
    dead: int  # links under /gone/ (404)
    moved: int  # links under /moved/ (301 on the same host)


def link_list(hosts: Sequence[LinkHost], count: int) -> LinkList:
    """`count` links spread evenly over the hosts in a shuffled order; one in 50 is dead, one in
    40 moved."""
    assignment = [number % len(hosts) for number in range(count)]
    random.Random(10).shuffle(assignment)
    entries: list[Entry] = []
    dead = moved = 0
    for index, host in enumerate(assignment):
        name = f"{project_name(index)}-{index}"
        folder = "projects"
        if index % 50 == 17:
            folder, dead = "gone", dead + 1
        elif index % 40 == 23:
            folder, moved = "moved", moved + 1
        entries.append(Entry(name, f"{hosts[host].origin}/{folder}/{name}", description(index)))
    return LinkList(list_text("Awesome Links", entries), dead, moved)


# -- CLI runs ----------------------------------------------------------------------------------
class Run(NamedTuple):
    seconds: float  # wall
    cpu: float  # CPU seconds of the CLI process (user + system)
    findings: Counter[str]  # rule id -> findings
    error: str | None  # the CLI failed: its last line of output
    notes: str  # what it printed on stderr


def python_environment(sources: Path, bytecode: Path) -> dict[str, str]:
    """The caller's environment for a Python child running the package at ``sources``, with its
    bytecode cached under ``bytecode`` as an installed package has it (under
    PYTHONDONTWRITEBYTECODE every run compiles every module again, which a user never pays), and
    without the caller's GitHub, awesome-lint or proxy settings."""
    dropped = ("GITHUB_", "GH_", "AWESOME_LINT_", "PYTHONDONTWRITEBYTECODE")
    environ = {k: v for k, v in os.environ.items() if not k.startswith(dropped) and "proxy" not in k.lower()}
    return {**environ, "PYTHONPATH": str(sources), "PYTHONPYCACHEPREFIX": str(bytecode)}


def cli_environment(graphql: GraphQLServer, bytecode: Path) -> dict[str, str]:
    """This tree's sources, the local GitHub API and the bench token."""
    return {
        **python_environment(SOURCE, bytecode),
        "GITHUB_TOKEN": TOKEN,
        "GITHUB_API_URL": graphql.origin,
        "GITHUB_GRAPHQL_URL": f"{graphql.origin}/graphql",
        "NO_PROXY": "*",
    }


def run_cli(list_path: Path, rules: str, environ: dict[str, str], cache: Path | None) -> Run:
    """One CLI run; online when a cache folder is given."""
    online = ["--online", "--cache-dir", str(cache)] if cache is not None else []
    command = [sys.executable, "-m", "awesome_lint", *online, "--select", rules, *JSON_REPORT, str(list_path)]
    start, before = time.perf_counter(), resource.getrusage(resource.RUSAGE_CHILDREN)
    done = subprocess.run(command, capture_output=True, text=True, env=environ, cwd=list_path.parent, check=False)
    seconds, cpu = time.perf_counter() - start, cpu_since(before)
    if done.returncode != 0:
        last = (done.stderr.strip() or done.stdout.strip() or f"exit {done.returncode}").splitlines()[-1]
        return Run(seconds, cpu, Counter(), last, done.stderr)
    return Run(seconds, cpu, Counter(finding["code"] for finding in json.loads(done.stdout)), None, done.stderr)


def cpu_since(before: resource.struct_rusage) -> float:
    """CPU seconds the children that ended since ``before`` used."""
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


# -- offline lint before and after the issue --------------------------------------------------
# Python function calls of a whole plain run: a measure of the work that the neighbours' load
# does not move (CPU time on this shared machine swings by several percent between rounds).
PLAIN_LINT_CALLS = """
import cProfile, contextlib, io, pstats, sys
profile = cProfile.Profile()
profile.enable()
from awesome_lint.cli import main
with contextlib.redirect_stdout(io.StringIO()):
    main(["--exit-zero", sys.argv[1]])
profile.disable()
print(pstats.Stats(profile).total_calls)
"""
PLAIN_LINT_IMPORTS = """
import contextlib, io, sys
from awesome_lint.cli import main
with contextlib.redirect_stdout(io.StringIO()):
    main(["--exit-zero", sys.argv[1]])
print(" ".join(sorted(
    m for m in sys.modules
    if (m.startswith("awesome_lint.online.") and m != "awesome_lint.online.settings")
    or m.split(".")[0] in ("requests", "github", "urllib3")
)))
"""


def export_tree(commit: str, folder: Path) -> bool:
    """The sources at `commit`, exported with git archive; False when this is not a git checkout."""
    archive = subprocess.Popen(
        ["git", "-C", str(ROOT), "archive", commit, "src"], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL
    )
    untar = subprocess.run(["tar", "-x", "-C", str(folder)], stdin=archive.stdout, capture_output=True, check=False)
    assert archive.stdout is not None
    archive.stdout.close()
    return archive.wait() == 0 and untar.returncode == 0 and (folder / "src" / "awesome_lint").is_dir()


def child_cpu_seconds(command: list[str], environ: dict[str, str]) -> tuple[float, str]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    done = subprocess.run(command, capture_output=True, text=True, env=environ, check=False)
    return cpu_since(before), done.stdout


@dataclass
class OfflineComparison:
    best: dict[tuple[str, Path], float]  # (tree, list) -> best CPU seconds; tree "before" or "after"
    same_findings: bool
    online_imports: str  # modules a plain lint of this tree loads that it should not
    calls: dict[tuple[str, Path], int]  # (tree, list) -> Python function calls of a plain run

    def total(self, tree: str, files: Sequence[Path]) -> float:
        return sum(self.best[tree, path] for path in files)

    def total_calls(self, tree: str, files: Sequence[Path]) -> int:
        return sum(self.calls[tree, path] for path in files)


def finding_position(finding: dict[str, Any]) -> tuple[str, int, int, str]:
    return finding["filename"], finding["location"]["row"], finding["location"]["column"], finding["code"]


def compare_offline(files: Sequence[Path], rounds: int, scratch: Path, one_entry: Path) -> OfflineComparison | None:
    """Each list linted by each tree once per round, the two trees back to back in alternating
    order (a neighbour's load then weighs on both alike); each list's best run counts. The
    function calls are counted for the one-entry list too: its CPU time swings by more than the
    difference, its count of calls does not."""
    if not export_tree(BEFORE_ISSUE, scratch):
        return None
    trees = {"before": scratch / "src", "after": SOURCE}
    environ = {tree: python_environment(source, scratch / "bytecode") for tree, source in trees.items()}
    best: dict[tuple[str, Path], float] = {}
    findings: dict[str, set[tuple[Any, ...]]] = {"before": set(), "after": set()}
    for tree in trees:  # compiles the bytecode outside the timed runs
        warm_up = [sys.executable, "-m", "awesome_lint", "--exit-zero", str(one_entry)]
        child_cpu_seconds(warm_up, environ[tree])
    for round_ in range(rounds):
        for number, path in enumerate(files):
            order = ("before", "after") if (round_ + number) % 2 == 0 else ("after", "before")
            for tree in order:
                command = [sys.executable, "-m", "awesome_lint", *JSON_REPORT, str(path)]
                seconds, stdout = child_cpu_seconds(command, environ[tree])
                best[tree, path] = min(best.get((tree, path), math.inf), seconds)
                findings[tree] |= set(map(finding_position, json.loads(stdout or "[]")))
    calls = {
        (tree, path): int(child_cpu_seconds(count, environ[tree])[1])
        for tree in trees
        for path in [*files, one_entry]
        for count in [[sys.executable, "-c", PLAIN_LINT_CALLS, str(path)]]
    }
    plain = [sys.executable, "-c", PLAIN_LINT_IMPORTS, str(files[0])]
    _, imported = child_cpu_seconds(plain, environ["after"])
    return OfflineComparison(best, findings["before"] == findings["after"], imported.strip(), calls)


# -- the measurement ---------------------------------------------------------------------------
@dataclass
class Row:
    label: str
    measured: str
    target: str = ""
    passed: bool | None = None  # None: informational

    def show(self) -> str:
        verdict = "" if self.passed is None else ("PASS" if self.passed else "MISS")
        return f"{self.label:52} {self.measured:>26} {self.target:>10} {verdict:>5}"


@dataclass
class Measurement:
    rows: list[Row] = field(default_factory=list)
    checks: list[str] = field(default_factory=list)  # findings against what the lists hold

    def add(self, label: str, measured: str, target: str = "", passed: bool | None = None) -> None:
        self.rows.append(Row(label, measured, target, passed))


def failed(run: Run) -> str:
    return f"CLI failed: {run.error}"[:60]


def findings_check(rule: str, run: Run, expected: int) -> str:
    found = run.findings.get(rule, 0)
    verdict = "ok" if found == expected else "DIFFERENT"
    return f"{rule}: {found} findings, the list holds {expected} ({verdict})"


@dataclass
class OnlineRuns:
    """The CLI runs against the servers, and what the servers counted."""

    size: Size
    repositories: RepositoryList
    links: LinkList
    offline_repositories: Run  # the same command without --online: start-up, parse, lint
    first_repositories: Run
    offline_links: Run
    first_links: Run
    second_repositories: Run
    second_links: Run
    graphql_requests: int  # during the first run of the repository list
    aliases_per_request: list[int]
    rest_requests: int
    link_requests: int  # during the first run of the link list, every hop, HEAD and GET
    busiest_host: int  # most requests in flight to one host
    in_flight: int  # most requests in flight to all the link hosts together
    second_requests: int  # to every server, during the two second runs


def run_online(size: Size, scratch: Path) -> OnlineRuns:
    every_host = Traffic()
    hosts = [LinkHost(f"127.0.0.{2 + n}", every_host, refuses_head=n % 20 == 9) for n in range(size.hosts)]
    repositories = repository_list(size.repositories)
    graphql = GraphQLServer(repositories.repositories)
    links = link_list(hosts, size.links)
    repository_path, link_path = scratch / "repositories" / "README.md", scratch / "links" / "README.md"
    for path, text in ((repository_path, repositories.text), (link_path, links.text)):
        path.parent.mkdir()
        path.write_text(text, encoding="utf-8")
    warm_up = scratch / "warm-up" / "README.md"  # compiles the bytecode of the online modules too
    warm_up.parent.mkdir()
    warm_up_entries = [Entry("warm", f"{hosts[0].origin}/projects/warm", "A [fork](https://github.com/bench/warm).")]
    warm_up.write_text(list_text("Awesome Warm-up", warm_up_entries), encoding="utf-8")
    cache = scratch / "cache"
    environ = cli_environment(graphql, scratch / "bytecode")
    with Acceptor([graphql, *hosts]):
        run_cli(warm_up, f"{LINK_RULES},{REPOSITORY_RULES}", environ, scratch / "warm-up-cache")
        graphql_before, aliases_before = graphql.traffic.requests, len(graphql.aliases_per_request)
        links_before, rest_before = every_host.requests, graphql.rest_requests
        offline_repositories = run_cli(repository_path, REPOSITORY_RULES, environ, None)
        first_repositories = run_cli(repository_path, REPOSITORY_RULES, environ, cache)
        graphql_first, aliases = graphql.traffic.requests, graphql.aliases_per_request[aliases_before:]
        offline_links = run_cli(link_path, LINK_RULES, environ, None)
        first_links = run_cli(link_path, LINK_RULES, environ, cache)
        links_first = every_host.requests
        second_repositories = run_cli(repository_path, REPOSITORY_RULES, environ, cache)
        second_links = run_cli(link_path, LINK_RULES, environ, cache)
    return OnlineRuns(
        size, repositories, links,
        offline_repositories, first_repositories, offline_links, first_links, second_repositories, second_links,
        graphql_requests=graphql_first - graphql_before,
        aliases_per_request=aliases,
        rest_requests=graphql.rest_requests - rest_before,
        link_requests=links_first - links_before,
        busiest_host=max(host.traffic.max_in_flight for host in hosts),
        in_flight=every_host.max_in_flight,
        second_requests=graphql.traffic.requests - graphql_first + every_host.requests - links_first,
    )  # fmt: skip


def report_repositories(runs: OnlineRuns, measurement: Measurement) -> None:
    count, run = runs.size.repositories, runs.first_repositories
    label, limit = f"(a) GraphQL requests, {count:,} repositories", math.ceil(count / BATCH)
    if run.error:
        measurement.add(label, failed(run), f"<= {limit}", False)
        return
    requests = f"{runs.graphql_requests} (max {max(runs.aliases_per_request, default=0)} per request)"
    measurement.add(label, requests, f"<= {limit}", runs.graphql_requests <= limit)
    measurement.add("    awesome-go's checker: ~6 REST requests per repository",
                    f"{REST_REQUESTS_PER_REPOSITORY * count:,}")  # fmt: skip
    measurement.add("    that run: wall s, CPU s (offline run: wall s)",
                    f"{run.seconds:.1f}, {run.cpu:.1f} ({runs.offline_repositories.seconds:.1f})")  # fmt: skip
    measurement.add("    REST requests (none expected)", str(runs.rest_requests))
    measurement.checks.append(findings_check(REPOSITORY_RULES, run, runs.repositories.problems))


def report_links(runs: OnlineRuns, measurement: Measurement) -> None:
    run = runs.first_links
    label, target = f"(b) wall time, {runs.size.links:,} links on {runs.size.hosts} hosts", f"<= {WALL_TARGET:.0f} s"
    if run.error:
        measurement.add(label, failed(run), target, False)
        return
    online_part = run.seconds - runs.offline_links.seconds
    measurement.add(label, f"{run.seconds:.1f} s (online {online_part:.1f} s)", target, run.seconds <= WALL_TARGET)
    measurement.add("    CPU s of that run (offline run)", f"{run.cpu:.1f} ({runs.offline_links.cpu:.1f})")
    measurement.add("    most requests in flight to one host (servers)", str(runs.busiest_host),
                    f"<= {MAX_PER_HOST}", runs.busiest_host <= MAX_PER_HOST)  # fmt: skip
    measurement.add("    most requests in flight to all hosts (servers)", str(runs.in_flight))
    measurement.add("    requests sent (every hop, HEAD and GET)", f"{runs.link_requests:,}")
    measurement.checks.append(findings_check("dead-link", run, runs.links.dead))
    measurement.checks.append(findings_check("link-redirect", run, runs.links.moved))
    for first in (runs.first_repositories, runs.first_links):
        if first.notes.strip() and not first.error:
            measurement.checks.append("notes: " + " | ".join(first.notes.strip().splitlines()[:3]))


def report_second_runs(runs: OnlineRuns, measurement: Measurement) -> None:
    label = "(c) requests in a second run within the TTL"
    pairs = ((runs.first_repositories, runs.second_repositories), (runs.first_links, runs.second_links))
    broken = [run for pair in pairs for run in pair if run.error]
    if broken:
        measurement.add(label, failed(broken[0]), "0", False)
        return
    measurement.add(label, str(runs.second_requests), "0", runs.second_requests == 0)
    wall, cpu = sum(second.seconds for _, second in pairs), sum(second.cpu for _, second in pairs)
    measurement.add("    the two second runs: wall s, CPU s", f"{wall:.1f}, {cpu:.1f}")
    same = all(first.findings == second.findings for first, second in pairs)
    measurement.checks.append(f"second runs: {'the same' if same else 'DIFFERENT'} findings as the first")


def measure_offline(corpus: Path, rounds: int, measurement: Measurement, scratch: Path) -> None:
    files = sorted(p for p in corpus.glob("*.md") if p.name != "SOURCES.md") if corpus.is_dir() else []
    if not files:
        measurement.add("(d) offline lint, after / before", "skipped: no corpus")
        measurement.checks.append(f"no corpus lists at {corpus}: (d) not measured")
        return
    one_entry = scratch / "one-entry" / "README.md"  # its run is the fixed cost of a run
    one_entry.parent.mkdir()
    one_entry_list = list_text("Awesome One", [Entry("one", "https://one.example", description(0))])
    one_entry.write_text(one_entry_list, encoding="utf-8")
    comparison = compare_offline(files, rounds, scratch, one_entry)
    if comparison is None:
        measurement.add("(d) offline lint, after / before", "skipped: not a git checkout")
        return
    before, after = comparison.total("before", files), comparison.total("after", files)
    label = f"(d) offline lint of {len(files)} corpus lists, after / before"
    ratio = after / before
    measurement.add(label, f"{ratio:.3f}x", f"<= {OFFLINE_RATIO_TARGET:.2f}x", ratio <= OFFLINE_RATIO_TARGET)
    measurement.add(f"    CPU s, each list's best of {rounds}: {BEFORE_ISSUE} / here", f"{before:.2f} / {after:.2f}")
    calls_before, calls_after = comparison.total_calls("before", files), comparison.total_calls("after", files)
    measurement.add("    their Python function calls, after / before", f"{calls_after / calls_before:.3f}x")
    calls_before, calls_after = comparison.calls["before", one_entry], comparison.calls["after", one_entry]
    start_up = f"{calls_before:,} / {calls_after:,}"
    measurement.add(f"    start-up (a one-entry list): calls, {BEFORE_ISSUE} / here", start_up)
    imports = comparison.online_imports
    measurement.add("    online modules a plain lint loads", imports or "none", "none", not imports)
    same = "the same" if comparison.same_findings else "DIFFERENT"
    measurement.checks.append(f"offline findings: {same} before and after")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a fifth of the sizes and 3 rounds")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--rounds", type=int, help="rounds of the offline comparison (default 8, --quick 3)")
    args = parser.parse_args(argv)
    size = QUICK if args.quick else FULL
    rounds = args.rounds or size.rounds
    python = sys.version.split()[0]
    latency = f"{LATENCY * 1000:.0f} ms per response"
    print(f"online checks against local servers ({latency}); python {python}, {os.cpu_count()} cores")
    measurement = Measurement()
    with tempfile.TemporaryDirectory(prefix="awesome-lint-bench-") as scratch:
        root = Path(scratch)
        (root / "online").mkdir()
        (root / "offline").mkdir()
        runs = run_online(size, root / "online")
        report_repositories(runs, measurement)
        report_links(runs, measurement)
        report_second_runs(runs, measurement)
        measure_offline(args.corpus, rounds, measurement, root / "offline")
    print(f"{'':52} {'measured':>26} {'target':>10} {'':>5}")
    for row in measurement.rows:
        print(row.show())
    for check in measurement.checks:
        print(f"  {check}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
