from __future__ import annotations

import time
from collections import Counter

import pytest

from awesome_lint.document.build import build_document
from awesome_lint.fix import fix_text
from awesome_lint.linter import lint_document
from awesome_lint.rules import resolve_rule_id
from awesome_lint.rules._sorting import KeyStyle, in_order_indexes, sort_key
from awesome_lint.rules.alphabetical_order import AlphabeticalOrderOptions
from helpers import config_for, corpus_files, fixed, lint, where

RULE = "alphabetical-order"


def messages(markdown: str, **options: object) -> list[str]:
    found = lint(markdown, RULE, options={RULE: AlphabeticalOrderOptions(**options)} if options else None)
    return [d.message for d in found]


# -- what fires ---------------------------------------------------------------------------------


def test_reports_entry_out_of_place_with_line_and_column() -> None:
    markdown = "# List\n\n## Tools\n\n- [Alpha](https://a.dev) - A.\n- [Delta](https://d.dev) - D.\n- [Charlie](https://c.dev) - C.\n"
    found = lint(markdown, RULE)
    assert where(found) == [(6, 1, RULE)]
    assert found[0].message == "Sort entries alphabetically: 'Delta' should come after 'Charlie' (line 7)"


def test_names_the_one_misplaced_entry_not_its_neighbours() -> None:
    markdown = "- [A](https://a)\n- [Z](https://z)\n- [B](https://b)\n- [C](https://c)\n"
    assert messages(markdown) == ["Sort entries alphabetically: 'Z' should come after 'C' (line 4)"]


def test_entry_that_must_move_up_names_the_entry_it_goes_before() -> None:
    markdown = "- [Bravo](https://b)\n- [Charlie](https://c)\n- [Alpha](https://a)\n"
    assert messages(markdown) == ["Sort entries alphabetically: 'Alpha' should come before 'Bravo' (line 1)"]


def test_each_misplaced_entry_is_reported() -> None:
    markdown = "## One\n\n- [B](https://b)\n- [A](https://a)\n- [D](https://d)\n- [C](https://c)\n\n## Two\n\n- [Y](https://y)\n- [X](https://x)\n"
    found = lint(markdown, RULE)
    assert [line for line, _, _ in where(found)] == [3, 5, 10]
    assert found[0].fix == found[1].fix  # one fix sorts the list


def test_sub_lists_are_checked_on_their_own() -> None:
    markdown = (
        "- [Alpha](https://a)\n"
        "  - [Zulu](https://z)\n"
        "  - [Yankee](https://y)\n"
        "- [Bravo](https://b)\n"
        "    - [Kilo](https://k)\n"
        "    - [Juliett](https://j)\n"
    )
    found = lint(markdown, RULE)
    assert where(found) == [(2, 3, RULE), (5, 5, RULE)]
    assert found[1].message == "Sort entries alphabetically: 'Kilo' should come after 'Juliett' (line 6)"


def test_parent_entries_without_links_sort_by_their_words() -> None:
    markdown = "- MySQL - [awesome-mysql](https://m)\n  - [pymysql](https://p)\n- ClickHouse\n  - [chdb](https://c)\n"
    assert messages(markdown) == ["Sort entries alphabetically: 'MySQL' should come after 'ClickHouse' (line 3)"]


def test_articles_count_unless_ignored() -> None:
    # awesome-selfhosted files 'The Lounge' under T, as most lists of the corpus do
    under_t = "- [Sonic](https://s)\n- [The Lounge](https://l)\n- [Vue](https://v)\n"
    under_b = "- [Apple](https://a)\n- [The Book](https://b)\n- [Cherry](https://c)\n"
    assert messages(under_t) == []
    assert messages(under_b) == ["Sort entries alphabetically: 'The Book' should come after 'Cherry' (line 3)"]
    assert messages(under_b, ignore_articles=True) == []
    assert messages(under_t, ignore_articles=True) == [
        "Sort entries alphabetically: 'Sonic' should come after 'The Lounge' (line 2)"
    ]


def test_numbers_compare_as_text_when_configured() -> None:
    markdown = "- [Go 2](https://a)\n- [Go 10](https://b)\n"
    assert messages(markdown) == []
    assert messages(markdown, natural_numbers=False) == [
        "Sort entries alphabetically: 'Go 2' should come after 'Go 10' (line 2)"
    ]


def test_case_counts_when_configured() -> None:
    markdown = "- [alpha](https://a)\n- [Bravo](https://b)\n"
    assert messages(markdown) == []
    assert messages(markdown, ignore_case=False) == [
        "Sort entries alphabetically: 'alpha' should come after 'Bravo' (line 2)"
    ]


def test_long_names_are_shortened_in_the_message() -> None:
    long_name = "Zeta " + "word " * 20
    markdown = f"- [{long_name}](https://z)\n- [Alpha](https://a)\n"
    message = messages(markdown)[0]
    assert message.startswith("Sort entries alphabetically: 'Zeta word word")
    assert "…' should come after 'Alpha' (line 2)" in message


# -- what must stay silent ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "items",
    [
        ["[alpha](https://a)", "[Bravo](https://b)", "[charlie](https://c)"],
        ["[Go 2](https://a)", "[Go 10](https://b)", "[Go 100](https://c)"],
        ["[A Dog](https://d)", "[An Cherry](https://c)", "[Apple](https://a)", "[The Book](https://b)"],
        ["[🚀 Alpha](https://a)", "[Bravo](https://b)", "[✨ Charlie](https://c)"],
        ["[**Alpha**](https://a)", "[`bravo`](https://b)", "[_Charlie_](https://c)"],
        ["[(Alpha)](https://a)", "[.NET](https://b)", "[Zend](https://c)"],
        # go-kit sorts word by word: before go2, which is before gokit (as in awesome-go).
        ["[go-kit](https://a)", "[go2vec](https://b)", "[gokit](https://c)"],
        ["[git-courer](https://a)", "[git2go](https://b)"],
        ["[RSS-Bridge](https://a)", "[RSS Monster](https://b)", "[RSS2EMail](https://c)", "[RSSHub](https://d)"],
        ["[Calibre Web](https://a)", "[Calibre Web Automated](https://b)"],
        ["[µStreamer](https://a)", "[üWave](https://b)"],
        ["[Same](https://a)", "[same](https://b)"],
        ["![badge](https://b.svg) [Alpha](https://a)", "[Bravo](https://b)"],
    ],
)
def test_sorted_lists_pass(items: list[str]) -> None:
    markdown = "".join(f"- {item} - Description.\n" for item in items)
    assert messages(markdown) == []


def test_real_awesome_go_entries_pass() -> None:
    markdown = (
        "- [engo](https://github.com/EngoEngine/engo) - Engo is an open-source 2D game engine written in Go.\n"
        "- [fantasyname](https://github.com/s0rg/fantasyname) - Fantasy names generator.\n"
        "- [g3n](https://github.com/g3n/engine) - Go 3D Game Engine.\n"
        "- [go-astar](https://github.com/beefsack/go-astar) - Go implementation of the A\\* path finding algorithm.\n"
        "- [go-sdl2](https://github.com/veandco/go-sdl2) - Go bindings for the [Simple DirectMedia Layer](https://www.libsdl.org/).\n"
        "- [go3d](https://github.com/ungerik/go3d) - Performance oriented 2D/3D math package for Go.\n"
        "- [gogpu](https://github.com/gogpu/gogpu) - GPU application framework.\n"
    )
    assert messages(markdown) == []


def test_numbered_lists_are_not_checked() -> None:
    assert messages("1. [Zulu](https://z)\n2. [Alpha](https://a)\n") == []


def test_sub_list_of_a_numbered_list_is_checked() -> None:
    markdown = "1. [Zulu](https://z)\n   - [Yankee](https://y)\n   - [Xray](https://x)\n2. [Alpha](https://a)\n"
    assert where(lint(markdown, RULE)) == [(2, 4, RULE)]


def test_table_of_contents_is_not_checked() -> None:
    markdown = "# List\n\n## Contents\n\n- [Tools](#tools)\n  - [Zulu](#zulu)\n  - [Alpha](#alpha)\n- [Books](#books)\n\n## Tools\n"
    assert messages(markdown) == []


def test_anchor_list_under_another_title_is_not_checked() -> None:
    markdown = "# List\n\n- [Tools](#tools)\n- [Books](#books)\n- [About](https://example.com/about)\n"
    assert messages(markdown) == []


def test_ignored_sections_and_their_sub_sections() -> None:
    markdown = "## Resources\n\n### Books\n\n- [Zulu](https://z)\n- [Alpha](https://a)\n\n## Tools\n\n- [Yankee](https://y)\n- [Xray](https://x)\n"
    assert [line for line, _, _ in where(lint(markdown, RULE))] == [5, 10]
    found = lint(markdown, RULE, options={RULE: AlphabeticalOrderOptions(ignore_sections=("resources",))})
    assert [line for line, _, _ in where(found)] == [10]


def test_lists_without_links_are_not_checked() -> None:
    markdown = "## Contributing\n\n- Fork the repository.\n- Add your entry.\n- Open a pull request.\n"
    assert messages(markdown) == []


def test_empty_items_stay_put_and_are_not_reported() -> None:
    markdown = "- [Alpha](https://a)\n- [Bravo](https://b)\n- \n## Next\n"
    assert messages(markdown) == []


def test_alias_is_the_remark_id() -> None:
    assert resolve_rule_id("alphabetize-lists") == [RULE]


# -- HTML comments between items -----------------------------------------------------------------


def test_lists_split_by_a_comment_are_one_list() -> None:
    markdown = "- [Alpha](https://a)\n- [Charlie](https://c)\n<!--lint ignore awesome-list-item-->\n- [Bravo](https://b)\n"
    assert messages(markdown) == ["Sort entries alphabetically: 'Charlie' should come after 'Bravo' (line 4)"]


def test_comment_moves_with_the_entry_below_it() -> None:
    markdown = "- [Alpha](https://a)\n- [Charlie](https://c)\n<!--lint ignore awesome-list-item-->\n- [Bravo](https://b)\n"
    result = fixed(markdown, RULE)
    assert result.text == (
        "- [Alpha](https://a)\n<!--lint ignore awesome-list-item-->\n- [Bravo](https://b)\n- [Charlie](https://c)\n"
    )
    assert result.remaining == []


def test_entries_do_not_move_across_lint_disable_comments() -> None:
    markdown = "- [Charlie](https://c)\n<!--lint disable double-link-->\n- [Alpha](https://a)\n- [Bravo](https://b)\n"
    assert messages(markdown) == []


# -- the fix ----------------------------------------------------------------------------------


def test_fix_moves_whole_entries_with_continuation_lines_and_sub_lists() -> None:
    markdown = (
        "## Tools\n\n"
        "- [Charlie](https://c) - Third,\n"
        "  continued on a second line.\n"
        "  - [Sub](https://s) - Nested.\n"
        "- [Alpha](https://a) - First.\n"
        "- [Bravo](https://b) - Second.\n"
        "\nAfter.\n"
    )
    result = fixed(markdown, RULE)
    assert result.text == (
        "## Tools\n\n"
        "- [Alpha](https://a) - First.\n"
        "- [Bravo](https://b) - Second.\n"
        "- [Charlie](https://c) - Third,\n"
        "  continued on a second line.\n"
        "  - [Sub](https://s) - Nested.\n"
        "\nAfter.\n"
    )
    assert result.remaining == []


def test_fix_keeps_blank_lines_of_a_loose_list_in_place() -> None:
    markdown = "- [Bravo](https://b)\n\n- [Alpha](https://a)\n\n- [Charlie](https://c)\n"
    assert fixed(markdown, RULE).text == "- [Alpha](https://a)\n\n- [Bravo](https://b)\n\n- [Charlie](https://c)\n"


def test_fix_sorts_parent_and_sub_lists() -> None:
    markdown = (
        "- [Bravo](https://b)\n"
        "    - [Yankee](https://y)\n"
        "    - [Xray](https://x)\n"
        "- [Alpha](https://a)\n"
        "  - [Zulu](https://z)\n"
        "  - [Kilo](https://k)\n"
    )
    result = fixed(markdown, RULE)
    assert result.text == (
        "- [Alpha](https://a)\n"
        "  - [Kilo](https://k)\n"
        "  - [Zulu](https://z)\n"
        "- [Bravo](https://b)\n"
        "    - [Xray](https://x)\n"
        "    - [Yankee](https://y)\n"
    )
    assert result.remaining == []


def test_fix_keeps_crlf_line_endings() -> None:
    markdown = "# List\r\n\r\n- [Bravo](https://b) - Two,\r\n  more.\r\n- [Alpha](https://a) - One.\r\n"
    result = fixed(markdown, RULE)
    assert result.text == "# List\r\n\r\n- [Alpha](https://a) - One.\r\n- [Bravo](https://b) - Two,\r\n  more.\r\n"


def test_fix_is_stable_for_equal_keys_and_edits_only_what_moves() -> None:
    markdown = "- [Alpha](https://a)\n- [same](https://1)\n- [Zulu](https://z)\n- [Same](https://2)\n"
    result = fixed(markdown, RULE)
    assert result.text == "- [Alpha](https://a)\n- [same](https://1)\n- [Same](https://2)\n- [Zulu](https://z)\n"
    edits = result.applied[0].fix.edits  # type: ignore[union-attr]
    end = len(markdown) - 1
    assert [(edit.start, edit.end) for edit in edits] == [(markdown.index("- [Zulu]"), end)]


def test_fix_keeps_markup_emoji_and_empty_items() -> None:
    markdown = "- [**Zulu**](https://z) - Z.\n- 🚀 [`alpha`](https://a) - A.\n- \n"
    assert fixed(markdown, RULE).text == "- 🚀 [`alpha`](https://a) - A.\n- [**Zulu**](https://z) - Z.\n- \n"


# -- sort keys ------------------------------------------------------------------------------------


def test_sort_key_defaults() -> None:
    assert sort_key("The Go 10 Book", KeyStyle()) == ("go 0210 book", "go 0210 book")
    assert sort_key("🚀 **Alpha**", KeyStyle()) == ("alpha", "alpha")
    assert sort_key("A", KeyStyle()) == ("a", "a")  # a lone article is the name
    assert sort_key("**The Book**", KeyStyle()) == ("book", "book")


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("A-Frame", "a frame"),  # the article is stripped only when whitespace follows it
        ("A/B Street", "a b street"),
        ("The-Way", "the way"),
        ("An\tApple", "apple"),
        ("Éclair", "eclair"),  # accents fold
        ("üWave", "uwave"),
        ("µStreamer", "ustreamer"),  # the micro sign is a Latin u, not a Greek mu
        ("ﬁle", "file"),  # NFKD: compatibility characters
    ],
)
def test_sort_key_articles_and_accents(name: str, key: str) -> None:
    assert sort_key(name, KeyStyle())[0] == key


def test_sort_key_keeps_accents_as_a_tie_breaker() -> None:
    assert sort_key("Éclair", KeyStyle()) == ("eclair", "éclair")
    assert sort_key("Eclair", KeyStyle()) < sort_key("Éclair", KeyStyle()) < sort_key("Eclairs", KeyStyle())
    assert sort_key("same", KeyStyle()) == sort_key("Same", KeyStyle())  # case still does not count


def test_article_before_punctuation_is_part_of_the_name() -> None:
    markdown = "- [Zdog](https://z.dev)\n- [A-Frame](https://a.dev)\n- [Babylon.js](https://b.dev)\n"
    assert messages(markdown, ignore_articles=True) == [
        "Sort entries alphabetically: 'Zdog' should come after 'Babylon.js' (line 3)"
    ]
    options = {RULE: AlphabeticalOrderOptions(ignore_articles=True)}
    assert fixed(markdown, RULE, options=options).text == (
        "- [A-Frame](https://a.dev)\n- [Babylon.js](https://b.dev)\n- [Zdog](https://z.dev)\n"
    )
    assert messages("- [A/B Street](https://a.dev)\n- [Bevy](https://b.dev)\n", ignore_articles=True) == []
    assert messages("- [Bevy](https://b.dev)\n- [A/B Street](https://a.dev)\n", ignore_articles=True) == [
        "Sort entries alphabetically: 'Bevy' should come after 'A/B Street' (line 2)"
    ]


def test_accents_do_not_count() -> None:
    assert messages("- [Éclair](https://e.dev)\n- [Fast](https://f.dev)\n") == []
    assert messages("- [Fast](https://f.dev)\n- [Éclair](https://e.dev)\n") == [
        "Sort entries alphabetically: 'Fast' should come after 'Éclair' (line 2)"
    ]
    markdown = "- [Tau](https://t.dev)\n- [Vue](https://v.dev)\n- [üWave](https://u.dev)\n"
    assert fixed(markdown, RULE).text == "- [Tau](https://t.dev)\n- [üWave](https://u.dev)\n- [Vue](https://v.dev)\n"


def test_names_differing_only_in_accents_sort_deterministically() -> None:
    markdown = "- [Éclair](https://1.dev)\n- [Eclair](https://2.dev)\n"
    assert fixed(markdown, RULE).text == "- [Eclair](https://2.dev)\n- [Éclair](https://1.dev)\n"


def test_in_order_indexes_finds_a_longest_sorted_run() -> None:
    assert in_order_indexes(["a", "z", "b", "c"]) == {0, 2, 3}
    assert in_order_indexes(["b", "b", "a"]) == {0, 1}
    assert in_order_indexes([]) == set()


# -- real lists -----------------------------------------------------------------------------------


@pytest.mark.parametrize("path", corpus_files(), ids=lambda path: path.name)
def test_corpus_fix_is_lossless_idempotent_and_complete(path) -> None:  # type: ignore[no-untyped-def]
    text = path.read_bytes().decode("utf-8-sig")
    config = config_for(RULE)
    result = fix_text(path.name, text, config)
    assert [d for d in result.remaining if d.rule == RULE] == []
    assert fix_text(path.name, result.text, config).text == result.text
    before, after = build_document("a", text), build_document("b", result.text)
    assert Counter(link.url for link in before.links) == Counter(link.url for link in after.links)
    assert Counter(text[e.start : e.end] for e in before.entries() if not e.sublists) == Counter(
        result.text[e.start : e.end] for e in after.entries() if not e.sublists
    )
    assert lint_document(after, config) == []


def test_sections_under_an_h1_table_of_contents_are_checked() -> None:
    # awesome-bert-nlp: '# Table of Contents' is an H1; its own list is navigation, the '##'
    # sections below it are content.
    text = (
        "# Awesome X\n\n# Table of Contents\n\n- [Zeta](#zeta)\n- [Alpha](#alpha)\n\n"
        "## Zeta\n\n- [B](https://b.example) - B.\n- [A](https://a.example) - A.\n"
    )
    assert where(lint(text, "alphabetical-order")) == [(10, 1, "alphabetical-order")]


def test_ignore_comment_above_the_first_entry_moves_with_it() -> None:
    markdown = "<!--lint ignore entry-link-->\n- [Zeta](https://z.io) - x.\n- [Alpha](https://a.io) - y.\n"
    result = fixed(markdown, RULE)
    assert result.text == "- [Alpha](https://a.io) - y.\n<!--lint ignore entry-link-->\n- [Zeta](https://z.io) - x.\n"
    assert result.remaining == []


def test_ignore_comment_above_the_first_sub_entry_moves_with_it() -> None:
    markdown = (
        "- [Parent](https://p.io) - P.\n"
        "  <!--lint ignore entry-link-->\n"
        "  - [Zeta](https://z.io) - x.\n"
        "  - [Alpha](https://a.io) - y.\n"
    )
    assert fixed(markdown, RULE).text == (
        "- [Parent](https://p.io) - P.\n"
        "  - [Alpha](https://a.io) - y.\n"
        "  <!--lint ignore entry-link-->\n"
        "  - [Zeta](https://z.io) - x.\n"
    )


@pytest.mark.parametrize(
    "above",
    [
        "<!--lint ignore entry-link-->\n\n",  # a blank line: about the list, not the entry
        "<!-- keep this list sorted -->\n",  # not a lint ignore comment
        "<!--lint disable entry-link-->\n",
    ],
)
def test_other_comments_above_the_first_entry_stay(above: str) -> None:
    markdown = above + "- [Zeta](https://z.io) - x.\n- [Alpha](https://a.io) - y.\n"
    assert fixed(markdown, RULE).text == above + "- [Alpha](https://a.io) - y.\n- [Zeta](https://z.io) - x.\n"


# -- time -----------------------------------------------------------------------------------------


def test_many_comments_between_lists_take_linear_time() -> None:
    # issue 12 item 11: `\s*(?:<!--.*?-->\s*)+` under fullmatch doubled its time with each comment
    # (20 comments: 0.3 s, 24: about 5 s).
    markdown = "- [Zulu](https://z)\n" + "<!--a-->" * 24 + " x\n- [Alpha](https://a)\n"
    started = time.perf_counter()
    assert messages(markdown) == []
    assert time.perf_counter() - started < 0.1


@pytest.mark.parametrize(
    ("gap", "joined"),
    [
        ("<!--a-->\n", True),
        ("\n<!--a-->  <!--b\nc-->\n\n", True),
        ("<!--a--> x\n", False),
        ("\nx <!--a-->\n\n", False),
        ("<!--a\n", False),
    ],
)
def test_lists_join_only_across_comments(gap: str, joined: bool) -> None:
    markdown = "- [Zulu](https://z)\n" + gap + "- [Alpha](https://a)\n"
    assert len(messages(markdown)) == int(joined)


# -- lists ordered another way (issue 8) ---------------------------------------------------------


def test_list_ordered_another_way_is_one_finding() -> None:
    names = ["Zulu", "Alpha", "Yankee", "Bravo", "Xray", "Charlie"]  # 2 of 5 pairs in order
    markdown = "## Talks\n\n" + "".join(f"- [{name}](https://{name.lower()}.dev)\n" for name in names)
    found = lint(markdown, RULE)
    assert where(found) == [(3, 1, RULE)]
    assert found[0].message == (
        "3 of 6 entries are out of alphabetical order: sort it with `--fix`, or add 'Talks' to `ignore-sections`"
    )
    assert fixed(markdown, RULE).text == "## Talks\n\n" + "".join(
        f"- [{name}](https://{name.lower()}.dev)\n" for name in sorted(names)
    )


def test_list_ordered_another_way_outside_a_section_names_the_disable_comment() -> None:
    markdown = "".join(f"- [{name}](https://x.dev)\n" for name in ["F", "E", "D", "C", "B", "A"])
    assert messages(markdown) == [
        "5 of 6 entries are out of alphabetical order: sort it with `--fix`, or wrap it in "
        "`<!--lint disable alphabetical-order-->` / `<!--lint enable alphabetical-order-->`"
    ]


def test_mostly_sorted_list_names_each_misplaced_entry() -> None:
    # 8 of 9 pairs in order: 89%, as in lists kept alphabetical with a slip or two
    names = ["Alpha", "Bravo", "Delta", "Charlie", "Echo", "Foxtrot", "Golf", "Kilo", "Hotel", "India"]
    markdown = "".join(f"- [{name}](https://x.dev)\n" for name in names)
    assert messages(markdown) == [
        "Sort entries alphabetically: 'Delta' should come after 'Charlie' (line 4)",
        "Sort entries alphabetically: 'Kilo' should come after 'India' (line 10)",
    ]


def test_two_slips_in_a_short_list_are_named_even_with_few_pairs_in_order() -> None:
    # 1 of 3 pairs in order, but only two entries out of place; 'Delta' is already after its
    # sorted neighbour 'Charlie', so only 'Charlie' is named.
    markdown = "- [Charlie](https://x.dev)\n- [Alpha](https://x.dev)\n- [Delta](https://x.dev)\n- [Bravo](https://x.dev)\n"
    assert messages(markdown) == ["Sort entries alphabetically: 'Charlie' should come after 'Bravo' (line 4)"]


# -- prose items (issue 8) ----------------------------------------------------------------------------


def test_prose_items_are_not_sort_keys_and_stay_in_place() -> None:
    markdown = (
        "- [Zulu](https://z.dev) - Z.\n"
        "- Also, [Quora](https://quora.com) and [Reddit](https://reddit.com) threads.\n"
        "- [Alpha](https://a.dev) - A.\n"
    )
    assert messages(markdown) == ["Sort entries alphabetically: 'Zulu' should come after 'Alpha' (line 3)"]
    assert fixed(markdown, RULE).text == (
        "- [Alpha](https://a.dev) - A.\n"
        "- Also, [Quora](https://quora.com) and [Reddit](https://reddit.com) threads.\n"
        "- [Zulu](https://z.dev) - Z.\n"
    )


def test_a_name_set_off_from_its_link_by_a_dash_is_a_sort_key() -> None:
    # awesome-selfhosted's license list: '- `Sendmail` - [Sendmail License](...)' before '- `Ruby` - ...'
    markdown = "- `Sendmail` - [Sendmail License](https://s.dev)\n- `Ruby` - [Ruby License](https://r.dev)\n"
    assert messages(markdown) == ["Sort entries alphabetically: '`Sendmail`' should come after '`Ruby`' (line 2)"]


def test_a_quote_with_its_author_is_prose() -> None:
    # awesome-bert-nlp: '- "Transformer-XL is a shifted model (...)." — [Thomas Wolf](...).'
    markdown = (
        '- "Transformer-XL is a shifted model, XLNet a direct one." — [Thomas Wolf](https://t.dev).\n'
        "- [Comments from HN](https://hn.dev)\n"
    )
    assert messages(markdown) == []


def test_a_prose_item_alone_out_of_place_is_silent() -> None:
    markdown = "- [Bravo](https://b.dev) - B.\n- [Charlie](https://c.dev) - C.\n- Also, [Alpha](https://a.dev) threads.\n"
    assert messages(markdown) == []


# -- every level in one fix (issue 12 item 8) ----------------------------------------------------------


def test_one_fix_sorts_every_nesting_level() -> None:
    markdown = (
        "- [Bravo](https://b)\n"
        "  - [Yankee](https://y)\n"
        "    - [Two](https://2)\n"
        "    - [One](https://1)\n"
        "  - [Xray](https://x)\n"
        "- [Alpha](https://a)\n"
    )
    found = lint(markdown, RULE)
    assert where(found) == [(1, 1, RULE), (2, 3, RULE), (3, 5, RULE)]
    assert found[0].fix is not None and found[0].fix == found[1].fix == found[2].fix
    assert found[0].fix.message == "Sort the 6 entries of these 3 lists alphabetically"
    result = fixed(markdown, RULE)
    assert result.text == (
        "- [Alpha](https://a)\n"
        "- [Bravo](https://b)\n"
        "  - [Xray](https://x)\n"
        "  - [Yankee](https://y)\n"
        "    - [One](https://1)\n"
        "    - [Two](https://2)\n"
    )
    assert result.passes == 1


def test_a_sorted_parent_with_an_unsorted_sub_list_edits_only_the_sub_list() -> None:
    markdown = "- [Alpha](https://a)\n  - [Zulu](https://z)\n  - [Kilo](https://k)\n- [Bravo](https://b)\n"
    fix = lint(markdown, RULE)[0].fix
    assert fix is not None
    end = markdown.index("\n- [Bravo]")
    assert [(edit.start, edit.end, edit.content) for edit in fix.edits] == [
        (markdown.index("  - [Zulu]"), end, "  - [Kilo](https://k)\n  - [Zulu](https://z)"),
    ]


# -- moves that would change structure (issue 12 item 4) --------------------------------------------------


def test_no_fix_when_the_ignore_comment_closes_an_earlier_comment() -> None:
    markdown = "<!--\n<!--lint ignore entry-link-->\n- [Zeta](https://z.io) - x.\n- [Alpha](https://a.io) - y.\n"
    found = lint(markdown, RULE)
    assert where(found) == [(3, 1, RULE)]
    assert found[0].fix is None
    assert fixed(markdown, RULE).text == markdown


def test_list_ordered_another_way_without_a_fix_says_to_sort_by_hand() -> None:
    names = "".join(f"- [{name}](https://x.dev)\n" for name in ["F", "E", "D", "C", "B", "A"])
    markdown = "## Talks\n\n<!--\n<!--lint ignore entry-link-->\n" + names
    assert messages(markdown) == [
        "5 of 6 entries are out of alphabetical order: sort it by hand, or add 'Talks' to `ignore-sections`"
    ]


def test_fix_kept_when_the_ignore_comment_is_whole() -> None:
    markdown = "<!-- a -->\n<!--lint ignore entry-link-->\n- [Zeta](https://z.io) - x.\n- [Alpha](https://a.io) - y.\n"
    assert fixed(markdown, RULE).text == (
        "<!-- a -->\n- [Alpha](https://a.io) - y.\n<!--lint ignore entry-link-->\n- [Zeta](https://z.io) - x.\n"
    )


def test_fix_of_another_rule_at_the_end_of_a_moved_line_waits_for_the_next_pass() -> None:
    # awesome-cpp: description-period's period for the last moved line landed on the entry the
    # sort put there ('(STL)..'), in LF files only
    markdown = "- [Bravo](https://b) - Two.\n- [Alpha](https://a) - One\n- [Charlie](https://c) - Three.\n"
    result = fixed(markdown, RULE, "description-period")
    assert result.text == "- [Alpha](https://a) - One.\n- [Bravo](https://b) - Two.\n- [Charlie](https://c) - Three.\n"


# -- the list's own order of a name and its longer forms ----------------------------------------


LONGER_FIRST = (
    "## Books\n\n- [Calibre Web Automated](https://1)\n- [Calibre Web](https://2)\n- [Calibre](https://3)\n"
    "## Video\n\n- [Tube Archivist](https://4)\n- [Tube](https://5)\n- [Tubes](https://6)\n"
)


def test_list_filing_longer_names_first_keeps_that_order() -> None:
    # awesome-selfhosted, sorted by the `[Name](` source text: 5 such neighbours, all longer first
    assert messages(LONGER_FIRST) == []
    assert messages(LONGER_FIRST + "\n## Other\n\n- [Tube Archivist](https://7)\n- [Tube](https://8)\n- [Alpha](https://9)\n") == [
        "Sort entries alphabetically: 'Alpha' should come before 'Tube Archivist' (line 14)"
    ]


def test_a_list_filing_shorter_names_first_keeps_its_own_order() -> None:
    # awesome-selfhosted's license list: '`BSD-2-Clause`' before '`BSD-2-Clause-FreeBSD`'
    licenses = "\n## Licenses\n\n- [BSD 2](https://7)\n- [BSD 2 FreeBSD](https://8)\n- [MIT](https://9)\n"
    assert messages(LONGER_FIRST + licenses) == []


def test_two_longer_names_first_are_slips_not_a_convention() -> None:
    markdown = "- [Calibre Web](https://1)\n- [Calibre](https://2)\n- [Tube Archivist](https://3)\n- [Tube](https://4)\n"
    assert messages(markdown) == [
        "Sort entries alphabetically: 'Calibre Web' should come after 'Calibre' (line 2)",
        "Sort entries alphabetically: 'Tube Archivist' should come after 'Tube' (line 4)",
    ]


def test_sort_key_with_longer_names_first() -> None:
    style = KeyStyle(longer_names_first=True)
    assert sort_key("Calibre Web Automated", style) < sort_key("Calibre Web", style) < sort_key("Calibre", style)
    assert sort_key("Tube", style) < sort_key("Tubes", style)
    assert sort_key("Calibre", KeyStyle()) < sort_key("Calibre Web", KeyStyle())


# -- a file that does not keep alphabetical order ---------------------------------------------------


def talks(title: str, names: str) -> str:
    return f"## {title}\n\n" + "".join(f"- [{name}](https://{name.lower()}.dev)\n" for name in names) + "\n"


def test_file_whose_lists_are_mostly_ordered_another_way_is_one_finding() -> None:
    markdown = talks("One", "FEDCBA") + talks("Two", "ZYXWV") + talks("Three", "AB")
    found = lint(markdown, RULE)
    assert where(found) == [(3, 1, RULE)]
    assert found[0].message == (
        "2 of 3 lists are not in alphabetical order (10% of neighbouring entries are): sort them with `--fix`, "
        'or turn the rule off for this file (ignore = ["alphabetical-order"])'
    )
    assert fixed(markdown, RULE).text == talks("One", "ABCDEF") + talks("Two", "VWXYZ") + talks("Three", "AB")


def test_file_of_short_lists_ordered_by_importance_is_one_finding() -> None:
    # awesome-python's shape: many lists of 2 to 3 entries, each with one or two entries out of
    # place (too few to call one list ordered another way), half of the neighbours out of order.
    groups = ["CAB", "BA", "DCE", "ED", "FGA", "HB", "AC", "CB"]
    markdown = "".join(talks(f"Part {index}", group) for index, group in enumerate(groups))
    found = lint(markdown, RULE)
    assert where(found) == [(3, 1, RULE)]
    assert found[0].message.startswith("7 of 8 lists are not in alphabetical order (36% of neighbouring entries are)")


def test_file_mostly_kept_alphabetical_reports_each_list() -> None:
    # Long sorted lists: 27 of 32 neighbouring pairs (84%) in order, so the two reversed lists are
    # reported one by one.
    markdown = (
        talks("One", "CBA") + talks("Two", "ABCDEFGHIJ") + talks("Three", "KLMNOPQRST") + talks("Four", "FED")
        + talks("Five", "ABCDEFGHIJ")
    )
    found = lint(markdown, RULE)
    assert [line for line, _, _ in where(found)] == [3, 4, 35, 36]
