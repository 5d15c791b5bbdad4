import time

from helpers import lint, where


def test_heading_without_content_fires() -> None:
    found = lint("# X\n\n## Databases\n\n## Editors\n\n- [Vim](https://www.vim.org) - Editor.\n", "empty-section")
    assert where(found) == [(3, 1, "empty-section")]
    assert found[0].message == "Section 'Databases' is empty: add entries under it or remove the heading"


def test_comments_and_rules_are_not_content_and_empty_children_fire_too() -> None:
    text = "# X\n\n## Tools\n\n<!-- add tools here -->\n\n---\n\n### Editors\n\n## Docs\n\nD.\n"
    assert where(lint(text, "empty-section")) == [(3, 1, "empty-section"), (9, 1, "empty-section")]


def test_section_whose_content_is_in_subsections_or_html_is_fine() -> None:
    text = "# X\n\n## Packages\n\n### Mad science\n\n- [a](https://a.io) - A.\n\n## Logo\n\n<img src=\"logo.svg\">\n"
    assert lint(text, "empty-section") == []


def test_setext_heading_with_a_paragraph_is_fine() -> None:
    assert lint("Title\n=====\n\nIntro.\n\nTools\n-----\n\nSome text.\n", "empty-section") == []


def test_text_after_comments_is_content() -> None:
    text = "# X\n\n## Tools\n\n<!--a--><!--b-->\n x\n\n## Docs\n\n<!--a--> <!--b-->\n"
    assert where(lint(text, "empty-section")) == [(8, 1, "empty-section")]


def test_unclosed_comment_is_content() -> None:
    assert lint("# X\n\n## Tools\n\n<!--a--> <!-- b\n", "empty-section") == []


def test_many_comments_before_text_take_linear_time() -> None:
    # Issue 12 item 11: the old `\s*(?:<!--.*?-->\s*)*` doubled its time with each comment
    # (24 comments: about 5 s; 30: minutes).
    text = "# X\n\n## Tools\n\n" + "<!--a-->" * 24 + " x\n"
    started = time.perf_counter()
    assert lint(text, "empty-section") == []
    assert time.perf_counter() - started < 1.0
