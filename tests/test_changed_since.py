"""`--changed-since REV`: real git repositories in tmp_path, the CLI's exact findings and exit codes.

The rules are pinned with --select so that these tests follow the change filter, not the rules'
wording: findings are compared as (line, column, rule) triples from the JSON report.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
from pathlib import Path

import pytest

from awesome_lint.changes import line_changes
from awesome_lint.cli import main

LIST = """\
# Awesome Things

## Tools

- [Alpha](https://alpha.example) - Does alpha
- [Beta](https://beta.example) - Does beta.
- [Gamma](https://gamma.example) - Does gamma
"""

# One entry added after Beta: Beta and Gamma (pre-existing finding) are its context lines.
WITH_NEW_ENTRY = LIST.replace(
    "- [Gamma]", "- [Delta](https://delta.example) - Does delta\n- [Gamma]"
)

PERIOD = "description-period"


def git(repo: Path, *args: str) -> str:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com",
        "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.com",
        "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1",
    }
    return subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True, text=True).stdout


def commit(repo: Path, files: dict[str, str], message: str = "commit") -> None:
    for name, text in files.items():
        (repo / name).parent.mkdir(parents=True, exist_ok=True)
        (repo / name).write_text(text)
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message)


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "list"
    root.mkdir()
    git(root, "init", "-q", "-b", "main")
    monkeypatch.chdir(root)
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", os.devnull)
    monkeypatch.setenv("NO_COLOR", "1")
    return root


def findings(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, list[tuple[int, int, str]], str]:
    """Exit code, (line, column, rule) of each finding, stderr."""
    code = main(["--output-format", "json", *argv])
    captured = capsys.readouterr()
    records = json.loads(captured.out) if captured.out else []
    return code, [(r["location"]["row"], r["location"]["column"], r["code"]) for r in records], captured.err


def text_run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


# -- which findings ----------------------------------------------------------------------------------
def test_only_the_added_line_is_reported(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    commit(repo, {"README.md": LIST})
    (repo / "README.md").write_text(WITH_NEW_ENTRY)
    # Without the flag: Alpha (5), the new Delta (7) and Gamma (8), a context line of the change.
    assert findings(capsys, "--select", PERIOD)[:2] == (1, [(5, 45, PERIOD), (7, 45, PERIOD), (8, 45, PERIOD)])
    assert findings(capsys, "--select", PERIOD, "--changed-since", "HEAD") == (1, [(7, 45, PERIOD)], "")


def test_a_modified_line_is_reported_with_its_old_finding(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    commit(repo, {"README.md": LIST})
    (repo / "README.md").write_text(LIST.replace("Does alpha", "Does alpha well"))
    assert findings(capsys, "--select", PERIOD, "--changed-since", "HEAD") == (1, [(5, 50, PERIOD)], "")


def test_old_findings_only_pass_with_a_note(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    commit(repo, {"README.md": LIST})
    (repo / "README.md").write_text(LIST.replace("- [Beta]", "- [Alfa](https://alfa.example) - Does alfa.\n- [Beta]"))
    code, out, err = text_run(capsys, "--select", PERIOD, "--changed-since", "HEAD")
    assert (code, err) == (0, "")
    assert out == (
        "All checks passed!\n"
        "2 findings on lines unchanged since HEAD not shown (run without --changed-since to see them).\n"
    )


def test_no_note_when_nothing_is_hidden(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    clean = LIST.replace("Does alpha\n", "Does alpha.\n").replace("Does gamma\n", "Does gamma.\n")
    commit(repo, {"README.md": clean})
    assert text_run(capsys, "--select", PERIOD, "--changed-since", "HEAD") == (0, "All checks passed!\n", "")


def test_a_finding_the_change_causes_on_an_unchanged_line_is_reported(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    commit(repo, {"README.md": LIST})
    # The same link added above Beta: the duplicate is reported on Beta's line, which did not change.
    (repo / "README.md").write_text(LIST.replace("- [Beta]", "- [Bee](https://beta.example) - Does bee.\n- [Beta]"))
    assert findings(capsys, "--select", "duplicate-link", "--changed-since", "HEAD") == (
        1, [(7, 3, "duplicate-link")], ""
    )


def test_a_finding_whose_line_number_moved_is_not_new(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    duplicated = LIST.replace("https://gamma.example", "https://alpha.example")
    commit(repo, {"README.md": duplicated})
    # Its message names the other occurrence's line, which moves from 5 to 6.
    (repo / "README.md").write_text(duplicated.replace("## Tools\n\n", "## Tools\n\nThe tools.\n"))
    assert findings(capsys, "--select", "duplicate-link")[1] == [(8, 3, "duplicate-link")]
    assert findings(capsys, "--select", "duplicate-link", "--changed-since", "HEAD") == (0, [], "")


def test_an_old_finding_whose_message_names_the_new_neighbour_is_not_new(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    unsorted = SORTED.replace("- [Gamma](https://gamma.example) - Does gamma.", "- [Alpha](https://alpha.example) - Does alpha.")
    commit(repo, {"README.md": unsorted})  # 'Beta' should come after 'Alpha'
    (repo / "README.md").write_text(unsorted + "- [Alpha One](https://alpha-one.example) - Does one.\n")
    # Now "'Beta' should come after 'Alpha One'": still Beta's old finding.
    assert findings(capsys, "--select", "alphabetical-order")[1] == [(5, 1, "alphabetical-order")]
    assert findings(capsys, "--select", "alphabetical-order", "--changed-since", "HEAD") == (0, [], "")


TOC_LIST = """\
# Awesome Things

## Contents

- [Tools](#tools)

## Tools

- [Alpha](https://alpha.example) - Does alpha.

## Books

- [Beta](https://beta.example) - Does beta.
"""


def test_a_document_finding_already_there_is_not_reported_on_a_changed_line(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    commit(repo, {"README.md": TOC_LIST})  # 'Books' is missing from the contents
    # A section added with its contents item: the toc finding now points at that new item.
    with_videos = TOC_LIST.replace("- [Tools](#tools)", "- [Tools](#tools)\n- [Videos](#videos)")
    (repo / "README.md").write_text(with_videos + "\n## Videos\n\n- [Delta](https://delta.example) - Does delta.\n")
    assert findings(capsys, "--select", "toc")[1] == [(6, 1, "toc")]
    assert findings(capsys, "--select", "toc", "--changed-since", "HEAD") == (0, [], "")


def test_a_document_finding_the_change_causes_is_reported(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    complete = TOC_LIST.replace("- [Tools](#tools)", "- [Tools](#tools)\n- [Books](#books)")
    commit(repo, {"README.md": complete})
    (repo / "README.md").write_text(complete + "\n## Videos\n\n- [Delta](https://delta.example) - Does delta.\n")
    # 'Add Videos' points at the last item of the contents, a line the change did not touch.
    assert findings(capsys, "--select", "toc", "--changed-since", "HEAD") == (1, [(6, 1, "toc")], "")


# -- which revision, which file ----------------------------------------------------------------------
def test_an_older_revision(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    commit(repo, {"README.md": LIST}, "first")
    commit(repo, {"README.md": WITH_NEW_ENTRY}, "second")
    assert findings(capsys, "--select", PERIOD, "--changed-since", "HEAD") == (0, [], "")
    assert findings(capsys, "--select", PERIOD, "--changed-since", "HEAD~1") == (1, [(7, 45, PERIOD)], "")


def test_a_file_not_tracked_at_the_revision_is_all_changed(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    commit(repo, {"other.md": "# Other\n"})
    (repo / "README.md").write_text(LIST)
    assert findings(capsys, "--select", PERIOD, "--changed-since", "HEAD") == (
        1, [(5, 45, PERIOD), (7, 45, PERIOD)], ""
    )


def test_a_repository_without_commits_is_all_changed(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / "README.md").write_text(LIST)
    git(repo, "add", "-A")
    assert findings(capsys, "--select", PERIOD, "--changed-since", "HEAD") == (
        1, [(5, 45, PERIOD), (7, 45, PERIOD)], ""
    )


def test_a_list_in_a_subdirectory_from_the_root_and_from_inside(
    repo: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    commit(repo, {"lists/README.md": LIST})
    (repo / "lists" / "README.md").write_text(WITH_NEW_ENTRY)
    argv = ("--select", PERIOD, "--changed-since", "HEAD")
    assert findings(capsys, *argv, "lists/README.md") == (1, [(7, 45, PERIOD)], "")
    monkeypatch.chdir(repo / "lists")
    assert findings(capsys, *argv, "README.md") == (1, [(7, 45, PERIOD)], "")


def test_git_dir_exported_to_a_hook_does_not_misplace_the_list(
    repo: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    commit(repo, {"lists/README.md": LIST})
    (repo / "lists" / "README.md").write_text(WITH_NEW_ENTRY)
    # What git exports to a pre-commit hook in a linked worktree: with it, git would take the
    # current directory for the top of the work tree.
    monkeypatch.setenv("GIT_DIR", str(repo / ".git"))
    assert findings(capsys, "--select", PERIOD, "--changed-since", "HEAD", "lists/README.md") == (
        1, [(7, 45, PERIOD)], ""
    )


def test_a_symlinked_list_is_compared_as_its_target(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    commit(repo, {"docs/list.md": LIST})
    (repo / "README.md").symlink_to("docs/list.md")
    commit(repo, {})
    (repo / "docs" / "list.md").write_text(WITH_NEW_ENTRY)
    assert findings(capsys, "--select", PERIOD, "--changed-since", "HEAD", "README.md") == (1, [(7, 45, PERIOD)], "")


# -- errors ------------------------------------------------------------------------------------------
def test_unknown_revision_is_one_line_and_exit_2(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    commit(repo, {"README.md": LIST})
    code, out, err = text_run(capsys, "--changed-since", "no-such-branch")
    assert (code, out) == (2, "")
    assert err == f"awesome-lint: error: --changed-since: unknown git revision 'no-such-branch' in {repo.resolve()}\n"


def test_a_revision_that_looks_like_an_option_is_refused(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    commit(repo, {"README.md": LIST})
    assert text_run(capsys, "--changed-since=--output=x") == (
        2, "", "awesome-lint: error: --changed-since: '--output=x' is not a git revision\n"
    )


def test_outside_a_git_work_tree_is_one_line_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    outside = tmp_path / "no-git"
    outside.mkdir()
    (outside / "README.md").write_text(LIST)
    monkeypatch.chdir(outside)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))  # in case tmp_path is inside a repository
    assert text_run(capsys, "--changed-since", "HEAD") == (
        2, "", "awesome-lint: error: README.md: --changed-since needs a git work tree, and this file is not in one\n"
    )


# -- --fix -------------------------------------------------------------------------------------------
SORTED = """\
# Awesome Things

## Tools

- [Beta](https://beta.example) - Does beta
- [Gamma](https://gamma.example) - Does gamma.
"""


def test_fix_fixes_only_the_changed_lines(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    commit(repo, {"README.md": LIST})
    (repo / "README.md").write_text(WITH_NEW_ENTRY)
    code, out, err = text_run(capsys, "--select", PERIOD, "--changed-since", "HEAD", "--fix")
    assert (code, err) == (0, "")
    assert (repo / "README.md").read_text() == WITH_NEW_ENTRY.replace("Does delta", "Does delta.")
    assert out == (
        "Found 1 error (1 fixed, 0 remaining).\n"
        "2 findings on lines unchanged since HEAD not shown (run without --changed-since to see them).\n"
    )


def test_fix_applies_a_reported_finding_fix_that_moves_other_lines(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    commit(repo, {"README.md": SORTED})
    alpha = "- [Alpha](https://alpha.example) - Does alpha.\n"
    (repo / "README.md").write_text(SORTED.replace("- [Gamma]", alpha + "- [Gamma]"))
    code, out, _ = text_run(capsys, "--select", f"{PERIOD},alphabetical-order", "--changed-since", "HEAD", "--fix")
    # The sort the new entry needs moves Beta, whose old finding is neither fixed nor shown.
    assert (repo / "README.md").read_text() == SORTED.replace("- [Beta]", alpha + "- [Beta]")
    assert (code, out.splitlines()[0]) == (0, "Found 1 error (1 fixed, 0 remaining).")


def test_diff_shows_only_the_changed_lines_fixes(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    commit(repo, {"README.md": LIST})
    (repo / "README.md").write_text(WITH_NEW_ENTRY)
    code, out, _ = text_run(capsys, "--select", PERIOD, "--changed-since", "HEAD", "--diff")
    assert code == 1
    assert [line for line in out.splitlines() if line.startswith(("+", "-"))] == [
        "--- README.md",
        "+++ README.md",
        "-- [Delta](https://delta.example) - Does delta",
        "+- [Delta](https://delta.example) - Does delta.",
    ]


# -- line comparison ---------------------------------------------------------------------------------
def test_line_changes_added_modified_and_moved_lines() -> None:
    changes = line_changes("a\nb\nc\nd\n", "a\nB\nc\nnew\nd\n")
    assert sorted(changes.changed) == [2, 4]
    assert changes.previous_line == {1: 1, 3: 3, 5: 4}


def test_line_changes_ignores_a_crlf_checkout() -> None:
    assert line_changes("a\nb\n", "a\r\nb\r\n").changed == frozenset()


def test_line_changes_of_a_new_file() -> None:
    assert sorted(line_changes(None, "a\nb\n").changed) == [1, 2]


# -- findings without a line -------------------------------------------------------------------------
UNTITLED = "An intro.\n\n## Tools\n\n- [Alpha](https://alpha.example) - Does alpha.\n"


def test_a_finding_without_a_line_already_there_is_not_reported(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    commit(repo, {"README.md": UNTITLED})
    (repo / "README.md").write_text(UNTITLED.replace("An intro.", "A better intro."))
    assert findings(capsys, "--select", "title")[1] == [(1, 1, "title")]  # 'Add a title', at the start of the file
    assert findings(capsys, "--select", "title", "--changed-since", "HEAD") == (0, [], "")


def test_a_finding_without_a_line_the_change_causes_is_reported(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    commit(repo, {"README.md": "# Awesome Things\n\n" + UNTITLED})
    (repo / "README.md").write_text(UNTITLED)
    assert findings(capsys, "--select", "title", "--changed-since", "HEAD") == (1, [(1, 1, "title")], "")


# -- stdin -------------------------------------------------------------------------------------------
def test_stdin_is_compared_with_the_file_it_names(
    repo: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    commit(repo, {"README.md": LIST})
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(WITH_NEW_ENTRY.encode())))
    assert findings(capsys, "--select", PERIOD, "--changed-since", "HEAD", "--stdin-filename", "README.md") == (
        1, [(7, 45, PERIOD)], ""
    )


def test_stdin_without_a_file_name_cannot_be_compared(
    repo: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    commit(repo, {"README.md": LIST})
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(WITH_NEW_ENTRY.encode())))
    assert text_run(capsys, "--changed-since", "HEAD", "-") == (
        2, "", "awesome-lint: error: --changed-since with stdin needs --stdin-filename: the file to compare with\n"
    )


def test_a_file_name_in_a_folder_that_does_not_exist_is_outside_the_work_tree(
    repo: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    commit(repo, {"README.md": LIST})
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(LIST.encode())))
    assert text_run(capsys, "--changed-since", "HEAD", "--stdin-filename", "nowhere/README.md") == (
        2, "", "awesome-lint: error: nowhere/README.md: --changed-since needs a git work tree, and this file is not in one\n"
    )
