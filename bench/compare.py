"""Compare our findings with the npm awesome-lint 2.3.0 on the corpus, rule by rule and file by file.

    python bench/compare.py [--corpus DIR] [--awesome-lint-dir DIR] [--details RULE] [--json]

Installs awesome-lint 2.3.0 into a temporary folder (or reuses ``--awesome-lint-dir``, a folder
where ``npm install awesome-lint@2.3.0`` was run), copies every corpus file into its own temporary
git repository as README.md (so its file-based rules see a repository), runs it there, runs our
linter in-process, and matches findings on (line, awesome-lint rule id). Our rules are mapped to
awesome-lint ids through their ``aliases``.

Agreement for a file = awesome-lint findings on mapped rules that we also report, that are
classified as their false positives (``KNOWN_THEIR_FALSE_POSITIVES``) or as our intentional
differences (``INTENTIONAL_DIFFERENCES``, ``double_link_outside_entries``), divided by all their
findings on mapped rules. Each classification is explained in docs/compatibility.md with a corpus
line. Findings of awesome-lint checks we have no counterpart for (``NOT_COVERED``) are unmapped.

double-link is matched on pairs: awesome-lint reports every occurrence, the first one included;
we report each later occurrence and name the first one's line ("also at line A"). Their finding on
line A is "both" when one of our duplicate-link findings names line A.
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

from awesome_lint.document.build import build_document
from awesome_lint.document.load import decode_markdown
from awesome_lint.linter import lint_text
from awesome_lint.rules import RULES
from awesome_lint.rules._urls import normalize_url

try:  # the repository scan (files beside the README) is new in the engine
    from awesome_lint.repository import scan_repository
except ImportError:  # pragma: no cover - older engine: repository rules stay silent
    scan_repository = None  # type: ignore[assignment]

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
    # awesome-selfhosted.md line 125 `**[`^ back to top ^`](#awesome-selfhosted)**`, line 171
    # `_Related: [Backup](#backup), ..._`: navigation, not a section title.
    ("no-emphasis-as-heading", "emphasis around a link (back to top, Related:, Please visit): navigation",
     r"introducing a section", r"^\s*(?:>\s*)?(?:\*\*|__|\*|_).*\]\("),
    # awesome-go.md line 1481 `_Libraries for building GUI Applications._`: the section's
    # description sentence, not its title (the `##` heading is right above it).
    ("no-emphasis-as-heading", "an emphasised sentence (a section's description or a note)",
     r"introducing a section", r"^\s*(?:\*\*|__|\*|_)[^\n]*[.!?](?:\*\*|__|\*|_)\s*$"),
    ("no-undefined-references", "bracketed text, not a reference (shortcut form)",
     r"", r"(?<!\])\[[^\]\n]+\](?![\[(:])"),  # not the second half of `[a][b]` or `[a][]`
)


# Their findings that are our intentional differences: (rule id, why, regex searched in the
# message, regex searched in the source line). Counted as agreement, reported apart ("intent").
INTENTIONAL_DIFFERENCES: tuple[tuple[str, str, str, str], ...] = (
    # awesome-go.md line 956 "Pure Go Postgres driver": Postgres is PostgreSQL's accepted short
    # name (the project uses it); only lower-case "postgres" is reported, as "Postgres".
    ("awesome-spell-check", "Postgres is PostgreSQL's accepted short name", r'^Text "Postgres" ', r"Postgres"),
    # awesome-selfhosted.md line 131: `- [ANALOG](https://github.com/orangecoloured/analog) - A
    # minimal analytics tool. Tracks events in a span of 10-30 days. `MIT` `Nodejs/Docker``:
    # the sentence ends with a period; the code spans after
    # it are the list's licence and platform tags, not part of the sentence. awesome-lint wants
    # the last node to be text ending with punctuation; description-period accepts tags after a
    # finished sentence (and still reports `- [A](url) - No period `MIT``).
    ("awesome-list-item", "licence/platform tags after a finished sentence",
     r"^List item description must end with proper punctuation$", r"[.!?…)]\s*(?:`[^`\n]+`\s*)+$"),
    # awesome-cpp.md line 410: `- [tree.hh](...) - An STL-like C++ header-only tree library. [GPL2+]`,
    # line 877 `... Library. [BSD] [website](https://opencv.org/)`, and `**[Deprecated]**`: status
    # and licence tags, badges and tag links after a finished sentence end it (issue 8).
    ("awesome-list-item", "status tags, badges or tag links after a finished sentence",
     r"^List item description must end with proper punctuation$",
     r"[.!?…)]\s*(?:(?:\*\*|_)?(?:!?\[[^\]\n]*\](?:\([^)\s]*\))?)+(?:\*\*|_)?[.,/]?\s*)+$"),
    # awesome-go.md: `- [immudb](https://github.com/codenotary/immudb) - immudb is a lightweight,
    # ...`: the description starts with the project's own name, spelled the way the project
    # spells it (the link text or the repository name, compared case-insensitively; not a prefix
    # of it, see open differences). description-repeats-name is the rule for repeating the name.
    ("awesome-list-item", "description starts with the project's own lower-case name",
     r"^List item description must start with valid casing$", r"OWN_NAME"),
    # awesome-go.md: `- [catena](https://github.com/codemodus/catena) - http.Handler wrapper
    # catenation`, `- [tls-client](...) - net/http.Client like HTTP Client`: a qualified Go
    # identifier (package path, then an exported name) is written as the code spells it.
    ("awesome-list-item", "description starts with a qualified identifier (net/http.Client)",
     r"^List item description must start with valid casing$", r"\) - [a-z][\w/]*\.[A-Z]\w*"),
    # awesome-cpp.md: the contents list uses `-`, its 1,404 entries `*`: awesome-lint's
    # "consistent" takes the first bullet met and reports every entry; list-marker-style takes
    # the bullet most used in the file and reports the contents items (issue 8).
    ("unordered-list-marker-style", "the file's most used bullet is its style",
     r"^Unexpected unordered list marker", r"MOST_USED_BULLET"),
    # awesome-electron.md line 334 `## Contribute` is not listed in the ToC (lines 32-43):
    # awesome-lint exempts only a heading spelled exactly "Contributing"; toc treats
    # "Contribute" as the same closing section (a tail section, which may be left out).
    ("awesome-toc", "'Contribute' is the Contributing section, which the ToC may leave out",
     r'corresponding heading "Contribute"$', r""),
)

# awesome-lint checks that have no counterpart here: their findings are counted as unmapped,
# not as gaps. (rule id, why, regex searched in the message.)
NOT_COVERED: tuple[tuple[str, str, str], ...] = (
    # Needs the repository's git remote and the GitHub API (network): a later issue. Our
    # `license-file` covers only the licence part of awesome-github.
    ("awesome-github", "needs a git remote and the GitHub API",
     r"^(Awesome list must reside in a valid git repository|Repository should be on GitHub|"
     r"The repository should have)"),
)

_OWN_NAME_LINE = re.compile(r"\[([^\]]+)\]\(([^)\s]+)\)\s+-\s+\**([^\s,;:!?()]+)")
_THEIR_DUPLICATE = re.compile(r"^Duplicate link: (\S+)$")
_OUR_FIRST_LINE = re.compile(r" also (?:at line |listed under '.*' \(line )(\d+)\)?;")


def starts_with_own_name(line_text: str) -> bool:
    """`[name](url) - name ...`: the first word is the link text or the URL's last segment."""
    match = _OWN_NAME_LINE.search(line_text)
    if match is None:
        return False
    word = match.group(3).rstrip(".,;:'’").casefold()
    last_segment = match.group(2).rstrip("/").rsplit("/", 1)[-1].casefold()
    return word in (match.group(1).casefold(), last_segment)


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


def our_findings(source: Path, repo: Path, reverse_aliases: dict[str, list[str]]
                 ) -> tuple[list[Finding], list[Finding], set[int], set[tuple[int, str]]]:
    """(findings mapped onto awesome-lint ids, findings of rules without an awesome-lint counterpart,
    lines where an entry's main link starts, the (line, awesome-lint id) pairs our fixes of that
    rule rewrite). The repository rules see the same temporary repository as awesome-lint (when
    the engine takes one)."""
    text, bom = decode_markdown(str(source), source.read_bytes())
    document = build_document("README.md", text, bom)
    entry_link_lines = {document.line_of(e.link.start) for e in document.entries() if e.link is not None}
    repository = {} if scan_repository is None else {"repository": scan_repository(str(repo / "README.md"))}
    mapped, unmapped = [], []
    fixed_lines: set[tuple[int, str]] = set()
    for diagnostic in lint_text("README.md", text, bom=bom, **repository):
        theirs = reverse_aliases.get(diagnostic.rule)
        if not theirs:
            unmapped.append(Finding(diagnostic.line, diagnostic.rule, diagnostic.message))
        edits = diagnostic.fix.edits if diagnostic.fix is not None else ()
        for their_id in theirs or ():
            mapped.append(Finding(diagnostic.line, their_id, diagnostic.message))
            for edit in edits:
                lines = range(document.position(edit.start).line, document.position(edit.end).line + 1)
                fixed_lines.update((line, their_id) for line in lines)
    return mapped, unmapped, entry_link_lines, fixed_lines


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


_BULLET = re.compile(r"^[ \t]*([-*+])[ \t]")


def uses_the_most_used_bullet(line_text: str, lines: list[str]) -> bool:
    """The line's bullet is the one most used in the file (ties: the first met)."""
    bullets = [m.group(1) for line in lines if (m := _BULLET.match(line))]
    mine = _BULLET.match(line_text)
    if mine is None or not bullets:
        return False
    counts = Counter(bullets)
    most = max(counts.values())
    return mine.group(1) == next(bullet for bullet in bullets if counts[bullet] == most)


def is_intentional(finding: Finding, lines: list[str]) -> bool:
    line_text = lines[finding.line - 1] if 0 < finding.line <= len(lines) else ""
    for rule, _why, message_pattern, line_pattern in INTENTIONAL_DIFFERENCES:
        if finding.rule != rule or re.search(message_pattern, finding.message) is None:
            continue
        if line_pattern == "OWN_NAME":
            if starts_with_own_name(line_text):
                return True
        elif line_pattern == "MOST_USED_BULLET":
            if uses_the_most_used_bullet(line_text, lines):
                return True
        elif re.search(line_pattern, line_text):
            return True
    return False


def is_not_covered(finding: Finding) -> bool:
    return any(
        finding.rule == rule and re.search(pattern, finding.message) for rule, _why, pattern in NOT_COVERED
    )


def double_link_outside_entries(theirs: list[Finding], entry_link_lines: set[int]) -> set[int]:
    """Indexes into ``theirs`` of double-link findings that are our intentional difference:
    duplicate-link compares entries, not links in prose. A finding qualifies when fewer than two
    occurrences of its target (their findings, grouped by normalised URL) are on lines where an
    entry's main link is: the repetition involves the introduction, a heading, a block quote or a
    section's description. awesome-python.md line 1 `# [Awesome Python](https://awesome-python.com/)`
    and line 5 `**Visit the [website](https://awesome-python.com/) ...**`; awesome-go.md line 12
    (prose) and line 3945 (the entry `[Gopher Community Chat](https://invite.slack.golangbridge.org)`)."""
    groups: dict[str, list[int]] = defaultdict(list)
    for index, finding in enumerate(theirs):
        match = _THEIR_DUPLICATE.match(finding.message) if finding.rule == "double-link" else None
        if match is not None and not match.group(1).startswith("#"):
            groups[normalize_url(match.group(1))].append(index)
    qualifying: set[int] = set()
    for indexes in groups.values():
        on_entries = sum(1 for index in indexes if theirs[index].line in entry_link_lines)
        if on_entries < 2:
            qualifying.update(indexes)
    return qualifying


class FileComparison(NamedTuple):
    name: str
    only_theirs: list[Finding]
    only_ours: list[Finding]
    both: list[Finding]
    unmapped_theirs: list[Finding]  # awesome-lint rules we have no counterpart for (yet)
    unmapped_ours: list[Finding]  # our rules awesome-lint does not have
    their_false_positives: list[Finding]
    intentional: list[Finding]  # their findings that are our documented intentional differences

    @property
    def agreed(self) -> int:
        return len(self.both) + len(self.their_false_positives) + len(self.intentional)

    @property
    def mapped(self) -> int:
        return self.agreed + len(self.only_theirs)

    @property
    def agreement(self) -> float | None:
        return self.agreed / self.mapped if self.mapped else None


def compare_file(name: str, theirs: list[Finding], ours: list[Finding], unmapped_ours: list[Finding],
                 lines: list[str], mapped_ids: set[str], entry_link_lines: set[int],
                 fixed_lines: set[tuple[int, str]] = frozenset()) -> FileComparison:
    """``fixed_lines``: (line, awesome-lint id) pairs that a fix of ours for that rule rewrites. Their
    finding on such a line is one we report once for the whole list or file (a list that leaves
    periods out, a file ordered another way) and fix there: an intentional difference."""
    our_keys = Counter((f.line, f.rule) for f in ours)
    # double-link pairs: the first occurrence's line, named in our message, counts as reported.
    for f in ours:
        first = _OUR_FIRST_LINE.search(f.message) if f.rule == "double-link" else None
        if first is not None:
            our_keys[(int(first.group(1)), f.rule)] += 1
    # awesome-badge: awesome-lint reports a wrong or missing badge on the title (line 1), we report
    # at the badge itself (awesome-go.md line 6: an old rawgit badge image): the same finding.
    if any(f.rule == "awesome-badge" for f in ours):
        our_keys.update((f.line, f.rule) for f in theirs
                        if f.rule == "awesome-badge" and f.message.startswith("Missing Awesome badge"))
    their_keys = {(f.line, f.rule) for f in theirs}
    outside_entries = double_link_outside_entries(theirs, entry_link_lines)
    only_theirs, both, unmapped_theirs, false_positives, intentional = [], [], [], [], []
    for index, finding in enumerate(theirs):
        if finding.rule not in mapped_ids or is_not_covered(finding):
            unmapped_theirs.append(finding)
        elif our_keys[(finding.line, finding.rule)] > 0:
            both.append(finding)
        elif is_known_false_positive(finding, lines):
            false_positives.append(finding)
        elif index in outside_entries or is_intentional(finding, lines) or (finding.line, finding.rule) in fixed_lines:
            intentional.append(finding)
        else:
            only_theirs.append(finding)
    only_ours = [f for f in ours if (f.line, f.rule) not in their_keys]
    return FileComparison(name, only_theirs, only_ours, both, unmapped_theirs, unmapped_ours, false_positives,
                          intentional)


def print_report(results: list[FileComparison], details: str | None) -> None:
    per_rule: dict[str, Counter] = defaultdict(Counter)
    for result in results:
        for kind in ("only_theirs", "only_ours", "both", "unmapped_theirs", "unmapped_ours", "their_false_positives",
                     "intentional"):
            for finding in getattr(result, kind):
                per_rule[finding.rule][kind] += 1

    header = f"{'rule':40} {'both':>6} {'theirs':>7} {'ours':>6} {'theirFP':>8} {'intent':>7} {'unmapped':>9}"
    print("Per rule (awesome-lint id, or our id when it has no counterpart)")
    print(header)
    for rule in sorted(per_rule):
        c = per_rule[rule]
        unmapped = c["unmapped_theirs"] + c["unmapped_ours"]
        print(f"{rule:40} {c['both']:>6} {c['only_theirs']:>7} {c['only_ours']:>6} "
              f"{c['their_false_positives']:>8} {c['intentional']:>7} {unmapped:>9}")

    print("\nPer file")
    print(f"{'file':28} {'both':>6} {'theirs':>7} {'ours':>6} {'theirFP':>8} {'intent':>7} {'unmapped(t/o)':>14} "
          f"{'agreement':>10}")
    for r in results:
        agreement = "n/a" if r.agreement is None else f"{r.agreement:.1%}"
        unmapped = f"{len(r.unmapped_theirs)}/{len(r.unmapped_ours)}"
        print(f"{r.name:28} {len(r.both):>6} {len(r.only_theirs):>7} {len(r.only_ours):>6} "
              f"{len(r.their_false_positives):>8} {len(r.intentional):>7} {unmapped:>14} {agreement:>10}")

    print()
    for r in results:
        agreement = "n/a" if r.agreement is None else f"{r.agreement:.1%}"
        print(f"{r.name}: agreement: {agreement} ({r.agreed}/{r.mapped})")
    agreed, mapped = sum(r.agreed for r in results), sum(r.mapped for r in results)
    overall = "n/a" if not mapped else f"{agreed / mapped:.1%}"
    print(f"overall: agreement: {overall} ({agreed}/{mapped})")

    if details:
        print(f"\nDetails for {details}")
        for r in results:
            for kind in ("only_theirs", "only_ours", "their_false_positives", "intentional", "unmapped_theirs",
                         "unmapped_ours"):
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
            ours, unmapped_ours, entry_link_lines, fixed_lines = our_findings(source, repo, reverse)
            lines = source.read_text(encoding="utf-8-sig").splitlines()
            theirs = their_findings(raw[str(repo)])
            results.append(compare_file(source.name, theirs, ours, unmapped_ours, lines, set(aliases),
                                        entry_link_lines, fixed_lines))
    if not args.awesome_lint_dir:
        shutil.rmtree(install_dir, ignore_errors=True)

    if args.json:
        print(json.dumps([{**r._asdict(), "agreement": r.agreement} for r in results], indent=1))
    else:
        print_report(results, args.details)
    return 0


if __name__ == "__main__":
    sys.exit(main())
