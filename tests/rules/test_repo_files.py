from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Mapping

import pytest

from awesome_lint.document.build import build_document
from awesome_lint.rules.base import NoOptions, Settings
from awesome_lint.rules.repo_files import CodeOfConduct, ContributingFile, LicenseFile, code_of_conduct_problem


@dataclass(frozen=True)
class FilesContext:
    """Stands in for the proposed Context with sibling_files / sibling_texts."""

    options: Any = field(default_factory=NoOptions)
    settings: Settings = field(default_factory=Settings)
    sibling_files: frozenset[str] | None = None
    sibling_texts: Mapping[str, str] | None = None


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
