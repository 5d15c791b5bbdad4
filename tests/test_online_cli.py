"""`awesome-lint --online` end to end: the CLI in a subprocess against local HTTP and GraphQL
servers (GITHUB_API_URL / GITHUB_GRAPHQL_URL / GITHUB_TOKEN in its environment), and the promise
that plain runs load none of it."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Iterator, NamedTuple

import pytest

from online.fake_graphql import TOKEN, FakeRepository, GraphQLServer, repositories_with_renames
from online.http_scenarios import ScenarioServer, scenario_server

SRC = Path(__file__).resolve().parents[1] / "src"
EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "awesome-example.md"
# The online rules only (the offline ones have their own tests); a 503 is "could not verify" at once.
FAST = 'select = ["dead-link", "link-redirect", "github-repository", "list-repository"]\n[online]\ntimeout = 2\nretries = 0\n'
REPOSITORIES = repositories_with_renames(
    [FakeRepository("octo/tool"), FakeRepository("octo/old", archived=True), FakeRepository("new-owner/moved")],
    renamed={"octo/moved": "new-owner/moved"},
)


class Servers(NamedTuple):
    web: ScenarioServer
    other: ScenarioServer  # another host, for redirects that leave the site
    github: GraphQLServer


class Result(NamedTuple):
    code: int
    findings: list[str]  # the "path:line:col rule message" lines
    stdout: str
    stderr: str


@pytest.fixture
def servers() -> Iterator[Servers]:
    with scenario_server() as web, scenario_server("127.0.0.2") as other, GraphQLServer(REPOSITORIES) as github:
        yield Servers(web, other, github)


def environment(servers: Servers | None, token: str | None = TOKEN) -> dict[str, str]:
    environ = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith(("GITHUB_", "GH_", "AWESOME_LINT_", "XDG_CACHE"))
    }
    environ.update(PYTHONPATH=str(SRC), NO_COLOR="1")
    if token:
        environ["GITHUB_TOKEN"] = token
    if servers is not None:
        environ.update(GITHUB_API_URL=servers.github.api_url, GITHUB_GRAPHQL_URL=servers.github.graphql_url)
    return environ


def awesome_lint(
    folder: Path, *arguments: str, servers: Servers | None = None, token: str | None = TOKEN, stdin: str | None = None
) -> Result:
    completed = subprocess.run(
        [sys.executable, "-m", "awesome_lint", *arguments],
        cwd=folder,
        env=environment(servers, token),
        input=stdin,
        capture_output=True,
        text=True,
        timeout=60,
    )
    findings = [line for line in completed.stdout.splitlines() if line.split(":", 1)[0].endswith(".md")]
    return Result(completed.returncode, findings, completed.stdout, completed.stderr)


def write_list(folder: Path, body: str, name: str = "README.md", config: str = FAST) -> Path:
    (folder / ".awesome-lint.toml").write_text(config, encoding="utf-8")
    path = folder / name
    path.write_text("# Awesome Test\n\n## Tools\n\n" + textwrap.dedent(body), encoding="utf-8")
    return path


def full_list(servers: Servers) -> str:
    web, other = servers.web, servers.other
    return f"""\
        - [Works]({web.url("/ok/a")}) - Works.
        - [Gone]({web.url("/status/404")}) - Gone.
        - [Moved]({web.url("/moved/301/ok/b")}) - Same host.
        - [Away]({web.url(f"/moved-to/301/{other.host}/ok/c")}) - Another host.
        - [Flaky]({web.url("/status/503")}) - Flaky.
        - [Tool](https://github.com/octo/tool) - A repository.
        - [Missing](https://github.com/octo/missing) - Not on GitHub.
        - [Renamed](https://github.com/octo/moved) - Renamed.
        - [Old](https://github.com/octo/old) - Archived.
        """


def requests_seen(servers: Servers) -> tuple[int, int]:
    return len(servers.web.requests()) + len(servers.other.requests()), len(servers.github.received)


# -- findings -------------------------------------------------------------------------------------------


def test_online_findings_exact_lines(tmp_path: Path, servers: Servers) -> None:
    write_list(tmp_path, full_list(servers))
    result = awesome_lint(tmp_path, "--online", "--no-cache", servers=servers)
    web = servers.web.url("")
    assert result.findings == [
        f"README.md:6:3: dead-link Dead link: {web}/status/404 (404 Not Found)",
        f"README.md:7:3: link-redirect {web}/moved/301/ok/b redirects permanently to {web}/ok/b",
        f"README.md:8:3: link-redirect {web}/moved-to/301/{servers.other.host}/ok/c redirects permanently to "
        f"{servers.other.url('/ok/c')}",
        f"README.md:9:3: dead-link Could not verify {web}/status/503 (503 Service Unavailable)",
        "README.md:11:3: github-repository octo/missing does not exist on GitHub (deleted, renamed away or private)",
        "README.md:12:3: github-repository octo/moved is now new-owner/moved on GitHub (renamed or moved)",
        "README.md:13:3: github-repository octo/old is archived on GitHub (read-only)",
    ]
    assert result.code == 1
    assert result.stderr == ""


def test_without_online_the_same_list_is_clean_and_nothing_is_asked(tmp_path: Path, servers: Servers) -> None:
    write_list(tmp_path, full_list(servers))
    result = awesome_lint(tmp_path, "--no-cache", servers=servers)
    assert (result.code, result.findings) == (0, [])
    assert requests_seen(servers) == (0, 0)


def test_a_could_not_verify_warning_alone_exits_1(tmp_path: Path, servers: Servers) -> None:
    write_list(tmp_path, f"- [Flaky]({servers.web.url('/status/503')}) - Flaky.\n")
    result = awesome_lint(tmp_path, "--online", "--no-cache", servers=servers)
    assert result.findings == [f"README.md:5:3: dead-link Could not verify {servers.web.url('/status/503')} (503 Service Unavailable)"]
    assert result.code == 1
    assert awesome_lint(tmp_path, "--online", "--no-cache", "--exit-zero", servers=servers).code == 0


def test_the_config_file_turns_it_on_and_no_online_turns_it_off(tmp_path: Path, servers: Servers) -> None:
    write_list(tmp_path, f"- [Gone]({servers.web.url('/status/410')}) - Gone.\n", config=FAST + "enabled = true\n")
    assert awesome_lint(tmp_path, "--no-cache", servers=servers).findings == [
        f"README.md:5:3: dead-link Dead link: {servers.web.url('/status/410')} (410 Gone)"
    ]
    before = requests_seen(servers)
    result = awesome_lint(tmp_path, "--no-cache", "--no-online", servers=servers)
    assert (result.code, result.findings, requests_seen(servers)) == (0, [], before)


# -- fixes ------------------------------------------------------------------------------------------------


def test_fix_rewrites_a_same_host_redirect_and_a_renamed_repository(tmp_path: Path, servers: Servers) -> None:
    path = write_list(tmp_path, full_list(servers))
    web, other = servers.web.url(""), servers.other.host
    result = awesome_lint(tmp_path, "--online", "--no-cache", "--fix", servers=servers)
    assert path.read_text(encoding="utf-8") == textwrap.dedent(
        f"""\
        # Awesome Test

        ## Tools

        - [Works]({web}/ok/a) - Works.
        - [Gone]({web}/status/404) - Gone.
        - [Moved]({web}/ok/b) - Same host.
        - [Away]({web}/moved-to/301/{other}/ok/c) - Another host.
        - [Flaky]({web}/status/503) - Flaky.
        - [Tool](https://github.com/octo/tool) - A repository.
        - [Missing](https://github.com/octo/missing) - Not on GitHub.
        - [Renamed](https://github.com/new-owner/moved) - Renamed.
        - [Old](https://github.com/octo/old) - Archived.
        """
    )
    assert result.code == 1  # the dead link and the others remain


def test_fix_with_unsafe_fixes_follows_a_redirect_to_another_host(tmp_path: Path, servers: Servers) -> None:
    away = servers.web.url(f"/moved-to/301/{servers.other.host}/ok/c")
    path = write_list(tmp_path, f"- [Away]({away}) - Another host.\n")
    awesome_lint(tmp_path, "--online", "--no-cache", "--fix", servers=servers)
    assert away in path.read_text(encoding="utf-8")
    result = awesome_lint(tmp_path, "--online", "--no-cache", "--fix", "--unsafe-fixes", servers=servers)
    assert path.read_text(encoding="utf-8").endswith(f"- [Away]({servers.other.url('/ok/c')}) - Another host.\n")
    assert (result.code, result.findings) == (0, [])


# -- the cache --------------------------------------------------------------------------------------------


def test_a_second_run_inside_the_ttl_makes_no_request(tmp_path: Path, servers: Servers) -> None:
    write_list(tmp_path, full_list(servers))
    first = awesome_lint(tmp_path, "--online", "--cache-dir", "cache", servers=servers)
    seen = requests_seen(servers)
    second = awesome_lint(tmp_path, "--online", "--cache-dir", "cache", servers=servers)
    assert requests_seen(servers) == seen
    assert seen[0] > 0 and seen[1] == 1
    assert (second.code, second.findings) == (first.code, first.findings)
    assert (tmp_path / "cache" / "online-v1.json").is_file()


def test_the_cache_folder_from_the_environment(tmp_path: Path, servers: Servers) -> None:
    write_list(tmp_path, f"- [Works]({servers.web.url('/ok/a')}) - Works.\n")
    completed = subprocess.run(
        [sys.executable, "-m", "awesome_lint", "--online"],
        cwd=tmp_path,
        env={**environment(servers), "AWESOME_LINT_CACHE_DIR": str(tmp_path / "env-cache")},
        capture_output=True,
        check=True,
    )
    assert completed.stderr == b""
    assert (tmp_path / "env-cache" / "online-v1.json").is_file()


def test_no_cache_neither_reads_nor_writes(tmp_path: Path, servers: Servers) -> None:
    write_list(tmp_path, f"- [Works]({servers.web.url('/ok/a')}) - Works.\n")
    awesome_lint(tmp_path, "--online", "--cache-dir", "cache", servers=servers)
    cached = (tmp_path / "cache" / "online-v1.json").read_bytes()
    seen = requests_seen(servers)
    awesome_lint(tmp_path, "--online", "--cache-dir", "cache", "--no-cache", servers=servers)
    assert requests_seen(servers)[0] > seen[0]
    assert (tmp_path / "cache" / "online-v1.json").read_bytes() == cached


def test_the_cache_is_written_when_a_file_fails(tmp_path: Path, servers: Servers) -> None:
    write_list(tmp_path, f"- [Works]({servers.web.url('/ok/a')}) - Works.\n")
    (tmp_path / "empty.md").write_text("", encoding="utf-8")
    result = awesome_lint(tmp_path, "--online", "--cache-dir", "cache", "README.md", "empty.md", servers=servers)
    assert result.code == 2
    assert result.stderr == "awesome-lint: error: empty.md: empty file, nothing to lint\n"
    assert (tmp_path / "cache" / "online-v1.json").is_file()


def test_a_corrupt_cache_is_one_note(tmp_path: Path, servers: Servers) -> None:
    write_list(tmp_path, f"- [Works]({servers.web.url('/ok/a')}) - Works.\n")
    (tmp_path / "cache").mkdir()
    (tmp_path / "cache" / "online-v1.json").write_text("{", encoding="utf-8")
    result = awesome_lint(tmp_path, "--online", "--cache-dir", "cache", servers=servers)
    assert result.code == 0
    assert result.stderr.startswith("awesome-lint: note: the online cache cache/online-v1.json is not valid (")
    assert result.stderr.count("\n") == 1


# -- notes -----------------------------------------------------------------------------------------------


def test_without_a_token_one_note_for_two_files(tmp_path: Path, servers: Servers) -> None:
    write_list(tmp_path, "- [Tool](https://github.com/octo/tool) - A repository.\n")
    write_list(tmp_path, "- [Other](https://github.com/octo/other) - Another.\n", name="other.md")
    result = awesome_lint(tmp_path, "--online", "--no-cache", "README.md", "other.md", servers=servers, token=None)
    assert result.stderr == (
        "awesome-lint: note: GitHub repository checks need a token: set GITHUB_TOKEN (2 repositories not checked)\n"
    )
    assert (result.code, result.findings) == (0, [])
    assert servers.github.received == []


# -- --changed-since --------------------------------------------------------------------------------------


def git(folder: Path, *arguments: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@t.invalid", *arguments], cwd=folder, check=True, capture_output=True
    )


def test_changed_since_checks_only_the_links_on_changed_lines(tmp_path: Path, servers: Servers) -> None:
    old_dead, new_dead = servers.web.url("/status/404"), servers.web.url("/status/410")
    path = write_list(tmp_path, f"- [Old](https://github.com/octo/missing) - Old.\n- [Older]({old_dead}) - Older.\n")
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-qm", "list")
    path.write_text(path.read_text(encoding="utf-8") + f"- [New]({new_dead}) - New.\n", encoding="utf-8")
    result = awesome_lint(tmp_path, "--online", "--no-cache", "--changed-since", "HEAD", servers=servers)
    assert result.findings == [f"README.md:7:3: dead-link Dead link: {new_dead} (410 Gone)"]
    assert {request_path for _, request_path in servers.web.requests()} == {"/status/410"}
    assert servers.github.received == []


# -- stdin -----------------------------------------------------------------------------------------------


RELATIVE = "- [Guide](docs/guide.md) - Here.\n- [Lost](docs/lost.md) - Not here.\n"


def test_stdin_checks_relative_links_when_the_name_is_in_a_real_folder(tmp_path: Path) -> None:
    write_list(tmp_path, RELATIVE)
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "guide.md").write_text("guide", encoding="utf-8")
    text = (tmp_path / "README.md").read_text(encoding="utf-8")
    result = awesome_lint(tmp_path, "--online", "--no-cache", "--stdin-filename", "README.md", "-", stdin=text)
    assert result.findings == ["README.md:6:3: dead-link Dead link: docs/lost.md (no such file)"]
    made_up = awesome_lint(tmp_path, "--online", "--no-cache", "--stdin-filename", "nowhere/README.md", "-", stdin=text)
    assert (made_up.code, made_up.findings) == (0, [])


def test_online_without_requests_and_pygithub_is_an_error_naming_the_extra(tmp_path: Path) -> None:
    write_list(tmp_path, "- [Works](https://example.invalid/) - Works.\n")
    hide_pygithub = "import sys; sys.modules['github'] = None; from awesome_lint.cli import main; sys.exit(main())"
    for arguments in (["--online", "README.md"], ["--online", "--stdin-filename", "README.md"]):
        completed = subprocess.run(
            [sys.executable, "-c", hide_pygithub, *arguments],
            cwd=tmp_path,
            env=environment(None),
            input="# A\n",
            capture_output=True,
            text=True,
        )
        assert completed.returncode == 2
        assert completed.stderr == "awesome-lint: error: the online checks need requests and PyGithub: pip install 'awesome-lint[github]'\n"
    plain = subprocess.run([sys.executable, "-c", hide_pygithub, "README.md"], cwd=tmp_path, env=environment(None), capture_output=True)
    assert plain.returncode != 2


# -- cost of a plain run ---------------------------------------------------------------------------------


LOADED = """\
import sys
from awesome_lint.cli import main
code = main(sys.argv[1:])
print(code, sorted(name for name in ("awesome_lint.online.gather", "requests", "github") if name in sys.modules))
"""


def loaded_modules(folder: Path, *arguments: str, servers: Servers | None = None) -> str:
    completed = subprocess.run(
        [sys.executable, "-c", LOADED, *arguments],
        cwd=folder,
        env=environment(servers),
        capture_output=True,
        text=True,
        check=True,
    )
    return completed.stdout.strip().splitlines()[-1]


def test_a_plain_run_loads_no_online_code(tmp_path: Path) -> None:
    assert loaded_modules(tmp_path, "--exit-zero", str(EXAMPLE)) == "0 []"


def test_online_without_github_links_does_not_load_pygithub(tmp_path: Path, servers: Servers) -> None:
    write_list(tmp_path, f"- [Works]({servers.web.url('/ok/a')}) - Works.\n")
    assert loaded_modules(tmp_path, "--online", "--no-cache", servers=servers) == "0 ['awesome_lint.online.gather', 'requests']"
