import time

import pytest

from helpers import lint, where

RULE = "entry-link"


def section(*lines: str) -> str:
    return "# T\n\n## A\n\n" + "".join(line + "\n" for line in lines)


def test_good_entries_are_silent() -> None:
    text = section(
        "- [Foo](https://foo.dev) - Foo.",
        "- ![logo](logo.png) [Bar](http://bar.dev) - Bar.",
        "- [Guide](docs/guide.md) - Our guide.",
        "- [Mail](mailto:me@x.dev) - Contact.",
        "- [Group](https://group.dev)",
        "  - a plain note under the entry",
    )
    assert lint(text, RULE) == []


def test_link_not_first_in_a_link_list() -> None:
    found = lint(section("- [Foo](https://foo.dev) - Foo.", "- Bar: [docs](https://bar.dev)"), RULE)
    assert where(found) == [(6, 3, RULE)]
    assert found[0].message == "Start the entry with its link 'docs': write '- [Name](url) - Description.'"


def test_item_without_link_in_a_link_list() -> None:
    found = lint(section("- [Foo](https://foo.dev) - Foo.", "- Just text"), RULE)
    assert where(found) == [(6, 3, RULE)]
    assert "(found 'Just text')" in found[0].message


def test_prose_lists_and_numbered_steps_are_silent() -> None:
    text = section("- First rule.", "- Second rule, see [guide](https://g.dev).", "", "1. Install [Foo](https://foo.dev).", "2. Run it.")
    assert lint(text, RULE) == []


def test_bad_urls() -> None:
    found = lint(
        section(
            "- [A](www.a.dev) - A.",
            "- [B](github.com/b/b) - B.",
            "- [C](//c.dev) - C.",
            "- [D](ftp://d.dev) - D.",
            "- [E](https://) - E.",
            "- [F](#f) - F.",
            "- [](https://g.dev) - G.",
        ),
        RULE,
    )
    assert [d.line for d in found] == [5, 6, 7, 8, 9, 10, 11]
    assert found[0].message == "Add 'https://' to the URL 'www.a.dev': without a scheme GitHub treats it as a file in the repository"
    assert found[2].message == "Write the URL with its scheme: 'https://c.dev'"
    assert found[3].message == "Link to an http(s) URL, not a 'ftp:' URL ('ftp://d.dev')"
    assert "no host" in found[4].message
    assert "in-page anchor" in found[5].message
    assert found[6].message.startswith("Write the name of the entry")
    assert where(found)[0] == (5, 7, RULE)  # points at the URL


def test_anchors_in_toc_and_anchor_only_lists_are_silent() -> None:
    text = "# T\n\n## Contents\n\n- [A](#a)\n  - [B](#b)\n\n## A\n\n- [Top](#t)\n- [Bottom](#b)\n"
    assert lint(text, RULE) == []


def test_group_label_with_a_link_heading_a_sub_list_is_not_an_entry() -> None:
    text = section(
        "- [Foo](https://foo.dev) - Foo.",
        "- Redis ([site](https://redis.io))",
        "  - [redis-py](https://r.dev) - Client.",
        "- [Baz](https://baz.dev) - Baz.",
        "- Bar: [docs](https://bar.dev)",
    )
    assert where(lint(text, RULE)) == [(9, 3, RULE)]


def test_table_of_contents_under_the_title_with_a_label_level_is_silent() -> None:
    # awesome-javascript: its contents list sits under the H1, a `Utilities` label heads a level
    text = (
        "# Awesome JS\n\n"
        "* [Awesome JS](#awesome-js)\n"
        "  * [Loaders](#loaders)\n"
        "  * Utilities\n"
        "    * [Files](#files)\n"
        "  * [Maps](#maps)\n"
        "* [Worth Reading](#worth-reading)\n"
    )
    assert lint(text, RULE) == []


def test_anchors_in_a_mostly_anchor_list_are_silent_and_in_other_lists_reported() -> None:
    # awesome-shell: a contents list with three external awesome lists among its anchors
    mostly = section("- [Shells](#shells)", "- [Guides](#guides)", "- [Awesome Zsh](https://zsh.dev)")
    assert lint(mostly, RULE) == []
    half = section("- [Shells](#shells)", "- [Awesome Zsh](https://zsh.dev) - Zsh.")
    assert where(lint(half, RULE)) == [(5, 12, RULE)]


@pytest.mark.parametrize("url", ["a." * 20000 + "x", "a-" * 20000 + ".x", "www." + "a" * 40000 + "?"])
def test_long_urls_are_checked_in_linear_time(url: str) -> None:
    # issue 12 item 11: no pattern of this rule may backtrack over a long host (each takes ~10 ms)
    text = section(f"- [A]({url}) - A.")
    started = time.perf_counter()
    lint(text, RULE)
    assert time.perf_counter() - started < 0.5


# -- all entry-format rules together on real lists -------------------------------------------------
import collections  # noqa: E402
from pathlib import Path  # noqa: E402


from awesome_lint.diagnostics import Applicability  # noqa: E402
from awesome_lint.document.build import build_document  # noqa: E402
from awesome_lint.fix import fix_text  # noqa: E402
from helpers import config_for, corpus_files  # noqa: E402

ENTRY_RULES = (
    "entry-link",
    "entry-separator",
    "description-case",
    "description-period",
    "description-repeats-name",
    "missing-description",
    "list-marker-style",
    "bullet-indent",
    "marker-space",
    "trailing-whitespace",
    "final-newline",
)


@pytest.mark.parametrize("path", corpus_files(), ids=lambda p: p.name)
def test_entry_rule_fixes_on_corpus_are_lossless_complete_and_idempotent(path: Path) -> None:
    text = path.read_text(encoding="utf-8-sig")
    config = config_for(*ENTRY_RULES)
    result = fix_text(str(path), text, config)
    urls = lambda source: collections.Counter(link.url for link in build_document("x.md", source).links)  # noqa: E731
    assert urls(result.text) == urls(text)
    assert not [d for d in result.remaining if d.fix is not None and d.fix.applicability is Applicability.SAFE]
    assert fix_text(str(path), result.text, config).text == result.text
