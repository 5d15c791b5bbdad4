"""Placeholder until suppression comments are implemented: keeps every diagnostic."""

from __future__ import annotations

from awesome_lint.diagnostics import Diagnostic
from awesome_lint.document.model import Document


def apply_suppressions(document: Document, diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    return diagnostics
