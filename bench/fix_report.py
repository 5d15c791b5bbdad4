"""What `awesome-lint --fix` does to each corpus list: findings before, fixed, remaining, and the
guarantees (settles, idempotent, no URL lost, line endings kept), measured in one run.

Usage: python bench/fix_report.py [--corpus DIR] [--unsafe]
"""

from __future__ import annotations

import argparse
import time
from collections import Counter
from pathlib import Path

from awesome_lint.document.build import build_document
from awesome_lint.document.load import decode_markdown
from awesome_lint.fix import fix_text
from awesome_lint.linter import LintConfig, lint_document

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"


def urls(text: str) -> Counter[str]:
    """Every link target except in-page anchors (the table of contents is regenerated)."""
    return Counter(link.url for link in build_document("x.md", text).links if not link.url.startswith("#"))


def _endings(text: str) -> tuple[bool, bool, bool]:
    """Which line endings the text uses (LF alone, CRLF) and whether it ends with one."""
    crlf = text.count("\r\n")
    return (text.count("\n") > crlf, crlf > 0, text.endswith("\n"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--unsafe", action="store_true", help="also apply unsafe fixes")
    args = parser.parse_args()
    files = sorted(p for p in args.corpus.glob("*.md") if p.name != "SOURCES.md")
    if not files:
        print(f"no corpus at {args.corpus}")
        return 0
    config = LintConfig()
    print(f"{'file':24} {'before':>6} {'fixed':>6} {'remain':>6} {'passes':>6} {'seconds':>7}  idempotent  urls-kept  endings-kept")
    for path in files:
        text, bom = decode_markdown(str(path), path.read_bytes())  # line endings as in the file
        before = lint_document(build_document(str(path), text), config)
        start = time.perf_counter()
        result = fix_text(str(path), text, config, unsafe=args.unsafe, bom=bom)
        seconds = time.perf_counter() - start
        again = fix_text(str(path), result.text, config, unsafe=args.unsafe, bom=bom)
        lost = sum((urls(text) - urls(result.text)).values())
        endings_kept = _endings(text) == _endings(result.text)
        print(
            f"{path.name:24} {len(before):6} {len(result.applied):6} {len(result.remaining):6} {result.passes:6} "
            f"{seconds:7.2f}  {'yes' if again.text == result.text else 'NO':10}  "
            f"{'yes' if not lost else f'{lost} removed':9}  {'yes' if endings_kept else 'NO'}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
