"""The explicit rule registry: every rule is listed here, in documentation order."""

from __future__ import annotations

from awesome_lint.rules.base import Context, NoOptions, Rule, Settings

# Each group below is owned by one module family; add new rules to the matching group.
# -- entries --
from awesome_lint.rules.bullet_indent import BulletIndent
from awesome_lint.rules.description_case import DescriptionCase
from awesome_lint.rules.description_period import DescriptionPeriod
from awesome_lint.rules.description_repeats_name import DescriptionRepeatsName
from awesome_lint.rules.entry_link import EntryLink
from awesome_lint.rules.entry_separator import EntrySeparator
from awesome_lint.rules.final_newline import FinalNewline
from awesome_lint.rules.list_marker_style import ListMarkerStyle
from awesome_lint.rules.marker_space import MarkerSpace
from awesome_lint.rules.missing_description import MissingDescription
from awesome_lint.rules.trailing_whitespace import TrailingWhitespace
# -- order and duplicates --
from awesome_lint.rules.alphabetical_order import AlphabeticalOrder
from awesome_lint.rules.duplicate_link import DuplicateLink
# -- structure --
from awesome_lint.rules.badge import Badge
from awesome_lint.rules.empty_section import EmptySection
from awesome_lint.rules.heading_increment import HeadingIncrement
from awesome_lint.rules.license_section import LicenseSection
from awesome_lint.rules.section_order import SectionOrder
from awesome_lint.rules.title import Title
from awesome_lint.rules.toc import Toc
# -- parity --
from awesome_lint.rules.spell_check import SpellCheck
from awesome_lint.rules.balanced_punctuation import BalancedPunctuation
from awesome_lint.rules.no_ci_badge import NoCiBadge
from awesome_lint.rules.ordered_list_numbering import OrderedListNumbering
from awesome_lint.rules.no_emphasis_as_heading import NoEmphasisAsHeading
from awesome_lint.rules.heading_style import HeadingStyle
from awesome_lint.rules.heading_punctuation import HeadingPunctuation
from awesome_lint.rules.undefined_reference import UndefinedReference
from awesome_lint.rules.unused_definition import UnusedDefinition
from awesome_lint.rules.file_name import FileName
from awesome_lint.rules.repo_files import CodeOfConduct, ContributingFile, LicenseFile
# -- online --
from awesome_lint.rules.dead_link import DeadLink
from awesome_lint.rules.github_repository import GitHubRepository
from awesome_lint.rules.link_redirect import LinkRedirect
from awesome_lint.rules.list_repository import ListRepository

from awesome_lint.rules.unknown_suppression import UnknownSuppression

RULES: tuple[type[Rule], ...] = (
    # -- registry: entries --
    EntryLink,
    EntrySeparator,
    DescriptionCase,
    DescriptionPeriod,
    DescriptionRepeatsName,
    MissingDescription,
    ListMarkerStyle,
    BulletIndent,
    MarkerSpace,
    TrailingWhitespace,
    FinalNewline,
    # -- registry: order and duplicates --
    AlphabeticalOrder,
    DuplicateLink,
    # -- registry: structure --
    Title,
    Badge,
    SectionOrder,
    Toc,
    HeadingIncrement,
    EmptySection,
    LicenseSection,
    # -- registry: parity --
    SpellCheck,
    BalancedPunctuation,
    NoCiBadge,
    OrderedListNumbering,
    NoEmphasisAsHeading,
    HeadingStyle,
    HeadingPunctuation,
    UndefinedReference,
    UnusedDefinition,
    FileName,
    ContributingFile,
    LicenseFile,
    CodeOfConduct,
    # -- registry: online --
    DeadLink,
    LinkRedirect,
    GitHubRepository,
    ListRepository,
    # -- registry: engine --
    UnknownSuppression,
)

# Ids of npm awesome-lint 2.3.0 / remark-lint rules (and ones lists commonly name) that we do not
# implement on purpose (docs/compatibility.md says why): lint comments may name them silently.
UNIMPLEMENTED_IDS = frozenset(
    {
        "blockquote-indentation",
        "checkbox-character-style",
        "checkbox-content-indent",
        "code-block-style",
        "definition-case",
        "definition-spacing",
        "emphasis-marker",
        "fenced-code-marker",
        "hard-break-spaces",
        "link-title-style",
        "match-punctuation",
        "no-blockquote-without-marker",
        "no-heading-content-indent",
        "no-heading-indent",
        "no-repeat-punctuation",
        "no-shell-dollars",
        "no-table-indentation",
        "no-unneeded-full-reference-image",
        "no-unneeded-full-reference-link",
        "ordered-list-marker-style",
        "rule-style",
        "strong-marker",
        "table-cell-padding",
        "table-pipe-alignment",
        "table-pipes",
    }
)


def rules_by_id() -> dict[str, type[Rule]]:
    return {rule.id: rule for rule in RULES}


def resolve_rule_id(name: str) -> list[str]:
    """Map one of our ids or an npm awesome-lint/remark-lint alias to our rule ids."""
    if any(rule.id == name for rule in RULES):
        return [name]
    return [rule.id for rule in RULES if name in rule.aliases]


__all__ = ["RULES", "UNIMPLEMENTED_IDS", "Context", "NoOptions", "Rule", "Settings", "resolve_rule_id", "rules_by_id"]
