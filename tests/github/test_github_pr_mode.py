"""Pull-request mode end to end through the real PyGithub client and the local fake GitHub API."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from action_env import (
    BASE_SHA,
    HEAD_SHA,
    NUMBER,
    REPO,
    Workspace,
    fake_pull_request,
    head_text,
    make_workspace,
    pull_request_event,
)
from fake_github import READ_ONLY_TOKEN, TOKEN, Failure, FakeGitHub, PullFile

from awesome_lint.fix import fix_text
from awesome_lint.github import client
from awesome_lint.github.__main__ import main
from awesome_lint.github.client import GitHubApi, Unprocessable

PULLS = f"/repos/{REPO}/pulls/{NUMBER}"
ISSUE_COMMENTS = f"/repos/{REPO}/issues/{NUMBER}/comments"
MARKER = re.compile(r"<!-- awesome-lint:finding [0-9a-f]{16}(,[0-9a-f]{16})* -->")

BETA_COMMENT = """\
**awesome-lint** found 3 problems here:

- `entry-separator`: Separate the link and the description with ' - ', not an em dash \\(' — '\\)
- `description-case`: Start the description with an upper-case letter: 'a' should be 'A' \\(or a name written in lower case, such as 'npm'\\)
- `description-period`: End the description with a period \\('.', '\\!', '?' or '…'\\): it ends with 'by @&#8203;octocat'

```suggestion
- [Beta](https://beta.dev) - A tool for `beta` by @octocat.
```"""

FOXTROT_COMMENT = """\
**awesome-lint** · `alphabetical-order`: Sort entries alphabetically: 'Golf' should come after 'Foxtrot' \\(line 13\\)

```suggestion
- [Foxtrot](https://foxtrot.dev) - A library for foxtrot.
- [Golf](https://golf.dev) - A library for golf.
```"""


@pytest.fixture(autouse=True)
def no_write_spacing(monkeypatch: pytest.MonkeyPatch) -> None:
    """Production waits a second between writes (GitHub's guidance); the fake needs no such care."""
    monkeypatch.setattr(client, "SECONDS_BETWEEN_WRITES", 0.0)


def run(fake: FakeGitHub, workspace: Workspace, capsys: pytest.CaptureFixture[str], *argv: str, token: str = TOKEN) -> tuple[int, list[str]]:
    code = main(list(argv), workspace.env(fake.base_url, token=token))
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    assert TOKEN not in out + err and READ_ONLY_TOKEN not in out + err
    return code, out.splitlines()


def without_marker(body: str) -> str:
    first, _, rest = body.partition("\n")
    assert MARKER.fullmatch(first), first
    return rest


def comment_places(fake: FakeGitHub) -> list[tuple[str, int | None, int]]:
    return [(c["path"], c.get("start_line"), c["line"]) for c in fake.review_comments]


def push(fake: FakeGitHub, workspace: Workspace, new_head: str, sha: str) -> None:
    """The contributor pushes: the PR head moves and a new event arrives."""
    fake.files[0].head = new_head
    fake.head_sha = sha
    workspace.event.write_text(__import__("json").dumps(pull_request_event(head_sha=sha)), encoding="utf-8")


def test_first_run_posts_one_review_with_inline_suggestions(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with fake_pull_request() as fake:
        workspace = make_workspace(tmp_path)
        code, out = run(fake, workspace, capsys)
    assert code == 1  # fail-on=changed and errors on changed lines
    assert [(r.method, r.path) for r in fake.requests] == [
        ("GET", PULLS),
        ("GET", f"{PULLS}/comments"),
        ("GET", f"{PULLS}/files"),
        ("GET", f"/repos/{REPO}/contents/README.md"),
        ("POST", f"{PULLS}/reviews"),
        ("GET", ISSUE_COMMENTS),
        ("POST", ISSUE_COMMENTS),
    ]
    contents = fake.requests[3]
    assert contents.query == {"ref": [HEAD_SHA]}  # the head commit, not the merge commit
    review = fake.requests[4].body
    assert review["event"] == "COMMENT" and review["commit_id"] == HEAD_SHA
    assert len(fake.reviews) == 1
    assert comment_places(fake) == [("README.md", 12, 13), ("README.md", None, 27), ("README.md", 29, 30)]
    hunks = fake.files[0].right_hunks()
    for _, start, line in comment_places(fake):
        assert any(line in hunk and (start is None or start in hunk) for hunk in hunks)
    assert all(c["side"] == "RIGHT" for c in review["comments"])
    bodies = [without_marker(c["body"]) for c in fake.review_comments]
    assert bodies[0] == FOXTROT_COMMENT
    assert bodies[1] == BETA_COMMENT
    assert "1 more problem elsewhere in the checked files (not in this diff)." in fake.reviews[0]["body"]
    assert len(fake.issue_comments) == 1
    assert fake.issue_comments[0]["body"].startswith("<!-- awesome-lint:summary -->\n### awesome-lint")
    assert "| `description-period` | 1 | 1 | 2 |" in fake.issue_comments[0]["body"]
    assert workspace.outputs() == {"findings": "6", "findings-changed": "5"}
    assert out[0] == (
        "::error file=README.md,line=12,col=1,endColumn=49,title=awesome-lint (alphabetical-order)"
        "::Sort entries alphabetically: 'Golf' should come after 'Foxtrot' (line 13)"
    )
    # The finding outside the diff is a notice: it is not this pull request's doing.
    assert out[5].startswith("::notice file=README.md,line=18,")
    summary = workspace.summary.read_text(encoding="utf-8")
    assert "**5 problems** on changed lines, 1 elsewhere." in summary


def test_suggestions_apply_to_what_fix_would_write(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with fake_pull_request() as fake:
        run(fake, make_workspace(tmp_path), capsys)
    lines = head_text().split("\n")
    for comment in sorted(fake.review_comments, key=lambda c: c["line"], reverse=True):
        block = re.search(r"```suggestion\n(.*)\n```", comment["body"], re.S)
        assert block is not None
        start = comment.get("start_line") or comment["line"]
        lines[start - 1 : comment["line"]] = block.group(1).split("\n")
    fixed = fix_text("README.md", head_text()).text.split("\n")
    # --fix also adds the period on line 18, outside the diff; every other line matches.
    assert [i for i, (a, b) in enumerate(zip(lines, fixed)) if a != b] == [17]
    assert len(lines) == len(fixed)


def test_rerun_without_changes_writes_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with fake_pull_request() as fake:
        workspace = make_workspace(tmp_path)
        run(fake, workspace, capsys)
        fake.requests.clear()
        code, out = run(fake, workspace, capsys)
    assert code == 1
    assert fake.writes() == []
    assert len(fake.reviews) == 1 and len(fake.issue_comments) == 1
    assert out[-1] == "awesome-lint: 0 inline comments posted, 3 already posted, 0 listed in the review body, 0 resolved"


def test_push_that_fixes_a_line_deletes_its_comment_and_edits_the_summary(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with fake_pull_request() as fake:
        workspace = make_workspace(tmp_path)
        run(fake, workspace, capsys)
        beta_id = fake.review_comments[1]["id"]
        summary_id = fake.issue_comments[0]["id"]
        fixed_beta = head_text().replace("— a tool for `beta` by @octocat", "- A tool for `beta` by @octocat.")
        push(fake, workspace, fixed_beta, "d" * 40)
        fake.requests.clear()
        run(fake, workspace, capsys)
    assert fake.writes() == [
        ("DELETE", f"/repos/{REPO}/pulls/comments/{beta_id}"),
        ("PATCH", f"/repos/{REPO}/issues/comments/{summary_id}"),
    ]
    assert len(fake.reviews) == 1  # nothing new: no second review
    assert comment_places(fake) == [("README.md", 12, 13), ("README.md", 29, 30)]
    assert len(fake.issue_comments) == 1
    assert "Fixed since the previous run: 3 findings." in fake.issue_comments[0]["body"]
    assert "**2 problems** on changed lines, 1 elsewhere" in fake.issue_comments[0]["body"]


def test_push_with_a_new_problem_posts_only_that_one(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with fake_pull_request() as fake:
        workspace = make_workspace(tmp_path)
        run(fake, workspace, capsys)
        more = head_text().replace(
            "- [Papa](https://papa.dev) - A library for papa.\n",
            "- [Papa](https://papa.dev) - A library for papa.\n- [Quebec](https://quebec.dev) - A library for quebec\n",
        )
        push(fake, workspace, more, "e" * 40)
        fake.requests.clear()
        run(fake, workspace, capsys)
    posts = [r for r in fake.requests if r.method == "POST"]
    assert [r.path for r in posts] == [f"{PULLS}/reviews"]
    assert posts[0].body["commit_id"] == "e" * 40
    assert [(c["line"], c.get("start_line")) for c in posts[0].body["comments"]] == [(23, None)]
    assert without_marker(posts[0].body["comments"][0]["body"]).endswith(
        "```suggestion\n- [Quebec](https://quebec.dev) - A library for quebec.\n```"
    )
    assert len(fake.reviews) == 2 and len(fake.review_comments) == 4


def test_stale_comment_with_a_reply_is_marked_resolved_not_deleted(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with fake_pull_request() as fake:
        workspace = make_workspace(tmp_path)
        run(fake, workspace, capsys)
        beta_id = fake.review_comments[1]["id"]
        fake.add_human_reply(beta_id, "Thanks, will fix @maintainer")
        fixed_beta = head_text().replace("— a tool for `beta` by @octocat", "- A tool for `beta` by @octocat.")
        push(fake, workspace, fixed_beta, "d" * 40)
        fake.requests.clear()
        run(fake, workspace, capsys)
    assert ("PATCH", f"/repos/{REPO}/pulls/comments/{beta_id}") in fake.writes()
    assert not any(method == "DELETE" for method, _ in fake.writes())
    edited = next(c for c in fake.review_comments if c["id"] == beta_id)
    assert edited["body"] == "<!-- awesome-lint:resolved -->\n~~awesome-lint~~ this finding is gone as of `ddddddd`."


def test_review_refused_with_422_is_posted_again_without_inline_comments(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with fake_pull_request() as fake:
        fake.failures.append(
            Failure("POST", "/reviews", status=422, message="Unprocessable Entity", errors=["Line could not be resolved"])
        )
        workspace = make_workspace(tmp_path)
        code, out = run(fake, workspace, capsys)
    posts = [r.body for r in fake.requests if r.method == "POST" and r.path.endswith("/reviews")]
    assert len(posts) == 2
    assert len(posts[0]["comments"]) == 3 and posts[1]["comments"] == []
    assert len(fake.reviews) == 1 and fake.review_comments == []
    body = fake.reviews[0]["body"]
    assert "Not commented inline (3 comments):" in body
    assert "- `README.md` line 27: `entry-separator` Separate the link" in body
    assert any(line.startswith("::warning::GitHub refused the inline comments") and "Line could not be resolved" in line for line in out)
    assert code == 1


def test_fake_api_rejects_lines_outside_the_diff_like_github(tmp_path: Path) -> None:
    with fake_pull_request() as fake:
        api = GitHubApi(fake.base_url, TOKEN, REPO)
        with pytest.raises(Unprocessable, match="HTTP 422 Unprocessable Entity \\(Line could not be resolved\\)"):
            api.create_review(NUMBER, HEAD_SHA, "body", "marker", [{"path": "README.md", "line": 2, "side": "RIGHT", "body": "x"}])
    assert fake.reviews == []


def test_read_only_token_falls_back_to_annotations_and_job_summary(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with fake_pull_request() as fake:
        workspace = make_workspace(tmp_path)
        code, out = run(fake, workspace, capsys, token=READ_ONLY_TOKEN)
    assert code == 1
    assert fake.reviews == [] and fake.issue_comments == []
    assert sum(line.startswith("::error file=README.md") for line in out) == 5
    notices = [line for line in out if line.startswith("::notice::")]
    assert notices == [
        "::notice::awesome-lint cannot comment on this pull request (posting the review on pull request #7: HTTP 403 "
        "Resource not accessible by integration); a pull request from a fork gets a read-only token. Findings are "
        "shown as annotations and in the job summary."
    ]
    summary = workspace.summary.read_text(encoding="utf-8")
    assert "Resource not accessible by integration" in summary
    assert "- `README.md` line 27: `entry-separator`" in summary


def test_read_only_token_with_fail_on_never_exits_zero(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with fake_pull_request() as fake:
        code, _ = run(fake, make_workspace(tmp_path), capsys, "--fail-on", "never", token=READ_ONLY_TOKEN)
    assert code == 0


def test_502_after_the_review_was_stored_does_not_post_it_twice(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with fake_pull_request() as fake:
        fake.failures.append(Failure("POST", "/reviews", after_processing=True, headers={"Retry-After": "0"}))
        run(fake, make_workspace(tmp_path), capsys)
    review_requests = [(r.method, r.path) for r in fake.requests if r.path.endswith("/reviews")]
    assert review_requests == [("POST", f"{PULLS}/reviews"), ("GET", f"{PULLS}/reviews")]
    assert len(fake.reviews) == 1 and len(fake.review_comments) == 3


def test_502_before_the_review_was_stored_posts_it_once_more(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with fake_pull_request() as fake:
        fake.failures.append(Failure("POST", "/reviews", headers={"Retry-After": "0"}))
        run(fake, make_workspace(tmp_path), capsys)
    review_requests = [(r.method, r.path) for r in fake.requests if r.path.endswith("/reviews")]
    assert review_requests == [("POST", f"{PULLS}/reviews"), ("GET", f"{PULLS}/reviews"), ("POST", f"{PULLS}/reviews")]
    assert len(fake.reviews) == 1 and len(fake.review_comments) == 3


def test_502_on_a_read_is_retried(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with fake_pull_request() as fake:
        fake.failures.append(Failure("GET", "/files"))
        code, _ = run(fake, make_workspace(tmp_path), capsys)
    assert [r.path for r in fake.requests].count(f"{PULLS}/files") == 2
    assert code == 1 and len(fake.reviews) == 1


def test_rate_limit_longer_than_the_cap_gives_up_cleanly(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with fake_pull_request() as fake:
        fake.failures.append(
            Failure("POST", "/reviews", status=403, message="You have exceeded a secondary rate limit", headers={"Retry-After": "3600"})
        )
        workspace = make_workspace(tmp_path)
        code, out = run(fake, workspace, capsys)
    assert fake.reviews == []
    assert [r.method for r in fake.requests if r.path.endswith("/reviews")] == ["POST"]
    assert any(line.startswith("::warning::awesome-lint could not post its review: posting the review") for line in out)
    assert code == 1


def test_inline_comments_are_capped_and_the_rest_listed_in_the_review(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with fake_pull_request() as fake:
        run(fake, make_workspace(tmp_path), capsys, "--max-comments", "1")
    assert comment_places(fake) == [("README.md", 12, 13)]
    body = fake.reviews[0]["body"]
    assert "Not commented inline (2 comments):" in body
    assert "- `README.md` line 29: `alphabetical-order`" in body


def test_pull_request_with_a_newer_head_is_not_commented(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with fake_pull_request() as fake:
        fake.live_head_sha = "f" * 40  # pushed again since this event: a newer run will comment
        code, out = run(fake, make_workspace(tmp_path), capsys)
    assert fake.writes() == []
    assert out[-1] == (
        "::notice::pull request #7 has a newer commit (fffffff): not commenting on ccccccc"
    )
    assert code == 1


def test_files_outside_the_glob_are_ignored(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with fake_pull_request(path="docs/notes.md") as fake:
        workspace = make_workspace(tmp_path)
        code, out = run(fake, workspace, capsys)
    assert code == 0
    assert out == ["awesome-lint: 0 inline comments posted, 0 already posted, 0 listed in the review body, 0 resolved"]
    assert fake.writes() == []
    assert workspace.outputs() == {"findings": "0", "findings-changed": "0"}


def test_added_file_is_linted_and_every_line_is_in_the_diff(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with FakeGitHub(REPO, NUMBER, BASE_SHA, HEAD_SHA, []) as fake:
        fake.files.append(PullFile("lists/README.md", None, head_text()))
        workspace = make_workspace(tmp_path)
        code, _ = run(fake, workspace, capsys, "--files", "**/README.md")
    assert workspace.outputs() == {"findings": "6", "findings-changed": "6"}
    assert {c["path"] for c in fake.review_comments} == {"lists/README.md"}
    assert code == 1


def test_push_event_gives_annotations_and_summary_only(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    push_event = {"before": BASE_SHA, "after": HEAD_SHA, "repository": {"full_name": REPO}}
    with fake_pull_request() as fake:
        workspace = make_workspace(tmp_path, push_event)
        (workspace.root / "README.md").write_text(head_text(), encoding="utf-8")
        code = main([], workspace.env(fake.base_url, event_name="push"))
        out = capsys.readouterr().out.splitlines()
    assert fake.writes() == []
    assert [r.path for r in fake.requests] == [f"/repos/{REPO}/compare/{BASE_SHA}...{HEAD_SHA}"]
    assert sum(line.startswith("::error file=README.md") for line in out) == 5
    assert workspace.outputs() == {"findings": "6", "findings-changed": "5"}
    assert "on lines this push changed" in workspace.summary.read_text(encoding="utf-8")
    assert code == 1


def test_unsupported_event_is_one_line_and_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with fake_pull_request() as fake:
        workspace = make_workspace(tmp_path)
        code = main([], workspace.env(fake.base_url, event_name="issue_comment"))
    out = capsys.readouterr().out
    assert code == 2
    assert out == (
        "awesome-lint: error: event 'issue_comment' is not supported: run awesome-lint on pull_request, "
        "pull_request_target or push\n"
    )
