"""empty-section: every section has content."""

from __future__ import annotations

from typing import Iterable

from awesome_lint.diagnostics import Diagnostic
from awesome_lint.document.model import Block, Document, Section
from awesome_lint.rules._prose import only_comments
from awesome_lint.rules.base import Context, NoOptions, Rule


class EmptySection(Rule[NoOptions]):
    """A section has content.

    What it does:
        Reports a heading with nothing under it: no entries, no text, and no sub-section that has
        content. HTML comments and horizontal rules alone do not count as content.

    Why:
        An empty section is usually a category whose last entry was removed, or a heading added for
        entries that never came. Readers who follow it from the table of contents find nothing.

    Example:
        ```markdown
        ## Databases

        ## Editors
        - [Vim](https://www.vim.org) - Highly configurable text editor.
        ```

    Fix safety:
        No fix: whether to add entries or remove the heading is the maintainer's decision.
    """

    id = "empty-section"
    summary = "Sections have content: remove empty headings or add entries"

    def check(self, document: Document, context: Context[NoOptions]) -> Iterable[Diagnostic]:
        for section in document.sections():
            heading = section.heading
            assert heading is not None
            if not _has_content(section):
                yield self.diagnostic(
                    document,
                    heading.start,
                    heading.end,
                    f"Section '{heading.text}' is empty: add entries under it or remove the heading",
                )


def _has_content(section: Section) -> bool:
    return any(_is_content(block) for block in section.blocks) or any(
        _has_content(child) for child in section.children
    )


def _is_content(block: Block) -> bool:
    if block.kind == "thematic_break":
        return False
    if block.kind == "html":
        return not only_comments(block.raw)
    return True

