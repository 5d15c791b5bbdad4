"""empty-section: every section has content."""

from __future__ import annotations

from typing import Iterable

from awesome_lint.diagnostics import Diagnostic
from awesome_lint.document.model import Block, Document, Section
from awesome_lint.rules.base import Context, NoOptions, Rule

_COMMENT_OPEN = "<!--"
_COMMENT_CLOSE = "-->"


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
        return not _only_comments(block.raw)
    return True


def _only_comments(raw: str) -> bool:
    """Nothing but HTML comments and whitespace. A scan, not a regex: a pattern with a repeated
    group around `.*?` backtracks exponentially on `<!--a-->` x 30 followed by text."""
    position = _skip_space(raw, 0)
    while position < len(raw):
        if not raw.startswith(_COMMENT_OPEN, position):
            return False
        close = raw.find(_COMMENT_CLOSE, position + len(_COMMENT_OPEN))
        if close < 0:
            return False
        position = _skip_space(raw, close + len(_COMMENT_CLOSE))
    return True


def _skip_space(text: str, position: int) -> int:
    while position < len(text) and text[position].isspace():
        position += 1
    return position
