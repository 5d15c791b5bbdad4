from __future__ import annotations

from pathlib import Path
from typing import Any, Mapping

import pytest

from awesome_lint.cli import main
from awesome_lint.document.build import build_document
from awesome_lint.repository import RepositoryFiles, scan_repository
from awesome_lint.rules.base import Context, NoOptions
from awesome_lint.rules.repo_files import CodeOfConduct, ContributingFile, LicenseFile, code_of_conduct_problem


def FilesContext(
    sibling_files: frozenset[str] | None = None, sibling_texts: Mapping[str, str] | None = None
) -> Context[NoOptions]:
    if sibling_files is None and sibling_texts is None:
        return Context(NoOptions())
    return Context(NoOptions(), repository=RepositoryFiles(sibling_files or frozenset(), sibling_texts or {}))


DOC = build_document("README.md", "# Awesome\n")


def messages(rule: Any, context: Any) -> list[tuple[int, str]]:
    return [(d.line, d.message) for d in rule().check(DOC, context)]


def test_missing_contributing_and_license_are_reported_at_line_one() -> None:
    context = FilesContext(sibling_files=frozenset({"readme.md"}))
    assert messages(ContributingFile, context) == [(1, "Add a non-empty contributing.md (beside the README or in .github/)")]
    assert messages(LicenseFile, context) == [(1, "Add a LICENSE file (CC0-1.0 is the usual choice for lists)")]


@pytest.mark.parametrize("files", [{"contributing.md", "license"}, {".github/contributing.md", "license.md"}])
def test_present_files_are_silent(files: set[str]) -> None:
    context = FilesContext(sibling_files=frozenset(files))
    assert messages(ContributingFile, context) == []
    assert messages(LicenseFile, context) == []


def test_unknown_files_keep_the_rules_silent() -> None:
    assert messages(ContributingFile, FilesContext()) == []
    assert messages(LicenseFile, FilesContext()) == []
    assert messages(CodeOfConduct, FilesContext()) == []


def test_code_of_conduct_placeholder_is_reported() -> None:
    context = FilesContext(sibling_texts={"code_of_conduct.md": "Contact [INSERT EMAIL ADDRESS]."})
    assert messages(CodeOfConduct, context) == [
        (1, "code_of_conduct.md: Replace the [INSERT EMAIL ADDRESS] placeholder in the code of conduct with your e-mail")
    ]


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("  \n", "The code of conduct file is empty"),
        ("Mail sindresorhus@gmail.com", "Replace the template's e-mail address in the code of conduct with yours"),
        ("Mail me@example.com", None),
    ],
)
def test_code_of_conduct_problem(text: str, problem: str | None) -> None:
    assert code_of_conduct_problem(text) == problem


def test_scan_repository_lists_non_empty_files_and_reads_the_code_of_conduct(tmp_path: Path) -> None:
    (tmp_path / "README.md").write_text("# Awesome\n")
    (tmp_path / "LICENSE").write_text("CC0\n")
    (tmp_path / "contributing.md").write_text("")  # empty: does not count
    (tmp_path / ".github").mkdir()
    (tmp_path / ".github" / "CODE_OF_CONDUCT.md").write_text("Contact [INSERT EMAIL ADDRESS].\n")
    (tmp_path / "docs").mkdir()
    repository = scan_repository(str(tmp_path / "README.md"))
    assert repository == RepositoryFiles(
        frozenset({"readme.md", "license", ".github/code_of_conduct.md"}),
        {".github/code_of_conduct.md": "Contact [INSERT EMAIL ADDRESS].\n"},
    )
    assert scan_repository(str(tmp_path / "docs" / "guide.md")) is None  # not the list's README


def test_cli_reports_repository_files_for_the_readme_only(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "README.md").write_text("# Awesome X\n")
    (tmp_path / "other.md").write_text("# Awesome Y\n")
    rules = "contributing-file,license-file"
    assert main([str(tmp_path / "README.md"), str(tmp_path / "other.md"), "--select", rules]) == 1
    out = capsys.readouterr().out
    assert f"{tmp_path / 'README.md'}:1:1: contributing-file Add a non-empty contributing.md" in out
    assert f"{tmp_path / 'README.md'}:1:1: license-file Add a LICENSE file" in out
    assert "other.md:" not in out
    (tmp_path / "CONTRIBUTING.md").write_text("Send a pull request.\n")
    (tmp_path / "license").write_text("CC0\n")
    assert main([str(tmp_path / "README.md"), "--select", rules]) == 0
