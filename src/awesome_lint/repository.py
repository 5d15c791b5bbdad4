"""What the rules about repository files need to know: which files lie beside the list.

Rules never touch the file system; the integration that has a checkout (the CLI, the pre-commit
hook) scans the list's folder once and hands the result to the engine. Without a checkout (the
pull-request mode reads files through the API), there is no RepositoryFiles and those rules stay
silent.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Mapping

# Files whose text rules read (the code of conduct): small, so reading them up front is cheap.
READ_FILES = frozenset(
    {"code-of-conduct.md", "code_of_conduct.md", ".github/code-of-conduct.md", ".github/code_of_conduct.md"}
)
_MAX_READ_BYTES = 200_000


@dataclass(frozen=True)
class RepositoryFiles:
    # Lower-cased paths, relative to the list's folder, of the non-empty files in that folder and
    # in its .github/ folder.
    names: frozenset[str]
    # Text of the READ_FILES that exist, empty ones included (keyed like names).
    texts: Mapping[str, str] = field(default_factory=dict)


def is_list_readme(path: str) -> bool:
    return os.path.basename(path).lower() in ("readme.md", "readme.markdown")


def scan_repository(list_path: str) -> RepositoryFiles | None:
    """The files beside ``list_path`` when it is a README (the list itself); None otherwise, so
    that other Markdown files of a repository are not checked for repository files."""
    if not is_list_readme(list_path):
        return None
    folder = os.path.dirname(os.path.abspath(list_path))
    names: set[str] = set()
    texts: dict[str, str] = {}
    for prefix in ("", ".github/"):
        try:
            entries = list(os.scandir(os.path.join(folder, prefix)))
        except OSError:
            continue
        for entry in entries:
            try:
                if not entry.is_file():
                    continue
                empty = entry.stat().st_size == 0
            except OSError:
                continue
            name = prefix + entry.name.lower()
            if name in READ_FILES:  # an empty code of conduct is itself a finding
                texts[name] = _read_text(entry.path)
            if not empty:
                names.add(name)
    return RepositoryFiles(frozenset(names), texts)


def _read_text(path: str) -> str:
    try:
        with open(path, "rb") as handle:
            return handle.read(_MAX_READ_BYTES).decode("utf-8", errors="replace")
    except OSError:
        return ""
