"""description-case: a description starts with an upper-case letter or a legitimately lower-case token."""

from __future__ import annotations

import re
from typing import Iterable

from awesome_lint.diagnostics import Diagnostic, Edit, safe_fix
from awesome_lint.document.model import Document, Link
from awesome_lint.rules._entry_text import described_entries, is_cased_letter
from awesome_lint.rules.base import Context, NoOptions, Rule

# Names that are correctly written in lower case (camelCase names such as iOS, macOS, jQuery and
# names with digits are accepted without being listed).
LOWER_CASE_NAMES = frozenset(
    """
    npm npx pnpm yarn webpack esbuild gulp grunt browserify rollup.js babel-plugin
    curl wget git jq ffmpeg nginx tmux zsh bash ssh rsync sed awk grep cron systemd
    pip pipx conda pytest tox nox mypy ruff virtualenv
    kubectl kubeadm kubelet minikube helmfile
    libuv libcurl libvips libav glibc musl gcc clang
    dplyr tidyverse pandas numpy scipy matplotlib nltk gensim
    dotenv nodemon axios lodash underscore urql zod
    vs via e.g. i.e. etc.
    """.split()
)
_EMPHASIS = "*_~"
_QUOTES = "\"“‘'«("
_TOKEN = re.compile(r"[^\s,;:!?()\[\]\"“”*]+")
# Closing emphasis markers at the end of a token, before any trailing punctuation: `a~~`, `a_.`
_CLOSING_EMPHASIS = re.compile(r"[_~]+(?=[.,;:'’]*$)")
_PLAIN_WORD = re.compile(r"[a-z]+(?![\w\-.'’@/#])|[a-z]+(?=[.'’](?:\s|$))")


class DescriptionCase(Rule[NoOptions]):
    """Start every description with an upper-case letter.

    What it does:
        Checks the first word of each entry's description (the text after ` - `). Accepted:
        an upper-case letter; the entry's own name as the project spells it (`immudb is ...`,
        left to `description-repeats-name`); a name that is correctly lower case (a small table: `npm`,
        `webpack`, `curl`, `e.g.` ...); any word with an upper-case letter or a digit in it
        (`iOS`, `macOS`, `jQuery`, `word2vec`); identifiers and paths (`three.js`, `foo_bar`,
        `@scope/pkg`); a code span, a link, an image or HTML; numbers, emoji and scripts
        without letter case (Chinese, Japanese, Arabic...); a quotation or a parenthesis
        (`"go build" wrapper`, `(part of Django) ...`). Emphasis markers around the word are skipped (`_a_ library`, `~~a~~ library`).
        Table-of-contents items are exempt.

    Why:
        Descriptions are sentences; a consistent capital makes the list read as one text.

    Example:
        `- [Foo](https://foo.dev) - a library.` becomes `- [Foo](https://foo.dev) - A library.`

    Fix safety:
        Safe, and only for a plain ASCII lower-case word (`a`, `library`) that is not in the
        table and is not part of an identifier (`fooBar`, `foo_bar`, `foo-bar`, `foo.js`): the
        first letter is upper-cased, nothing else changes. Hyphenated words (`open-source`) and
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
            token = token_match.group()
            if start > span.start:  # opened by emphasis: `_a_ library`, `~~a~~ library`
                token = _CLOSING_EMPHASIS.sub("", token, count=1)
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


def _is_entry_name(token: str, link: Link | None) -> bool:
    """The description starts with the project's own name as it spells it (`immudb is ...`)."""
    if link is None:
        return False
    word = token.rstrip(".,;:'’").casefold()
    name = link.plain_text.casefold()
    repository = link.url.rstrip("/").rsplit("/", 1)[-1].casefold()
    # The name's first word ('goscaf' of 'goscaf cli'), not any prefix ('fast' of 'fastcache').
    first_word_of_name = len(word) > 2 and name.startswith(word) and not name[len(word) : len(word) + 1].isalnum()
    return word == name or word == repository or first_word_of_name


def _legitimately_lower(token: str) -> bool:
    core = token.rstrip(".,;:'’")
    if token in LOWER_CASE_NAMES or core in LOWER_CASE_NAMES:
        return True
    if any(char.isupper() or char.isdigit() for char in token):
        return True
    # identifiers, dotted names and paths: three.js, foo_bar, @scope/pkg, C#-like tokens,
    # go-sql-driver/mysql, /usr/bin; a slash alone is prose ('encrypt/decrypt')
    if any(char in "_.@#" for char in core):
        return True
    return "/" in core and ("-" in core or core.startswith("/"))
