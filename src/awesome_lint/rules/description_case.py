"""description-case: a description starts with an upper-case letter or a legitimately lower-case token."""

from __future__ import annotations

import re
from typing import Iterable

from awesome_lint.diagnostics import Diagnostic, Edit, safe_fix
from awesome_lint.document.model import Document, Link
from awesome_lint.rules._entry_text import described_entries, is_cased_letter
from awesome_lint.rules._names import known_name_at
from awesome_lint.rules.base import Context, NoOptions, Rule

# Words that start a sentence in lower case (names are in rules/_names.py, shared with spell-check).
_LOWER_CASE_WORDS = frozenset("vs via e.g. i.e. etc.".split())
_EMPHASIS = "*_~"
_QUOTES = "\"“‘'«("
# A word, with the colons of `go:generate`, `std::tuple` or `http://localhost` (not a colon
# ending a word)
_TOKEN = re.compile(r"[^\s,;:!?()\[\]\"“”*]+(?::+[^\s,;:!?()\[\]\"“”*]+)*")
_URL_WORD_SEPARATORS = re.compile(r"[/\-_.]")
_TRAILING_PUNCTUATION = ".,;:'’"
_PLAIN_WORD = re.compile(r"[a-z]+(?![\w\-.'’@/#])|[a-z]+(?=[.'’](?:\s|$))")


class DescriptionCase(Rule[NoOptions]):
    """Start every description with an upper-case letter.

    What it does:
        Checks the first word of each entry's description (the text after ` - `). Accepted:
        an upper-case letter; the entry's own name as the project spells it (`immudb is ...`,
        left to `description-repeats-name`); a known name (`npm`, `iOS`, `uv`, `javascript`: the
        names spell-check knows, `rules/data/spellings.txt`, and names written in lower case by
        their projects, `rules/_names.py`), whatever follows it (`npm®`, `npm‐based`): its spelling
        is spell-check's business, so the two rules never write the same word differently; any word with
        an upper-case letter or a digit in it (`jQuery`, `word2vec`); identifiers, URLs and paths
        (`three.js`, `foo_bar`, `@scope/pkg`, `go:generate`, `http://localhost`); a code span, a
        link, an image or HTML; numbers, emoji and scripts without letter case (Chinese,
        Japanese, Arabic...); a quotation or a parenthesis (`"go build" wrapper`, `(part of
        Django) ...`). Emphasis markers around the word are skipped (`_a_ library`, `~~a~~ library`).
        Table-of-contents items are exempt.

    Why:
        Descriptions are sentences; a consistent capital makes the list read as one text.

    Example:
        `- [Foo](https://foo.dev) - a library.` becomes `- [Foo](https://foo.dev) - A library.`

    Fix safety:
        Safe, and only for a plain ASCII lower-case word (`a`, `library`) that is not part of an identifier
        (`fooBar`, `foo_bar`, `foo-bar`, `foo.js`): the first letter is upper-cased, nothing else
        changes. Hyphenated words (`open-source`) and
        non-ASCII letters are reported without a fix.
    """

    id = "description-case"
    aliases = ("awesome-list-item",)
    summary = "Start descriptions with an upper-case letter"
    fixable = True

    def check(self, document: Document, context: Context[NoOptions]) -> Iterable[Diagnostic]:
        text = document.text
        for entry, span in described_entries(document, context.settings):
            start = span.start
            while start < span.end and text[start] in _EMPHASIS:
                start += 1
            if start >= span.end or not is_cased_letter(text[start]) or text[start].isupper():
                continue
            token_match = _TOKEN.match(text, start, span.end)
            if token_match is None:
                continue
            if known_name_at(text, start, span.end) is not None:
                continue  # `npm`, `javascript`: the name's spelling is spell-check's, not sentence case's
            token = token_match.group()
            if start > span.start:  # opened by emphasis: `_a_ library`, `~~a~~ library`
                token = _without_closing_emphasis(token)
            if _legitimately_lower(token) or _is_entry_name(token, entry.link):
                continue
            fix = None
            plain = _PLAIN_WORD.match(token + text[token_match.end() : span.end])
            if plain is not None and text[start].isascii():
                fix = safe_fix("Upper-case the first letter", Edit(start, start + 1, text[start].upper()))
            yield self.diagnostic(
                document,
                start,
                token_match.end(),
                f"Start the description with an upper-case letter: '{token}' should be "
                f"'{token[0].upper()}{token[1:]}' (or a name written in lower case, such as 'npm')",
                fix,
            )


def _without_closing_emphasis(token: str) -> str:
    """`a~~` -> `a`, `a_.` -> `a.`: closing emphasis markers before any trailing punctuation."""
    core = token.rstrip(_TRAILING_PUNCTUATION)
    return core.rstrip("_~") + token[len(core) :]


def _is_entry_name(token: str, link: Link | None) -> bool:
    """The description starts with the project's own name as it spells it (`immudb is ...`)."""
    if link is None:
        return False
    word = token.rstrip(_TRAILING_PUNCTUATION).casefold()
    name = link.plain_text.casefold()
    repository = link.url.rstrip("/").rsplit("/", 1)[-1].casefold()
    # The name's first word ('goscaf' of 'goscaf cli'), not any prefix ('fast' of 'fastcache').
    first_word_of_name = len(word) > 2 and name.startswith(word) and not name[len(word) : len(word) + 1].isalnum()
    # A part of the repository's name: 'isatty' of 'go-isatty'.
    in_repository = len(word) > 2 and word in _URL_WORD_SEPARATORS.split(repository)
    return word == name or word == repository or first_word_of_name or in_repository


def _legitimately_lower(token: str) -> bool:
    core = token.rstrip(_TRAILING_PUNCTUATION)
    if token in _LOWER_CASE_WORDS or core in _LOWER_CASE_WORDS:
        return True
    if any(char.isupper() or char.isdigit() for char in token):
        return True
    # identifiers, dotted names, URLs and paths: three.js, foo_bar, @scope/pkg, C#-like tokens,
    # go:generate, http://localhost, go-sql-driver/mysql, /usr/bin; a slash alone is prose
    # ('encrypt/decrypt')
    if any(char in "_.@#:" for char in core):
        return True
    return "/" in core and ("-" in core or core.startswith("/"))
