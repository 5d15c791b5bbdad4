"""file-name: the list's file name follows remark-lint's file-name conventions."""

from __future__ import annotations

import re
from pathlib import PurePath
from typing import Iterable

from awesome_lint.diagnostics import Diagnostic
from awesome_lint.document.model import Document
from awesome_lint.rules.base import Context, NoOptions, Rule

_ARTICLE = re.compile(r"^(?:the|teh|an?)\b", re.I)
_IRREGULAR = re.compile(r"[^.\-\w]")


def file_name_problems(path: str) -> list[str]:
    """What is wrong with the base name of ``path`` (empty when nothing is)."""
    name = PurePath(path).name
    stem, dot, extension = name.rpartition(".")
    if not dot:
        stem, extension = name, ""
    problems = []
    if extension != "md":
        problems.append(f"Use the extension .md, not {'.' + extension if extension else 'none'}")
    article = _ARTICLE.match(stem)
    if article:
        problems.append(f"Do not start the file name with an article ({article.group()})")
    if "--" in stem:
        problems.append("Do not use consecutive dashes in the file name")
    if stem.startswith("-") or stem.endswith("-"):
        problems.append("Do not start or end the file name with a dash")
    irregular = _IRREGULAR.search(stem)
    if irregular:
        problems.append(f"Do not use `{irregular.group()}` in the file name; use letters, digits, `-`, `_` and `.`")
    if stem != stem.lower() and stem != stem.upper():
        problems.append("Do not mix upper and lower case in the file name")
    return problems


class FileName(Rule[NoOptions]):
    """The file name follows the Markdown file-name conventions.

    What it does:
        Checks the linted file's name: extension `.md`; no leading article (`the-`, `a-`,
        `an-`); no `--`; no leading or trailing dash; only letters, digits, `-`, `_` and `.`;
        not mixed case (`README.md` and `readme.md` are fine, `ReadMe.md` is not). These are
        remark-lint's `file-extension` and `no-file-name-*` rules, which awesome-lint enables.

    Why:
        GitHub shows `README.md` on the repository page; odd names break links and tooling.

    Example:
        `Awesome-List.markdown` is reported twice (extension, mixed case).

    Fix safety:
        No fix: renaming a file is outside the document.
    """

    id = "file-name"
    document_wide = True
    aliases = (
        "file-extension",
        "no-file-name-articles",
        "no-file-name-consecutive-dashes",
        "no-file-name-irregular-characters",
        "no-file-name-mixed-case",
        "no-file-name-outer-dashes",
    )
    summary = "The file name follows Markdown conventions"

    def check(self, document: Document, context: Context[NoOptions]) -> Iterable[Diagnostic]:
        if document.path in ("", "-", "<stdin>"):
            return
        for problem in file_name_problems(document.path):
            yield self.diagnostic(document, 0, 0, problem)
