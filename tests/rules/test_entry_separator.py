from helpers import fixed, lint, where

RULE = "entry-separator"


def test_canonical_separator_is_silent() -> None:
    assert lint("# T\n\n## A\n\n- [Foo](https://foo.dev) - A library.\n", RULE) == []


def test_en_dash_is_reported_and_fixed() -> None:
    text = "# T\n\n## A\n\n- [Foo](https://foo.dev) – A library.\n"
    found = lint(text, RULE)
    assert where(found) == [(5, 25, RULE)]
    assert found[0].message == "Separate the link and the description with ' - ', not an en dash (' – ')"
    assert fixed(text, RULE).text == "# T\n\n## A\n\n- [Foo](https://foo.dev) - A library.\n"


def test_em_dash_double_hyphen_colon_and_odd_spacing_are_fixed() -> None:
    text = (
        "# T\n\n## A\n\n"
        "- [A](https://a.dev) — Alpha.\n"
        "- [B](https://b.dev) -- Beta.\n"
        "- [C](https://c.dev): Gamma.\n"
        "- [D](https://d.dev)  -  Delta.\n"
        "- [E](https://e.dev)\t-\tEpsilon.\n"
        "- [F](https://f.dev) -Zeta.\n"
    )
    found = lint(text, RULE)
    assert [line for line, _, _ in where(found)] == [5, 6, 7, 8, 9, 10]
    assert "not a double hyphen" in found[1].message
    assert "not a colon" in found[2].message
    assert found[3].message.endswith("(found '  -  ')")
    result = fixed(text, RULE)
    assert result.text == (
        "# T\n\n## A\n\n"
        "- [A](https://a.dev) - Alpha.\n"
        "- [B](https://b.dev) - Beta.\n"
        "- [C](https://c.dev) - Gamma.\n"
        "- [D](https://d.dev) - Delta.\n"
        "- [E](https://e.dev) - Epsilon.\n"
        "- [F](https://f.dev) - Zeta.\n"
    )
    assert result.remaining == []


def test_missing_separator() -> None:
    text = "# T\n\n## A\n\n- [Foo](https://foo.dev) A library.\n- [Bar](https://bar.dev)bar tool.\n"
    found = lint(text, RULE)
    assert where(found) == [(5, 25, RULE), (6, 25, RULE)]
    assert found[0].message == "Separate the link and the description with ' - ': add it before 'A library.'"
    assert found[1].fix is None  # glued lower-case text: ambiguous
    assert fixed(text, RULE).text.splitlines()[4] == "- [Foo](https://foo.dev) - A library."


def test_text_that_is_not_a_description_is_silent() -> None:
    text = (
        "# T\n\n## A\n\n"
        "- [Foo](https://foo.dev) (deprecated)\n"
        "- [Bar](https://bar.dev), [Baz](https://baz.dev) - Two names.\n"
        "- [Qux](https://qux.dev) [![Stars](https://img.shields.io/x.svg)](https://qux.dev)\n"
        "- [Solo](https://solo.dev)\n"
    )
    assert lint(text, RULE) == []


def test_table_of_contents_is_exempt() -> None:
    text = "# T\n\n## Contents\n\n- [A](#a) — jump\n\n## A\n\n- [Foo](https://foo.dev) - Foo.\n"
    assert lint(text, RULE) == []


def test_multi_line_entries_in_tight_list_report_their_own_line() -> None:
    text = "# T\n\n## A\n\n- [A](https://a.dev) - Alpha.\n- [B](https://b.dev) — Beta\n  continued.\n"
    assert where(lint(text, RULE)) == [(6, 21, RULE)]


def test_prose_after_a_parenthesis_needs_a_separator() -> None:
    # awesome-bert-nlp: '[Supervised Multimodal Bitransformers ...](https://arxiv.org/abs/1909.02950) (MMBT) by Facebook AI.'
    text = "# T\n\n## A\n\n- [Foo](https://foo.example) (FOO) by Bar.\n- [Baz](https://baz.example) (deprecated) - A library.\n"
    found = lint(text, "entry-separator")
    assert where(found) == [(5, 29, "entry-separator")]
    assert found[0].message == "Separate the link and the description with ' - ': add it before '(FOO) by Bar.'"
    assert found[0].fix is None


def test_an_arrow_is_named_an_arrow_and_rewritten() -> None:
    for arrow in (" -> ", " --> ", " –> "):
        text = f"# T\n\n## A\n\n- [Foo](https://foo.dev){arrow}A library.\n"
        found = lint(text, "entry-separator")
        assert where(found) == [(5, 25, "entry-separator")], arrow
        assert found[0].message == (
            f"Separate the link and the description with ' - ', not an arrow ('{arrow.rstrip()}')"
        ), arrow
        assert fixed(text, "entry-separator").text == "# T\n\n## A\n\n- [Foo](https://foo.dev) - A library.\n", arrow


def test_an_arrow_glued_to_the_description_is_reported_without_fix() -> None:
    for arrow in ("->", " ->"):
        found = lint(f"# T\n\n## A\n\n- [Foo](https://foo.dev){arrow}A library.\n", "entry-separator")
        assert where(found) == [(5, 25, "entry-separator")] and found[0].fix is None, arrow
        assert "not an arrow" in found[0].message, arrow


def test_an_emoji_shortcode_after_the_link_is_not_a_colon_separator() -> None:
    # awesome-cpp marks popular projects `[Qt](...) :zap: - A ...`: the fix rewrote `:zap:` away
    assert lint("# T\n\n## A\n\n* [Qt](https://qt.io) :zap: - A framework.\n* [Qt](https://qt.io) :zap:\n", RULE) == []
    text = "# T\n\n## A\n\n* [Qt](https://qt.io) :zap: — A framework.\n"
    assert where(lint(text, RULE)) == [(5, 28, RULE)]
    assert fixed(text, RULE).text == "# T\n\n## A\n\n* [Qt](https://qt.io) :zap: - A framework.\n"
    assert where(lint("# T\n\n## A\n\n* [Qt](https://qt.io): A framework.\n", RULE)) == [(5, 22, RULE)]
