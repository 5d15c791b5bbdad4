"""entry-separator: the link and the description are separated by exactly ' - '."""

from __future__ import annotations

from typing import Iterable

from awesome_lint.diagnostics import Diagnostic, Edit, Fix, safe_fix
from awesome_lint.document.model import Document, Entry
from awesome_lint.rules._entry_text import (
    CANONICAL_SEPARATOR,
    DescriptionSpan,
    content_entries,
    description_span,
    quote,
)
from awesome_lint.rules.base import Context, NoOptions, Rule

_DASH_NAMES = {
    "‐": "a hyphen character (U+2010)",
    "‑": "a non-breaking hyphen",
    "‒": "a figure dash",
    "–": "an en dash",
    "—": "an em dash",
    "―": "a horizontal bar",
    "--": "a double hyphen",
    "---": "a triple hyphen",
    ":": "a colon",
}


class EntrySeparator(Rule[NoOptions]):
    """Separate an entry's link from its description with exactly ` - `.

    What it does:
        After the main link of an entry, checks the text that introduces the description. It must
        be a space, a hyphen-minus and a space. Reported: en/em dashes (`–`, `—`), `--`, arrows (`->`), a colon,
        missing or extra spaces, tabs and no-break spaces around the hyphen, and a description
        glued to the link without any separator (`[Foo](url) A library.`), also after a
        parenthesis (`[Foo](url) (FOO) by Bar.`). Other text after the link that starts with
        something other than a letter or digit (`(deprecated) - ...`, `,`, `/`, a badge, a second
        link) is not a description and is left alone. Table-of-contents items are exempt.

    Why:
        One separator makes a list easy to scan and to parse; it is the awesome-list convention.

    Example:
        `- [Foo](https://foo.dev) — A library.` becomes `- [Foo](https://foo.dev) - A library.`

    Fix safety:
        Safe: the separator is rewritten to ` - ` when it contains a dash or colon and the
        description that follows is unambiguous (whitespace after the mark, or a letter right
        after it), and when only whitespace separates the link from a description starting with
        an upper-case letter. Other cases (`[Foo](url)bar`, a parenthesis before the description)
        are reported without a fix.
    """

    id = "entry-separator"
    aliases = ("awesome-list-item",)
    summary = "Separate link and description with ' - '"
    fixable = True

    def check(self, document: Document, context: Context[NoOptions]) -> Iterable[Diagnostic]:
        for entry in content_entries(document, context.settings):
            span = description_span(document, entry)
            if span is None or span.separator == CANONICAL_SEPARATOR:
                continue
            diagnostic = self._check_span(document, entry, span)
            if diagnostic is not None:
                yield diagnostic

    def _check_span(self, document: Document, entry: Entry, span: DescriptionSpan) -> Diagnostic | None:
        first = span.text[0]
        if span.mark is None:
            if first == "(" and _prose_after_parenthesis(span.text):
                return self.diagnostic(
                    document,
                    span.separator_start,
                    span.start + 1,
                    f"Separate the link and the description with ' - ': add it before {quote(span.text, 20)}",
                )
            if not first.isalnum():
                return None  # a badge, a second link, a parenthesis...: not a description
            fix = None
            if span.separator and first.isupper():
                fix = _rewrite(span)
            return self.diagnostic(
                document,
                span.separator_start,
                span.start + 1,
                f"Separate the link and the description with ' - ': add it before {quote(span.text, 20)}",
                fix,
            )
        if first == ">" and span.mark != ":":
            return self._arrow(document, span)
        fix = _rewrite(span) if span.separator[-1:].isspace() or first.isalpha() else None
        mark_name = _DASH_NAMES.get(span.mark)
        if mark_name is not None:
            message = f"Separate the link and the description with ' - ', not {mark_name} ('{_visible(span.separator)}')"
        else:
            message = (
                "Separate the link and the description with exactly one space on each side of '-' "
                f"(found '{_visible(span.separator)}')"
            )
        return self.diagnostic(document, span.separator_start, span.start, message, fix)


    def _arrow(self, document: Document, span: DescriptionSpan) -> Diagnostic:
        """`[Foo](url) -> A library.`: the `>` is part of the separator, not of the description."""
        text = document.text
        arrow_end = span.start + 1
        description_start = arrow_end
        while description_start < span.end and text[description_start] in " \t":
            description_start += 1
        arrow = text[span.separator_start : arrow_end]
        fix = None
        if description_start > arrow_end and description_start < span.end:
            fix = safe_fix(
                "Rewrite the separator as ' - '",
                Edit(span.separator_start, description_start, CANONICAL_SEPARATOR),
            )
        return self.diagnostic(
            document,
            span.separator_start,
            arrow_end,
            f"Separate the link and the description with ' - ', not an arrow ('{_visible(arrow)}')",
            fix,
        )


def _prose_after_parenthesis(text: str) -> bool:
    """`(MMBT) by Facebook AI.`: a parenthesis then words with no separator. `(deprecated) - A
    library.` has its separator after the parenthesis and is left alone."""
    depth = 0
    for index, char in enumerate(text):
        depth += {"(": 1, ")": -1}.get(char, 0)
        if depth == 0:
            rest = text[index + 1 :].lstrip()
            return bool(rest) and rest[0].isalpha()
    return False


def _rewrite(span: DescriptionSpan) -> Fix:
    return safe_fix("Rewrite the separator as ' - '", Edit(span.separator_start, span.start, CANONICAL_SEPARATOR))


def _visible(separator: str) -> str:
    return separator.replace("\t", "\\t").replace("\u00a0", "\\u00a0")
