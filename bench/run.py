"""Benchmark: whole-process lint time as a ratio to a bare mistune parse, and to the npm awesome-lint.

Usage: python bench/run.py [--corpus DIR] [--runs N] [--no-npm]
       python bench/run.py --scaling [--corpus DIR] [--max-factor 8]

Every figure is measured in this one run, on this machine, as the median of N whole-process runs,
in CPU seconds (user + system) of the child process: on a shared machine wall time swings with
the neighbours' load, CPU time much less.
- parse:   `python -c "import mistune; parse(file)"` (mistune AST renderer, no plugins)
- lint:    `python -m awesome_lint FILE --exit-zero`
- fix:     `python -m awesome_lint FILE --fix` on a fresh temp copy each run (largest file only)
- npm:     `npx awesome-lint README.md` 2.3.0 in a temp git repository holding the file (when node
           and npm are present; installed once into a cache folder under the temp dir)

`--scaling` prints instead how lint and safe `--fix` grow with the input: 1x/2x/4x/8x concatenations
of the largest corpus list and generated adversarial inputs (a long token, many links in one entry,
many fixes, many blank lines), each size in a fresh process timing `lint_text` and `fix_text` (CPU
seconds, interpreter start left out), with the growth exponent k of time ~ size^k fitted over the
sizes, and `--fix` as a multiple of lint at each size. Target: k <= 1.2 and fix <= 3x lint.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Callable

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


SOURCE = Path(__file__).resolve().parents[1] / "src"
SCALING_TIMEOUT = 300.0
TIME_LINT_AND_FIX = """
import json, sys, time
from awesome_lint.fix import fix_text
from awesome_lint.linter import lint_text
text = open(sys.argv[1], encoding="utf-8").read()
start = time.process_time()
lint_text("bench.md", text)
lint = time.process_time() - start
start = time.process_time()
fix_text("bench.md", text)
print(json.dumps({"lint": lint, "fix": time.process_time() - start}))
"""


def adversarial_inputs() -> dict[str, Callable[[int], str]]:
    """Generated inputs by size factor: each factor adds as many of the repeated parts."""
    return {
        "long token (data: URI)": lambda factor: "# T\n\n- [A](https://a.example) - Data data:image/png;base64,"
        + "QUJD" * 1_000 * factor
        + " (x)\n",
        "many links in one entry": lambda factor: "# T\n\n- "
        + " ".join(f"[L{i}](https://l.example/{i})" for i in range(2_500 * factor))
        + "\n",
        "many fixes (no periods)": lambda factor: "# T\n\n## S\n\n"
        + "".join(f"- [E{i:06}](https://e.example/{i}) - Entry {i}\n" for i in range(2_000 * factor)),
        "blank lines": lambda factor: "# T\n" + "\n" * 250_000 * factor,
    }


def measure_in_child(text: str, scratch: Path) -> dict[str, float] | None:
    path = scratch / "scaling.md"
    path.write_text(text, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(SOURCE)}
    try:
        done = subprocess.run(
            [sys.executable, "-c", TIME_LINT_AND_FIX, str(path)],
            capture_output=True, text=True, env=env, timeout=SCALING_TIMEOUT, check=False,
        )
    except subprocess.TimeoutExpired:
        return None
    return json.loads(done.stdout) if done.returncode == 0 else None


def growth_exponent(sizes: list[int], seconds: list[float]) -> float:
    """Least-squares slope of log(time) over log(size)."""
    xs = [math.log(size) for size in sizes]
    ys = [math.log(max(second, 1e-4)) for second in seconds]
    mean_x, mean_y = sum(xs) / len(xs), sum(ys) / len(ys)
    spread = sum((x - mean_x) ** 2 for x in xs)
    return sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys)) / spread if spread else 0.0


def scaling_table(corpus: Path, max_factor: int) -> None:
    inputs = dict(adversarial_inputs())
    files = sorted(p for p in corpus.glob("*.md") if p.name != "SOURCES.md") if corpus.is_dir() else []
    if files:
        largest = max(files, key=lambda p: p.stat().st_size)
        content = largest.read_text(encoding="utf-8-sig")
        inputs = {f"{largest.name} concatenated": lambda factor: content * factor, **inputs}
    factors = [factor for factor in (1, 2, 4, 8, 16) if factor <= max_factor]
    print(f"CPU seconds of lint_text / fix_text (safe) in a fresh process per size; python {sys.version.split()[0]}")
    print(f"{'input':30} {'x':>3} {'KB':>6} {'lint s':>7} {'fix s':>7} {'fix/lint':>8}")
    with tempfile.TemporaryDirectory() as scratch:
        for name, make in inputs.items():
            sizes: list[int] = []
            lint_times: list[float] = []
            fix_times: list[float] = []
            for factor in factors:
                text = make(factor)
                timing = measure_in_child(text, Path(scratch))
                if timing is None:
                    print(f"{name:30} {factor:3} {len(text) // 1024:6} (over {SCALING_TIMEOUT:.0f} s or failed)", flush=True)
                    break
                sizes.append(len(text))
                lint_times.append(timing["lint"])
                fix_times.append(timing["fix"])
                ratio = timing["fix"] / max(timing["lint"], 1e-4)
                print(f"{name:30} {factor:3} {len(text) // 1024:6} {timing['lint']:7.2f} {timing['fix']:7.2f} {ratio:8.2f}", flush=True)
            if len(sizes) > 1:
                lint_k, fix_k = growth_exponent(sizes, lint_times), growth_exponent(sizes, fix_times)
                print(f"{name:30} growth exponent: lint n^{lint_k:.2f}, fix n^{fix_k:.2f}", flush=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--no-npm", action="store_true")
    parser.add_argument("--scaling", action="store_true", help="print the scaling table instead")
    parser.add_argument("--max-factor", type=int, default=8)
    args = parser.parse_args()
    if args.scaling:
        scaling_table(args.corpus, args.max_factor)
        return 0
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
