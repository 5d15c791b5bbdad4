"""Markdown for comments. Pull-request content is data: whatever we quote from it is escaped so it
cannot add markup, images, HTML, mentions or issue references, nor end our hidden markers."""

from __future__ import annotations

import re

_HTML = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]()!|~])")
_ZERO_WIDTH_SPACE = "&#8203;"
_BACKTICK_RUN = re.compile(r"`+")
_MENTION_OR_REFERENCE = re.compile(r"[@#]")
# GitHub refuses any comment, review or review-comment body longer than this (422 "body is too long").
BODY_LIMIT = 65536


def fits(body: str) -> bool:
    return len(body) <= BODY_LIMIT


def plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def escape_markdown(text: str) -> str:
    """Inline-safe text: one line, HTML and Markdown specials escaped, `@user` and `#123` inert."""
    text = " ".join(text.splitlines())
    text = "".join(_HTML.get(char, char) for char in text)
    text = _MARKDOWN_SPECIAL.sub(r"\\\1", text)
    # A zero-width space after '@' / '#' stops mentions and cross-references (what Renovate does).
    return _MENTION_OR_REFERENCE.sub(lambda match: match.group() + _ZERO_WIDTH_SPACE, text)


def code_fence(content: str, minimum: int = 3) -> str:
    """A backtick fence longer than any backtick run in ``content``."""
    longest = max((len(run) for run in _BACKTICK_RUN.findall(content)), default=0)
    return "`" * max(minimum, longest + 1)


def suggestion_block(replacement: str) -> str:
    """A ```suggestion block replacing the commented lines with ``replacement`` ('\\n' line ends).

    An empty replacement deletes the lines."""
    fence = code_fence(replacement)
    body = replacement + "\n" if replacement else ""
    return f"{fence}suggestion\n{body}{fence}"


def code_span(text: str) -> str:
    """``text`` as an inline code span, shown literally (no other escaping: nothing inside a code
    span is markup). The backtick fence is longer than any backtick run inside; a space pads text
    that starts or ends with a backtick (CommonMark strips one such space on each side); line
    breaks become spaces (a code span is one line here)."""
    text = " ".join(text.splitlines())
    fence = "`" * (max((len(run) for run in _BACKTICK_RUN.findall(text)), default=0) + 1)
    if text.startswith("`") or text.endswith("`") or (text.startswith(" ") and text.endswith(" ") and text.strip()):
        text = f" {text} "
    return f"{fence}{text}{fence}"


def log_safe(text: str) -> str:
    """Plain text safe to print as one log line: CR/LF shown as \\r / \\n, so that nothing can
    start a workflow command on a line of its own."""
    return text.replace("\r", "\\r").replace("\n", "\\n")
