import time

from awesome_lint.document.build import build_document
from awesome_lint.linter import lint_document
from helpers import config_for, fixed, lint, where

RULE = "description-period"


def entry(description: str) -> str:
    return f"# T\n\n## A\n\n- [Foo](https://foo.dev) - {description}\n"


def test_missing_period_is_reported_and_fixed() -> None:
    found = lint(entry("A library"), RULE)
    assert where(found) == [(5, 36, RULE)]
    assert found[0].message == "End the description with a period ('.', '!', '?' or '…'): it ends with 'A library'"
    result = fixed(entry("A library"), RULE)
    assert result.text == entry("A library.")
    assert result.remaining == []


def test_accepted_endings_are_silent() -> None:
    for description in (
        "A library.",
        "Wow!",
        "Really?",
        "And so on…",
        "Email client. (Fork of Nylas Mail)",
        "Web framework. *(You might like [awesome-meteor](https://github.com/Urigo/awesome-meteor))*",
        "Deprecated (use Bar instead.)",
        "**Archived.**",
        'Said "hello."',
        "Fast 🚀",
        "Shiny :star:",
        "Stars [![s](https://img.shields.io/s.svg)](https://foo.dev)",
        "Self-hosted server. `MIT` `Go`",
        "用于测试的库。",
        "Line<br>",
    ):
        assert lint(entry(description), RULE) == [], description


def test_endings_reported_without_fix() -> None:
    for description in ("Options:", "See `foo`", "Home https://foo.dev", "Site <https://foo.dev>", "Tags `MIT` `Go`"):
        found = lint(entry(description), RULE)
        assert len(found) == 1 and found[0].fix is None, description


def test_link_and_parenthesis_endings_get_a_period() -> None:
    assert fixed(entry("Client for [Jira](https://jira.dev)"), RULE).text == entry("Client for [Jira](https://jira.dev).")
    assert fixed(entry("Tool (deprecated)"), RULE).text == entry("Tool (deprecated).")


def test_url_in_a_link_at_the_end_does_not_block_the_fix() -> None:
    for description in (
        "A library (see [docs](https://x.dev))",
        "A library (see [https://x.dev](https://x.dev))",  # a URL as link text is not prose
        "A library (see <https://x.dev>)",
        "A library (see [docs][x])\n\n[x]: https://x.dev",
        "A library (see [docs](https://x.dev 'www.x.dev'))",
    ):
        text = entry(description)
        found = lint(text, RULE)
        assert where(found) == [(5, 27 + len(description.split("\n")[0]), RULE)], description
        position = text.index(")\n") + 1 if "\n\n" in description else len(text) - 1
        assert fixed(text, RULE).text == text[:position] + "." + text[position:], description


def test_bare_url_at_the_end_still_blocks_the_fix() -> None:
    for description in (
        "Home https://foo.dev",
        "A library (see https://x.dev)",
        "See [docs](https://x.dev),https://y.dev",
        "See [docs](https://x.dev)www.y.dev",
    ):
        found = lint(entry(description), RULE)
        assert len(found) == 1 and found[0].fix is None, description


def test_multi_line_description_gets_period_on_last_line_before_trailing_spaces() -> None:
    text = "# T\n\n## A\n\n- [Foo](https://foo.dev) - A library\n  that does things  \n- [Bar](https://bar.dev) - Bar.\n"
    assert where(lint(text, RULE)) == [(6, 18, RULE)]
    assert fixed(text, RULE).text == (
        "# T\n\n## A\n\n- [Foo](https://foo.dev) - A library\n  that does things.  \n- [Bar](https://bar.dev) - Bar.\n"
    )


def test_lazy_last_line_is_not_fixed() -> None:
    text = "# T\n\n## A\n\n- [Foo](https://foo.dev) - A library\n**[back to top](#a)**\n"
    found = lint(text, RULE)
    assert where(found) == [(6, 21, RULE)] and found[0].fix is None


def test_a_link_after_a_finished_sentence_is_a_tag_even_on_a_lazy_line() -> None:
    assert lint("# T\n\n## A\n\n- [Foo](https://foo.dev) - A library.\n**[back to top](#a)**\n", RULE) == []


def test_crlf_file() -> None:
    text = entry("A library").replace("\n", "\r\n")
    assert fixed(text, RULE).text == entry("A library.").replace("\n", "\r\n")


def test_a_deep_contents_heading_is_not_the_table_of_contents() -> None:
    text = (
        "# T\n\n## Contents\n\n- [Tools](#tools)\n\n## Tools\n\n- [Foo](https://foo.dev) - A.\n\n"
        "#### Contents\n\n- [Bar](https://bar.dev) - b\n"
    )
    assert where(lint(text, "description-period")) == [(13, 28, "description-period")]


def test_status_tags_and_badges_after_a_finished_sentence_are_silent() -> None:
    for description in (
        "A library. **[Deprecated]**",
        "A library. _[Archived]_",
        "Fast parser. ![CI](https://ci.dev/badge.svg)",
        "A C++ library. [MIT]",
        "A C++ library. [Boost] [website](https://x.dev)",
        "A C++ library. [MIT][website](https://x.dev)",
        "A Rust library. [crates.io](https://crates.io/crates/x)",
        "A Rust library. [crates.io](https://crates.io/crates/x) [docs](https://docs.rs/x)",
        "A library. `MIT` [website](https://x.dev)",
        "A library. **[Free][Proprietary]**",  # awesome-dotnet: two tags glued in one emphasis
        "A library. [MIT]/[Apache2]",
        "A library. **[$]** **[[Free for OSS](https://x.dev/free)]**",  # awesome-dotnet
        "Line<br> [MIT]",
    ):
        assert lint(entry(description), RULE) == [], description


def test_the_period_goes_before_status_tags_never_after_them() -> None:
    for description, expected in (
        ("A library [MIT]", "A library. [MIT]"),
        ("A library **[Deprecated]**", "A library. **[Deprecated]**"),
        ("A library **[$][Free for OSS]**", "A library. **[$][Free for OSS]**"),
        ("A library [MIT]/[Apache2]", "A library. [MIT]/[Apache2]"),  # awesome-cpp
        ("UIs in C++17+ [Boost][website](https://x.dev)", "UIs in C++17+. [Boost][website](https://x.dev)"),
        ("A library [Boost] [website](https://x.dev)", "A library. [Boost] [website](https://x.dev)"),
        ("Client for [imgur](https://imgur.com) [MIT]", "Client for [imgur](https://imgur.com). [MIT]"),
        ("A library ![CI](https://ci.dev/b.svg) [MIT]", "A library. ![CI](https://ci.dev/b.svg) [MIT]"),
    ):
        inserted = next(i for i, (a, b) in enumerate(zip(description, expected)) if a != b)
        found = lint(entry(description), RULE)
        assert where(found) == [(5, 27 + inserted, RULE)], description
        assert fixed(entry(description), RULE).text == entry(expected), description


def test_a_description_made_of_tags_only_is_reported_without_fix() -> None:
    found = lint(entry("[MIT]"), RULE)
    assert where(found) == [(5, 32, RULE)] and found[0].fix is None


def test_no_period_after_a_mark_that_ends_no_sentence_before_tags() -> None:
    for description in ("A library - [MIT]", "A library / [MIT]"):
        found = lint(entry(description), RULE)
        assert len(found) == 1 and found[0].fix is None, description


def test_brackets_that_are_not_a_tag_get_the_period_at_the_end() -> None:
    # a reference link's text and a bracket glued to a word are not status tags
    text = entry("See [docs][d]") + "\n[d]: https://d.dev\n"
    assert fixed(text, RULE).text == entry("See [docs][d].") + "\n[d]: https://d.dev\n"
    assert fixed(entry("Array a[i]"), RULE).text == entry("Array a[i].")


def test_message_quotes_the_end_of_a_long_last_word() -> None:
    found = lint(entry("Committee. [website](https://www.open-std.org/jtc1/sc22/wg21/)"), RULE)
    assert found == []
    found = lint(entry("Mirror at https://www.open-std.org/jtc1/sc22/wg21/docs/papers"), RULE)
    assert found[0].message.endswith("it ends with '…open-std.org/jtc1/sc22/wg21/docs/papers'")


def test_a_long_token_at_the_end_is_checked_in_linear_time() -> None:
    # issue 12, item 12: a 32 KB base64 `data:` URI took 18 s in an anchored regex search
    text = entry("Logo data:image/png;base64," + "A" * 32_000 + " in the page")
    started = time.perf_counter()
    found = lint(text, RULE)
    assert time.perf_counter() - started < 1.0
    assert where(found) == [(5, len(text.splitlines()[4]), RULE)]


def _list_of(without: int, with_period: int) -> str:
    entries = [f"- [N{i}](https://n{i}.dev) - Tool {i}\n" for i in range(without)]
    entries += [f"- [P{i}](https://p{i}.dev) - Tool {i}.\n" for i in range(with_period)]
    return "# T\n\n## A\n\n" + "".join(entries)


def test_a_list_that_leaves_periods_out_gets_one_finding_that_fixes_them_all() -> None:
    text = _list_of(10, 9)
    found = lint(text, RULE)
    assert where(found) == [(5, 31, RULE)]
    assert found[0].message.startswith("10 of 19 descriptions in this list end without a period")
    result = fixed(text, RULE)
    assert result.text == "".join(line + ("" if line.endswith(".") or not line.startswith("- ") else ".") + "\n"
                                  for line in text.splitlines())
    assert result.remaining == []


def test_a_list_that_uses_periods_reports_each_missing_one() -> None:
    assert len(lint(_list_of(10, 10), RULE)) == 10  # not most of the list
    assert len(lint(_list_of(9, 0), RULE)) == 9  # too few to be a convention


def test_many_trailing_tags_are_checked_in_linear_time() -> None:
    for tag, count in (("[MIT] ", 5_000), ("**[D]** ", 5_000), ("`c` ", 5_000), ("[a](https://a.dev) [MIT] ", 3_000)):
        document = build_document("test.md", entry("A lib " + tag * count))  # parsing is not timed
        started = time.perf_counter()
        found = lint_document(document, config_for(RULE))
        assert time.perf_counter() - started < 0.5, tag
        assert len(found) == 1, tag
