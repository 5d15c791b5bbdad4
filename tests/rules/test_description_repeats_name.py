from helpers import lint, where

RULE = "description-repeats-name"


def entry(name: str, description: str) -> str:
    return f"# T\n\n## A\n\n- [{name}](https://x.dev) - {description}\n"


def test_repeated_name_is_reported() -> None:
    found = lint(entry("Foo", "Foo is a library."), RULE)
    assert where(found) == [(5, 26, RULE)]
    assert found[0].message.startswith("Do not repeat the name 'Foo' at the start of the description")
    assert found[0].fix is None
    assert len(lint(entry("usql", "usql is a CLI."), RULE)) == 1
    assert len(lint(entry("Evans", "Evans: more expressive client."), RULE)) == 1
    assert len(lint(entry("Foo", "**Foo** does it."), RULE)) == 1


def test_prefix_of_a_longer_word_and_short_names_are_silent() -> None:
    assert lint(entry("Go", "Gorilla toolkit."), RULE) == []
    assert lint(entry("A", "A library."), RULE) == []
    assert lint(entry("Foo", "Library for Foo."), RULE) == []
