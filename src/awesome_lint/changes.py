"""`--changed-since REV`: which findings a change is responsible for.

A finding is reported when it lies on a line added or modified since the file at git revision REV,
or when the change caused it: it is not among the findings of the file at REV. Findings about the
document as a whole (its table of contents, the order of its sections, files beside it) say
nothing about the line they point at, so only the second test applies to them. Git runs as a
subprocess (no network, no new dependency); the line comparison is difflib's on the two texts.
"""

from __future__ import annotations

import difflib
import os
import re
import subprocess
from collections import Counter
from dataclasses import dataclass, field
from typing import NamedTuple

from awesome_lint.diagnostics import Diagnostic, FatalError
from awesome_lint.document.build import build_document
from awesome_lint.document.load import decode_markdown
from awesome_lint.linter import LintConfig, lint_document
from awesome_lint.repository import RepositoryFiles, scan_repository
from awesome_lint.rules import RULES

DOCUMENT_RULES = frozenset(rule.id for rule in RULES if rule.document_wide)  # see Rule.document_wide
_NUMBER = re.compile(r"\d+")


# -- git -----------------------------------------------------------------------------------------
# Git exports these to its hooks (GIT_DIR in a linked worktree); with GIT_DIR set, git takes the
# current directory for the top of the work tree. The repository is found from the file's folder.
_GIT_LOCATION_VARIABLES = ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE")


def _git(directory: str, *arguments: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    env = {name: value for name, value in os.environ.items() if name not in _GIT_LOCATION_VARIABLES}
    try:
        return subprocess.run(
            ["git", *arguments], cwd=directory, env=env, input=stdin, capture_output=True, check=False
        )
    except FileNotFoundError:
        raise FatalError("--changed-since needs git, and git was not found") from None


def _first_line(output: bytes) -> str:
    lines = output.decode("utf-8", "replace").strip().splitlines()
    return lines[0].removeprefix("fatal: ") if lines else "git failed"


@dataclass
class Revision:
    """The git revision of `--changed-since`, resolved once per repository the files live in."""

    name: str
    _commits: dict[str, str | None] = field(default_factory=dict, init=False)  # repository root -> commit

    def changes_for(self, path: str, config: LintConfig) -> ChangeFilter:
        return ChangeFilter(self.file_at(path), path, config, scan_repository(path))

    def file_at(self, path: str) -> tuple[str, bool] | None:
        """``path``'s text and BOM at the revision; None when it has no such file (all is new)."""
        real = os.path.realpath(path)  # a symlink's target is the file that is tracked
        root = _repository_root(path, os.path.dirname(real))
        commit = self._commit(root)
        if commit is None:
            return None
        relative = os.path.relpath(real, root).replace(os.sep, "/")
        data = _blob(root, f"{commit}:{relative}")
        if data is None:
            return None
        try:
            return decode_markdown(path, data)
        except FatalError:  # not text at the revision: nothing to compare with
            return None

    def _commit(self, root: str) -> str | None:
        if root not in self._commits:
            self._commits[root] = _resolve(root, self.name)
        return self._commits[root]


def _repository_root(path: str, directory: str) -> str:
    result = _git(directory, "rev-parse", "--show-toplevel") if os.path.isdir(directory) else None
    if result is None or result.returncode != 0:
        raise FatalError(f"{path}: --changed-since needs a git work tree, and this file is not in one")
    return os.path.realpath(result.stdout.decode("utf-8").rstrip("\n"))


def _resolve(root: str, name: str) -> str | None:
    """The commit ``name`` names; None in a repository without commits (everything counts as new)."""
    if name.startswith("-"):
        raise FatalError(f"--changed-since: '{name}' is not a git revision")
    result = _git(root, "rev-parse", "--verify", "--quiet", f"{name}^{{commit}}")
    if result.returncode == 0:
        return result.stdout.decode("ascii").strip()
    if _git(root, "rev-parse", "--verify", "--quiet", "HEAD").returncode != 0:
        return None  # HEAD has no commit yet (a fresh repository): nothing is tracked to compare with
    raise FatalError(f"--changed-since: unknown git revision '{name}' in {root}")


def _blob(root: str, object_name: str) -> bytes | None:
    """The file ``commit:path``, or None when the commit has no file there."""
    if "\n" in object_name:  # cat-file --batch reads one name a line: such a path cannot be asked for
        return None
    result = _git(root, "cat-file", "--batch", stdin=object_name.encode("utf-8") + b"\n")
    if result.returncode != 0:
        raise FatalError(f"git cat-file {object_name}: {_first_line(result.stderr)}")
    header, _, rest = result.stdout.partition(b"\n")
    kind = header.split(b" ")
    if len(kind) != 3 or kind[1] != b"blob":  # "<name> missing", or a directory ("tree")
        return None
    return rest[: int(kind[2])]


# -- lines -----------------------------------------------------------------------------------------
class LineChanges(NamedTuple):
    """How the current text's lines relate to the text at the revision."""

    changed: frozenset[int]  # 1-based lines added or modified
    previous_line: dict[int, int]  # each unchanged line -> its line number at the revision


def line_changes(before: str | None, after: str) -> LineChanges:
    new_lines = _lines(after)
    if before is None:
        return LineChanges(frozenset(range(1, len(new_lines) + 1)), {})
    old_lines = _lines(before)
    matcher = difflib.SequenceMatcher(None, old_lines, new_lines, autojunk=False)
    previous_line = {
        new + offset + 1: old + offset + 1
        for old, new, size in matcher.get_matching_blocks()
        for offset in range(size)
    }
    changed = frozenset(line for line in range(1, len(new_lines) + 1) if line not in previous_line)
    return LineChanges(changed, previous_line)


def _lines(text: str) -> list[str]:
    """Lines as the Document counts them (split at '\n' only), without their line endings: a CRLF
    checkout of an LF blob (core.autocrlf) changes no line."""
    return [line.removesuffix("\r") for line in text.removesuffix("\n").split("\n")]


# -- findings --------------------------------------------------------------------------------------
def _lines_of(diagnostic: Diagnostic) -> range:
    last = diagnostic.end_location.line
    if last > diagnostic.location.line and diagnostic.end_location.column == 1:
        last -= 1  # the span ends with the line ending of the line before
    return range(diagnostic.location.line, last + 1)


def _is_document_wide(diagnostic: Diagnostic) -> bool:
    return diagnostic.rule in DOCUMENT_RULES or diagnostic.start == diagnostic.end == 0


FindingKey = tuple[str, str | int]


def _key(diagnostic: Diagnostic, line: int) -> FindingKey:
    """What makes a finding the same one as at the revision. On a line: the rule, and the line
    (its message may quote a neighbour the change replaced). About the document: the rule and the
    message, whose line numbers move with the change."""
    if _is_document_wide(diagnostic):
        return diagnostic.rule, _NUMBER.sub("#", diagnostic.message)
    return diagnostic.rule, line


@dataclass
class ChangeFilter:
    """Selects one file's findings that the change since the revision is responsible for."""

    before: tuple[str, bool] | None  # text and BOM at the revision; None: the file is new
    path: str
    config: LintConfig
    repository: RepositoryFiles | None
    _previous: Counter[FindingKey] | None = field(default=None, init=False)

    def changed_lines(self, text: str) -> frozenset[int]:
        """The lines of ``text`` added or modified since the revision (every line of a new file)."""
        return line_changes(self.before[0] if self.before is not None else None, text).changed

    def select(self, text: str, diagnostics: list[Diagnostic]) -> list[Diagnostic]:
        """The findings the change is responsible for (fix.fix_text's ``keep`` with --fix)."""
        if self.before is None:
            return list(diagnostics)
        lines = line_changes(self.before[0], text)
        shown = []
        unmatched: Counter[FindingKey] | None = None
        for diagnostic in diagnostics:
            if not _is_document_wide(diagnostic) and lines.changed.intersection(_lines_of(diagnostic)):
                shown.append(diagnostic)
                continue
            if unmatched is None:
                unmatched = Counter(self._previous_findings())
            key = _key(diagnostic, lines.previous_line.get(diagnostic.location.line, 0))
            if unmatched[key] > 0:
                unmatched[key] -= 1  # it was there at the revision
            else:
                shown.append(diagnostic)
        return shown

    def _previous_findings(self) -> Counter[FindingKey]:
        if self._previous is None:
            assert self.before is not None
            text, bom = self.before
            found = lint_document(build_document(self.path, text, bom), self.config, self.repository)
            self._previous = Counter(_key(diagnostic, diagnostic.location.line) for diagnostic in found)
        return self._previous

