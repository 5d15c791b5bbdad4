from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from awesome_lint.config import load_config
from awesome_lint.diagnostics import Applicability, FatalError
from awesome_lint.document.build import build_document
from awesome_lint.facts import OnlineFacts, RepoFact
from awesome_lint.linter import lint_document
from awesome_lint.rules.github_repository import GitHubRepositoryOptions
from online_facts import NOW, fix_online, lint_online, seen

RULE = "github-repository"

LIST = (
    "# Awesome\n"  # 1
    "\n"
    "- [mistune](https://github.com/lepture/mistune) - Markdown parser.\n"  # 3
    "- [fork](https://github.com/me/fork) - Fork of [old](https://github.com/them/old).\n"  # 4
)


def found(slug: str, **fields: object) -> RepoFact:
    values: dict[str, object] = {
        "name_with_owner": slug,
        "pushed_at": "2025-12-01T00:00:00Z",
        "created_at": "2015-01-01T00:00:00Z",
        "stars": 100,
        "license": "MIT",
    }
    values.update(fields)
    return RepoFact(slug.lower(), True, **values)  # type: ignore[arg-type]


def repositories(*facts: RepoFact) -> OnlineFacts:
    return OnlineFacts(repositories={fact.slug: fact for fact in facts}, now=NOW)


HEALTHY = (found("lepture/mistune"), found("me/fork"), found("them/old"))
ONE_ENTRY = "- [mistune](https://github.com/lepture/mistune) - Markdown parser.\n"


def test_healthy_repositories_are_silent() -> None:
    assert lint_online(LIST, RULE, repositories(*HEALTHY)) == []


def test_a_missing_or_disabled_repository_is_an_error() -> None:
    facts = repositories(RepoFact("lepture/mistune", False), found("me/fork", disabled=True, archived=True), found("them/old"))
    assert seen(lint_online(LIST, RULE, facts)) == [
        (3, 3, RULE, "error", "lepture/mistune does not exist on GitHub (deleted, renamed away or private)"),
        (4, 3, RULE, "error", "me/fork is disabled on GitHub"),
    ]


def test_a_missing_repository_in_a_description_is_reported_at_that_link() -> None:
    facts = repositories(found("lepture/mistune"), found("me/fork"), RepoFact("them/old", False))
    assert seen(lint_online(LIST, RULE, facts)) == [
        (4, 48, RULE, "error", "them/old does not exist on GitHub (deleted, renamed away or private)"),
    ]


def test_an_archived_repository_is_a_warning_by_default() -> None:
    facts = repositories(found("lepture/mistune", archived=True), found("me/fork"), found("them/old"))
    assert seen(lint_online(LIST, RULE, facts)) == [
        (3, 3, RULE, "warning", "lepture/mistune is archived on GitHub (read-only)"),
    ]


@pytest.mark.parametrize(("setting", "expected"), [("error", ["error"]), ("warning", ["warning"]), ("off", [])])
def test_the_archived_option_sets_the_severity_or_turns_it_off(setting: str, expected: list[str]) -> None:
    facts = repositories(found("lepture/mistune", archived=True), found("me/fork"), found("them/old"))
    options = GitHubRepositoryOptions(archived=setting)  # type: ignore[arg-type]
    assert [d.severity.value for d in lint_online(LIST, RULE, facts, options)] == expected


def test_an_archived_repository_a_description_mentions_is_not_the_entry_s_problem() -> None:
    facts = repositories(found("lepture/mistune"), found("me/fork"), found("them/old", archived=True, stars=0, license=None))
    options = GitHubRepositoryOptions(min_stars=10, require_license=True)
    assert lint_online(LIST, RULE, facts, options) == []


def test_a_renamed_repository_gets_a_safe_fix_to_its_canonical_name() -> None:
    markdown = "- [old](https://github.com/someone/old-name/tree/main/docs?tab=readme#usage) - Renamed.\n"
    facts = repositories(found("someone/old-name", name_with_owner="Someone/new-name"))
    (finding,) = lint_online(markdown, RULE, facts)
    assert seen([finding]) == [(1, 3, RULE, "error", "someone/old-name is now Someone/new-name on GitHub (renamed or moved)")]
    assert finding.fix is not None and finding.fix.applicability is Applicability.SAFE
    result = fix_online(markdown, RULE, facts)
    assert result.text == "- [old](https://github.com/Someone/new-name/tree/main/docs?tab=readme#usage) - Renamed.\n"
    assert result.remaining == []
    assert fix_online(result.text, RULE, facts).text == result.text


def test_a_rename_fix_keeps_the_git_suffix_and_edits_every_link_of_the_entry_to_the_repository() -> None:
    markdown = (
        "- [old](https://github.com/a/old.git) - Renamed, see [its wiki](https://github.com/a/old/wiki) "
        "and [the docs][docs].\n\n[docs]: https://github.com/A/Old/blob/main/README.md\n"
    )
    facts = repositories(found("a/old", name_with_owner="b/new"))
    assert [(d.line, d.column) for d in lint_online(markdown, RULE, facts)] == [(1, 3)]
    assert fix_online(markdown, RULE, facts).text == (
        "- [old](https://github.com/b/new.git) - Renamed, see [its wiki](https://github.com/b/new/wiki) "
        "and [the docs][docs].\n\n[docs]: https://github.com/b/new/blob/main/README.md\n"
    )


def test_two_references_to_one_definition_make_one_edit() -> None:
    markdown = "- [old][o] - Renamed; [source][o].\n\n[o]: https://github.com/a/old\n"
    facts = repositories(found("a/old", name_with_owner="b/new"))
    assert fix_online(markdown, RULE, facts).text == "- [old][o] - Renamed; [source][o].\n\n[o]: https://github.com/b/new\n"


def test_a_difference_of_case_alone_is_not_a_rename() -> None:
    facts = repositories(found("lepture/mistune", name_with_owner="Lepture/Mistune"), found("me/fork"), found("them/old"))
    assert lint_online(LIST, RULE, facts) == []


def test_an_entry_linking_one_repository_twice_is_reported_once_at_its_main_link() -> None:
    markdown = "- [Docs](https://docs.example) - See [repo](https://github.com/a/gone) and [issues](https://github.com/a/gone/issues).\n"
    markdown += "- [gone](https://github.com/A/gone) - Main link, found after its description mentions.\n"
    facts = repositories(RepoFact("a/gone", False))
    assert [(line, column) for line, column, *_ in seen(lint_online(markdown, RULE, facts))] == [(1, 38), (2, 3)]


@pytest.mark.parametrize(
    ("options", "fields", "message"),
    [
        (GitHubRepositoryOptions(max_days_since_push=30), {"pushed_at": "2025-11-01T00:00:00Z"}, "lepture/mistune: no push for 61 days (at most 30)"),
        (GitHubRepositoryOptions(min_stars=101), {}, "lepture/mistune has 100 stars (at least 101)"),
        (GitHubRepositoryOptions(require_license=True), {"license": None}, "lepture/mistune has no licence GitHub recognises"),
    ],
)
def test_the_thresholds_report_when_set(options: GitHubRepositoryOptions, fields: dict[str, object], message: str) -> None:
    facts = repositories(found("lepture/mistune", **fields))
    assert seen(lint_online(ONE_ENTRY, RULE, facts, options)) == [(1, 3, RULE, "error", message)]
    assert lint_online(ONE_ENTRY, RULE, facts) == []  # off until set


def test_the_thresholds_are_silent_at_their_limit() -> None:
    options = GitHubRepositoryOptions(max_days_since_push=61, min_stars=100, require_license=True)
    facts = repositories(found("lepture/mistune", pushed_at="2025-11-01T00:00:00Z"))
    assert lint_online(ONE_ENTRY, RULE, facts, options) == []


def test_unknown_push_time_and_stars_are_not_reported() -> None:
    facts = repositories(found("lepture/mistune", pushed_at=None, stars=None))
    assert lint_online(ONE_ENTRY, RULE, facts, GitHubRepositoryOptions(max_days_since_push=1, min_stars=1)) == []


def test_offline_or_unchecked_repositories_are_silent() -> None:
    assert lint_online(LIST, RULE, None) == []
    assert lint_online(LIST, RULE, repositories(RepoFact("someone/else", False))) == []


def test_images_and_github_pages_that_are_not_repositories_are_never_reported() -> None:
    markdown = (
        "- [![CI](https://github.com/a/gone/actions/workflows/ci.yml/badge.svg)](https://tool.example) - Tool.\n"
        "- [Topic](https://github.com/topics/awesome) - A topic; by [a](https://github.com/a).\n"
    )
    facts = repositories(RepoFact("a/gone", False), RepoFact("topics/awesome", False))
    assert lint_online(markdown, RULE, facts) == []


def test_a_lint_comment_suppresses_the_rule() -> None:
    markdown = "<!--lint ignore github-repository-->\n- [gone](https://github.com/a/gone) - Gone.\n"
    assert lint_online(markdown, RULE, repositories(RepoFact("a/gone", False))) == []


def test_config_archived_off_turns_the_archived_finding_off(tmp_path: Path) -> None:
    readme = tmp_path / "README.md"
    readme.write_text(LIST, encoding="utf-8")
    facts = repositories(found("lepture/mistune", archived=True), found("me/fork"), found("them/old"))
    (tmp_path / "pyproject.toml").write_text(
        textwrap.dedent(
            """\
            [tool.awesome-lint]
            select = ["github-repository"]

            [tool.awesome-lint.github-repository]
            archived = "off"
            min-stars = 5
            """
        ),
        encoding="utf-8",
    )
    config = load_config(readme)
    assert config.rule_options[RULE] == GitHubRepositoryOptions(archived="off", min_stars=5)
    assert lint_document(build_document(str(readme), LIST), config, online=facts) == []
    (tmp_path / "pyproject.toml").write_text('[tool.awesome-lint.github-repository]\narchived = "sometimes"\n', encoding="utf-8")
    with pytest.raises(FatalError, match=r"archived: expected one of \"warning\", \"error\", \"off\", got \"sometimes\""):
        load_config(readme)


@pytest.mark.parametrize(
    "description",
    ["(unmaintained) MongoDB driver.", "(Archived) A template engine.", "**[Deprecated]** Use another.", "Works, but no longer maintained."],
)
def test_an_entry_already_marked_unmaintained_is_not_reported_archived_or_idle(description: str) -> None:
    markdown = f"- [mgo](https://github.com/globalsign/mgo) - {description}\n"
    facts = repositories(found("globalsign/mgo", archived=True, pushed_at="2018-01-01T00:00:00Z", stars=1))
    options = GitHubRepositoryOptions(max_days_since_push=365, min_stars=10)
    assert seen(lint_online(markdown, RULE, facts, options)) == [(1, 3, RULE, "error", "globalsign/mgo has 1 star (at least 10)")]


def test_a_word_about_archives_is_not_a_marker() -> None:
    markdown = "- [stdman](https://github.com/jeaye/stdman) - Parses archived HTML files.\n"
    facts = repositories(found("jeaye/stdman", archived=True))
    assert seen(lint_online(markdown, RULE, facts)) == [(1, 3, RULE, "warning", "jeaye/stdman is archived on GitHub (read-only)")]


def test_no_fix_when_the_canonical_name_is_not_an_owner_and_a_name() -> None:
    markdown = "- [old](https://github.com/a/old) - Renamed.\n"
    (finding,) = lint_online(markdown, RULE, repositories(found("a/old", name_with_owner="b/new (x)")))
    assert (finding.message, finding.fix) == ("a/old is now b/new (x) on GitHub (renamed or moved)", None)


@pytest.mark.xfail(
    strict=True,
    raises=ValueError,
    reason="facts.github_repository lets urlsplit's ValueError out on a malformed host; fix it there, then drop this mark",
)
def test_a_malformed_url_in_an_entry_does_not_stop_the_rule() -> None:
    markdown = "- [x](https://[x/y) - X.\n- [gone](https://github.com/a/gone) - Gone.\n"
    assert [d.line for d in lint_online(markdown, RULE, repositories(RepoFact("a/gone", False)))] == [2]
