from __future__ import annotations

import pytest

from awesome_lint.diagnostics import Applicability
from awesome_lint.facts import LinkFact
from online_facts import dead, fix_online, links, lint_online, redirect, seen, working

RULE = "link-redirect"


def entry(url: str) -> str:
    return f"# Awesome\n\n- [Tool]({url}) - A tool.\n- [Other](https://other.example) - Other.\n"


@pytest.mark.parametrize(
    ("url", "final"),
    [
        ("http://tool.example/docs", "https://tool.example/docs"),  # only http -> https
        ("https://tool.example/docs", "https://tool.example/v2/docs/"),  # the path changes on the site
        ("https://tool.example/docs", "https://www.tool.example/docs"),  # www. added
        ("http://www.tool.example/", "https://tool.example/"),  # www. dropped, https
        ("https://tool.example/wiki/A_(b)", "https://tool.example/wiki/B_(c)"),  # balanced parentheses
    ],
)
def test_a_redirect_on_the_same_site_has_a_safe_fix(url: str, final: str) -> None:
    facts = links(redirect(url, final), working("https://other.example"))
    found = lint_online(entry(url), RULE, facts)
    assert seen(found) == [(3, 3, RULE, "warning", f"{url} redirects permanently to {final}")]
    assert found[0].fix is not None and found[0].fix.applicability is Applicability.SAFE
    assert fix_online(entry(url), RULE, facts).text == entry(final)


@pytest.mark.parametrize(
    ("url", "final", "doubt"),
    [
        ("https://tool.example/docs", "https://tool.dev/docs", "it is on another site"),
        ("http://tool.example/", "https://parked.example/?ref=tool", "it is on another site"),
        ("https://tool.example/docs", "http://tool.example/docs", "it drops https"),
        ("https://tool.example/docs/page", "https://tool.example/", "a page that leads to the home page is often gone"),
    ],
)
def test_a_redirect_that_leaves_the_site_has_an_unsafe_fix(url: str, final: str, doubt: str) -> None:
    facts = links(redirect(url, final))
    (found,) = lint_online(entry(url), RULE, facts)
    assert found.fix is not None
    assert (found.fix.applicability, found.fix.message) == (Applicability.UNSAFE, f"Link the final URL (check it first: {doubt})")
    assert fix_online(entry(url), RULE, facts).text == entry(url)
    assert fix_online(entry(url), RULE, facts, unsafe=True).text == entry(final)


def test_the_fragment_of_the_link_is_kept() -> None:
    url = "http://tool.example/docs#usage"
    facts = links(redirect(url, "https://tool.example/docs"))
    assert seen(lint_online(entry(url), RULE, facts)) == [
        (3, 3, RULE, "warning", f"{url} redirects permanently to https://tool.example/docs#usage")
    ]
    assert fix_online(entry(url), RULE, facts).text == entry("https://tool.example/docs#usage")


@pytest.mark.parametrize(
    "final", ["https://tool.example/a b", "https://tool.example/a)", "https://tool.example/<a>", "ftp://tool.example/a"]
)
def test_no_fix_when_the_final_url_would_break_the_link_or_is_not_a_web_page(final: str) -> None:
    url = "https://tool.example/a"
    (found,) = lint_online(entry(url), RULE, links(redirect(url, final)))
    assert found.message == f"{url} redirects permanently to {final}"
    assert found.fix is None


def test_an_angle_bracket_destination_is_rewritten_inside_the_brackets() -> None:
    markdown = "- [Tool](<http://tool.example>) - A tool.\n"
    facts = links(redirect("http://tool.example", "https://tool.example"))
    assert fix_online(markdown, RULE, facts).text == "- [Tool](<https://tool.example>) - A tool.\n"


def test_a_reference_link_gets_its_definition_rewritten_once_for_all_its_uses() -> None:
    markdown = (
        "- [Tool][tool] - A tool.\n"
        "- [Kit](https://kit.example) - Uses [the tool][Tool].\n"
        "\n"
        "[tool]: http://tool.example/ \"The tool\"\n"
    )
    facts = links(redirect("http://tool.example/", "https://tool.example/"))
    found = lint_online(markdown, RULE, facts)
    assert [(d.line, d.column) for d in found] == [(1, 3), (2, 37)]
    result = fix_online(markdown, RULE, facts)
    assert result.text == markdown.replace("[tool]: http://", "[tool]: https://")
    assert result.remaining == []


def test_a_definition_on_the_next_line_is_found() -> None:
    markdown = "- [Tool][tool] - A tool.\n\n[tool]:\n  http://tool.example\n"
    facts = links(redirect("http://tool.example", "https://tool.example"))
    assert fix_online(markdown, RULE, facts).text == "- [Tool][tool] - A tool.\n\n[tool]:\n  https://tool.example\n"


def test_no_fix_when_the_definition_is_written_otherwise_than_the_parsed_url() -> None:
    markdown = "- [Tool][tool] - A tool.\n\n[tool]: <http://tool.example/a b>\n"
    facts = links(redirect("http://tool.example/a%20b", "https://tool.example/a%20b"))
    (found,) = lint_online(markdown, RULE, facts)
    assert found.fix is None


def test_the_fix_keeps_crlf_line_endings() -> None:
    markdown = "# Awesome\r\n\r\n- [Tool](http://tool.example) - A tool.\r\n"
    facts = links(redirect("http://tool.example", "https://tool.example"))
    assert fix_online(markdown, RULE, facts).text == "# Awesome\r\n\r\n- [Tool](https://tool.example) - A tool.\r\n"


def test_fixing_settles_and_is_idempotent() -> None:
    markdown = entry("http://tool.example") + "- [More](http://more.example) - More.\n"
    facts = links(redirect("http://tool.example", "https://tool.example"), redirect("http://more.example", "https://more.example"))
    once = fix_online(markdown, RULE, facts)
    assert (once.passes, once.remaining) == (1, [])
    assert fix_online(once.text, RULE, facts).text == once.text


@pytest.mark.parametrize(
    "fact",
    [
        working("http://tool.example"),
        dead("http://tool.example"),
        redirect("http://tool.example", None),
        redirect("http://tool.example", "http://tool.example"),
        redirect("http://elsewhere.example", "https://elsewhere.example"),
    ],
    ids=["working", "dead", "no-final-url", "same-url", "not-this-link"],
)
def test_silent_without_a_permanent_redirect_to_another_url(fact: LinkFact) -> None:
    assert lint_online(entry("http://tool.example"), RULE, links(fact)) == []


def test_offline_the_rule_is_silent() -> None:
    assert lint_online(entry("http://tool.example"), RULE, None) == []


def test_toc_anchors_and_images_are_never_reported() -> None:
    markdown = "- [Tools](#tools)\n- [![logo](http://img.example/a.png)](https://x.example) - X.\n\n## Tools\n"
    facts = links(redirect("#tools", "https://x.example/#tools"), redirect("http://img.example/a.png", "https://img.example/a.png"))
    assert lint_online(markdown, RULE, facts) == []
