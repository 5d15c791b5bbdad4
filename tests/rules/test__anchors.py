from awesome_lint.document.build import build_document
import pytest

from awesome_lint.rules._anchors import (
    Slugger,
    anchor_map,
    find_toc,
    find_toc_heading,
    github_slug,
    heading_anchors,
    heading_parents,
    heading_text,
    normalize_title,
    section_key,
)


def test_slug_lowercases_and_turns_spaces_into_dashes() -> None:
    assert github_slug("Command Line") == "command-line"


def test_slug_removes_punctuation_but_keeps_dash_and_underscore() -> None:
    assert github_slug("Debugging / Profiling") == "debugging--profiling"
    assert github_slug("Audio & Video Processing") == "audio--video-processing"
    assert github_slug("Node.js management") == "nodejs-management"
    assert github_slug("Generative Pre-Training Transformer (GPT)") == "generative-pre-training-transformer-gpt"
    assert github_slug("snake_case tools") == "snake_case-tools"
    assert github_slug("C++") == "c"


def test_slug_drops_emoji_and_keeps_the_space_around_them() -> None:
    assert github_slug("🚀 Rocket Tools") == "-rocket-tools"
    assert github_slug("Tools 🔧") == "tools-"
    # U+FE0F (emoji presentation selector) is a mark: GitHub and github-slugger keep it.
    assert github_slug("❤️ Sponsors") == "\ufe0f-sponsors"
    assert github_slug("I ♥ unicode") == "i--unicode"


def test_slug_keeps_non_ascii_letters_and_digits() -> None:
    assert github_slug("Café Überall") == "café-überall"
    assert github_slug("中文 资源") == "中文-资源"
    assert github_slug("Web 3.0") == "web-30"


def test_slugger_numbers_repeated_anchors_in_order() -> None:
    slugger = Slugger()
    assert [slugger.slug(text) for text in ["Tools", "Tools", "Tools", "Tools 1"]] == [
        "tools",
        "tools-1",
        "tools-2",
        "tools-1-1",
    ]


def test_heading_text_drops_markup_badges_and_decodes_entities() -> None:
    document = build_document(
        "t.md",
        "# Awesome X [![Awesome](https://awesome.re/badge.svg)](https://awesome.re)\n"
        "## `go` **Tools** &amp; [Docs](https://example.com)\n",
    )
    title, tools = document.headings
    assert heading_text(title) == "Awesome X "
    assert heading_text(tools) == "go Tools & Docs"


def test_heading_anchors_cover_every_heading_with_setext_and_duplicates() -> None:
    document = build_document("t.md", "Title\n=====\n\n## Misc\n\nText\n\n### Misc\n\n## Emoji 🎉\n")
    assert heading_anchors(document) == ["title", "misc", "misc-1", "emoji-"]


def test_heading_anchor_of_a_title_with_a_trailing_badge_keeps_the_trailing_dash() -> None:
    document = build_document("t.md", "# Awesome Go [![Awesome](https://awesome.re/badge.svg)](https://awesome.re)\n")
    assert heading_anchors(document) == ["awesome-go-"]


def test_normalize_title_and_section_key() -> None:
    assert normalize_title("  **Table  of Contents** 📑 ") == "table of contents"
    assert section_key("Contribute") == "contributing"
    assert section_key("Licence") == "license"
    assert section_key("List of Licenses") == "list of licenses"


def test_find_toc_heading_matches_configured_titles_case_insensitively() -> None:
    document = build_document("t.md", "# A\n\n## Table of contents\n\n## Contents\n")
    toc = find_toc_heading(document, ("Contents", "Table of Contents"))
    assert toc is not None and toc.text == "Table of contents"
    assert find_toc_heading(document, ("Index",)) is None


# Real headings from published lists and the anchor GitHub generates for each (the id of the
# rendered heading): a trailing badge or emoji leaves its space, hence a trailing '-'.
REAL_HEADINGS = [
    ("# Awesome C++ [![Awesome](https://awesome.re/badge.svg)](https://awesome.re) "
     "[![Track Awesome List](https://www.trackawesomelist.com/badge.svg)](https://www.trackawesomelist.com/fffaraz/awesome-cpp/)",
     "awesome-c--"),
    ("# Awesome JavaScript [![Awesome](https://cdn.rawgit.com/sindresorhus/awesome/d7305f38d29fed78fa85652e3a63e154dd8e8829/media/badge.svg)]"
     "(https://github.com/sorrycc/awesome-javascript/)", "awesome-javascript-"),
    ("# Awesome .NET!", "awesome-net"),
    ("## 🔥 Premium Resources | Follow", "-premium-resources--follow"),
    ("## Data Structures / Algorithms", "data-structures--algorithms"),
    ("## Archiving and Digital Preservation (DP)", "archiving-and-digital-preservation-dp"),
    ("## Communication - Custom Communication Systems", "communication---custom-communication-systems"),
    ("## Video/Audio", "videoaudio"),
    ("## E-Books", "e-books"),
    ("### [BERTology](https://huggingface.co/transformers/bertology.html)", "bertology"),
    ("## **Sponsors**", "sponsors"),
    ("## Tools 🔧", "tools-"),
]


@pytest.mark.parametrize(("markdown", "anchor"), REAL_HEADINGS, ids=[anchor for _, anchor in REAL_HEADINGS])
def test_anchor_of_real_headings(markdown: str, anchor: str) -> None:
    assert heading_anchors(build_document("t.md", markdown + "\n")) == [anchor]


def test_heading_parents_follow_levels_across_h1_parts_and_skipped_levels() -> None:
    document = build_document("t.md", "# Title\n\n## A\n\n#### Deep\n\n# Part\n\n### B\n\n## C\n")
    title, a, _, part, _, _ = document.headings
    parents = heading_parents(document)
    assert [parents.get(id(heading)) for heading in document.headings] == [None, title, a, None, part, part]


@pytest.mark.parametrize(
    ("markdown", "heading", "titled", "lines"),
    [
        ("# X\n\n## Contents\n\n- [A](#a)\n\n## A\n", "Contents", True, [5]),
        ("# X\n\n## Contents\n\n### All\n\n- [A](#a)\n\n## A\n", "Contents", True, [7]),
        ("# X\n\n## Categories\n\n**One**\n\n- [A](#a)\n- [B](#b)\n\n**Two**\n\n- [C](#c)\n\n## A\n\n## B\n\n## C\n", "Categories", False, [7, 12]),
        ("# X\n\n- [X](#x)\n  - [A](#a)\n  - [B](#b)\n  - [C](#c)\n\n## A\n\n## B\n\n## C\n", "X", False, [3]),
    ],
    ids=["contents", "under-a-sub-heading", "categories-and-bold-labels", "under-the-title"],
)
def test_find_toc_shapes(markdown: str, heading: str, titled: bool, lines: list[int]) -> None:
    document = build_document("t.md", markdown)
    found = find_toc(document, ("Contents",), anchor_map(document))
    assert found is not None and found.heading is not None
    assert (found.heading.text, found.titled) == (heading, titled)
    assert [document.line_of(entry_list.start) for entry_list in found.lists] == lines


def test_find_toc_ignores_a_short_list_of_in_page_links() -> None:
    document = build_document("t.md", "# X\n\n- [A](#a)\n- [Elsewhere](https://x.io)\n\n## A\n\n## B\n")
    assert find_toc(document, ("Contents",), anchor_map(document)) is None
