"""Shared test helpers: lint a Markdown string with chosen rules, apply fixes, read positions."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from awesome_lint.diagnostics import Diagnostic
from awesome_lint.document.build import build_document
from awesome_lint.fix import FixResult, fix_text
from awesome_lint.linter import LintConfig, lint_document
from awesome_lint.rules import Settings, rules_by_id

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"


def corpus_files() -> list[Path]:
    return sorted(CORPUS.glob("*.md")) if CORPUS.is_dir() else []


def config_for(*rules: str, options: dict[str, Any] | None = None, settings: Settings | None = None) -> LintConfig:
    unknown = [rule for rule in (*rules, *(options or {})) if rule not in rules_by_id()]
    assert not unknown, f"unknown rule ids {unknown}: a test of a misspelled rule would pass for the wrong reason"
    return LintConfig(
        select=frozenset(rules) if rules else None,
        rule_options=options or {},
        settings=settings or Settings(),
    )


def lint(markdown: str, *rules: str, options: dict[str, Any] | None = None) -> list[Diagnostic]:
    return lint_document(build_document("test.md", markdown), config_for(*rules, options=options))


def where(diagnostics: list[Diagnostic]) -> list[tuple[int, int, str]]:
    """(line, column, rule) of each diagnostic, in order."""
    return [(d.location.line, d.location.column, d.rule) for d in diagnostics]


def fixed(markdown: str, *rules: str, unsafe: bool = False, options: dict[str, Any] | None = None) -> FixResult:
    return fix_text("test.md", markdown, config_for(*rules, options=options), unsafe=unsafe)
