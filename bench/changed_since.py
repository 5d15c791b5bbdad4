"""What `--changed-since` shows when a contributor adds one entry to each corpus list.

Usage: PYTHONPATH=src python bench/changed_since.py [--corpus DIR]

For every list: one entry is added after the middle entry (same bullet, the neighbour's name plus
" Two", so that it sorts next to it), once with its final period and once without. Printed per list:
all findings of the list with the entry lacking its period (default rules); those --changed-since
shows for the clean entry and for the entry without a period; how many more a "fix edits touch a
changed line" test would show (old findings whose fix rewrites the new line's neighbourhood); CPU
seconds for linting the list and for selecting the changed findings (which lints the old text
too). No git is run: the text at the revision is the corpus file itself.
"""

from __future__ import annotations

import argparse
import re
import time
from pathlib import Path

from awesome_lint.changes import ChangeFilter, line_changes
from awesome_lint.diagnostics import Diagnostic
from awesome_lint.document.load import decode_markdown, read_bytes
from awesome_lint.linter import DEFAULT_CONFIG, lint_text
from awesome_lint.report import LineIndex

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
ENTRY = re.compile(r"^(\s*[-*+] )\[([^\]]+)\]\((https?://[^)\s]+)\)")


def with_new_entry(text: str, period: bool) -> str:
    lines = text.split("\n")
    entries = [index for index, line in enumerate(lines) if ENTRY.match(line)]
    middle = entries[len(entries) // 2]
    match = ENTRY.match(lines[middle])
    assert match is not None
    entry = f"{match.group(1)}[{match.group(2)} Two](https://new-tool.example) - A new tool{'.' if period else ''}"
    return "\n".join([*lines[: middle + 1], entry, *lines[middle + 1 :]])


def fix_touches(diagnostic: Diagnostic, index: LineIndex, lines: frozenset[int]) -> bool:
    if diagnostic.fix is None:
        return False
    return any(
        line in lines
        for edit in diagnostic.fix.edits
        for line in range(index.position(edit.start).line, index.position(edit.end).line + 1)
    )


def measure(path: Path) -> str:
    before, bom = decode_markdown(str(path), read_bytes(str(path)))
    counts = []
    for period in (True, False):
        after = with_new_entry(before, period)
        started = time.process_time()
        found = lint_text("README.md", after, DEFAULT_CONFIG, bom)
        linted = time.process_time()
        shown = ChangeFilter((before, bom), "README.md", DEFAULT_CONFIG, None).select(after, found)
        selected = time.process_time()
        counts.append(len(shown))
    changed = line_changes(before, after).changed
    index = LineIndex(after)
    more = sum(1 for d in found if d not in shown and fix_touches(d, index, changed))
    return (
        f"{path.name:28} {len(found):6} {counts[0]:6} {counts[1]:6} {more:10} "
        f"{linted - started:7.2f} {selected - linted:7.2f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    options = parser.parse_args()
    print(f"{'list':28} {'all':>6} {'clean':>6} {'no .':>6} {'fix-range':>10} {'lint s':>7} {'select s':>7}")
    for path in sorted(options.corpus.glob("awesome*.md")):
        print(measure(path))


if __name__ == "__main__":
    main()
