from __future__ import annotations

import pytest

from awesome_lint.rules.spell_check import SpellCheckOptions, parse_spellings
from tests.helpers import fixed, lint, where

RULE = "spell-check"


def messages(markdown: str, **options: object) -> list[tuple[int, int, str]]:
    found = lint(markdown, RULE, options={RULE: SpellCheckOptions(**options)} if options else None)
    return [(d.line, d.column, d.message) for d in found]


def test_reports_misspelled_names_in_a_description_with_position_and_message() -> None:
    markdown = "# Awesome\n\n- [Foo](https://foo.dev) - Javascript client for the Github API.\n"
    assert messages(markdown) == [
        (3, 28, 'Text "Javascript" should be written as "JavaScript" (if referring to the technology)'),
        (3, 54, 'Text "Github" should be written as "GitHub" (if referring to the technology)'),
    ]


@pytest.mark.parametrize(
    ("wrong", "right"),
    [("NodeJS", "Node.js"), ("nodejs", "Node.js"), ("OSX", "macOS"), ("Mac OS X", "macOS"),
     ("postgresql", "PostgreSQL"), ("postgres", "Postgres"), ("Youtube", "YouTube"), ("StackOverflow", "Stack Overflow"),
     ("c++", "C++"), ("ios", "iOS"), ("Typescript", "TypeScript")],
)
def test_each_variant_is_fixed_to_the_correct_spelling(wrong: str, right: str) -> None:
    result = fixed(f"Works with {wrong} today.\n", RULE)
    assert result.text == f"Works with {right} today.\n"


def test_multi_word_variant_across_a_line_break_is_one_finding() -> None:
    assert where(lint("Questions from Stack\noverflow answered.\n", RULE)) == [(1, 16, RULE)]


def test_headings_and_link_texts_are_prose() -> None:
    markdown = "## Github tools\n\n- [Youtube](https://youtube.com) - Videos.\n"
    assert where(lint(markdown, RULE)) == [(1, 4, RULE), (3, 4, RULE)]


@pytest.mark.parametrize(
    "markdown",
    [
        "Correct: JavaScript, GitHub, Node.js, macOS, PostgreSQL, YouTube, Stack Overflow.\n",
        "- [Foo](https://github.com/javascript/nodejs) - Bar.\n",  # link target
        "See https://www.youtube.com/github or www.github.com/x today.\n",  # bare URLs
        "Run `npm install github` and ``nodejs`` here.\n",  # code spans
        "```\ngithub javascript\n```\n",  # fenced code
        "    javascript in indented code\n",  # indented code
        "<p>javascript in html</p>\n",  # HTML block
        "A <span title='github'>tag</span> and <!-- github --> comment.\n",  # inline HTML
        "Packages node-github, awesome_javascript, foo.github.io and @github/x.\n",  # glued
        "![github](https://img.shields.io/badge.svg) badge alt text.\n",  # image alt text
        "Uses [the API][github] here.\n\n[github]: https://github.com\n",  # reference label and definition
        "I react quickly to a swift rust problem.\n",  # context-only words without context
        "Pure Go Postgres driver; Postgres and PostgreSQL are both names.\n",
        # git as the command or its objects (awesome-go.md lines 3037, 2984):
        "- [hub](https://github.com/github/hub) - wrap git commands with additional functionality.\n",
        "- [gitbatch](https://github.com/isacikgoz/gitbatch) - manage your git repositories in one place.\n",
        "Analyze git commit messages and show git history, git diff and git tags.\n",
    ],
)
def test_does_not_report_outside_prose_or_correct_spellings(markdown: str) -> None:
    assert lint(markdown, RULE) == []


def test_name_at_the_end_of_a_sentence_is_reported() -> None:
    # awesome-lint skips it because a "." follows; a sentence's full stop is not glue.
    assert where(lint("Hosted on Github.\n", RULE)) == [(1, 11, RULE)]


def test_context_only_words_are_reported_in_context() -> None:
    assert messages("A react component and a rust compiler.\n") == [
        (1, 3, 'Text "react" should be written as "React" (if referring to the technology)'),
        (1, 25, 'Text "rust" should be written as "Rust" (if referring to the technology)'),
    ]


def test_leading_context_phrase_makes_a_context_only_word_a_finding() -> None:
    assert where(lint("Built with parcel, and a parcel arrived.\n", RULE)) == [(1, 12, RULE)]


def test_disable_option_turns_an_entry_off() -> None:
    assert messages("Hosted on Github, with git hosting.\n", disable=("GitHub",)) == [
        (1, 24, 'Text "git" should be written as "Git" (if referring to the technology)')
    ]


def test_extra_option_adds_and_replaces_entries() -> None:
    extra = ("Foobar = foo bar | foobar", "GitHub = github ; after: api")
    assert [m[2] for m in messages("The foobar and Foo Bar, Github, github api.\n", extra=extra)] == [
        'Text "foobar" should be written as "Foobar" (if referring to the technology)',
        'Text "Foo Bar" should be written as "Foobar" (if referring to the technology)',
        'Text "github" should be written as "GitHub" (if referring to the technology)',
    ]


def test_diagnostics_are_warnings_with_a_safe_fix() -> None:
    (diagnostic,) = lint("Uses Github.\n", RULE)
    assert diagnostic.severity.value == "warning"
    assert diagnostic.fix is not None and diagnostic.fix.applicability.value == "safe"


def test_parse_spellings_reads_contexts_and_macros() -> None:
    spellings = parse_spellings(
        ["# comment", "@ctx = made with | via", "React = react ; after: hook hooks ; before: @ctx", "", "npm = npm"]
    )
    assert [(s.correct, s.variants, s.after, s.before) for s in spellings] == [
        ("React", ("react",), ("hook", "hooks"), ("made with", "via")),
        ("npm", ("npm",), (), ()),
    ]


def test_parse_spellings_rejects_a_line_without_equals() -> None:
    with pytest.raises(ValueError, match="without '='"):
        parse_spellings(["GitHub github"])


def test_slash_is_glue_only_inside_path_like_tokens() -> None:
    markdown = "Drivers go-sql-driver/mysql and tls/http1.x/websocket; chat (Slack/StackOverflow) and RSS/ATOM feeds.\n"
    assert [m[2].split('"')[1] for m in messages(markdown)] == ["StackOverflow", "ATOM"]


def test_git_is_reported_only_where_it_names_the_product() -> None:
    assert messages("A git client, git hosting and a git GUI, built with git.\n") == [
        (1, 3, 'Text "git" should be written as "Git" (if referring to the technology)'),
        (1, 15, 'Text "git" should be written as "Git" (if referring to the technology)'),
        (1, 33, 'Text "git" should be written as "Git" (if referring to the technology)'),
        (1, 53, 'Text "git" should be written as "Git" (if referring to the technology)'),
    ]
    assert fixed("Lightweight git server.\n", RULE).text == "Lightweight Git server.\n"


def test_identifier_link_texts_are_not_prose() -> None:
    for link in (
        "[nodejs/node](https://github.com/nodejs/node)",  # owner/repo
        "[scipy](https://github.com/scipy/scipy)",  # a package name, as in its destination
        "[javascript](https://github.com/topics/javascript)",  # a keyword link
        "[ffmpeg](https://ffmpeg.org)",
    ):
        assert messages(f"# Awesome\n\n- {link} - Tool.\n") == [], link


def test_link_texts_that_are_prose_or_differ_from_their_destination_are_checked() -> None:
    assert where(lint("# Awesome\n\n- [Github](https://github.com/x/y) - Tool.\n", RULE)) == [(3, 4, RULE)]
    assert where(lint("# Awesome\n\n- [Javascript tools](https://x.dev/javascript) - Tool.\n", RULE)) == [(3, 4, RULE)]
    assert where(lint("# Awesome\n\n- [Foo](https://x.dev) - See [nodejs/node](https://x.dev) now.\n", RULE)) == []


def test_table_of_contents_link_texts_are_left_to_the_toc_rule() -> None:
    # issue 12, item 6: spell-check fixed the ToC item, toc wrote the heading's text back
    for heading in ("## `Javascript`", "<!--lint disable spell-check-->\n## Javascript\n<!--lint enable spell-check-->"):
        text = f"# Awesome\n\n## Contents\n\n- [Javascript](#javascript)\n\n{heading}\n\n- [Foo](https://foo.dev) - Tool.\n"
        assert lint(text, RULE) == [], heading
    # A contents list under another title (awesome-javascript's has none): its links are the toc
    # rule's too, and the heading's misspelling is reported on the heading.
    categories = "# Awesome\n\n## Categories\n\n- [Javascript](#javascript)\n\n## Javascript\n\n- [Foo](https://foo.dev) - Tool.\n"
    assert where(lint(categories, RULE)) == [(7, 4, RULE)]
    outside = "# Awesome\n\n## Tools\n\n- [Javascript](#javascript) - Tool.\n"
    assert where(lint(outside, RULE)) == [(5, 4, RULE)]
