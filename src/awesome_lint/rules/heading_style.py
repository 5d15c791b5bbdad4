"""heading-style: ATX headings (`## Title`), not underlined (setext) ones."""

from __future__ import annotations

import re
from typing import Iterable

from awesome_lint.diagnostics import Diagnostic, Edit, safe_fix
from awesome_lint.document.model import Document
from awesome_lint.rules.base import Context, NoOptions, Rule

_LINE_BREAK = re.compile(r"\r?\n")
# A trailing run of '#' after a space: an ATX heading's optional closing sequence.
_CLOSING_SEQUENCE = re.compile(r"[ \t](#+)\Z")


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
        Safe: the heading keeps its level and text; only the markup changes. A text ending in
        ` #` gets its `#` escaped (`## Tools \\#`), since an ATX heading would drop it as a
        closing sequence. No fix when a line of the heading ends with a backslash (a line break).
    """

    id = "heading-style"
    aliases = ("heading-style",)
    summary = "Headings use the ATX style (#)"
    fixable = True

    def check(self, document: Document, context: Context[NoOptions]) -> Iterable[Diagnostic]:
        for heading in document.headings:
            if heading.style != "setext":
                continue
            marks = "#" * heading.level
            content = _atx_content(document.text[heading.text_start : heading.text_end])
            fix = None
            if content is not None:
                # Replace from the heading's first line up to the end of its underline.
                end = document.line_end(document.line_of(max(heading.start, heading.end - 1)))
                fix = safe_fix("Use an ATX heading", Edit(heading.start, end, f"{marks} {content}"))
            shown = _escape_closing_sequence(heading.text)
            yield self.diagnostic(
                document, heading.start, heading.end, f"Write this heading as `{marks} {shown}`, not underlined", fix
            )


def _atx_content(source: str) -> str | None:
    """The setext heading's content on one line, reading the same after `#`; None when joining
    its lines would change it (a line ending in a backslash is a hard line break)."""
    # Markdown lines end at \n or \r\n only: `splitlines()` also splits at form feeds and U+2028.
    lines = [line.strip(" \t") for line in _LINE_BREAK.split(source)]
    if any(line.endswith("\\") for line in lines[:-1]):
        return None
    return _escape_closing_sequence(" ".join(lines))


def _escape_closing_sequence(content: str) -> str:
    """`## Tools #` reads as "Tools" (the '#' closes the heading): escape that '#'."""
    closing = _CLOSING_SEQUENCE.search(content)
    if closing is None:
        return content
    return f"{content[: closing.start(1)]}\\{content[closing.start(1) :]}"
