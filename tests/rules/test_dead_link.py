from __future__ import annotations

import pytest

from awesome_lint.cli import main
from awesome_lint.rules.dead_link import DeadLinkOptions
from online_facts import dead, links, lint_online, redirect, seen, unverified, working

RULE = "dead-link"

LIST = (
    "# Awesome Things\n"  # 1
    "\n"
    "- [Gone](https://gone.example/page) - Built on [Base](https://base.example).\n"  # 3
    "- [Slow](https://slow.example) - Slow server.\n"  # 4
    "- [Fine](https://fine.example) - Works.\n"  # 5
)


def test_a_dead_link_is_an_error_and_a_link_that_could_not_be_verified_a_warning() -> None:
    facts = links(
        dead("https://gone.example/page"),
        dead("https://base.example", "host does not resolve", None),
        unverified("https://slow.example", "timed out after 10 s", None),
        working("https://fine.example"),
    )
    assert seen(lint_online(LIST, RULE, facts)) == [
        (3, 3, RULE, "error", "Dead link: https://gone.example/page (404 Not Found)"),
        (3, 48, RULE, "error", "Dead link: https://base.example (host does not resolve)"),
        (4, 3, RULE, "warning", "Could not verify https://slow.example (timed out after 10 s)"),
    ]


def test_the_finding_spans_the_whole_link() -> None:
    (finding,) = lint_online(LIST, RULE, links(dead("https://fine.example")))
    assert LIST[finding.start : finding.end] == "[Fine](https://fine.example)"


def test_working_and_redirecting_links_are_silent() -> None:
    facts = links(working("https://gone.example/page"), redirect("https://slow.example", "https://slow.example/"))
    assert lint_online(LIST, RULE, facts) == []


def test_offline_the_rule_is_silent() -> None:
    assert lint_online(LIST, RULE, None) == []


def test_a_link_the_checks_did_not_look_at_is_silent() -> None:
    assert lint_online(LIST, RULE, links(dead("https://elsewhere.example"))) == []


def test_every_occurrence_of_a_dead_link_is_reported() -> None:
    markdown = "- [A](https://gone.example) - A.\n- [B](https://b.example) - Like [A](https://gone.example).\n"
    assert [(line, column) for line, column, *_ in seen(lint_online(markdown, RULE, links(dead("https://gone.example"))))] == [
        (1, 3),
        (2, 33),
    ]


@pytest.mark.parametrize("status", [401, 403])
def test_statuses_of_sites_that_block_robots_are_accepted_by_default(status: int) -> None:
    facts = links(unverified("https://slow.example", f"{status}", status))
    assert lint_online(LIST, RULE, facts) == []


def test_the_accept_option_replaces_the_accepted_statuses() -> None:
    facts = links(unverified("https://slow.example", "403 Forbidden", 403), dead("https://fine.example", "410 Gone", 410))
    assert seen(lint_online(LIST, RULE, facts, DeadLinkOptions(accept=(410,)))) == [
        (4, 3, RULE, "warning", "Could not verify https://slow.example (403 Forbidden)"),
    ]


def test_toc_anchors_images_and_links_outside_entries_are_never_reported() -> None:
    markdown = (
        "# Awesome ![logo](https://img.example/logo.svg)\n\n"
        "See [the site](https://intro.example).\n\n"
        "- [Tools](#tools)\n\n"
        "## Tools\n\n"
        "- [![badge](https://img.example/badge.svg) Tool](https://tool.example) - Tool.\n"
        "- [Mail](mailto:someone@example.com) - Mail.\n"
    )
    facts = links(
        dead("https://img.example/logo.svg"),
        dead("https://intro.example"),
        dead("#tools"),
        dead("https://img.example/badge.svg"),
        dead("mailto:someone@example.com"),
        working("https://tool.example"),
    )
    assert lint_online(markdown, RULE, facts) == []


def test_a_reference_link_is_reported_where_it_is_used() -> None:
    markdown = "- [Gone][gone] - A.\n\n[gone]: https://gone.example\n"
    assert seen(lint_online(markdown, RULE, links(dead("https://gone.example")))) == [
        (1, 3, RULE, "error", "Dead link: https://gone.example (404 Not Found)"),
    ]


def test_a_relative_link_to_a_missing_file_is_reported() -> None:
    markdown = "- [Guide](docs/guide.md) - Our guide.\n"
    assert seen(lint_online(markdown, RULE, links(dead("docs/guide.md", "no such file in the checkout", None)))) == [
        (1, 3, RULE, "error", "Dead link: docs/guide.md (no such file in the checkout)"),
    ]


def test_a_fact_without_a_reason_gives_a_message_without_parentheses() -> None:
    assert seen(lint_online(LIST, RULE, links(dead("https://fine.example", "")))) == [
        (5, 3, RULE, "error", "Dead link: https://fine.example"),
    ]


def test_a_no_dead_urls_comment_suppresses_the_rule() -> None:
    markdown = "<!--lint disable no-dead-urls-->\n\n" + LIST
    assert lint_online(markdown, RULE, links(dead("https://gone.example/page"))) == []
    ignored = "- [Fine](https://fine.example) - Works.\n<!--lint ignore no-dead-urls-->\n- [Gone](https://gone.example) - A.\n"
    facts = links(dead("https://gone.example"), dead("https://fine.example"))
    assert [line for line, *_ in seen(lint_online(ignored, RULE, facts))] == [1]


@pytest.mark.parametrize("name", ["dead-link", "no-dead-urls"])
def test_awesome_lint_rule_prints_the_documentation(name: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rule", name]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# dead-link\n")
    assert "Aliases: no-dead-urls" in out
    assert "Every link of an entry answers: no 404, no host that does not resolve." in out
    assert "Fix safety:" in out
