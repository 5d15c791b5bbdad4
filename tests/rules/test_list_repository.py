from __future__ import annotations

import pytest

from awesome_lint.facts import OnlineFacts, RepoFact
from awesome_lint.rules import resolve_rule_id
from awesome_lint.rules._online import days_since
from awesome_lint.rules.list_repository import ListRepositoryOptions
from online_facts import NOW, lint_online, seen

RULE = "list-repository"
LIST = "# Awesome Things\n\n- [A](https://a.example) - A.\n"
ABOUT = "add {} in the About settings of the repository on GitHub"


def own(**fields: object) -> OnlineFacts:
    values: dict[str, object] = {
        "name_with_owner": "me/awesome-things",
        "description": "A curated list of things",
        "topics": ("awesome", "awesome-list", "things"),
        "created_at": "2025-06-01T00:00:00Z",
    }
    values.update(fields)
    return OnlineFacts(own_repository=RepoFact("me/awesome-things", True, **values), now=NOW)  # type: ignore[arg-type]


def test_a_described_tagged_and_old_enough_repository_is_silent() -> None:
    assert lint_online(LIST, RULE, own()) == []


def test_every_problem_is_reported_on_the_title() -> None:
    facts = own(description="  ", topics=("things",), created_at="2025-12-22T00:00:00Z")
    assert seen(lint_online(LIST, RULE, facts)) == [
        (1, 1, RULE, "error", "The repository has no description: " + ABOUT.format("one")),
        (1, 1, RULE, "warning", "The repository is 10 days old: lists are accepted after 30 days"),
        (1, 1, RULE, "error", "The repository lacks the topics awesome and awesome-list: " + ABOUT.format("them")),
    ]


@pytest.mark.parametrize(("topics", "missing"), [(("awesome",), "awesome-list"), (("Awesome-List",), "awesome")])
def test_one_missing_topic_is_named(topics: tuple[str, ...], missing: str) -> None:
    assert seen(lint_online(LIST, RULE, own(topics=topics))) == [
        (1, 1, RULE, "error", f"The repository lacks the topic {missing}: " + ABOUT.format("it")),
    ]


def test_the_finding_spans_the_title_wherever_it_is() -> None:
    markdown = '<p align="center"><img src="logo.svg"></p>\n\n# Awesome Things\n\n- [A](https://a.example) - A.\n'
    (finding,) = lint_online(markdown, RULE, own(description=None))
    assert (finding.line, finding.column, markdown[finding.start : finding.end]) == (3, 1, "# Awesome Things")


def test_without_a_title_the_finding_is_on_line_one() -> None:
    (finding,) = lint_online("- [A](https://a.example) - A.\n", RULE, own(description=None))
    assert (finding.line, finding.column, finding.start, finding.end) == (1, 1, 0, 0)


@pytest.mark.parametrize(
    ("options", "created_at", "reported"),
    [
        (ListRepositoryOptions(), "2025-12-02T00:00:00Z", False),  # 30 days old: accepted
        (ListRepositoryOptions(), "2025-12-03T00:00:00Z", True),  # 29 days
        (ListRepositoryOptions(min_age_days=0), "2025-12-31T00:00:00Z", False),  # off
        (ListRepositoryOptions(min_age_days=60), "2025-12-02T00:00:00Z", True),
    ],
)
def test_the_minimum_age_is_an_option(options: ListRepositoryOptions, created_at: str, reported: bool) -> None:
    assert bool(lint_online(LIST, RULE, own(created_at=created_at), options)) is reported


def test_silent_when_the_repository_was_not_looked_up_or_not_found() -> None:
    assert lint_online(LIST, RULE, None) == []
    assert lint_online(LIST, RULE, OnlineFacts(now=NOW)) == []
    assert lint_online(LIST, RULE, OnlineFacts(own_repository=RepoFact("me/awesome-things", False), now=NOW)) == []


def test_without_a_clock_the_age_is_not_judged() -> None:
    facts = OnlineFacts(own_repository=own(created_at="2025-12-31T00:00:00Z").own_repository)
    assert lint_online(LIST, RULE, facts) == []


def test_awesome_github_names_both_rules_and_its_comment_suppresses_this_one() -> None:
    assert resolve_rule_id("awesome-github") == ["license-file", "list-repository"]
    assert resolve_rule_id("awesome-git-repo-age") == ["list-repository"]
    for comment in ("<!--lint disable awesome-github-->", "<!--lint disable awesome-git-repo-age-->"):
        markdown = LIST.replace("\n\n", f"\n\n{comment}\n\n", 1)
        assert lint_online(markdown, RULE, own(description=None)) == [], comment
    assert lint_online(LIST.replace("\n\n", "\n\n<!--lint disable license-file-->\n\n", 1), RULE, own(description=None)) != []


@pytest.mark.parametrize(
    ("timestamp", "now", "days"),
    [
        ("2025-12-31T00:00:01Z", NOW, 0),
        ("2025-12-31T00:00:00+00:00", NOW, 1),
        ("2025-12-31T00:00:00", NOW, 1),  # no zone: UTC
        ("yesterday", NOW, None),
        (None, NOW, None),
        ("2025-12-31T00:00:00Z", 0.0, None),
    ],
)
def test_days_since(timestamp: str | None, now: float, days: int | None) -> None:
    assert days_since(timestamp, now) == days
