from __future__ import annotations

import pytest

from awesome_lint.document.build import build_document
from awesome_lint.linter import lint_document
from awesome_lint.rules.file_name import file_name_problems
from tests.helpers import config_for


@pytest.mark.parametrize(
    ("path", "problems"),
    [
        ("docs/ReadMe.md", ["Do not mix upper and lower case in the file name"]),
        ("the-list.md", ["Do not start the file name with an article (the)"]),
        ("awesome--list.md", ["Do not use consecutive dashes in the file name"]),
        ("-list.md", ["Do not start or end the file name with a dash"]),
        ("my list.md", ["Do not use ` ` in the file name; use letters, digits, `-`, `_` and `.`"]),
        ("README.markdown", ["Use the extension .md, not .markdown"]),
        ("README", ["Use the extension .md, not none"]),
    ],
)
def test_file_name_problems(path: str, problems: list[str]) -> None:
    assert file_name_problems(path) == problems


@pytest.mark.parametrize("path", ["README.md", "readme.md", "awesome-go.md", "theory.md", "answers.md"])
def test_good_names_are_silent(path: str) -> None:
    assert file_name_problems(path) == []


def test_rule_reports_at_the_start_of_the_file() -> None:
    found = lint_document(build_document("Awesome-List.md", "# Awesome\n"), config_for("file-name"))
    assert [(d.line, d.column, d.rule) for d in found] == [(1, 1, "file-name")]
