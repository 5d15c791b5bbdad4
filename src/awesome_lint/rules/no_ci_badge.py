"""no-ci-badge: no continuous-integration status badges in a list."""

from __future__ import annotations

import re
from typing import Iterable

from awesome_lint.diagnostics import Diagnostic
from awesome_lint.document.model import Document, Link
from awesome_lint.rules.base import Context, NoOptions, Rule

# Badge images served by CI services, and GitHub Actions workflow badges.
_CI_URL = re.compile(
    r"travis-ci\.(?:org|com)|travis|circleci|github\.com/[^/\s]+/[^/\s]+/(?:actions/)?workflows/"
    r"|/actions/workflow/status/|shields\.io/(?:travis|circleci|github/(?:actions/)?workflow)"
    r"|ci\.appveyor\.com/api/projects/status",
    re.I,
)
# GitLab pipeline badges (`gitlab.com/GROUP/PROJECT/badges/BRANCH/pipeline.svg`), checked without
# `.+/badges/.+/`, which backtracks cubically on a long URL repeating `/badges/`.
_GITLAB_PIPELINE = ("gitlab.com/", "/badges/", "/pipeline.svg")
_CI_ALT = re.compile(r"build status|\btravis\b|circleci|\bci\b", re.I)


class NoCiBadge(Rule[NoOptions]):
    """No continuous-integration status badge for the list itself.

    What it does:
        Reports the list's own CI status badges: images on the title line, before the title or
        in the introduction under it (up to the next heading) that are Travis CI, CircleCI,
        GitHub Actions workflow, AppVeyor or GitLab pipeline badges (by image URL), or whose
        alt text says "Build Status", "Travis", "CircleCI" or "CI". Badges further down, in
        entries and sections, describe the listed projects (their build status is part of
        what a reader compares) and are not reported.

    Why:
        An awesome list is a document, not a program: a build badge says nothing to readers, and
        the awesome guidelines (and the npm awesome-lint `awesome-no-ci-badge`) forbid it.

    Example:
        `[![Build Status](https://travis-ci.org/x/y.svg)](https://travis-ci.org/x/y)` under the
        title is reported; the Awesome badge is not, nor the same badge in an entry
        `- [y](https://github.com/x/y) - Parser. ![Build Status](https://travis-ci.org/x/y.svg)`.

    Fix safety:
        No fix: remove the badge by hand (it may carry a link you want elsewhere).
    """

    id = "no-ci-badge"
    aliases = ("awesome-no-ci-badge",)
    summary = "No CI status badge for the list itself"

    def check(self, document: Document, context: Context[NoOptions]) -> Iterable[Diagnostic]:
        end = _introduction_end(document)
        for link in document.links:
            if link.start >= end:
                break
            if link.is_image and _is_ci_badge(link):
                yield self.diagnostic(
                    document, link.start, link.end, "Remove the CI status badge: a list has no build to report"
                )


def _is_ci_badge(image: Link) -> bool:
    return bool(_CI_URL.search(image.url) or _CI_ALT.search(image.plain_text) or _is_gitlab_pipeline(image.url))


def _is_gitlab_pipeline(url: str) -> bool:
    lowered = url.casefold()
    host, badges, image = _GITLAB_PIPELINE
    host_at = lowered.find(host)
    return host_at >= 0 and lowered.find(badges, host_at) >= 0 and image in lowered


def _introduction_end(document: Document) -> int:
    """Where the list's head ends: at the first heading or list after the title (the first in the
    file when it has no title)."""
    title = document.title
    after = title.end if title is not None else -1
    starts = [
        next((heading.start for heading in document.headings if heading.start > after), len(document.text)),
        next((entry_list.start for entry_list in document.lists if entry_list.start > after), len(document.text)),
    ]
    return min(starts)
