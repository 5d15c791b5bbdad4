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
from fake_github import OTHER_APP, PAT, READ_ONLY_TOKEN, TOKEN, Failure, FakeGitHub, PullFile

from awesome_lint.fix import fix_text
from awesome_lint.github import client
from awesome_lint.github.__main__ import main
from awesome_lint.github.client import GitHubApi, Unprocessable

PULLS = f"/repos/{REPO}/pulls/{NUMBER}"
ISSUE_COMMENTS = f"/repos/{REPO}/issues/{NUMBER}/comments"
MARKER = re.compile(r"<!-- awesome-lint:finding [0-9a-f]{16}(,[0-9a-f]{16})*( s=[0-9a-f]{12})? -->")

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


def run(fake: FakeGitHub, workspace: Workspace, capsys: pytest.CaptureFixture[str], *argv: str, token: str = TOKEN) -> tuple[int, list[str]]:
    code = main(list(argv), workspace.env(fake.base_url, token=token))
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    assert TOKEN not in out + err and READ_ONLY_TOKEN not in out + err and PAT not in out + err
    return code, out.splitlines()


def without_marker(body: str) -> str:
    first, _, rest = body.partition("\n")
    assert MARKER.fullmatch(first), first
    return rest


def comment_places(fake: FakeGitHub) -> list[tuple[str, int | None, int]]:
    return [(c["path"], c.get("start_line"), c["line"]) for c in fake.review_comments]


def push(fake: FakeGitHub, workspace: Workspace, new_head: str, sha: str) -> None:
    """The contributor pushes: the PR head moves (comments on edited lines become outdated) and a new event arrives."""
    fake.push_commit(new_head, sha)
    workspace.event.write_text(__import__("json").dumps(pull_request_event(head_sha=sha)), encoding="utf-8")


def test_first_run_posts_one_review_with_inline_suggestions(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with fake_pull_request() as fake:
        workspace = make_workspace(tmp_path)
        code, out = run(fake, workspace, capsys)
    assert code == 1  # fail-on=changed and errors on changed lines
    assert [(r.method, r.path) for r in fake.requests] == [
        ("GET", PULLS),
        ("POST", "/graphql"),  # viewer { login }: who our comments are from, for every kind of token
        ("GET", f"{PULLS}/comments"),
        ("GET", f"{PULLS}/reviews"),
        ("GET", f"{PULLS}/files"),
        ("GET", PULLS),  # still the event's head after listing the files?
        ("GET", f"/repos/{REPO}/contents/README.md"),
        ("POST", f"{PULLS}/reviews"),
        ("GET", ISSUE_COMMENTS),
        ("POST", ISSUE_COMMENTS),
    ]
    assert fake.requests[1].body == {"query": "query { viewer { login } }"}
    contents = fake.requests[6]
    assert contents.query == {"ref": [HEAD_SHA]}  # the head commit, not the merge commit
    review = fake.requests[7].body
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
    posts = [r for r in fake.requests if r.method == "POST" and r.path != "/graphql"]
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
    assert fake.writes() == [("POST", f"{PULLS}/reviews")]  # refused once: nothing else is tried
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
    assert review_requests == [("GET", f"{PULLS}/reviews"), ("POST", f"{PULLS}/reviews"), ("GET", f"{PULLS}/reviews")]
    assert len(fake.reviews) == 1 and len(fake.review_comments) == 3


def test_502_before_the_review_was_stored_posts_it_once_more(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with fake_pull_request() as fake:
        fake.failures.append(Failure("POST", "/reviews", headers={"Retry-After": "0"}))
        run(fake, make_workspace(tmp_path), capsys)
    review_requests = [(r.method, r.path) for r in fake.requests if r.path.endswith("/reviews")]
    assert review_requests == [
        ("GET", f"{PULLS}/reviews"), ("POST", f"{PULLS}/reviews"), ("GET", f"{PULLS}/reviews"), ("POST", f"{PULLS}/reviews"),
    ]
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
    assert fake.writes() == [("POST", f"{PULLS}/reviews")]  # an hour is over the cap: no wait, no retry
    assert any(line.startswith("::warning::awesome-lint could not post its review: posting the review") for line in out)
    assert code == 1


def test_inline_comments_are_capped_and_the_rest_listed_in_the_review(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with fake_pull_request() as fake:
        run(fake, make_workspace(tmp_path), capsys, "--max-comments", "1")
    assert comment_places(fake) == [("README.md", 12, 13)]
    body = fake.reviews[0]["body"]
    assert "Not commented inline (2 comments):" in body
    assert "- `README.md` line 29: `alphabetical-order`" in body


def test_pull_request_with_a_newer_head_stops_early(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The patches would describe the newer head, the text this event's head: nothing is reported
    from them (no annotations, no outputs); the run for the newer commit reports."""
    with fake_pull_request() as fake:
        fake.live_head_sha = "f" * 40  # pushed again since this event
        workspace = make_workspace(tmp_path)
        code, out = run(fake, workspace, capsys)
    assert [(r.method, r.path) for r in fake.requests] == [("GET", PULLS)]
    assert out == ["::notice::pull request #7 has a newer commit (fffffff): not checking ccccccc"]
    assert workspace.outputs() == {}
    assert workspace.summary.read_text(encoding="utf-8") == (
        "## awesome-lint\n\n> pull request #7 has a newer commit (fffffff): not checking ccccccc\n"
    )
    assert code == 0


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
        "pull_request_target, push, merge_group, workflow_dispatch, schedule\n"
    )


# -- re-runs match comments by their exact set of findings ---------------------------------------

FOXTROT = "- [Foxtrot](https://foxtrot.dev) - A library for foxtrot."
FOXTROT_NO_PERIOD = FOXTROT[:-1]


def fingerprint_sets(fake: FakeGitHub) -> list[tuple[str, ...]]:
    return [tuple(MARKER.match(c["body"]).group(0)[len("<!-- awesome-lint:finding "):-len(" -->")].split(" ")[0].split(","))
            for c in fake.review_comments]


def test_fixing_one_of_two_findings_in_a_comment_reposts_the_other(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Golf/Foxtrot out of order (lines 12-13) and Foxtrot without its period share one comment.
    Fixing the period leaves the order finding: its comment is posted again on its own."""
    with fake_pull_request(head=head_text().replace(FOXTROT, FOXTROT_NO_PERIOD)) as fake:
        workspace = make_workspace(tmp_path)
        run(fake, workspace, capsys)
        both = fake.review_comments[0]
        assert (both.get("start_line"), both["line"]) == (12, 13)
        assert without_marker(both["body"]).startswith("**awesome-lint** found 2 problems here:")
        order_only, _ = fingerprint_sets(fake)[0]
        summary_id = fake.issue_comments[0]["id"]
        push(fake, workspace, head_text(), "d" * 40)
        fake.requests.clear()
        code, out = run(fake, workspace, capsys)
    assert fake.writes() == [
        ("POST", f"{PULLS}/reviews"),
        ("DELETE", f"/repos/{REPO}/pulls/comments/{both['id']}"),
        ("PATCH", f"/repos/{REPO}/issues/comments/{summary_id}"),
    ]
    posted = next(r.body for r in fake.requests if r.method == "POST" and r.path.endswith("/reviews"))
    assert [(c.get("start_line"), c["line"]) for c in posted["comments"]] == [(12, 13)]
    assert without_marker(posted["comments"][0]["body"]) == FOXTROT_COMMENT
    assert fingerprint_sets(fake)[-1] == (order_only,)
    assert out[-1] == "awesome-lint: 1 inline comments posted, 2 already posted, 0 listed in the review body, 1 resolved"
    assert "Fixed since the previous run: 1 finding." in fake.issue_comments[0]["body"]
    assert code == 1


def test_a_new_finding_joining_a_comment_replaces_it_without_repeating_the_old_one(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with fake_pull_request() as fake:
        workspace = make_workspace(tmp_path)
        run(fake, workspace, capsys)
        order = fake.review_comments[0]
        (order_fingerprint,) = fingerprint_sets(fake)[0]
        push(fake, workspace, head_text().replace(FOXTROT, FOXTROT_NO_PERIOD), "e" * 40)
        fake.requests.clear()
        _, out = run(fake, workspace, capsys)
    assert [w for w in fake.writes() if w[1] != f"/repos/{REPO}/issues/comments/{fake.issue_comments[0]['id']}"] == [
        ("POST", f"{PULLS}/reviews"),
        ("DELETE", f"/repos/{REPO}/pulls/comments/{order['id']}"),
    ]
    sets = fingerprint_sets(fake)
    assert len(sets) == 3 and sets[-1][0] == order_fingerprint and len(sets[-1]) == 2
    every = [fingerprint for fingerprints in sets for fingerprint in fingerprints]
    assert len(every) == len(set(every))  # no finding is commented twice
    assert out[-1] == "awesome-lint: 1 inline comments posted, 2 already posted, 0 listed in the review body, 0 resolved"


# -- what the review body lists counts as posted ---------------------------------------------------

LISTED = re.compile(r"\A<!-- awesome-lint:review [0-9a-f]{16} -->\n<!-- awesome-lint:listed ([0-9a-f,]+) -->\n")


def test_reruns_above_the_cap_post_no_more_reviews(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with fake_pull_request() as fake:
        workspace = make_workspace(tmp_path)
        run(fake, workspace, capsys, "--max-comments", "1")
        listed = LISTED.match(fake.reviews[0]["body"])
        assert listed is not None and len(listed.group(1).split(",")) == 4  # Beta's three findings and Echo/Delta
        for _ in range(2):
            fake.requests.clear()
            code, out = run(fake, workspace, capsys, "--max-comments", "1")
            assert fake.writes() == []
            assert out[-1] == "awesome-lint: 0 inline comments posted, 3 already posted, 0 listed in the review body, 0 resolved"
    assert len(fake.reviews) == 1 and len(fake.review_comments) == 1
    assert code == 1


def test_after_a_422_the_next_run_posts_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with fake_pull_request() as fake:
        fake.failures.append(
            Failure("POST", "/reviews", status=422, message="Unprocessable Entity", errors=["Line could not be resolved"])
        )
        workspace = make_workspace(tmp_path)
        run(fake, workspace, capsys)
        assert LISTED.match(fake.reviews[0]["body"]) is not None
        fake.requests.clear()
        _, out = run(fake, workspace, capsys)
    assert fake.writes() == []
    assert len(fake.reviews) == 1 and fake.review_comments == []
    assert out[-1] == "awesome-lint: 0 inline comments posted, 3 already posted, 0 listed in the review body, 0 resolved"


def test_a_listed_marker_in_someone_elses_review_is_ignored(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with fake_pull_request() as fake:
        workspace = make_workspace(tmp_path)
        run(fake, workspace, capsys, "--max-comments", "0")
        forged = dict(fake.reviews[0], id=1, user=OTHER_APP)
        fake.reviews[:] = [forged]  # the same listing, but not by us
        fake.requests.clear()
        run(fake, workspace, capsys, "--max-comments", "0")
    assert fake.writes()[0] == ("POST", f"{PULLS}/reviews")


# -- who "we" are ----------------------------------------------------------------------------------

FORGED = "<!-- awesome-lint:finding 0123456789abcdef -->\nnot ours"


def test_personal_access_token_recognises_its_own_comments(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with fake_pull_request() as fake:
        workspace = make_workspace(tmp_path)
        run(fake, workspace, capsys, token=PAT)
        assert {c["user"]["login"] for c in fake.review_comments + fake.reviews + fake.issue_comments} == {"maintainer"}
        fake.requests.clear()
        code, out = run(fake, workspace, capsys, token=PAT)
    assert [(r.method, r.path) for r in fake.requests][:2] == [("GET", PULLS), ("POST", "/graphql")]
    assert fake.writes() == []
    assert len(fake.reviews) == 1 and len(fake.review_comments) == 3 and len(fake.issue_comments) == 1
    assert out[-1] == "awesome-lint: 0 inline comments posted, 3 already posted, 0 listed in the review body, 0 resolved"
    assert code == 1


@pytest.mark.parametrize("token", [TOKEN, PAT])
def test_another_apps_comment_with_our_marker_is_left_alone(token: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with fake_pull_request() as fake:
        other = fake.add_review_comment(OTHER_APP, FORGED)
        fake.issue_comments.append({"id": 1, "body": "<!-- awesome-lint:summary -->\nnot ours", "user": OTHER_APP,
                                    "url": fake.base_url + f"/repos/{REPO}/issues/comments/1"})
        run(fake, make_workspace(tmp_path), capsys, token=token)
    assert fake.writes() == [("POST", f"{PULLS}/reviews"), ("POST", ISSUE_COMMENTS)]
    assert any(c["id"] == other and c["body"] == FORGED for c in fake.review_comments)
    assert fake.issue_comments[0]["body"] == "<!-- awesome-lint:summary -->\nnot ours"


def test_comments_of_the_actions_bot_are_not_ours_under_a_personal_token(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with fake_pull_request() as fake:
        workspace = make_workspace(tmp_path)
        run(fake, workspace, capsys)  # GITHUB_TOKEN: github-actions[bot]
        fake.requests.clear()
        run(fake, workspace, capsys, token=PAT)  # a different identity: it does not touch the bot's comments
    assert ("POST", f"{PULLS}/reviews") in fake.writes()
    assert not any(method in ("DELETE", "PATCH") for method, _ in fake.writes())


# -- paths in code spans ---------------------------------------------------------------------------


def test_paths_are_shown_literally_in_code_spans(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = "lists/awesome_go-(old).md"
    with fake_pull_request(path=path) as fake:
        workspace = make_workspace(tmp_path)
        run(fake, workspace, capsys, "--files", "lists/*.md", "--max-comments", "0")
    assert f"- `{path}` line 12: `alphabetical-order`" in fake.reviews[0]["body"]
    assert f"Checked `{path}` at `ccccccc`." in fake.issue_comments[0]["body"]
    summary = workspace.summary.read_text(encoding="utf-8")
    assert f"Checked `{path}` at `ccccccc`." in summary and f"- `{path}` line 27:" in summary


# -- push events -----------------------------------------------------------------------------------


@pytest.mark.parametrize("fail_on, code", [("all", 1), ("never", 0)])
def test_push_counts_changed_lines_whatever_fail_on_says(fail_on: str, code: int, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    push_event = {"before": BASE_SHA, "after": HEAD_SHA, "repository": {"full_name": REPO}}
    with fake_pull_request() as fake:
        workspace = make_workspace(tmp_path, push_event)
        (workspace.root / "README.md").write_text(head_text(), encoding="utf-8")
        result = main(["--fail-on", fail_on], workspace.env(fake.base_url, event_name="push"))
        capsys.readouterr()
    assert [r.path for r in fake.requests] == [f"/repos/{REPO}/compare/{BASE_SHA}...{HEAD_SHA}"]
    assert workspace.outputs() == {"findings": "6", "findings-changed": "5"}
    assert "**5 problems** on lines this push changed, 1 elsewhere." in workspace.summary.read_text(encoding="utf-8")
    assert result == code


# -- failures --------------------------------------------------------------------------------------


def test_an_error_echoing_the_authorization_header_never_logs_the_token(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with fake_pull_request() as fake:
        fake.failures.append(Failure("POST", "/reviews", status=400, message="Bad request with {authorization}"))
        workspace = make_workspace(tmp_path)
        code, out = run(fake, workspace, capsys)  # run() asserts the token is nowhere in stdout/stderr
    assert f"token {TOKEN}" == fake.requests[-1].authorization
    assert "::warning::awesome-lint could not post its review: posting the review on pull request #7: HTTP 400 Bad request with token ***" in out
    assert TOKEN not in workspace.summary.read_text(encoding="utf-8")
    assert code == 1


def test_a_429_waits_as_asked_then_retries_and_gives_up_after_three_tries(tmp_path: Path) -> None:
    sleeps: list[float] = []
    with fake_pull_request() as fake:
        fake.failures.extend(
            Failure("POST", "/reviews", status=429, message="Too Many Requests", headers={"Retry-After": "7"}) for _ in range(3)
        )
        api = GitHubApi(fake.base_url, TOKEN, REPO, sleep=sleeps.append, max_wait=10)
        with pytest.raises(client.ApiError, match=r"^posting the review on pull request #7: HTTP 429 Too Many Requests$"):
            api.create_review(NUMBER, HEAD_SHA, "<!-- m -->", "<!-- m -->", [])
    assert sleeps == [7.0, 7.0]
    assert [(r.method, r.path) for r in fake.requests if r.path.endswith("/reviews")] == [
        ("POST", f"{PULLS}/reviews"), ("GET", f"{PULLS}/reviews"),
        ("POST", f"{PULLS}/reviews"), ("GET", f"{PULLS}/reviews"),
        ("POST", f"{PULLS}/reviews"),
    ]
    assert fake.reviews == []


def test_a_429_over_the_cap_is_not_waited_for(tmp_path: Path) -> None:
    sleeps: list[float] = []
    with fake_pull_request() as fake:
        fake.failures.append(Failure("POST", "/reviews", status=429, message="Too Many Requests", headers={"Retry-After": "3600"}))
        api = GitHubApi(fake.base_url, TOKEN, REPO, sleep=sleeps.append, max_wait=10)
        with pytest.raises(client.ApiError, match="HTTP 429"):
            api.create_review(NUMBER, HEAD_SHA, "<!-- m -->", "<!-- m -->", [])
    assert sleeps == [] and fake.writes() == [("POST", f"{PULLS}/reviews")]


def test_a_429_on_a_read_is_retried_after_retry_after(tmp_path: Path) -> None:
    with fake_pull_request() as fake:
        fake.failures.append(Failure("GET", "/files", status=429, message="Too Many Requests", headers={"Retry-After": "0"}))
        files = GitHubApi(fake.base_url, TOKEN, REPO).changed_files(NUMBER)
    assert [f.path for f in files] == ["README.md"]
    assert [r.path for r in fake.requests].count(f"{PULLS}/files") == 2


def test_a_429_on_a_read_asking_for_too_long_gives_up_at_once(tmp_path: Path) -> None:
    with fake_pull_request() as fake:
        fake.failures.append(Failure("GET", "/files", status=429, message="Too Many Requests", headers={"Retry-After": "3600"}))
        api = GitHubApi(fake.base_url, TOKEN, REPO, max_wait=10)
        with pytest.raises(client.ApiError, match=r"^listing the files of pull request #7: HTTP 429 Too Many Requests$"):
            api.changed_files(NUMBER)
    assert [r.path for r in fake.requests].count(f"{PULLS}/files") == 1
