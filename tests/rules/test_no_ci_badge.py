from __future__ import annotations

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
