"""Sortedness of every list `alphabetical-order` checks, per corpus file.

Usage: python bench/sortedness.py [--corpus DIR] [--all]

For each list (and sub-list) with at least two named entries: M entries, the share of adjacent
pairs in order, and the share of entries in a longest sorted run (what the rule leaves in place).
Only unsorted lists are printed unless --all. The histogram at the end is what the rule's
threshold between "mostly sorted" and "ordered another way" is chosen from.
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from awesome_lint.document.build import build_document
from awesome_lint.rules._sorting import KeyStyle, in_order_indexes, sort_key
from awesome_lint.rules.alphabetical_order import (
    _checked_trees,
    _entry_name,
    _has_links,
    _is_sort_key,
    _is_table_of_contents,
    _units,
    _with_sublists,
)
from awesome_lint.rules.base import Settings

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--all", action="store_true", help="print sorted lists too")
    args = parser.parse_args()
    histogram: Counter[int] = Counter()
    for path in sorted(args.corpus.glob("awesome*.md")):
        document = build_document(path.name, path.read_text(encoding="utf-8-sig"))
        groups = [group for _, root in _checked_trees(document, set(), Settings()) for group in _with_sublists(document, root)]
        for group in groups:
            units = _units(document, group)
            if not _has_links(units) or _is_table_of_contents(units):
                continue
            names = [_entry_name(document, unit.entry) for unit in units if _is_sort_key(document, unit.entry)]
            keys = [sort_key(name, KeyStyle(articles=())) for name in names if name.strip()]
            if len(keys) < 2:
                continue
            pairs = sum(1 for a, b in zip(keys, keys[1:]) if a <= b) / (len(keys) - 1)
            run = len(in_order_indexes(keys)) / len(keys)
            if pairs < 1:
                histogram[min(int(pairs * 10), 9)] += 1
            if pairs < 1 or args.all:
                line = document.line_of(group[0].start)
                print(f"{path.name}:{line}\tM={len(keys)}\tpairs={pairs:.0%}\trun={run:.0%}\t{names[0][:30]!r}")
    print("unsorted lists by share of adjacent pairs in order:")
    for decile in range(10):
        print(f"  {decile * 10:3d}-{decile * 10 + 9}%: {histogram[decile]}")


if __name__ == "__main__":
    main()
