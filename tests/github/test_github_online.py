"""The Action's online checks: the `online` input, the review of the links a pull request adds, and
the scheduled "Link health report" issue, through the real PyGithub client and the local fake API."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Iterator, NamedTuple

import pytest
import yaml
from action_env import BASE_SHA, HEAD_SHA, NUMBER, REPO, Workspace, fake_pull_request, make_workspace
from fake_github import HUMAN, NO_ISSUES_TOKEN, TOKEN, FakeGitHub
from online.fake_graphql import FakeRepository, repositories_with_renames
from online.http_scenarios import ScenarioServer, scenario_server

from awesome_lint.diagnostics import Applicability, Diagnostic, Edit, Fix, Position, Severity
from awesome_lint.github.__main__ import _parser, main, options_from
from awesome_lint.github.client import ApiError, GitHubApi, WriteForbidden
from awesome_lint.github.health_report import (
    REPORT_MARKER,
    ReportItem,
    ReportPlace,
    keep_report,
    report_body,
    report_items,
)
from awesome_lint.github.online import OnlineMode
from awesome_lint.github.review import FileAnalysis, Finding
from awesome_lint.github.run import FailOn
from awesome_lint.github.summary import fix_command

ROOT = Path(__file__).resolve().parents[2]
ISSUES = f"/repos/{REPO}/issues"
SHA = "a" * 40
PLACE = ReportPlace("https://github.com", REPO, SHA)


@pytest.fixture
def fake() -> Iterator[FakeGitHub]:
    with FakeGitHub(REPO, NUMBER, BASE_SHA, HEAD_SHA, []) as server:
        yield server


def api_for(fake: FakeGitHub, token: str = TOKEN) -> GitHubApi:
    return GitHubApi(fake.base_url, token, REPO, seconds_between_writes=0.0)


def item(line: int, url: str = "https://dead.example/", rule: str = "dead-link", safe_fix: bool = False) -> ReportItem:
    return ReportItem("README.md", line, rule, url, "The link is dead: 404 Not Found", safe_fix)


# -- the `online` option --------------------------------------------------------------------------


def options(argv: list[str], environ: dict[str, str]) -> OnlineMode:
    return options_from(_parser().parse_args(argv), environ).online


def test_online_defaults_to_added_and_reads_the_environment() -> None:
    assert options([], {}) is OnlineMode.ADDED
    assert options([], {"AWESOME_LINT_ONLINE": " ALL "}) is OnlineMode.ALL
    assert options(["--online", "off"], {"AWESOME_LINT_ONLINE": "all"}) is OnlineMode.OFF
    assert options_from(_parser().parse_args([]), {}).fail_on is FailOn.CHANGED


def test_an_unknown_online_value_is_a_one_line_error() -> None:
    from awesome_lint.diagnostics import FatalError

    with pytest.raises(FatalError, match=r"^online must be one of added, all, off \(got 'some'\)$"):
        options([], {"AWESOME_LINT_ONLINE": "some"})


# -- the report's body ----------------------------------------------------------------------------


def test_report_body_groups_by_file_links_each_line_and_mentions_safe_fixes() -> None:
    items = [
        item(12),
        ReportItem("README.md", 14, "link-redirect", "http://moved.example/a", "Moved permanently to https://moved.example/a", True),
        ReportItem("docs/more lists.md", 3, "github-repository", "https://github.com/old/name", "Renamed to new/name", True),
        ReportItem("README.md", 1, "list-repository", None, "The repository has no description", False),
    ]
    assert report_body(items, PLACE) == f"""\
{REPORT_MARKER}
awesome-lint checked every link of the list at `aaaaaaa` and found **4 problems**.

### `README.md`

- [line 12](https://github.com/{REPO}/blob/{SHA}/README.md#L12) `dead-link` `https://dead.example/`: The link is dead: 404 Not Found
- [line 14](https://github.com/{REPO}/blob/{SHA}/README.md#L14) `link-redirect` `http://moved.example/a`: Moved permanently to https://moved.example/a

### `docs/more lists.md`

- [line 3](https://github.com/{REPO}/blob/{SHA}/docs/more%20lists.md#L3) `github-repository` `https://github.com/old/name`: Renamed to new/name

### `README.md`

- [line 1](https://github.com/{REPO}/blob/{SHA}/README.md#L1) `list-repository`: The repository has no description

2 findings can be fixed automatically: run `awesome-lint --fix --online` in a checkout and commit the result.

<sub>Kept up to date by the scheduled awesome-lint workflow: edited when the findings change, closed when every link passes.</sub>"""


def test_report_body_without_safe_fixes_has_no_fix_line() -> None:
    body = report_body([item(3)], PLACE)
    assert "**1 problem**" in body and "--fix" not in body


def test_report_line_names_the_url_once_when_the_message_has_it() -> None:
    named = ReportItem("README.md", 3, "dead-link", "https://gone.example/", "Dead link: https://gone.example/ (404)", False)
    assert "/README.md#L3) `dead-link`: Dead link: https://gone.example/ \\(404\\)\n" in report_body([named], PLACE)


def test_report_body_stays_under_githubs_limit_and_counts_the_rest() -> None:
    items = [item(line, f"https://dead.example/{'x' * 200}/{line}") for line in range(1, 1001)]
    body = report_body(items, PLACE)
    assert len(body) <= 65536
    shown = len(re.findall(r"^- \[line \d+\]", body, re.M))
    assert 100 < shown < 1000
    assert f"- …and {1000 - shown} more\n" in body
    assert body.endswith("closed when every link passes.</sub>")


def test_report_body_escapes_what_the_list_wrote() -> None:
    body = report_body([ReportItem("README.md", 2, "dead-link", "https://x.example/`@a`", "Dead: <b>@team</b> #1", False)], PLACE)
    assert "`` https://x.example/`@a` ``" in body
    assert "Dead: &lt;b&gt;@&#8203;team&lt;/b&gt; #&#8203;1" in body


def diagnostic(rule: str, start: int, end: int, line: int, safe: bool = False) -> Diagnostic:
    fix = Fix((Edit(start, end, "x"),), Applicability.SAFE, "fix") if safe else None
    return Diagnostic(rule, f"{rule} message", start, end, Position(line, 1), Position(line, 2), Severity.ERROR, fix)


def test_report_items_keep_only_online_findings_with_the_url_of_their_link() -> None:
    text = "# Awesome Things\n\n## Tools\n\n- [Alpha](https://alpha.example/) - A tool.\n- [Beta][b] - A tool.\n\n[b]: https://beta.example/\n"
    alpha, beta = text.index("https://alpha"), text.index("[Beta]")
    findings = [
        Finding("README.md", diagnostic("dead-link", alpha, alpha + 22, 5), "f1", True),
        Finding("README.md", diagnostic("description-period", alpha, alpha + 1, 5), "f2", True),
        Finding("README.md", diagnostic("link-redirect", beta + 1, beta + 5, 6, safe=True), "f3", True),
        Finding("README.md", diagnostic("list-repository", 0, 1, 1), "f4", True),
    ]
    assert report_items("README.md", text, findings) == [
        ReportItem("README.md", 5, "dead-link", "https://alpha.example/", "dead-link message", False),
        ReportItem("README.md", 6, "link-redirect", "https://beta.example/", "link-redirect message", True),
        ReportItem("README.md", 1, "list-repository", None, "list-repository message", False),
    ]
    assert report_items("README.md", text, findings[1:2]) == []


def test_the_fix_command_asks_for_online_only_for_an_online_safe_fix() -> None:
    def analysis(*findings: Finding) -> list[FileAnalysis]:
        return [FileAnalysis("README.md", list(findings), [])]

    redirect = Finding("README.md", diagnostic("link-redirect", 5, 9, 2, safe=True), "f1", True)
    period = Finding("README.md", diagnostic("description-period", 5, 9, 2, safe=True), "f2", True)
    dead = Finding("README.md", diagnostic("dead-link", 5, 9, 2), "f3", True)
    assert fix_command(analysis(period, redirect)) == "awesome-lint --fix --online"
    assert fix_command(analysis(period, dead)) == "awesome-lint --fix"


# -- keeping the one issue --------------------------------------------------------------------------


def test_no_findings_and_no_report_writes_nothing(fake: FakeGitHub) -> None:
    assert keep_report(api_for(fake), None, SHA) == "every link passes"
    assert fake.writes() == [] and fake.issues == []


def test_the_report_is_opened_then_edited_then_left_alone_then_closed(fake: FakeGitHub) -> None:
    first, second = report_body([item(3)], PLACE), report_body([item(3), item(9)], PLACE)
    assert keep_report(api_for(fake), first, SHA) == "opened #8"
    assert fake.writes() == [("POST", ISSUES)]
    assert fake.requests[-1].body == {"title": "Link health report", "body": first}
    fake.requests.clear()

    assert keep_report(api_for(fake), second, SHA) == "updated #8"
    assert fake.writes() == [("PATCH", f"{ISSUES}/8")]
    assert fake.requests[-1].body == {"body": second}
    fake.requests.clear()

    assert keep_report(api_for(fake), second, SHA) == "#8 is up to date"
    assert fake.writes() == []

    assert keep_report(api_for(fake), None, SHA) == "every link passes: closed #8"
    assert fake.writes() == [("POST", f"{ISSUES}/8/comments"), ("PATCH", f"{ISSUES}/8")]
    assert fake.requests[-1].body == {"state": "closed", "state_reason": "completed"}
    (report,) = fake.issues
    assert (report["state"], report["state_reason"], report["title"]) == ("closed", "completed", "Link health report")
    assert [c["body"] for c in report["thread"]] == [
        "Every link passes as of `aaaaaaa`: closing this report. The next failure opens a new one."
    ]


def test_an_open_report_stays_open_when_some_checks_could_not_run(fake: FakeGitHub) -> None:
    report = fake.add_issue("Link health report", report_body([item(3)], PLACE))
    done = keep_report(api_for(fake), None, SHA, checks_complete=False)
    assert done == "no failure found, but some checks could not run (see the notes): report left as it is"
    assert fake.writes() == [] and report["state"] == "open"


def test_the_report_is_found_on_the_second_page_past_pull_requests(fake: FakeGitHub) -> None:
    old = report_body([item(3)], PLACE)
    ours = fake.add_issue("Link health report", old)
    for index in range(120):  # newer issues and pull requests push ours to page 2
        fake.add_issue(f"Newer {index}", "", HUMAN, pull_request=index % 2 == 0)
    new = report_body([item(4)], PLACE)
    assert keep_report(api_for(fake), new, SHA) == f"updated #{ours['number']}"
    listing = [r for r in fake.requests if r.method == "GET" and r.path == ISSUES]
    assert [r.query.get("page") for r in listing] == [None, ["2"]]
    assert all(r.query["state"] == ["open"] for r in listing)
    assert fake.writes() == [("PATCH", f"{ISSUES}/{ours['number']}")]
    assert ours["body"] == new


def test_only_our_marker_in_our_open_issue_counts(fake: FakeGitHub) -> None:
    fake.add_issue("Link health report", "A person's issue with the same title")
    fake.add_issue("Link health report", REPORT_MARKER + "\nquoted by someone else", HUMAN)
    fake.add_issue("Link health report", report_body([item(3)], PLACE), state="closed")
    fake.add_issue("Old pull request", REPORT_MARKER, pull_request=True)
    assert keep_report(api_for(fake), report_body([item(5)], PLACE), SHA) == "opened #12"
    assert fake.writes() == [("POST", ISSUES)]


def test_a_token_without_issues_write_is_refused_with_403(fake: FakeGitHub) -> None:
    with pytest.raises(WriteForbidden, match=r"^opening an issue: HTTP 403 Resource not accessible by integration$"):
        keep_report(api_for(fake, NO_ISSUES_TOKEN), report_body([item(3)], PLACE), SHA)
    assert fake.issues == []


def test_disabled_issues_answer_410(fake: FakeGitHub) -> None:
    fake.issues_enabled = False
    with pytest.raises(ApiError, match=r"^listing the open issues: HTTP 410 Issues are disabled for this repo$") as error:
        keep_report(api_for(fake), report_body([item(3)], PLACE), SHA)
    assert error.value.status == 410


def test_the_fake_refuses_a_body_over_the_limit_like_github(fake: FakeGitHub) -> None:
    with pytest.raises(ApiError, match="body is too long"):
        api_for(fake).create_issue("Link health report", "x" * 65537, REPORT_MARKER)


# -- action.yml and the example workflow -------------------------------------------------------------


def test_action_passes_online_through_env_and_caches_between_runs() -> None:
    action = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    assert action["inputs"]["online"]["default"] == "added"
    steps = action["runs"]["steps"]
    names = [step.get("name") for step in steps]
    restore, lint, save = (steps[names.index(name)] for name in (
        "Restore the online checks' cache", "Lint", "Save the online checks' cache"))
    assert names.index("Restore the online checks' cache") < names.index("Lint") < names.index("Save the online checks' cache")
    pin = "@0057852bfaa89a56745cba8c7296529d2fc39830"
    assert (restore["uses"], save["uses"]) == ("actions/cache/restore" + pin, "actions/cache/save" + pin)
    folder, key = "${{ runner.temp }}/awesome-lint-cache", "awesome-lint-online-${{ github.run_id }}-${{ github.run_attempt }}"
    assert restore["with"] == {"path": folder, "key": key, "restore-keys": "awesome-lint-online-"}
    assert save["with"] == {"path": folder, "key": key}
    assert restore["if"] == "inputs.online != 'off'" and save["if"] == "always() && inputs.online != 'off'"
    assert lint["env"]["AWESOME_LINT_ONLINE"] == "${{ inputs.online }}"
    assert 'export AWESOME_LINT_CACHE_DIR="$RUNNER_TEMP/awesome-lint-cache"' in lint["run"]


def test_link_health_example_runs_weekly_with_issues_write() -> None:
    workflow = yaml.safe_load((ROOT / "examples" / "github-link-health.yml").read_text(encoding="utf-8"))
    triggers = workflow[True]  # PyYAML reads the bare key `on` as a boolean
    assert set(triggers) == {"schedule", "workflow_dispatch"}
    assert re.fullmatch(r"\d+ \d+ \* \* \d", triggers["schedule"][0]["cron"])
    assert workflow["permissions"] == {}
    (job,) = workflow["jobs"].values()
    assert job["permissions"] == {"contents": "read", "issues": "write"}
    checkout, lint = job["steps"]
    assert checkout["uses"].startswith("actions/checkout@") and checkout["with"] == {"persist-credentials": False}
    assert lint["with"] == {"files": "README.md", "online": "all", "fail-on": "never"}


def test_readme_shows_the_link_health_workflow_as_shipped() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("\n## GitHub Action", 1)[1].split("\n## ", 1)[0]
    workflow = (ROOT / "examples" / "github-link-health.yml").read_text(encoding="utf-8")
    assert f"```yaml\n{workflow}```\n" in section


# -- end to end: pull requests, pushes and scheduled runs with the online checks ----------------------

GOLF_OLD, GOLF_NEW = "https://github.com/old-owner/golf", "https://github.com/new-owner/golf"


def good_repositories() -> dict[str, FakeRepository]:
    """The list's own repository (as list-repository wants it) and a renamed one: old-owner/golf."""
    own = FakeRepository(REPO, description="A curated list of things.", topics=("awesome", "awesome-list"))
    return repositories_with_renames([own, FakeRepository("new-owner/golf")], {"old-owner/golf": "new-owner/golf"})


def awesome_list(entries: list[str]) -> str:
    return (
        "# Awesome Things [![Awesome](https://awesome.re/badge.svg)](https://awesome.re)\n\n"
        "> A curated list of things.\n\n## Contents\n\n- [Tools](#tools)\n\n## Tools\n\n"
        + "".join(f"{entry}\n" for entry in entries)
        + "\n## Contributing\n\nContributions welcome.\n"
    )


def entry(name: str, url: str) -> str:
    return f"- [{name}]({url}) - A tool for {name.lower()}."


def graphql_queries(fake: FakeGitHub) -> list[str]:
    return [r.body["query"] for r in fake.requests if r.path == "/graphql" and "repository(" in r.body["query"]]


class PullRequestLists(NamedTuple):
    base: str
    head: str
    dead: str
    moved: str
    dead_elsewhere: str


def pull_request_lists(links: ScenarioServer) -> PullRequestLists:
    """The pull request adds a dead link, a redirect within the site and a renamed repository;
    Echo's dead link was there before."""
    dead, moved, dead_elsewhere = links.url("/status/404"), links.url("/moved/301/ok/delta"), links.url("/status/410")
    alpha, echo, kilo = entry("Alpha", links.url("/ok/alpha")), entry("Echo", dead_elsewhere), entry("Kilo", links.url("/ok/kilo"))
    base = awesome_list([alpha, echo, kilo])
    head = awesome_list([alpha, entry("Bravo", dead), entry("Delta", moved), echo, entry("Golf", GOLF_OLD), kilo])
    return PullRequestLists(base, head, dead, moved, dead_elsewhere)


def run_online(fake: FakeGitHub, workspace: Workspace, capsys: pytest.CaptureFixture[str], online: str,
               event_name: str = "pull_request", token: str = TOKEN, **extra: str) -> tuple[int, list[str]]:
    extra.setdefault("GITHUB_GRAPHQL_URL", fake.base_url + "/graphql")
    environ = workspace.env(fake.base_url, token=token, event_name=event_name, AWESOME_LINT_ONLINE=online, **extra)
    code = main([], environ)
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err and (not token or token not in out + err)
    return code, out.splitlines()


def line_of(text: str, needle: str) -> int:
    return next(number for number, line in enumerate(text.splitlines(), 1) if needle in line)


def test_added_reviews_only_the_links_the_pull_request_adds(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with scenario_server() as links:
        lists = pull_request_lists(links)
        with fake_pull_request(lists.base, lists.head) as fake:
            fake.repositories = good_repositories()
            code, out = run_online(fake, make_workspace(tmp_path), capsys, "added")
    assert code == 1  # a dead link on an added line is an error
    bravo, delta, golf = (line_of(lists.head, name) for name in ("[Bravo]", "[Delta]", "[Golf]"))
    assert [(c["path"], c.get("start_line"), c["line"]) for c in fake.review_comments] == [
        ("README.md", None, bravo), ("README.md", None, delta), ("README.md", None, golf),
    ]
    bodies = [c["body"].split("\n", 1)[1] for c in fake.review_comments]
    assert bodies[0] == f"**awesome-lint** · `dead-link`: Dead link: {lists.dead} \\(404 Not Found\\)"
    assert bodies[1].endswith(f"```suggestion\n- [Delta]({links.url('/ok/delta')}) - A tool for delta.\n```")
    assert bodies[2].startswith("**awesome-lint** · `github-repository`: ")
    assert bodies[2].endswith(f"```suggestion\n- [Golf]({GOLF_NEW}) - A tool for golf.\n```")
    assert set(links.requests()) <= {(method, path) for method in ("HEAD", "GET")
                                     for path in ("/status/404", "/moved/301/ok/delta", "/ok/delta")}
    assert {path for _, path in links.requests()} == {"/status/404", "/moved/301/ok/delta", "/ok/delta"}
    (query,) = graphql_queries(fake)  # the renamed repository; not the list's own (only with `all`)
    summary = fake.issue_comments[0]["body"]
    assert "| `dead-link` | 1 | 0 | 0 |" in summary  # Echo's old dead link was not checked
    assert "Run `awesome-lint --fix --online` locally to apply every safe fix." in summary
    assert any(line.startswith("awesome-lint: online checks sent ") for line in out)


def test_all_checks_every_link_and_counts_the_old_dead_link_elsewhere(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with scenario_server() as links:
        lists = pull_request_lists(links)
        with fake_pull_request(lists.base, lists.head) as fake:
            fake.repositories = good_repositories()
            code, _ = run_online(fake, make_workspace(tmp_path), capsys, "all")
    assert code == 1
    assert len(fake.review_comments) == 3  # the old dead link is outside the diff: counted, not commented
    assert "/status/410" in {path for _, path in links.requests()}
    summary = fake.issue_comments[0]["body"]
    assert "| `dead-link` | 1 | 1 | 0 |" in summary
    assert "`list-repository`" not in summary  # the own repository was looked up and is fine
    assert REPO.split("/")[1] in json.dumps([r.body for r in fake.requests if r.path == "/graphql"])


def test_off_sends_no_request_for_links_or_repositories(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with scenario_server() as links:
        lists = pull_request_lists(links)
        with fake_pull_request(lists.base, lists.head) as fake:
            fake.repositories = good_repositories()
            code, out = run_online(fake, make_workspace(tmp_path), capsys, "off")
    assert code == 0 and fake.review_comments == []
    assert links.requests() == [] and graphql_queries(fake) == []
    assert not any("online checks" in line for line in out)


def test_push_checks_the_links_the_push_adds(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with scenario_server() as links:
        lists = pull_request_lists(links)
        event = {"before": BASE_SHA, "after": HEAD_SHA, "repository": {"full_name": REPO}}
        with fake_pull_request(lists.base, lists.head) as fake:
            fake.repositories = good_repositories()
            workspace = make_workspace(tmp_path, event)
            (workspace.root / "README.md").write_text(lists.head, encoding="utf-8")
            code, out = run_online(fake, workspace, capsys, "added", event_name="push")
    assert code == 1
    assert {path for _, path in links.requests()} == {"/status/404", "/moved/301/ok/delta", "/ok/delta"}
    rules = sorted(re.findall(r"title=awesome-lint \(([\w-]+)\)", "\n".join(out)))
    assert rules == ["dead-link", "github-repository", "link-redirect"]


def test_the_cache_folder_spares_the_second_run_every_request(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    cache = tmp_path / "cache"
    with scenario_server() as links:
        lists = pull_request_lists(links)
        for attempt in ("first", "second"):
            (tmp_path / attempt).mkdir()
            with fake_pull_request(lists.base, lists.head) as fake:
                fake.repositories = good_repositories()
                run_online(fake, make_workspace(tmp_path / attempt), capsys, "added", AWESOME_LINT_CACHE_DIR=str(cache))
            if attempt == "first":
                seen = len(links.requests())
    assert seen > 0 and len(links.requests()) == seen and graphql_queries(fake) == []
    assert any(cache.iterdir())


def test_a_note_from_the_checks_is_one_notice_and_the_links_are_still_checked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with scenario_server() as links:
        lists = pull_request_lists(links)
        event = {"before": BASE_SHA, "after": HEAD_SHA, "repository": {"full_name": REPO}}
        with fake_pull_request(lists.base, lists.head) as fake:
            workspace = make_workspace(tmp_path, event)
            (workspace.root / "README.md").write_text(lists.head, encoding="utf-8")
            code, out = run_online(fake, workspace, capsys, "added", event_name="push", token="")
    assert code == 1 and fake.requests == []  # no token: nothing asked of GitHub
    notices = [line for line in out if line.startswith("::notice::")]
    assert len(notices) == 1 and notices[0].startswith("::notice::GitHub repository checks need a token")
    rules = sorted(re.findall(r"title=awesome-lint \(([\w-]+)\)", "\n".join(out)))
    assert rules == ["dead-link", "dead-link", "link-redirect"]  # no token: every line counts as changed



@pytest.mark.parametrize(("event_name", "reported"), [("pull_request", True), ("pull_request_target", False)])
def test_a_relative_link_is_checked_against_the_merge_checkout_only(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], event_name: str, reported: bool
) -> None:
    base = awesome_list([entry("Alpha", "docs/alpha.md")])
    head = awesome_list([entry("Alpha", "docs/alpha.md"), entry("Bravo", "docs/bravo.md")])
    with fake_pull_request(base, head) as fake:
        workspace = make_workspace(tmp_path)
        (workspace.root / "docs").mkdir()
        (workspace.root / "docs" / "alpha.md").write_text("# Alpha\n", encoding="utf-8")
        # pull_request checks out the merge commit; pull_request_target the base, where a file
        # the pull request adds is missing.
        (workspace.root / "README.md").write_text(head, encoding="utf-8")
        code, _ = run_online(fake, workspace, capsys, "all", event_name=event_name)
    comments = [(c["line"], c["body"].split("\n")[1]) for c in fake.review_comments]
    if reported:
        assert code == 1 and [(line, body.split(":")[0]) for line, body in comments] == [
            (line_of(head, "[Bravo]"), "**awesome-lint** · `dead-link`")
        ]
    else:
        assert code == 0 and comments == []


SCHEDULED_SHA = "d" * 40


def scheduled(fake: FakeGitHub, workspace: Workspace, capsys: pytest.CaptureFixture[str], text: str,
              token: str = TOKEN, online: str = "all") -> tuple[int, list[str]]:
    (workspace.root / "README.md").write_text(text, encoding="utf-8")
    fake.requests.clear()
    return run_online(fake, workspace, capsys, online, event_name="schedule", token=token,
                      GITHUB_SHA=SCHEDULED_SHA, AWESOME_LINT_FAIL_ON="never")


def scheduled_workspace(tmp_path: Path) -> Workspace:
    return make_workspace(tmp_path, {"schedule": "17 6 * * 1", "repository": {"full_name": REPO}})


def report_line(text: str, name: str, url: str, reason: str) -> str:
    line = line_of(text, f"[{name}]")
    return (f"- [line {line}](https://github.com/{REPO}/blob/{SCHEDULED_SHA}/README.md#L{line}) "
            f"`dead-link`: Dead link: {url} \\({reason}\\)")


def test_scheduled_runs_keep_one_link_health_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    workspace = scheduled_workspace(tmp_path)
    with scenario_server() as links, FakeGitHub(REPO, NUMBER, BASE_SHA, HEAD_SHA, []) as fake:
        fake.repositories = good_repositories()
        ok_alpha, dead, gone = links.url("/ok/alpha"), links.url("/status/404"), links.url("/status/410")
        one_dead = awesome_list([entry("Alpha", ok_alpha), entry("Bravo", dead)])
        code, out = scheduled(fake, workspace, capsys, one_dead)
        assert code == 0
        assert fake.writes() == [("POST", ISSUES)]
        assert fake.requests[-1].body == {"title": "Link health report", "body": f"""\
{REPORT_MARKER}
awesome-lint checked every link of the list at `ddddddd` and found **1 problem**.

### `README.md`

{report_line(one_dead, "Bravo", dead, "404 Not Found")}

<sub>Kept up to date by the scheduled awesome-lint workflow: edited when the findings change, closed when every link passes.</sub>"""}
        assert "awesome-lint: Link health report: opened #8" in out
        assert any(line.startswith("::error file=README.md") and "(dead-link)" in line for line in out)

        two_dead = awesome_list([entry("Alpha", gone), entry("Bravo", dead)])
        scheduled(fake, workspace, capsys, two_dead)
        assert fake.writes() == [("PATCH", f"{ISSUES}/8")]
        assert report_line(two_dead, "Alpha", gone, "410 Gone") in fake.issue(8)["body"]

        scheduled(fake, workspace, capsys, two_dead)
        assert fake.writes() == []  # the same findings: the report is left alone

        scheduled(fake, workspace, capsys, awesome_list([entry("Alpha", ok_alpha), entry("Bravo", links.url("/ok/bravo"))]))
        assert fake.writes() == [("POST", f"{ISSUES}/8/comments"), ("PATCH", f"{ISSUES}/8")]
        assert (fake.issue(8)["state"], fake.issue(8)["state_reason"]) == ("closed", "completed")
        assert len(fake.issues) == 1
    summary = workspace.summary.read_text(encoding="utf-8")
    assert [line for line in summary.splitlines() if line.startswith("**Link health report**")] == [
        "**Link health report**: opened #8.",
        "**Link health report**: updated #8.",
        "**Link health report**: #8 is up to date.",
        "**Link health report**: every link passes: closed #8.",
    ]


@pytest.mark.parametrize(
    ("token", "issues_enabled", "remedy"),
    [
        (NO_ISSUES_TOKEN, True, "add `issues: write` to the job's `permissions:`"),
        (TOKEN, False, "issues are disabled in this repository (enable them in its settings)"),
    ],
)
def test_a_report_that_cannot_be_written_is_a_warning_and_a_summary_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], token: str, issues_enabled: bool, remedy: str
) -> None:
    workspace = scheduled_workspace(tmp_path)
    with scenario_server() as links, FakeGitHub(REPO, NUMBER, BASE_SHA, HEAD_SHA, []) as fake:
        fake.repositories = good_repositories()
        fake.issues_enabled = issues_enabled
        code, out = scheduled(fake, workspace, capsys, awesome_list([entry("Bravo", links.url("/status/404"))]), token=token)
    assert code == 0 and fake.issues == []
    (warning,) = [line for line in out if line.startswith("::warning::")]
    assert warning.startswith("::warning::awesome-lint could not update the Link health report (")
    assert warning.endswith(f"): {remedy}")
    assert ("HTTP 403 Resource not accessible by integration" if issues_enabled else "HTTP 410 Issues are disabled") in warning
    summary = workspace.summary.read_text(encoding="utf-8")
    assert f"**Link health report**: not updated: {remedy}.\n" in summary
    assert "`dead-link`" in summary  # the usual job summary is still there


def test_a_scheduled_run_without_a_token_cannot_keep_the_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    workspace = scheduled_workspace(tmp_path)
    with scenario_server() as links, FakeGitHub(REPO, NUMBER, BASE_SHA, HEAD_SHA, []) as fake:
        code, out = scheduled(fake, workspace, capsys, awesome_list([entry("Bravo", links.url("/status/404"))]), token="")
    assert code == 0 and fake.requests == []
    assert "::warning::awesome-lint could not update the Link health report: it needs a token and GITHUB_REPOSITORY" in out
    assert "**Link health report**: not updated (no token).\n" in workspace.summary.read_text(encoding="utf-8")


def test_a_scheduled_run_with_online_off_leaves_the_issues_alone(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    workspace = scheduled_workspace(tmp_path)
    with scenario_server() as links, FakeGitHub(REPO, NUMBER, BASE_SHA, HEAD_SHA, []) as fake:
        scheduled(fake, workspace, capsys, awesome_list([entry("Bravo", links.url("/status/404"))]), online="off")
    assert links.requests() == [] and fake.requests == []
    assert "Link health report" not in workspace.summary.read_text(encoding="utf-8")
