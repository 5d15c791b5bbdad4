"""Snapshot fixtures (like ruff's): one small awesome list per fixable rule (the online rules
excepted), its findings and the diffs of its fixes, checked into tests/fixtures/<rule-id>.snap,
plus the fix guarantees of issue 3 checked on every fixture with only that rule enabled:

- idempotent: fix(fix(x)) == fix(x), with safe fixes and with unsafe fixes too;
- lossless: safe fixes keep the multiset of link URLs (in-page `#` anchors excepted: the toc fix
  regenerates them) and of the words of the entries (compared case-folded without punctuation,
  the characters fixes touch; for wording rules such as spell-check, the words the fix replaced
  are left out of the comparison);
- complete: after the safe fixes, no finding of the rule with a safe fix remains;
- untouched means untouched: every line the fix changed (compared with difflib, line by line) is
  a line a finding of the rule pointed at or a line its fix edits covered.

Each fixture must make its rule fire at least once and must hold at least one list entry that
the rule leaves alone. Every fixable rule of the registry needs a fixture.

To (re)generate the snapshots after a deliberate change, run locally:

    UPDATE_SNAPSHOTS=1 python -m pytest tests/test_snapshots.py

and read the diff of the .snap files before committing them. In CI (``CI`` set) snapshots are
never written: a missing or different snapshot fails.
"""

from __future__ import annotations

import difflib
import os
import re
import warnings
from collections import Counter
from pathlib import Path

import pytest

from awesome_lint.cli import unified_diff
from awesome_lint.diagnostics import Applicability, Diagnostic
from awesome_lint.document.build import build_document
from awesome_lint.document.model import Document
from awesome_lint.facts import ONLINE_RULES
from awesome_lint.fix import FixResult, fix_text
from awesome_lint.linter import lint_document
from awesome_lint.rules import RULES
from helpers import config_for

FIXTURES = Path(__file__).resolve().parent / "fixtures"
FIXTURE_FILES = sorted(FIXTURES.glob("*.md"))
# The online rules read facts a fixture cannot carry (offline they are silent): their fixes are
# tested in tests/rules with facts built by hand.
FIXABLE_RULES = sorted(rule.id for rule in RULES if rule.fixable and rule.id not in ONLINE_RULES)

# Rules whose safe fixes change words on purpose ("OSX" -> "macOS").
WORDING_RULES = frozenset({"spell-check"})

UPDATE = os.environ.get("UPDATE_SNAPSHOTS", "") not in ("", "0")
IN_CI = os.environ.get("CI", "") not in ("", "0", "false")

_NOT_ALNUM = re.compile(r"[\W_]+")
_LINE = re.compile(r"[^\n]*\n|[^\n]+\Z")


# -- running one rule on a fixture -------------------------------------------------------------
def rule_of(path: Path) -> str:
    return path.stem


def lint(path: Path, text: str) -> list[Diagnostic]:
    return lint_document(build_document(path.name, text), config_for(rule_of(path)))


def fix(path: Path, text: str, unsafe: bool = False) -> FixResult:
    return fix_text(path.name, text, config_for(rule_of(path)), unsafe=unsafe)


def has_unsafe_fix(diagnostics: list[Diagnostic]) -> bool:
    return any(d.fix is not None and d.fix.applicability is Applicability.UNSAFE for d in diagnostics)


# -- the snapshot ------------------------------------------------------------------------------
def render_snapshot(path: Path, text: str) -> str:
    rule = rule_of(path)
    diagnostics = lint(path, text)
    safe = fix(path, text)
    out = [
        f"# Snapshot of tests/fixtures/{path.name}: rule {rule} alone.",
        "# Regenerate with UPDATE_SNAPSHOTS=1 python -m pytest tests/test_snapshots.py; review the diff.",
        "",
        f"## Diagnostics ({len(diagnostics)})",
        "",
    ]
    for d in diagnostics:
        out.append(f"{d.location.line}:{d.location.column}: {d.rule} {d.message}")
        if d.fix is not None:
            out.append(f"    fix ({d.fix.applicability.value}): {d.fix.message}")
    out += ["", f"## Fixed with safe fixes ({_summary(safe)})", ""]
    out.append(unified_diff(path.name, text, safe.text) or "(no change)\n")
    if has_unsafe_fix(diagnostics):
        unsafe = fix(path, text, unsafe=True)
        out += [f"## Fixed with unsafe fixes too ({_summary(unsafe)})", ""]
        out.append(unified_diff(path.name, text, unsafe.text) or "(no change)\n")
    return "\n".join(line.rstrip("\n") for line in out).rstrip("\n") + "\n"


def _summary(result: FixResult) -> str:
    passes = "pass" if result.passes == 1 else "passes"
    return f"{len(result.applied)} fixed in {result.passes} {passes}, {len(result.remaining)} remaining"


# -- the guarantees ----------------------------------------------------------------------------
def _words(document: Document, start: int, end: int) -> list[str]:
    return [word for word in _NOT_ALNUM.split(document.text[start:end].casefold()) if word]


def inventory(text: str) -> tuple[Counter[str], Counter[str]]:
    """(link URLs without in-page anchors, words of the entries that are not ToC items)."""
    document = build_document("x.md", text)
    urls = Counter(link.url for link in document.links if not link.url.startswith("#"))
    words: Counter[str] = Counter()
    for entry in document.entries():
        if entry.link is not None and entry.link.url.startswith("#"):
            continue
        words.update(_words(document, entry.marker_end, entry.text_end))
    return urls, words


def replaced_words(text: str, diagnostics: list[Diagnostic]) -> set[str]:
    """Words that the fixes of ``diagnostics`` (offsets into ``text``) take out or put in."""
    found: set[str] = set()
    for d in diagnostics:
        for edit in d.fix.edits if d.fix else ():
            for part in (text[edit.start : edit.end], edit.content):
                found.update(w for w in _NOT_ALNUM.split(part.casefold()) if w)
    return found


def fixable_lines(text: str, diagnostics: list[Diagnostic]) -> set[int]:
    """1-based lines of ``text`` that a finding points at or that its fix edits cover."""
    document = build_document("x.md", text)
    lines: set[int] = set()
    for d in diagnostics:
        lines.update(range(d.location.line, d.end_location.line + 1))
        for edit in d.fix.edits if d.fix else ():
            end = max(edit.start, edit.end - 1)  # an edit ending at a line's start covers the line above
            lines.update(range(document.line_of(edit.start), document.line_of(end) + 1))
    return lines


def changed_lines_outside(before: str, after: str, allowed: set[int]) -> list[tuple[str, int, int]]:
    """Changes (difflib opcode, first and last 1-based line of ``before``) outside the allowed
    lines. Every replaced or deleted line must be allowed (a same-size replacement is compared
    line by line, so an unchanged line inside it does not count); an insertion must be next to an
    allowed line."""
    a, b = _LINE.findall(before), _LINE.findall(after)
    bad = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        if tag == "insert":
            if not {i1, i1 + 1} & allowed:
                bad.append((tag, i1, i1 + 1))
            continue
        if tag == "replace" and i2 - i1 == j2 - j1:
            changed = [i1 + k + 1 for k in range(i2 - i1) if a[i1 + k] != b[j1 + k]]
        else:
            changed = list(range(i1 + 1, i2 + 1))
        outside = [line for line in changed if line not in allowed]
        if outside:
            bad.append((tag, outside[0], outside[-1]))
    return bad


def entry_lines(text: str) -> list[int]:
    document = build_document("x.md", text)
    return [document.line_of(entry.start) for entry in document.entries()]


# -- tests -------------------------------------------------------------------------------------
def test_every_fixable_rule_has_a_fixture() -> None:
    have = {rule_of(path) for path in FIXTURE_FILES}
    missing = [rule for rule in FIXABLE_RULES if rule not in have]
    assert not missing, f"fixable rules without a snapshot fixture in {FIXTURES}: {missing}"
    strays = sorted(have - {rule.id for rule in RULES})
    assert not strays, f"fixtures named after no rule: {strays}"


@pytest.mark.parametrize("path", FIXTURE_FILES, ids=[p.stem for p in FIXTURE_FILES])
def test_snapshot(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    rendered = render_snapshot(path, text)
    snap = path.with_suffix(".snap")
    update = f"UPDATE_SNAPSHOTS=1 python -m pytest tests/test_snapshots.py -k '{path.stem}'"
    if UPDATE:
        if IN_CI:
            pytest.fail("UPDATE_SNAPSHOTS is set in CI: snapshots are updated locally, reviewed and committed")
        if not snap.exists() or snap.read_text(encoding="utf-8") != rendered:
            snap.write_text(rendered, encoding="utf-8")
            warnings.warn(f"updated snapshot {snap.name}: review its diff before committing", stacklevel=1)
        return
    assert snap.exists(), f"missing snapshot {snap.name}; generate it with `{update}` and review it"
    expected = snap.read_text(encoding="utf-8")
    if expected != rendered:
        diff = "".join(
            difflib.unified_diff(
                expected.splitlines(keepends=True),
                rendered.splitlines(keepends=True),
                f"{snap.name} (stored)",
                f"{snap.name} (now)",
            )
        )
        pytest.fail(
            f"snapshot {snap.name} differs from the rule's output; if the change is intended, run `{update}` and "
            f"review it\n{diff}",
            pytrace=False,
        )


@pytest.mark.parametrize("path", FIXTURE_FILES, ids=[p.stem for p in FIXTURE_FILES])
def test_fixture_fires_and_has_a_silent_entry(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    rule = rule_of(path)
    diagnostics = lint(path, text)
    assert diagnostics, f"{path.name}: {rule} reports nothing; the fixture must make it fire"
    assert any(d.fix is not None for d in diagnostics), f"{path.name}: no finding of {rule} offers a fix"
    flagged = {line for d in diagnostics for line in range(d.location.line, d.end_location.line + 1)}
    silent = [line for line in entry_lines(text) if line not in flagged]
    assert silent, f"{path.name}: every list entry has a finding of {rule}; add entries that must stay silent"


@pytest.mark.parametrize("path", FIXTURE_FILES, ids=[p.stem for p in FIXTURE_FILES])
def test_safe_fix_guarantees(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    rule = rule_of(path)
    diagnostics = lint(path, text)
    result = fix(path, text)

    # idempotent
    again = fix(path, result.text)
    assert again.text == result.text, (
        f"{rule}: not idempotent, a second --fix changed:\n{unified_diff(path.name, result.text, again.text)}"
    )

    # complete
    safe = Applicability.SAFE
    leftover = [d for d in result.remaining if d.rule == rule and d.fix and d.fix.applicability is safe]
    assert not leftover, f"{rule}: safe fixes left after --fix: {[(d.location.line, d.message) for d in leftover]}"

    # lossless
    urls_before, words_before = inventory(text)
    urls_after, words_after = inventory(result.text)
    assert urls_after == urls_before, f"{rule}: URLs lost {urls_before - urls_after}, gained {urls_after - urls_before}"
    if rule in WORDING_RULES:
        for word in replaced_words(text, diagnostics):
            words_before.pop(word, None)
            words_after.pop(word, None)
    assert words_after == words_before, (
        f"{rule}: entry words lost {words_before - words_after}, gained {words_after - words_before}"
    )

    # untouched means untouched
    outside = changed_lines_outside(text, result.text, fixable_lines(text, diagnostics))
    assert not outside, f"{rule}: lines changed that no finding or fix edit of the rule covers: {outside}"


@pytest.mark.parametrize("path", FIXTURE_FILES, ids=[p.stem for p in FIXTURE_FILES])
def test_unsafe_fix_guarantees(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    rule = rule_of(path)
    diagnostics = lint(path, text)
    result = fix(path, text, unsafe=True)
    again = fix(path, result.text, unsafe=True)
    assert again.text == result.text, (
        f"{rule}: not idempotent with unsafe fixes:\n{unified_diff(path.name, result.text, again.text)}"
    )
    leftover = [d for d in result.remaining if d.rule == rule and d.fix is not None]
    assert not leftover, (
        f"{rule}: fixes left after --fix --unsafe-fixes: {[(d.location.line, d.message) for d in leftover]}"
    )
    outside = changed_lines_outside(text, result.text, fixable_lines(text, diagnostics))
    assert not outside, f"{rule}: lines changed that no finding or fix edit of the rule covers: {outside}"
