"""title: exactly one H1, written in title case."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Iterator

from awesome_lint.diagnostics import Diagnostic
from awesome_lint.document.model import Document, Heading
from awesome_lint.rules._anchors import heading_text, reference_map
from awesome_lint.rules._names import known_name_at
from awesome_lint.rules.base import Context, Rule

# Words that title case leaves in lower case (except as the first word).
SMALL_WORDS = frozenset(
    "a an and as at but by en for from if in into nor of on onto or over per the to v v. via vs vs. "
    "versus with".split()
)
_HTML_HEADING = re.compile(r"<h1[\s>]", re.IGNORECASE)
_CENTERED = re.compile(r"align\s*=\s*[\"']?center", re.IGNORECASE)
_IMAGE_TAG = re.compile(r"<img[\s>]", re.IGNORECASE)
# Link or image syntax left as text when its reference is undefined: `[][sindresorhus]` (the
# badge image inside was rendered), `![Awesome][awesome-badge]`.
_UNRESOLVED_LINK = re.compile(r"!?\[[^\[\]\n]*\](?:\[[^\[\]\n]*\]|\([^()\s]*\))")
_EDGE_PUNCTUATION = "\"'“”‘’«»()[]{}<>.,;:!?¡¿*_~`"


@dataclass(frozen=True)
class TitleOptions:
    # Words written in lower case on purpose (brands such as 'npm'), compared case-sensitively.
    lowercase_words: tuple[str, ...] = ()


class Title(Rule[TitleOptions]):
    """The list has exactly one top-level heading, its title, in title case.

    What it does:
        Reports a list without a `# Title` heading (a centred HTML header with an image or an `<h1>`
        also counts, as in awesome-lint), every further `#` heading, and a title with a lower-case
        word. Small words (`of`, `and`, `for`, `in`, `the`, ...) may stay lower-case after the first
        word. Words with a capital letter anywhere (`BERT`, `macOS`, `iOS`, `JavaScript`) and words
        containing digits or dots (`node.js`, `k8s`) are left as written, and so are the names
        spell-check knows and names written in lower case by their projects (`npm`, `uv`,
        `ripgrep`: `rules/_names.py`); other brand names written in lower case can be allowed with
        the `lowercase-words` option. Messages show the title as GitHub renders it, without badges.

    Why:
        The title is the list's name on GitHub and in the awesome index. A second H1 splits the
        document into two lists for every outline tool. The npm awesome-lint reports the same
        (`awesome-heading`).

    Example:
        ```markdown
        # Awesome static site generators   <- 'Awesome Static Site Generators'
        ## Contents
        # Resources                        <- use '##'
        ```

    Fix safety:
        No fix: renaming a list or re-levelling a heading is the maintainer's decision.
    """

    id = "title"
    aliases = ("awesome-heading", "no-multiple-toplevel-headings")
    summary = "Exactly one H1, the list's title, in title case"
    Options = TitleOptions

    def check(self, document: Document, context: Context[TitleOptions]) -> Iterable[Diagnostic]:
        titles = [heading for heading in document.headings if heading.level == 1]
        if not titles:
            if not _has_html_title(document):
                yield self.diagnostic(
                    document, 0, 0, "Add a title: start the list with a '# Awesome Name' heading"
                )
            return
        title = titles[0]
        title_text = _shown_text(title, document)
        yield from self._check_case(document, title, title_text, context.options)
        for extra in titles[1:]:
            yield self.diagnostic(
                document,
                extra.start,
                extra.end,
                f"Use '##' for '{_shown_text(extra, document)}': a list has one top-level heading, its title "
                f"'{title_text}' (line {document.line_of(title.start)})",
            )

    def _check_case(
        self, document: Document, title: Heading, text: str, options: TitleOptions
    ) -> Iterator[Diagnostic]:
        words = lowercase_words(text, frozenset(options.lowercase_words))
        if words:
            quoted = ", ".join(f"'{word}'" for word in words)
            yield self.diagnostic(
                document,
                title.start,
                title.end,
                f"Write the title in title case: capitalize {quoted} ('{text}')",
            )


def lowercase_words(title: str, allowed: frozenset[str] = frozenset()) -> list[str]:
    """The words of ``title`` that title case would capitalize."""
    found: list[str] = []
    for index, raw_word in enumerate(title.split()):
        word = raw_word.strip(_EDGE_PUNCTUATION)
        first_part = word.split("-")[0]
        if not first_part or not first_part[0].islower():
            continue  # capitalized, or starts with a digit, a symbol or an uncased letter
        if any(char.isupper() for char in word) or not all(char.isalpha() or char in "-'’" for char in word):
            continue  # deliberate casing (iOS, eBPF) or a technical token (node.js, k8s)
        if (index > 0 and word.lower() in SMALL_WORDS) or word in allowed:
            continue
        if _is_known_name(word):
            continue
        found.append(word)
    return found


def _is_known_name(word: str) -> bool:
    """`npm`, `uv`, `ios`: a name whose spelling is its project's (or spell-check's) business."""
    known = known_name_at(word, 0, len(word))
    return known is not None and known.end == len(word)


def _shown_text(heading: Heading, document: Document) -> str:
    """The heading's words, without badges, resolved or not (`[![Awesome][badge]][link]`)."""
    text = heading_text(heading, reference_map(document))
    while True:
        shorter = _UNRESOLVED_LINK.sub("", text)
        if shorter == text:
            return " ".join(text.split())
        text = shorter


def _has_html_title(document: Document) -> bool:
    """awesome-lint accepts an HTML header (an <h1>, or a centred block with an image) as the title."""
    first = document.blocks[0] if document.blocks else None
    if first is None or first.kind != "html":
        return False
    raw = first.raw or document.text[first.start : first.end]
    return bool(_HTML_HEADING.search(raw) or (_CENTERED.search(raw) and _IMAGE_TAG.search(raw)))
