"""docs/rules.md, generated from the rule registry and the rules' docstrings.

Regenerate it from the repository root with::

    PYTHONPATH=src python -m awesome_lint.docs

(tests/test_docs.py fails, printing that command, when the file and the registry differ).
"""

from __future__ import annotations

import dataclasses
import json
import re
import sys
import textwrap
from pathlib import Path
from typing import Any, Sequence

from awesome_lint.rules import RULES, Rule

REGENERATE = "PYTHONPATH=src python -m awesome_lint.docs"
DEFAULT_OUTPUT = Path("docs") / "rules.md"
# A docstring section: "What it does:" alone on a line, its text indented below it.
_SECTION_TITLE = re.compile(r"^([A-Z][A-Za-z ]*):$")

INTRODUCTION = f"""\
# Rules

<!-- Generated from the rule registry and the rules' docstrings by `{REGENERATE}`;
edit the docstrings, not this file. -->

Every rule awesome-lint runs, in the order `awesome-lint rules` lists them. The same text is
printed by `awesome-lint rule ID`. Select or ignore rules by id or by their npm awesome-lint /
remark-lint alias (`--select`, `--ignore`, or `select`/`ignore` in the configuration), and set a
rule's options in its own table:

```toml
[tool.awesome-lint.alphabetical-order]
ignore-sections = ["Meetups"]
```

Fix: *safe* fixes are applied by `--fix`; *unsafe* ones only with `--unsafe-fixes` (they remove
content or guess). Warnings never fail the GitHub Action.
"""


def fix_kind(rule: type[Rule]) -> str:
    """'safe', 'unsafe' or '' from the first word of the "Fix safety:" section."""
    if not rule.fixable:
        return ""
    section = rule.documentation().split("Fix safety:", 1)[1]
    return section.split()[0].rstrip(".,:").lower()


def table_cell(text: str) -> str:
    return text.replace("|", "\\|")


def index_table(rules: Sequence[type[Rule]]) -> str:
    rows = ["| rule | checks | severity | fix | default | npm awesome-lint / remark-lint id |", "|---|---|---|---|---|---|"]
    for rule in rules:
        aliases = ", ".join(f"`{alias}`" for alias in rule.aliases)
        default = "on" if rule.default_enabled else "off"
        rows.append(
            f"| [`{rule.id}`](#rule-{rule.id}) | {table_cell(rule.summary.rstrip('.'))} | {rule.severity.value} "
            f"| {fix_kind(rule)} | {default} | {aliases} |"
        )
    return "\n".join(rows)


def docstring_markdown(documentation: str) -> str:
    """Section titles ("Why:") become bold paragraphs and their indented text is dedented, so
    fenced examples stay fenced instead of turning into indented code blocks."""
    out: list[str] = []
    body: list[str] = []

    def flush() -> None:
        if body:
            out.append(textwrap.dedent("\n".join(body)).strip("\n"))
            body.clear()

    for line in documentation.splitlines():
        title = _SECTION_TITLE.match(line)
        if title:
            flush()
            out.append(f"**{title.group(1)}**")
        else:
            body.append(line)
    flush()
    return "\n\n".join(part for part in out if part)


def toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (tuple, list, frozenset, set)):
        return json.dumps(list(value), ensure_ascii=False)
    return json.dumps(value, ensure_ascii=False)


def options_table(rule: type[Rule]) -> str:
    """The rule's options (its Options dataclass) with their defaults; '' when it has none."""
    if not dataclasses.is_dataclass(rule.Options):
        return ""
    fields = dataclasses.fields(rule.Options)
    if not fields:
        return ""
    rows = [f"**Defaults** (`[tool.awesome-lint.{rule.id}]`)", "", "| option | default |", "|---|---|"]
    for field in fields:
        default = field.default_factory() if field.default is dataclasses.MISSING else field.default  # type: ignore[misc]
        shown = "unset (off)" if default is None else f"`{toml_value(default)}`"  # TOML has no null
        rows.append(f"| `{field.name.replace('_', '-')}` | {shown} |")
    return "\n".join(rows)


def rule_section(rule: type[Rule]) -> str:
    facts = [
        f"Severity: {rule.severity.value}",
        f"Fix: {fix_kind(rule) or 'none'}",
        f"On by default: {'yes' if rule.default_enabled else 'no'}",
    ]
    if rule.aliases:
        facts.append("Aliases: " + ", ".join(f"`{alias}`" for alias in rule.aliases))
    parts = [
        f'<a id="rule-{rule.id}"></a>\n\n## `{rule.id}`',
        ". ".join(facts) + ".",
        docstring_markdown(rule.documentation()),
        options_table(rule),
    ]
    return "\n\n".join(part for part in parts if part)


def rules_page(rules: Sequence[type[Rule]] = RULES) -> str:
    sections = [INTRODUCTION.rstrip("\n"), index_table(rules), *(rule_section(rule) for rule in rules)]
    return "\n\n".join(sections) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    output = Path(arguments[0]) if arguments else DEFAULT_OUTPUT
    output.write_text(rules_page(), encoding="utf-8", newline="\n")
    print(f"wrote {output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
