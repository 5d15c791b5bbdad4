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
