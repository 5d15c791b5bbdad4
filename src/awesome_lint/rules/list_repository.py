"""list-repository: the list's own GitHub repository is described, tagged and old enough."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Iterator

from awesome_lint.diagnostics import Diagnostic, Severity
from awesome_lint.document.model import Document
from awesome_lint.facts import RepoFact
from awesome_lint.rules._online import days_since
from awesome_lint.rules.base import Context, Rule

REQUIRED_TOPICS = ("awesome", "awesome-list")


@dataclass(frozen=True)
class ListRepositoryOptions:
    # The awesome list of lists accepts a list once its repository is this many days old (0: off).
    min_age_days: int = 30


class ListRepository(Rule[ListRepositoryOptions]):
    """The list's own GitHub repository has a description, the awesome topics, and some age.

    What it does:
        Needs the online checks (`--online`), a GitHub token, and to know the list's repository
        (`repository` under `[tool.awesome-lint.online]`, `GITHUB_REPOSITORY` in GitHub Actions,
        or the `origin` remote of the checkout); otherwise it reports nothing. Not checked on the
        changed lines of a pull request. Reports on the title (line 1 when there is none):

        - a repository without a description;
        - missing topics `awesome` and `awesome-list` (one finding naming those missing);
        - a repository younger than `min-age-days` (default 30) days, as a warning: there is
          nothing to change, only to wait.

    Why:
        The awesome list of lists asks for all three (the npm awesome-lint's `awesome-github`
        and `awesome-git-repo-age`): the description and the topics are how people find the list
        on GitHub, and a list is accepted after 30 days.

    Example:
        A repository with the topic `awesome` only reports "The repository lacks the topic
        awesome-list: add it in the About settings of the repository on GitHub".

    Fix safety:
        No fix: the description and the topics are edited on GitHub, not in the file.
    """

    id = "list-repository"
    aliases = ("awesome-github", "awesome-git-repo-age")
    summary = "The list's repository is described, has the awesome topics and is old enough (online checks)"
    Options = ListRepositoryOptions

    def check(self, document: Document, context: Context[ListRepositoryOptions]) -> Iterable[Diagnostic]:
        facts = context.online
        own = facts.own_repository if facts is not None else None
        if facts is None or own is None or not own.found:
            return  # not looked up, or not found: the online checks say why
        title = document.title
        start, end = (title.start, title.end) if title is not None else (0, 0)
        for message, severity in _problems(own, context.options, facts.now):
            yield self.diagnostic(document, start, end, message)._replace(severity=severity)


def _problems(own: RepoFact, options: ListRepositoryOptions, now: float) -> Iterator[tuple[str, Severity]]:
    if not (own.description or "").strip():
        yield "The repository has no description: add one in the About settings of the repository on GitHub", Severity.ERROR
    topics = {topic.lower() for topic in own.topics}
    missing = [topic for topic in REQUIRED_TOPICS if topic not in topics]
    if missing:
        noun = "topic" if len(missing) == 1 else "topics"
        pronoun = "it" if len(missing) == 1 else "them"
        yield (
            f"The repository lacks the {noun} {' and '.join(missing)}: "
            f"add {pronoun} in the About settings of the repository on GitHub"
        ), Severity.ERROR
    age = days_since(own.created_at, now)
    if options.min_age_days and age is not None and age < options.min_age_days:
        yield f"The repository is {age} days old: lists are accepted after {options.min_age_days} days", Severity.WARNING
