"""Adversarial descriptions through the wording rules, each rule timed alone on a parsed document
(issue 12: no regex with nested or adjacent overlapping quantifiers may turn a long token into
quadratic time). Before the fixes, `long token` and `colons` took about a minute in
description-period and `emphasis underscores` half a minute in description-case."""

from __future__ import annotations

import time

import pytest

from awesome_lint.document.build import build_document
from awesome_lint.linter import lint_document
from helpers import config_for

RULES = ("description-period", "description-case", "spell-check", "title", "entry-separator", "description-repeats-name")
SIZE = 20_000
DESCRIPTIONS = {
    "long token": "A " + "x" * SIZE + " in the page",
    "emphasis underscores": "~~a" + "_" * SIZE + "x library.",
    "colons": "a" + ":a" * SIZE + " b",
    "urls": "see " + "https://" * (SIZE // 8) + " x",
    "backticks": "lib " + "`" * SIZE + " x",
    "brackets": "lib " + "[" * SIZE + " x",
    "parentheses": "lib x" + ")" * SIZE,
}


@pytest.mark.parametrize("name", sorted(DESCRIPTIONS))
def test_each_wording_rule_is_fast_on_an_adversarial_description(name: str) -> None:
    description = DESCRIPTIONS[name]
    document = build_document("test.md", f"# Awesome {description[:200]}\n\n## A\n\n- [Foo](https://foo.dev) - {description}\n")
    for rule in RULES:
        started = time.perf_counter()
        lint_document(document, config_for(rule))
        assert time.perf_counter() - started < 1.0, rule
