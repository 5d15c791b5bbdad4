"""spell-check: technology names spelled the way their projects spell them."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, NamedTuple
from urllib.parse import unquote

from awesome_lint.diagnostics import Diagnostic, Edit, Severity, safe_fix
from awesome_lint.document.model import Document, Heading, Link
from awesome_lint.rules._anchors import anchor_map
from awesome_lint.rules._names import Spelling, builtin_spelling_lines, parse_spellings
from awesome_lint.rules._prose import InlineSkips, inside, merge_spans, non_prose_spans
from awesome_lint.rules.base import Context, Rule

# A name glued to these is part of an identifier, a path or a host name (node-postgres,
# awesome_python, github.io, @github), not prose. A "/" is glue only inside a path-like token
# (go-sql-driver/mysql, tls/http1.x/websocket), not between words ("Slack/StackOverflow").
_GLUE_BEFORE = frozenset("-_.@\\#")
_GLUE_AFTER = frozenset("-_@\\")
_TOKEN_END = re.compile(r"[\s()\[\]<>]|\Z")
_TOKEN_START = re.compile(r"[\s()\[\]<>][^\s()\[\]<>]*\Z")
_OWNER_REPO = re.compile(r"[\w.-]+/[\w.-]+")


@dataclass(frozen=True)
class SpellCheckOptions:
    # Extra entries, one a string, in the data file's format: "Correct = variant | variant ; after: ...".
    extra: tuple[str, ...] = ()
    # Correct spellings whose entries are not checked (for example "Git").
    disable: tuple[str, ...] = ()


class _Matcher(NamedTuple):
    scan: re.Pattern[str]  # candidates, in the lower-cased text
    by_variant: dict[str, Spelling]
    after: dict[str, str]  # correct spelling -> context pattern (compiled at first use)
    before: dict[str, str]
    correct: frozenset[str]  # text matching one of these is already spelled right


def _normalize(variant: str) -> str:
    return " ".join(variant.lower().split())


def _phrase_pattern(phrase: str) -> str:
    return r"\s+".join(re.escape(word) for word in phrase.split())


def _trie_pattern(words: Iterable[str]) -> str:
    """One alternation shaped as a prefix tree: Python's re tries branches one by one, and a
    flat alternation of a few hundred names is ten times slower on a large list."""
    root: dict = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: dict) -> str:
        branches = [(r"\s+" if char == " " else re.escape(char)) + emit(child)
                    for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(root)


@lru_cache(maxsize=8)
def _matcher(extra: tuple[str, ...], disable: tuple[str, ...]) -> _Matcher:
    disabled = {name.casefold() for name in disable}
    by_correct: dict[str, Spelling] = {}
    # User entries come last, so they may use the data file's @macros and replace its entries.
    for spelling in parse_spellings([*builtin_spelling_lines(), *extra]):
        by_correct[spelling.correct] = spelling  # a later (user) entry replaces a built-in one
    by_variant: dict[str, Spelling] = {}
    after, before = {}, {}
    for spelling in by_correct.values():
        if spelling.correct.casefold() in disabled:
            continue
        for variant in spelling.variants:
            by_variant[_normalize(variant)] = spelling
        if spelling.after:
            after[spelling.correct] = r"\s+(?:" + "|".join(_phrase_pattern(word) for word in spelling.after) + ")"
        if spelling.before:
            before[spelling.correct] = (
                r"(?<!\w)(?:" + "|".join(_phrase_pattern(p) for p in spelling.before) + r")\s+\Z"
            )
    # Matching lower-case text without re.I, and rejecting names glued to a character before
    # (or inside "//host") in the pattern itself, makes the scan three times faster.
    candidates = rf"(?<![\w.@#\\-])(?<!//){_trie_pattern(sorted(by_variant))}(?![\w@\\-]|\.\w)"
    correct = frozenset(
        spelling.correct for spelling in by_variant.values() if by_variant[_normalize(spelling.correct)] is spelling
    )
    return _Matcher(re.compile(candidates), by_variant, after, before, correct)


@lru_cache(maxsize=8)
def _any_case(scan: re.Pattern[str]) -> re.Pattern[str]:
    """The scan for text whose lower-casing changes its length (rare: compiled only then)."""
    return re.compile(scan.pattern, re.I)


class SpellCheck(Rule[SpellCheckOptions]):
    """Technology names spelled the way their projects spell them.

    What it does:
        Reports names such as `Javascript`, `Github`, `NodeJS`, `OSX` or `postgres` written in
        prose (descriptions, link texts, headings, paragraphs) and says how the project spells
        them: `JavaScript`, `GitHub`, `Node.js`, `macOS`, `Postgres`. The table of about 270
        names is data (`rules/data/spellings.txt`). URLs, link targets, code spans and code
        blocks, HTML, image alt texts and names glued to `-`, `_`, `.` or `@`, or inside a path-like
        token with `/` (package names, host names, paths) are not checked. Nor are link texts that
        are identifiers (`[nodejs/node](...)`, one word written as in the link's destination:
        `[scipy](https://github.com/scipy/scipy)`) and the table of contents' links to headings
        (the toc rule writes those from the headings). Names that are also English words (`react`, `swift`,
        `rust`) are only checked in context ("react component", "rust compiler").

    Why:
        Consistent spelling of the technologies a list is about reads as care; it is also what
        the npm awesome-lint checks (`awesome-spell-check`).

    Example:
        `- [Foo](https://foo.dev) - Javascript client for the Github API.` is reported twice;
        `- [node-github](https://foo.dev) - Wraps go-github/v2 for Node.` is not.

    Options:
        `extra`: more entries in the data-file format (`"Deno = deno"`, an entry with the same
        correct spelling replaces the built-in one); `disable`: correct spellings not to check
        (`["Git"]`).

    Fix safety:
        Safe: the fix only replaces the misspelled name with the correct spelling.
    """

    id = "spell-check"
    aliases = ("awesome-spell-check",)
    summary = "Technology names are spelled the way their projects spell them"
    severity = Severity.WARNING
    fixable = True
    Options = SpellCheckOptions

    def check(self, document: Document, context: Context[SpellCheckOptions]) -> Iterable[Diagnostic]:
        options = context.options
        matcher = _matcher(tuple(options.extra), tuple(options.disable))
        text = document.text
        lowered = text.lower()
        scan, scanned = (matcher.scan, lowered) if len(lowered) == len(text) else (_any_case(matcher.scan), text)
        not_prose: list[tuple[int, int]] | None = None  # built at the first real candidate
        inline_skips = InlineSkips(document)
        for match in scan.finditer(scanned):
            start, end = match.span()
            found = text[start:end]
            if found in matcher.correct:
                continue  # most candidates ("Go", "JSON"): no need to look further
            spelling = matcher.by_variant[_normalize(found)]
            if (
                found == spelling.correct
                or _is_glued(text, start, end)
                or not _in_context(matcher, spelling, text, start, end)
            ):
                continue
            if not_prose is None:
                not_prose = merge_spans([*non_prose_spans(document), *_identifier_link_texts(document)])
            if inside(not_prose, start) or inline_skips.contains(start):
                continue
            yield self.diagnostic(
                document,
                start,
                end,
                f'Text "{found}" should be written as "{spelling.correct}" (if referring to the technology)',
                fix=safe_fix(f'Write "{spelling.correct}"', Edit(start, end, spelling.correct)),
            )


def _identifier_link_texts(document: Document) -> list[tuple[int, int]]:
    """Link texts that are not prose: identifiers (`[nodejs/node](...)`, `[scipy](.../scipy)`)
    and the texts of in-page links to headings, wherever the table of contents is (the toc
    rule writes them from the headings, and a misspelling is reported on the heading itself)."""
    headings = anchor_map(document)
    return [
        _text_span(link)
        for link in document.links
        if not link.is_image and (_is_identifier(link) or _links_a_heading(link, headings))
    ]


def _links_a_heading(link: Link, headings: dict[str, Heading]) -> bool:
    return link.url.startswith("#") and unquote(link.url[1:]) in headings


def _is_identifier(link: Link) -> bool:
    """An `owner/repo` name, or one word written in the link's destination exactly as in its
    text: a package, crate, command or keyword name (`[scipy](https://github.com/scipy/scipy)`)."""
    text = link.text
    if not text or any(char.isspace() for char in text):
        return False
    return _OWNER_REPO.fullmatch(text) is not None or text in link.url


def _text_span(link: Link) -> tuple[int, int]:
    return link.start + 1, link.start + 1 + len(link.text)


def _is_glued(text: str, start: int, end: int) -> bool:
    if start > 0 and text[start - 1] in _GLUE_BEFORE:
        return True
    if (start > 0 and text[start - 1] == "/") or text[end : end + 1] == "/":
        if _in_path(text, start, end):
            return True
    if end < len(text):
        following = text[end]
        if following in _GLUE_AFTER:
            return True
        # "github.io" is a host name; "... on GitHub." ends a sentence.
        if following == "." and end + 1 < len(text) and text[end + 1].isalnum():
            return True
    return False


def _in_path(text: str, start: int, end: int) -> bool:
    """Whether the whitespace-delimited token around the match looks like a path."""
    before = _TOKEN_START.search(text, max(0, start - 80), start)
    token_start = before.start() + 1 if before else max(0, start - 80)
    token_end = _TOKEN_END.search(text, end).start()
    token = text[token_start:token_end].rstrip(".,;:!?")
    return any(char in token for char in "-_.")


def _in_context(matcher: _Matcher, spelling: Spelling, text: str, start: int, end: int) -> bool:
    if not spelling.after and not spelling.before:
        return True
    after = matcher.after.get(spelling.correct)
    if after is not None and _context_pattern(after).match(text, end):
        return True
    before = matcher.before.get(spelling.correct)
    return before is not None and _context_pattern(before).search(text, max(0, start - 40), start) is not None


@lru_cache(maxsize=None)
def _context_pattern(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.I)
