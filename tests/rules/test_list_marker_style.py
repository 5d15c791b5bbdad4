from awesome_lint.rules.list_marker_style import ListMarkerStyleOptions
from helpers import fixed, lint, where

RULE = "list-marker-style"
DASH = {RULE: ListMarkerStyleOptions(style="-")}


def test_minority_bullets_are_reported_and_fixed() -> None:
    text = (
        "# T\n\n- [A](https://a.dev) - A.\n- [E](https://e.dev) - E.\n* [B](https://b.dev) - B.\n"
        "+ [C](https://c.dev) - C.\n  - [D](https://d.dev) - D.\n"
    )
    found = lint(text, RULE)
    assert where(found) == [(5, 1, RULE), (6, 1, RULE)]
    assert found[0].message == "Use '-' as the list bullet, not '*' (3 of the file's 5 list items use '-')"
    result = fixed(text, RULE)
    assert result.text == (
        "# T\n\n- [A](https://a.dev) - A.\n- [E](https://e.dev) - E.\n- [B](https://b.dev) - B.\n"
        "- [C](https://c.dev) - C.\n  - [D](https://d.dev) - D.\n"
    )
    assert result.remaining == []


def test_a_file_written_with_one_bullet_throughout_is_silent_whichever_it_is() -> None:
    for bullet in "*+-":
        text = f"# T\n\n{bullet} [A](https://a.dev) - A.\n  {bullet} [B](https://b.dev) - B.\n\n{bullet} [C](https://c.dev)\n"
        assert lint(text, RULE) == []


def test_the_most_used_bullet_wins_even_when_it_comes_later() -> None:
    text = "# T\n\n- [A](https://a.dev) - A.\n\n* [B](https://b.dev) - B.\n* [C](https://c.dev) - C.\n"
    found = lint(text, RULE)
    assert where(found) == [(3, 1, RULE)]
    assert found[0].message == "Use '*' as the list bullet, not '-' (2 of the file's 3 list items use '*')"


def test_a_tie_goes_to_the_first_list() -> None:
    text = "# T\n\n* [A](https://a.dev) - A.\n\n1. Step.\n\n- [B](https://b.dev) - B.\n"
    assert where(lint(text, RULE)) == [(7, 1, RULE)]
    assert lint("# T\n\n- a\n\n1. b\n2) c\n", RULE) == []


def test_a_fixed_style_reports_every_other_bullet() -> None:
    text = "# T\n\n* [A](https://a.dev) - A.\n* [B](https://b.dev) - B.\n- [C](https://c.dev) - C.\n  + [D](https://d.dev) - D.\n"
    found = lint(text, RULE, options=DASH)
    assert where(found) == [(3, 1, RULE), (4, 1, RULE), (6, 3, RULE)]
    assert found[0].message == "Use '-' as the list bullet, not '*'"
    assert fixed(text, RULE, options=DASH).text == (
        "# T\n\n- [A](https://a.dev) - A.\n- [B](https://b.dev) - B.\n- [C](https://c.dev) - C.\n  - [D](https://d.dev) - D.\n"
    )


def test_no_fix_that_would_make_a_thematic_break() -> None:
    found = lint("# T\n\n* - -\n", RULE, options=DASH)
    assert len(found) == 1 and found[0].fix is None
