"""license-section: the license belongs in a LICENSE file, not in a README section."""

from __future__ import annotations

import re
from typing import Iterable

from awesome_lint.diagnostics import Diagnostic
from awesome_lint.document.model import Document, Section
from awesome_lint.rules._anchors import normalize_title
from awesome_lint.rules.base import Context, NoOptions, Rule

_LICENSE_TITLE = re.compile(r"(?:the |project )?licen[cs](?:e|es|ing)")


class LicenseSection(Rule[NoOptions]):
    """No `License` section inside the list.

    What it does:
        Reports a section titled `License` (or `Licence`, `Licensing`). Sections that merely mention
        licenses, such as `List of Licenses`, and the `Contributing` or `Footnotes` sections are fine.
        So is a content category about licensing: a section so titled that holds entries
        (`- [choosealicense](https://choosealicense.com) - Pick a license.`), itself or in its
        sub-sections.

    Why:
        The awesome guidelines ask for the list's license in a `LICENSE` file beside the README, where
        GitHub shows it, rather than in a README section.

    Example:
        ```markdown
        ## License

        [![CC0](https://mirrors.creativecommons.org/presskit/buttons/88x31/svg/cc-zero.svg)](...)
        ```

    Fix safety:
        No fix: removing the section is the maintainer's decision (move its text to a LICENSE file).
    """

    id = "license-section"
    aliases = ("awesome-license",)
    summary = "No License section in the README: put the license in a LICENSE file"

    def check(self, document: Document, context: Context[NoOptions]) -> Iterable[Diagnostic]:
        for section in document.sections():
            heading = section.heading
            assert heading is not None
            if (
                heading.level > 1
                and _LICENSE_TITLE.fullmatch(normalize_title(heading.text))
                and not _is_category(section)
            ):
                yield self.diagnostic(
                    document,
                    heading.start,
                    heading.end,
                    f"Remove the '{heading.text}' section: the awesome guidelines want the license "
                    "in a LICENSE file beside the README, not in the README",
                )


def _is_category(section: Section) -> bool:
    """A category of the list: it or its sub-sections hold entries (a leading link and a
    description). Sub-sections alone do not make one (`### Code` and `### Text` licenses)."""
    return any(
        entry.link_first and entry.description
        for part in section.walk()
        for entry_list in part.lists
        for entry in entry_list.walk()
    )
