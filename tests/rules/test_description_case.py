from helpers import fixed, lint, where

RULE = "description-case"


def entry(description: str) -> str:
    return f"# T\n\n## A\n\n- [Foo](https://example.com/foo) - {description}\n"


def test_lower_case_start_is_reported_and_fixed() -> None:
    found = lint(entry("a library."), RULE)
    assert where(found) == [(5, 36, RULE)]
    assert found[0].message.startswith("Start the description with an upper-case letter: 'a' should be 'A'")
    result = fixed(entry("a library."), RULE)
    assert result.text == entry("A library.")
    assert result.remaining == []


def test_fix_inside_emphasis() -> None:
    assert fixed(entry("*deprecated* wrapper."), RULE).text == entry("*Deprecated* wrapper.")


def test_legitimately_lower_case_starts_are_silent() -> None:
    for description in (
        "npm package manager.",
        "iOS app.",
        "macOS utility.",
        "jQuery plugin.",
        "webpack loader.",
        "e.g. this.",
        "`foo` bindings.",
        "3D engine.",
        "word2vec in Go.",
        "three.js helpers.",
        "foo_bar wrapper.",
        "@scope/pkg port.",
        "用于测试的库。",
        "🚀 Fast.",
        '"go build" wrapper.',
        "(part of Django) ORM.",
        "[libfoo](https://libfoo.dev) bindings.",
        "foo is its own name.",
    ):
        assert lint(entry(description), RULE) == [], description


def test_identifiers_and_non_ascii_are_reported_without_fix() -> None:
    for description in ("open-source tool.", "élégant tool."):
        found = lint(entry(description), RULE)
        assert len(found) == 1 and found[0].fix is None, description


def test_entries_without_separator_and_toc_are_not_checked() -> None:
    text = "# T\n\n## Contents\n\n- [A](#a) - jump\n\n## A\n\n- [Foo](https://foo.dev) (lower case)\n"
    assert lint(text, RULE) == []


def test_a_prefix_of_the_name_or_a_slash_alone_is_not_a_name() -> None:
    # awesome-go: '[fastcache](...) - fast thread-safe ...' and '... - encrypt/decrypt ...'
    fastcache = "# T\n\n## A\n\n- [fastcache](https://github.com/VictoriaMetrics/fastcache) - fast thread-safe cache.\n"
    assert where(lint(fastcache, RULE)) == [(5, 63, RULE)]
    assert where(lint(entry("encrypt/decrypt files."), RULE)) == [(5, 36, RULE)]
    assert lint(entry("go-sql-driver/mysql wrapper."), RULE) == []
    goscaf = "# T\n\n## A\n\n- [goscaf cli](https://example.com/goscaf) - goscaf generates code.\n"
    assert lint(goscaf, RULE) == []


def test_sections_under_an_h1_table_of_contents_are_content() -> None:
    # awesome-bert-nlp: '# Table of Contents' is an H1, so every '##' section sits below it.
    text = (
        "# Awesome X\n\n# Table of Contents\n\n- [Papers](#papers)\n\n"
        "## Papers\n\n- [Foo](https://example.com/foo) - a paper.\n"
    )
    assert where(lint(text, RULE)) == [(9, 36, RULE)]


def test_words_in_underscore_or_strikethrough_emphasis_are_checked_without_the_markers() -> None:
    for description, column, token in (
        ("_a_ library.", 37, "a"),
        ("~~a~~ library.", 38, "a"),
        ("__fast__, small.", 38, "fast"),
        ("_~~a~~_.", 39, "a."),  # trailing punctuation stays, as for a plain "a."
    ):
        found = lint(entry(description), RULE)
        assert [(d.line, d.column) for d in found] == [(5, column)], description
        assert found[0].message == (
            f"Start the description with an upper-case letter: '{token}' should be "
            f"'{token[0].upper()}{token[1:]}' (or a name written in lower case, such as 'npm')"
        )
    assert fixed(entry("_a_ library."), RULE).text == entry("_A_ library.")
    assert fixed(entry("~~a~~ library."), RULE).text == entry("~~A~~ library.")


def test_identifiers_inside_emphasis_are_still_identifiers() -> None:
    for description in ("_foo_bar_ wrapper.", "_three.js_ helpers.", "~~npm~~ client.", "_foo_ is its own name."):
        assert lint(entry(description), RULE) == [], description


def test_names_written_in_lower_case_by_their_owners_are_silent() -> None:
    for description in ("uv is a fast installer.", "ripgrep wrapper.", "gnuplot bindings.", "go:generate helper."):
        assert lint(entry(description), RULE) == [], description


def test_a_bare_url_at_the_start_is_not_capitalised() -> None:
    # issue 12, item 3: `http://...` became `Http://...`
    for description in ("http://localhost dashboard.", "https://x.dev mirror.", "ftp://host files."):
        assert lint(entry(description), RULE) == [], description
    assert where(lint(entry("http proxy."), RULE)) == [(5, 36, RULE)]


def test_a_known_name_at_the_start_is_left_to_spell_check() -> None:
    assert lint(entry("javascript library."), RULE) == []
    assert fixed(entry("javascript library."), RULE, "spell-check").text == entry("JavaScript library.")
    assert fixed(entry("javascript‐based tool."), RULE, "spell-check").text == entry("JavaScript‐based tool.")


def test_description_case_and_spell_check_agree_on_a_known_name() -> None:
    # issue 12, item 7: one rule wrote `Npm`, the other `npm`, pass after pass
    for description, expected in (
        ("npm… and more.", "npm… and more."),
        ("Npm® registry.", "npm® registry."),
        ("npm— a registry.", "npm— a registry."),
        ("Npm‐based tool.", "npm‐based tool."),
        ("npm» registry.", "npm» registry."),
        ("javascript® engine.", "JavaScript® engine."),
    ):
        result = fixed(entry(description), RULE, "spell-check")
        assert result.text == entry(expected), description
        assert result.remaining == [], description


def test_the_description_after_an_emoji_shortcode_mark_is_checked_not_the_shortcode() -> None:
    assert lint("# T\n\n## A\n\n* [Qt](https://qt.io) :zap: - A framework.\n", RULE) == []
    text = "# T\n\n## A\n\n* [Qt](https://qt.io) :zap: - a framework.\n"
    assert where(lint(text, RULE)) == [(5, 31, RULE)]
    assert fixed(text, RULE).text == "# T\n\n## A\n\n* [Qt](https://qt.io) :zap: - A framework.\n"


def test_a_part_of_the_repository_name_and_cpp_scoped_names_are_names() -> None:
    # awesome-go: '[go-isatty](https://github.com/mattn/go-isatty) - isatty for golang.'
    assert lint("# T\n\n## A\n\n- [go-isatty](https://github.com/mattn/go-isatty) - isatty for golang.\n", RULE) == []
    assert lint(entry("std::tuple like methods."), RULE) == []
    short = "# T\n\n## A\n\n- [go-is](https://github.com/x/go-is) - is a tool.\n"
    assert where(lint(short, RULE)) == [(5, 41, RULE)]  # 'is' is too short to be taken for a name part
