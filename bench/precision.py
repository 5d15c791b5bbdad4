"""Findings per corpus list and rule with the default configuration, before and after a change.

Usage: python bench/precision.py [--before REV] [--corpus DIR] [--sample N --seed S]

"before" is the package as it was at git revision REV (extracted with `git archive` into a temp
folder); "after" is this checkout's `src/`. Both lint every corpus list in-process with the
defaults (no config file), in a child Python each, so the two versions never share a module.

--sample N draws N findings of the "before" run at random (seeded) and prints each with whether
the "after" run still reports it: a finding of the same rule on the same line, or one whose lines
or whose fix's edits cover that line (a finding reported once for a whole list or file, whose fix
repairs every entry). Judge the sample by hand as the list's maintainer would: every finding
judged true must still be reported.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tarfile
import tempfile
from collections import Counter
from io import BytesIO
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus"
DEFAULT_BEFORE = "e6d5976"  # main before issues 8 and 12

# Runs inside the child: lints every file given and prints one JSON line per finding.
LINT_ALL = """
import json, sys
from awesome_lint.document.build import build_document
from awesome_lint.document.load import decode_markdown
from awesome_lint.linter import LintConfig, lint_document

config = LintConfig()
for name in sys.argv[1:]:
    with open(name, "rb") as handle:
        text, bom = decode_markdown(name, handle.read())
    document = build_document(name, text, bom)
    for d in lint_document(document, config):
        edits = [] if d.fix is None else d.fix.edits
        covered = [[document.position(e.start).line, document.position(e.end).line] for e in edits]
        print(json.dumps([name, d.rule, d.location.line, d.end_location.line, d.message, covered]))
"""

# file name, rule, first line, last line, message, line ranges its fix edits
Finding = tuple[str, str, int, int, str, list[list[int]]]


def findings_of(src: Path, files: list[Path]) -> list[Finding]:
    result = subprocess.run(
        [sys.executable, "-c", LINT_ALL, *map(str, files)],
        env={"PYTHONPATH": str(src), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        check=True,
    )
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    return [(Path(name).name, rule, first, last, message, fixed) for name, rule, first, last, message, fixed in rows]


def extract_src(revision: str, into: Path) -> Path:
    archive = subprocess.run(["git", "archive", revision, "src"], cwd=ROOT, capture_output=True, check=True).stdout
    with tarfile.open(fileobj=BytesIO(archive)) as tar:
        tar.extractall(into, filter="data")
    return into / "src"


def counts_table(before: list[Finding], after: list[Finding], files: list[Path]) -> str:
    rules = sorted({f[1] for f in before} | {f[1] for f in after})
    per_before = Counter((f[0], f[1]) for f in before)
    per_after = Counter((f[0], f[1]) for f in after)
    lines = ["| rule | " + " | ".join(p.stem.removeprefix("awesome-") or p.stem for p in files) + " | total |"]
    lines.append("|---" * (len(files) + 2) + "|")
    for rule in rules:
        cells = []
        for path in files:
            b, a = per_before[(path.name, rule)], per_after[(path.name, rule)]
            cells.append(f"{b}→{a}" if b != a else str(a))
        total_b = sum(per_before[(p.name, rule)] for p in files)
        total_a = sum(per_after[(p.name, rule)] for p in files)
        lines.append(f"| {rule} | " + " | ".join(cells) + f" | {total_b}→{total_a} |")
    file_totals = []
    for path in files:
        b = sum(n for (name, _), n in per_before.items() if name == path.name)
        a = sum(n for (name, _), n in per_after.items() if name == path.name)
        file_totals.append(f"{b}→{a}")
    lines.append("| **all** | " + " | ".join(file_totals) + f" | **{len(before)}→{len(after)}** |")
    return "\n".join(lines)


def still_reported(finding: Finding, after: list[Finding]) -> bool:
    name, rule, line = finding[:3]
    return any(
        a[0] == name and a[1] == rule and (a[2] <= line <= a[3] or any(first <= line <= last for first, last in a[5]))
        for a in after
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", default=DEFAULT_BEFORE, help="git revision to compare with")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--sample", type=int, default=0, help="print N random 'before' findings")
    parser.add_argument("--seed", type=int, default=8)
    args = parser.parse_args()
    files = sorted(p for p in args.corpus.glob("*.md") if p.name != "SOURCES.md")
    if not files:
        print(f"no corpus at {args.corpus}")
        return 0
    with tempfile.TemporaryDirectory() as temp:
        before = findings_of(extract_src(args.before, Path(temp)), files)
    after = findings_of(ROOT / "src", files)
    print(f"Findings with the defaults, {args.before} → working tree (cells: before→after)\n")
    print(counts_table(before, after, files))
    drop = 1 - len(after) / len(before) if before else 0.0
    print(f"\n{len(before)} → {len(after)} findings ({drop:.0%} fewer)")
    if args.sample:
        print(f"\nSample of {args.sample} 'before' findings (seed {args.seed}): kept = still reported after")
        for finding in random.Random(args.seed).sample(before, min(args.sample, len(before))):
            name, rule, line, _, message, _ = finding
            kept = "kept   " if still_reported(finding, after) else "dropped"
            print(f"{kept} {name}:{line} {rule}: {message[:140]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
