"""`python -m awesome_lint.github`: the GitHub Action's entry point.

Inputs come from the environment (the action passes them through `env:`), never through the
command line, so nothing from a workflow is ever interpolated into a shell:
  AWESOME_LINT_FILES    glob(s) of the lists to lint (newline or comma separated), default README.md
  AWESOME_LINT_FAIL_ON  changed | all | never (default changed)
  AWESOME_LINT_CONFIG   path to a config file (optional)
  AWESOME_LINT_CONFIG_FROM_BASE  true: on pull requests, read the config from the base commit
                        (through the API), not from the checkout, which a pull request can change
  AWESOME_LINT_MAX_WAIT the longest wait for a rate limit in seconds (default 60); longer ones give up
  AWESOME_LINT_ONLINE   added | all | off (default added): online checks (dead links, redirects, GitHub
                        repositories) for the links on added lines, every link, or none. Scheduled
                        and manual runs check every link and keep the "Link health report" issue.
  AWESOME_LINT_CACHE_DIR the online checks' cache folder (the action restores and saves it); unset: no cache
  GITHUB_TOKEN          token for the API (the action passes its github-token input)
plus the runner's own GITHUB_* variables. The flags below override the environment (for local use).

Exit codes: 0 nothing to fail on, 1 findings under --fail-on, 2 usage or setup error, 3 a bug.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Mapping, Sequence

from awesome_lint.diagnostics import FatalError
from awesome_lint.github.online import OnlineMode
from awesome_lint.github.run import MAX_INLINE_COMMENTS, Console, FailOn, Options, parse_patterns

if TYPE_CHECKING:
    from awesome_lint.github.client import GitHubApi
    from awesome_lint.linter import LintConfig

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
        "--online", choices=[value.value for value in OnlineMode], help="online checks; default $AWESOME_LINT_ONLINE or added",
    )
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
    from_base = environ.get("AWESOME_LINT_CONFIG_FROM_BASE", "").strip().lower()
    if from_base not in ("", "true", "false"):
        raise FatalError(f"config-from-base must be true or false (got '{from_base}')")
    online = args.online or environ.get("AWESOME_LINT_ONLINE", "").strip().lower() or OnlineMode.ADDED.value
    try:
        online_mode = OnlineMode(online)
    except ValueError:
        raise FatalError(f"online must be one of added, all, off (got '{online}')") from None
    return Options(
        files=parse_patterns(args.files or environ.get("AWESOME_LINT_FILES", "")),
        fail_on=fail_on_value,
        config=Path(config) if config else None,
        max_comments=max(0, args.max_comments),
        config_from_base=from_base == "true",
        online=online_mode,
    )


def _run(options: Options, environ: Mapping[str, str], console: Console) -> int:
    from awesome_lint.config import load_config
    from awesome_lint.github.client import GitHubApi
    from awesome_lint.github.event import PullRequestEvent, RunEnvironment, load_event
    from awesome_lint.github.online import run_facts
    from awesome_lint.github.run import SCHEDULED_EVENTS, run_pull_request, run_workspace

    env = RunEnvironment.from_environ(environ)
    event = load_event(env.event_name, env.event_path, env.repository, env.sha)
    repository = event.repository.full_name if isinstance(event, PullRequestEvent) else event.repository
    api = GitHubApi(env.api_url, env.token, repository, max_wait=max_wait(environ))
    if isinstance(event, PullRequestEvent):
        if not env.token:
            raise FatalError("GITHUB_TOKEN is empty: pass the github-token input")
        if options.config_from_base:
            config = config_from_base(api, event.pull_request.base.sha, options.config)
        else:
            config = load_config(env.workspace, workspace_config(env.workspace, options.config))
        # Under pull_request_target the checkout is the base: a relative link the pull request adds
        # together with its target would look dead there.
        checkout = env.workspace if env.event_name == "pull_request" else None
        with run_facts(options.online, config, environ, console.notice, console.line,
                       options.online is OnlineMode.ALL, checkout) as online:
            return run_pull_request(env, event, options, config, api, console, online)
    config = load_config(env.workspace, workspace_config(env.workspace, options.config))
    every_link = options.online is OnlineMode.ALL or event.name in SCHEDULED_EVENTS
    with run_facts(options.online, config, environ, console.notice, console.line, every_link, env.workspace) as online:
        return run_workspace(env, event, options, config, api if env.token and repository else None, console, online)


def workspace_config(workspace: Path, config: Path | None) -> Path | None:
    return config if config is None or config.is_absolute() else workspace / config


def config_from_base(api: GitHubApi, base_sha: str, config: Path | None) -> LintConfig:
    """The config as the base commit has it: the named file, else the repository root's
    .awesome-lint.toml or pyproject.toml (a pull request cannot loosen the rules it is checked by)."""
    from awesome_lint.config import DOTFILE, PYPROJECT, load_config

    names = [config.as_posix().removeprefix("./")] if config is not None else [DOTFILE, PYPROJECT]
    with tempfile.TemporaryDirectory() as temp:
        root = Path(temp)
        for name in names:
            data = api.optional_file_bytes(name, base_sha)
            if data is not None:
                (root / Path(name).name).write_bytes(data)
        named = root / Path(names[0]).name if config is not None else None
        if named is not None and not named.exists():
            raise FatalError(f"{names[0]}: configuration file not found at the base commit {base_sha[:7]}")
        return load_config(root, named)


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
