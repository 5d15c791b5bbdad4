"""Read a Markdown file into a Document, with one-line errors for input we cannot lint."""

from __future__ import annotations

import os
import re
import stat

from awesome_lint.diagnostics import FatalError
from awesome_lint.document.build import build_document
from awesome_lint.document.model import Document

BOM = b"\xef\xbb\xbf"
_BARE_CR = re.compile("\r(?!\n)")


def decode_markdown(path: str, data: bytes) -> tuple[str, bool]:
    """Decode UTF-8 (optionally with a BOM). Returns the text and whether a BOM was present."""
    if b"\x00" in data[:8192]:
        raise FatalError(f"{path}: not a text file (contains NUL bytes)")
    bom = data.startswith(BOM)
    body = data[len(BOM) :] if bom else data
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as error:
        offset = error.start + (len(BOM) if bom else 0)
        line = data.count(b"\n", 0, offset) + 1
        line_start = max(data.rfind(b"\n", 0, offset) + 1, len(BOM) if bom else 0)
        column = len(data[line_start:offset].decode("utf-8", "replace")) + 1  # in characters
        raise FatalError(
            f"{path}:{line}:{column}: not valid UTF-8 (byte 0x{data[offset]:02x} at offset {offset})"
        ) from None
    bare_cr = _BARE_CR.search(text)
    if bare_cr is not None:
        # mistune reads a lone CR as a line break, editors and GitHub may not: refuse rather
        # than report positions nobody can find (old Mac line endings, or a stray character).
        line = text.count("\n", 0, bare_cr.start()) + 1
        raise FatalError(f"{path}:{line}: carriage return (CR) outside a CRLF line ending: convert the file to LF or CRLF")
    return text, bom


def read_bytes(path: str) -> bytes:
    try:
        # Opening a FIFO would block and reading a device would not end: look before opening.
        if not stat.S_ISREG(os.stat(path).st_mode) and not os.path.isdir(path):
            raise FatalError(f"{path}: not a regular file")
        with open(path, "rb") as handle:
            return handle.read()
    except FileNotFoundError:
        raise FatalError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise FatalError(f"{path}: is a directory") from None
    except OSError as error:
        raise FatalError(f"{path}: cannot read ({error.strerror or error})") from None


def load_document(path: str) -> Document:
    text, bom = decode_markdown(path, read_bytes(path))
    return build_document(path, text, bom)
