"""Sort keys for entry names, and the longest run of entries that is already in order."""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from typing import Any, NamedTuple, Sequence

_NON_WORD = re.compile(r"[\W_]+")  # punctuation, spaces, emoji, symbols
_DIGITS = re.compile(r"(\d+)")
_LEADING_PUNCTUATION = re.compile(r"[\W_]*")
_FIRST_WORD = re.compile(r"(\S+?)\s")  # a word and the whitespace right after it
_HAS_WORD = re.compile(r"[^\W_]")
# Ends a key with ``longer_names_first``: after the space between words, before digits and letters.
_NAME_END = "!"
# The micro sign stands for a Latin 'u' in names (µTorrent, µStreamer); NFKD would make it a
# Greek mu, which sorts after every Latin letter.
_LATIN_STAND_INS = str.maketrans({"\u00b5": "u"})

# (accent-folded key, key with accents): entries compare by the first; the second only breaks
# ties between names that differ in accents alone ("Eclair" / "Éclair"), so the order of two
# different names never depends on where they happen to stand.
SortKey = tuple[str, str]


class KeyStyle(NamedTuple):
    ignore_case: bool = True
    natural_numbers: bool = True
    ignore_punctuation: bool = True
    articles: tuple[str, ...] = ("the", "a", "an")  # empty: articles count
    # A name sorts after the longer names that extend it by a word ("Calibre Web Automated"
    # before "Calibre Web"), as a plain sort of the `[Name](` source text puts them.
    longer_names_first: bool = False


def sort_key(name: str, style: KeyStyle) -> SortKey:
    """What entries are compared by: 'The Go 10 Book' -> ('go 0210 book', 'go 0210 book') by default.

    Accents do not count ('Éclair' sorts as 'eclair', 'üWave' as 'uwave': NFKD, then combining
    marks dropped); the key with accents kept breaks ties. A leading article is dropped only
    when whitespace follows it ('The Book' under B, but 'A-Frame' under A). With
    ``ignore_punctuation`` every run of punctuation, spaces and emoji becomes one space, so
    leading markup and emoji do not count and ``go-kit`` sorts like ``go kit`` (word by word:
    before ``go2``, which is before ``gokit``, as in a plain character-by-character sort).
    """
    key = _key_text(name, style)
    if style.longer_names_first:
        key += _NAME_END
    if name.isascii():  # nothing to fold: most names, and half the cost of sorting
        return (key, key)
    folded = _key_text(_fold_accents(name), style)
    return (folded + _NAME_END if style.longer_names_first else folded, key)


def _fold_accents(text: str) -> str:
    text = text.translate(_LATIN_STAND_INS)
    return "".join(char for char in unicodedata.normalize("NFKD", text) if not unicodedata.combining(char))


def _key_text(name: str, style: KeyStyle) -> str:
    # lower(), not casefold(): casefold turns the micro sign into a Greek mu and 'ß' into 'ss'.
    text = name.lower() if style.ignore_case else name
    text = _strip_article(text, style)
    if style.ignore_punctuation:
        text = _NON_WORD.sub(" ", text).strip()
    if style.natural_numbers:
        text = _DIGITS.sub(_sortable_number, text)
    return text


def _sortable_number(match: re.Match[str]) -> str:
    """Digits prefixed by their count, so that '2' < '10' while digits still sort before letters."""
    digits = match.group().lstrip("0") or "0"
    return f"{len(digits):02d}{digits}"


def _strip_article(text: str, style: KeyStyle) -> str:
    """Drop a leading article followed by whitespace in the name as written (before punctuation
    becomes spaces: 'A-Frame' and 'A/B Street' keep their 'A'). Leading markup and emoji before
    the article are skipped when punctuation is ignored ('**The Book**')."""
    if not style.articles:
        return text
    match = _LEADING_PUNCTUATION.match(text) if style.ignore_punctuation else None
    lead = match.end() if match else 0
    head = _FIRST_WORD.match(text, lead)
    if head is None:
        return text
    rest = text[head.end() :]
    folded = head.group(1).casefold()
    if _HAS_WORD.search(rest) and any(folded == article.casefold() for article in style.articles):
        return text[:lead] + rest.lstrip()
    return text


def in_order_indexes(keys: Sequence[Any]) -> set[int]:
    """Indexes of a longest non-decreasing subsequence of ``keys`` (O(n log n)).

    The entries outside it are the ones that are out of place: in ``A, Z, B, C`` only ``Z`` is.
    """
    tails: list[Any] = []  # smallest tail key of a run of each length
    tail_index: list[int] = []
    previous: list[int] = [-1] * len(keys)
    for index, key in enumerate(keys):
        length = bisect_right(tails, key)
        if length == len(tails):
            tails.append(key)
            tail_index.append(index)
        else:
            tails[length] = key
            tail_index[length] = index
        previous[index] = tail_index[length - 1] if length else -1
    kept: set[int] = set()
    index = tail_index[-1] if tail_index else -1
    while index != -1:
        kept.add(index)
        index = previous[index]
    return kept
