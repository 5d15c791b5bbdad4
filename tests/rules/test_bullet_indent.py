from awesome_lint.document.build import build_document
from helpers import fixed, lint, where

RULE = "bullet-indent"


def shape(text: str) -> list[tuple[int, str | None]]:
    return [(e.parent.depth if e.parent else -1, e.link.url if e.link else None) for e in build_document("t.md", text).entries()]


def test_indented_top_level_bullets_are_reported_and_fixed_whole() -> None:
    text = "# T\n\n - [A](https://a.dev) - A\n   continued.\n   - [B](https://b.dev) - B.\n - [C](https://c.dev) - C.\n"
    found = lint(text, RULE)
    assert where(found) == [(3, 1, RULE), (6, 1, RULE)]
    assert found[0].message.startswith("Remove the 1 space before the bullet")
    result = fixed(text, RULE)
    assert result.text == "# T\n\n- [A](https://a.dev) - A\n  continued.\n  - [B](https://b.dev) - B.\n- [C](https://c.dev) - C.\n"
    assert shape(result.text) == shape(text)
    assert result.remaining == []


def test_sublists_and_unindented_lists_are_silent() -> None:
    assert lint("# T\n\n- [A](https://a.dev) - A.\n  - [B](https://b.dev) - B.\n", RULE) == []


def test_no_fix_when_following_paragraph_would_join_the_item() -> None:
    text = "# T\n\n   - [A](https://a.dev) - A.\n\n  Paragraph.\n"
    found = lint(text, RULE)
    assert len(found) == 1 and found[0].fix is None


def test_no_fix_when_a_lazy_line_would_open_a_code_fence() -> None:
    # Issue 12 item 2: shifted left, the lazy continuation line becomes a fence swallowing Beta.
    text = "   - [Alpha](https://a.dev) - Alpha, run as\n    ```alpha --fast\n   - [Beta](https://b.dev) - Beta.\n"
    found = lint(text, RULE)
    assert where(found) == [(1, 1, RULE), (3, 1, RULE)]
    assert all(d.fix is None for d in found)
    assert fixed(text, RULE).text == text


def test_no_fix_when_a_lazy_line_of_the_last_item_would_end_the_list() -> None:
    text = "   - [Alpha](https://a.dev) - Alpha,\n    ---\n\n## Next\n"
    found = lint(text, RULE)
    assert len(found) == 1 and found[0].fix is None


def test_a_lazy_line_that_stays_text_keeps_the_fix() -> None:
    text = "   - [Alpha](https://a.dev) - Alpha, run as\n    alpha --fast\n   - [Beta](https://b.dev) - Beta.\n"
    result = fixed(text, RULE)
    assert result.text == "- [Alpha](https://a.dev) - Alpha, run as\n alpha --fast\n- [Beta](https://b.dev) - Beta.\n"
    assert shape(result.text) == shape(text)
