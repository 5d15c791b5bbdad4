"""The explicit rule registry: every rule is listed here, in documentation order."""

from __future__ import annotations

from awesome_lint.rules.base import Context, NoOptions, Rule, Settings

# Each group below is owned by one module family; add new rules to the matching group.
# -- entries --
# -- order and duplicates --
# -- structure --
# -- parity --

RULES: tuple[type[Rule], ...] = (
    # -- registry: entries --
    # -- registry: order and duplicates --
    # -- registry: structure --
    # -- registry: parity --
)


def rules_by_id() -> dict[str, type[Rule]]:
    return {rule.id: rule for rule in RULES}


def resolve_rule_id(name: str) -> list[str]:
    """Map one of our ids or an npm awesome-lint/remark-lint alias to our rule ids."""
    if any(rule.id == name for rule in RULES):
        return [name]
    return [rule.id for rule in RULES if name in rule.aliases]


__all__ = ["RULES", "Context", "NoOptions", "Rule", "Settings", "resolve_rule_id", "rules_by_id"]
