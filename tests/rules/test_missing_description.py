from awesome_lint.rules.missing_description import MissingDescriptionOptions
from helpers import lint, where

RULE = "missing-description"


def test_entry_without_description_is_reported() -> None:
    text = (
        "# T\n\n## A\n\n- [Foo](https://foo.dev)\n- [Bar](https://bar.dev) -\n"
        "- [Baz](https://baz.dev) - Baz.\n- [Qux](https://qux.dev) - Qux.\n"
    )
    found = lint(text, RULE)
    assert where(found) == [(5, 3, RULE), (6, 3, RULE)]
    assert found[0].message == "Describe the entry 'Foo': add ' - ' and a short sentence after the link"
    assert found[0].fix is None


def test_list_where_most_entries_are_bare_is_one_finding() -> None:
    # awesome-go's "Meetups": 65 entries, none described
    text = "# T\n\n## Meetups\n\n- [Go Berlin](https://b.dev)\n- [Go Paris](https://p.dev)\n- [Go Rome](https://r.dev) - Monthly.\n"
    found = lint(text, RULE)
    assert where(found) == [(5, 3, RULE)]
    assert found[0].message == (
        "2 of 3 entries of this list have no description: add ' - ' and a short sentence after each link, "
        "or add 'Meetups' to `ignore-sections`"
    )


def test_bare_list_outside_a_section_names_the_disable_comment() -> None:
    found = lint("- [A](https://a.dev)\n- [B](https://b.dev)\n", RULE)
    assert [d.message for d in found] == [
        "2 of 2 entries of this list have no description: add ' - ' and a short sentence after each link, "
        "or wrap it in `<!--lint disable missing-description-->` / `<!--lint enable missing-description-->`"
    ]


def test_lists_are_counted_apart() -> None:
    text = (
        "# T\n\n## A\n\n- [A1](https://a.dev)\n- [A2](https://a.dev)\n\n"
        "## B\n\n- [B1](https://b.dev)\n- [B2](https://b.dev) - B.\n- [B3](https://b.dev) - B.\n"
    )
    assert where(lint(text, RULE)) == [(5, 3, RULE), (10, 3, RULE)]


def test_sub_lists_interleaved_with_their_parents_do_not_split_the_parent_list() -> None:
    text = (
        "# T\n\n## A\n\n- [P1](https://p.dev)\n- [P2](https://p.dev) - P.\n"
        "  - [S1](https://s.dev)\n- [P3](https://p.dev) - P.\n"
    )
    options = {RULE: MissingDescriptionOptions(enabled_in_sublists=True)}
    assert [d.message[:25] for d in lint(text, RULE, options=options)] == [
        "Describe the entry 'P1': ",
        "Describe the entry 'S1': ",
    ]


def test_ignored_sections_and_their_sub_sections() -> None:
    text = "# T\n\n## Community\n\n### Meetups\n\n- [M](https://m.dev)\n\n## Tools\n\n- [T](https://t.dev)\n"
    assert where(lint(text, RULE)) == [(7, 3, RULE), (11, 3, RULE)]
    options = {RULE: MissingDescriptionOptions(ignore_sections=("community",))}
    assert where(lint(text, RULE, options=options)) == [(11, 3, RULE)]


def test_bare_autolink_is_not_an_entry() -> None:
    text = "# T\n\n## A\n\n- <https://example.com>\n- [Foo](https://foo.dev)\n"
    assert where(lint(text, RULE)) == [(6, 3, RULE)]


def test_toc_group_entries_and_sublists_are_exempt_by_default() -> None:
    text = (
        "# T\n\n## Contents\n\n- [A](#a)\n\n## A\n\n"
        "- [Framework](https://fw.dev)\n  - [Plugin](https://plugin.dev)\n"
        "- [Tool](https://tool.dev) - A tool.\n  - [Mirror](https://mirror.dev)\n"
    )
    assert lint(text, RULE) == []


def test_options_enable_sublists_and_allow_pattern() -> None:
    text = "# T\n\n## A\n\n- [Tool](https://tool.dev) - A tool.\n  - [Mirror](https://mirror.dev)\n- [Docs](https://docs.dev)\n"
    options = {RULE: MissingDescriptionOptions(enabled_in_sublists=True, allow_pattern=r"^Docs$")}
    assert where(lint(text, RULE, options=options)) == [(6, 5, RULE)]
    assert where(lint(text, RULE)) == [(7, 3, RULE)]


def test_plain_text_items_are_left_to_entry_link() -> None:
    assert lint("# T\n\n## A\n\n- Just text\n", RULE) == []


def test_punctuation_alone_is_not_a_description() -> None:
    # awesome-bert-nlp: '2. [The Illustrated BERT, ELMo, and co.](https://jalammar.github.io/illustrated-bert/).'
    text = "# T\n\n## A\n\n- [Foo](https://foo.example).\n- [Bar](https://bar.example) - Bar.\n- [Baz](https://baz.example) - Baz.\n"
    assert where(lint(text, "missing-description")) == [(5, 3, "missing-description")]
