"""Shared test helpers: lint a Markdown string with chosen rules, apply fixes, read positions."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

from awesome_lint.diagnostics import Diagnostic
from awesome_lint.document.build import build_document
from awesome_lint.fix import FixResult, fix_text
from awesome_lint.linter import LintConfig, lint_document
from awesome_lint.rules import Settings, rules_by_id

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
BENCH = Path(__file__).resolve().parents[1] / "bench"


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


def load_bench(name: str) -> ModuleType:
    """The script bench/<name>.py, imported as the module ``awesome_lint_bench_<name>``."""
    spec = importlib.util.spec_from_file_location(f"awesome_lint_bench_{name}", BENCH / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module
