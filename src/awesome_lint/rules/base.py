"""What a rule is. Rules only read the Document and return diagnostics (DESIGN.md §2)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar, Generic, Iterable, TypeVar

from awesome_lint.diagnostics import Diagnostic, Fix, Severity

if TYPE_CHECKING:
    from awesome_lint.document.model import Document
    from awesome_lint.facts import OnlineFacts
    from awesome_lint.repository import RepositoryFiles


@dataclass(frozen=True)
class NoOptions:
    """The rule takes no options."""


@dataclass(frozen=True)
class Settings:
    """Options shared by several rules ([tool.awesome-lint] top-level keys)."""

    # Titles of the table-of-contents section (compared case-insensitively).
    toc_titles: tuple[str, ...] = ("Contents", "Table of Contents")
    # Sections that close the list, in this order (compared case-insensitively).
    tail_sections: tuple[str, ...] = ("Contributing", "Footnotes", "Related Lists", "License")


OptionsT = TypeVar("OptionsT")


@dataclass(frozen=True)
class Context(Generic[OptionsT]):
    options: OptionsT
    settings: Settings = field(default_factory=Settings)
    # Files beside the list, when the integration has a checkout; None: unknown.
    repository: RepositoryFiles | None = None
    # Link status and repository metadata from the online checks; None: they did not run.
    online: OnlineFacts | None = None


class Rule(Generic[OptionsT]):
    """Base class. Subclasses set the class attributes and implement :meth:`check`.

    The class docstring is the rule's documentation (``awesome-lint rule ID`` prints it) and has
    the sections What it does / Why / Example / Fix safety.
    """

    id: ClassVar[str]
    aliases: ClassVar[tuple[str, ...]] = ()  # the npm awesome-lint / remark-lint ids it covers
    summary: ClassVar[str]
    severity: ClassVar[Severity] = Severity.ERROR
    fixable: ClassVar[bool] = False
    default_enabled: ClassVar[bool] = True
    # Its findings are about a region or the whole document: the line they point at (an item of the
    # table of contents, a section heading, line 1) is not where the change that causes them is.
    document_wide: ClassVar[bool] = False
    Options: ClassVar[type[Any]] = NoOptions

    def check(self, document: Document, context: Context[OptionsT]) -> Iterable[Diagnostic]:
        raise NotImplementedError

    def diagnostic(
        self, document: Document, start: int, end: int, message: str, fix: Fix | None = None
    ) -> Diagnostic:
        return Diagnostic(
            rule=self.id,
            message=message,
            start=start,
            end=end,
            location=document.position(start),
            end_location=document.position(end),
            severity=self.severity,
            fix=fix,
        )

    @classmethod
    def documentation(cls) -> str:
        import inspect  # only `awesome-lint rule ID` needs it; it costs start-up time

        return inspect.cleandoc(cls.__doc__ or cls.summary)
