"""github-repository: the GitHub repositories entries link exist, live and go by their name."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Iterator, Literal, NamedTuple

from awesome_lint.diagnostics import Diagnostic, Edit, Fix, Severity, safe_fix
from awesome_lint.document.model import Document, Entry, Link
from awesome_lint.facts import GitHubRepo, RepoFact, github_repository
from awesome_lint.rules._online import days_since, url_source_span
from awesome_lint.rules.base import Context, Rule

# An entry that already tells readers its project is not maintained: `(unmaintained)`, `(Archived)`,
# `**[Deprecated]**` (awesome-go.md, awesome-javascript.md), "no longer maintained".
_MARKED_UNMAINTAINED = re.compile(
    r"[\[(*_]\s*(?:archived|deprecated|unmaintained|abandoned)\b|\bno longer maintained\b", re.IGNORECASE
)
_OWNER_SLASH_NAME = re.compile(r"[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+\Z")


@dataclass(frozen=True)
class GitHubRepositoryOptions:
    # How an archived repository is reported: "warning", "error", or "off" (not reported).
    archived: Literal["warning", "error", "off"] = "warning"
    # The thresholds below are off until set (a list's contributing guide states them).
    max_days_since_push: int | None = None
    min_stars: int | None = None
    require_license: bool = False


class RepositoryLink(NamedTuple):
    link: Link
    repo: GitHubRepo


class GitHubRepository(Rule[GitHubRepositoryOptions]):
    """The GitHub repositories that entries link exist, are not archived, and go by their name.

    What it does:
        Needs the online checks (`--online`) and a GitHub token (`GITHUB_TOKEN`); without them
        it reports nothing. For every link of an entry into a GitHub repository
        (`https://github.com/OWNER/REPO` and deeper URLs such as `.../tree/main/docs`), reads
        what the GitHub API says about that repository and reports, once per entry and
        repository:

        - an error when it does not exist (deleted, made private, or renamed away and its old
          name taken) or when GitHub disabled it;
        - a rename or a transfer (GitHub answers under another owner or name; a difference of
          case alone is not reported), with a fix;
        - for the entry's own link only (not a repository its description mentions, such as
          the project a fork comes from): an archived repository (a warning; the option
          `archived` makes it an error or turns it off), and, when set, no push for more than
          `max-days-since-push` days, fewer than `min-stars` stars, or no licence GitHub
          recognises (`require-license = true`). An entry that already says so (`(archived)`,
          `**[Deprecated]**`, `(unmaintained)`, "no longer maintained") is not reported as
          archived or idle: keeping it is the list's choice.

    Why:
        Readers come to a list for projects that are alive. Repositories get deleted, archived
        and renamed; GitHub's redirects for renamed repositories last only until someone takes
        the old name.

    Example:
        ```markdown
        - [mistune](https://github.com/lepture/mistune) - Markdown parser.
        - [old](https://github.com/someone/old-name#readme) - Renamed project.
        ```
        reports "someone/old-name is now someone/new-name on GitHub (renamed or moved)" and
        the fix writes `https://github.com/someone/new-name#readme`; an archived
        `lepture/mistune` would give "lepture/mistune is archived on GitHub (read-only)".

    Fix safety:
        Safe, for a rename or transfer only: the API follows the move, so the canonical name is
        the repository the link already leads to; only `OWNER/REPO` in the URL changes (the rest
        of the path, the query and the fragment are kept), in every link of the entry to that
        repository. No fix for the other findings: removing or keeping a project is the
        maintainer's call.
    """

    id = "github-repository"
    summary = "Linked GitHub repositories exist and are maintained (online checks)"
    fixable = True
    Options = GitHubRepositoryOptions

    def check(self, document: Document, context: Context[GitHubRepositoryOptions]) -> Iterable[Diagnostic]:
        if context.online is None:
            return
        for entry in document.entries():
            for key, occurrences in _repository_links(entry).items():
                fact = context.online.repositories.get(key)
                if fact is not None:
                    yield from self._problems(document, context.options, context.online.now, entry, occurrences, fact)

    def _problems(
        self,
        document: Document,
        options: GitHubRepositoryOptions,
        now: float,
        entry: Entry,
        occurrences: list[RepositoryLink],
        fact: RepoFact,
    ) -> Iterator[Diagnostic]:
        main = next((occurrence for occurrence in occurrences if occurrence.link is entry.link), None)
        link, repo = main or occurrences[0]
        slug = f"{repo.owner}/{repo.name}"

        def report(message: str, fix: Fix | None = None) -> Diagnostic:
            return self.diagnostic(document, link.start, link.end, message, fix)

        if not fact.found:
            yield report(f"{slug} does not exist on GitHub (deleted, renamed away or private)")
            return
        if fact.disabled:
            yield report(f"{slug} is disabled on GitHub")
            return
        canonical = fact.name_with_owner
        if canonical is not None and canonical.lower() != repo.key:
            message = f"{slug} is now {canonical} on GitHub (renamed or moved)"
            yield report(message, _rename(document, occurrences, canonical))
        if main is not None:
            marked = _MARKED_UNMAINTAINED.search(document.text, entry.start, entry.text_end) is not None
            for message, severity in _upkeep(fact, slug, options, now, marked):
                yield report(message)._replace(severity=severity)


def _repository_links(entry: Entry) -> dict[str, list[RepositoryLink]]:
    """The entry's links into GitHub repositories, by repository key, in order."""
    found: dict[str, list[RepositoryLink]] = {}
    for link in entry.links:
        repo = None if link.is_image else github_repository(link.url)
        if repo is not None:
            found.setdefault(repo.key, []).append(RepositoryLink(link, repo))
    return found


def _rename(document: Document, occurrences: list[RepositoryLink], canonical: str) -> Fix | None:
    """Write the canonical owner/name into every link of the entry to the repository (two links
    of one reference definition share one edit)."""
    if not _OWNER_SLASH_NAME.match(canonical):
        return None  # not a name a URL can carry as it is
    edits: dict[Edit, None] = {}
    for link, repo in occurrences:
        span = url_source_span(document, link)
        if span is not None:
            edits[Edit(span[0] + repo.slug_start, span[0] + repo.slug_end, canonical)] = None
    return safe_fix(f"Link {canonical}", *edits) if edits else None


def _upkeep(
    fact: RepoFact, slug: str, options: GitHubRepositoryOptions, now: float, marked_unmaintained: bool
) -> Iterator[tuple[str, Severity]]:
    """What the list asks of a listed project: alive (not archived, pushed to lately) unless the
    entry already says it is not, and the thresholds the list configured."""
    if not marked_unmaintained:
        if fact.archived and options.archived != "off":
            yield f"{slug} is archived on GitHub (read-only)", Severity(options.archived)
        idle = days_since(fact.pushed_at, now)
        limit = options.max_days_since_push
        if limit is not None and idle is not None and idle > limit:
            yield f"{slug}: no push for {idle} days (at most {limit})", Severity.ERROR
    if options.min_stars is not None and fact.stars is not None and fact.stars < options.min_stars:
        stars = "1 star" if fact.stars == 1 else f"{fact.stars} stars"
        yield f"{slug} has {stars} (at least {options.min_stars})", Severity.ERROR
    if options.require_license and fact.license is None:
        yield f"{slug} has no licence GitHub recognises", Severity.ERROR
