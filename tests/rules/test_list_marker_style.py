from awesome_lint.rules.list_marker_style import ListMarkerStyleOptions
from helpers import fixed, lint, where

RULE = "list-marker-style"


def test_other_bullets_are_reported_and_fixed() -> None:
    text = "# T\n\n- [A](https://a.dev) - A.\n* [B](https://b.dev) - B.\n+ [C](https://c.dev) - C.\n  * [D](https://d.dev) - D.\n"
    found = lint(text, RULE)
    assert where(found) == [(4, 1, RULE), (5, 1, RULE), (6, 3, RULE)]
    assert found[0].message == "Use '-' as the list bullet, not '*'"
    result = fixed(text, RULE)
    assert result.text == "# T\n\n- [A](https://a.dev) - A.\n- [B](https://b.dev) - B.\n- [C](https://c.dev) - C.\n  - [D](https://d.dev) - D.\n"
    assert result.remaining == []


def test_consistent_style_uses_first_list_and_ordered_lists_are_exempt() -> None:
    text = "# T\n\n* [A](https://a.dev) - A.\n\n1. Step.\n\n- [B](https://b.dev) - B.\n"
    options = {RULE: ListMarkerStyleOptions(style="consistent")}
    assert where(lint(text, RULE, options=options)) == [(7, 1, RULE)]
    assert lint("# T\n\n- a\n\n1. b\n2) c\n", RULE) == []


def test_no_fix_that_would_make_a_thematic_break() -> None:
    found = lint("# T\n\n* - -\n", RULE)
    assert len(found) == 1 and found[0].fix is None
