"""Small pieces of pull-request mode: diff hunks, escaping, workflow commands, events."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from awesome_lint.diagnostics import Diagnostic, FatalError, Position, Severity
from awesome_lint.github.diff import Hunk, diff_hunks, hunk_for, parse_patch, touches_added, whole_file
from awesome_lint.github.event import PullRequestEvent, load_event
from awesome_lint.github.markup import code_fence, code_span, escape_markdown, suggestion_block
from awesome_lint.github.review import CommentKey, comment_key
from awesome_lint.github.run import matches, unreadable
from awesome_lint.report.github import annotation, escape_data, escape_property

PATCH = """@@ -1,3 +1,4 @@
 # Title
+- [A](https://a) - A.
 - [B](https://b) - B.
-- [C](https://c) - C.
+- [C](https://c) - C!
@@ -20,2 +21,0 @@
-gone
-also gone
@@ -30 +30 @@ Section
-x
+y
\\ No newline at end of file"""


def test_hunks_are_right_side_ranges() -> None:
    assert parse_patch(PATCH) == [Hunk(1, 4, frozenset({2, 4})), Hunk(30, 30, frozenset({30}))]
    assert parse_patch(None) == []
    hunks = parse_patch(PATCH)
    assert hunk_for(hunks, 2, 4) == hunks[0] and hunk_for(hunks, 4, 30) is None and hunk_for(hunks, 5) is None


def test_escape_markdown_makes_quoted_text_inert() -> None:
    assert escape_markdown("![x](http://t/p.png) <img> @alice #12 `c`\n# h") == (
        "\\!\\[x\\]\\(http://t/p.png\\) &lt;img&gt; @&#8203;alice #&#8203;12 \\`c\\` #&#8203; h"
    )
    assert "-->" not in escape_markdown("--> <!-- awesome-lint:finding 0123456789abcdef -->")


def test_suggestion_fence_is_longer_than_any_backtick_run() -> None:
    assert code_fence("a ``` b `` c") == "````"
    assert suggestion_block("x ````y") == "`````suggestion\nx ````y\n`````"
    assert suggestion_block("") == "```suggestion\n```"


def test_workflow_command_escaping() -> None:
    assert escape_data("50%\r\nnext") == "50%25%0D%0Anext"
    assert escape_property("a:b,c%") == "a%3Ab%2Cc%25"
    diagnostic = Diagnostic("rule-x", "bad\n::error::injected", 0, 1, Position(3, 5), Position(3, 9), Severity.WARNING)
    assert annotation("dir/a,b:c.md", diagnostic) == (
        "::warning file=dir/a%2Cb%3Ac.md,line=3,col=5,endColumn=9,title=awesome-lint (rule-x)::bad%0A::error::injected"
    )


def test_globs() -> None:
    assert matches("README.md", ["README.md"]) and not matches("docs/README.md", ["README.md"])
    assert matches("docs/a/README.md", ["**/README.md"]) and matches("README.md", ["**/README.md"])
    assert matches("lists/go.md", ["lists/*.md"]) and not matches("lists/x/go.md", ["lists/*.md"])


def test_glob_prefixes_go_but_leading_dots_of_names_stay() -> None:
    assert matches(".github/README.md", ["./.github/README.md"])
    assert not matches("github/README.md", ["./.github/README.md"])
    assert matches("README.md", ["/README.md"]) and matches("README.md", ["./README.md"])
    assert matches(".hidden.md", ["./.hidden.md"]) and not matches("hidden.md", ["./.hidden.md"])


def test_code_span_shows_text_literally() -> None:
    assert code_span("lists/awesome_go-(old).md") == "`lists/awesome_go-(old).md`"
    assert code_span("a`b.md") == "``a`b.md``"
    assert code_span("`a``.md") == "``` `a``.md ```"
    assert code_span("<b>@x #1\nnext") == "`<b>@x #1 next`"


def test_event_errors_are_one_line(tmp_path: Path) -> None:
    path = tmp_path / "event.json"
    path.write_text(json.dumps({"number": 1, "pull_request": {"number": 1}, "repository": {"full_name": "o/r"}}))
    with pytest.raises(FatalError, match=r"^pull_request event payload is not usable: pull_request\.head: Field required$"):
        load_event("pull_request", path)
    with pytest.raises(FatalError, match="event 'issue_comment' is not supported"):
        load_event("issue_comment", path)
    path.write_text("{not json")
    with pytest.raises(FatalError, match="is not readable JSON"):
        load_event("push", path)


def test_pull_request_target_payload_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "event.json"
    sha = "a" * 40
    payload = {"number": 3, "repository": {"full_name": "o/r"},
               "pull_request": {"number": 3, "head": {"sha": sha, "repo": None}, "base": {"sha": sha}}}
    path.write_text(json.dumps(payload))
    event = load_event("pull_request_target", path)
    assert isinstance(event, PullRequestEvent) and event.pull_request.head.sha == sha


def test_hunks_rebuilt_from_two_versions_match_githubs_patch() -> None:
    old = "".join(f"line {n}\n" for n in range(1, 21))
    new = old.replace("line 5\n", "line 5\nadded\n").replace("line 18\n", "line eighteen\n")
    assert diff_hunks(old, new) == [Hunk(3, 9, frozenset({6})), Hunk(16, 21, frozenset({19}))]
    assert diff_hunks(old, old) == []
    assert whole_file("a\nb") == [Hunk(1, 2, frozenset({1, 2}))]


def test_only_added_lines_count_as_touched() -> None:
    hunks = parse_patch(PATCH)
    assert touches_added(hunks, 2, 2) and touches_added(hunks, 3, 4) and touches_added(hunks, 30, 31)
    assert not touches_added(hunks, 1, 1) and not touches_added(hunks, 3, 3) and not touches_added(hunks, 5, 29)


def test_comment_keys_read_markers_with_and_without_a_suggestion_digest() -> None:
    fingerprint = "0123456789abcdef"
    assert comment_key(f"<!-- awesome-lint:finding {fingerprint} s=00112233aabb -->\nx") == CommentKey(
        frozenset({fingerprint}), "00112233aabb"
    )
    assert comment_key(f"<!-- awesome-lint:finding {fingerprint} -->") == CommentKey(frozenset({fingerprint}), "")
    assert comment_key(f"quoted <!-- awesome-lint:finding {fingerprint} -->") is None


def test_unreadable_files_keep_the_position_of_the_problem() -> None:
    assert unreadable("a.md", FatalError("a.md:3:6: not valid UTF-8 (byte 0xe9 at offset 15)")) == (3, 6, "not valid UTF-8 (byte 0xe9 at offset 15)")
    assert unreadable("a.md", FatalError("a.md:2: carriage return (CR)")) == (2, None, "carriage return (CR)")
    assert unreadable("a.md", FatalError("a.md: not a text file (contains NUL bytes)")) == (None, None, "not a text file (contains NUL bytes)")
