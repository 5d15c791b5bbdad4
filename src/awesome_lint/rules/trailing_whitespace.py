"""trailing-whitespace: no spaces or tabs at the end of entry lines."""

from __future__ import annotations

import re
from typing import Iterable

from awesome_lint.diagnostics import Diagnostic, Edit, safe_fix
from awesome_lint.document.model import Document

from awesome_lint.rules.base import Context, NoOptions, Rule

_ANY_TRAILING = re.compile(r"[ \t](?:\r?\n|\Z)")
_FENCE = re.compile(r"[ \t]*(```|~~~)")
_NEW_BLOCK = re.compile(r"[ \t]*(?:[-*+]|\d{1,9}[.)])(?:[ \t]|\Z)|[ \t]*(?:#{1,6}(?:[ \t]|\Z)|>|<|```|~~~)")


class TrailingWhitespace(Rule[NoOptions]):
    """Remove spaces and tabs at the end of entry lines.

    What it does:
        Reports trailing spaces and tabs on the lines of list entries (the item line, its
        continuation lines and its sub-lists). Two or more spaces that end a line inside a
        paragraph, followed by another line of the same paragraph, are a Markdown hard line
        break and are kept. Lines inside fenced code blocks are not checked.

    Why:
        Invisible characters make diffs noisy and trip up editors that strip them, so a
        contributor's one-line change shows up as two.

    Example:
        `- [Foo](https://foo.dev) - A library.␠␠` becomes `- [Foo](https://foo.dev) - A library.`

    Fix safety:
        Safe: removes the trailing spaces and tabs; hard line breaks are never reported.
    """

    id = "trailing-whitespace"
    aliases = ("no-trailing-spaces",)
    summary = "No trailing whitespace on entry lines"
    fixable = True

    def check(self, document: Document, context: Context[NoOptions]) -> Iterable[Diagnostic]:
        for entry_list in document.lists:
            for entry in entry_list.items:
                first = document.line_of(entry.start)
                last = document.line_of(entry.end)
                yield from self._check_lines(document, first, last)

    def _check_lines(self, document: Document, first: int, last: int) -> Iterable[Diagnostic]:
        region_end = document.line_end(last)
        if _ANY_TRAILING.search(document.text, document.line_start(first), region_end) is None:
            return  # the common case: nothing to report, no need to look at each line
        in_fence = False
        for line in range(first, last + 1):
            content = document.line_text(line)
            if _FENCE.match(content):
                in_fence = not in_fence
                continue
            if in_fence:
                continue
            # rstrip, not a `[ \t]+\Z` search: that retries at every blank of a long inner run
            text_end = len(content.rstrip(" \t"))
            if text_end == len(content):
                continue
            trailing = content[text_end:]
            if _is_hard_break(document, trailing, content, line, last):
                continue
            start = document.line_start(line) + text_end
            end = document.line_start(line) + len(content)
            yield self.diagnostic(
                document,
                start,
                end,
                f"Remove the {_describe(trailing)} at the end of the line",
                safe_fix("Remove trailing whitespace", Edit(start, end, "")),
            )


def _is_hard_break(document: Document, trailing: str, content: str, line: int, last: int) -> bool:
    if len(trailing) < 2 or "\t" in trailing or not content.strip() or line >= last:
        return False
    following = document.line_text(line + 1)
    return bool(following.strip()) and _NEW_BLOCK.match(following) is None


def _describe(trailing: str) -> str:
    spaces, tabs = trailing.count(" "), trailing.count("\t")
    parts = []
    if spaces:
        parts.append(f"{spaces} space{'s' if spaces > 1 else ''}")
    if tabs:
        parts.append(f"{tabs} tab{'s' if tabs > 1 else ''}")
    return " and ".join(parts)
