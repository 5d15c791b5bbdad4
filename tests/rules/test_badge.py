from helpers import fixed, lint, where

BADGE = "[![Awesome](https://awesome.re/badge.svg)](https://awesome.re)"


def test_badge_on_the_title_line_is_fine() -> None:
    assert lint(f"# Awesome X {BADGE}\n\nIntro.\n", "badge") == []
    assert lint("# Awesome X [![Awesome](https://awesome.re/badge-flat2.svg)](https://awesome.re)\n", "badge") == []


def test_badge_in_the_introduction_is_fine() -> None:
    text = f"# Awesome X\n\n<a href=\"https://x.io\"><img src=\"logo.png\"></a>\n\n[![CI](https://ci/badge.svg)](https://ci)\n{BADGE}\n\n## Contents\n"
    assert lint(text, "badge") == []
    assert lint('# Awesome X\n\n<p><a href="https://awesome.re"><img src="https://awesome.re/badge.svg"></a></p>\n', "badge") == []


def test_missing_badge_fires_with_an_unsafe_fix_on_the_title_line() -> None:
    found = lint("# Awesome X\n\nIntro.\n\n## Tools\n\n" + BADGE + "\n", "badge")
    assert where(found) == [(1, 1, "badge")]
    assert found[0].message == f"Add the Awesome badge after the title: {BADGE}"
    assert fixed("# Awesome X\n\nIntro.\n", "badge").text == "# Awesome X\n\nIntro.\n"
    assert fixed("# Awesome X\r\n\r\nIntro.\r\n", "badge", unsafe=True).text == f"# Awesome X {BADGE}\r\n\r\nIntro.\r\n"


def test_old_rawgit_badge_fires_on_the_image() -> None:
    # awesome-react's title line.
    old = "https://cdn.rawgit.com/sindresorhus/awesome/d7305f38d29fed78fa85652e3a63e154dd8e8829/media/badge.svg"
    text = f"# Awesome React [![Awesome]({old})](https://github.com/sindresorhus/awesome)\n"
    found = lint(text, "badge")
    assert where(found) == [(1, 18, "badge")]
    assert found[0].message == (
        f"Use the official Awesome badge image https://awesome.re/badge.svg (or badge-flat.svg, badge-flat2.svg) instead of '{old}'"
    )
    result = fixed(text, "badge", unsafe=True)
    assert result.text == "# Awesome React [![Awesome](https://awesome.re/badge.svg)](https://github.com/sindresorhus/awesome)\n"
    assert lint(result.text, "badge") == []


def test_badge_linking_elsewhere_fires_on_the_link() -> None:
    text = "# Awesome X [![Awesome](https://awesome.re/badge.svg)](https://example.com)\n"
    found = lint(text, "badge")
    assert where(found) == [(1, 13, "badge")]
    assert found[0].message == "Link the Awesome badge to https://awesome.re instead of 'https://example.com'"
    assert fixed(text, "badge", unsafe=True).text == f"# Awesome X {BADGE}\n"


def test_local_badge_copy_in_the_next_paragraph_fires() -> None:
    # awesome-selfhosted: a local copy of the badge image.
    text = "# Awesome-Selfhosted\n\n[![Awesome](_static/awesome.png)](https://github.com/sindresorhus/awesome)\n"
    assert where(lint(text, "badge")) == [(3, 2, "badge")]


def test_no_markdown_title_is_not_checked() -> None:
    assert lint('<div align="center"><img src="logo.svg"></div>\n\n## Contents\n', "badge") == []


def test_no_fix_where_the_title_would_not_read_the_badge() -> None:
    # Issue 12 item 9: after an unclosed `<a name="top">` the added badge is text, and the fix
    # added it again on every pass.
    text = '# Awesome <a name="top">\n\nIntro.\n'
    found = lint(text, "badge")
    assert where(found) == [(1, 1, "badge")] and found[0].fix is None
    assert fixed(text, "badge", unsafe=True).text == text


def test_a_closed_anchor_in_the_title_keeps_the_fix() -> None:
    text = '# Awesome <a name="top"></a>\n\nIntro.\n'
    assert fixed(text, "badge", unsafe=True).text == f'# Awesome <a name="top"></a> {BADGE}\n\nIntro.\n'
