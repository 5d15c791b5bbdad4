"""The fix guarantees (issue 3), over every corpus file and generated awesome lists, for whatever
rules the registry holds:

- settles: fixing terminates (no FixDidNotSettle);
- idempotent: fix(fix(x)) == fix(x);
- lossless: safe fixes keep the multiset of link URLs and of entry texts (compared without the
  characters fixes touch: case, punctuation, whitespace);
- complete: after fixing, no finding with a safe fix remains;
- line endings, BOM and final newline kept (the final newline may only be added, by final-newline);
- the --diff output applies with patch(1) and gives the fixed text.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from awesome_lint.cli import main, unified_diff
from awesome_lint.diagnostics import Applicability
from awesome_lint.document.build import build_document
from awesome_lint.document.model import Document
from awesome_lint.fix import FixResult, fix_text
from awesome_lint.linter import LintConfig
from awesome_lint.rules import RULES
from helpers import corpus_files

# Rules whose safe fixes change words on purpose (spell-check: "OSX" -> "macOS"). With them, entry
# texts are compared by identity (link text and URL) only; without them, in full.
WORDING_RULES = frozenset({"spell-check"})

DEFAULT = LintConfig()
NO_WORDING = LintConfig(ignore=WORDING_RULES)
EVERY_RULE = LintConfig(select=frozenset(rule.id for rule in RULES))
CONFIGS = {"default": DEFAULT, "no-wording": NO_WORDING, "every-rule": EVERY_RULE}

_NOT_ALNUM = re.compile(r"[\W_]+")


# -- the properties ----------------------------------------------------------------------------
def _is_anchor(url: str) -> bool:
    return url.startswith("#")  # table-of-contents links are regenerated, not entries


def _words(document: Document, start: int, end: int) -> list[str]:
    return [word for word in _NOT_ALNUM.split(document.text[start:end].casefold()) if word]


def inventory(text: str, full_text: bool) -> tuple[Counter[str], Counter[str]]:
    """(link URLs, words of the entries) of the list, ignoring table-of-contents anchors.

    The words of an entry are those of its whole text (``full_text``) or of its links only.
    Counting words rather than entries lets a fix split a run-on entry (``-[B](b)`` was a lazy
    continuation of the entry above until marker-space fixed it) without looking like a loss.
    """
    document = build_document("x.md", text)
    urls = Counter(link.url for link in document.links if not _is_anchor(link.url))
    words: Counter[str] = Counter()
    for entry in document.entries():
        if entry.link is not None and _is_anchor(entry.link.url):
            continue
        if full_text or entry.link is None:
            words.update(_words(document, entry.marker_end, entry.text_end))
        else:
            for link in entry.links:
                words.update(_words(document, link.start, link.end))
    return urls, words


def line_endings(text: str) -> set[str]:
    return set(re.findall(r"\r\n|\r|\n", text))


def check_fix_guarantees(text: str, config: LintConfig, bom: bool = False) -> FixResult:
    result = fix_text("x.md", text, config, bom=bom)
    rules_applied = {d.rule for d in result.applied}

    again = fix_text("x.md", result.text, config, bom=bom)
    assert again.text == result.text, f"not idempotent; second pass applied {sorted({d.rule for d in again.applied})}"

    leftover = [d for d in result.remaining if d.fix and d.fix.applicability is Applicability.SAFE]
    assert not leftover, f"safe fixes left: {[(d.rule, d.location) for d in leftover]}"

    full_text = not (rules_applied & WORDING_RULES)
    urls_before, entries_before = inventory(text, full_text)
    urls_after, entries_after = inventory(result.text, full_text)  # entries_*: words of the entries
    assert urls_after == urls_before, (
        f"URLs changed by {sorted(rules_applied)}: lost {urls_before - urls_after}, gained {urls_after - urls_before}"
    )
    assert entries_after == entries_before, (
        f"entries changed by {sorted(rules_applied)}: "
        f"lost {entries_before - entries_after}, gained {entries_after - entries_before}"
    )

    before_endings = line_endings(text)
    if len(before_endings) == 1:  # a file with one line-ending style keeps it
        assert line_endings(result.text) <= before_endings, f"line endings changed by {sorted(rules_applied)}"
    if text.endswith(("\n", "\r")):
        assert result.text.endswith(("\n", "\r"))
    elif "final-newline" not in rules_applied:
        assert not result.text.endswith(("\n", "\r")), "a final newline appeared without the final-newline rule"
    return result


# -- corpus ------------------------------------------------------------------------------------
CORPUS = corpus_files()


@pytest.mark.skipif(not CORPUS, reason="corpus folder absent")
@pytest.mark.parametrize("config_name", ["default", "no-wording"])
@pytest.mark.parametrize("path", CORPUS, ids=[p.name for p in CORPUS])
def test_corpus_fix_guarantees(path: Path, config_name: str) -> None:
    text = path.read_text(encoding="utf-8-sig")
    result = check_fix_guarantees(text, CONFIGS[config_name])
    if shutil.which("patch") and result.changed:
        assert apply_diff(path.name, text, unified_diff(path.name, text, result.text)) == result.text


@pytest.mark.skipif(not CORPUS, reason="corpus folder absent")
@pytest.mark.parametrize("path", CORPUS[:3], ids=[p.name for p in CORPUS[:3]])
def test_corpus_as_crlf_with_bom_through_the_cli(path: Path, tmp_path: Path) -> None:
    """`--fix` on a CRLF + BOM copy writes exactly the LF fix, in CRLF, with the BOM."""
    text = path.read_text(encoding="utf-8-sig")
    expected = fix_text("x.md", text, DEFAULT).text
    copy = tmp_path / "README.md"
    copy.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode())
    assert main(["--fix", "--exit-zero", "--output-format", "json", str(copy)]) == 0
    assert copy.read_bytes() == b"\xef\xbb\xbf" + expected.replace("\n", "\r\n").encode()


def apply_diff(name: str, before: str, diff: str) -> str:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / name
        target.write_bytes(before.encode())
        subprocess.run(["patch", "-p0", "--quiet", "--binary"], input=diff.encode(), cwd=folder, check=True)
        return target.read_bytes().decode()


# -- generated lists ---------------------------------------------------------------------------
WORDS = ["alpha", "Beta", "gamma", "Delta", "the tool", "2fa", "zeta", "Émile", "npm", "iOS", "x", "Go", "go", "React"]
SEPARATORS = [" - ", " – ", " — ", " -- ", "-", " -  ", "  - ", " : ", " ", ""]
ENDINGS = ["", ".", "!", "?", " ", "  ", ".  "]


@st.composite
def descriptions(draw: st.DrawFn) -> str:
    words = draw(st.lists(st.sampled_from(WORDS + ["python library", "`code`", "nodejs"]), min_size=1, max_size=4))
    return " ".join(words) + draw(st.sampled_from(ENDINGS))


@st.composite
def entries(draw: st.DrawFn, depth: int = 0) -> list[str]:
    name = draw(st.sampled_from(WORDS))
    url = f"https://{draw(st.sampled_from(['a', 'b', 'c', 'www.a', 'd']))}.example/{draw(st.sampled_from(['', 'x', 'x/']))}"
    description = draw(st.one_of(st.none(), descriptions()))
    separator = draw(st.sampled_from(SEPARATORS)) if description is not None else ""
    bullet = draw(st.sampled_from("-*+"))
    spacing = draw(st.sampled_from([" ", " ", "  "]))
    indent = "  " * depth if depth else draw(st.sampled_from(["", "", " "]))
    lines = [f"{indent}{bullet}{spacing}[{name}]({url}){separator}{description or ''}"]
    if depth < 2 and draw(st.integers(0, 5)) == 0:
        for _ in range(draw(st.integers(1, 3))):
            lines.extend(draw(entries(depth + 1)))
    return lines


@st.composite
def awesome_lists(draw: st.DrawFn) -> tuple[str, bool]:
    """(text, bom): an awesome-list-like document in one line-ending style."""
    lines = [f"# Awesome {draw(st.sampled_from(['Things', 'things', 'Go Tools']))}", ""]
    if draw(st.booleans()):
        lines += ["[![Awesome](https://awesome.re/badge.svg)](https://awesome.re)", ""]
    lines += ["> A curated list.", ""]
    section_names = draw(st.lists(st.sampled_from(["Tools", "Libraries", "Web Apps", "Misc"]), min_size=1, max_size=3, unique=True))
    if draw(st.booleans()):
        listed = draw(st.permutations(section_names))
        lines += ["## Contents", ""] + [f"- [{name}](#{name.lower().replace(' ', '-')})" for name in listed] + [""]
    for name in section_names:
        lines += [f"## {name}", ""]
        if draw(st.integers(0, 4)) == 0:
            lines += ["Some text about this section.", ""]
        for _ in range(draw(st.integers(1, 5))):
            lines.extend(draw(entries()))
        if draw(st.booleans()):
            lines.append(draw(st.sampled_from(["", "   ", "\t"])))
        lines.append("")
    newline = draw(st.sampled_from(["\n", "\r\n"]))
    text = newline.join(lines)
    text = text.rstrip("\r\n") + draw(st.sampled_from(["", newline, newline * 2]))
    return text, draw(st.booleans())


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(awesome_lists(), st.sampled_from(sorted(CONFIGS)))
def test_generated_lists_fix_guarantees(document: tuple[str, bool], config_name: str) -> None:
    text, bom = document
    check_fix_guarantees(text, CONFIGS[config_name], bom)


@settings(max_examples=25, deadline=None)
@given(awesome_lists())
@pytest.mark.skipif(shutil.which("patch") is None, reason="needs patch(1)")
def test_generated_lists_diff_applies(document: tuple[str, bool]) -> None:
    text, bom = document
    fixed = fix_text("x.md", text, DEFAULT, bom=bom).text
    diff = unified_diff("README.md", text, fixed)
    assert (apply_diff("README.md", text, diff) if diff else text) == fixed


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(awesome_lists())
def test_generated_lists_cli_fix_keeps_bom_and_line_endings(tmp_path: Path, document: tuple[str, bool]) -> None:
    text, bom = document
    target = tmp_path / "README.md"
    target.write_bytes((b"\xef\xbb\xbf" if bom else b"") + text.encode())
    expected = fix_text(str(target), text, DEFAULT, bom=bom).text
    code = main(["--fix", "--exit-zero", "--output-format", "json", str(target)])
    assert code == 0
    assert target.read_bytes() == (b"\xef\xbb\xbf" if bom else b"") + expected.encode()
