"""heading-increment: heading levels go down one step at a time."""

from __future__ import annotations

from typing import Iterable

from awesome_lint.diagnostics import Diagnostic
from awesome_lint.document.model import Document
from awesome_lint.rules.base import Context, NoOptions, Rule


class HeadingIncrement(Rule[NoOptions]):
    """Heading levels do not skip.

    What it does:
        Reports a heading more than one level deeper than the heading before it, such as a `####`
        right under a `##`.

    Why:
        Skipped levels break the outline that GitHub, screen readers and table-of-contents tools build
        from the headings. remark-lint's `heading-increment`, enabled by the npm awesome-lint, reports
        the same.

    Example:
        ```markdown
        ## Web Frameworks
        #### Middlewares    <- use '###'
        ```

    Fix safety:
        No fix: changing a level also changes where the headings below it belong.
    """

    id = "heading-increment"
    aliases = ("heading-increment",)
    summary = "Heading levels increase by one at a time (no '##' followed by '####')"

    def check(self, document: Document, context: Context[NoOptions]) -> Iterable[Diagnostic]:
        previous = None
        for heading in document.headings:
            if previous is not None and heading.level > previous.level + 1:
                wanted = "#" * (previous.level + 1)
                yield self.diagnostic(
                    document,
                    heading.start,
                    heading.end,
                    f"Use a level-{previous.level + 1} heading ('{wanted}') for '{heading.text}': "
                    f"the level jumps from {previous.level} ('{previous.text}', line "
                    f"{document.line_of(previous.start)}) to {heading.level}",
                )
            previous = heading
