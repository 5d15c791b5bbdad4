"""Write fixed text back: same encoding (UTF-8), BOM and line endings, atomically, only when changed."""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

from awesome_lint.diagnostics import FatalError
from awesome_lint.document.load import BOM


def encode_markdown(text: str, bom: bool) -> bytes:
    """The inverse of ``decode_markdown``: line endings are already in ``text``."""
    return (BOM if bom else b"") + text.encode("utf-8")


def atomic_write(path: str | Path, data: bytes) -> None:
    """Replace the file's content in one step: a temporary file beside it, then ``os.replace``.

    The target's permission bits are kept, and a symlink keeps pointing where it did (the file it
    points to is replaced, not the link).
    """
    target = Path(os.path.realpath(path))
    try:
        mode: int | None = stat.S_IMODE(target.stat().st_mode)
    except FileNotFoundError:
        mode = None
    try:
        descriptor, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as error:
        raise FatalError(f"{path}: cannot write ({error.strerror or error})") from None
    try:
        with os.fdopen(descriptor, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        if mode is not None:
            os.chmod(temporary, mode)
        os.replace(temporary, target)
    except OSError as error:
        _remove_quietly(temporary)
        raise FatalError(f"{path}: cannot write ({error.strerror or error})") from None
    except BaseException:
        _remove_quietly(temporary)
        raise


def _remove_quietly(path: str) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass


def write_if_changed(path: str | Path, text: str, bom: bool, original: bytes) -> bool:
    """Write ``text`` (with the BOM when the file had one) unless the bytes are unchanged."""
    data = encode_markdown(text, bom)
    if data == original:
        return False
    atomic_write(path, data)
    return True
