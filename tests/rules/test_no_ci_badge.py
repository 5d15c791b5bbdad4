from __future__ import annotations

import time

import pytest

from tests.helpers import lint, where

RULE = "no-ci-badge"


@pytest.mark.parametrize(
    "badge",
    [
        "[![Build Status](https://travis-ci.org/x/y.svg)](https://travis-ci.org/x/y)",
        "![CI](https://circleci.com/gh/x/y.svg?style=svg)",
        "[![tests](https://github.com/x/y/actions/workflows/tests.yaml/badge.svg)](https://github.com/x/y)",
        "![status](https://img.shields.io/github/actions/workflow/status/x/y/ci.yml)",
        "![Build Status](https://example.com/badge.svg)",
    ],
)
def test_ci_badges_are_reported(badge: str) -> None:
    diagnostics = lint(f"# Awesome\n\n{badge}\n", RULE)
    assert where(diagnostics) == [(3, badge.index("!") + 1, RULE)]
    assert diagnostics[0].message == "Remove the CI status badge: a list has no build to report"


@pytest.mark.parametrize(
    "markdown",
    [
        "# Awesome [![Awesome](https://awesome.re/badge.svg)](https://awesome.re)\n",
        "- [Travis CI](https://travis-ci.org) - Hosted CI service.\n",  # a link, not an image
        "![License](https://img.shields.io/badge/license-MIT-blue.svg)\n",
    ],
)
def test_other_images_and_links_are_silent(markdown: str) -> None:
    assert lint(markdown, RULE) == []


@pytest.mark.parametrize(
    "markdown, line",
    [
        # on the title line, above the title, in the introduction
        ("# Awesome [![CI](https://github.com/x/y/actions/workflows/ci.yml/badge.svg)](https://x.dev)\n", 1),
        ("[![Build Status](https://travis-ci.org/x/y.svg)](https://travis-ci.org/x/y)\n\n# Awesome\n", 1),
        ("# Awesome\n\n> Intro.\n\nMore. ![Build Status](https://example.com/b.svg)\n\n## Tools\n", 5),
        # a list without a title: before its first heading
        ("Intro ![CI](https://circleci.com/gh/x/y.svg)\n\n## Tools\n\n- [A](https://a.dev) - A.\n", 1),
        ("# Awesome ![CI](https://gitlab.com/g/p/badges/main/pipeline.svg)\n", 1),
    ],
)
def test_the_lists_own_badge_is_reported(markdown: str, line: int) -> None:
    assert [row for row, _, _ in where(lint(markdown, RULE))] == [line]


@pytest.mark.parametrize(
    "markdown",
    [
        # badges in entries describe the listed projects (502 findings on one real list)
        "# Awesome\n\n## Tools\n\n- [y](https://github.com/x/y) - Parser. "
        "[![Build Status](https://travis-ci.org/x/y.svg)](https://travis-ci.org/x/y)\n",
        # an entry list right under the title, without a heading
        "# Awesome\n\n- [y](https://github.com/x/y) - Parser. ![CI](https://circleci.com/gh/x/y.svg)\n",
        # in a later section's prose
        "# Awesome\n\n## Tools\n\nBuilt by ![CI](https://circleci.com/gh/x/y.svg)\n",
        # not a pipeline badge
        "# Awesome ![logo](https://gitlab.com/g/p/badges/main/coverage.svg)\n",
    ],
)
def test_badges_of_listed_projects_are_silent(markdown: str) -> None:
    assert lint(markdown, RULE) == []


def test_long_url_repeating_badges_is_checked_quickly() -> None:
    url = "https://gitlab.com/" + "/badges/" * 10_000 + "x"  # the old `.+/badges/.+` took 3 s
    started = time.perf_counter()
    assert lint(f"# Awesome ![b]({url})\n", RULE) == []
    assert time.perf_counter() - started < 1.0
