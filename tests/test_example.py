"""The example list in examples/ (the README's first command lints it): each deliberate problem is
reported at its exact line and column, and --fix repairs exactly the fixable ones."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from awesome_lint.document.build import build_document
from awesome_lint.fix import fix_text
from awesome_lint.linter import LintConfig, lint_document
from helpers import where

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "awesome-example.md"

EXPECTED = [
    (1, 1, "title"),  # 'Awesome Static site generators' is not in title case
    (14, 1, "toc"),  # 'Community' is missing from the table of contents
    (21, 79, "spell-check"),  # Javascript
    (22, 86, "description-period"),  # '... GraphQL data layer'
    (23, 1, "alphabetical-order"),  # Docusaurus after Gatsby
    (24, 26, "entry-separator"),  # en dash
    (25, 44, "description-case"),  # 'vue-powered static site generator.'
    (31, 37, "description-repeats-name"),  # 'Nikola - Nikola is ...'
    (32, 3, "missing-description"),  # Pelican
    (34, 1, "list-marker-style"),  # '*' bullet
    (39, 3, "entry-link"),  # text before the link
    (41, 2, "marker-space"),  # two spaces after '-'
    (46, 76, "trailing-whitespace"),
    (47, 1, "alphabetical-order"),  # Gatsby Cloud after Netlify
    (47, 3, "duplicate-link"),  # gatsbyjs.com again
    (48, 1, "bullet-indent"),  # ' - [Surge]'
    (50, 1, "heading-increment"),  # '####' under '##'
    (54, 1, "section-order"),  # 'Related Lists' is not last
    (59, 1, "empty-section"),  # 'Community'
    (61, 1, "license-section"),
]

# What --fix cannot repair (no fix, or only an unsafe one), at its line in the fixed text.
REMAINING_AFTER_FIX = [
    (1, 1, "title"),
    (26, 44, "description-case"),  # a hyphenated word: upper-casing it is left to a person
    (33, 37, "description-repeats-name"),
    (34, 3, "missing-description"),
    (40, 3, "entry-link"),
    (46, 3, "duplicate-link"),  # removing an entry is an unsafe fix
    (51, 1, "heading-increment"),
    (55, 1, "section-order"),
    (60, 1, "empty-section"),
    (62, 1, "license-section"),
]


def test_each_deliberate_problem_is_reported_where_it_is() -> None:
    document = build_document(str(EXAMPLE), EXAMPLE.read_text(encoding="utf-8"))
    assert where(lint_document(document, LintConfig())) == EXPECTED


def test_fix_repairs_the_fixable_problems_and_nothing_else() -> None:
    text = EXAMPLE.read_text(encoding="utf-8")
    result = fix_text(str(EXAMPLE), text, LintConfig())
    assert where(result.remaining) == REMAINING_AFTER_FIX
    fixed_lines = set(result.text.splitlines())
    for line in (
        "- [Community](#community)",
        "- [Eleventy](https://www.11ty.dev) - Simpler static site generator written in JavaScript.",
        "- [Gatsby](https://www.gatsbyjs.com) - React-based framework with a GraphQL data layer.",
        "- [Hexo](https://hexo.io) - Fast blog framework powered by Node.js.",
        "- [Lektor](https://www.getlektor.com) - Flexible content management with a desktop admin UI.",
        "- [Start Bootstrap](https://startbootstrap.com/themes) - Free Bootstrap themes.",
        "- [Netlify](https://www.netlify.com) - Continuous deployment with previews.",
        "- [Surge](https://surge.sh) - Publish from the command line.",
    ):
        assert line in fixed_lines
    assert fix_text(str(EXAMPLE), result.text, LintConfig()).text == result.text


def test_the_readme_command_reports_findings_with_exit_code_1() -> None:
    completed = subprocess.run(
        [sys.executable, "-m", "awesome_lint", str(EXAMPLE)], capture_output=True, text=True, check=False
    )
    assert completed.returncode == 1
    assert f"{EXAMPLE}:22:86: description-period End the description with a period" in completed.stdout
    assert completed.stdout.rstrip().splitlines()[-1] == (
        "Found 18 errors and 2 warnings (10 fixable with --fix, 1 more fixable with --unsafe-fixes)."
    )
