"""toc: the table of contents lists the sections, with their texts and anchors, in order."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Generator, Iterable, Iterator
from urllib.parse import unquote

from awesome_lint.diagnostics import Diagnostic, Edit, Fix, safe_fix
from awesome_lint.document.model import Document, Entry, EntryList, Heading, Section
from awesome_lint.rules._anchors import (
    find_toc_heading,
    heading_text,
    section_key,
    reference_map,
    Slugger,
)
from awesome_lint.rules._sorting import in_order_indexes
from awesome_lint.rules.base import Context, Rule, Settings

_MARKDOWN_SPECIAL = str.maketrans({char: "\\" + char for char in "\\[]*_`<"})


@dataclass(frozen=True)
class TocOptions:
    # The closing sections (the `tail-sections` setting: Contributing, License, ...) may be left
    # out of the table of contents; when they are listed, they are checked like any other.
    exempt_tail_sections: bool = True
    # Whether the ToC lists sub-sections (### headings) in sub-lists: "auto" (as the ToC already
    # does: if any item has a sub-list, every section's sub-sections are listed), "always", "never".
    subsections: str = "auto"
    # Report a list without a table of contents when it has at least this many sections (0: never).
    min_sections: int = 3


@dataclass(eq=False)
class Target:
    """A heading the table of contents should list."""

    heading: Heading
    line: int
    anchor: str
    text: str  # rendered heading text, whitespace collapsed
    optional: bool = False
    children: list[Target] = field(default_factory=list)


@dataclass
class Plan:
    """What the check found, and what the regenerated list needs."""

    diagnostics: list[Diagnostic] = field(default_factory=list)
    used: dict[int, Entry] = field(default_factory=dict)  # id(target) -> the item that lists it


class Toc(Rule[TocOptions]):
    """The table of contents matches the headings it lists.

    What it does:
        Finds the table of contents (the section titled like the `toc-titles` setting, `Contents` by
        default) and its list of in-page links, and checks it against the sections that follow it:
        every item's text is its heading's text, its anchor is the one GitHub generates (lower case,
        punctuation and emoji removed, spaces turned to `-`, `-1`, `-2` for repeated headings), items
        follow the order of the headings, every section is listed (the closing sections such as
        `Contributing` and `License` may be left out), and the list has at most two levels: sections
        (`##`) and their sub-sections (`###`). If the ToC lists sub-sections anywhere, it lists them
        for every section. A list with several sections and no table of contents is reported too.

    Why:
        A table of contents that drifted from the headings sends readers to anchors that do not exist
        and hides new sections. The npm awesome-lint reports the same (`awesome-toc`).

    Example:
        ```markdown
        ## Contents
        - [Tools](#tool)            <- anchor is '#tools'
        - [Libraries](#libraries)   <- 'Libraries' comes after 'Frameworks'
        - [Frameworks](#frameworks)
                                    <- 'Books' is missing
        ## Tools
        ## Frameworks
        ## Libraries
        ## Books
        ```

    Fix safety:
        Safe: the list is regenerated from the headings, keeping its bullet style, its indentation and
        whether it lists sub-sections; items that were right keep their text and anything written
        around their link. Only the list is rewritten: text before or after it in the Contents section
        stays as it is. Anchors change by design, so in-page ToC links differ after the fix. No fix is
        offered when an item is not an in-page link (an external link or plain text), since
        regenerating the list would drop it.
    """

    id = "toc"
    aliases = ("awesome-toc",)
    summary = "The table of contents lists every section, with the heading's text and anchor, in order"
    fixable = True
    Options = TocOptions

    def check(self, document: Document, context: Context[TocOptions]) -> Iterable[Diagnostic]:
        options = context.options
        toc_heading = find_toc_heading(document, context.settings.toc_titles)
        if toc_heading is None:
            yield from self._missing_toc(document, context.settings, options)
            return
        toc_list = yield from self._find_list(document, toc_heading)
        if toc_list is None:
            return
        checker = _Checker(self, document, toc_heading, context.settings, options)
        plan = checker.run(toc_list)
        if not plan.diagnostics:
            return
        fix = checker.fix(toc_list, plan)
        for diagnostic in plan.diagnostics:
            yield diagnostic._replace(fix=fix)

    def _missing_toc(self, document: Document, settings: Settings, options: TocOptions) -> Iterator[Diagnostic]:
        if options.min_sections <= 0:
            return
        sections = _top_sections(document)
        if len(sections) >= options.min_sections:
            first = sections[0]
            yield self.diagnostic(
                document,
                first.start,
                first.end,
                f"Add a table of contents: a '## {settings.toc_titles[0]}' section before "
                f"'{first.text}' with a list of links to the list's {len(sections)} sections (if the list has one under "
                "another title, add that title to the toc-titles setting)",
            )

    def _find_list(
        self, document: Document, toc_heading: Heading
    ) -> Generator[Diagnostic, None, EntryList | None]:
        section = _section_of(document, toc_heading)
        lists = [entry_list for entry_list in (section.lists if section else []) if _links_in_page(entry_list)]
        if not lists:
            yield self.diagnostic(
                document,
                toc_heading.start,
                toc_heading.end,
                f"Add a list of links to the sections under '{toc_heading.text}' (for example "
                "'- [Tools](#tools)')",
            )
            return None
        if len(lists) > 1:
            yield self.diagnostic(
                document,
                lists[1].start,
                lists[1].start,
                f"Merge the table of contents into one list: another list starts at line "
                f"{document.line_of(lists[0].start)} (a change of bullet character starts a new list)",
            )
            return None
        return lists[0]


class _Checker:
    def __init__(
        self, rule: Toc, document: Document, toc_heading: Heading, settings: Settings, options: TocOptions
    ) -> None:
        self.rule = rule
        self.document = document
        self.toc_heading = toc_heading
        self.options = options
        self.top_level = max(2, toc_heading.level)
        exempt = settings.tail_sections if options.exempt_tail_sections else ()
        self.exempt = {section_key(name) for name in exempt}
        self.references = reference_map(document)
        self.anchors: dict[str, Heading] = {}
        self.targets = self._targets()
        self.plan = Plan()
        self.lists_subsections = False

    # -- what the ToC should list ----------------------------------------------------------
    def _targets(self) -> list[Target]:
        slugger = Slugger()
        targets: list[Target] = []
        parent: Target | None = None
        for heading in self.document.headings:
            text = heading_text(heading, self.references)
            anchor = slugger.slug(text)
            self.anchors.setdefault(anchor, heading)
            if heading.start <= self.toc_heading.start:
                continue
            target = Target(heading, self.document.line_of(heading.start), anchor, " ".join(text.split()))
            if heading.level == self.top_level:
                target.optional = section_key(heading.text) in self.exempt
                targets.append(target)
                parent = target
            elif heading.level == self.top_level + 1 and parent is not None:
                parent.children.append(target)
            elif heading.level < self.top_level:
                parent = None
        return targets

    # -- checking --------------------------------------------------------------------------
    def run(self, toc_list: EntryList) -> Plan:
        items = list(self._top_items(toc_list))
        self.lists_subsections = lists_subsections = self._lists_subsections(items)
        matched = self._compare(items, self.targets, None)
        for entry, target in matched:
            sub_items = [item for sub in entry.sublists for item in sub.items]
            if sub_items:
                if not lists_subsections:
                    self._report(entry, f"Remove the sub-list under '{target.text}': this table of contents lists sections only")
                    continue
                for sub_entry, _ in self._compare(sub_items, target.children, entry):
                    for deeper in sub_entry.sublists:
                        if deeper.items:
                            self._report(
                                deeper.items[0],
                                "Remove this third level: the table of contents lists sections and their "
                                "sub-sections only",
                            )
            elif lists_subsections:
                for child in target.children:
                    self._report(
                        entry,
                        f"Add '{child.text}' (line {child.line}) under '{target.text}' in the table of "
                        "contents: the other sections list their sub-sections",
                    )
        return self.plan

    def _top_items(self, toc_list: EntryList) -> Iterator[Entry]:
        """The top-level items; an item listing the title (an H1) stands for its sub-list."""
        for entry in toc_list.items:
            heading = self._heading_of(entry)
            if heading is not None and heading.level < self.top_level and heading is not self.toc_heading:
                self._report(
                    entry,
                    f"Don't list '{heading.text}' in the table of contents: list the sections under it "
                    "at the top level",
                )
                for sub in entry.sublists:
                    yield from sub.items
            else:
                yield entry

    def _lists_subsections(self, items: list[Entry]) -> bool:
        if self.options.subsections in ("always", "never"):
            return self.options.subsections == "always"
        return any(item.items for entry in items for item in entry.sublists)

    def _heading_of(self, entry: Entry) -> Heading | None:
        link = entry.link
        if link is None or not link.url.startswith("#"):
            return None
        return self.anchors.get(unquote(link.url[1:]))

    def _compare(self, items: list[Entry], targets: list[Target], parent: Entry | None) -> list[tuple[Entry, Target]]:
        by_anchor = {target.anchor: position for position, target in enumerate(targets)}
        by_text: dict[str, int] = {}
        for position, target in enumerate(targets):
            by_text.setdefault(target.text, position)
        matched: list[tuple[Entry, int]] = []
        seen: dict[int, Entry] = {}
        for entry in items:
            position = self._match(entry, targets, by_anchor, by_text)
            if position is None:
                continue
            if position in seen:
                first = seen[position]
                self._report(
                    entry,
                    f"Remove the duplicate ToC item '{targets[position].text}': it is already listed "
                    f"(line {self.document.line_of(first.start)})",
                )
                continue
            seen[position] = entry
            self.plan.used[id(targets[position])] = entry
            matched.append((entry, position))
        self._check_order(matched, targets)
        self._check_missing(items, targets, seen, parent)
        return [(entry, targets[position]) for entry, position in matched]

    def _match(
        self, entry: Entry, targets: list[Target], by_anchor: dict[str, int], by_text: dict[str, int]
    ) -> int | None:
        link = entry.link
        if link is None:
            self._report(entry, "Remove this ToC item or make it a link to a section ('- [Tools](#tools)')")
            return None
        text = " ".join(link.plain_text.split())
        if not link.url.startswith("#"):
            self._report(entry, f"Link ToC item '{text}' to a section of this list ('#anchor'), not '{link.url}'")
            return None
        anchor = unquote(link.url[1:])
        position = by_anchor.get(anchor)
        if position is None:
            position = by_text.get(text)
            if position is None:
                self._report_unknown(entry, text, anchor)
                return None
            self._report(
                entry,
                f"Fix the anchor of ToC item '{text}': GitHub's anchor for its heading (line "
                f"{targets[position].line}) is '#{targets[position].anchor}', not '{link.url}'",
            )
            return position
        target = targets[position]
        if text != target.text:
            self._report(
                entry,
                f"Write ToC item '{text}' as its heading: '{target.text}' (line {target.line})",
            )
        return position

    def _report_unknown(self, entry: Entry, text: str, anchor: str) -> None:
        heading = self.anchors.get(anchor)
        if heading is None:
            self._report(
                entry,
                f"ToC item '{text}' links to '#{anchor}', which is no heading's anchor: fix the link or "
                "remove the item",
            )
        elif heading is self.toc_heading:
            self._report(entry, f"Remove ToC item '{text}': the table of contents does not list itself")
        elif heading.start < self.toc_heading.start:
            self._report(entry, f"Remove ToC item '{text}': its section comes before the table of contents")
        else:
            self._report(
                entry,
                f"Move or remove ToC item '{text}': '{heading.text}' (line "
                f"{self.document.line_of(heading.start)}) is a level-{heading.level} heading, which does not "
                "belong at this level of the table of contents",
            )

    def _check_order(self, matched: list[tuple[Entry, int]], targets: list[Target]) -> None:
        in_order = in_order_indexes([position for _, position in matched])
        for index, (entry, position) in enumerate(matched):
            if index in in_order:
                continue
            if position == 0:
                where = "first"
            else:
                where = f"after '{targets[position - 1].text}'"
            self._report(
                entry,
                f"Move ToC item '{targets[position].text}' {where}: the table of contents follows the order "
                "of the headings",
            )

    def _check_missing(
        self, items: list[Entry], targets: list[Target], seen: dict[int, Entry], parent: Entry | None
    ) -> None:
        for position, target in enumerate(targets):
            if position in seen or target.optional:
                continue
            following = next((seen[p] for p in range(position + 1, len(targets)) if p in seen), None)
            anchor_entry = following or (items[-1] if items else parent)
            under = f" under '{parent.link.plain_text}'" if parent is not None and parent.link else ""
            message = (
                f"Add '{target.text}' (line {target.line}) to the table of contents{under}: "
                f"'- [{target.text}](#{target.anchor})'"
            )
            if anchor_entry is None:
                continue
            self._report(anchor_entry, message)

    def _report(self, entry: Entry, message: str) -> None:
        end = max(entry.start, min(entry.text_end, self.document.line_end(self.document.line_of(entry.start))))
        self.plan.diagnostics.append(self.rule.diagnostic(self.document, entry.start, end, message))

    # -- fixing ----------------------------------------------------------------------------
    def fix(self, toc_list: EntryList, plan: Plan) -> Fix | None:
        if any(not _is_anchor_item(entry) for entry in toc_list.walk()):
            return None  # an external link or plain text in the list: regenerating would drop it
        document = self.document
        line_start = document.line_start(document.line_of(toc_list.start))
        if document.text[line_start : toc_list.start].strip():
            return None
        lines = self._render(toc_list, plan)
        return safe_fix("Regenerate the table of contents from the headings", Edit(line_start, toc_list.end, "\n".join(lines)))

    def _render(self, toc_list: EntryList, plan: Plan) -> list[str]:
        first = toc_list.items[0]
        top_indent = first.indent
        sub_first = next((sub.items[0] for entry in toc_list.items for sub in entry.sublists if sub.items), None)
        unit = "  "
        sub_marker = first.marker
        if sub_first is not None:
            unit = sub_first.indent[len(top_indent) :] if sub_first.indent.startswith(top_indent) else "  "
            unit = unit or "  "
            sub_marker = sub_first.marker
        lists_subsections = self.lists_subsections
        lines: list[str] = []
        number = 0
        for target in self.targets:
            if target.optional and id(target) not in plan.used:
                continue
            number += 1
            lines.append(top_indent + _marker(first.marker, number) + " " + self._item(target, plan))
            if not lists_subsections:
                continue
            for sub_number, child in enumerate(target.children, start=1):
                lines.append(top_indent + unit + _marker(sub_marker, sub_number) + " " + self._item(child, plan))
        return lines

    def _item(self, target: Target, plan: Plan) -> str:
        entry = plan.used.get(id(target))
        link_text = target.text.translate(_MARKDOWN_SPECIAL)
        if entry is None or entry.link is None:
            return f"[{link_text}](#{target.anchor})"
        link = entry.link
        if " ".join(link.plain_text.split()) == target.text:
            link_text = link.text
        text = self.document.text
        prefix = text[entry.content_start : link.start] if entry.content_start is not None else ""
        suffix = text[link.end : entry.text_end]
        if "\n" in prefix or "\r" in prefix or "\n" in suffix or "\r" in suffix:
            prefix = suffix = ""
        return f"{prefix}[{link_text}](#{target.anchor}){suffix}"


def _marker(template: str, number: int) -> str:
    if len(template) > 1:  # ordered: '1.' or '1)'
        return f"{number}{template[-1]}"
    return template


def _is_anchor_item(entry: Entry) -> bool:
    return not entry.broken_span and entry.link is not None and entry.link.url.startswith("#")


def _links_in_page(entry_list: EntryList) -> bool:
    return any(entry.link is not None and entry.link.url.startswith("#") for entry in entry_list.walk())


def _section_of(document: Document, heading: Heading) -> Section | None:
    return next((section for section in document.sections() if section.heading is heading), None)


def _top_sections(document: Document) -> list[Heading]:
    levels = [heading.level for heading in document.headings if heading.level > 1]
    if not levels:
        return []
    top = min(levels)
    return [heading for heading in document.headings if heading.level == top]
