"""heading-style: ATX headings (`## Title`), not underlined (setext) ones."""

from __future__ import annotations

from typing import Iterable

from awesome_lint.diagnostics import Diagnostic, Edit, Fix, safe_fix
from awesome_lint.document.model import Document, Heading
from awesome_lint.rules.base import Context, NoOptions, Rule


class HeadingStyle(Rule[NoOptions]):
    """Headings are written `# Title` / `## Title`, not underlined with `===` or `---`.

    What it does:
        Reports setext headings (a line underlined with `=` or `-`).

    Why:
        One heading style keeps the source uniform, and a `---` underline is easily mistaken
        for a thematic break (or turns a paragraph into a heading by accident). Same as
        remark-lint's `heading-style` with `atx`, which awesome-lint configures.

    Example:
        `Contents` followed by `--------` is reported; write `## Contents`.

    Fix safety:
        Safe: the heading keeps its level and text; only the markup changes.
    """

    id = "heading-style"
    aliases = ("heading-style",)
    summary = "Headings use the ATX style (#)"
    fixable = True

    def check(self, document: Document, context: Context[NoOptions]) -> Iterable[Diagnostic]:
        for heading in document.headings:
            if heading.style == "setext":
                yield self.diagnostic(
                    document, heading.start, heading.end,
                    f"Write this heading as `{'#' * heading.level} {heading.text}`, not underlined",
                    fix=_atx_fix(document, heading),
                )


def _atx_fix(document: Document, heading: Heading) -> Fix:
    content = " ".join(line.strip() for line in document.text[heading.text_start : heading.text_end].splitlines())
    # Replace from the heading's first line up to the end of its underline.
    end = document.line_end(document.line_of(max(heading.start, heading.end - 1)))
    return safe_fix("Use an ATX heading", Edit(heading.start, end, f"{'#' * heading.level} {content}"))
