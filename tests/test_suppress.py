"""Suppression comments, checked on real Documents with hand-built diagnostics."""

from __future__ import annotations

from typing import ClassVar

import pytest

import awesome_lint.rules as rules_module
from awesome_lint.diagnostics import Diagnostic, Severity
from awesome_lint.document.build import build_document
from awesome_lint.document.model import Document
from awesome_lint.rules import Rule
from awesome_lint.suppress import UNKNOWN_SUPPRESSION, apply_suppressions
from helpers import lint, where


class _EntryRule(Rule):
    id: ClassVar[str] = "test-entry"
    aliases: ClassVar[tuple[str, ...]] = ("awesome-list-item",)
    summary: ClassVar[str] = "test"


class _OrderRule(Rule):
    id: ClassVar[str] = "test-order"
    aliases: ClassVar[tuple[str, ...]] = ("awesome-sorted", "awesome-list-item")
    summary: ClassVar[str] = "test"


class _TocRule(Rule):
    id: ClassVar[str] = "test-toc"
    aliases: ClassVar[tuple[str, ...]] = ("awesome-toc",)
    summary: ClassVar[str] = "test"


@pytest.fixture(autouse=True)
def fake_registry(monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest) -> None:
    if request.node.name.startswith("test_end_to_end"):
        return  # these run the real rules through lint()
    monkeypatch.setattr(rules_module, "RULES", (_EntryRule, _OrderRule, _TocRule))


def finding(document: Document, line: int, rule: str = "test-entry", column: int = 1) -> Diagnostic:
    start = document.line_start(line) + column - 1
    return Diagnostic(
        rule=rule,
        message=f"{rule} at {line}",
        start=start,
        end=start + 1,
        location=document.position(start),
        end_location=document.position(start + 1),
        severity=Severity.ERROR,
    )


def kept_lines(markdown: str, *lines: int, rule: str = "test-entry") -> list[int]:
    """Lines (of the given findings, one per line, at column 1) that survive suppression."""
    document = build_document("test.md", markdown)
    kept = apply_suppressions(document, [finding(document, line, rule) for line in lines])
    return [d.line for d in kept if d.rule != UNKNOWN_SUPPRESSION]


def warnings(markdown: str) -> list[tuple[int, int, int, str]]:
    document = build_document("test.md", markdown)
    found = apply_suppressions(document, [])
    assert all(d.rule == UNKNOWN_SUPPRESSION and d.severity is Severity.WARNING for d in found)
    return [(d.line, d.column, d.end_location.column, d.message) for d in found]


LIST = "- [A](a) - x.\n- [B](b) - y.\n- [C](c) - z.\n"


# -- disable / enable ---------------------------------------------------------------------------


def test_without_comments_everything_is_kept() -> None:
    assert kept_lines(LIST, 1, 2, 3) == [1, 2, 3]


def test_disable_until_enable() -> None:
    markdown = (
        "- [A](a) - x.\n"  # 1
        "<!--lint disable test-entry-->\n"  # 2
        "- [B](b) - y.\n"  # 3
        "- [C](c) - z.\n"  # 4
        "<!--lint enable test-entry-->\n"  # 5
        "- [D](d) - w.\n"  # 6
    )
    assert kept_lines(markdown, 1, 3, 4, 6) == [1, 6]


def test_disable_starts_at_the_comment_itself() -> None:
    markdown = "text <!--lint disable test-entry--> more\n"
    document = build_document("test.md", markdown)
    before, at = finding(document, 1, column=5), finding(document, 1, column=6)
    assert apply_suppressions(document, [before, at]) == [before]


def test_disable_applies_only_to_named_rules() -> None:
    markdown = "<!--lint disable test-entry-->\n\n" + LIST
    assert kept_lines(markdown, 3, rule="test-entry") == []
    assert kept_lines(markdown, 3, rule="test-toc") == [3]


def test_disable_without_ids_turns_off_every_rule() -> None:
    markdown = "- [A](a) - x.\n<!--lint disable-->\n- [B](b) - y.\n<!--lint enable-->\n- [C](c) - z.\n"
    assert kept_lines(markdown, 1, 3, 5, rule="test-toc") == [1, 5]


def test_enable_of_one_rule_does_not_undo_disable_of_all() -> None:
    markdown = "<!--lint disable-->\n\n<!--lint enable test-entry-->\n\n" + LIST
    assert kept_lines(markdown, 5) == []


def test_enable_of_all_undoes_disable_of_one() -> None:
    markdown = "<!--lint disable test-entry-->\n\n<!--lint enable-->\n\n" + LIST
    assert kept_lines(markdown, 5) == [5]


def test_awesome_lint_alias_resolves_to_every_rule_it_maps_to() -> None:
    markdown = "<!--lint disable awesome-list-item-->\n\n" + LIST
    assert kept_lines(markdown, 3, rule="test-entry") == []
    assert kept_lines(markdown, 3, rule="test-order") == []
    assert kept_lines(markdown, 3, rule="test-toc") == [3]


def test_several_ids_and_line_breaks_inside_the_comment() -> None:
    markdown = "<!--lint disable\n  awesome-toc\n  test-entry  -->\n\n" + LIST
    assert kept_lines(markdown, 5, rule="test-entry") == []
    assert kept_lines(markdown, 5, rule="test-toc") == []
    assert kept_lines(markdown, 5, rule="test-order") == [5]


def test_whole_document_finding_on_line_1_is_disabled_by_a_later_disable() -> None:
    markdown = "# Awesome\n\n<!--lint disable awesome-toc-->\n\n" + LIST
    assert kept_lines(markdown, 1, rule="test-toc") == []
    # ... but not once the rule is enabled again
    assert kept_lines(markdown + "<!--lint enable awesome-toc-->\n", 1, rule="test-toc") == [1]


def test_a_finding_on_line_1_not_at_column_1_is_judged_by_position() -> None:
    markdown = "# Awesome\n\n<!--lint disable awesome-toc-->\n"
    document = build_document("test.md", markdown)
    title_text = finding(document, 1, rule="test-toc", column=3)
    assert apply_suppressions(document, [title_text]) == [title_text]


# -- ignore ---------------------------------------------------------------------------------------


def test_ignore_at_column_0_covers_the_whole_next_list() -> None:
    # The comment ends the first list (CommonMark); the next node is the list of B, C.
    markdown = (
        "- [A](a) - x.\n"  # 1
        "<!--lint ignore awesome-list-item-->\n"  # 2
        "- [B](b) - y.\n"  # 3
        "- [C](c) - z.\n"  # 4
        "\n"
        "## Next\n"  # 6
        "\n"
        "- [D](d) - w.\n"  # 8
    )
    assert kept_lines(markdown, 1, 3, 4, 6, 8) == [1, 6, 8]


def test_ignore_covers_the_next_paragraph_only() -> None:
    markdown = "<!--lint ignore test-entry-->\nfirst\nparagraph\n\nsecond\n"
    assert kept_lines(markdown, 2, 3, 5) == [5]


def test_ignore_before_a_heading_covers_the_heading_not_the_section() -> None:
    markdown = "<!--lint ignore-->\n## Heading\n\ntext\n"
    assert kept_lines(markdown, 2, 4) == [4]


def test_ignore_indented_as_last_child_of_an_item_covers_the_next_item() -> None:
    markdown = (
        "- [A](a) - x.\n"  # 1
        "  <!--lint ignore test-entry-->\n"  # 2
        "- [B](b) - y.\n"  # 3
        "- [C](c) - z.\n"  # 4
    )
    assert kept_lines(markdown, 1, 3, 4) == [1, 4]


def test_ignore_before_a_sub_list_covers_that_sub_list() -> None:
    markdown = (
        "- [A](a) - x.\n"  # 1
        "  <!--lint ignore test-entry-->\n"  # 2
        "  - [A1](a1) - x.\n"  # 3
        "  - [A2](a2) - x.\n"  # 4
        "- [B](b) - y.\n"  # 5
    )
    assert kept_lines(markdown, 1, 3, 4, 5) == [1, 5]


def test_ignore_in_the_last_item_of_a_sub_list_climbs_to_the_parents_next_item() -> None:
    markdown = (
        "- [A](a) - x.\n"  # 1
        "  - [A1](a1) - x.\n"  # 2
        "    <!--lint ignore test-entry-->\n"  # 3
        "- [B](b) - y.\n"  # 4
        "- [C](c) - z.\n"  # 5
    )
    assert kept_lines(markdown, 2, 4, 5) == [2, 5]


def test_ignore_in_the_last_item_of_a_list_covers_the_next_top_level_block() -> None:
    markdown = "- [A](a) - x.\n  <!--lint ignore test-entry-->\n\nafter\n\nlater\n"
    assert kept_lines(markdown, 4, 6) == [6]


def test_ignore_with_nothing_after_it_covers_the_rest_of_the_file() -> None:
    markdown = "- [A](a) - x.\n\n<!--lint ignore test-entry-->\n"
    document = build_document("test.md", markdown)
    at_end = Diagnostic("test-entry", "m", len(markdown) - 1, len(markdown), document.position(len(markdown) - 1),
                        document.position(len(markdown)), Severity.ERROR)
    assert apply_suppressions(document, [at_end]) == []


def test_inline_ignore_covers_the_rest_of_its_paragraph() -> None:
    markdown = "Some text\nmore <!--lint ignore test-entry--> and\nthe end\n\nnext\n"
    document = build_document("test.md", markdown)
    before = finding(document, 2, column=1)
    after = finding(document, 3)
    next_paragraph = finding(document, 5)
    assert apply_suppressions(document, [before, after, next_paragraph]) == [before, next_paragraph]


def test_ignore_restores_an_earlier_disable_after_the_node() -> None:
    markdown = "<!--lint disable test-entry-->\n\n<!--lint ignore test-entry-->\npara\n\nafter\n"
    assert kept_lines(markdown, 4, 6) == []


def test_ignore_of_one_rule_keeps_other_rules() -> None:
    markdown = "<!--lint ignore awesome-toc-->\n" + LIST
    assert kept_lines(markdown, 2, rule="test-entry") == [2]
    assert kept_lines(markdown, 2, rule="test-toc") == []


def test_ignore_before_the_title_covers_whole_document_findings() -> None:
    markdown = "<!--lint ignore awesome-toc-->\n# Awesome\n\ntext\n"
    assert kept_lines(markdown, 1, 4, rule="test-toc") == [4]


# -- what is not a marker -------------------------------------------------------------------------


def test_comment_in_a_fenced_code_block_is_not_a_marker() -> None:
    markdown = "```\n<!--lint disable-->\n```\n\n" + LIST
    assert kept_lines(markdown, 5) == [5]


def test_comment_in_a_code_span_is_not_a_marker() -> None:
    markdown = "Write `<!--lint disable-->` to turn rules off.\n\n" + LIST
    assert kept_lines(markdown, 3) == [3]


def test_html_block_with_more_than_the_comment_is_not_a_marker() -> None:
    markdown = "<!--lint disable--> <b>x</b>\n\n" + LIST
    assert kept_lines(markdown, 3) == [3]


def test_other_comments_and_lookalike_names_are_not_markers() -> None:
    markdown = "<!-- toc -->\n<!--lint-disable test-entry-->\n<!--linter disable-->\n\n" + LIST
    assert kept_lines(markdown, 5) == [5]
    assert warnings(markdown) == []


# -- unknown ids ----------------------------------------------------------------------------------


def test_unknown_id_warns_at_the_id_and_is_ignored() -> None:
    markdown = "# T\n\n<!--lint disable test-entry no-such-rule-->\n\n" + LIST
    assert warnings(markdown) == [(3, 29, 41, "Unknown rule 'no-such-rule' in lint comment: ignored")]
    assert kept_lines(markdown, 5) == []  # the known id still works


def test_comment_with_only_unknown_ids_does_nothing() -> None:
    markdown = "<!--lint ignore nope-->\n" + LIST
    assert kept_lines(markdown, 2) == [2]
    assert warnings(markdown) == [(1, 17, 21, "Unknown rule 'nope' in lint comment: ignored")]


def test_unknown_keyword_warns() -> None:
    markdown = "<!--lint silence test-entry-->\n" + LIST
    assert warnings(markdown) == [
        (1, 10, 17, "Unknown lint comment keyword 'silence' (expected disable, enable or ignore): comment ignored")
    ]
    assert kept_lines(markdown, 2) == [2]


def test_unknown_id_in_an_inline_comment_points_inside_the_line() -> None:
    markdown = "- [A](a) - x. <!--lint ignore bogus-->\n"
    assert warnings(markdown) == [(1, 31, 36, "Unknown rule 'bogus' in lint comment: ignored")]


# -- CRLF -----------------------------------------------------------------------------------------


def test_crlf_disable_enable_and_ignore() -> None:
    markdown = (
        "- [A](a) - x.\r\n"  # 1
        "<!--lint disable test-entry-->\r\n"  # 2
        "- [B](b) - y.\r\n"  # 3
        "<!--lint enable test-entry-->\r\n"  # 4
        "- [C](c) - z.\r\n"  # 5
        "  <!--lint ignore test-entry-->\r\n"  # 6
        "- [D](d) - w.\r\n"  # 7
        "- [E](e) - v.\r\n"  # 8
    )
    assert kept_lines(markdown, 1, 3, 5, 7, 8) == [1, 5, 8]


def test_crlf_unknown_id_position() -> None:
    markdown = "# T\r\n\r\n<!--lint disable\r\n  bogus-->\r\n"
    assert warnings(markdown) == [(4, 3, 8, "Unknown rule 'bogus' in lint comment: ignored")]


# -- end to end, through lint() with the real rules --------------------------------------------------

UNSORTED = "# T\n\n## S\n\n- [Delta](https://d.example) - D.\n- [Alpha](https://a.example) - A\n"


def test_end_to_end_findings_without_comments() -> None:
    assert where(lint(UNSORTED, "alphabetical-order", "description-period")) == [
        (5, 1, "alphabetical-order"),
        (6, 32, "description-period"),
    ]


def test_end_to_end_ignore_with_an_awesome_lint_id_before_the_list() -> None:
    markdown = UNSORTED.replace("- [Delta]", "<!--lint ignore alphabetize-lists-->\n- [Delta]")
    assert where(lint(markdown, "alphabetical-order", "description-period")) == [(7, 32, "description-period")]


def test_end_to_end_disable_with_an_alias_covering_several_rules() -> None:
    markdown = UNSORTED.replace("## S\n", "## S\n<!--lint disable awesome-list-item-->\n")
    assert where(lint(markdown, "alphabetical-order", "description-period")) == [(6, 1, "alphabetical-order")]


def test_end_to_end_indented_ignore_covers_the_next_item_only() -> None:
    markdown = (
        "# T\n\n## S\n\n"
        "- [Delta](https://d.example) - D.\n"  # 5
        "  <!--lint ignore description-period unknown-thing-->\n"  # 6
        "- [Alpha](https://a.example) - A\n"  # 7
        "- [Beta](https://b.example) - B\n"  # 8
    )
    assert where(lint(markdown, "alphabetical-order", "description-period", UNKNOWN_SUPPRESSION)) == [
        (5, 1, "alphabetical-order"),
        (6, 38, UNKNOWN_SUPPRESSION),
        (8, 31, "description-period"),
    ]


def test_end_to_end_unknown_suppression_is_a_rule_that_can_be_ignored() -> None:
    markdown = "# T\n\n<!--lint disable alphabetical-orde-->\n\n- [B](https://b.example) - B.\n- [A](https://a.example) - A.\n"
    assert where(lint(markdown, "alphabetical-order", UNKNOWN_SUPPRESSION)) == [
        (3, 18, UNKNOWN_SUPPRESSION),
        (5, 1, "alphabetical-order"),
    ]
    assert where(lint(markdown, "alphabetical-order")) == [(5, 1, "alphabetical-order")]


def test_end_to_end_ids_of_awesome_lint_rules_we_do_not_implement_are_accepted_silently() -> None:
    markdown = "# T\n\n<!--lint disable no-shell-dollars emphasis-marker-->\n\n- [B](https://b.example) - B.\n"
    assert where(lint(markdown, "description-period", UNKNOWN_SUPPRESSION)) == []


def test_end_to_end_unknown_suppression_warnings_obey_disable_comments() -> None:
    markdown = "# T\n\n<!--lint disable unknown-suppression-->\n\n<!--lint disable nope-->\n"
    assert where(lint(markdown, "description-period", UNKNOWN_SUPPRESSION)) == []
