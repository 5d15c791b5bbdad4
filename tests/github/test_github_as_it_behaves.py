"""Issue 9: pull-request mode against GitHub as it really behaves (the strict fake: App identities,
the 65,536-character limit, omitted patches, renames, outdated comments, secondary rate limits,
merge queues). Each test is one defect's smallest reproduction."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from action_env import (
    BASE_SHA,
    HEAD_SHA,
    NUMBER,
    REPO,
    Workspace,
    base_text,
    fake_pull_request,
    head_text,
    make_workspace,
    pull_request_event,
)
from fake_github import (
    APP,
    APP_TOKEN,
    BODY_LIMIT,
    OTHER_APP,
    SECONDARY_RATE_LIMIT,
    TOKEN,
    TOO_LONG,
    Failure,
    FakeGitHub,
    PullFile,
)

from awesome_lint.github import client
from awesome_lint.github.__main__ import main
from awesome_lint.github.client import GitHubApi

PULLS = f"/repos/{REPO}/pulls/{NUMBER}"
ISSUE_COMMENTS = f"/repos/{REPO}/issues/{NUMBER}/comments"
LISTED = re.compile(r"^<!-- awesome-lint:listed [^>]*-->$", re.M)


def run(fake: FakeGitHub, workspace: Workspace, capsys: pytest.CaptureFixture[str], *argv: str,
        token: str = TOKEN, event_name: str = "pull_request", **env: str) -> tuple[int, list[str]]:
    code = main(list(argv), workspace.env(fake.base_url, token=token, event_name=event_name, **env))
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err and token not in out + err
    return code, out.splitlines()


def new_event(workspace: Workspace, sha: str) -> None:
    workspace.event.write_text(json.dumps(pull_request_event(head_sha=sha)), encoding="utf-8")


def suggestion_of(body: str) -> str | None:
    block = re.search(r"(`{3,})suggestion\n(.*?)\1", body, re.S)
    return None if block is None else block.group(2)


# -- 1. identity -----------------------------------------------------------------------------------


def test_app_installation_token_recognises_its_own_comments_on_a_rerun(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with fake_pull_request() as fake:
        workspace = make_workspace(tmp_path)
        run(fake, workspace, capsys, token=APP_TOKEN)
        assert {c["user"]["login"] for c in fake.review_comments + fake.issue_comments} == {APP["login"]}
        fake.requests.clear()
        code, out = run(fake, workspace, capsys, token=APP_TOKEN)
    assert ("POST", "/graphql") in [(r.method, r.path) for r in fake.requests]
    assert fake.writes() == []  # no duplicate review or summary
    assert len(fake.reviews) == 1 and len(fake.review_comments) == 3 and len(fake.issue_comments) == 1
    assert out[-1] == "awesome-lint: 0 inline comments posted, 3 already posted, 0 listed in the review body, 0 resolved"
    assert code == 1


# -- 2. the 65,536-character limit -----------------------------------------------------------------


def long_list(entries: int) -> str:
    names = [f"Entry {index:04d}" for index in range(entries)]
    lines = [f"- [{name}](https://example.com/{index}) - A library number {index}." for index, name in enumerate(names)]
    lines.insert(0, "- [Zulu](https://zulu.dev) - A library for zulu.")  # belongs at the very end
    return "# Awesome Long\n\n> Many things.\n\n## Libraries\n\n" + "\n".join(lines) + "\n"


def test_a_suggestion_over_the_limit_is_dropped_and_the_comment_kept(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    head = long_list(1800)
    with FakeGitHub(REPO, NUMBER, BASE_SHA, HEAD_SHA, [PullFile("README.md", None, head)]) as fake:
        workspace = make_workspace(tmp_path)
        code, _ = run(fake, workspace, capsys)
    assert len(fake.reviews) == 1 and LISTED.search(fake.reviews[0]["body"]) is None
    (order,) = [c for c in fake.review_comments if "alphabetical-order" in c["body"]]
    assert len(order["body"]) <= BODY_LIMIT and suggestion_of(order["body"]) is None
    assert "The suggested change is too long for a comment" in order["body"]
    assert code == 1


def test_a_long_listing_keeps_the_review_body_under_the_limit(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    lines = [f"- [Entry {index:04d}](https://example.com/{index}) - A library number {index}" for index in range(4000)]
    head = "# Awesome Long\n\n> Many things.\n\n## Libraries\n\n" + "\n".join(lines) + "\n"
    with FakeGitHub(REPO, NUMBER, BASE_SHA, HEAD_SHA, [PullFile("README.md", None, head)]) as fake:
        workspace = make_workspace(tmp_path)
        run(fake, workspace, capsys, "--max-comments", "0")
    assert len(fake.reviews) == 1 and len(fake.reviews[0]["body"]) <= BODY_LIMIT
    assert LISTED.search(fake.reviews[0]["body"]) is not None


def test_a_review_refused_for_its_size_does_not_record_its_findings_as_listed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with fake_pull_request() as fake:
        fake.failures.append(Failure("POST", "/reviews", status=422, message="Validation Failed", errors=[TOO_LONG]))
        workspace = make_workspace(tmp_path)
        run(fake, workspace, capsys)
        assert len(fake.reviews) == 1 and LISTED.search(fake.reviews[0]["body"]) is None
        fake.requests.clear()
        run(fake, workspace, capsys)
    assert ("POST", f"{PULLS}/reviews") in fake.writes()  # the next run tries the inline comments again
    assert len(fake.review_comments) == 3


def test_a_refusal_for_a_bad_line_still_records_the_findings_as_listed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with fake_pull_request() as fake:
        fake.failures.append(Failure("POST", "/reviews", status=422, message="Unprocessable Entity", errors=["Line could not be resolved"]))
        run(fake, make_workspace(tmp_path), capsys)
    assert LISTED.search(fake.reviews[0]["body"]) is not None


# -- 3. merge queues, manual and scheduled runs ----------------------------------------------------


@pytest.mark.parametrize("event_name, payload", [
    ("merge_group", {"merge_group": {"base_sha": BASE_SHA, "head_sha": HEAD_SHA, "head_ref": "gh-readonly-queue/main/pr-7"},
                     "repository": {"full_name": REPO}}),
    ("workflow_dispatch", {"inputs": {}, "ref": "refs/heads/main", "repository": {"full_name": REPO}}),
    ("schedule", {"schedule": "0 6 * * 1"}),
])
def test_merge_queue_dispatch_and_schedule_lint_the_workspace(event_name: str, payload: dict, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with fake_pull_request() as fake:
        workspace = make_workspace(tmp_path, payload)
        (workspace.root / "README.md").write_text(head_text(), encoding="utf-8")
        code, out = run(fake, workspace, capsys, event_name=event_name, GITHUB_SHA=HEAD_SHA)
    assert fake.writes() == []
    assert sum(line.startswith("::error file=README.md") for line in out) >= 5
    if event_name == "merge_group":
        assert [r.path for r in fake.requests] == [f"/repos/{REPO}/compare/{BASE_SHA}...{HEAD_SHA}"]
        assert workspace.outputs() == {"findings": "6", "findings-changed": "5"}
    else:  # nothing to compare with: the whole list is checked
        assert fake.requests == []
        assert workspace.outputs() == {"findings": "6", "findings-changed": "6"}
    assert code == 1


def test_a_clean_list_passes_in_the_merge_queue(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    payload = {"merge_group": {"base_sha": BASE_SHA, "head_sha": HEAD_SHA}, "repository": {"full_name": REPO}}
    clean = base_text().replace("for lima\n", "for lima.\n")
    with fake_pull_request(base=base_text(), head=clean) as fake:
        workspace = make_workspace(tmp_path, payload)
        (workspace.root / "README.md").write_text(clean, encoding="utf-8")
        code, _ = run(fake, workspace, capsys, event_name="merge_group")
    assert code == 0 and workspace.outputs() == {"findings": "0", "findings-changed": "0"}


# -- 4. and 10. patches GitHub leaves out ----------------------------------------------------------


def test_a_file_without_a_patch_is_diffed_from_its_base_and_head(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with fake_pull_request() as fake:
        fake.files[0].omit_patch = True
        workspace = make_workspace(tmp_path)
        code, _ = run(fake, workspace, capsys)
    assert ("GET", f"/repos/{REPO}/contents/README.md") in [(r.method, r.path) for r in fake.requests]
    assert [r.query["ref"] for r in fake.requests if r.path.endswith("/contents/README.md")] == [[HEAD_SHA], [BASE_SHA]]
    assert [(c["start_line"], c["line"]) for c in fake.review_comments] == [(12, 13), (None, 27), (29, 30)]
    assert workspace.outputs() == {"findings": "6", "findings-changed": "5"}
    assert code == 1


def push_payload() -> dict:
    return {"before": BASE_SHA, "after": HEAD_SHA, "repository": {"full_name": REPO}}


def test_push_rebuilds_a_missing_patch_from_the_base(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with fake_pull_request() as fake:
        fake.files[0].omit_patch = True
        workspace = make_workspace(tmp_path, push_payload())
        (workspace.root / "README.md").write_text(head_text(), encoding="utf-8")
        code, _ = run(fake, workspace, capsys, event_name="push")
    assert workspace.outputs() == {"findings": "6", "findings-changed": "5"}
    assert code == 1


def test_push_past_the_300_file_cap_warns_and_counts_unlisted_lists_as_changed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with fake_pull_request() as fake:
        fake.compare_files = [PullFile(f"assets/{index}.png", "a", "b") for index in range(300)] + fake.files
        workspace = make_workspace(tmp_path, push_payload())
        (workspace.root / "README.md").write_text(head_text(), encoding="utf-8")
        code, out = run(fake, workspace, capsys, event_name="push")
    assert any(line.startswith("::warning::the comparison lists 300 files") for line in out)
    assert workspace.outputs() == {"findings": "6", "findings-changed": "6"}
    assert code == 1


def test_push_under_the_cap_does_not_count_an_unlisted_list_as_changed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with fake_pull_request() as fake:
        fake.compare_files = [PullFile("assets/logo.png", "a", "b")]
        workspace = make_workspace(tmp_path, push_payload())
        (workspace.root / "README.md").write_text(head_text(), encoding="utf-8")
        code, out = run(fake, workspace, capsys, event_name="push")
    assert not any("300 files" in line for line in out)
    assert workspace.outputs() == {"findings": "6", "findings-changed": "0"}
    assert code == 0


# -- 5. context lines are not changed lines --------------------------------------------------------


def test_a_correct_entry_next_to_an_old_problem_is_not_blamed_for_it(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    base = base_text()
    head = base.replace("- [Mike](https://mike.dev)", "- [Lobster](https://lobster.dev) - A library for lobster.\n- [Mike](https://mike.dev)")
    with fake_pull_request(base=base, head=head) as fake:
        workspace = make_workspace(tmp_path)
        code, out = run(fake, workspace, capsys)
    assert fake.review_comments == [] and fake.reviews == []
    assert workspace.outputs() == {"findings": "1", "findings-changed": "0"}
    assert [line.split(",")[0] for line in out if line.startswith("::")] == ["::notice file=README.md"]
    assert code == 0


def test_a_new_entry_without_a_period_next_to_old_ones_is_blamed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    base = base_text().replace("for lima\n", "for lima.\n")
    head = base.replace("- [Mike](https://mike.dev)", "- [Lobster](https://lobster.dev) - A library for lobster\n- [Mike](https://mike.dev)")
    with fake_pull_request(base=base, head=head) as fake:
        workspace = make_workspace(tmp_path)
        code, _ = run(fake, workspace, capsys)
    assert [(c["start_line"], c["line"]) for c in fake.review_comments] == [(None, 18)]
    assert workspace.outputs() == {"findings": "1", "findings-changed": "1"}
    assert code == 1


# -- 6. outdated comments --------------------------------------------------------------------------

FOXTROT = "- [Foxtrot](https://foxtrot.dev) - A library for foxtrot."


def test_an_outdated_comment_is_replaced_by_one_with_the_current_suggestion(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The order comment (Golf, lines 12-13) suggests swapping Golf and Foxtrot. The contributor
    edits Foxtrot's line: the order finding is the same, the suggestion is not, and GitHub has made
    the comment outdated."""
    with fake_pull_request() as fake:
        workspace = make_workspace(tmp_path)
        run(fake, workspace, capsys)
        order = fake.review_comments[0]
        edited = head_text().replace(FOXTROT, FOXTROT.replace("for foxtrot.", "for foxtrots."))
        fake.push_commit(edited, "d" * 40)
        new_event(workspace, "d" * 40)
        assert order["line"] is None
        fake.requests.clear()
        run(fake, workspace, capsys)
    assert ("DELETE", f"/repos/{REPO}/pulls/comments/{order['id']}") in fake.writes()
    posted = next(r.body for r in fake.requests if r.method == "POST" and r.path.endswith("/reviews"))
    assert [(c.get("start_line"), c["line"]) for c in posted["comments"]] == [(12, 13)]
    assert "for foxtrots." in suggestion_of(posted["comments"][0]["body"])


def test_a_comment_whose_suggestion_changed_is_replaced(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with fake_pull_request() as fake:
        workspace = make_workspace(tmp_path)
        run(fake, workspace, capsys)
        beta = fake.review_comments[1]
        beta["body"] = re.sub(r"```suggestion\n.*?```", "```suggestion\n- [Beta](https://beta.dev) - Old.\n```", beta["body"], flags=re.S)
        beta["body"] = re.sub(r" s=[0-9a-f]+ -->", " s=0123456789ab -->", beta["body"], count=1)
        fake.requests.clear()
        run(fake, workspace, capsys)
    assert ("DELETE", f"/repos/{REPO}/pulls/comments/{beta['id']}") in fake.writes()
    assert [(c["start_line"], c["line"]) for c in fake.review_comments] == [(12, 13), (29, 30), (None, 27)]


def test_an_unchanged_comment_on_a_rerun_is_kept(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A push elsewhere: the comments keep their lines (not outdated) and stay."""
    with fake_pull_request() as fake:
        workspace = make_workspace(tmp_path)
        run(fake, workspace, capsys)
        fake.push_commit(head_text().replace("Contributions welcome.", "Contributions are welcome."), "d" * 40)
        new_event(workspace, "d" * 40)
        fake.requests.clear()
        run(fake, workspace, capsys)
    assert [method for method, _ in fake.writes()] == ["PATCH"]  # the summary names the new commit
    assert len(fake.review_comments) == 3


# -- 7. one unreadable file ------------------------------------------------------------------------


def test_an_unreadable_list_is_reported_and_the_others_reviewed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with fake_pull_request() as fake:
        fake.files.insert(0, PullFile("lists/legacy.md", None, b"# Legacy\n\n- caf\xe9 list\n"))
        workspace = make_workspace(tmp_path)
        code, out = run(fake, workspace, capsys, "--files", "README.md,lists/*.md")
    assert "::error file=lists/legacy.md,line=3,col=6,title=awesome-lint::not valid UTF-8 (byte 0xe9 at offset 15)" in out
    assert len(fake.reviews) == 1 and len(fake.review_comments) == 3
    assert workspace.outputs() == {"findings": "6", "findings-changed": "5"}
    summary = workspace.summary.read_text(encoding="utf-8")
    assert "- `lists/legacy.md` could not be checked: line 3 column 6: not valid UTF-8 \\(byte 0xe9 at offset 15\\)" in summary
    assert code == 1


def test_an_unreadable_list_alone_fails_the_step(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with FakeGitHub(REPO, NUMBER, BASE_SHA, HEAD_SHA, [PullFile("README.md", None, b"\xff\xfe# x\n")]) as fake:
        workspace = make_workspace(tmp_path)
        code, _ = run(fake, workspace, capsys)
        never, _ = run(fake, workspace, capsys, "--fail-on", "never")
    assert (code, never) == (1, 0)


# -- 8. secondary rate limits ----------------------------------------------------------------------


def test_a_secondary_rate_limit_without_retry_after_waits_a_minute(tmp_path: Path) -> None:
    sleeps: list[float] = []
    with fake_pull_request() as fake:
        fake.failures.append(Failure("POST", "/reviews", status=403, message=SECONDARY_RATE_LIMIT))
        api = GitHubApi(fake.base_url, TOKEN, REPO, sleep=sleeps.append, max_wait=120)
        api.create_review(NUMBER, HEAD_SHA, "<!-- m -->", "<!-- m -->", [])
    assert sleeps == [60.0] and len(fake.reviews) == 1


@pytest.mark.parametrize("status", [403, 429])
def test_a_secondary_rate_limit_longer_than_the_budget_gives_up(status: int, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with fake_pull_request() as fake:
        fake.failures.append(Failure("POST", "/reviews", status=status, message=SECONDARY_RATE_LIMIT))
        workspace = make_workspace(tmp_path)
        code, out = run(fake, workspace, capsys, AWESOME_LINT_MAX_WAIT="30")
    assert fake.writes() == [("POST", f"{PULLS}/reviews")]
    assert any("secondary rate limit" in line and line.startswith("::warning::awesome-lint could not post") for line in out)
    assert code == 1


@pytest.mark.parametrize("status", [403, 429])
def test_a_secondary_rate_limit_on_a_read_over_the_budget_gives_up_at_once(status: int, tmp_path: Path) -> None:
    with fake_pull_request() as fake:
        fake.failures.append(Failure("GET", "/files", status=status, message=SECONDARY_RATE_LIMIT))
        api = GitHubApi(fake.base_url, TOKEN, REPO, max_wait=0.5)
        with pytest.raises(client.ApiError, match="secondary rate limit"):
            api.changed_files(NUMBER)
    assert [r.path for r in fake.requests].count(f"{PULLS}/files") == 1


# -- 9. renames ------------------------------------------------------------------------------------


def test_renaming_the_list_keeps_its_comments(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with fake_pull_request() as fake:
        workspace = make_workspace(tmp_path)
        run(fake, workspace, capsys, "--files", "*.md")
        fake.push_commit(head_text(), "d" * 40, rename_to="LIST.md")
        new_event(workspace, "d" * 40)
        fake.requests.clear()
        code, out = run(fake, workspace, capsys, "--files", "*.md")
    assert [w for w in fake.writes() if w[0] != "PATCH"] == []
    assert out[-1] == "awesome-lint: 0 inline comments posted, 3 already posted, 0 listed in the review body, 0 resolved"
    assert "Fixed since" not in fake.issue_comments[0]["body"]
    assert code == 1


# -- 11. a push while the run reads the files ------------------------------------------------------


def test_a_push_after_listing_the_files_stops_the_run(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with fake_pull_request() as fake:
        fake.head_moves_after = "/files"
        workspace = make_workspace(tmp_path)
        code, out = run(fake, workspace, capsys)
    assert not any(r.path.startswith(f"/repos/{REPO}/contents/") for r in fake.requests)
    assert fake.reviews == [] and fake.issue_comments == []
    assert out == ["::notice::pull request #7 has a newer commit (fffffff): not checking ccccccc"]
    assert code == 0


# -- a last line without a final newline -----------------------------------------------------------


def test_a_suggestion_on_the_last_line_without_a_newline_adds_no_empty_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    base = "# Awesome X\n\n> Things.\n\n## Tools\n\n- [Alpha](https://alpha.dev) - A tool."
    head = base + "\n- [Bravo](https://bravo.dev) - A tool"
    with fake_pull_request(base=base, head=head) as fake:
        run(fake, make_workspace(tmp_path), capsys, "--fail-on", "never")
    bodies = [c["body"] for c in fake.review_comments if c["line"] == 8]
    assert [suggestion_of(body) for body in bodies] == ["- [Bravo](https://bravo.dev) - A tool.\n"]


# -- 12. the config a pull request is checked with -------------------------------------------------

LOOSER = 'ignore = ["entry-separator", "description-case", "description-period", "alphabetical-order"]\n'


def test_the_checkout_config_applies_by_default(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Under pull_request the checkout is the merge commit: the pull request's own config."""
    with fake_pull_request() as fake:
        workspace = make_workspace(tmp_path)
        (workspace.root / ".awesome-lint.toml").write_text(LOOSER, encoding="utf-8")
        code, _ = run(fake, workspace, capsys)
    assert workspace.outputs() == {"findings": "0", "findings-changed": "0"} and code == 0


def test_config_from_base_ignores_the_pull_requests_own_config(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with fake_pull_request() as fake:
        fake.base_files[".awesome-lint.toml"] = 'ignore = ["description-period"]\n'
        workspace = make_workspace(tmp_path)
        (workspace.root / ".awesome-lint.toml").write_text(LOOSER, encoding="utf-8")
        code, _ = run(fake, workspace, capsys, AWESOME_LINT_CONFIG_FROM_BASE="true")
    contents = [(r.path, r.query["ref"]) for r in fake.requests if "/contents/" in r.path]
    assert contents[:2] == [(f"/repos/{REPO}/contents/.awesome-lint.toml", [BASE_SHA]),
                            (f"/repos/{REPO}/contents/pyproject.toml", [BASE_SHA])]
    assert workspace.outputs() == {"findings": "4", "findings-changed": "4"}  # the base ignores only the period
    assert code == 1


# -- paging ----------------------------------------------------------------------------------------


def test_the_fake_pages_like_github(tmp_path: Path) -> None:
    import requests

    with fake_pull_request() as fake:
        for index in range(31):
            fake.add_review_comment(OTHER_APP, f"comment {index}")
        first = requests.get(f"{fake.base_url}{PULLS}/comments", timeout=5)
        second = requests.get(first.links["next"]["url"], timeout=5)
    assert len(first.json()) == 30 and len(second.json()) == 1 and "next" not in second.links


def test_our_comments_past_the_first_page_are_found(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with fake_pull_request() as fake:
        for index in range(120):  # a busy pull request: ours come after two pages of others' comments
            fake.add_review_comment(OTHER_APP, f"comment {index}")
        workspace = make_workspace(tmp_path)
        run(fake, workspace, capsys)
        fake.requests.clear()
        _, out = run(fake, workspace, capsys)
    assert fake.writes() == []
    assert [r.query.get("page") for r in fake.requests if r.path == f"{PULLS}/comments"] == [None, ["2"]]
    assert out[-1] == "awesome-lint: 0 inline comments posted, 3 already posted, 0 listed in the review body, 0 resolved"
