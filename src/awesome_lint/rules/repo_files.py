"""Rules about the files beside the README (contributing guide, licence, code of conduct).

The integration that has a checkout scans the list's folder (awesome_lint.repository) and the
engine passes it as ``Context.repository``; without one (pull-request mode, a Markdown file that
is not the README) these rules stay silent.
"""

from __future__ import annotations

from typing import Iterable, Iterator

from awesome_lint.diagnostics import Diagnostic
from awesome_lint.document.model import Document
from awesome_lint.repository import READ_FILES
from awesome_lint.rules.base import Context, NoOptions, Rule

CONTRIBUTING_FILES = ("contributing.md", ".github/contributing.md")
LICENSE_FILES = ("license", "license.md", "license.txt", "licence", "licence.md", "copying", "unlicense")
CODE_OF_CONDUCT_FILES = tuple(sorted(READ_FILES))
_PLACEHOLDER = "[INSERT EMAIL ADDRESS]"
_TEMPLATE_EMAIL = "sindresorhus@gmail.com"


def _missing_file(
    rule: Rule[NoOptions], document: Document, context: Context[NoOptions], names: tuple[str, ...], message: str
) -> Iterator[Diagnostic]:
    """One finding at line 1 when the repository is known and has none of ``names``."""
    files = context.repository.names if context.repository is not None else None
    if files is not None and not any(name in files for name in names):
        yield rule.diagnostic(document, 0, 0, message)


class ContributingFile(Rule[NoOptions]):
    """The repository has a non-empty contributing guide.

    What it does:
        Reports a list whose folder has no non-empty `contributing.md` (any case), neither
        beside the README nor under `.github/`. Silent when the engine cannot tell which files
        exist.

    Why:
        Contributors need to know the list's rules before they open a pull request; the awesome
        guidelines and the npm awesome-lint (`awesome-contributing`) require the file.

    Example:
        A repository with only README.md and LICENSE is reported at line 1.

    Fix safety:
        No fix.
    """

    id = "contributing-file"
    document_wide = True
    aliases = ("awesome-contributing",)
    summary = "A contributing.md exists beside the list"

    def check(self, document: Document, context: Context[NoOptions]) -> Iterable[Diagnostic]:
        return _missing_file(
            self, document, context, CONTRIBUTING_FILES, "Add a non-empty contributing.md (beside the README or in .github/)"
        )


class LicenseFile(Rule[NoOptions]):
    """The repository has a licence file.

    What it does:
        Reports a list whose folder has no `LICENSE` (`LICENSE.md`, `LICENSE.txt`, `COPYING`,
        `UNLICENSE`, any case). Silent when the engine cannot tell which files exist.

    Why:
        The awesome guidelines want the licence in a file GitHub detects, not a README section
        (npm awesome-lint checks this through the GitHub API, `awesome-github`).

    Example:
        A repository with only README.md is reported at line 1.

    Fix safety:
        No fix.
    """

    id = "license-file"
    document_wide = True
    aliases = ("awesome-github",)
    summary = "A LICENSE file exists beside the list"

    def check(self, document: Document, context: Context[NoOptions]) -> Iterable[Diagnostic]:
        return _missing_file(
            self, document, context, LICENSE_FILES, "Add a LICENSE file (CC0-1.0 is the usual choice for lists)"
        )


def code_of_conduct_problem(text: str, owner: str | None = None) -> str | None:
    """What is wrong with a code of conduct's text, or None. ``owner`` is the repository owner."""
    if not text.strip():
        return "The code of conduct file is empty"
    if _PLACEHOLDER.casefold() in text.casefold():
        return "Replace the [INSERT EMAIL ADDRESS] placeholder in the code of conduct with your e-mail"
    if owner != "sindresorhus" and _TEMPLATE_EMAIL in text:
        return "Replace the template's e-mail address in the code of conduct with yours"
    return None


class CodeOfConduct(Rule[NoOptions]):
    """A code of conduct, when present, is not the untouched template.

    What it does:
        Reports a code of conduct (`code-of-conduct.md`, `code_of_conduct.md`, also under
        `.github/`) that is empty, still has the `[INSERT EMAIL ADDRESS]` placeholder, or still
        names the template author's e-mail. Needs the engine to pass the file's text.

    Why:
        A code of conduct nobody can be reached through is worse than none (npm awesome-lint:
        `awesome-code-of-conduct`).

    Example:
        A CODE_OF_CONDUCT.md containing `[INSERT EMAIL ADDRESS]` is reported.

    Fix safety:
        No fix.
    """

    id = "code-of-conduct"
    document_wide = True
    aliases = ("awesome-code-of-conduct",)
    summary = "The code of conduct is filled in"

    def check(self, document: Document, context: Context[NoOptions]) -> Iterable[Diagnostic]:
        if context.repository is None:
            return
        texts = context.repository.texts
        for name in CODE_OF_CONDUCT_FILES:
            if name in texts:
                problem = code_of_conduct_problem(texts[name])
                if problem:
                    yield self.diagnostic(document, 0, 0, f"{name}: {problem}")
                return



