"""Known names and how their projects write them: the one definition that spell-check,
description-case and title share, so that no two rules write the same word differently.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Iterable, NamedTuple

_DATA_FILE = Path(__file__).parent / "data" / "spellings.txt"

# Names written in lower case by their owners that spell-check does not correct (an upper-case
# letter in them is not a misspelling worth a finding, but sentence case must not "fix" them).
LOWER_CASE_NAMES = frozenset(
    """
    npx pnpm yarn webpack esbuild gulp grunt browserify rollup.js babel-plugin
    curl wget git jq ffmpeg nginx tmux zsh bash ssh rsync sed awk grep cron systemd
    pip pipx conda pytest tox nox mypy ruff uv virtualenv ripgrep fzf fd htop gnuplot ncurses scanf printf sklearn
    kubectl kubeadm kubelet minikube helmfile
    libuv libcurl libvips libav glibc musl gcc clang
    dplyr tidyverse pandas numpy scipy matplotlib nltk gensim
    dotenv nodemon axios lodash underscore urql zod
    """.split()
)
# The word at a position, as a name: letters, digits and the marks names carry (node.js, c++, c#).
_NAME_WORD = re.compile(r"[\w+#]+(?:\.[\w+#]+)*")


class Spelling(NamedTuple):
    correct: str
    variants: tuple[str, ...]
    after: tuple[str, ...]  # context-only: flagged when the next word starts with one of these
    before: tuple[str, ...]  # ... or when one of these phrases comes right before


def parse_spellings(lines: Iterable[str]) -> list[Spelling]:
    """Parse data-file lines (see data/spellings.txt for the format)."""
    macros: dict[str, str] = {}
    spellings = []
    for raw in lines:
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        head, _, rest = line.partition("=")
        if not rest:
            raise ValueError(f"spell-check entry without '=': {raw!r}")
        if head.startswith("@"):
            macros[head.strip()] = rest.strip()
            continue
        variants_part, *contexts = rest.split(";")
        correct = head.strip()
        variants = _split_bars(variants_part)
        after: tuple[str, ...] = ()
        before: tuple[str, ...] = ()
        for context in contexts:
            kind, _, words = context.partition(":")
            words = macros.get(words.strip(), words)
            if kind.strip() == "after":
                after = tuple(words.split())
            elif kind.strip() == "before":
                before = _split_bars(words)
            else:
                raise ValueError(f"unknown spell-check context {kind.strip()!r} in {raw!r}")
        spellings.append(Spelling(correct, tuple(dict.fromkeys((correct.lower(), *variants))), after, before))
    return spellings


def _split_bars(text: str) -> tuple[str, ...]:
    return tuple(part.strip().lower() for part in text.split("|") if part.strip())


@lru_cache(maxsize=1)
def builtin_spelling_lines() -> tuple[str, ...]:
    return tuple(_DATA_FILE.read_text(encoding="utf-8").splitlines())


@lru_cache(maxsize=1)
def _known_names() -> dict[str, str]:
    """Lower-cased one-word name -> the way its project writes it. Context-only entries
    (`react`, `swift`) are English words too and are left out."""
    names = {name: name for name in LOWER_CASE_NAMES}
    for spelling in parse_spellings(builtin_spelling_lines()):
        if spelling.after or spelling.before:
            continue
        for variant in spelling.variants:
            if " " not in variant:
                names[variant] = spelling.correct
    return names


class KnownName(NamedTuple):
    correct: str  # how its project writes it
    end: int  # where the word ends in the text


def known_name_at(text: str, start: int, end: int) -> KnownName | None:
    """The known name that the word at ``start`` is, in any case: `npm…`, `Npm®`, `npm‐based`,
    `javascript,`."""
    match = _NAME_WORD.match(text, start, end)
    if match is None:
        return None
    correct = _known_names().get(match.group().lower())
    return KnownName(correct, match.end()) if correct is not None else None
