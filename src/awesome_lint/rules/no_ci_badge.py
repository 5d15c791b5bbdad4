"""no-ci-badge: no continuous-integration status badges in a list."""

from __future__ import annotations

import re
from typing import Iterable

from awesome_lint.diagnostics import Diagnostic
from awesome_lint.document.model import Document
from awesome_lint.rules.base import Context, NoOptions, Rule

# Badge images served by CI services, and GitHub Actions workflow badges.
_CI_URL = re.compile(
    r"travis-ci\.(?:org|com)|travis|circleci|github\.com/[^/\s]+/[^/\s]+/(?:actions/)?workflows/"
    r"|/actions/workflow/status/|shields\.io/(?:travis|circleci|github/(?:actions/)?workflow)"
    r"|ci\.appveyor\.com/api/projects/status|gitlab\.com/.+/badges/.+/pipeline\.svg",
    re.I,
)
_CI_ALT = re.compile(r"build status|\btravis\b|circleci|\bci\b", re.I)


class NoCiBadge(Rule[NoOptions]):
    """No continuous-integration status badges.

    What it does:
        Reports images that are CI status badges: Travis CI, CircleCI, GitHub Actions workflow
        badges, AppVeyor and GitLab pipeline badges (by image URL), and images whose alt text
        says "Build Status", "Travis", "CircleCI" or "CI".

    Why:
        An awesome list is a document, not a program: a build badge says nothing to readers, and
        the awesome guidelines (and the npm awesome-lint `awesome-no-ci-badge`) forbid it.

    Example:
        `[![Build Status](https://travis-ci.org/x/y.svg)](https://travis-ci.org/x/y)` is reported;
        the Awesome badge is not.

    Fix safety:
        No fix: remove the badge by hand (it may carry a link you want elsewhere).
    """

    id = "no-ci-badge"
    aliases = ("awesome-no-ci-badge",)
    summary = "No CI status badges in the list"

    def check(self, document: Document, context: Context[NoOptions]) -> Iterable[Diagnostic]:
        for link in document.links:
            if link.is_image and (_CI_URL.search(link.url) or _CI_ALT.search(link.plain_text)):
                yield self.diagnostic(
                    document, link.start, link.end, "Remove the CI status badge: a list has no build to report"
                )
