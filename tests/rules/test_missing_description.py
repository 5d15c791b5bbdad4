from awesome_lint.rules.missing_description import MissingDescriptionOptions
from helpers import lint, where

RULE = "missing-description"


def test_entry_without_description_is_reported() -> None:
    text = "# T\n\n## A\n\n- [Foo](https://foo.dev)\n- [Bar](https://bar.dev) -\n- [Baz](https://baz.dev) - Baz.\n"
    found = lint(text, RULE)
    assert where(found) == [(5, 3, RULE), (6, 3, RULE)]
    assert found[0].message == "Describe the entry 'Foo': add ' - ' and a short sentence after the link"
    assert found[0].fix is None


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


def test_plain_text_items_are_left_to_entry_link() -> None:
    assert lint("# T\n\n## A\n\n- Just text\n", RULE) == []


def test_punctuation_alone_is_not_a_description() -> None:
    # awesome-bert-nlp: '2. [The Illustrated BERT, ELMo, and co.](https://jalammar.github.io/illustrated-bert/).'
    text = "# T\n\n## A\n\n- [Foo](https://foo.example).\n- [Bar](https://bar.example) - Bar.\n"
    assert where(lint(text, "missing-description")) == [(5, 3, "missing-description")]
