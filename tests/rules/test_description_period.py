from helpers import fixed, lint, where

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
    text = "# T\n\n## A\n\n- [Foo](https://foo.dev) - A library.\n**[back to top](#a)**\n"
    found = lint(text, RULE)
    assert len(found) == 1 and found[0].fix is None


def test_crlf_file() -> None:
    text = entry("A library").replace("\n", "\r\n")
    assert fixed(text, RULE).text == entry("A library.").replace("\n", "\r\n")


def test_a_deep_contents_heading_is_not_the_table_of_contents() -> None:
    text = (
        "# T\n\n## Contents\n\n- [Tools](#tools)\n\n## Tools\n\n- [Foo](https://foo.dev) - A.\n\n"
        "#### Contents\n\n- [Bar](https://bar.dev) - b\n"
    )
    assert where(lint(text, "description-period")) == [(13, 28, "description-period")]
