"""mistune with source positions.

mistune records no positions. We subclass its block state, block parser and inline parser (no
monkeypatching) and tag every token with ``_s``/``_e`` offsets in the coordinates of the state that
produced it (``_st``). List items and block quotes are parsed from new strings (child states); each
child state remembers the parent line its first line came from (``origin_line``) so that offsets
can be mapped back, line by line, to the file. See DESIGN.md §3.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import Any, Match, MutableMapping

from mistune.block_parser import BlockParser
from mistune.core import BlockState, InlineState
from mistune.inline_parser import InlineParser
from mistune.list_parser import LIST_PATTERN

Token = dict[str, Any]

_LIST_MARKER_LINE = re.compile(LIST_PATTERN)
_TEXT_STRIP = " \r\n\t\f"


class _Frame:
    """One block rule being parsed on a state; child states created meanwhile belong to it."""

    __slots__ = ("rule", "state", "start", "next_child_line", "children")

    def __init__(self, rule: str, state: PositionedBlockState, start: int) -> None:
        self.rule = rule
        self.state = state
        self.start = start
        self.next_child_line = state.line_of(start)
        self.children: list[PositionedBlockState] = []


class PositionedBlockState(BlockState):
    parent: PositionedBlockState | None

    def __init__(self, parent: PositionedBlockState | None = None) -> None:
        super().__init__(parent)
        self.frames: list[_Frame] = parent.frames if parent is not None else []
        self.origin_line = 0
        self.item_marker_line = -1
        self.line_starts: list[int] = [0]
        self._line_shifts: dict[int, tuple[int, int]] = {}

    # -- positions -------------------------------------------------------------------------
    def process(self, src: str) -> None:
        super().process(src)
        starts = [0]
        find = src.find
        pos = find("\n")
        while pos >= 0:
            starts.append(pos + 1)
            pos = find("\n", pos + 1)
        self.line_starts = starts
        self._line_shifts.clear()

    def line_of(self, offset: int) -> int:
        return bisect_right(self.line_starts, offset) - 1

    def line_text(self, index: int) -> str:
        starts = self.line_starts
        start = starts[index]
        end = starts[index + 1] - 1 if index + 1 < len(starts) else len(self.src)
        return self.src[start:end]

    def to_root(self, offset: int) -> int:
        """Map an offset in this state's text to an offset in the root (whole file) text."""
        if self.parent is None:
            return offset
        index = bisect_right(self.line_starts, offset) - 1
        delta, min_column = self.line_shift(index)
        line_start = self.line_starts[index]
        if offset - line_start < min_column:
            offset = line_start + min_column
        return offset + delta

    def line_shift(self, index: int) -> tuple[int, int]:
        """(delta, min_column): offsets on line ``index`` map to the root by adding delta; columns
        below min_column lie in a container prefix (marker, indent, '>') and map as min_column.

        The child line is the parent line minus its container prefix, with leading tabs
        expanded: the text after the indentation is identical, so columns align from the line
        end, at every level.
        """
        if self.parent is None:
            return 0, 0
        shift = self._line_shifts.get(index)
        if shift is not None:
            return shift
        parent = self.parent
        child_start = self.line_starts[index]
        parent_index = self.origin_line + index
        if parent_index >= len(parent.line_starts):
            shift = (parent.to_root(len(parent.src)) - child_start, 0)
        else:
            child_length = len(self.line_text(index))
            parent_length = len(parent.line_text(parent_index))
            parent_delta, parent_min = parent.line_shift(parent_index)
            min_column = max(0, child_length - parent_length + parent_min)
            parent_end = parent.line_starts[parent_index] + parent_length
            shift = (parent_end + parent_delta - (child_start + child_length), min_column)
        self._line_shifts[index] = shift
        return shift

    def end_to_root(self, offset: int) -> int:
        """Like :meth:`to_root` for an exclusive end offset: an end just after a line ending stays
        just after the corresponding line ending in the root (not at the next line's content)."""
        if offset > 0 and self.src[offset - 1 : offset] == "\n":
            return self.to_root(offset - 1) + 1
        return self.to_root(offset)

    # -- mistune hooks -----------------------------------------------------------------------
    def child_state(self, src: str, lazy_line_starts: set[int] | None = None) -> PositionedBlockState:
        child: PositionedBlockState = super().child_state(src, lazy_line_starts)  # type: ignore[assignment]
        frame = self._own_frame()
        if frame is None:  # a plugin we do not know created it: map to the current line
            child.origin_line = self.line_of(self.cursor)
            return child
        line = frame.next_child_line
        if frame.rule == "list":
            child.item_marker_line = line
            marker = _LIST_MARKER_LINE.match(self.line_text(line))
            if marker is not None and not marker.group("list_3").strip():
                line += 1  # an item whose first line is a bare marker starts on the next line
            # The next item's marker line is the line just consumed by the list parser.
            frame.next_child_line = self.line_of(max(self.cursor - 1, 0))
        child.origin_line = line
        frame.children.append(child)
        return child

    def _own_frame(self) -> _Frame | None:
        for frame in reversed(self.frames):
            if frame.state is self:
                return frame
        return None

    def add_paragraph(self, text: str) -> None:
        last = self.last_token()
        if last is not None and last["type"] == "paragraph":
            if last.get("_e") != self.cursor:
                last["_broken"] = True
            last["text"] += text
            last["_e"] = self.cursor + len(text)
        else:
            self.tokens.append(
                {"type": "paragraph", "text": text, "_s": self.cursor, "_e": self.cursor + len(text), "_st": self}
            )

    def append_paragraph(self) -> int | None:
        end = super().append_paragraph()
        if end is not None:
            last = self.tokens[-1]
            if last.get("_e") != self.cursor:
                last["_broken"] = True
            last["_e"] = end
        return end


class PositionedBlockParser(BlockParser):
    state_cls = PositionedBlockState
    # mistune's `(^[ \t\v\f]*\n)+` keeps backtracking state for every line it repeats over (about
    # 1 KB a blank line at the peak); nothing follows it in the scanner, so a possessive
    # repeat matches the same text without that state.
    SPECIFICATION = {**BlockParser.SPECIFICATION, "blank_line": r"(?:^[ \t\v\f]*\n)++"}

    def parse_method(self, m: Match[str], state: PositionedBlockState) -> int | None:  # type: ignore[override]
        rule = m.lastgroup or ""
        frame = _Frame(rule, state, m.start())
        tokens = state.tokens
        before = len(tokens)
        state.frames.append(frame)
        try:
            end = super().parse_method(m, state)
        finally:
            state.frames.pop()
        if not end:
            return end
        if rule == "setex_heading" and len(tokens) == before and tokens and tokens[-1]["type"] == "heading":
            tokens[-1]["_e"] = end
            return end
        if rule == "ref_link":
            state.env.setdefault("_definitions", []).append((state, m.start(), end, m.group("reflink_1")))
        _tag_new_tokens(tokens, before, m, end, state)
        if rule == "list":
            for token in tokens[before:]:
                if token["type"] == "list" and "_items" not in token:
                    _tag_list_items(token, frame.children)
        return end

    def _parse_indent_code_fast(self, state: PositionedBlockState) -> int | None:  # type: ignore[override]
        start = state.cursor
        before = len(state.tokens)
        end = super()._parse_indent_code_fast(state)
        if end is not None and len(state.tokens) > before:
            token = state.tokens[-1]
            token.update(_s=start, _e=end, _st=state)
        return end


def _tag_new_tokens(tokens: list[Token], before: int, m: Match[str], end: int, state: PositionedBlockState) -> None:
    start = m.start()
    count = len(tokens)
    for index in range(before, count):
        token = tokens[index]
        if "_s" in token:
            continue
        token_end = end
        # A list or quote ended by a block its parser consumed (a heading, say) is inserted in
        # front of that block's token: it ends where that block begins.
        if index + 1 < count and "_s" in tokens[index + 1]:
            token_end = tokens[index + 1]["_s"]
        token.update(_s=start, _e=token_end, _st=state)
        if token["type"] == "heading":
            text_group = m.start("atx_2") if m.re.groupindex.get("atx_2") else -1
            if text_group >= 0:
                raw = m.group("atx_2")
                token["_text_s"] = text_group + (len(raw) - len(raw.lstrip()))


def _tag_list_items(token: Token, children: list[PositionedBlockState]) -> None:
    token["_items"] = True
    for item, child in zip(token["children"], children):
        item["_st"] = child


class PositionedInlineParser(InlineParser):
    def parse_link_close(self, m: Match[str], state: InlineState) -> int:
        openers = list(state.brackets)
        end = super().parse_link_close(m, state)
        tokens = state.tokens
        # Only the last ']' of a run can be followed by '(': an inline link made here ends its
        # text there. Other links (references) leave the text end to be found by the builder.
        inline_close = m.end() - 1 if state.src.startswith("(", m.end()) and end > m.end() else -1
        for bracket in openers:
            index = bracket.token_index
            if index < len(tokens):
                token = tokens[index]
                if token["type"] in ("link", "image") and "_s" not in token:
                    token["_s"] = bracket.start - (2 if bracket.image else 1)
                    token["_e"] = end
                    if inline_close >= 0 and "ref" not in token:
                        token["_close"] = inline_close
                        inline_close = -1
        return end

    def parse_auto_link(self, m: Match[str], state: InlineState) -> int:
        end = super().parse_auto_link(m, state)
        _tag_last_link(state, m)
        return end

    def parse_auto_email(self, m: Match[str], state: InlineState) -> int:
        end = super().parse_auto_email(m, state)
        _tag_last_link(state, m)
        return end


def _tag_last_link(state: InlineState, m: Match[str]) -> None:
    token = state.tokens[-1]
    if token["type"] == "link" and "_s" not in token:
        token.update(_s=m.start(), _e=m.end(), _auto=True)


def parse_tokens(text: str) -> tuple[list[Token], PositionedBlockState]:
    """Parse ``text`` (LF line endings, ending with a newline) into position-tagged block tokens.

    Inline content is not parsed here; call :func:`parse_inline` on the tokens that need it.
    """
    block = PositionedBlockParser()
    state = PositionedBlockState()
    state.process(text)
    block.parse(state)
    return state.tokens, state


_INLINE = PositionedInlineParser()


def parse_inline(token: Token, env: MutableMapping[str, Any]) -> tuple[list[Token], int]:
    """Parse a block token's text. Returns the inline tokens and the state offset of its start.

    Inline ``_s``/``_e`` are relative to that start.
    """
    raw = token["text"]
    stripped = raw.lstrip(_TEXT_STRIP)
    base = token.get("_text_s", token["_s"] + (len(raw) - len(stripped)))
    return _INLINE(stripped.rstrip(_TEXT_STRIP), env), base
