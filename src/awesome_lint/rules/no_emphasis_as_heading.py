"""no-emphasis-as-heading: sections are introduced by headings, not bold or italic lines."""

from __future__ import annotations

import re
from typing import Iterable

from awesome_lint.diagnostics import Diagnostic
from awesome_lint.document.model import Block, Document
from awesome_lint.rules.base import Context, NoOptions, Rule

# A paragraph that is a single emphasis or strong span: **Title**, __Title__, *Title*, _Title_.
_WHOLLY_EMPHASIZED = re.compile(r"(\*\*|__|\*|_)(?=\S)(?P<inner>.+?)(?<=\S)\1", re.S)
# Markup that a heading-like line does not contain: code spans, HTML/autolinks, link or image
# brackets (also caught through document.links), nested emphasis.
_NOT_PLAIN = re.compile(r"[`<\[\]*_~]")
# Text that ends like a sentence (optionally followed by closing quotes or brackets).
_SENTENCE_END = re.compile(r"[.!?][\"')\]]*$")
_MAX_WORDS = 8


class NoEmphasisAsHeading(Rule[NoOptions]):
    """Sections are introduced by headings, not by a bold or italic line.

    What it does:
        Reports a paragraph that consists of nothing but one bold or italic span and is followed
        by another paragraph: it is being used as a heading. (Top-level paragraphs only.) Only
        heading-like text counts: plain text (no link, image, code span, HTML or nested emphasis),
        at most 8 words, not ending like a sentence (`.`, `!`, `?`). So `**[back to top](#top)**`,
        `_Related: [Backup](#backup)_` and `_Libraries for GUIs._` are not reported.

    Why:
        A fake heading is missing from the table of contents and from GitHub's outline, and it
        cannot be linked to. Same as remark-lint's `no-emphasis-as-heading`, which awesome-lint
        enables.

    Example:
        `**Contributing:**` followed by a paragraph is reported; use `## Contributing`.

    Fix safety:
        No fix: turning it into a heading changes the section structure and the table of contents.
    """

    id = "no-emphasis-as-heading"
    aliases = ("no-emphasis-as-heading",)
    summary = "No bold or italic line used as a heading"

    def check(self, document: Document, context: Context[NoOptions]) -> Iterable[Diagnostic]:
        blocks = document.blocks
        for block, following in zip(blocks, blocks[1:]):
            adjacent = not document.text[block.end : following.start].strip()  # no heading between
            if block.kind == "paragraph" and following.kind == "paragraph" and adjacent:
                kind = _emphasis_kind(document, block)
                if kind:
                    yield self.diagnostic(
                        document, block.start, block.end,
                        f"Use a heading instead of {'an' if kind == 'italic' else 'a'} {kind} line"
                        " to introduce a section",
                    )


def _emphasis_kind(document: Document, block: Block) -> str | None:
    text = document.text[block.start : block.end].strip()
    match = _WHOLLY_EMPHASIZED.fullmatch(text)
    if match is None or match.group(1) in match.group("inner"):
        return None
    inner = match.group("inner").strip()
    if _NOT_PLAIN.search(inner) or _SENTENCE_END.search(inner) or len(inner.split()) > _MAX_WORDS:
        return None  # not heading-like: markup, a sentence, or too long
    # Checked last, on the few short plain paragraphs left: a scan of every link per block made
    # the rule grow as blocks x links (issue 12's scaling table).
    if any(block.start <= link.start < block.end for link in document.links):
        return None  # links and images: navigation ("back to top"), "Related: ...", "Please visit ..."
    return "bold" if len(match.group(1)) == 2 else "italic"
