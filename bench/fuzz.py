"""Fuzz the engine: mutated corpus lists and generated lists through lint and `--fix`.

Usage: python bench/fuzz.py [--docs N] [--seconds T] [--seed S] [--corpus DIR]

Documents are line mutations of windows of the corpus lists (skipped when the corpus is absent)
and grammar-generated awesome lists, some with CRLF line endings or a BOM. Each goes through lint,
then safe and unsafe `--fix` with every rule selected, and these checks:

- exception:   lint or fix raises (other than a fix that does not settle)
- positions:   a finding or a fix edit points outside the text, or its line/column disagree with
               its offset
- settles:     fixing ends with "did not settle"
- idempotent:  a fix the fixed text still offers would change it again
- url-lost:    a safe fix removes a link URL (table-of-contents anchors aside)
- untouched:   one fix pass changes text outside the lines its edits cover
- line-endings: the fixed text mixes in the other line ending
- bom:         the fixed file loses or gains its BOM

Seeded and reproducible: the same --seed and --docs give the same documents. Prints per-check
failure counts, the rules involved, and per check the smallest failing input (shrunk by deleting
lines while the same check still fails).
"""

from __future__ import annotations

import argparse
import random
import sys
import time
import traceback
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator

SOURCE = Path(__file__).resolve().parents[1] / "src"
if str(SOURCE) not in sys.path:
    sys.path.insert(0, str(SOURCE))

from awesome_lint.diagnostics import Diagnostic, Edit, with_newline  # noqa: E402
from awesome_lint.document.build import build_document  # noqa: E402
from awesome_lint.document.load import decode_markdown  # noqa: E402
from awesome_lint.document.model import Document  # noqa: E402
from awesome_lint.fix import FixDidNotSettle, apply_edits, fix_text, select_fixes  # noqa: E402
from awesome_lint.linter import LintConfig, lint_document  # noqa: E402
from awesome_lint.rules import RULES  # noqa: E402
from awesome_lint.write import encode_markdown  # noqa: E402

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
EVERY_RULE = LintConfig(select=frozenset(rule.id for rule in RULES))
CHECKS = ("exception", "positions", "settles", "idempotent", "url-lost", "untouched", "line-endings", "bom")
WINDOW_LINES = (4, 24)


@dataclass(frozen=True)
class Case:
    text: str
    bom: bool = False


@dataclass(frozen=True)
class Failure:
    check: str
    rules: frozenset[str]  # the rules involved, as far as the check can tell
    detail: str


@dataclass
class Report:
    documents: int = 0
    failures: Counter[str] = field(default_factory=Counter)
    rules: dict[str, Counter[str]] = field(default_factory=dict)
    smallest: dict[str, tuple[Case, Failure]] = field(default_factory=dict)

    def add(self, case: Case, failure: Failure) -> None:
        self.failures[failure.check] += 1
        self.rules.setdefault(failure.check, Counter()).update([",".join(sorted(failure.rules)) or "-"])
        known = self.smallest.get(failure.check)
        if known is None or _size(case) < _size(known[0]):
            self.smallest[failure.check] = (case, failure)


def _size(case: Case) -> tuple[int, int]:
    return case.text.count("\n"), len(case.text)


# -- the checks ------------------------------------------------------------------------------


def check_case(case: Case, config: LintConfig = EVERY_RULE) -> list[Failure]:
    """Every check on one document; an empty list when it passes them all."""
    try:
        document = build_document("fuzz.md", case.text, case.bom)
        diagnostics = lint_document(document, config)
    except Exception as error:  # noqa: BLE001 - any exception is the finding
        return [_exception_failure(error)]
    failures = _position_failures(document, diagnostics)
    failures += _pass_failures(document, diagnostics)
    for unsafe in (False, True):
        failures += _fix_failures(case, config, unsafe)
    return failures


def _exception_failure(error: BaseException) -> Failure:
    frames = traceback.extract_tb(error.__traceback__)
    rules = {Path(frame.filename).stem.replace("_", "-") for frame in frames if "/rules/" in frame.filename}
    where = f"{Path(frames[-1].filename).name}:{frames[-1].lineno}" if frames else "?"
    return Failure("exception", frozenset(rules), f"{type(error).__name__}: {error} at {where}"[:300])


def _position_failures(document: Document, diagnostics: list[Diagnostic]) -> list[Failure]:
    size = len(document.text)
    bad: list[Failure] = []
    for diagnostic in diagnostics:
        spans = [(diagnostic.start, diagnostic.end)]
        if diagnostic.fix is not None:
            spans += [(edit.start, edit.end) for edit in diagnostic.fix.edits]
        inside = all(0 <= start <= end <= size for start, end in spans)
        located = inside and (
            document.position(diagnostic.start) == diagnostic.location
            and document.position(diagnostic.end) == diagnostic.end_location
        )
        if not located:
            detail = f"{diagnostic.rule} at {diagnostic.start}-{diagnostic.end} {diagnostic.location} of {size}"
            bad.append(Failure("positions", frozenset({diagnostic.rule}), detail))
    return bad[:1]


def _pass_failures(document: Document, diagnostics: list[Diagnostic]) -> list[Failure]:
    """One unsafe fix pass: the text outside the lines its edits cover stays as it was."""
    chosen = select_fixes(diagnostics, unsafe=True)
    if not chosen:
        return []
    edits = [
        Edit(edit.start, edit.end, with_newline(edit.content, document.newline))
        for diagnostic in chosen
        for edit in diagnostic.fix.edits  # type: ignore[union-attr]
    ]
    rules = frozenset(diagnostic.rule for diagnostic in chosen)
    try:
        fixed = apply_edits(document.text, edits)
    except ValueError as error:
        return [Failure("untouched", rules, str(error))]
    kept_before, kept_after = _untouched_lines(document.text, edits), _untouched_lines(fixed, _shifted(edits))
    if kept_before != kept_after:
        return [Failure("untouched", rules, "text outside the edited lines changed")]
    return []


def _shifted(edits: list[Edit]) -> list[Edit]:
    """The edits' spans in the fixed text."""
    shifted = []
    delta = 0
    for edit in sorted(edits, key=lambda e: (e.start, e.end)):
        start = edit.start + delta
        shifted.append(Edit(start, start + len(edit.content), ""))
        delta += len(edit.content) - (edit.end - edit.start)
    return shifted


def _untouched_lines(text: str, edits: list[Edit]) -> list[str]:
    """The text with every line an edit touches cut out, as the list of the pieces in between."""
    pieces = []
    position = 0
    for edit in sorted(edits, key=lambda e: (e.start, e.end)):
        line_start = text.rfind("\n", 0, edit.start) + 1
        line_end = text.find("\n", edit.end)
        line_end = len(text) if line_end < 0 else line_end
        if line_start > position:
            pieces.append(text[position:line_start])
        position = max(position, line_end)
    pieces.append(text[position:])
    return pieces


def _fix_failures(case: Case, config: LintConfig, unsafe: bool) -> list[Failure]:
    mode = "unsafe" if unsafe else "safe"
    try:
        result = fix_text("fuzz.md", case.text, config, unsafe=unsafe, bom=case.bom)
    except FixDidNotSettle as error:
        return [Failure("settles", frozenset(error.rules), f"{mode}: {error}")]
    except Exception as error:  # noqa: BLE001
        return [_exception_failure(error)]
    if not result.changed:
        return []
    applied = frozenset(diagnostic.rule for diagnostic in result.applied)
    failures = []
    # fix_text stops when its last lint of the fixed text chose no fix that changes it: applying
    # what that lint still offers must change nothing (fix(fix(x)) == fix(x), without re-linting).
    again = select_fixes(result.remaining, unsafe)
    edits = [edit for diagnostic in again for edit in diagnostic.fix.edits]  # type: ignore[union-attr]
    if again and apply_edits(result.text, [Edit(e.start, e.end, with_newline(e.content, result.newline)) for e in edits]) != result.text:
        rules = frozenset(diagnostic.rule for diagnostic in again)
        failures.append(Failure("idempotent", rules, f"{mode}: a second --fix would change the text"))
    if not unsafe:
        lost = _urls(case.text) - _urls(result.text)
        if lost:
            failures.append(Failure("url-lost", applied, f"safe fix lost {sorted(lost)[:3]}"))
    if _line_endings(case.text) != _line_endings(result.text) and _line_endings(case.text) != "mixed":
        failures.append(Failure("line-endings", applied, f"{mode}: {_line_endings(case.text)} -> {_line_endings(result.text)}"))
    if decode_markdown("fuzz.md", encode_markdown(result.text, case.bom))[1] != case.bom:
        failures.append(Failure("bom", applied, f"{mode}: BOM {case.bom} not kept"))
    return failures


def _urls(text: str) -> Counter[str]:
    return Counter(link.url for link in build_document("fuzz.md", text).links if not link.url.startswith("#"))


def _line_endings(text: str) -> str:
    crlf = text.count("\r\n")
    lf = text.count("\n") - crlf
    if crlf and lf:
        return "mixed"
    return "crlf" if crlf else "lf"


# -- the documents ---------------------------------------------------------------------------

_WORDS = ["alpha", "Beta", "gamma", "npm", "JavaScript", "OSX", "github", "api", "Go", "data", "x", "the", "A"]
_SNIPPETS = [
    "", "<!--lint ignore-->", "<!--lint disable-->", "<!--lint enable-->", "<!--", "-->", "```", "```sh",
    "    indented code", "> quoted [Q](https://q.example)", "---", "***", "| a | b |", "|---|---|",
    "<details>", "</details>", "<a name=\"top\"></a>", "[ref]: https://ref.example", "Tools #", "===",
    "- ", "-", "1. [One](https://one.example)", "*emphasis*", "**Bold heading**", "\t- [Tab](https://t.example)",
    "  continuation line", "See also [Other](https://other.example).",
]
_INLINE_TOKENS = [
    "`", "<!--", "-->", "<!--lint ignore-->", "*", "_", "[", "]", "](", ")", "(", "\t", "\u00a0", "    ", "#",
    "http://", "npm", "!", "\\", "<br>", " - ", ":", "\u2028", "\f", "é", "\U0001f44d",
]


def grammar_list(rng: random.Random) -> str:
    """A generated awesome list: title, badge, description, contents, sections of entries."""
    lines = [f"# Awesome {rng.choice(_WORDS).title()}", ""]
    if rng.random() < 0.7:
        lines += ["[![Awesome](https://awesome.re/badge.svg)](https://awesome.re)", ""]
    lines += [f"> {_phrase(rng)}.", ""]
    sections = [_name(rng) for _ in range(rng.randint(1, 3))]
    if rng.random() < 0.7:
        lines += ["## Contents", ""]
        lines += [f"- [{name}](#{name.lower().replace(' ', '-')})" for name in sections]
        lines.append("")
    for name in sections:
        lines += [f"{'#' * rng.choice((2, 2, 3))} {name}", ""]
        lines += _entries(rng, depth=0)
        lines.append("")
    if rng.random() < 0.5:
        lines += ["## License", "", "CC0.", ""]
    return "\n".join(lines)


def _entries(rng: random.Random, depth: int) -> list[str]:
    lines = []
    bullet = rng.choice("-*+") if rng.random() < 0.2 else "-"
    for _ in range(rng.randint(0, 5)):
        name = _name(rng)
        url = f"https://{name.lower().replace(' ', '')}.example/{rng.randint(0, 3)}"
        description = rng.choice(["", f" - {_phrase(rng)}", f" - {_phrase(rng)}.", f": {_phrase(rng)}", f" – {_phrase(rng)}."])
        indent = "  " * depth + (" " * rng.randint(1, 3) if rng.random() < 0.05 else "")
        lines.append(f"{indent}{bullet} [{name}]({url}){description}")
        if depth < 3 and rng.random() < 0.15:
            lines += _entries(rng, depth + 1)
    return lines


def _name(rng: random.Random) -> str:
    return " ".join(rng.choice(_WORDS) for _ in range(rng.randint(1, 2)))


def _phrase(rng: random.Random) -> str:
    return " ".join(rng.choice(_WORDS + ["for", "and", "with"]) for _ in range(rng.randint(1, 6)))


def mutate(lines: list[str], rng: random.Random, pool: list[str]) -> list[str]:
    lines = list(lines)
    for _ in range(rng.randint(1, 4)):
        index = rng.randrange(len(lines) + 1)
        kind = rng.randrange(6)
        if kind == 0 and index < len(lines):
            del lines[index]
        elif kind == 1 and index < len(lines):
            lines.insert(index, lines[index])
        elif kind == 2 and index + 1 < len(lines):
            lines[index], lines[index + 1] = lines[index + 1], lines[index]
        elif kind == 3:
            lines.insert(index, rng.choice(_SNIPPETS))
        elif kind == 4 and pool:
            lines.insert(index, rng.choice(pool))
        elif index < len(lines):
            line = lines[index]
            at = rng.randint(0, len(line))
            lines[index] = line[:at] + rng.choice(_INLINE_TOKENS) + line[at:]
    return lines


def _corpus_lines(corpus: Path) -> list[list[str]]:
    if not corpus.is_dir():
        return []
    return [
        path.read_text(encoding="utf-8-sig").splitlines()
        for path in sorted(corpus.glob("*.md"))
        if path.name != "SOURCES.md"
    ]


def cases(seed: int, corpus: Path) -> Iterator[Case]:
    """An endless, reproducible stream of documents."""
    rng = random.Random(seed)
    lists = _corpus_lines(corpus)
    while True:
        if lists and rng.random() < 0.5:
            source = rng.choice(lists)
            size = rng.randint(*WINDOW_LINES)
            start = rng.randrange(max(1, len(source) - size))
            lines = source[:2] + source[start : start + size] if rng.random() < 0.5 else source[start : start + size]
            pool = rng.choice(lists)
        else:
            lines = grammar_list(rng).split("\n")
            pool = lines
        lines = mutate(lines, rng, pool)
        newline = "\r\n" if rng.random() < 0.1 else "\n"
        final = newline if rng.random() < 0.9 else ""
        yield Case(newline.join(lines) + final, bom=rng.random() < 0.05)


# -- shrinking and running -------------------------------------------------------------------


def shrink(case: Case, fails: Callable[[Case], bool], seconds: float = 20.0) -> Case:
    """Delete chunks of lines, then single lines, while ``fails`` still holds."""
    deadline = time.monotonic() + seconds
    lines = case.text.splitlines(keepends=True)
    chunk = max(1, len(lines) // 2)
    while chunk >= 1 and time.monotonic() < deadline:
        index = 0
        while index < len(lines) and time.monotonic() < deadline:
            candidate = Case("".join(lines[:index] + lines[index + chunk :]), case.bom)
            if candidate.text and fails(candidate):
                lines = lines[:index] + lines[index + chunk :]
            else:
                index += chunk
        chunk //= 2
    return Case("".join(lines), case.bom)


def run(
    docs: int,
    seed: int,
    seconds: float,
    corpus: Path = DEFAULT_CORPUS,
    ignore: Callable[[Case, Failure], bool] = lambda case, failure: False,
) -> Report:
    """Check up to ``docs`` documents (or until ``seconds`` have passed); ``ignore`` leaves out
    known failures (the in-suite run excludes those owned by rules being fixed elsewhere)."""
    report = Report()
    deadline = time.monotonic() + seconds
    for case in cases(seed, corpus):
        if report.documents >= docs or time.monotonic() > deadline:
            break
        report.documents += 1
        for failure in check_case(case):
            if not ignore(case, failure):
                report.add(case, failure)
    return report


def shrunk_examples(report: Report) -> dict[str, tuple[Case, Failure]]:
    shrunk = {}
    for check, (case, failure) in report.smallest.items():

        def same_check(candidate: Case, check: str = check) -> bool:
            return any(found.check == check for found in check_case(candidate))

        small = shrink(case, same_check)
        found = next((f for f in check_case(small) if f.check == check), failure)
        shrunk[check] = (small, found)
    return shrunk


def print_report(report: Report, elapsed: float) -> None:
    print(f"{report.documents} documents in {elapsed:.0f} s")
    for check in CHECKS:
        print(f"  {check:13} {report.failures[check]:6} failures")
    for check, (case, failure) in shrunk_examples(report).items():
        print(f"\n== {check}: rules {dict(report.rules[check].most_common(5))}")
        print(f"   {failure.detail}")
        print(f"   smallest input (bom={case.bom}): {case.text!r}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--seconds", type=float, default=600.0)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    args = parser.parse_args()
    if not args.corpus.is_dir():
        print(f"no corpus at {args.corpus}: generated lists only")
    started = time.monotonic()
    report = run(args.docs, args.seed, args.seconds, args.corpus)
    print_report(report, time.monotonic() - started)
    return 1 if report.failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
