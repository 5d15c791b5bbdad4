"""Fixes keep every link whose target still exists (issue 8).

On every corpus list and on generated lists with H1 part headings and nested tables of contents,
`--fix` and `--fix --unsafe-fixes` with the default rules keep the multiset of link URLs: links to
other pages, and in-page links whose heading exists before and after the fix (a ToC link whose
anchor was broken may be repointed, and a link to a heading that a fix renamed may follow it).
Images are not links: a badge fix may replace a badge's picture.
"""

from __future__ import annotations

import random
from collections import Counter
from pathlib import Path
from urllib.parse import unquote

import pytest

from awesome_lint.document.build import build_document
from awesome_lint.fix import fix_text
from awesome_lint.linter import LintConfig
from awesome_lint.rules._anchors import heading_anchors
from helpers import corpus_files

DEFAULT = LintConfig()

# Losses caused by rules other than toc, reported to their owners (xfail strict: the test says when
# they are fixed). Keyed by (corpus file, mode).
_DUPLICATE_LINK = "duplicate-link: its unsafe fix removes the second copy of an entry listed twice"
_BADGE = "badge: its unsafe fix replaces the awesome badge's link target"
KNOWN_LOSSES: dict[tuple[str, str], str] = {
    **{
        (name, "unsafe"): _DUPLICATE_LINK
        for name in (
            "awesome-bert-nlp.md",
            "awesome-cpp.md",
            "awesome-dotnet.md",
            "awesome-flutter.md",
            "awesome-ios.md",
            "awesome-nodejs.md",
            "awesome-python.md",
            "awesome-shell.md",
        )
    },
    ("awesome-javascript.md", "unsafe"): _BADGE,
}


def kept_links(text: str, anchors: set[str]) -> Counter[str]:
    document = build_document("x.md", text)
    return Counter(
        link.url
        for link in document.links
        if not link.is_image and (not link.url.startswith("#") or unquote(link.url[1:]) in anchors)
    )


def lost_links(before: str, after: str) -> Counter[str]:
    anchors = set(heading_anchors(build_document("x.md", before))) & set(heading_anchors(build_document("x.md", after)))
    return kept_links(before, anchors) - kept_links(after, anchors)


def assert_keeps_links(text: str, unsafe: bool) -> None:
    result = fix_text("x.md", text, DEFAULT, unsafe=unsafe)
    lost = lost_links(text, result.text)
    assert not lost, f"lost {dict(lost)} (fixes applied: {sorted({d.rule for d in result.applied})})"


# -- the corpus ----------------------------------------------------------------------------------
CORPUS = corpus_files()


def _corpus_cases() -> list[object]:
    cases: list[object] = []
    for path in CORPUS:
        for mode in ("safe", "unsafe"):
            reason = KNOWN_LOSSES.get((path.name, mode))
            marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
            cases.append(pytest.param(path, mode, marks=marks, id=f"{path.name}-{mode}"))
    return cases


@pytest.mark.skipif(not CORPUS, reason="corpus folder absent")
@pytest.mark.parametrize(("path", "mode"), _corpus_cases())
def test_fix_keeps_every_link_on_the_corpus(path: Path, mode: str) -> None:
    assert_keeps_links(path.read_text(encoding="utf-8-sig"), unsafe=mode == "unsafe")


# -- generated lists -----------------------------------------------------------------------------
WORDS = ["Audio", "Books", "Caching", "Databases", "Editors", "Fonts", "Games", "Hosting", "Images", "Jobs"]


class GeneratedList:
    """A list with optional H1 parts, sections and sub-sections, and a ToC mirroring them, then
    broken in a few ways the toc rule fixes (missing, moved, renamed and mis-anchored items)."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.parts = self.rng.choice([0, 2, 3])
        self.section_level = 2 if self.parts == 0 else self.rng.choice([2, 3])
        self.lists_title = self.rng.random() < 0.5
        self.loose = self.rng.random() < 0.3
        self.body: list[str] = []
        self.toc: list[tuple[int, str]] = []  # (depth, item text)
        self.counter = 0

    def build(self) -> str:
        if self.lists_title:
            self.toc.append((0, "[Awesome Gen](#awesome-gen)"))
        depth = 1 if self.lists_title else 0
        if self.parts:
            for part in range(self.parts):
                name = f"Part {WORDS[part]}"
                self.body += [f"# {name}", ""]
                self.toc.append((depth, f"[{name}](#{name.lower().replace(' ', '-')})"))
                self._sections(depth + 1, f"{part}")
        else:
            self._sections(depth, "")
        items = self._broken([self._item(d, text) for d, text in self.toc])
        separator = "\n\n" if self.loose else "\n"
        lazy = "\nSee also [Awesome Other](https://other.example)." if self.rng.random() < 0.5 else ""
        head = "# Awesome Gen\n\n> Generated.\n\n## Contents\n\n"
        return head + separator.join(items) + lazy + "\n\n" + "\n".join(self.body) + "\n"

    def _sections(self, depth: int, prefix: str) -> None:
        for index in range(self.rng.randint(2, 4)):
            name = f"{WORDS[index + 3]} {prefix}{index}".strip()
            self._heading(self.section_level, name, depth)
            for sub in range(self.rng.choice([0, 0, 2])):
                self._heading(self.section_level + 1, f"{name} {WORDS[sub]}", depth + 1)

    def _heading(self, level: int, name: str, depth: int) -> None:
        self.counter += 1
        anchor = name.lower().replace(" ", "-")
        self.body += [
            f"{'#' * level} {name}",
            "",
            f"- [Project {self.counter}](https://example.com/p{self.counter}) - Does thing {self.counter}.",
            "",
        ]
        self.toc.append((depth, f"[{name}](#{anchor})"))

    def _item(self, depth: int, text: str) -> str:
        line = f"{'  ' * depth}- {text}"
        if self.rng.random() < 0.2:
            line += f"\n{'  ' * depth}  continued on a second line."
        return line

    def _broken(self, items: list[str]) -> list[str]:
        candidates = [index for index, item in enumerate(items) if "](#awesome-gen)" not in item and "Part" not in item]
        for index in self.rng.sample(candidates, k=min(3, len(candidates))):
            how = self.rng.choice(["drop", "anchor", "text", "swap"])
            if how == "drop" and "\n" not in items[index]:
                items[index] = ""
            elif how == "anchor":
                items[index] = items[index].replace("](#", "](#x-", 1)
            elif how == "text":
                items[index] = items[index].replace("- [", "- [The ", 1)
            elif how == "swap" and index + 1 < len(items):
                items[index], items[index + 1] = items[index + 1], items[index]
        return [item for item in items if item]


@pytest.mark.parametrize("mode", ["safe", "unsafe"])
@pytest.mark.parametrize("seed", range(40))
def test_fix_keeps_every_link_on_generated_lists(seed: int, mode: str) -> None:
    assert_keeps_links(GeneratedList(seed).build(), unsafe=mode == "unsafe")


def test_generated_lists_have_parts_nested_tocs_and_toc_findings() -> None:
    texts = [GeneratedList(seed).build() for seed in range(40)]
    assert sum("\n# Part" in text for text in texts) >= 10
    assert sum("\n  - [" in text for text in texts) >= 10
    fixed = [fix_text("x.md", text, LintConfig(select=frozenset({"toc"}))) for text in texts]
    assert sum(result.changed for result in fixed) >= 20
