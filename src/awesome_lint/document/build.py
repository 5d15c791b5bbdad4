"""Turn position-tagged mistune tokens into a :class:`Document`."""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import Any

from mistune.helpers import parse_link_href, parse_link_text
from mistune.util import unikey

from awesome_lint.diagnostics import FatalError
from awesome_lint.document.model import (
    Block,
    BlockKind,
    Definition,
    Document,
    Entry,
    EntryList,
    Heading,
    Link,
    Section,
)
from awesome_lint.document.parser import PositionedBlockState, Token, parse_inline, parse_tokens

# Dash-like or colon separators, with any horizontal whitespace (including no-break spaces).
_SEPARATOR = re.compile(r"[^\S\r\n]*(?:(?P<mark>-{1,3}|[‐‑‒–—―]|:)[^\S\r\n]*)?")
_BLOCK_KINDS: dict[str, BlockKind] = {
    "paragraph": "paragraph",
    "block_text": "paragraph",
    "block_html": "html",
    "block_code": "code",
    "block_quote": "quote",
    "thematic_break": "thematic_break",
    "list": "list",
    "heading": "heading",
}
_TRAILING_SPACE = " \t\r\n"
_PLAIN_DESTINATION = re.compile(r"[^ \t\n<]+")


def build_document(path: str, text: str, bom: bool = False) -> Document:
    _refuse_surrogates(path, text)
    normalized, collapsed = _normalize_newlines(text)
    tokens, root_state = parse_tokens(normalized)
    builder = _Builder(path, text, normalized, collapsed, root_state)
    return builder.build(tokens, bom)


def _refuse_surrogates(path: str, text: str) -> None:
    """A lone surrogate cannot come from a decoded file (the CLI refuses such bytes), only from a
    library caller: refuse it with its position rather than fail inside the parser."""
    if text.isascii():
        return
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as error:
        line = text.count("\n", 0, error.start) + 1
        column = error.start - (text.rfind("\n", 0, error.start) + 1) + 1
        code = ord(text[error.start])
        raise FatalError(f"{path}:{line}:{column}: lone surrogate U+{code:04X} is not text (not encodable as UTF-8)") from None


def _normalize_newlines(text: str) -> tuple[str, list[int]]:
    """LF-only text for mistune, plus the normalised offsets where a CRLF lost its CR."""
    collapsed: list[int] = []
    if "\r" in text:
        parts = []
        removed = 0
        pos = 0
        for match in re.finditer(r"\r\n?", text):
            parts.append(text[pos : match.start()])
            parts.append("\n")
            if match.group() == "\r\n":
                collapsed.append(match.start() - removed)
                removed += 1
            pos = match.end()
        parts.append(text[pos:])
        text = "".join(parts)
    if not text.endswith("\n"):
        text += "\n"
    return text, collapsed


def _line_starts(text: str) -> list[int]:
    """Start offset of every line; a final line ending does not start a new line."""
    starts = [0]
    starts.extend(match.end() for match in re.finditer("\n", text))
    if len(starts) > 1 and starts[-1] == len(text):
        starts.pop()
    return starts


def _dominant_newline(text: str) -> str:
    crlf = text.count("\r\n")
    return "\r\n" if crlf and crlf * 2 >= text.count("\n") else "\n"


class _Builder:
    def __init__(
        self, path: str, text: str, normalized: str, collapsed: list[int], root: PositionedBlockState
    ) -> None:
        self.path = path
        self.text = text
        self.normalized = normalized
        self.collapsed = collapsed
        self.root = root
        self.env = root.env
        self.links: list[Link] = []
        self.broken: list[tuple[int, int]] = []

    # -- offsets ---------------------------------------------------------------------------
    def to_file(self, state: PositionedBlockState, offset: int) -> int:
        if state.parent is not None:
            offset = state.to_root(offset)
        return self._from_normalized(offset)

    def end_to_file(self, state: PositionedBlockState, offset: int) -> int:
        if state.parent is not None:
            offset = state.end_to_root(offset)
        return self._from_normalized(offset)

    def _from_normalized(self, offset: int) -> int:
        if self.collapsed:
            offset += bisect_left(self.collapsed, offset)
        return offset if offset <= len(self.text) else len(self.text)

    def _trim_end(self, start: int, end: int) -> int:
        text = self.text
        while end > start and text[end - 1] in _TRAILING_SPACE:
            end -= 1
        return end

    def _span(self, token: Token) -> tuple[int, int]:
        state = token["_st"]
        start = self.to_file(state, token["_s"])
        end = self._trim_end(start, self.end_to_file(state, token["_e"]))
        if token.get("_broken"):
            self.broken.append((start, end))
        return start, end

    # -- document --------------------------------------------------------------------------
    def build(self, tokens: list[Token], bom: bool) -> Document:
        root = Section(heading=None, start=0, end=len(self.text))
        stack = [root]
        headings: list[Heading] = []
        lists: list[EntryList] = []
        blocks: list[Block] = []
        for token in tokens:
            kind = token["type"]
            if kind == "blank_line" or "_s" not in token:
                continue
            if kind == "heading":
                heading = self._heading(token)
                headings.append(heading)
                while stack[-1].heading is not None and stack[-1].level >= heading.level:
                    stack.pop().end = heading.start
                section = Section(heading=heading, start=heading.start, end=len(self.text), parent=stack[-1])
                stack[-1].children.append(section)
                stack.append(section)
                continue
            block = self._block(token)
            blocks.append(block)
            stack[-1].blocks.append(block)
            if kind == "list":
                entry_list = self._list(token, depth=0, section=stack[-1], parent_entry=None)
                lists.append(entry_list)
                stack[-1].lists.append(entry_list)
            elif kind == "paragraph":
                self._inline_links(token)
            elif kind == "block_quote":
                self._quote_links(token)
        definitions = self._definitions()
        return Document(
            path=self.path,
            text=self.text,
            bom=bom,
            newline=_dominant_newline(self.text),
            line_starts=_line_starts(self.text),
            root=root,
            headings=headings,
            lists=lists,
            blocks=blocks,
            links=sorted(self.links, key=lambda link: link.start),
            definitions=definitions,
            broken_spans=self.broken,
        )

    def _block(self, token: Token) -> Block:
        start, end = self._span(token)
        kind = _BLOCK_KINDS.get(token["type"], "other")
        raw = token.get("raw", "") if kind in ("html", "code") else ""
        return Block(kind=kind, start=start, end=end, raw=raw)

    def _definitions(self) -> list[Definition]:
        found = []
        refs = self.env.get("ref_links", {})
        for state, start, end, label in self.env.get("_definitions", []):
            ref = refs.get(unikey(label))
            if ref is None:
                continue
            file_start = self.to_file(state, start)
            file_end = self._trim_end(file_start, self.end_to_file(state, end))
            found.append(Definition(label=label, url=ref["url"], start=file_start, end=file_end))
        return found

    # -- headings --------------------------------------------------------------------------
    def _heading(self, token: Token) -> Heading:
        start, end = self._span(token)
        raw_text = token.get("text", "")
        inline, base = parse_inline(token, self.env) if raw_text.strip() else ([], token["_s"])
        state = token["_st"]
        stripped = raw_text.strip(" \r\n\t\f")
        text_start = self.to_file(state, base)
        text_end = self.end_to_file(state, base + len(stripped))
        links = self._collect_links(inline, state, base, stripped)
        return Heading(
            level=token["attrs"]["level"],
            text=_plain_text(inline).strip(),
            raw=self.text[text_start:text_end],
            start=start,
            end=end,
            text_start=text_start,
            text_end=text_end,
            style=token.get("style", "atx"),
            links=links,
        )

    # -- links -----------------------------------------------------------------------------
    def _inline_links(self, token: Token) -> tuple[list[Token], list[Link], int]:
        inline, base = parse_inline(token, self.env)
        source = token["text"].strip(" \r\n\t\f")
        return inline, self._collect_links(inline, token["_st"], base, source), base

    def _quote_links(self, token: Token) -> None:
        for child in token.get("children", []):
            if "text" in child and "_s" in child:
                self._inline_links(child)
            elif child["type"] in ("block_quote",):
                self._quote_links(child)
            elif child["type"] == "list":
                for item in child["children"]:
                    self._quote_links(item)

    def _collect_links(self, inline: list[Token], state: PositionedBlockState, base: int, source: str) -> list[Link]:
        found: list[Link] = []
        self._walk_links(inline, state, base, source, found)
        self.links.extend(found)
        return found

    def _walk_links(
        self, tokens: list[Token], state: PositionedBlockState, base: int, source: str, found: list[Link]
    ) -> None:
        for token in tokens:
            kind = token["type"]
            if kind in ("link", "image") and "_s" in token:
                found.append(self._link(token, state, base, source))
            children = token.get("children")
            if children:
                self._walk_links(children, state, base, source, found)

    def _link(self, token: Token, state: PositionedBlockState, base: int, source: str) -> Link:
        is_image = token["type"] == "image"
        start, end = token["_s"], token["_e"]
        resolved = token["attrs"].get("url", "")
        text_start = start + (2 if is_image else 1)
        url_start: int | None = None
        url_end: int | None = None
        url = resolved
        if token.get("_auto"):
            text_start, text_end = start + 1, end - 1
            url, url_start, url_end = source[text_start:text_end], text_start, text_end
        else:
            if "_close" in token:
                text_end = token["_close"]
                after_text = text_end + 1
            else:
                _, after_text = parse_link_text(source, text_start)
                text_end = after_text - 1
            if "ref" not in token and after_text < len(source) and source[after_text] == "(":
                href_from = after_text + 1
                while href_from < len(source) and source[href_from] in " \t\n":
                    href_from += 1
                href = _destination_as_written(source, href_from, end)
                if href is not None:
                    angle = source.startswith("<", href_from)
                    url_start = href_from + 1 if angle else href_from
                    url_end = url_start + len(href)
                    url = href
        contains_image = any(child["type"] == "image" for child in token.get("children", []))
        file_start = self.to_file(state, base + start)
        if "\n" in source[start:end] or self.collapsed:
            file_end = self.end_to_file(state, base + end)
            file_url_start = self.to_file(state, base + url_start) if url_start is not None else None
            file_url_end = self.end_to_file(state, base + url_end) if url_end is not None else None
        else:  # on one line offsets map by one shift: no need to map each of them
            shift = file_start - start
            file_end = end + shift
            file_url_start = url_start + shift if url_start is not None else None
            file_url_end = url_end + shift if url_end is not None else None
        return Link(
            text=source[text_start:text_end] if text_end >= text_start else "",
            plain_text=_plain_text(token.get("children", [])).strip(),
            url=url,
            resolved_url=resolved,
            start=file_start,
            end=file_end,
            url_start=file_url_start,
            url_end=file_url_end,
            is_image=is_image,
            reference=token.get("label") if "ref" in token else None,
            contains_image=contains_image,
        )

    # -- lists and entries -----------------------------------------------------------------
    def _list(self, token: Token, depth: int, section: Section | None, parent_entry: Entry | None) -> EntryList:
        start, end = self._span(token)
        entry_list = EntryList(
            start=start,
            end=end,
            ordered=token["attrs"]["ordered"],
            bullet=token["bullet"],
            depth=depth,
            section=section,
            parent_entry=parent_entry,
        )
        for item in token["children"]:
            if "_st" in item:
                entry = self._entry(item, entry_list)
                entry_list.items.append(entry)
        if entry_list.items:
            entry_list.start = min(entry_list.start, entry_list.items[0].start)
            entry_list.end = max(entry_list.end, entry_list.items[-1].end)
        return entry_list

    def _entry(self, item: Token, entry_list: EntryList) -> Entry:
        child: PositionedBlockState = item["_st"]
        parent = child.parent
        assert parent is not None
        marker_line = child.item_marker_line
        line = parent.line_text(marker_line)
        stripped = line.lstrip(" ")
        spaces = len(line) - len(stripped)
        marker_len = len(stripped) - len(stripped.lstrip("0123456789"))
        marker_len = marker_len + 1 if marker_len else 1
        marker_start = self.to_file(parent, parent.line_starts[marker_line] + spaces)
        marker = self.text[marker_start : marker_start + marker_len]
        text = self.text
        line_start = text.rfind("\n", 0, marker_start) + 1
        indent = text[line_start:marker_start]
        marker_end = marker_start + marker_len
        line_end = text.find("\n", marker_end)
        if line_end < 0:
            line_end = len(text)

        entry = Entry(
            start=marker_start,
            end=self._trim_end(marker_start, line_end),
            marker=marker,
            indent=indent,
            marker_end=marker_end,
            content_start=None,
            first_block=None,
            link=None,
            link_first=False,
            links=[],
            separator=None,
            separator_start=None,
            separator_mark=None,
            description=None,
            description_start=None,
            description_end=None,
            text_end=self._trim_end(marker_start, line_end),
            parent=entry_list,
        )
        children = [tok for tok in item["children"] if tok["type"] != "blank_line" and "_s" in tok]
        for index, tok in enumerate(children):
            start, end = self._span(tok)
            entry.end = max(entry.end, end)
            kind = tok["type"]
            if index == 0:
                entry.content_start = start
                entry.first_block = _BLOCK_KINDS.get(kind, "other")
                entry.text_end = end
                if tok.get("_broken"):
                    entry.broken_span = True
            if kind == "list":
                entry.sublists.append(
                    self._list(tok, depth=entry_list.depth + 1, section=entry_list.section, parent_entry=entry)
                )
            elif kind in ("block_text", "paragraph"):
                inline, links, _ = self._inline_links(tok)
                entry.links.extend(links)
                if index == 0:
                    self._main_link(entry, inline, links, end)
            elif kind == "block_quote":
                self._quote_links(tok)
        return entry

    def _main_link(self, entry: Entry, inline: list[Token], links: list[Link], text_end: int) -> None:
        nested = _nested_links(links)
        top_level = [link for link in links if id(link) not in nested]
        link_first = True
        main: Link | None = None
        link_iter = iter(top_level)
        for token in inline:
            kind = token["type"]
            if kind in ("link", "image") and "_s" in token:
                link = next(link_iter, None)
                if link is None:
                    break
                if link.is_image or (link.contains_image and not link.plain_text):
                    continue
                main = link
                break
            if kind == "text" and not token.get("raw", "").strip():
                continue
            if kind in ("softbreak", "linebreak"):
                continue
            link_first = False
        if main is None:
            main = next((link for link in top_level if not link.is_image and link.plain_text), None)
            link_first = False
        entry.link = main
        entry.link_first = link_first and main is not None
        if main is None or not entry.link_first:
            return
        after = self.text[main.end : text_end]
        separator = _SEPARATOR.match(after)
        assert separator is not None
        sep_text = separator.group()
        entry.separator = sep_text
        entry.separator_start = main.end
        entry.separator_mark = separator.group("mark")
        if len(sep_text) < len(after):
            entry.description_start = main.end + len(sep_text)
            entry.description_end = text_end
            entry.description = self.text[entry.description_start : text_end]


def _destination_as_written(source: str, start: int, link_end: int) -> str | None:
    """The link destination as written, from just after '(' (and any spaces)."""
    candidate = source[start : link_end - 1]
    if candidate and _PLAIN_DESTINATION.fullmatch(candidate):
        return candidate  # the common case: `(url)` with no title
    href, _ = parse_link_href(source, start)
    return href


def _nested_links(links: list[Link]) -> set[int]:
    """ids of the links that lie inside another link of ``links`` (an image inside a badge link)."""
    nested: set[int] = set()
    ordered = sorted(links, key=lambda link: (link.start, -link.end))
    furthest_end = -1
    for index, link in enumerate(ordered):
        following = ordered[index + 1] if index + 1 < len(ordered) else None
        same_span = following is not None and (following.start, following.end) == (link.start, link.end)
        if link.end <= furthest_end or same_span:
            nested.add(id(link))
        furthest_end = max(furthest_end, link.end)
    return nested


def _plain_text(tokens: list[dict[str, Any]]) -> str:
    """The visible text of inline tokens: markup and images left out."""
    parts: list[str] = []
    for token in tokens:
        kind = token["type"]
        if kind in ("text", "codespan"):
            parts.append(token.get("raw", ""))
        elif kind in ("softbreak", "linebreak"):
            parts.append(" ")
        elif kind == "image":
            continue  # alt text is not shown: a badge is not a name
        elif "children" in token:
            parts.append(_plain_text(token["children"]))
    return "".join(parts)
