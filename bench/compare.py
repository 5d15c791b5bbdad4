"""Compare our findings with the npm awesome-lint 2.3.0 on the corpus, rule by rule and file by file.

    python bench/compare.py [--corpus DIR] [--awesome-lint-dir DIR] [--details RULE] [--json]

Installs awesome-lint 2.3.0 into a temporary folder (or reuses ``--awesome-lint-dir``, a folder
where ``npm install awesome-lint@2.3.0`` was run), copies every corpus file into its own temporary
git repository as README.md (so its file-based rules see a repository), runs it there, runs our
linter in-process, and matches findings on (line, awesome-lint rule id). Our rules are mapped to
awesome-lint ids through their ``aliases``.

Agreement for a file = awesome-lint findings on mapped rules that we also report or that are
classified as their false positives (``KNOWN_THEIR_FALSE_POSITIVES``, each explained in
docs/compatibility.md), divided by all their findings on mapped rules.
Exit status: 0 (also when node/npm are missing: the comparison is skipped with a message).
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path
from typing import NamedTuple

from awesome_lint.document.load import decode_markdown
from awesome_lint.linter import lint_text
from awesome_lint.rules import RULES

AWESOME_LINT = "awesome-lint@2.3.0"
DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"

# Runs awesome-lint's own `lint()` (what its CLI calls) in each repository and prints the messages.
RUNNER = r"""
import path from 'node:path';
import {pathToFileURL} from 'node:url';
const [installDir, ...repos] = process.argv.slice(2);
const entry = path.join(installDir, 'node_modules', 'awesome-lint', 'index.js');
const {default: lint} = await import(pathToFileURL(entry).href);
const results = {};
for (const repo of repos) {
  process.chdir(repo);
  const vfiles = await lint({filename: 'README.md'});
  results[repo] = vfiles.flatMap(vfile => vfile.messages.map(message => ({
    file: path.basename(vfile.path), line: message.line ?? 0, column: message.column ?? 0,
    rule: message.ruleId ?? '', message: message.reason})));
}
process.stdout.write(JSON.stringify(results));
"""

# Their findings we classify as false positives: (rule id, why, regex searched in the message,
# regex searched in the source line or None). Each is explained in docs/compatibility.md under
# "Their false positives".
KNOWN_THEIR_FALSE_POSITIVES: tuple[tuple[str, str, str, str | None], ...] = (
    ("awesome-spell-check", "generic noun, not a product", r'^Text "blockchain" ', None),
    ("awesome-spell-check", "the project spells itself pandas", r'^Text "pandas" ', None),
    ("awesome-spell-check", "the project spells itself webpack", r'^Text "webpack" ', None),
    ("awesome-spell-check", "K8s is Kubernetes' own abbreviation", r'^Text "K8s" ', None),
    ("awesome-spell-check", "Wasm is WebAssembly's own abbreviation", r'^Text "Wasm" ', None),
    ("awesome-spell-check", "name inside a path-like token (go-sql-driver/mysql, tls/http1.x/websocket)",
     r'^Text "(\w+)" ', r"[^\s()\[\]]*[-_.][^\s()\[\]]*/[^\s()\[\]]*|[^\s()\[\]]*/[^\s()\[\]]*[-_.]\w[^\s()\[\]]*"),
    ("awesome-spell-check", "link text that is exactly a lower-case project name",
     r'^Text "([a-z0-9]+)" ', r"\[[a-z0-9]+\]\("),
    ("awesome-list-item", "table-of-contents item: an in-page anchor is a valid link",
     r"^Invalid list item link URL$", r"\]\(#"),
    ("double-link", "repeated in-page navigation link (back to top), not a duplicate entry",
     r"^Duplicate link: #", None),
    ("no-undefined-references", "brackets around an inline link, not a reference", r"definition \(`\[", None),
    ("no-undefined-references", "bracketed text, not a reference (shortcut form)",
     r"", r"\[[^\]\n]*\](?![\[(:])"),
)


class Finding(NamedTuple):
    line: int
    rule: str  # an awesome-lint rule id (ours are mapped onto theirs)
    message: str


def alias_map() -> dict[str, set[str]]:
    """awesome-lint rule id -> our rule ids that cover it."""
    mapping: dict[str, set[str]] = defaultdict(set)
    for rule in RULES:
        for alias in rule.aliases:
            mapping[alias.removeprefix("remark-lint:")].add(rule.id)
    return mapping


def install_awesome_lint() -> Path:
    folder = Path(tempfile.mkdtemp(prefix="awesome-lint-npm-"))
    subprocess.run(
        ["npm", "install", "--no-audit", "--no-fund", "--silent", AWESOME_LINT],
        cwd=folder,
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return folder


def make_repositories(corpus: list[Path], workspace: Path) -> dict[Path, Path]:
    """Copy each corpus file to ``workspace/<name>/README.md`` inside a fresh git repository."""
    repos = {}
    for source in corpus:
        repo = workspace / source.stem
        repo.mkdir()
        shutil.copyfile(source, repo / "README.md")
        subprocess.run(["git", "init", "-q"], cwd=repo, check=True)
        repos[source] = repo
    return repos


def run_awesome_lint(install_dir: Path, repos: list[Path]) -> dict[str, list[dict]]:
    runner = install_dir / "compare-runner.mjs"
    runner.write_text(RUNNER, encoding="utf-8")
    completed = subprocess.run(
        ["node", str(runner), str(install_dir), *map(str, repos)],
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(completed.stdout)


def their_findings(messages: list[dict]) -> list[Finding]:
    # Messages about the code of conduct file are reported against that file, not the README.
    return [
        Finding(m["line"], m["rule"], m["message"])
        for m in messages
        if m["file"].lower() == "readme.md" or m["rule"] == "awesome-code-of-conduct"
    ]


def our_findings(source: Path, reverse_aliases: dict[str, list[str]]) -> tuple[list[Finding], list[Finding]]:
    """(findings mapped onto awesome-lint ids, findings of rules without an awesome-lint counterpart)."""
    text, bom = decode_markdown(str(source), source.read_bytes())
    mapped, unmapped = [], []
    for diagnostic in lint_text("README.md", text, bom=bom):
        theirs = reverse_aliases.get(diagnostic.rule)
        if not theirs:
            unmapped.append(Finding(diagnostic.line, diagnostic.rule, diagnostic.message))
        for their_id in theirs or ():
            mapped.append(Finding(diagnostic.line, their_id, diagnostic.message))
    return mapped, unmapped


def is_known_false_positive(finding: Finding, lines: list[str]) -> bool:
    line_text = lines[finding.line - 1] if 0 < finding.line <= len(lines) else ""
    for rule, _why, message_pattern, line_pattern in KNOWN_THEIR_FALSE_POSITIVES:
        if finding.rule != rule:
            continue
        message_match = re.search(message_pattern, finding.message)
        if message_match is None:
            continue
        if line_pattern is None:
            return True
        # The line must show the pattern, around the word the message names (when it names one).
        word = message_match.group(1) if message_match.groups() else None
        for line_match in re.finditer(line_pattern, line_text):
            if word is None or word in line_match.group():
                return True
    return False


class FileComparison(NamedTuple):
    name: str
    only_theirs: list[Finding]
    only_ours: list[Finding]
    both: list[Finding]
    unmapped_theirs: list[Finding]  # awesome-lint rules we have no counterpart for (yet)
    unmapped_ours: list[Finding]  # our rules awesome-lint does not have
    their_false_positives: list[Finding]

    @property
    def agreement(self) -> float | None:
        mapped = len(self.both) + len(self.only_theirs) + len(self.their_false_positives)
        if mapped == 0:
            return None
        return (len(self.both) + len(self.their_false_positives)) / mapped


def compare_file(name: str, theirs: list[Finding], ours: list[Finding], unmapped_ours: list[Finding],
                 lines: list[str], mapped_ids: set[str]) -> FileComparison:
    our_keys = Counter((f.line, f.rule) for f in ours)
    their_keys = {(f.line, f.rule) for f in theirs}
    only_theirs, both, unmapped_theirs, false_positives = [], [], [], []
    for finding in theirs:
        if finding.rule not in mapped_ids:
            unmapped_theirs.append(finding)
        elif our_keys[(finding.line, finding.rule)] > 0:
            both.append(finding)
        elif is_known_false_positive(finding, lines):
            false_positives.append(finding)
        else:
            only_theirs.append(finding)
    only_ours = [f for f in ours if (f.line, f.rule) not in their_keys]
    return FileComparison(name, only_theirs, only_ours, both, unmapped_theirs, unmapped_ours, false_positives)


def print_report(results: list[FileComparison], details: str | None) -> None:
    per_rule: dict[str, Counter] = defaultdict(Counter)
    for result in results:
        for kind in ("only_theirs", "only_ours", "both", "unmapped_theirs", "unmapped_ours", "their_false_positives"):
            for finding in getattr(result, kind):
                per_rule[finding.rule][kind] += 1

    header = f"{'rule':40} {'both':>6} {'theirs':>7} {'ours':>6} {'theirFP':>8} {'unmapped':>9}"
    print("Per rule (awesome-lint id, or our id when it has no counterpart)")
    print(header)
    for rule in sorted(per_rule):
        c = per_rule[rule]
        unmapped = c["unmapped_theirs"] + c["unmapped_ours"]
        print(f"{rule:40} {c['both']:>6} {c['only_theirs']:>7} {c['only_ours']:>6} "
              f"{c['their_false_positives']:>8} {unmapped:>9}")

    print("\nPer file")
    print(f"{'file':28} {'both':>6} {'theirs':>7} {'ours':>6} {'theirFP':>8} {'unmapped(t/o)':>14} {'agreement':>10}")
    for r in results:
        agreement = "n/a" if r.agreement is None else f"{r.agreement:.1%}"
        unmapped = f"{len(r.unmapped_theirs)}/{len(r.unmapped_ours)}"
        print(f"{r.name:28} {len(r.both):>6} {len(r.only_theirs):>7} {len(r.only_ours):>6} "
              f"{len(r.their_false_positives):>8} {unmapped:>14} {agreement:>10}")

    if details:
        print(f"\nDetails for {details}")
        for r in results:
            for kind in ("only_theirs", "only_ours", "their_false_positives", "unmapped_theirs", "unmapped_ours"):
                for f in getattr(r, kind):
                    if f.rule == details or details == "all":
                        print(f"  {r.name}:{f.line} [{kind}] {f.rule}: {f.message}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--awesome-lint-dir", type=Path, help="folder with awesome-lint 2.3.0 already installed")
    parser.add_argument("--details", metavar="RULE", help="list unmatched findings of RULE ('all' for every rule)")
    parser.add_argument("--json", action="store_true", help="print the comparison as JSON")
    args = parser.parse_args(argv)

    missing = [tool for tool in ("node", "npm", "git") if shutil.which(tool) is None]
    if missing:
        print(f"compare: skipped, {', '.join(missing)} not found on PATH")
        return 0
    corpus = sorted(p for p in args.corpus.glob("*.md") if p.name != "SOURCES.md") if args.corpus.is_dir() else []
    if not corpus:
        print(f"compare: skipped, no corpus files in {args.corpus}")
        return 0

    install_dir = args.awesome_lint_dir or install_awesome_lint()
    reverse: dict[str, list[str]] = defaultdict(list)
    aliases = alias_map()
    for their_id, ours in aliases.items():
        for our_id in ours:
            reverse[our_id].append(their_id)

    with tempfile.TemporaryDirectory(prefix="awesome-lint-compare-") as workspace:
        repos = make_repositories(corpus, Path(workspace))
        raw = run_awesome_lint(install_dir, list(repos.values()))
        results = []
        for source, repo in repos.items():
            ours, unmapped_ours = our_findings(source, reverse)
            lines = source.read_text(encoding="utf-8-sig").splitlines()
            theirs = their_findings(raw[str(repo)])
            results.append(compare_file(source.name, theirs, ours, unmapped_ours, lines, set(aliases)))
    if not args.awesome_lint_dir:
        shutil.rmtree(install_dir, ignore_errors=True)

    if args.json:
        print(json.dumps([{**r._asdict(), "agreement": r.agreement} for r in results], indent=1))
    else:
        print_report(results, args.details)
    return 0


if __name__ == "__main__":
    sys.exit(main())
