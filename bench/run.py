"""Benchmark: whole-process lint time as a ratio to a bare mistune parse, and to the npm awesome-lint.

Usage: python bench/run.py [--corpus DIR] [--runs N] [--no-npm]

Every figure is measured in this one run, on this machine, as the median of N whole-process runs,
in CPU seconds (user + system) of the child process: on a shared machine wall time swings with
the neighbours' load, CPU time much less.
- parse:   `python -c "import mistune; parse(file)"` (mistune AST renderer, no plugins)
- lint:    `python -m awesome_lint FILE --exit-zero`
- fix:     `python -m awesome_lint FILE --fix` on a fresh temp copy each run (largest file only)
- npm:     `npx awesome-lint README.md` 2.3.0 in a temp git repository holding the file (when node
           and npm are present; installed once into a cache folder under the temp dir)
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
NPM_VERSION = "2.3.0"
BARE_PARSE = (
    "import sys, mistune; "
    "mistune.create_markdown(renderer=None)(open(sys.argv[1], encoding='utf-8-sig').read())"
)


def timed(command: list[str], cwd: Path | None = None, runs: int = 5, setup=None) -> float:
    samples = []
    for _ in range(runs):
        if setup is not None:
            setup()
        before = _children_cpu()
        subprocess.run(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        samples.append(_children_cpu() - before)
    return statistics.median(samples)


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def install_npm_awesome_lint() -> Path | None:
    if not (shutil.which("node") and shutil.which("npm")):
        print("npm awesome-lint: skipped (node and npm are not installed)")
        return None
    folder = Path(tempfile.gettempdir()) / f"awesome-lint-npm-{NPM_VERSION}"
    binary = folder / "node_modules" / ".bin" / "awesome-lint"
    if not binary.exists():
        folder.mkdir(parents=True, exist_ok=True)
        result = subprocess.run(
            ["npm", "install", "--no-audit", "--no-fund", f"awesome-lint@{NPM_VERSION}"],
            cwd=folder,
            capture_output=True,
            text=True,
        )
        if result.returncode != 0 or not binary.exists():
            print(f"npm awesome-lint: skipped (npm install failed: {result.stderr.strip()[:200]})")
            return None
    return binary


def git_repo_with(path: Path, root: Path) -> Path:
    repo = root / path.stem
    repo.mkdir()
    shutil.copyfile(path, repo / "README.md")
    env = {**os.environ, "GIT_AUTHOR_NAME": "b", "GIT_AUTHOR_EMAIL": "b@b", "GIT_COMMITTER_NAME": "b", "GIT_COMMITTER_EMAIL": "b@b"}
    for command in (["git", "init", "-q"], ["git", "add", "."], ["git", "commit", "-qm", "list"]):
        subprocess.run(command, cwd=repo, check=True, env=env)
    return repo


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--no-npm", action="store_true")
    args = parser.parse_args()
    files = sorted(p for p in args.corpus.glob("*.md") if p.name != "SOURCES.md")
    if not files:
        print(f"no corpus at {args.corpus}: nothing to measure")
        return 0
    npm = None if args.no_npm else install_npm_awesome_lint()
    python = sys.executable
    print(f"CPU seconds, median of {args.runs} whole-process runs; python {sys.version.split()[0]}")
    header = f"{'file':24} {'KB':>5} {'parse s':>8} {'lint s':>7} {'lint/parse':>10}"
    if npm:
        header += f" {'npm s':>7} {'npm/lint':>9}"
    print(header)
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch)
        for path in files:
            parse = timed([python, "-c", BARE_PARSE, str(path)], runs=args.runs)
            lint = timed([python, "-m", "awesome_lint", str(path), "--exit-zero"], runs=args.runs)
            row = f"{path.name:24} {path.stat().st_size // 1024:5} {parse:8.3f} {lint:7.3f} {lint / parse:10.2f}"
            if npm:
                repo = git_repo_with(path, root)
                npm_time = timed([str(npm), "README.md"], cwd=repo, runs=max(1, args.runs // 2))
                row += f" {npm_time:7.3f} {npm_time / lint:9.1f}x"
            print(row, flush=True)
        largest = max(files, key=lambda p: p.stat().st_size)
        copy = root / "fix-target.md"

        def fresh_copy() -> None:
            shutil.copyfile(largest, copy)

        lint = timed([python, "-m", "awesome_lint", str(copy), "--exit-zero"], runs=args.runs, setup=fresh_copy)
        fix = timed([python, "-m", "awesome_lint", str(copy), "--fix", "--exit-zero"], runs=args.runs, setup=fresh_copy)
        print(f"--fix on {largest.name}: {fix:.3f} s vs lint {lint:.3f} s = {fix / lint:.2f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
