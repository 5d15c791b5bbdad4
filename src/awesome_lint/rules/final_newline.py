"""final-newline: the file ends with exactly one line ending."""

from __future__ import annotations

from typing import Iterable

from awesome_lint.diagnostics import Diagnostic, Edit, safe_fix
from awesome_lint.document.model import Document
from awesome_lint.rules.base import Context, NoOptions, Rule

_BLANK = " \t\r\n"


class FinalNewline(Rule[NoOptions]):
    """End the file with exactly one line ending.

    What it does:
        Reports a file whose last line has no line ending, and a file that ends with blank
        lines after its last line of content. The line ending is the file's own (`\\n` or
        `\\r\\n`). An empty file is not reported.

    Why:
        POSIX tools and diffs expect a final newline ("\\ No newline at end of file"), and blank
        lines at the end are noise in every pull request that touches the end of the list.

    Example:
        `...last entry.` (no newline) becomes `...last entry.` followed by one newline.

    Fix safety:
        Safe: inserts the missing line ending, or removes the blank lines after the last line
        of content (spaces at the end of that line are left to `trailing-whitespace`).
    """

    id = "final-newline"
    aliases = ("final-newline",)
    summary = "End the file with exactly one newline"
    fixable = True

    def check(self, document: Document, context: Context[NoOptions]) -> Iterable[Diagnostic]:
        text = document.text
        content_end = len(text.rstrip(_BLANK))
        if content_end == 0:
            return
        line_break = content_end
        while line_break < len(text) and text[line_break] in " \t":
            line_break += 1
        tail = text[line_break:]
        if tail in ("\n", "\r\n"):
            return
        if not tail:
            yield self.diagnostic(
                document,
                len(text),
                len(text),
                "Add a line ending at the end of the file",
                safe_fix("Add a final line ending", Edit(len(text), len(text), "\n")),
            )
            return
        first_break = "\r\n" if tail.startswith("\r\n") else tail[0]
        keep = line_break + len(first_break)
        yield self.diagnostic(
            document,
            keep,
            len(text),
            "Remove the blank lines at the end of the file: end it with exactly one line ending",
            safe_fix("Remove blank lines at the end of the file", Edit(keep, len(text), "")),
        )
