"""Benchmark pull-request mode: a PR that adds 20 entries (12 with problems) to a corpus list.

Usage: python bench/pr_mode.py [--corpus-file PATH] [--write-spacing SECONDS]

Then, for the workflow's default token and for a GitHub App installation token, a table of two
runs: the first, and a re-run after the contributor accepts half of the suggestions (every other
one, in line order) and edits one commented line whose suggestion they did not accept (GitHub makes
that comment outdated). Per run: requests made, inline comments and suggestions posted, comments
deleted, reviews and summary comments in total.

The corpus file is copied to a temp dir (never into the repo). The PR appends four entries to
each of five lists; 12 of the 20 carry one problem each (3 em-dash separators, 3 lower-case
descriptions, 3 missing periods, 2 out of alphabetical order, 1 duplicate link). Of the two out of
order, one belongs at the top of its list (its fix moves lines outside the diff: no suggestion) and
one belongs between two entries added by the PR (a multi-line suggestion that moves it). The mode
runs in-process (`awesome_lint.github.__main__.main`) against the local fake GitHub API from the
tests with the real PyGithub client. Reported: requests made, comments posted, suggestions,
suggestions that apply cleanly (each one's replacement equals the head file's lines
``start_line..line`` after `--fix` restricted to those lines: safe fixes whose edits all lie in
them, applied to a fixed point, computed here independently of review.py), wall time. `--write-spacing` is the pause between writes (production: 1 s, GitHub's
guidance for content-creating requests); 0 by default so the figure is the mode's own cost.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import re
import shutil
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# tests/ before this script's folder: fake_github imports the package tests/online, not bench/online.py.
sys.path[:0] = [str(ROOT / "tests" / "github"), str(ROOT / "tests")]

from fake_github import APP_TOKEN, TOKEN, FakeGitHub, PullFile  # noqa: E402

from awesome_lint.diagnostics import Edit  # noqa: E402
from awesome_lint.document.build import build_document  # noqa: E402
from awesome_lint.fix import MAX_PASSES, apply_edits, fix_text, select_fixes, with_newline  # noqa: E402
from awesome_lint.github import client  # noqa: E402
from awesome_lint.github.__main__ import main  # noqa: E402
from awesome_lint.linter import lint_document  # noqa: E402

DEFAULT_FILE = ROOT.parent / "shared" / "corpus" / "awesome-go.md"  # its lists are kept sorted
REPO, NUMBER, BASE_SHA, HEAD_SHA = "bench/list", 1, "a" * 40, "b" * 40
LISTS, PER_LIST = 5, 4
PROBLEMS = [
    "dash", "dash", "dash", "case", "case", "case", "period", "period", "period", "order", "order-in-block", "duplicate",
]


def new_entry(index: int, problem: str | None, indent: str, marker: str, existing_url: str) -> str:
    name = f"Zzbench {index:02d}"
    url = f"https://bench.example/{index}"
    separator, description = " - ", f"A benchmark entry number {index}."
    if problem == "dash":
        separator = " — "
    elif problem == "case":
        description = description[0].lower() + description[1:]
    elif problem == "period":
        description = description[:-1]
    elif problem == "order":
        name = f"Aabench {index:02d}"  # belongs at the top of the list, outside the diff
    elif problem == "order-in-block":
        name = f"Zzbench {index - 2:02d}z"  # belongs right after the entry added two lines above
    elif problem == "duplicate":
        url = existing_url
    return f"{indent}{marker} [{name}]({url}){separator}{description}"


def make_head(base: str) -> str:
    """Append PER_LIST entries to each of the LISTS longest lists of web links with no finding."""
    document = build_document("README.md", base)
    flagged = [d.start for d in lint_document(document)]
    candidates = [
        entry_list for entry_list in document.lists
        if len(entry_list.items) >= 5
        and all(item.link is not None and item.link.url.startswith("http") for item in entry_list.items)
        and not any(entry_list.start <= offset <= entry_list.end for offset in flagged)
    ]
    chosen = sorted(sorted(candidates, key=lambda lst: -len(lst.items))[:LISTS], key=lambda lst: lst.start)
    if len(chosen) < LISTS:
        raise SystemExit(f"need {LISTS} lists of 5+ link entries; found {len(chosen)}")
    kinds = PROBLEMS + [None] * (LISTS * PER_LIST - len(PROBLEMS))
    inserts: list[tuple[int, str]] = []
    index = 0
    for entry_list in chosen:
        last = entry_list.items[-1]
        lines = []
        for _ in range(PER_LIST):
            kind = kinds[(index * 7) % len(kinds)]  # spread the problems over the lists
            lines.append(new_entry(index, kind, last.indent, last.marker, entry_list.items[0].link.url))
            index += 1
        inserts.append((last.end, "".join("\n" + line for line in lines)))
    head = base
    for offset, text in sorted(inserts, reverse=True):
        head = head[:offset] + text + head[offset:]
    return head


def apply_suggestions(text: str, comments: list[dict]) -> tuple[str, list[tuple[int, int, list[str]]]]:
    lines = text.split("\n")
    applied = []
    for comment in sorted(comments, key=lambda c: c["line"], reverse=True):
        block = re.search(r"(`{3,})suggestion\n(.*?)\n?\1", comment["body"], re.S)
        if block is None:
            continue
        start = comment.get("start_line") or comment["line"]
        replacement = block.group(2).split("\n") if block.group(2) else []
        lines[start - 1 : comment["line"]] = replacement
        applied.append((start, comment["line"], replacement))
    return "\n".join(lines), applied


def fix_restricted_to_lines(text: str, first: int, last: int) -> str:
    """`--fix` restricted to lines ``first..last`` of ``text``: each pass applies the safe fixes
    whose edits all lie inside those lines, until none is left. Returns the lines' final text."""
    document = build_document("README.md", text)
    start, end = document.line_start(first), document.line_end(last)
    suffix = len(text) - end  # the text after the lines never changes
    for _ in range(MAX_PASSES):
        inside = [
            d for d in lint_document(document)
            if d.fix is not None and all(start <= edit.start and edit.end <= end for edit in d.fix.edits)
        ]
        chosen = select_fixes(inside, unsafe=False)
        if not chosen:
            break
        edits = [Edit(e.start, e.end, with_newline(e.content, document.newline)) for d in chosen for e in d.fix.edits]
        text = apply_edits(text, edits)
        end = len(text) - suffix
        document = build_document("README.md", text)
    return text[start:end]


def clean_suggestions(head: str, applied: list[tuple[int, int, list[str]]]) -> list[bool]:
    """For each applied suggestion: does it equal `--fix` restricted to its lines?"""
    return [
        "\n".join(replacement) == fix_restricted_to_lines(head, start, end)
        for start, end, replacement in applied
    ]


def accept_half_and_edit_one(head: str, comments: list[dict]) -> str:
    """Every other suggestion applied; then one commented line whose suggestion was not accepted
    gets its description reworded (the problem stays, GitHub makes the comment outdated)."""
    ordered = sorted((c for c in comments if suggestion_of(c["body"]) is not None), key=lambda c: c["line"])
    accepted, declined = ordered[::2], ordered[1::2]
    text, _ = apply_suggestions(head, accepted)
    if declined:
        # Suggestions applied below the declined comment do not move it: apply_suggestions keeps
        # line counts except for multi-line moves, which stay within their own range.
        lines = text.split("\n")
        target = declined[0]["line"] - 1
        lines[target] = lines[target].replace("benchmark entry", "bench entry", 1)
        text = "\n".join(lines)
    return text


def suggestion_of(body: str) -> str | None:
    block = re.search(r"(`{3,})suggestion\n(.*?)\n?\1", body, re.S)
    return None if block is None else block.group(2)


def measure_run(fake: FakeGitHub, env: dict[str, str]) -> dict[str, int]:
    """One run of the mode; what it asked of GitHub and what it left there."""
    fake.requests.clear()
    comment_ids = {c["id"] for c in fake.review_comments}
    with contextlib.redirect_stdout(io.StringIO()):
        main([], env)
    posted = [c for c in fake.review_comments if c["id"] not in comment_ids]
    return {
        "requests": len(fake.requests),
        "writes": len(fake.writes()),
        "comments posted": len(posted),
        "suggestions posted": sum(1 for c in posted if suggestion_of(c["body"]) is not None),
        "comments deleted": len(comment_ids - {c["id"] for c in fake.review_comments}),
        "reviews (total)": len(fake.reviews),
        "summary comments (total)": len(fake.issue_comments),
    }


def rerun_table(base: str, head: str, temp_dir: Path) -> list[tuple[str, str, dict[str, int]]]:
    rows = []
    for token_name, token in (("default GITHUB_TOKEN", TOKEN), ("App installation token", APP_TOKEN)):
        event = temp_dir / f"event-{token_name[:3]}.json"
        env = {
            "GITHUB_EVENT_NAME": "pull_request", "GITHUB_EVENT_PATH": str(event), "GITHUB_TOKEN": token,
            "GITHUB_WORKSPACE": str(temp_dir), "GITHUB_STEP_SUMMARY": str(temp_dir / "summary.md"),
            "GITHUB_OUTPUT": str(temp_dir / "output"),
        }
        with FakeGitHub(REPO, NUMBER, BASE_SHA, HEAD_SHA, [PullFile("README.md", base, head)]) as fake:
            env["GITHUB_API_URL"] = fake.base_url
            write_event(event, HEAD_SHA)
            rows.append((token_name, "first run", measure_run(fake, env)))
            second_sha = "d" * 40
            fake.push_commit(accept_half_and_edit_one(head, fake.review_comments), second_sha)
            write_event(event, second_sha)
            rows.append((token_name, "re-run after the push", measure_run(fake, env)))
            rows.append((token_name, "re-run, nothing new", measure_run(fake, env)))
    return rows


def write_event(path: Path, head_sha: str) -> None:
    path.write_text(json.dumps({
        "action": "synchronize", "number": NUMBER, "repository": {"full_name": REPO},
        "pull_request": {"number": NUMBER, "head": {"sha": head_sha}, "base": {"sha": BASE_SHA}},
    }), encoding="utf-8")


def print_table(rows: list[tuple[str, str, dict[str, int]]]) -> None:
    columns = list(rows[0][2])
    print("| token | run | " + " | ".join(columns) + " |")
    print("|---|---|" + "---:|" * len(columns))
    for token_name, run, counts in rows:
        print(f"| {token_name} | {run} | " + " | ".join(str(counts[c]) for c in columns) + " |")


def main_bench() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--corpus-file", type=Path, default=DEFAULT_FILE)
    parser.add_argument("--write-spacing", type=float, default=0.0)
    args = parser.parse_args()
    if not args.corpus_file.is_file():
        print(f"corpus file {args.corpus_file} not found", file=sys.stderr)
        return 2
    client.SECONDS_BETWEEN_WRITES = args.write_spacing
    with tempfile.TemporaryDirectory() as temp:
        temp_dir = Path(temp)
        copy = temp_dir / "README.md"
        shutil.copyfile(args.corpus_file, copy)
        base = copy.read_text(encoding="utf-8")
        head = make_head(base)
        workspace = temp_dir / "workspace"
        workspace.mkdir()
        event = temp_dir / "event.json"
        write_event(event, HEAD_SHA)
        env = {
            "GITHUB_EVENT_NAME": "pull_request", "GITHUB_EVENT_PATH": str(event), "GITHUB_TOKEN": TOKEN,
            "GITHUB_WORKSPACE": str(workspace), "GITHUB_STEP_SUMMARY": str(temp_dir / "summary.md"),
            "GITHUB_OUTPUT": str(temp_dir / "output"),
        }
        with FakeGitHub(REPO, NUMBER, BASE_SHA, HEAD_SHA, [PullFile("README.md", base, head)]) as fake:
            env["GITHUB_API_URL"] = fake.base_url
            log = io.StringIO()
            start = time.perf_counter()
            with contextlib.redirect_stdout(log):
                code = main([], env)
            first_run = time.perf_counter() - start
            requests_first = Counter(f"{r.method} {re.sub(r'/[0-9]+$', '/{id}', r.path)}" for r in fake.requests)
            fake.requests.clear()
            start = time.perf_counter()
            with contextlib.redirect_stdout(io.StringIO()):
                main([], env)
            rerun = time.perf_counter() - start
            rerun_writes = fake.writes()
        outputs = dict(line.split("=", 1) for line in (temp_dir / "output").read_text().splitlines())
        rows = rerun_table(base, head, temp_dir)
        comments = fake.review_comments
        suggestions = [c for c in comments if "suggestion\n" in c["body"]]
        applied_text, applied = apply_suggestions(head, comments)
        clean = clean_suggestions(head, applied)
        multi_line = [ok for (start, end, _), ok in zip(applied, clean) if start < end]
        # What is left for the contributor after accepting every suggestion, against `--fix`.
        left_after_suggestions = Counter(d.rule for d in lint_document(build_document("README.md", applied_text)))
        left_after_fix = Counter(d.rule for d in lint_document(build_document("README.md", fix_text("README.md", head).text)))
        left_in_base = Counter(d.rule for d in lint_document(build_document("README.md", base)))
        problems_per_rule = Counter(
            line.split("title=awesome-lint (", 1)[1].split(")", 1)[0]
            for line in log.getvalue().splitlines() if line.startswith("::error") or line.startswith("::warning")
        )
    print(f"corpus file: {args.corpus_file.name} ({len(base.splitlines())} lines); PR adds 20 entries, 12 with problems")
    print(f"exit code: {code}; outputs: {outputs}")
    print(f"findings on changed lines by rule: {dict(sorted(problems_per_rule.items()))}")
    print(f"requests (first run): {sum(requests_first.values())}")
    for name, count in sorted(requests_first.items()):
        print(f"  {count} x {name}")
    print(f"reviews posted: {len(fake.reviews)}; inline comments posted: {len(comments)}")
    print(f"suggestions: {len(suggestions)}; apply cleanly (== --fix restricted to those lines): {sum(clean)}/{len(applied)}")
    print(f"  multi-line suggestions: {len(multi_line)}, applying cleanly: {sum(multi_line)}")
    print(f"findings left after accepting every suggestion: {dict(sorted((left_after_suggestions - left_in_base).items()))} "
          f"(after --fix: {dict(sorted((left_after_fix - left_in_base).items()))}; not counting the base's own)")
    print(f"wall time, first run: {first_run:.3f} s (write spacing {args.write_spacing} s)")
    print(f"wall time, re-run (nothing new): {rerun:.3f} s; writes on re-run: {rerun_writes}")
    print()
    print_table(rows)
    return 0


if __name__ == "__main__":
    sys.exit(main_bench())
