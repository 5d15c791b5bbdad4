"""unknown-suppression: a lint comment names a rule that does not exist."""

from __future__ import annotations

from typing import Iterable

from awesome_lint.diagnostics import Diagnostic, Severity
from awesome_lint.document.model import Document
from awesome_lint.rules.base import Context, NoOptions, Rule


class UnknownSuppression(Rule[NoOptions]):
    """A `<!--lint disable|enable|ignore ...-->` comment names no known rule.

    What it does:
        Warns at an id in a lint comment that is neither one of our rule ids nor an id of the
        npm awesome-lint or remark-lint (`awesome-lint rules` lists both), and at a keyword other
        than disable, enable or ignore. The comment is otherwise ignored. Ids of awesome-lint
        rules we deliberately do not implement (`emphasis-marker`, `no-shell-dollars`, ...) are
        accepted silently. The suppression pass reports these findings; this entry exists so
        they can be selected, ignored and documented like any rule.

    Why:
        A misspelled id (`<!--lint disable alphabetical-orde-->`) silently suppresses nothing.

    Example:
        `<!--lint ignore alphabetical-orde-->` warns at `alphabetical-orde`.

    Fix safety:
        No fix: the intended id cannot be known.
    """

    id = "unknown-suppression"
    summary = "Lint comments name existing rules"
    severity = Severity.WARNING

    def check(self, document: Document, context: Context[NoOptions]) -> Iterable[Diagnostic]:
        return ()  # reported by awesome_lint.suppress while it reads the comments
