"""Sort keys for entry names, and the longest run of entries that is already in order."""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import NamedTuple, Sequence

_NON_WORD = re.compile(r"[\W_]+")  # punctuation, spaces, emoji, symbols
_DIGITS = re.compile(r"(\d+)")

SortKey = str


class KeyStyle(NamedTuple):
    ignore_case: bool = True
    natural_numbers: bool = True
    ignore_punctuation: bool = True
    articles: tuple[str, ...] = ("the", "a", "an")  # empty: articles count


def sort_key(name: str, style: KeyStyle) -> SortKey:
    """The string entries are compared by: 'The Go 10 Book' -> 'go 0210 book' by default.

    With ``ignore_punctuation`` every run of punctuation, spaces and emoji becomes one space, so
    leading markup and emoji do not count and ``go-kit`` sorts like ``go kit`` (word by word:
    before ``go2``, which is before ``gokit``, as in a plain character-by-character sort).
    """
    # lower(), not casefold(): casefold turns the micro sign into a Greek mu and 'ß' into 'ss'.
    text = name.lower() if style.ignore_case else name
    if style.ignore_punctuation:
        text = _NON_WORD.sub(" ", text).strip()
    text = _strip_article(text, style)
    if style.natural_numbers:
        text = _DIGITS.sub(_sortable_number, text)
    return text


def _sortable_number(match: re.Match[str]) -> str:
    """Digits prefixed by their count, so that '2' < '10' while digits still sort before letters."""
    digits = match.group().lstrip("0") or "0"
    return f"{len(digits):02d}{digits}"


def _strip_article(text: str, style: KeyStyle) -> str:
    if not style.articles:
        return text
    head, _, rest = text.partition(" ")
    folded = head.casefold()
    if rest and any(folded == article.casefold() for article in style.articles):
        return rest.lstrip()
    return text


def in_order_indexes(keys: Sequence[SortKey]) -> set[int]:
    """Indexes of a longest non-decreasing subsequence of ``keys`` (O(n log n)).

    The entries outside it are the ones that are out of place: in ``A, Z, B, C`` only ``Z`` is.
    """
    tails: list[SortKey] = []  # smallest tail key of a run of each length
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
