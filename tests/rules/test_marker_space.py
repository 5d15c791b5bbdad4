from awesome_lint.document.build import build_document
from helpers import fixed, lint, where

RULE = "marker-space"


def shape(text: str) -> list[tuple[int, str | None]]:
    return [(e.parent.depth if e.parent else -1, e.link.url if e.link else None) for e in build_document("t.md", text).entries()]


def test_extra_spaces_are_fixed_with_continuation_lines() -> None:
    text = "# T\n\n-   [A](https://a.dev) - A\n    continued.\n    - [B](https://b.dev) - B.\n- [C](https://c.dev) - C.\n"
    found = lint(text, RULE)
    assert where(found) == [(3, 2, RULE)]
    assert found[0].message == "Put exactly one space after the bullet '-' (found 3 spaces)"
    result = fixed(text, RULE)
    assert result.text == "# T\n\n- [A](https://a.dev) - A\n  continued.\n  - [B](https://b.dev) - B.\n- [C](https://c.dev) - C.\n"
    assert shape(result.text) == shape(text)
    assert result.remaining == []


def test_tab_after_marker() -> None:
    text = "# T\n\n-\t[A](https://a.dev) - A.\n"
    found = lint(text, RULE)
    assert found[0].message == "Put exactly one space after the bullet '-' (found a tab)"
    assert fixed(text, RULE).text == "# T\n\n- [A](https://a.dev) - A.\n"


def test_glued_bullet_is_fixed_into_an_entry() -> None:
    text = "# T\n\n- [A](https://a.dev) - A.\n-[B](https://b.dev) - B.\n"
    found = lint(text, RULE)
    assert where(found) == [(4, 1, RULE)]
    assert fixed(text, RULE).text == "# T\n\n- [A](https://a.dev) - A.\n- [B](https://b.dev) - B.\n"


def test_silent_cases() -> None:
    assert lint("# T\n\n- [A](https://a.dev) - A.\n1. [B](https://b.dev) - B.\n", RULE) == []
    assert lint("# T\n\n*[Emphasised](https://e.dev)* note.\n", RULE) == []
    assert lint("# T\n\n```\n-[x](y)\n```\n", RULE) == []


def test_no_fix_when_next_item_would_become_a_sublist() -> None:
    text = "# T\n\n-    [A](https://a.dev) - A.\n  - [B](https://b.dev) - B.\n"
    found = lint(text, RULE)
    assert len(found) == 1 and found[0].fix is None


def test_glued_bullet_in_a_deep_sub_list_is_fixed() -> None:
    text = "- [Foo](https://foo.dev) - A.\n    -[Bar](https://bar.dev) - B.\n"
    found = lint(text, RULE)
    assert where(found) == [(2, 5, RULE)]
    assert found[0].message == "Put a space after the bullet '-': without it the line is not a list item"
    result = fixed(text, RULE)
    assert result.text == "- [Foo](https://foo.dev) - A.\n    - [Bar](https://bar.dev) - B.\n"
    assert shape(result.text) == [(0, "https://foo.dev"), (1, "https://bar.dev")]
    nested = "- [Foo](https://foo.dev) - A.\n  - [Sub](https://s.dev) - S.\n      +[Bar](https://bar.dev) - B.\n"
    assert where(lint(nested, RULE)) == [(3, 7, RULE)]
    after_blank = "- [Foo](https://foo.dev) - A.\n\n    -[Bar](https://bar.dev) - B.\n"
    assert where(lint(after_blank, RULE)) == [(3, 5, RULE)]


def test_deep_glued_bullets_in_code_are_silent() -> None:
    for text in (
        "Text.\n\n    -[x](y) in top-level indented code\n",
        "- [Foo](https://foo.dev) - A.\n\n      -[x](y) in indented code of the item\n",
        "- [Foo](https://foo.dev) - A.\n\n  ```\n    -[x](y) in fenced code of the item\n  ```\n",
        "- [Foo](https://foo.dev) - A.\n\n  ~~~md\n  -[x](y)\n  ~~~\n",
        "Paragraph\n    -[x](y) continued outside a list.\n",
    ):
        assert lint(text, RULE) == [], text


def test_nested_items_with_extra_spacing_are_fixed_in_one_pass() -> None:
    # Issue 12 item 10: each level's fix re-indented the same lines, so one level was fixed per
    # pass and twelve levels never settled.
    text = "-  " * 12 + "[a](https://a.dev)\n" + " " * 36 + "continued.\n"
    found = lint(text, RULE)
    assert where(found) == [(1, 2 + 3 * level, RULE) for level in range(12)]
    assert len({id(d.fix) for d in found}) == 1
    result = fixed(text, RULE)
    assert result.text == "- " * 12 + "[a](https://a.dev)\n" + " " * 24 + "continued.\n"
    assert result.passes == 1
    assert shape(result.text) == shape(text)


def test_nested_sub_list_with_extra_spacing_moves_with_its_parent() -> None:
    text = "-   [A](https://a.dev) - A.\n    -   [B](https://b.dev) - B,\n        continued.\n    - [C](https://c.dev)\n"
    result = fixed(text, RULE)
    assert result.text == "- [A](https://a.dev) - A.\n  - [B](https://b.dev) - B,\n    continued.\n  - [C](https://c.dev)\n"
    assert result.passes == 1
    assert shape(result.text) == shape(text)


def test_a_one_column_tab_is_reported_without_a_fix() -> None:
    found = lint("  -\t[A](https://a.dev) - A.\n", RULE)
    assert where(found) == [(1, 4, RULE)] and found[0].fix is None
