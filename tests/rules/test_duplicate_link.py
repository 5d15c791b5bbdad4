from __future__ import annotations

import gc
import time
from collections import Counter

import pytest

from awesome_lint.document.build import build_document
from awesome_lint.fix import fix_text
from awesome_lint.rules import resolve_rule_id
from awesome_lint.rules.base import Context
from awesome_lint.rules.duplicate_link import DuplicateLink, DuplicateLinkOptions
from helpers import config_for, corpus_files, fixed, lint, where

RULE = "duplicate-link"


def test_reports_the_later_entry_and_points_at_the_first() -> None:
    markdown = (
        "# List\n\n## Parsers\n\n"
        "- [Mistune](https://github.com/lepture/mistune) - Fast Markdown parser.\n\n"
        "## Tools\n\n"
        "- [Other](https://example.com) - Other.\n"
        "- [mistune](https://github.com/Lepture/mistune/) - Markdown parser.\n"
    )
    found = lint(markdown, RULE)
    assert where(found) == [(10, 3, RULE)]
    assert found[0].message == (
        "Duplicate link: https://github.com/Lepture/mistune/ also listed under 'Parsers' (line 5); "
        "remove one of them unless the cross-listing is deliberate"
    )


def test_every_later_occurrence_points_at_the_first() -> None:
    markdown = (
        "- [uv](https://github.com/astral-sh/uv) - Manager.\n"
        "  - [uv-build](https://github.com/astral-sh/uv#readme) - Backend.\n"
        "- [uv-audit](http://www.github.com/astral-sh/uv) - Audit.\n"
    )
    found = lint(markdown, RULE)
    assert where(found) == [(2, 5, RULE), (3, 3, RULE)]
    assert all("also at line 1;" in d.message for d in found)


@pytest.mark.parametrize(
    "second",
    [
        "https://example.com/tool/",
        "http://www.example.com/tool",
        "https://example.com:443/tool",
        "https://example.com/tool?utm_source=awesome",
        "https://EXAMPLE.com/tool#readme",
    ],
)
def test_normalised_urls_match(second: str) -> None:
    markdown = f"- [A](https://example.com/tool) - A.\n- [B]({second}) - B.\n"
    assert where(lint(markdown, RULE)) == [(2, 3, RULE)]


def test_reference_links_are_compared_by_their_definition() -> None:
    markdown = "- [A](https://example.com/a) - A.\n- [B][b] - B.\n\n[b]: https://example.com/a/\n"
    assert where(lint(markdown, RULE)) == [(2, 3, RULE)]


@pytest.mark.parametrize(
    "markdown",
    [
        # different targets
        "- [A](https://example.com/a) - A.\n- [B](https://example.com/b) - B.\n",
        "- [A](https://example.com/Tool) - A.\n- [B](https://example.com/tool) - B.\n",
        "- [A](https://example.com/docs#install) - A.\n- [B](https://example.com/docs#usage) - B.\n",
        # links in descriptions are not entries
        "- [A](https://example.com/a) - Uses [B](https://example.com/b).\n- [B](https://example.com/b) - B.\n",
        # the same URL outside entries (paragraphs, headings)
        "See [A](https://example.com/a).\n\n- [A](https://example.com/a) - A.\n",
        # in-page anchors are not entries
        "- [Tools](#tools)\n- [Tools again](#tools)\n",
    ],
)
def test_silent(markdown: str) -> None:
    assert lint(markdown, RULE) == []


def test_table_of_contents_is_not_compared() -> None:
    markdown = (
        "# List\n\n## Contents\n\n- [Home](https://example.com)\n\n"
        "## Links\n\n- [Home](https://example.com) - Home page.\n"
    )
    assert lint(markdown, RULE) == []


def test_sections_under_an_h1_table_of_contents_are_compared() -> None:
    # awesome-bert-nlp.md: `# Table of Contents` is an H1, so every `##` section is its child.
    markdown = (
        "# List\n\n# Table of Contents\n\n- [Papers](#papers)\n- [Tools](#tools)\n\n"
        "## Papers\n\n1. [XL](https://github.com/kimiyoung/transformer-xl) - Code.\n\n"
        "## Tools\n\n1. [XL](https://github.com/kimiyoung/transformer-xl) - Code.\n"
    )
    found = lint(markdown, RULE)
    assert where(found) == [(14, 4, RULE)]
    assert found[0].message == (
        "Duplicate link: https://github.com/kimiyoung/transformer-xl also listed under 'Papers' (line 10); "
        "remove one of them unless the cross-listing is deliberate"
    )


# -- cross-listings (option `cross-section`) ------------------------------------------------------

CROSS_LISTED = (
    "# List\n\n## Python\n\n- [uv](https://uv.dev) - Manager.\n"
    "  - [ruff](https://ruff.dev) - Linter.\n\n"
    "## Rust\n\n- [ruff](https://ruff.dev) - Linter.\n- [uv](https://uv.dev/) - Manager.\n"
    "- [uv](https://uv.dev) - Manager again.\n"
)
SAME_SECTION_ONLY = {RULE: DuplicateLinkOptions(cross_section=False)}


def test_cross_listing_names_the_first_section() -> None:
    found = lint(CROSS_LISTED, RULE)
    assert where(found) == [(10, 3, RULE), (11, 3, RULE), (12, 3, RULE)]
    assert [d.message for d in found] == [
        "Duplicate link: https://ruff.dev also listed under 'Python' (line 6); "
        "remove one of them unless the cross-listing is deliberate",
        "Duplicate link: https://uv.dev/ also listed under 'Python' (line 5); "
        "remove one of them unless the cross-listing is deliberate",
        "Duplicate link: https://uv.dev also listed under 'Python' (line 5); "
        "remove one of them unless the cross-listing is deliberate",
    ]


def test_cross_section_off_reports_only_duplicates_within_a_section() -> None:
    same_section = "# List\n\n## Rust\n\n- [uv](https://uv.dev) - A.\n  - [uv](https://uv.dev) - B.\n"
    assert where(lint(same_section, RULE, options=SAME_SECTION_ONLY)) == [(6, 5, RULE)]
    assert lint(CROSS_LISTED, RULE, options=SAME_SECTION_ONLY) == []


def test_many_duplicates_take_linear_time() -> None:
    # Issue 12 item 12: finding each duplicate's place among its siblings with `list.index` made
    # 40k duplicates take 12.8 s. Four times the duplicates: about 5x the time, not 17x (a ratio,
    # so that a loaded machine does not fail it; best of three runs).
    small, large = _check_seconds(5_000), _check_seconds(20_000)
    assert large < 10 * small


def _check_seconds(duplicates: int) -> float:
    document = build_document("test.md", "".join(f"- [{n}](https://a.dev) - A.\n" for n in range(duplicates)))
    context = Context(options=DuplicateLinkOptions())
    timings = []
    for _ in range(3):
        gc.collect()
        gc.disable()  # collections scanning the large document would dominate the timing
        try:
            started = time.perf_counter()
            assert len(list(DuplicateLink().check(document, context))) == duplicates - 1
            timings.append(time.perf_counter() - started)
        finally:
            gc.enable()
    return min(timings)


# -- links inside descriptions (option `descriptions`) ----------------------------------------

DESCRIPTIONS = {RULE: DuplicateLinkOptions(descriptions=True)}


def test_description_links_are_not_compared_by_default() -> None:
    markdown = (
        "- [termui](https://github.com/gizak/termui) - Dashboards.\n"
        "- [termdash](https://github.com/mum4k/termdash) - Inspired by [termui](https://github.com/gizak/termui).\n"
        "- [a](https://a.dev) - For [Qt](https://www.qt.io/).\n"
        "- [b](https://b.dev) - For [Qt](https://www.qt.io/).\n"
    )
    assert lint(markdown, RULE) == []
    assert len(lint(markdown, RULE, options=DESCRIPTIONS)) == 2


def test_description_link_to_an_entry_points_at_the_entry() -> None:
    markdown = (
        "- [termdash](https://github.com/mum4k/termdash) - Inspired by [termui](https://github.com/gizak/termui).\n"
        "- [termui](https://github.com/gizak/termui/) - Dashboards.\n"
    )
    found = lint(markdown, RULE, options=DESCRIPTIONS)
    assert where(found) == [(1, 63, RULE)]
    assert found[0].message == (
        "Duplicate link: https://github.com/gizak/termui is the entry at line 2; drop this link from "
        "the description (keep the text) or link something else"
    )
    assert found[0].fix is None
    assert (found[0].end_location.line, found[0].end_location.column) == (1, 104)


def test_a_second_description_link_points_at_the_first() -> None:
    markdown = (
        "## GUI\n\n"
        "- [PySide6](https://github.com/pyside/pyside-setup) - Bindings for [Qt](https://www.qt.io/).\n"
        "  - [PyQt6](https://riverbank.dev) - Bindings for [Qt](http://qt.io) too.\n"
        "- [Other](https://other.dev) - Uses [Qt](https://qt.io/#readme) and [Qt docs](https://doc.qt.io).\n"
    )
    found = lint(markdown, RULE, options=DESCRIPTIONS)
    assert where(found) == [(4, 51, RULE), (5, 37, RULE)]
    assert found[0].message == (
        "Duplicate link: http://qt.io also in a description at line 3; "
        "link it once (or add it as an entry and drop both description links)"
    )
    assert "also in a description at line 3;" in found[1].message
    assert all(d.fix is None for d in found)


def test_main_link_duplicates_keep_their_message_and_fix_with_the_option() -> None:
    markdown = "- [A](https://a.dev) - A, like [C](https://c.dev).\n- [B](https://a.dev/) - Like [C](https://c.dev).\n"
    found = lint(markdown, RULE, options=DESCRIPTIONS)
    assert where(found) == [(2, 3, RULE), (2, 30, RULE)]
    assert found[0].message == "Duplicate link: https://a.dev/ also at line 1; remove one of them"
    assert found[0].fix is not None


@pytest.mark.parametrize(
    "markdown",
    [
        # the entry's own main link again in its description (demo / source code links)
        "- [Immich](https://github.com/immich-app/immich) - Photos ([Source](https://github.com/immich-app/immich)).\n",
        # images and badge links
        "- [A](https://a.dev) - A ![logo](https://img.dev/x.png).\n- [B](https://b.dev) - B ![logo](https://img.dev/x.png).\n",
        "- [A](https://a.dev) - A [![ci](https://img.dev/ci.svg)](https://ci.dev).\n"
        "- [B](https://b.dev) - B [![ci](https://img.dev/ci.svg)](https://ci.dev).\n",
        # in-page anchors
        "- [A](https://a.dev) - See [Tools](#tools).\n- [B](https://b.dev) - See [Tools](#tools).\n",
        # a description link to a target that only prose outside the lists links
        "Made with [Qt](https://qt.io).\n\n- [A](https://a.dev) - For [Qt](https://qt.io).\n",
        # two different targets
        "- [A](https://a.dev) - For [X](https://x.dev/a).\n- [B](https://b.dev) - For [X](https://x.dev/b).\n",
    ],
)
def test_description_links_silent(markdown: str) -> None:
    assert lint(markdown, RULE, options=DESCRIPTIONS) == []


def test_table_of_contents_links_are_not_compared_with_descriptions() -> None:
    markdown = (
        "# List\n\n## Contents\n\n- [Home](https://example.com)\n\n"
        "## Links\n\n- [A](https://a.dev) - See [home](https://example.com).\n"
    )
    assert lint(markdown, RULE, options=DESCRIPTIONS) == []


def test_alias_is_the_awesome_lint_id() -> None:
    assert resolve_rule_id("double-link") == [RULE]


# -- the fix ----------------------------------------------------------------------------------


def test_fix_is_unsafe() -> None:
    markdown = "- [A](https://a.dev) - A.\n- [B](https://a.dev/) - B.\n"
    assert fixed(markdown, RULE).text == markdown
    assert fixed(markdown, RULE, unsafe=True).text == "- [A](https://a.dev) - A.\n"


def test_fix_removes_the_entry_with_its_continuation_lines() -> None:
    markdown = (
        "- [A](https://a.dev) - A.\n"
        "- [Again](https://a.dev) - Again, see [C](https://c.dev),\n"
        "  continued.\n"
        "- [C](https://c.dev) - C.\n"
    )
    result = fixed(markdown, RULE, unsafe=True)
    assert result.text == "- [A](https://a.dev) - A.\n- [C](https://c.dev) - C.\n"
    assert result.remaining == []


def test_no_fix_when_removing_the_entry_would_lose_a_link() -> None:
    # awesome-python.md line 401: `django.db.models`, linked to Django's repository like the
    # `django` entry, links its own docs in its description: removing it would lose that link.
    markdown = (
        "## Web\n\n- [django](https://github.com/django/django) - Framework.\n\n## ORM\n\n"
        "- [django.db.models](https://github.com/django/django) - The Django [ORM](https://docs.example/orm).\n"
        "- [Again](https://a.dev) - Again.\n  - [Sub](https://sub.dev) - Nested.\n- [A](https://a.dev) - A.\n"
    )
    found = lint(markdown, RULE)
    assert where(found) == [(7, 3, RULE), (10, 3, RULE)]
    assert found[0].fix is None  # its ORM link is nowhere else
    assert found[1].fix is not None  # the copy kept at line 8 is the one with a sub-list
    assert fixed(markdown, RULE, unsafe=True).text == markdown.removesuffix("- [A](https://a.dev) - A.\n")


def test_fix_in_a_loose_list_keeps_single_blank_lines() -> None:
    middle = "- [A](https://a.dev)\n\n- [Again](https://a.dev)\n\n- [C](https://c.dev)\n"
    assert fixed(middle, RULE, unsafe=True).text == "- [A](https://a.dev)\n\n- [C](https://c.dev)\n"
    last = "- [A](https://a.dev)\n\n- [C](https://c.dev)\n\n- [Again](https://a.dev)\n\nAfter.\n"
    assert fixed(last, RULE, unsafe=True).text == "- [A](https://a.dev)\n\n- [C](https://c.dev)\n\nAfter.\n"


def test_fix_removes_an_only_item_and_keeps_crlf() -> None:
    markdown = "## One\r\n\r\n- [A](https://a.dev)\r\n\r\n## Two\r\n\r\n- [A](https://a.dev/)\r\n\r\n## Three\r\n"
    result = fixed(markdown, RULE, unsafe=True)
    assert result.text == "## One\r\n\r\n- [A](https://a.dev)\r\n\r\n## Two\r\n\r\n\r\n## Three\r\n"


def test_fix_of_a_nested_duplicate_keeps_its_siblings() -> None:
    markdown = "- [uv](https://uv.dev)\n  - [uv](https://uv.dev)\n  - [ruff](https://ruff.dev)\n"
    assert fixed(markdown, RULE, unsafe=True).text == "- [uv](https://uv.dev)\n  - [ruff](https://ruff.dev)\n"


# -- real lists -----------------------------------------------------------------------------------


@pytest.mark.parametrize("path", corpus_files(), ids=lambda path: path.name)
def test_corpus_unsafe_fix_removes_only_reported_entries(path) -> None:  # type: ignore[no-untyped-def]
    text = path.read_bytes().decode("utf-8-sig")
    config = config_for(RULE)
    result = fix_text(path.name, text, config, unsafe=True)
    assert all(d.fix is None for d in result.remaining)  # entries whose removal would lose a link
    assert fix_text(path.name, result.text, config, unsafe=True).text == result.text
    before, after = build_document("a", text), build_document("b", result.text)
    removed = Counter(e.link.url for e in before.entries() if e.link) - Counter(
        e.link.url for e in after.entries() if e.link
    )
    reported = Counter(d.message.split(" ")[2] for d in result.applied)
    assert removed - reported == Counter()


@pytest.mark.parametrize("path", corpus_files(), ids=lambda path: path.name)
def test_corpus_description_findings_have_no_fix(path) -> None:  # type: ignore[no-untyped-def]
    text = path.read_bytes().decode("utf-8-sig")
    config = config_for(RULE, options=DESCRIPTIONS)
    result = fix_text(path.name, text, config, unsafe=True)
    # What remains after removing duplicate entries: description links, and entries whose removal
    # would lose a link; none fixable.
    assert all(d.fix is None for d in result.remaining)
    assert fix_text(path.name, result.text, config, unsafe=True).text == result.text

