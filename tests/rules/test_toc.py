from pathlib import Path

import pytest

from awesome_lint.fix import fix_text
from awesome_lint.linter import lint_text
from awesome_lint.rules.toc import TocOptions
from helpers import config_for, corpus_files, fixed, lint, where

GOOD = """# Awesome X

## Contents

- [Tools](#tools)
- [Debugging / Profiling](#debugging--profiling)
  - [Node.js management](#nodejs-management)
  - [Audio & Video](#audio--video)
- [Misc](#misc)
  - [Misc](#misc-1)
- [🚀 Launch](#-launch)

## Tools

T.

## Debugging / Profiling

### Node.js management

N.

### Audio & Video

A.

## Misc

### Misc

M.

## 🚀 Launch

L.

## Contributing

C.
"""


def toc(text: str, **options: object) -> list:
    return lint(text, "toc", options={"toc": TocOptions(**options)} if options else None)


def test_matching_toc_with_subsections_emoji_and_duplicates_is_fine() -> None:
    assert toc(GOOD) == []


def test_wrong_anchor_fires_on_the_item() -> None:
    found = toc(GOOD.replace("(#debugging--profiling)", "(#debugging-profiling)"))
    assert where(found) == [(6, 1, "toc")]
    assert found[0].message == (
        "Fix the anchor of ToC item 'Debugging / Profiling': GitHub's anchor for its heading (line 17) "
        "is '#debugging--profiling', not '#debugging-profiling'"
    )


def test_text_that_differs_from_the_heading_fires() -> None:
    found = toc(GOOD.replace("[Tools](#tools)", "[Tool](#tools)"))
    assert [d.message for d in found] == ["Write ToC item 'Tool' as its heading: 'Tools' (line 13)"]


def test_missing_section_fires_where_it_belongs() -> None:
    found = toc(GOOD.replace("- [Tools](#tools)\n", ""))
    assert where(found) == [(5, 1, "toc")]
    assert found[0].message == "Add 'Tools' (line 12) to the table of contents: '- [Tools](#tools)'"


def test_missing_subsection_fires_under_its_parent() -> None:
    found = toc(GOOD.replace("  - [Audio & Video](#audio--video)\n", ""))
    assert where(found) == [(7, 3, "toc")]  # after the last listed sibling
    assert found[0].message == (
        "Add 'Audio & Video' (line 22) to the table of contents under 'Debugging / Profiling': "
        "'- [Audio & Video](#audio--video)'"
    )


def test_item_for_a_missing_heading_fires() -> None:
    text = GOOD.replace("- [Misc](#misc)\n", "- [Gone](#gone)\n- [Misc](#misc)\n")
    found = toc(text)
    assert where(found) == [(9, 1, "toc")]
    assert found[0].message == "ToC item 'Gone' links to '#gone', which is no heading's anchor: fix the link or remove the item"


def test_out_of_order_item_fires_once() -> None:
    text = GOOD.replace("- [Tools](#tools)\n", "").replace("- [🚀 Launch](#-launch)\n", "- [🚀 Launch](#-launch)\n- [Tools](#tools)\n")
    found = toc(text)
    assert where(found) == [(11, 1, "toc")]
    assert found[0].message == "Move ToC item 'Tools' first: the table of contents follows the order of the headings"


def test_duplicate_item_fires() -> None:
    found = toc(GOOD.replace("- [🚀 Launch](#-launch)\n", "- [🚀 Launch](#-launch)\n- [Tools](#tools)\n"))
    assert where(found) == [(12, 1, "toc")]
    assert [d.message for d in found] == ["Remove the duplicate ToC item 'Tools': it is already listed (line 5)"]


def test_tail_sections_are_optional_but_checked_when_listed() -> None:
    listed = GOOD.replace("- [🚀 Launch](#-launch)\n", "- [🚀 Launch](#-launch)\n- [Contributing](#contributing)\n")
    assert toc(listed) == []
    assert where(toc(GOOD, exempt_tail_sections=False)) == [(11, 1, "toc")]


def test_third_level_and_toc_listing_itself_fire() -> None:
    text = GOOD.replace("- [Tools](#tools)\n", "- [Contents](#contents)\n- [Tools](#tools)\n").replace(
        "  - [Audio & Video](#audio--video)\n", "  - [Audio & Video](#audio--video)\n    - [Deep](#misc)\n"
    )
    assert [d.message for d in toc(text)] == [
        "Remove ToC item 'Contents': the table of contents does not list itself",
        "Remove this third level: the table of contents lists sections and their sub-sections only",
    ]


def test_missing_toc_fires_when_there_are_enough_sections() -> None:
    text = "# X\n\n## A\n\nA.\n\n## B\n\nB.\n\n## C\n\nC.\n"
    found = toc(text)
    assert where(found) == [(3, 1, "toc")]
    assert found[0].message.startswith("Add a table of contents: a '## Contents' section before 'A'")
    assert toc(text, min_sections=0) == []
    assert toc("# X\n\n## A\n\nA.\n") == []


def test_fix_regenerates_the_list_keeping_style_and_surrounding_blocks() -> None:
    text = """# X

## Table of Contents

<details>
<summary>Expand</summary>

* [Tools](#tool) - the tools.
* [Misc](#misc)
    * [Sub B](#sub-b)

</details>

## Tools

T.

## Misc

### Sub A

A.

### Sub B

B.

## New

N.
"""
    result = fixed(text, "toc")
    assert result.text == text.replace(
        "* [Tools](#tool) - the tools.\n* [Misc](#misc)\n    * [Sub B](#sub-b)\n",
        "* [Tools](#tools) - the tools.\n* [Misc](#misc)\n    * [Sub A](#sub-a)\n    * [Sub B](#sub-b)\n* [New](#new)\n",
    )
    assert lint(result.text, "toc") == []
    assert fixed(result.text, "toc").text == result.text


def test_fix_with_tabs_crlf_and_setext_headings() -> None:
    text = (
        "Awesome X\r\n=========\r\n\r\nContents\r\n--------\r\n\r\n- [Beta](#beta)\r\n\t- [One](#one)\r\n\r\n"
        "Alpha\r\n-----\r\n\r\nA.\r\n\r\nBeta\r\n----\r\n\r\n### One\r\n\r\nO.\r\n\r\n### Two\r\n\r\nT.\r\n"
    )
    result = fixed(text, "toc")
    assert result.text == text.replace(
        "- [Beta](#beta)\r\n\t- [One](#one)\r\n",
        "- [Alpha](#alpha)\r\n- [Beta](#beta)\r\n\t- [One](#one)\r\n\t- [Two](#two)\r\n",
    )
    assert lint(result.text, "toc") == []


def test_fix_writes_heading_text_with_code_spans_and_special_characters() -> None:
    text = "# X\n\n## Contents\n\n- [A](#a)\n\n## A\n\nA.\n\n## `go` [tools]\n\nT.\n\n## C++ & *Rust*\n\nR.\n"
    result = fixed(text, "toc")
    assert result.text == text.replace(
        "- [A](#a)\n", "- [A](#a)\n- [go \\[tools\\]](#go-tools)\n- [C++ & Rust](#c--rust)\n"
    )
    assert lint(result.text, "toc") == []


def test_toc_listing_the_title_is_flattened_like_awesome_go() -> None:
    text = "# Awesome Go\n\n## Contents\n\n- [Awesome Go](#awesome-go)\n  - [Contents](#contents)\n  - [Actors](#actors)\n\n## Actors\n\nA.\n"
    found = toc(text)
    assert [d.message for d in found] == [
        "Don't list 'Awesome Go' in the table of contents: list the sections under it at the top level",
        "Remove ToC item 'Contents': the table of contents does not list itself",
    ]
    assert fixed(text, "toc").text == text.replace(
        "- [Awesome Go](#awesome-go)\n  - [Contents](#contents)\n  - [Actors](#actors)\n", "- [Actors](#actors)\n"
    )


@pytest.mark.parametrize("path", corpus_files(), ids=lambda path: path.name)
def test_fix_on_corpus_settles_keeps_other_bytes_and_lints_clean(path: Path) -> None:
    text = path.read_bytes().decode("utf-8-sig")
    config = config_for("toc")
    before = lint_text(str(path), text, config)
    result = fix_text(str(path), text, config)
    assert fix_text(str(path), result.text, config).text == result.text
    assert [d for d in lint_text(str(path), result.text, config) if d.fix is not None] == []
    fixes = {d.fix for d in before if d.fix is not None}
    if result.changed:
        (fix,) = fixes
        (edit,) = fix.edits
        tail = len(text) - edit.end
        assert result.text[: edit.start] == text[: edit.start]
        assert result.text[len(result.text) - tail :] == text[edit.end :]


@pytest.mark.parametrize(
    "broken",
    [
        GOOD.replace("(#debugging--profiling)", "(#debugging-profiling)"),
        GOOD.replace("- [Tools](#tools)\n", ""),
        GOOD.replace("  - [Audio & Video](#audio--video)\n", ""),
        GOOD.replace("- [Misc](#misc)\n", "- [Gone](#gone)\n- [Misc](#misc)\n"),
        GOOD.replace("- [Misc](#misc)\n", "- [Misc](#misc)\n- [Misc](#misc)\n"),
        GOOD.replace("[Tools](#tools)", "[Tool](#tool)"),
    ],
)
def test_fix_restores_the_correct_toc(broken: str) -> None:
    assert lint(broken, "toc") != []
    assert fixed(broken, "toc").text == GOOD


def test_no_fix_when_the_list_holds_an_external_link() -> None:
    text = GOOD.replace("- [🚀 Launch](#-launch)\n", "- [🚀 Launch](#-launch)\n- [Website](https://x.io)\n")
    found = toc(text)
    assert [d.message for d in found] == [
        "Link ToC item 'Website' to a section of this list ('#anchor'), not 'https://x.io'"
    ]
    assert found[0].fix is None
