"""Read a Markdown file into a Document, with one-line errors for input we cannot lint."""

from __future__ import annotations

from pathlib import Path

from awesome_lint.diagnostics import FatalError
from awesome_lint.document.build import build_document
from awesome_lint.document.model import Document

_BOM = b"\xef\xbb\xbf"


def decode_markdown(path: str, data: bytes) -> tuple[str, bool]:
    """Decode UTF-8 (optionally with a BOM). Returns the text and whether a BOM was present."""
    if b"\x00" in data[:8192]:
        raise FatalError(f"{path}: not a text file (contains NUL bytes)")
    bom = data.startswith(_BOM)
    body = data[len(_BOM) :] if bom else data
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as error:
        offset = error.start + (len(_BOM) if bom else 0)
        line = data.count(b"\n", 0, offset) + 1
        column = offset - (data.rfind(b"\n", 0, offset) + 1) + 1
        raise FatalError(
            f"{path}:{line}:{column}: not valid UTF-8 (byte 0x{data[offset]:02x} at offset {offset})"
        ) from None
    return text, bom


def read_bytes(path: str) -> bytes:
    try:
        return Path(path).read_bytes()
    except FileNotFoundError:
        raise FatalError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise FatalError(f"{path}: is a directory") from None
    except OSError as error:
        raise FatalError(f"{path}: cannot read ({error.strerror or error})") from None


def load_document(path: str) -> Document:
    text, bom = decode_markdown(path, read_bytes(path))
    return build_document(path, text, bom)
