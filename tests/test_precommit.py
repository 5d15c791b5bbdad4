"""End to end: the real `pre-commit try-repo` against a snapshot of this working tree.

pre-commit clones the HEAD commit of the repository it tries, so the test commits a copy of the
current working tree (tracked and untracked files, minus what .gitignore excludes) into a temporary
repository and tries that. pre-commit pip-installs the package from the package index: marked
`network`.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.network

PROJECT = Path(__file__).resolve().parents[1]
PRE_COMMIT = shutil.which("pre-commit", path=os.path.dirname(sys.executable)) or shutil.which("pre-commit")

BROKEN_LIST = """\
# Awesome Things

## Tools

- [Zeta](https://zeta.example) - Does zeta
- [Alpha](https://alpha.example) - Does alpha.
"""

FIXED_LIST = """\
# Awesome Things

## Tools

- [Alpha](https://alpha.example) - Does alpha.
- [Zeta](https://zeta.example) - Does zeta.
"""

# The hooks are what is tested here, not the rules: pin the rules the list exercises.
LIST_CONFIG = 'select = ["description-period", "alphabetical-order"]\n'


def git(*args: str, cwd: Path) -> str:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com",
        "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.com",
        "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1",
    }
    return subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True, text=True).stdout


def snapshot_of_working_tree(destination: Path) -> Path:
    """A one-commit repository holding the project's current files (not its HEAD)."""
    listed = git("ls-files", "-z", "--cached", "--others", "--exclude-standard", cwd=PROJECT).split("\0")
    destination.mkdir()
    for relative in filter(None, listed):
        source = PROJECT / relative
        if source.is_file():  # skips files deleted in the working tree
            target = destination / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)
    git("init", "-q", "-b", "main", cwd=destination)
    git("add", "-A", cwd=destination)
    git("commit", "-q", "-m", "snapshot", cwd=destination)
    return destination


@pytest.fixture(scope="module")
def hook_repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if PRE_COMMIT is None:
        pytest.skip("pre-commit is not installed")
    if not (PROJECT / ".git").exists():
        pytest.skip("not a git checkout")
    return snapshot_of_working_tree(tmp_path_factory.mktemp("hooks") / "awesome-lint")


@pytest.fixture(scope="module")
def pre_commit_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("pre-commit-home")


@pytest.fixture
def list_repo(tmp_path: Path) -> Path:
    repo = tmp_path / "my-list"
    repo.mkdir()
    (repo / "README.md").write_text(BROKEN_LIST)
    (repo / ".awesome-lint.toml").write_text(LIST_CONFIG)
    # Not the list: the hooks leave it alone, although it breaks the selected rules.
    (repo / "CONTRIBUTING.md").write_text("# Contributing\n\n- [B](https://b.example) - b\n- [A](https://a.example) - a\n")
    git("init", "-q", "-b", "main", cwd=repo)
    git("add", "-A", cwd=repo)
    return repo


def try_repo(
    hook_repo: Path, hook: str, list_repo: Path, home: Path, all_files: bool = True
) -> subprocess.CompletedProcess[str]:
    """The hook on every file, or (all_files=False) on the staged files, as on `git commit`."""
    env = {**os.environ, "PRE_COMMIT_HOME": str(home), "NO_COLOR": "1", "GIT_CONFIG_GLOBAL": os.devnull}
    which = ["--all-files"] if all_files else []
    return subprocess.run(
        [PRE_COMMIT, "try-repo", str(hook_repo), hook, *which, "--color", "never"],  # type: ignore[list-item]
        cwd=list_repo, env=env, capture_output=True, text=True, timeout=600,
    )


def test_check_hook_fails_with_the_findings(hook_repo: Path, list_repo: Path, pre_commit_home: Path) -> None:
    result = try_repo(hook_repo, "awesome-lint", list_repo, pre_commit_home)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "README.md:5:1: alphabetical-order " in result.stdout
    assert "README.md:5:42: description-period " in result.stdout
    assert "CONTRIBUTING.md" not in result.stdout
    assert (list_repo / "README.md").read_text() == BROKEN_LIST


def test_hooks_stay_offline_where_the_configuration_turns_online_checks_on(
    hook_repo: Path, list_repo: Path, pre_commit_home: Path
) -> None:
    # The hook's environment has neither requests nor PyGithub: going online would be an error.
    (list_repo / ".awesome-lint.toml").write_text(LIST_CONFIG + "\n[online]\nenabled = true\n")
    result = try_repo(hook_repo, "awesome-lint", list_repo, pre_commit_home)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "README.md:5:1: alphabetical-order " in result.stdout
    assert "error:" not in result.stdout and "note:" not in result.stdout


def test_fix_hook_modifies_fails_then_passes(hook_repo: Path, list_repo: Path, pre_commit_home: Path) -> None:
    first = try_repo(hook_repo, "awesome-lint-fix", list_repo, pre_commit_home)
    assert first.returncode == 1, first.stdout + first.stderr
    assert "files were modified by this hook" in first.stdout
    assert (list_repo / "README.md").read_text() == FIXED_LIST
    second = try_repo(hook_repo, "awesome-lint-fix", list_repo, pre_commit_home)
    assert second.returncode == 0, second.stdout + second.stderr
    assert (list_repo / "README.md").read_text() == FIXED_LIST


# An entry added at the end of BROKEN_LIST: sorted after the others, so it breaks no order.
NEW_ENTRY_WITHOUT_PERIOD = "- [Zulu](https://zulu.example) - Does zulu\n"


def commit_list_then_stage(list_repo: Path, added: str) -> None:
    git("commit", "-q", "-m", "the list", cwd=list_repo)
    (list_repo / "README.md").write_text(BROKEN_LIST + added)
    git("add", "README.md", cwd=list_repo)


def test_changed_hook_reports_only_the_staged_change(hook_repo: Path, list_repo: Path, pre_commit_home: Path) -> None:
    commit_list_then_stage(list_repo, NEW_ENTRY_WITHOUT_PERIOD)
    result = try_repo(hook_repo, "awesome-lint-changed", list_repo, pre_commit_home, all_files=False)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "README.md:7:42: description-period " in result.stdout
    assert "README.md:5:" not in result.stdout
    assert "2 findings on lines unchanged since HEAD not shown" in result.stdout


def test_changed_hook_passes_a_clean_change_to_a_list_with_old_findings(
    hook_repo: Path, list_repo: Path, pre_commit_home: Path
) -> None:
    commit_list_then_stage(list_repo, NEW_ENTRY_WITHOUT_PERIOD.replace("zulu\n", "zulu.\n"))
    result = try_repo(hook_repo, "awesome-lint-changed", list_repo, pre_commit_home, all_files=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_changed_hook_in_a_repository_without_commits_checks_everything(
    hook_repo: Path, list_repo: Path, pre_commit_home: Path
) -> None:
    result = try_repo(hook_repo, "awesome-lint-changed", list_repo, pre_commit_home, all_files=False)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "README.md:5:1: alphabetical-order " in result.stdout
    assert "README.md:5:42: description-period " in result.stdout
