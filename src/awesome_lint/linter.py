"""Run the enabled rules over a Document and apply suppression comments."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Mapping

from awesome_lint.diagnostics import Diagnostic
from awesome_lint.document.build import build_document
from awesome_lint.document.model import Document
from awesome_lint.facts import OnlineFacts
from awesome_lint.online.settings import OnlineSettings
from awesome_lint.repository import RepositoryFiles
from awesome_lint.rules import RULES, Context, Rule, Settings
from awesome_lint.suppress import apply_suppressions


@dataclass(frozen=True)
class LintConfig:
    """What to run. ``select=None`` means every rule that is on by default."""

    select: frozenset[str] | None = None
    ignore: frozenset[str] = frozenset()
    rule_options: Mapping[str, Any] = field(default_factory=dict)  # rule id -> Options instance
    settings: Settings = field(default_factory=Settings)
    online: OnlineSettings = field(default_factory=OnlineSettings)

    def enabled_rules(self) -> list[type[Rule]]:
        chosen = []
        for rule in RULES:
            on = rule.default_enabled if self.select is None else rule.id in self.select
            if on and rule.id not in self.ignore:
                chosen.append(rule)
        return chosen

    def options_for(self, rule: type[Rule]) -> Any:
        options = self.rule_options.get(rule.id)
        return options if options is not None else rule.Options()


DEFAULT_CONFIG = LintConfig()


def lint_document(
    document: Document,
    config: LintConfig = DEFAULT_CONFIG,
    repository: RepositoryFiles | None = None,
    online: OnlineFacts | None = None,
) -> list[Diagnostic]:
    found: list[Diagnostic] = []
    enabled = config.enabled_rules()
    for rule_class in enabled:
        context = Context(config.options_for(rule_class), config.settings, repository, online)
        found.extend(rule_class().check(document, context))
    enabled_ids = {rule.id for rule in enabled}
    # The suppression pass adds its own findings (unknown-suppression): keep them only if enabled.
    found = [d for d in apply_suppressions(document, found) if d.rule in enabled_ids]
    found.sort(key=lambda d: (d.start, d.end, d.rule, d.message))
    return found


def lint_text(
    path: str,
    text: str,
    config: LintConfig = DEFAULT_CONFIG,
    bom: bool = False,
    repository: RepositoryFiles | None = None,
    online: OnlineFacts | None = None,
) -> list[Diagnostic]:
    return lint_document(build_document(path, text, bom), config, repository, online)
