"""Command line: argument parsing and dispatch only. ``main(argv=None) -> int``.

Commands::

    awesome-lint [check] [PATH...] [options]   lint (and fix) Markdown files
    awesome-lint - [--stdin-filename PATH]     lint the list read from stdin (--fix: fixed text to stdout)
    awesome-lint rules [--output-format json]  the rule table
    awesome-lint rule ID                       one rule's documentation (ids or awesome-lint aliases)
    awesome-lint github [options]              pull-request mode (the GitHub Action runs this)

A first argument ``rules``, ``rule``, ``github`` or ``check`` is a command. To lint a file literally named
``rules``, write ``./rules`` or ``awesome-lint check rules``.

Exit codes: 0 clean, 1 findings (or ``--diff`` has changes), 2 usage, configuration or input error,
or an internal error.

``--online`` (or ``[tool.awesome-lint.online] enabled = true``) gathers link and repository facts
for each file before linting it; the online package, requests and PyGithub are imported only then.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import re
import sys
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Sequence, TextIO

from awesome_lint import __version__
from awesome_lint.diagnostics import FatalError

if TYPE_CHECKING:
    from awesome_lint.changes import ChangeFilter, Revision
    from awesome_lint.config import CliOverrides
    from awesome_lint.diagnostics import Diagnostic
    from awesome_lint.document.model import Document
    from awesome_lint.facts import OnlineFacts
    from awesome_lint.linter import LintConfig
    from awesome_lint.online.gather import OnlineChecker
    from awesome_lint.report import FileResult
    from awesome_lint.repository import RepositoryFiles

PROG = "awesome-lint"
EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
MARKDOWN_SUFFIXES = frozenset({".md", ".markdown"})
SKIPPED_DIRECTORIES = frozenset({"node_modules"})  # plus every hidden directory (.git, .github ...)
DEBUG_ENV = "AWESOME_LINT_DEBUG"
COMMANDS = ("check", "rules", "rule", "github")
STDIN = "-"
ONLINE_PACKAGES = ("requests", "github")  # the `online` extra: requests and PyGithub


# -- entry point -------------------------------------------------------------------------------
def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    verbose = "--verbose" in arguments or bool(os.environ.get(DEBUG_ENV))
    try:
        return _dispatch(arguments)
    except FatalError as error:
        print_error(str(error))
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        _silence_stdout()
        return EXIT_ERROR
    except Exception as error:  # a bug: one line, the traceback only on request
        report_internal_error(error, verbose)
        return EXIT_ERROR


def _dispatch(arguments: list[str]) -> int:
    command = arguments[0] if arguments and arguments[0] in COMMANDS else "check"
    rest = arguments[1:] if arguments and arguments[0] in COMMANDS else arguments
    if command == "github":  # PyGithub is imported only on this path
        from awesome_lint.github.__main__ import main as github_main

        return github_main(rest)
    parser = {"check": check_parser, "rules": rules_parser, "rule": rule_parser}[command]()
    try:
        options = parser.parse_args(rest)
    except SystemExit as exit_:  # argparse: --help (0) or a usage error (2), already printed
        return exit_.code if isinstance(exit_.code, int) else EXIT_ERROR
    if command == "rules":
        return list_rules(options.output_format)
    if command == "rule":
        return show_rule(options.rule)
    return run_check(options)


def print_error(message: str) -> None:
    print(f"{PROG}: error: {message}", file=sys.stderr)


def print_note(message: str) -> None:
    print(f"{PROG}: note: {message}", file=sys.stderr)


def report_internal_error(error: BaseException, verbose: bool, path: str | None = None) -> None:
    where = f" while checking {path}" if path else ""
    print(
        f"{PROG}: internal error{where}: {type(error).__name__}: {error} -- this is a bug, please report it"
        + ("" if verbose else f" (run with --verbose or {DEBUG_ENV}=1 for the traceback)"),
        file=sys.stderr,
    )
    if verbose:
        import traceback

        traceback.print_exception(type(error), error, error.__traceback__, file=sys.stderr)


def _silence_stdout() -> None:
    # Output went to a closed pipe (`awesome-lint | head`): stop Python complaining at exit.
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


# -- parsers -----------------------------------------------------------------------------------
def check_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Lint and fix curated awesome lists. Commands: `rules` (rule table), `rule ID` (documentation).",
        epilog="Exit codes: 0 clean, 1 findings, 2 usage, configuration or input error.",
    )
    parser.add_argument(
        "paths", nargs="*", metavar="PATH", help="files or directories (default: README.md); '-' reads stdin"
    )
    parser.add_argument("--output-format", choices=("text", "json", "github", "sarif"), default="text")
    parser.add_argument(
        "--stdin-filename",
        metavar="PATH",
        help="read the list from stdin; PATH names it in messages and locates the configuration",
    )
    parser.add_argument("--select", metavar="RULES", help="comma-separated rule ids or aliases to run (only these)")
    parser.add_argument("--extend-select", metavar="RULES", help="comma-separated rules to add to the selection")
    parser.add_argument("--ignore", metavar="RULES", help="comma-separated rule ids or aliases to skip")
    parser.add_argument("--config", metavar="PATH", help="configuration file (pyproject.toml or .awesome-lint.toml)")
    parser.add_argument("--exit-zero", action="store_true", help="exit 0 even when there are findings")
    parser.add_argument("--statistics", action="store_true", help="show the number of findings per rule")
    parser.add_argument("--fix", action="store_true", help="apply safe fixes in place")
    parser.add_argument("--unsafe-fixes", action="store_true", help="also apply unsafe fixes (with --fix/--diff)")
    parser.add_argument("--diff", action="store_true", help="print the changes --fix would make; write nothing")
    parser.add_argument("--show-fixes", action="store_true", help="list what --fix fixed")
    parser.add_argument(
        "--exit-non-zero-on-fix", action="store_true", help="with --fix: exit 1 when a file was changed"
    )
    parser.add_argument(
        "--changed-since",
        metavar="REV",
        help="report only findings on lines changed since git revision REV, and those the change causes "
        "(with --fix: fix only those)",
    )
    parser.add_argument(
        "--online",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="check that links work and linked GitHub repositories are healthy (network; "
        "default: [tool.awesome-lint.online] enabled, else off)",
    )
    parser.add_argument(
        "--cache-dir", metavar="DIR", help="where the online checks keep their results (default: ~/.cache/awesome-lint)"
    )
    parser.add_argument("--no-cache", action="store_true", help="online checks: neither read nor write the cache")
    parser.add_argument("--verbose", action="store_true", help="tracebacks for internal errors")
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    return parser


def rules_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog=f"{PROG} rules", description="List every rule.")
    parser.add_argument("--output-format", choices=("text", "json"), default="text")
    return parser


def rule_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog=f"{PROG} rule", description="Show a rule's documentation.")
    parser.add_argument("rule", metavar="ID", help="a rule id or an awesome-lint alias")
    return parser


# -- rules / rule ------------------------------------------------------------------------------
def _yes_no(value: bool) -> str:
    return "yes" if value else "no"


def list_rules(output_format: str) -> int:
    from awesome_lint.rules import RULES

    if output_format == "json":
        import json

        rows = [
            {
                "id": rule.id,
                "aliases": list(rule.aliases),
                "fixable": rule.fixable,
                "default_enabled": rule.default_enabled,
                "severity": rule.severity.value,
                "summary": rule.summary,
            }
            for rule in RULES
        ]
        sys.stdout.write(json.dumps(rows, indent=2) + "\n")
        return EXIT_CLEAN
    header = ("id", "aliases", "fixable", "default on", "summary")
    rows_text = [
        (rule.id, ", ".join(rule.aliases) or "-", _yes_no(rule.fixable), _yes_no(rule.default_enabled), rule.summary)
        for rule in RULES
    ]
    sys.stdout.write(format_table(header, rows_text))
    return EXIT_CLEAN


def format_table(header: tuple[str, ...], rows: list[tuple[str, ...]]) -> str:
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    lines = ["  ".join(cell.ljust(width) for cell, width in zip(row, widths)).rstrip() for row in [header, *rows]]
    lines.insert(1, "  ".join("-" * width for width in widths))
    return "\n".join(lines) + "\n"


def show_rule(name: str) -> int:
    from awesome_lint.rules import resolve_rule_id, rules_by_id

    ids = resolve_rule_id(name)
    if not ids:
        raise FatalError(f"unknown rule '{name}' (`{PROG} rules` lists them)")
    by_id = rules_by_id()
    pages = []
    for rule_id in ids:
        rule = by_id[rule_id]
        pages.append(
            f"# {rule.id}\n\n"
            f"Aliases: {', '.join(rule.aliases) or '-'}\n"
            f"Fixable: {_yes_no(rule.fixable)}. On by default: {_yes_no(rule.default_enabled)}. "
            f"Severity: {rule.severity.value}.\n\n"
            f"{rule.documentation()}\n"
        )
    sys.stdout.write("\n".join(pages))
    return EXIT_CLEAN


# -- finding files -----------------------------------------------------------------------------
def _current_directory() -> Path:
    try:
        return Path.cwd()
    except OSError as error:  # the directory was deleted under the shell
        raise FatalError(f"cannot read the current directory ({error.strerror or error})") from None


def default_targets(directory: Path) -> list[str]:
    try:
        for name in ("README.md", "readme.md"):
            if (directory / name).is_file():
                return [name]
        for candidate in sorted(directory.iterdir()):
            if candidate.name.lower() in ("readme.md", "readme.markdown") and candidate.is_file():
                return [candidate.name]
    except OSError as error:
        raise FatalError(f"cannot read the current directory ({error.strerror or error})") from None
    raise FatalError(f"no README.md in {directory}; give the Markdown files to lint")


def markdown_files_in(directory: str) -> list[str]:
    """Markdown files under ``directory``, sorted, skipping hidden directories and node_modules."""
    found = []
    for root, subdirectories, files in os.walk(directory):
        subdirectories[:] = sorted(
            name for name in subdirectories if not name.startswith(".") and name not in SKIPPED_DIRECTORIES
        )
        found.extend(
            os.path.join(root, name)
            for name in sorted(files)
            if Path(name).suffix.lower() in MARKDOWN_SUFFIXES and not name.startswith(".")
        )
    return sorted(found, key=lambda path: Path(path).parts)


def expand_paths(paths: list[str]) -> tuple[list[str], list[str]]:
    """(files to lint, input errors). Files given explicitly are linted whatever their name."""
    files: list[str] = []
    errors: list[str] = []
    seen: set[str] = set()
    for path in paths:
        if os.path.isdir(path):
            inside = markdown_files_in(path)
            if not inside:
                errors.append(f"{path}: no Markdown files (*.md, *.markdown) in this directory")
            candidates = inside
        elif os.path.exists(path):
            candidates = [path]
        else:
            errors.append(f"{path}: no such file or directory")
            candidates = []
        for candidate in candidates:
            key = os.path.realpath(candidate)
            if key not in seen:
                seen.add(key)
                files.append(candidate)
    return files, errors


# -- configuration -----------------------------------------------------------------------------
def split_rule_list(value: str | None) -> tuple[str, ...]:
    if not value:
        return ()
    return tuple(part.strip() for part in value.split(",") if part.strip())


def cli_overrides(options: argparse.Namespace) -> CliOverrides:
    from awesome_lint.config import CliOverrides

    return CliOverrides(
        select=split_rule_list(options.select) if options.select is not None else None,
        extend_select=split_rule_list(options.extend_select),
        ignore=split_rule_list(options.ignore),
        online=options.online,
    )


class ConfigCache:
    """One LintConfig per directory: the configuration is found by walking up from the file."""

    def __init__(self, config_path: str | None, overrides: CliOverrides) -> None:
        self._config_path = Path(config_path) if config_path else None
        self._overrides = overrides
        self._by_directory: dict[Path, LintConfig] = {}

    def for_file(self, path: str) -> LintConfig:
        from awesome_lint.config import load_config

        # With --config there is one configuration; otherwise the search starts from the file's
        # own folder (not a symlink target's), as load_config walks up from there.
        directory = Path("--config") if self._config_path else Path(path).absolute().parent
        if directory not in self._by_directory:
            self._by_directory[directory] = load_config(Path(path), self._config_path, self._overrides)
        return self._by_directory[directory]


# -- checking ----------------------------------------------------------------------------------
@dataclass
class Run:
    """What happened over all files; decides the exit code."""

    results: list[FileResult] = field(default_factory=list)
    fixed: dict[str, list[Diagnostic]] = field(default_factory=dict)
    diffs: list[str] = field(default_factory=list)
    changed_files: int = 0
    not_shown: int = 0  # --changed-since: findings on unchanged lines
    failed: bool = False  # an input error, an internal error or fixes that did not settle

    @property
    def remaining(self) -> list[Diagnostic]:
        return [d for result in self.results for d in result.diagnostics]

    @property
    def fixed_diagnostics(self) -> list[Diagnostic]:
        return [d for fixed in self.fixed.values() for d in fixed]

    def add(self, result: FileResult, changes: ChangeFilter | None) -> None:
        """One file's findings; with --changed-since, those the change is responsible for."""
        if changes is not None:
            shown = changes.select(result.text, result.diagnostics)
            self.not_shown += len(result.diagnostics) - len(shown)
            result = result._replace(diagnostics=shown)
        self.results.append(result)


@dataclass
class ListSource:
    """One list to check: its text and what the engine reads beside it."""

    path: str
    text: str
    bom: bool
    config: LintConfig
    repository: RepositoryFiles | None  # the files beside the list
    changes: ChangeFilter | None  # --changed-since
    facts: OnlineFacts | None = None  # --online

    @cached_property
    def document(self) -> Document:
        """The text's Document, built once for the online checks and the lint."""
        from awesome_lint.document.build import build_document

        return build_document(self.path, self.text, self.bom)


def run_check(options: argparse.Namespace) -> int:
    configs = ConfigCache(options.config, cli_overrides(options))
    stdin_name = stdin_list_name(options)
    if stdin_name is not None:
        return run_stdin(stdin_name, configs, options)
    paths = options.paths or default_targets(_current_directory())
    files, errors = expand_paths(paths)
    for message in errors:
        print_error(message)
    if not files:
        return EXIT_ERROR
    run = Run(failed=bool(errors))
    revision = changed_since(options)
    online = OnlineRun(options)
    try:
        for path in files:
            config = configs.for_file(path)  # a configuration error stops the run (FatalError)
            online.require_packages(config)  # so do missing packages for --online
            changes = revision.changes_for(path, config) if revision else None  # so does a git error
            try:
                check_file(path, config, options, run, changes, online)
            except FatalError as error:  # this file cannot be linted; go on with the others
                print_error(str(error))
                run.failed = True
            except Exception as error:
                report_internal_error(error, options.verbose or bool(os.environ.get(DEBUG_ENV)), path)
                run.failed = True
    finally:
        online.close()  # the cache keeps what was learnt, even when a file failed
    write_report(run, options)
    return exit_code(run, options)


def changed_since(options: argparse.Namespace) -> Revision | None:
    if options.changed_since is None:
        return None
    from awesome_lint.changes import Revision

    return Revision(options.changed_since)


def check_file(
    path: str,
    config: LintConfig,
    options: argparse.Namespace,
    run: Run,
    changes: ChangeFilter | None,
    online: OnlineRun,
) -> None:
    from awesome_lint.document.load import decode_markdown, read_bytes

    data = read_bytes(path)
    text, bom = decode_markdown(path, data)
    if not text.strip():
        raise FatalError(f"{path}: empty file, nothing to lint")
    from awesome_lint.repository import scan_repository

    source = ListSource(path, text, bom, config, scan_repository(path), changes)
    source.facts = online.facts_for(source, Path(path).absolute().parent)
    if options.fix or options.diff:
        fix_file(source, data, options, run)
    else:
        run.add(lint_file(source), changes)


def lint_file(source: ListSource) -> FileResult:
    from awesome_lint.linter import lint_document
    from awesome_lint.report import FileResult

    document = source.document
    diagnostics = lint_document(document, source.config, source.repository, source.facts)
    return FileResult(source.path, source.text, diagnostics, document.newline)


def fix_file(source: ListSource, data: bytes, options: argparse.Namespace, run: Run) -> None:
    fixed = fix_source(source, options, run)
    if fixed is None or options.diff:
        return
    from awesome_lint.write import write_if_changed

    if write_if_changed(source.path, fixed, source.bom, data):
        run.changed_files += 1


def fix_source(source: ListSource, options: argparse.Namespace, run: Run) -> str | None:
    """Fix the list and record the outcome (and the diff with --diff) in ``run``; the fixed text,
    or None when nothing changed or the fixes did not settle."""
    from awesome_lint.fix import FixDidNotSettle, fix_text
    from awesome_lint.report import FileResult

    path, text, changes = source.path, source.text, source.changes
    keep = changes.select if changes is not None else None  # --changed-since: fix what the change causes
    try:
        result = fix_text(
            path,
            text,
            source.config,
            unsafe=options.unsafe_fixes,
            bom=source.bom,
            repository=source.repository,
            keep=keep,
            online=source.facts,
        )
    except FixDidNotSettle as error:
        print_error(f"{error} -- this is a bug in those rules, please report it; {path} was not changed")
        run.failed = True
        run.add(lint_file(source), changes)
        return None
    run.add(FileResult(path, result.text, result.remaining, result.newline), changes)
    run.fixed[path] = result.applied
    if not result.changed:
        return None
    if options.diff:
        run.diffs.append(unified_diff(path, text, result.text, source.bom))
        run.changed_files += 1
    return result.text


# -- online checks -----------------------------------------------------------------------------
class OnlineRun:
    """The online checks of one run: one OnlineChecker, made for the first file that needs facts,
    with that file's settings (the cache, the connections and the notes are shared by all files)."""

    def __init__(self, options: argparse.Namespace) -> None:
        self._options = options
        self._checker: OnlineChecker | None = None

    def require_packages(self, config: LintConfig) -> None:
        """The online checks talk HTTP through requests and the GitHub API through PyGithub, which
        a plain install leaves out."""
        if not config.online.enabled:
            return
        import importlib.util

        if any(importlib.util.find_spec(name) is None for name in ONLINE_PACKAGES):
            raise FatalError(f"the online checks need requests and PyGithub: pip install '{PROG}[online]'")

    def facts_for(self, source: ListSource, checkout: Path | None) -> OnlineFacts | None:
        """Facts about the links of the text as read, or None when no online rule is to run."""
        config = source.config
        if not config.online.enabled:
            return None
        from awesome_lint.facts import ONLINE_RULES

        rules = {rule.id for rule in config.enabled_rules()}
        if not rules & ONLINE_RULES:
            return None
        changes = source.changes
        lines = changes.changed_lines(source.text) if changes is not None else None  # links on changed lines only
        return self._checker_for(config).facts_for(source.document, rules, lines, checkout)

    def _checker_for(self, config: LintConfig) -> OnlineChecker:
        if self._checker is None:
            from awesome_lint.online.gather import OnlineChecker, default_cache_dir

            cache_dir = None if self._options.no_cache else Path(self._options.cache_dir or default_cache_dir())
            self._checker = OnlineChecker(config.online, cache_dir, print_note)
        return self._checker

    def close(self) -> None:
        if self._checker is not None:
            self._checker.close()


# -- stdin -------------------------------------------------------------------------------------
def stdin_list_name(options: argparse.Namespace) -> str | None:
    """The name of the list read from stdin (``--stdin-filename`` or '-'); None when linting files."""
    if options.paths == [STDIN] or (options.stdin_filename and not options.paths):
        return options.stdin_filename or STDIN
    if STDIN in options.paths:
        raise FatalError("'-' reads the list from stdin: give no other paths")
    if options.stdin_filename:
        raise FatalError("--stdin-filename names the list read from stdin: give no other paths (or '-')")
    return None


def run_stdin(name: str, configs: ConfigCache, options: argparse.Namespace) -> int:
    """Lint the list on stdin as if it were the file ``name``. With --fix, the fixed text (or the
    text unchanged) goes to stdout and the report to stderr, so an editor can pipe a buffer
    through; with --diff, the diff goes to stdout."""
    from awesome_lint.document.load import decode_markdown
    from awesome_lint.repository import scan_repository
    from awesome_lint.write import encode_markdown

    config = configs.for_file(name)
    data = sys.stdin.buffer.read()
    text, bom = decode_markdown(name, data)
    if not text.strip():
        raise FatalError(f"{name}: empty input on stdin, nothing to lint")
    checkout = Path(name).absolute().parent if names_a_real_folder(name) else None
    repository = scan_repository(name) if checkout is not None else None
    source = ListSource(name, text, bom, config, repository, stdin_changes(name, config, options))
    online = OnlineRun(options)
    online.require_packages(config)
    try:
        source.facts = online.facts_for(source, checkout)
    finally:
        online.close()
    run = Run()
    if not (options.fix or options.diff):
        run.add(lint_file(source), source.changes)
        write_report(run, options)
        return exit_code(run, options)
    fixed = fix_source(source, options, run)
    if options.diff:
        write_report(run, options)
        return exit_code(run, options)
    if fixed is not None:
        run.changed_files += 1
    write_stdout_bytes(data if fixed is None else encode_markdown(fixed, bom))
    with contextlib.redirect_stdout(sys.stderr):
        write_report(run, options)
    return exit_code(run, options)


def stdin_changes(name: str, config: LintConfig, options: argparse.Namespace) -> ChangeFilter | None:
    """With --changed-since, the list on stdin is compared with the file it names at the revision."""
    revision = changed_since(options)
    if revision is None:
        return None
    if name == STDIN:
        raise FatalError("--changed-since with stdin needs --stdin-filename: the file to compare with")
    return revision.changes_for(name, config)


def names_a_real_folder(name: str) -> bool:
    """Whether the files beside ``name`` can be checked: not for '-' nor a made-up folder."""
    return name != STDIN and os.path.isdir(os.path.dirname(os.path.abspath(name)))


def write_stdout_bytes(data: bytes) -> None:
    """Bytes as they are: text-mode stdout would translate line endings on Windows."""
    sys.stdout.flush()
    sys.stdout.buffer.write(data)
    sys.stdout.buffer.flush()


def unified_diff(path: str, before: str, after: str, bom: bool = False) -> str:
    """A diff that `patch -p0` / `git apply -p0` applies; line endings are kept inside the lines."""
    import difflib

    prefix = "\ufeff" if bom else ""  # so a hunk touching line 1 matches the file's bytes
    lines = difflib.unified_diff(
        _lines(prefix + before),
        _lines(prefix + after),
        fromfile=path,
        tofile=path,
    )
    out = []
    for line in lines:
        out.append(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n")
    return "".join(out)


def _lines(text: str) -> list[str]:
    """Lines ending at '\n' only: str.splitlines also splits at U+2028, form feeds and the like,
    which patch(1) does not."""
    return _LINE.findall(text)


_LINE = re.compile(r"[^\n]*\n|[^\n]+\Z")


# -- output ------------------------------------------------------------------------------------
def use_color(stream: TextIO) -> bool:
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return stream.isatty()


def rule_summaries() -> dict[str, str]:
    from awesome_lint.rules import RULES

    return {rule.id: rule.summary for rule in RULES}


def write_report(run: Run, options: argparse.Namespace) -> None:
    if options.diff:
        write_diff_report(run)
        return
    if options.output_format == "sarif":
        from awesome_lint.report.sarif import format_sarif
        from awesome_lint.rules import RULES

        sys.stdout.write(format_sarif(run.results, RULES))
        return
    if options.output_format == "github":
        from awesome_lint.report.github import format_github

        sys.stdout.write(format_github(run.results))
        return
    if options.output_format == "json":
        from awesome_lint.report import json as json_report

        if options.statistics:
            sys.stdout.write(json_report.format_statistics(run.remaining, rule_summaries()))
        else:
            sys.stdout.write(json_report.format_results(run.results))
        return
    from awesome_lint.report import text as text_report

    style = text_report.COLOR if use_color(sys.stdout) else text_report.PLAIN
    out = sys.stdout
    if options.statistics:
        out.write(text_report.format_statistics(run.remaining, rule_summaries()))
    else:
        out.write(text_report.format_results(run.results, style))
    if options.fix and options.show_fixes:
        out.write(text_report.format_fixes(run.fixed))
    if options.fix:
        summary = text_report.fix_summary(run.fixed_diagnostics, run.remaining, options.unsafe_fixes)
    else:
        summary = text_report.lint_summary(run.remaining)
    if not (run.failed and summary == text_report.ALL_PASSED):  # not every file was checked
        out.write(summary + "\n")
    if run.not_shown:
        findings = "finding" if run.not_shown == 1 else "findings"
        out.write(
            f"{run.not_shown} {findings} on lines unchanged since {options.changed_since} not shown "
            "(run without --changed-since to see them).\n"
        )


def write_diff_report(run: Run) -> None:
    from awesome_lint.report.text import count_phrase

    sys.stdout.write("".join(run.diffs))
    fixed = run.fixed_diagnostics
    if fixed:
        print(f"Would fix {count_phrase(fixed)} ({len(run.remaining)} remaining).", file=sys.stderr)
    else:
        print("No fixes available.", file=sys.stderr)


def exit_code(run: Run, options: argparse.Namespace) -> int:
    if run.failed:
        return EXIT_ERROR
    if options.exit_zero:
        return EXIT_CLEAN
    if options.diff:
        return EXIT_FINDINGS if run.diffs else EXIT_CLEAN
    if options.fix and options.exit_non_zero_on_fix and run.changed_files:
        return EXIT_FINDINGS
    return EXIT_FINDINGS if run.remaining else EXIT_CLEAN
