"""github-repository: the GitHub repositories entries link exist, live and go by their name."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Iterator, Literal, NamedTuple

from awesome_lint.diagnostics import Diagnostic, Edit, Fix, Severity, safe_fix
from awesome_lint.document.model import Document, Entry, Link
from awesome_lint.facts import GitHubRepo, RepoFact, github_repository
from awesome_lint.rules._online import days_since, fits_link_destination, url_source_span
from awesome_lint.rules.base import Context, Rule


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
          recognises (`require-license = true`).

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
            for message, severity in _upkeep(fact, slug, options, now):
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
    if not fits_link_destination(canonical):
        return None
    edits: dict[Edit, None] = {}
    for link, repo in occurrences:
        span = url_source_span(document, link)
        if span is not None:
            edits[Edit(span[0] + repo.slug_start, span[0] + repo.slug_end, canonical)] = None
    return safe_fix(f"Link {canonical}", *edits) if edits else None


def _upkeep(fact: RepoFact, slug: str, options: GitHubRepositoryOptions, now: float) -> Iterator[tuple[str, Severity]]:
    """What the list asks of a listed project: not archived, and the thresholds it configured."""
    if fact.archived and options.archived != "off":
        yield f"{slug} is archived on GitHub (read-only)", Severity(options.archived)
    idle = days_since(fact.pushed_at, now)
    if options.max_days_since_push is not None and idle is not None and idle > options.max_days_since_push:
        yield f"{slug}: no push for {idle} days (at most {options.max_days_since_push})", Severity.ERROR
    if options.min_stars is not None and fact.stars is not None and fact.stars < options.min_stars:
        yield f"{slug} has {fact.stars} stars (at least {options.min_stars})", Severity.ERROR
    if options.require_license and fact.license is None:
        yield f"{slug} has no licence GitHub recognises", Severity.ERROR
