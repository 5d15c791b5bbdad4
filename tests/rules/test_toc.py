import difflib
import time
from pathlib import Path
from typing import Callable

import pytest

from awesome_lint.document.build import build_document
from awesome_lint.fix import fix_text
from awesome_lint.linter import lint_document, lint_text
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
    assert found[0].fix is None  # no heading to point it at, and removing it is the maintainer's call


def test_out_of_order_item_fires_once() -> None:
    text = GOOD.replace("- [Tools](#tools)\n", "").replace("- [🚀 Launch](#-launch)\n", "- [🚀 Launch](#-launch)\n- [Tools](#tools)\n")
    found = toc(text)
    assert where(found) == [(11, 1, "toc")]
    assert found[0].message == "Move ToC item 'Tools' first: the table of contents follows the order of the headings"


def test_duplicate_item_fires_without_a_fix() -> None:
    found = toc(GOOD.replace("- [🚀 Launch](#-launch)\n", "- [🚀 Launch](#-launch)\n- [Tools](#tools)\n"))
    assert where(found) == [(12, 1, "toc")]
    assert [d.message for d in found] == ["Remove the duplicate ToC item 'Tools': it is already listed (line 5)"]
    assert found[0].fix is None  # removing it would drop a link to a real heading


def test_tail_sections_are_optional_but_checked_when_listed() -> None:
    listed = GOOD.replace("- [🚀 Launch](#-launch)\n", "- [🚀 Launch](#-launch)\n- [Contributing](#contributing)\n")
    assert toc(listed) == []
    assert where(toc(GOOD, exempt_tail_sections=False)) == [(11, 1, "toc")]


def test_toc_listing_the_title_itself_and_h1_parts_is_fine() -> None:
    # awesome-go: the title's item holds the sections, the ToC lists itself, parts are H1.
    text = """# Awesome Go

## Contents

- [Awesome Go](#awesome-go)
  - [Contents](#contents)
  - [Actors](#actors)
    - [Models](#models)
      - [Deep](#deep)
- [Resources](#resources)
  - [Books](#books)

## Actors

### Models

#### Deep

D.

# Resources

## Books

B.
"""
    assert toc(text) == []
    assert fixed(text, "toc").text == text


H1_PARTS = """# Awesome Selfhosted

## Table of contents

- [Analytics](#analytics)
- [Backup](#backup)
- [Wikis](#wikis)
- [Books](#books)

# Software

### Analytics

A.

### Backup

B.

### Wikis

W.

# Resources

### Books

B.
"""


def test_toc_of_h3_sections_under_h1_parts_is_fine_and_its_fix_keeps_every_line() -> None:
    # issue 8: "--fix removed all 84 lines of its contents list" on this shape.
    assert toc(H1_PARTS) == []
    assert fixed(H1_PARTS, "toc").text == H1_PARTS
    missing = H1_PARTS.replace("- [Backup](#backup)\n", "")
    assert [d.message for d in toc(missing)] == [
        "Add 'Backup' (line 15) to the table of contents: '- [Backup](#backup)'"
    ]
    assert fixed(missing, "toc").text == H1_PARTS


def test_part_that_the_toc_does_not_mirror_is_not_required() -> None:
    # awesome-python: the ToC lists the projects' categories, not the H3s under '## Resources'.
    text = """# Awesome Python

## Contents

- [Web](#web)
- [Data](#data)

## Projects

### Web

W.

### Data

D.

## Resources

### Podcasts

P.
"""
    assert toc(text) == []
    assert [d.message for d in toc(text.replace("- [Data](#data)\n", ""))] == [
        "Add 'Data' (line 13) to the table of contents: '- [Data](#data)'"
    ]


def test_sub_section_listed_at_the_top_level_does_not_require_its_siblings() -> None:
    # awesome-flutter lists the H3 'Navigation' among its sections, not its sibling H3s.
    text = "# X\n\n## Contents\n\n- [UI](#ui)\n- [Navigation](#navigation)\n\n## UI\n\n### Charts\n\nC.\n\n### Navigation\n\nN.\n"
    assert toc(text) == []


def test_nested_sub_section_requires_its_siblings_and_is_added_after_them() -> None:
    text = GOOD.replace("  - [Audio & Video](#audio--video)\n", "")
    assert fixed(text, "toc").text == GOOD


def test_sub_section_of_a_section_without_sub_list_is_added_in_a_new_sub_list() -> None:
    text = GOOD.replace("  - [Misc](#misc-1)\n", "")
    found = toc(text)
    assert [d.message for d in found] == [
        "Add 'Misc' (line 28) to the table of contents under 'Misc': '- [Misc](#misc-1)'"
    ]
    assert fixed(text, "toc").text == GOOD


@pytest.mark.parametrize(
    ("subsections", "expected"),
    [
        ("auto", []),
        ("always", ["Add 'Sub' (line 10) to the table of contents under 'A': '- [Sub](#sub)'"]),
        ("never", []),
    ],
)
def test_subsections_setting(subsections: str, expected: list[str]) -> None:
    text = "# X\n\n## Contents\n\n- [A](#a)\n- [B](#b)\n\n## A\n\n### Sub\n\nS.\n\n## B\n\nB.\n"
    assert [d.message for d in toc(text, subsections=subsections)] == expected


def test_never_setting_does_not_require_siblings_of_a_listed_sub_section() -> None:
    assert toc(GOOD.replace("  - [Audio & Video](#audio--video)\n", ""), subsections="never") == []


def test_missing_toc_fires_when_there_are_enough_sections() -> None:
    text = "# X\n\n## A\n\nA.\n\n## B\n\nB.\n\n## C\n\nC.\n"
    found = toc(text)
    assert where(found) == [(3, 1, "toc")]
    assert found[0].message.startswith("Add a table of contents: a '## Contents' section before 'A'")
    assert toc(text, min_sections=0) == []
    assert toc("# X\n\n## A\n\nA.\n") == []


def test_contents_list_under_the_title_is_checked_and_asked_for_a_heading() -> None:
    # awesome-cpp, awesome-react: no Contents heading, the list sits right under the title.
    text = "# Awesome X\n\n- [A](#a)\n- [C](#c)\n- [B](#b)\n\n## A\n\nA.\n\n## B\n\nB.\n\n## C\n\nC.\n"
    found = toc(text)
    assert where(found) == [(3, 1, "toc"), (4, 1, "toc")]
    assert [d.message for d in found] == [
        "Put this table of contents under a '## Contents' heading",
        "Move ToC item 'C' after 'B': the table of contents follows the order of the headings",
    ]
    assert found[0].fix is None


def test_contents_list_under_another_heading_and_bold_labels() -> None:
    # awesome-python: '## Categories', several lists under bold labels.
    text = """# Awesome X

## Categories

**Web**

- [A](#a)
- [B](#b)

**Data**

- [C](#c)
- [Datasets](#dd)

## A

A.

## B

B.

## C

C.

## D

D.
"""
    found = toc(text)
    assert [d.message for d in found] == [
        "Title this table of contents 'Contents', not 'Categories' (or add 'Categories' to the toc-titles setting)",
        "ToC item 'Datasets' links to '#dd', which is no heading's anchor: the unlisted heading at its place is 'D' "
        "(line 27), '#d'",
    ]
    assert where(found) == [(7, 1, "toc"), (13, 1, "toc")]


def test_contents_list_under_a_sub_heading_of_contents() -> None:
    text = "# X\n\n## Contents\n\n### Sections\n\n- [A](#a)\n- [C](#cc)\n\n## A\n\nA.\n\n## C\n\nC.\n"
    found = toc(text)
    assert [d.message for d in found] == [
        "Fix the anchor of ToC item 'C': GitHub's anchor for its heading (line 14) is '#c', not '#cc'"
    ]
    assert fixed(text, "toc").text == text.replace("(#cc)", "(#c)")


def test_a_list_of_a_few_in_page_links_is_not_a_table_of_contents() -> None:
    text = "# X\n\n- [A](#a)\n- [B](#b)\n\n## A\n\nA.\n\n## B\n\nB.\n"
    assert toc(text) == []


def test_external_links_html_anchors_and_group_labels_in_the_toc_are_left_alone() -> None:
    # awesome-shell links other lists from its ToC; awesome-javascript groups items under a label.
    text = GOOD.replace(
        "- [🚀 Launch](#-launch)\n",
        "- [🚀 Launch](#-launch)\n- Group\n  - [Old anchor](#old)\n- [Awesome Zsh](https://github.com/x/awesome-zsh)\n",
    ).replace("## Tools\n", '<a name="old"></a>\n\n## Tools\n')
    assert toc(text) == []


def test_text_with_an_icon_is_reported_without_a_fix() -> None:
    text = GOOD.replace("[Tools](#tools)", "[![icon](https://x.io/i.svg) Tooling](#tools)")
    (found,) = toc(text)
    assert found.message == "Write ToC item 'Tooling' as its heading: 'Tools' (line 13)"
    assert found.fix is None


def test_text_differing_only_in_case_emoji_or_punctuation_is_fine() -> None:
    text = GOOD.replace("[🚀 Launch](#-launch)", "[launch](#-launch)").replace(
        "[Debugging / Profiling]", "[Debugging, profiling]"
    )
    assert toc(text) == []


def test_broken_link_is_pointed_at_the_only_unlisted_heading_at_its_place_as_an_unsafe_fix() -> None:
    text = GOOD.replace("[Tools](#tools)", "[Tooling](#tooling)")
    (found,) = toc(text)
    assert found.message == (
        "ToC item 'Tooling' links to '#tooling', which is no heading's anchor: the unlisted heading at its "
        "place is 'Tools' (line 13), '#tools'"
    )
    assert fixed(text, "toc").text == text
    assert fixed(text, "toc", unsafe=True).text == GOOD


def test_broken_link_matched_by_its_compacted_anchor_gets_a_safe_fix() -> None:
    # awesome-ios: '[Progress View](#progress-view)' for the heading 'ProgressView'.
    text = "# X\n\n## Contents\n\n- [Progress View](#progress-view)\n\n## ProgressView\n\nP.\n"
    assert [d.message for d in toc(text)] == [
        "Fix the anchor of ToC item 'Progress View': GitHub's anchor for its heading (line 7) is "
        "'#progressview', not '#progress-view'"
    ]
    assert fixed(text, "toc").text == text.replace("[Progress View](#progress-view)", "[ProgressView](#progressview)")


def test_title_anchor_with_the_trailing_dash_of_its_badge() -> None:
    # awesome-javascript links '#awesome-javascript'; GitHub's anchor is '#awesome-javascript-'.
    text = "# Awesome JS [![Awesome](https://awesome.re/badge.svg)](https://awesome.re)\n\n## Contents\n\n" \
        "- [Awesome JS](#awesome-js)\n  - [A](#a)\n\n## A\n\nA.\n"
    assert fixed(text, "toc").text == text.replace("(#awesome-js)", "(#awesome-js-)")


TWO_SECTIONS = "\n## Apps\n\nA.\n\n## Libraries\n\nL.\n"


@pytest.mark.parametrize(
    ("toc_lines", "body", "expected"),
    [
        # issue 12: a lazy paragraph right under the ToC keeps its sentence and its link.
        (
            "- [Libs](#libraries)\nSee also [Awesome Other](https://other.example).\n",
            TWO_SECTIONS,
            "- [Apps](#apps)\n- [Libraries](#libraries)\nSee also [Awesome Other](https://other.example).\n",
        ),
        # continuation lines and a second paragraph inside an item stay.
        (
            "- [Libraries](#libraries)\n  all the libraries,\n  by language.\n\n  A second paragraph.\n",
            TWO_SECTIONS,
            "- [Apps](#apps)\n- [Libraries](#libraries)\n  all the libraries,\n  by language.\n\n  A second paragraph.\n",
        ),
        # a loose ToC stays loose, at the start, in the middle and at the end.
        (
            "- [Libraries](#libraries)\n\n- [Tools](#tools)\n",
            TWO_SECTIONS + "\n## Tools\n\nT.\n\n## Zoo\n\nZ.\n",
            "- [Apps](#apps)\n\n- [Libraries](#libraries)\n\n- [Tools](#tools)\n\n- [Zoo](#zoo)\n",
        ),
    ],
)
def test_fix_keeps_text_around_the_items(toc_lines: str, body: str, expected: str) -> None:
    text = "# X\n\n## Contents\n\n" + toc_lines + body
    result = fixed(text, "toc")
    assert result.text == "# X\n\n## Contents\n\n" + expected + body
    assert lint(result.text, "toc") == []


def test_reorder_moves_whole_items_with_their_sub_lists() -> None:
    text = GOOD.replace("- [Tools](#tools)\n", "").replace("- [🚀 Launch](#-launch)\n", "- [🚀 Launch](#-launch)\n- [Tools](#tools)\n")
    assert fixed(text, "toc").text == GOOD


def test_no_reorder_fix_when_an_item_spans_several_lines() -> None:
    text = GOOD.replace("- [Tools](#tools)\n", "").replace(
        "- [🚀 Launch](#-launch)\n", "- [🚀 Launch](#-launch)\n  launches.\n- [Tools](#tools)\n"
    )
    (found,) = toc(text)
    assert found.message == "Move ToC item 'Tools' first: the table of contents follows the order of the headings"
    assert found.fix is None


SPELLING = "# X\n\n## Contents\n\n- [OSX tools](#osx-tools)\n- [B](#b)\n\n## `OSX` tools\n\nO.\n\n## B\n\nB.\n"


def test_toc_writes_back_the_heading_text_and_then_settles() -> None:
    changed = SPELLING.replace("[OSX tools]", "[macOS tools]")
    (found,) = toc(changed)
    assert found.message == "Write ToC item 'macOS tools' as its heading: 'OSX tools' (line 8)"
    result = fixed(changed, "toc")
    assert result.text == SPELLING
    assert fixed(result.text, "toc").passes == 0


def test_toc_and_spell_check_settle_when_the_heading_word_is_in_a_code_span() -> None:
    # issue 12 item 6: spell-check "fixed" the item but not the heading (code span), toc wrote the
    # heading's text back, and --fix never settled.
    result = fix_text("test.md", SPELLING, config_for("toc", "spell-check"))
    assert result.text == SPELLING


def test_fix_keeps_style_details_block_and_descriptions() -> None:
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


@pytest.mark.parametrize(
    "broken",
    [
        GOOD.replace("(#debugging--profiling)", "(#debugging-profiling)"),
        GOOD.replace("- [Tools](#tools)\n", ""),
        GOOD.replace("  - [Audio & Video](#audio--video)\n", ""),
        GOOD.replace("[Tools](#tools)", "[Tool](#tools)"),
        GOOD.replace("- [Tools](#tools)\n", "").replace("- [Misc](#misc)\n", "- [Tools](#tools)\n- [Misc](#misc)\n"),
    ],
)
def test_fix_restores_the_correct_toc(broken: str) -> None:
    assert lint(broken, "toc") != []
    assert fixed(broken, "toc").text == GOOD


@pytest.mark.parametrize("path", corpus_files(), ids=lambda path: path.name)
def test_fix_on_corpus_settles_and_only_touches_the_toc(path: Path) -> None:
    text = path.read_bytes().decode("utf-8-sig")
    config = config_for("toc")
    result = fix_text(str(path), text, config)
    assert fix_text(str(path), result.text, config).text == result.text
    assert [d for d in lint_text(str(path), result.text, config) if d.fix is not None and d.fix.applicability == "safe"] == []
    changed = difflib.ndiff(text.splitlines(), result.text.splitlines())
    edited = [line[2:] for line in changed if line.startswith(("- ", "+ "))]
    assert all(line.lstrip().startswith(("- [", "* [", "+ [")) for line in edited), edited


@pytest.mark.parametrize(
    "toc_lines",
    [
        lambda n: "".join(f"- [Q{i}](#q{i})\n" for i in range(n)),  # every item broken
        lambda n: "- [S0](#s0)\n  - [T0](#t0)\n",  # every other section missing
        lambda n: "".join(f"- [S{i}](#s{i})\n" for i in reversed(range(n))),  # every item out of order
    ],
    ids=["broken", "missing", "reversed"],
)
def test_time_grows_linearly_with_the_toc(toc_lines: Callable[[int], str]) -> None:
    # Each of these took 11 to 46 s for 1,000 to 2,000 sections when every item was compared
    # with every heading; linear, they take a fraction of a second.
    n = 3000
    text = "# X\n\n## Contents\n\n" + toc_lines(n) + "\n" + "".join(f"## S{i}\n\n### T{i}\n\n" for i in range(n))
    document = build_document("test.md", text)
    started = time.process_time()
    found = lint_document(document, config_for("toc"))
    assert len(found) >= n - 1
    assert time.process_time() - started < 5
