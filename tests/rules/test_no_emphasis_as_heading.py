from __future__ import annotations

import pytest

from tests.helpers import lint

RULE = "no-emphasis-as-heading"


def test_bold_and_italic_lines_followed_by_a_paragraph() -> None:
    found = lint("**Contributing:**\n\nSend a PR.\n\n_Graphical Interfaces_\n\nText.\n", RULE)
    assert [(d.line, d.column, d.message) for d in found] == [
        (1, 1, "Use a heading instead of a bold line to introduce a section"),
        (5, 1, "Use a heading instead of an italic line to introduce a section"),
    ]


@pytest.mark.parametrize(
    "markdown",
    [
        "**[back to top](#contents)**\n\n## Next\n",  # followed by a heading
        "**Note** that this is a sentence.\n\nMore.\n",  # emphasis is not the whole paragraph
        "**a** and **b**\n\nMore.\n",
        "**Last line**\n",  # nothing follows
        "- **Item**\n\nText.\n",  # a list, not a paragraph
        # not heading-like (awesome-selfhosted.md lines 125, 171; awesome-go.md 1481, 3886):
        "**[`^ back to top ^`](#awesome-selfhosted)**\n\nText.\n",  # a link
        "_Related: [Backup](#backup), [Content Management Systems (CMS)](#content-management-systems-cms)_\n\nText.\n",
        "**Please visit [awesome-sysadmin/VPN](https://github.com/awesome-foss/awesome-sysadmin)**\n\nText.\n",
        "**![logo](logo.png)**\n\nText.\n",  # an image
        "**`awesome-lint`**\n\nText.\n",  # a code span
        "*Reference link [docs]*\n\nText.\n\n[docs]: https://docs.dev\n",
        "_Libraries for building GUI Applications._\n\nText.\n",  # a sentence
        "**Is this a question?**\n\nText.\n",
        "_Add the group of your city/country here (send **PR**)_\n\nText.\n",  # nested emphasis
        "*I am providing code and resources in this repository to you under a license*\n\nText.\n",  # long
    ],
)
def test_silent_cases(markdown: str) -> None:
    assert lint(markdown, RULE) == []


def test_short_plain_lines_still_fire() -> None:
    found = lint("**Sponsorships:**\n\nThanks.\n\n*One two three four five six seven eight*\n\nText.\n", RULE)
    assert [(d.line, d.column) for d in found] == [(1, 1), (5, 1)]
