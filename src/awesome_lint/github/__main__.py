"""`python -m awesome_lint.github`: the GitHub Action's entry point.

Inputs come from the environment (the action passes them through `env:`), never through the
command line, so nothing from a workflow is ever interpolated into a shell:
  AWESOME_LINT_FILES    glob(s) of the lists to lint (newline or comma separated), default README.md
  AWESOME_LINT_FAIL_ON  changed | all | never (default changed)
  AWESOME_LINT_CONFIG   path to a config file (optional)
  AWESOME_LINT_MAX_WAIT the longest wait for a rate limit in seconds (default 60); longer ones give up
  GITHUB_TOKEN          token for the API (the action passes its github-token input)
plus the runner's own GITHUB_* variables. The flags below override the environment (for local use).

Exit codes: 0 nothing to fail on, 1 findings under --fail-on, 2 usage or setup error, 3 a bug.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Mapping, Sequence

from awesome_lint.diagnostics import FatalError
from awesome_lint.github.run import MAX_INLINE_COMMENTS, Console, FailOn, Options, parse_patterns

EXIT_FATAL = 2
EXIT_BUG = 3


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="awesome-lint github",
        description="Lint the Markdown lists a pull request changes and post one review with suggestions.",
    )
    parser.add_argument("--files", help="glob(s) of lists to lint; default $AWESOME_LINT_FILES or README.md")
    parser.add_argument("--fail-on", choices=[value.value for value in FailOn], help="default $AWESOME_LINT_FAIL_ON or changed")
    parser.add_argument("--config", help="config file; default $AWESOME_LINT_CONFIG")
    parser.add_argument(
        "--max-comments", type=int, default=MAX_INLINE_COMMENTS,
        help=f"inline comments per review (default {MAX_INLINE_COMMENTS})",
    )
    return parser


def options_from(args: argparse.Namespace, environ: Mapping[str, str]) -> Options:
    fail_on = args.fail_on or environ.get("AWESOME_LINT_FAIL_ON", "").strip() or FailOn.CHANGED.value
    try:
        fail_on_value = FailOn(fail_on)
    except ValueError:
        raise FatalError(f"fail-on must be one of changed, all, never (got '{fail_on}')") from None
    config = args.config or environ.get("AWESOME_LINT_CONFIG", "").strip()
    return Options(
        files=parse_patterns(args.files or environ.get("AWESOME_LINT_FILES", "")),
        fail_on=fail_on_value,
        config=Path(config) if config else None,
        max_comments=max(0, args.max_comments),
    )


def _run(options: Options, environ: Mapping[str, str], console: Console) -> int:
    from awesome_lint.config import load_config
    from awesome_lint.github.client import GitHubApi
    from awesome_lint.github.event import PullRequestEvent, RunEnvironment, load_event
    from awesome_lint.github.run import run_pull_request, run_workspace

    env = RunEnvironment.from_environ(environ)
    event = load_event(env.event_name, env.event_path, env.repository, env.sha)
    config_path = options.config if options.config is None or options.config.is_absolute() else env.workspace / options.config
    config = load_config(env.workspace, config_path)
    repository = event.repository.full_name if isinstance(event, PullRequestEvent) else event.repository
    api = GitHubApi(env.api_url, env.token, repository, max_wait=max_wait(environ))
    if isinstance(event, PullRequestEvent):
        if not env.token:
            raise FatalError("GITHUB_TOKEN is empty: pass the github-token input")
        return run_pull_request(env, event, options, config, api, console)
    return run_workspace(env, event, options, config, api if env.token and repository else None, console)


def max_wait(environ: Mapping[str, str]) -> float:
    from awesome_lint.github.client import MAX_WAIT_SECONDS

    value = environ.get("AWESOME_LINT_MAX_WAIT", "").strip()
    try:
        return float(value) if value else MAX_WAIT_SECONDS
    except ValueError:
        raise FatalError(f"AWESOME_LINT_MAX_WAIT must be a number of seconds (got '{value}')") from None


def main(argv: Sequence[str] | None = None, environ: Mapping[str, str] | None = None) -> int:
    environ = os.environ if environ is None else environ
    console = Console()
    token = environ.get("GITHUB_TOKEN", "")

    def scrub(message: str) -> str:
        return message.replace(token, "***") if token else message

    try:
        options = options_from(_parser().parse_args(argv), environ)
        return _run(options, environ, console)
    except FatalError as error:
        console.line(f"awesome-lint: error: {scrub(str(error))}")
        return EXIT_FATAL
    except Exception as error:  # noqa: BLE001 - the contract is one line, never a traceback
        from awesome_lint.github.client import ApiError

        if isinstance(error, ApiError):
            console.line(f"awesome-lint: error: {scrub(str(error))}")
            return EXIT_FATAL
        console.line(f"awesome-lint: internal error: {type(error).__name__}: {scrub(str(error))} (please report this)")
        return EXIT_BUG


if __name__ == "__main__":
    sys.exit(main())
