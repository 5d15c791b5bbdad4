"""Fixes keep every link whose target still exists (issue 8).

On every corpus list and on generated lists with H1 part headings and nested tables of contents,
with the default rules:

- `--fix` keeps the multiset of link URLs: links to other pages, and in-page links whose heading
  exists before and after the fix (a ToC link whose anchor was broken may be repointed, and a link
  to a heading that a fix renamed may follow it);
- `--fix --unsafe-fixes` keeps every target: a link may disappear only as an extra copy of a
  target still linked (the unsafe duplicate-link fix removes the second listing of an entry), and
  the unsafe badge fix may replace the link around the title's badge (the badge links to
  awesome.re by convention).

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

def kept_links(text: str, anchors: set[str], title_badges: bool = True) -> Counter[str]:
    document = build_document("x.md", text)
    title = document.headings[0] if document.headings and document.headings[0].level == 1 else None
    return Counter(
        link.url
        for link in document.links
        if not link.is_image
        and (not link.url.startswith("#") or unquote(link.url[1:]) in anchors)
        and (title_badges or not (link.contains_image and title is not None and title.start <= link.start < title.end))
    )


def lost_links(before: str, after: str, unsafe: bool = False) -> Counter[str]:
    anchors = set(heading_anchors(build_document("x.md", before))) & set(heading_anchors(build_document("x.md", after)))
    kept_before = kept_links(before, anchors, title_badges=not unsafe)
    kept_after = kept_links(after, anchors, title_badges=not unsafe)
    if unsafe:
        targets_after = {_target(url) for url in kept_after}
        return Counter({url: count for url, count in kept_before.items() if _target(url) not in targets_after})
    return kept_before - kept_after


def _target(url: str) -> str:
    """What duplicate-link compares: GitHub owners and repositories are not case-sensitive."""
    url = url.rstrip("/")
    return url.casefold() if url.casefold().startswith(("https://github.com/", "http://github.com/")) else url


def assert_keeps_links(text: str, unsafe: bool) -> None:
    result = fix_text("x.md", text, DEFAULT, unsafe=unsafe)
    lost = lost_links(text, result.text, unsafe)
    assert not lost, f"lost {dict(lost)} (fixes applied: {sorted({d.rule for d in result.applied})})"


# -- the corpus ----------------------------------------------------------------------------------
CORPUS = corpus_files()


@pytest.mark.skipif(not CORPUS, reason="corpus folder absent")
@pytest.mark.parametrize("mode", ["safe", "unsafe"])
@pytest.mark.parametrize("path", CORPUS, ids=[path.name for path in CORPUS])
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


def test_the_check_sees_a_lost_link_and_the_unsafe_allowances_are_narrow() -> None:
    before = "# Awesome X [![A](https://b.svg)](https://own.example)\n\n- [A](https://a.dev) - A.\n- [B](https://b.dev) - B.\n- [A](https://a.dev) - A again.\n"
    one_copy_gone = before.replace("- [A](https://a.dev) - A again.\n", "")
    assert lost_links(before, one_copy_gone) == Counter({"https://a.dev": 1})
    assert lost_links(before, one_copy_gone, unsafe=True) == Counter()
    every_copy_gone = one_copy_gone.replace("- [A](https://a.dev) - A.\n", "")
    assert lost_links(before, every_copy_gone, unsafe=True) == Counter({"https://a.dev": 2})
    assert lost_links(before, before.replace("https://a.dev) - A again", "https://A.dev) - A again"), unsafe=True) == Counter()
    badge_replaced = before.replace("(https://own.example)", "(https://awesome.re)")
    assert lost_links(before, badge_replaced) == Counter({"https://own.example": 1})
    assert lost_links(before, badge_replaced, unsafe=True) == Counter()
