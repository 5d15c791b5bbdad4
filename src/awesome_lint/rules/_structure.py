"""Check that edits moving list lines left keep what the list parses into (issue 12 item 2).

Shifting an item also shifts its lazy continuation lines, and below 4 spaces such a line can start
a block of its own: a code fence that swallows the rest of the list, a thematic break, a heading.
Re-parsing the edited lines is the only reliable test, so fixes that move continuation lines call
:func:`keeps_structure` and fall back to no fix when it says no.
"""

from __future__ import annotations

from awesome_lint.diagnostics import Edit, apply_edits
from awesome_lint.document.build import build_document
from awesome_lint.document.model import Document

# What a region parses into: its top-level blocks, and for each entry its depth, marker, text
# (whitespace-normalised: the edits only change indentation) and link targets.
Shape = tuple[tuple[str, ...], tuple[tuple[int, str, str, tuple[str, ...]], ...]]


def keeps_structure(document: Document, first_line: int, last_line: int, edits: list[Edit]) -> bool:
    """Whether lines ``first_line..last_line`` parse into the same blocks, entries and links after
    ``edits`` (all inside those lines) as before."""
    start = document.line_start(first_line)
    end = document.line_end(last_line)
    region = document.text[start:end]
    edited = apply_edits(region, [Edit(edit.start - start, edit.end - start, edit.content) for edit in edits])
    return _shape(document.path, region) == _shape(document.path, edited)


def _shape(path: str, text: str) -> Shape:
    parsed = build_document(path, text)
    blocks = tuple(block.kind for block in parsed.blocks)
    entries = tuple(
        (
            entry.parent.depth if entry.parent is not None else -1,
            entry.marker,
            " ".join(parsed.text[entry.start : entry.end].split()),
            tuple(link.url for link in entry.links),
        )
        for entry in parsed.entries()
    )
    return blocks, entries
