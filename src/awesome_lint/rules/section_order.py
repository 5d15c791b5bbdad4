"""section-order: the table of contents comes first, the closing sections come last and in order."""

from __future__ import annotations

from typing import Iterable, Iterator

from awesome_lint.diagnostics import Diagnostic
from awesome_lint.document.model import Document, Heading
from awesome_lint.rules._anchors import find_toc_heading, section_key, top_sections
from awesome_lint.rules.base import Context, NoOptions, Rule


class SectionOrder(Rule[NoOptions]):
    """Sections are in the order readers expect: contents first, closing sections last.

    What it does:
        Checks that the table of contents (a section titled like one of the `toc-titles` setting,
        `Contents` by default) is the first section after the introduction (the title and what follows
        it), and that the closing sections named in the `tail-sections` setting (`Contributing`,
        `Footnotes`, `Related Lists`, `License` by default) come after every other section, in that
        order. Common variants of these names count as them (`Contribute`, `Contribution`,
        `Licence`, `Related`).

    Why:
        Readers of an awesome list look for the contents right under the introduction, and for how to
        contribute at the very end. The npm awesome-lint reports a table of contents that is not the
        first section (`awesome-toc`).

    Example:
        ```markdown
        # Awesome Things
        ## Tools
        ## Contents      <- should come before 'Tools'
        ## Contributing
        ## Libraries     <- 'Contributing' should come after it
        ```

    Fix safety:
        No fix: moving whole sections rewrites large parts of the file and is left to the maintainer.
    """

    id = "section-order"
    document_wide = True
    aliases = ("awesome-toc",)
    summary = "The table of contents is the first section; closing sections come last, in order"

    def check(self, document: Document, context: Context[NoOptions]) -> Iterable[Diagnostic]:
        yield from self._check_toc_first(document, context.settings.toc_titles)
        yield from self._check_tail(document, context.settings.tail_sections)

    def _check_toc_first(self, document: Document, toc_titles: tuple[str, ...]) -> Iterator[Diagnostic]:
        toc = find_toc_heading(document, toc_titles)
        if toc is None:
            return
        before = [heading for heading in document.headings if heading.start < toc.start and heading.level > 1]
        if before:
            first = before[0]
            yield self.diagnostic(
                document,
                toc.start,
                toc.end,
                f"Move the '{toc.text}' section up: the table of contents should be the first section "
                f"after the introduction, but '{first.text}' (line {document.line_of(first.start)}) "
                "comes before it",
            )

    def _check_tail(self, document: Document, tail_sections: tuple[str, ...]) -> Iterator[Diagnostic]:
        ranks = {section_key(name): rank for rank, name in enumerate(tail_sections)}
        top = top_sections(document)
        tail_order = ", ".join(tail_sections)
        highest: tuple[int, Heading] | None = None  # the tail section with the highest rank so far
        for index, heading in enumerate(top):
            rank = ranks.get(section_key(heading.text))
            if rank is None:
                continue
            later = next((h for h in top[index + 1 :] if section_key(h.text) not in ranks), None)
            if later is not None:
                yield self.diagnostic(
                    document,
                    heading.start,
                    heading.end,
                    f"Move the '{heading.text}' section to the end of the list: closing sections "
                    f"({tail_order}) come after all others, but '{later.text}' "
                    f"(line {document.line_of(later.start)}) follows it",
                )
            if highest is not None and highest[0] > rank:
                previous = highest[1]
                yield self.diagnostic(
                    document,
                    heading.start,
                    heading.end,
                    f"Move the '{heading.text}' section above '{previous.text}' "
                    f"(line {document.line_of(previous.start)}): closing sections go in this order: "
                    f"{tail_order}",
                )
            elif highest is None or rank > highest[0]:
                highest = (rank, heading)

