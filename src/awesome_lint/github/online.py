"""The Action's `online` input: which links of a run get online facts, through one checker per run.

`added` checks the links on the lines a pull request or push adds, `all` every link, `off` nothing
(the online package is then never imported). Scheduled and manual runs check every link.
"""

from __future__ import annotations

import dataclasses
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterator, Mapping

from awesome_lint.facts import ONLINE_RULES

if TYPE_CHECKING:
    from awesome_lint.document.model import Document
    from awesome_lint.facts import OnlineFacts
    from awesome_lint.github.diff import Hunk
    from awesome_lint.linter import LintConfig
    from awesome_lint.online.gather import OnlineChecker



class OnlineMode(str, Enum):
    ADDED = "added"
    ALL = "all"
    OFF = "off"


FactsFor = Callable[["Document", "list[Hunk]"], "OnlineFacts"]


def added_lines(hunks: list[Hunk]) -> frozenset[int]:
    return frozenset(line for hunk in hunks for line in hunk.added)


class RunFacts:
    """The online facts of each file a run lints: the links on its added lines, or every link."""

    def __init__(self, checker: OnlineChecker, rules: frozenset[str], every_link: bool, checkout: Path | None) -> None:
        self._checker, self._rules, self._every_link, self._checkout = checker, rules, every_link, checkout

    def __call__(self, document: Document, hunks: list[Hunk]) -> OnlineFacts:
        lines = None if self._every_link else added_lines(hunks)
        return self._checker.facts_for(document, self._rules, lines, self._folder_of(document.path))

    @property
    def complete(self) -> bool:
        return self._checker.complete

    def _folder_of(self, path: str) -> Path | None:
        """The list's folder in the checkout, for relative links; None when the checkout does not hold it."""
        if self._checkout is None or not (self._checkout / path).is_file():
            return None
        return (self._checkout / path).parent


def online_rules(config: LintConfig) -> frozenset[str]:
    return frozenset(rule.id for rule in config.enabled_rules()) & ONLINE_RULES


def cache_dir(environ: Mapping[str, str]) -> Path | None:
    """The action's cache folder (restored and saved by actions/cache); no cache when unset."""
    from awesome_lint.online.gather import CACHE_DIR_ENV

    value = environ.get(CACHE_DIR_ENV, "").strip()
    return Path(value) if value else None


@contextmanager
def run_facts(
    mode: OnlineMode, config: LintConfig, environ: Mapping[str, str], notice: Callable[[str], None],
    log: Callable[[str], None], every_link: bool, checkout: Path | None,
) -> Iterator[RunFacts | None]:
    """The facts source of one run (None when `off` or no online rule is enabled); the checker's
    cache is written when the run ends. The checker's notes go to ``notice`` (it gives each once)."""
    rules = online_rules(config)
    if mode is OnlineMode.OFF or not rules:
        yield None
        return
    from awesome_lint.online.gather import OnlineChecker

    settings = dataclasses.replace(config.online, enabled=True)
    checker = OnlineChecker(settings, cache_dir(environ), notice, environ)
    try:
        yield RunFacts(checker, rules, every_link, checkout)
    finally:
        checker.close()
        log(f"awesome-lint: online checks sent {checker.requests_made} requests")
