"""The position layer: exact spans on hand-written edge cases, and invariants on real and generated lists."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from mistune.helpers import unescape_char
from mistune.util import escape_url

from awesome_lint.diagnostics import FatalError
from awesome_lint.document import Document, build_document, decode_markdown, load_document
from helpers import corpus_files

_MARKER = re.compile(r"[-*+]|\d{1,9}[.)]")


def entry_rows(document: Document) -> list[tuple]:
    """(line, column, marker, link text, url, separator, description, end line) per entry."""
    rows = []
    for entry in document.entries():
        link = entry.link
        rows.append(
            (
                *document.position(entry.start),
                entry.marker,
                link.text if link else None,
                link.url if link else None,
                entry.separator,
                entry.description,
                document.position(entry.end).line,
            )
        )
    return rows


def assert_invariants(document: Document) -> None:
    text = document.text
    for entry in document.entries():
        assert _MARKER.fullmatch(entry.marker), entry
        assert text[entry.start : entry.start + len(entry.marker)] == entry.marker
        assert entry.start <= entry.text_end <= entry.end <= len(text)
        line_start = text.rfind("\n", 0, entry.start) + 1
        assert text[line_start : entry.start] == entry.indent
        assert entry.indent.strip() == ""
        for link in entry.links:
            assert entry.start < link.start < link.end <= entry.end
        if entry.description is not None:
            assert text[entry.description_start : entry.description_end] == entry.description
        for sub in entry.sublists:
            for child in sub.items:
                assert entry.start < child.start and child.end <= entry.end
    for entry_list in document.all_lists():
        for before, after in zip(entry_list.items, entry_list.items[1:]):
            assert before.end <= after.start
    for link in document.links:
        opener = text[link.start : link.start + 2]
        assert opener.startswith("[") or opener == "![" or opener.startswith("<"), (opener, link)
        assert text[link.end - 1] in ")]>", (text[link.start : link.end], link)
        if link.url_start is not None:
            written = text[link.url_start : link.url_end]
            assert written == link.url
            assert escape_url(unescape_char(written)) == link.resolved_url
    for heading in document.headings:
        assert heading.start <= heading.text_start <= heading.text_end <= heading.end
        assert text[heading.text_start : heading.text_end] == heading.raw
    assert document.broken_spans == []


# -- exact positions -------------------------------------------------------------------------


def test_nested_entries_with_two_space_and_tab_indentation() -> None:
    document = build_document(
        "t.md",
        "# T\n\n- [A](http://a) - Desc a.\n  - [Sub](http://s) - sub.\n\t- [Tab](http://t) - tab\n"
        "- [B](<http://b c>) – en dash\n",
    )
    assert entry_rows(document) == [
        (3, 1, "-", "A", "http://a", " - ", "Desc a.", 5),
        (4, 3, "-", "Sub", "http://s", " - ", "sub.", 5),
        (5, 2, "-", "Tab", "http://t", " - ", "tab", 5),
        (6, 1, "-", "B", "http://b c", " – ", "en dash", 6),
    ]
    a, sub, tab, b = document.entries()
    assert sub.parent is a.sublists[0] and tab.parent is sub.sublists[0]
    assert b.link is not None and document.position(b.link.url_start) == (6, 8)  # inside <...>


def test_deep_tab_indentation_maps_markers_through_every_level() -> None:
    # Each level's leading tab expands to more columns than it has characters.
    text = "- [a](https://a.example) -\n\t- [b](https://b.example) -\n\t\t- [c](https://c.example) -\n\t\t\t- [d](https://d.example) -\n"
    document = build_document("t.md", text)
    assert [(*document.position(e.start), e.indent, e.link.text if e.link else None) for e in document.entries()] == [
        (1, 1, "", "a"),
        (2, 2, "\t", "b"),
        (3, 3, "\t\t", "c"),
        (4, 4, "\t\t\t", "d"),
    ]
    assert_invariants(document)


def test_crlf_offsets_index_the_original_text() -> None:
    text = "# T\r\n\r\n- [A](http://a) - Desc a.\r\n    - [Sub](http://s) - sub.\r\n* [B](http://b)\r\n"
    document = build_document("t.md", text)
    assert document.newline == "\r\n"
    assert entry_rows(document) == [
        (3, 1, "-", "A", "http://a", " - ", "Desc a.", 4),
        (4, 5, "-", "Sub", "http://s", " - ", "sub.", 4),
        (5, 1, "*", "B", "http://b", "", None, 5),
    ]
    sub = list(document.entries())[1]
    assert text[sub.start : sub.end] == "- [Sub](http://s) - sub."
    assert [len(lst.items) for lst in document.lists] == [1, 1]  # '*' after '-' starts a new list
    assert_invariants(document)


def test_setext_heading_numbered_list_reference_link_and_continuation() -> None:
    document = build_document(
        "t.md", "Title\n=====\n\n1. [One](http://1) - x\n   continued\n2. [Two][ref] - y\n\n[ref]: http://two\n"
    )
    assert entry_rows(document) == [
        (4, 1, "1.", "One", "http://1", " - ", "x\n   continued", 5),
        (6, 1, "2.", "Two", "http://two", " - ", "y", 6),
    ]
    title = document.title
    assert title is not None and (title.text, title.style, document.position(title.start)) == ("Title", "setext", (1, 1))
    two = list(document.entries())[1].link
    assert two is not None and two.reference == "ref" and two.url_start is None
    assert [(d.label, d.url, document.position(d.start)) for d in document.definitions] == [("ref", "http://two", (8, 1))]


def test_bare_marker_badge_before_link_and_comment_between_items() -> None:
    document = build_document(
        "t.md",
        "# T\n\n-\n  [Bare](http://bare) - after bare marker\n"
        "- ![img](http://i.png) [Badge first](http://b) - d\n<!--lint ignore-->\n- [C](http://c) - c\n",
    )
    assert entry_rows(document) == [
        (3, 1, "-", "Bare", "http://bare", " - ", "after bare marker", 4),
        (5, 1, "-", "Badge first", "http://b", " - ", "d", 5),
        (7, 1, "-", "C", "http://c", " - ", "c", 7),
    ]
    assert all(entry.link_first for entry in document.entries())
    assert [(b.kind, document.position(b.start).line) for b in document.blocks] == [
        ("list", 3),
        ("html", 6),
        ("list", 7),
    ]


def test_badge_links_and_images_are_not_names() -> None:
    document = build_document(
        "t.md",
        "# Awesome X [![Awesome](https://awesome.re/badge.svg)](https://awesome.re)\n\n"
        "- [![Build](https://ci.example/badge.svg)](https://ci.example) [Name](https://x.example) - Desc.\n"
        "- [![logo](https://l.example/l.png) Tool](https://t.example) - Desc.\n",
    )
    assert [h.text for h in document.headings] == ["Awesome X"]
    badge_first, logo = document.entries()
    assert badge_first.link is not None and (badge_first.link.plain_text, badge_first.link_first) == ("Name", True)
    assert badge_first.description == "Desc."
    assert logo.link is not None and logo.link.plain_text == "Tool"


def test_text_before_link_is_not_link_first() -> None:
    document = build_document("t.md", "- See [X](http://x) - y.\n- [Y](http://y)\n")
    first, second = document.entries()
    assert (first.link_first, first.link.text if first.link else None, first.description) == (False, "X", None)
    assert (second.link_first, second.separator, second.description) == (True, "", None)


def test_details_block_and_block_quote() -> None:
    document = build_document(
        "t.md",
        "# T\n\n> - [Q](http://q) - quoted\n\n<details>\n<summary>More</summary>\n\n- [D](http://d) - in details\n\n</details>\n",
    )
    # Lists inside block quotes are quotations, not entries; lists inside <details> are entries.
    assert entry_rows(document) == [(8, 1, "-", "D", "http://d", " - ", "in details", 8)]
    assert [link.url for link in document.links] == ["http://q", "http://d"]


def test_links_in_quoted_headings_are_links() -> None:
    document = build_document("t.md", "# T\n\n> ## [Q](https://q.example)\n> text [P](https://p.example)\n")
    assert [(link.url, *document.position(link.start)) for link in document.links] == [
        ("https://q.example", 3, 6),
        ("https://p.example", 4, 8),
    ]
    assert_invariants(document)


def test_sections_follow_heading_levels() -> None:
    document = build_document(
        "t.md", "# Awesome X\n\nIntro.\n\n## Contents\n\n- [A](#a)\n\n## A\n\n### A1\n\n- [x](http://x) - X.\n\n## B\n"
    )
    tree = [(s.level, s.title, [c.title for c in s.children]) for s in document.sections()]
    assert tree == [
        (1, "Awesome X", ["Contents", "A", "B"]),
        (2, "Contents", []),
        (2, "A", ["A1"]),
        (3, "A1", []),
        (2, "B", []),
    ]
    a1 = document.find_section("a1")
    assert a1 is not None and [len(lst.items) for lst in a1.lists] == [1]
    assert document.text[a1.start : a1.end] == "### A1\n\n- [x](http://x) - X.\n\n"


def test_heading_text_and_links() -> None:
    document = build_document("t.md", "## [Go](https://go.dev) `tools` & more ##\n")
    (heading,) = document.headings
    assert (heading.text, heading.raw) == ("Go tools & more", "[Go](https://go.dev) `tools` & more")
    assert [link.url for link in heading.links] == ["https://go.dev"]
    assert document.position(heading.text_start) == (1, 4)


def test_decode_reports_bom_and_bad_bytes() -> None:
    assert decode_markdown("x.md", b"\xef\xbb\xbf# T\n") == ("# T\n", True)
    with pytest.raises(FatalError, match=r"^x\.md:2:3: not valid UTF-8 \(byte 0xff at offset 6\)$"):
        decode_markdown("x.md", b"# T\nab\xff\n")
    with pytest.raises(FatalError, match=r"^x\.md: not a text file"):
        decode_markdown("x.md", b"\x89PNG\x00\x00")


def test_bom_makes_no_difference_to_positions(tmp_path) -> None:
    path = tmp_path / "README.md"
    path.write_bytes(b"\xef\xbb\xbf# Awesome\n\n- [A](http://a) - A.\n")
    document = load_document(str(path))
    assert document.bom and document.title is not None
    assert entry_rows(document) == [(3, 1, "-", "A", "http://a", " - ", "A.", 3)]


def test_empty_and_whitespace_documents() -> None:
    for text in ("", "\n", "   \n\n", "\r\n"):
        document = build_document("t.md", text)
        assert list(document.entries()) == [] and document.headings == []


# -- invariants on real lists ----------------------------------------------------------------


@pytest.mark.parametrize("path", corpus_files(), ids=lambda p: p.name)
def test_corpus_invariants(path) -> None:
    document = load_document(str(path))
    assert_invariants(document)
    assert sum(1 for _ in document.entries()) > 0 or path.name == "SOURCES.md"


@pytest.mark.parametrize("path", corpus_files(), ids=lambda p: p.name)
def test_corpus_invariants_with_crlf(path) -> None:
    text = path.read_text(encoding="utf-8")
    lf = build_document("t.md", text)
    crlf = build_document("t.md", text.replace("\n", "\r\n"))
    assert_invariants(crlf)
    unix_rows = [tuple(v.replace("\r\n", "\n") if isinstance(v, str) else v for v in row) for row in entry_rows(crlf)]
    assert unix_rows == entry_rows(lf)


# -- invariants on generated lists -----------------------------------------------------------

_names = st.text(alphabet="abcXYZ09 -_.é日", min_size=1, max_size=12).filter(lambda s: s.strip() and "  " not in s)
_descriptions = st.text(alphabet="abc XYZ.,!é`*()-", min_size=0, max_size=30)
_separators = st.sampled_from([" - ", " – ", " — ", ": ", " -", "- ", "  -  ", " "])
_urls = st.sampled_from(["https://a.example/x", "http://b.example/a_(b)", "https://c.example/é", "#anchor", "<https://d.example/a b>"])


@st.composite
def awesome_lists(draw: st.DrawFn) -> str:
    bullet = draw(st.sampled_from(["-", "*", "+"]))
    unit = draw(st.sampled_from(["  ", "    ", "\t"]))
    lines = ["# Awesome " + draw(_names).strip(), ""]
    for _ in range(draw(st.integers(1, 3))):
        lines += ["## " + draw(_names).strip(), ""]
        depth = 0
        for _ in range(draw(st.integers(1, 6))):
            depth = draw(st.integers(0, min(depth + 1, 3)))
            prefix = draw(st.sampled_from(["", "![b](https://img.example/b.svg) "]))
            item = f"{unit * depth}{bullet} {prefix}[{draw(_names)}]({draw(_urls)}){draw(_separators)}{draw(_descriptions)}"
            lines.append(item.rstrip())
            if draw(st.booleans()):
                lines.append(unit * depth + "  continued text")
            if draw(st.integers(0, 5)) == 0:
                lines.append("<!--lint ignore awesome-list-item-->")
        lines.append("")
    newline = draw(st.sampled_from(["\n", "\r\n"]))
    return newline.join(lines)


@settings(max_examples=150, deadline=None)
@given(awesome_lists())
def test_generated_list_invariants(text: str) -> None:
    document = build_document("t.md", text)
    assert_invariants(document)
    for entry in document.entries():
        line = document.line_text(document.position(entry.start).line)
        assert line.lstrip(" \t").startswith(entry.marker)
        if entry.link is not None and entry.link_first:
            assert entry.link.text == document.text[entry.link.start : entry.link.end].split("](")[0].lstrip("[")
