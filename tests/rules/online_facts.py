"""Lint and fix with online facts built by hand: OnlineFacts is data, the input of the online rules."""

from __future__ import annotations

from typing import Any

from awesome_lint.diagnostics import Diagnostic
from awesome_lint.document.build import build_document
from awesome_lint.facts import LinkFact, LinkState, OnlineFacts
from awesome_lint.fix import FixResult, fix_text
from awesome_lint.linter import lint_document
from helpers import config_for

# 2026-01-01T00:00:00Z: the clock of the facts in these tests.
NOW = 1767225600.0


def lint_online(markdown: str, rule: str, online: OnlineFacts | None, options: Any = None) -> list[Diagnostic]:
    config = config_for(rule, options={rule: options} if options is not None else None)
    return lint_document(build_document("README.md", markdown), config, online=online)


def fix_online(markdown: str, rule: str, online: OnlineFacts | None, unsafe: bool = False) -> FixResult:
    return fix_text("README.md", markdown, config_for(rule), unsafe=unsafe, online=online)


def seen(diagnostics: list[Diagnostic]) -> list[tuple[int, int, str, str, str]]:
    """(line, column, rule, severity, message) of each finding, in order."""
    return [(d.line, d.column, d.rule, d.severity.value, d.message) for d in diagnostics]


def links(*facts: LinkFact) -> OnlineFacts:
    return OnlineFacts(links={fact.url: fact for fact in facts}, now=NOW)


def dead(url: str, reason: str = "404 Not Found", status: int | None = 404) -> LinkFact:
    return LinkFact(url, LinkState.DEAD, status, reason, checked_at=NOW)


def unverified(url: str, reason: str = "503 Service Unavailable", status: int | None = 503) -> LinkFact:
    return LinkFact(url, LinkState.UNVERIFIED, status, reason, checked_at=NOW)


def working(url: str, status: int = 200) -> LinkFact:
    return LinkFact(url, LinkState.OK, status, f"{status}", checked_at=NOW)


def redirect(url: str, final_url: str | None, status: int = 200) -> LinkFact:
    return LinkFact(url, LinkState.REDIRECT, status, "301 Moved Permanently", final_url, checked_at=NOW)
