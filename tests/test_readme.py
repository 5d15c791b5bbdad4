"""Keep README.md true: its rule table equals the registry, its set-up commands are the ones CI runs.

Regenerate the table with `python tests/test_readme.py`.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from awesome_lint.report import rule_url
from awesome_lint.rules import RULES, Rule

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
START = "<!-- rules:start (tests/test_readme.py keeps this table equal to the registry) -->"
END = "<!-- rules:end -->"


def fix_safety(rule: type[Rule]) -> str:
    """The first word of the rule's "Fix safety:" section: Safe, Unsafe or No (fix)."""
    section = rule.documentation().split("Fix safety:", 1)[1]
    return section.split()[0].rstrip(".,:")


def fix_column(rule: type[Rule]) -> str:
    return fix_safety(rule).lower() if rule.fixable else ""


def rules_table() -> str:
    rows = [
        "| rule | checks | npm awesome-lint / remark-lint id | fix | default |",
        "|---|---|---|---|---|",
    ]
    for rule in RULES:
        aliases = ", ".join(f"`{alias}`" for alias in rule.aliases)
        default = "on" if rule.default_enabled else "off"
        severity = " (warning)" if rule.severity.value == "warning" else ""
        anchor = f'<a id="rule-{rule.id}"></a>'
        rows.append(f"| {anchor}`{rule.id}` | {rule.summary.rstrip('.')}{severity} | {aliases} | {fix_column(rule)} | {default} |")
    return "\n".join(rows)


def readme_table(text: str) -> str:
    return text.split(START, 1)[1].split(END, 1)[0].strip()


def test_rule_table_matches_the_registry() -> None:
    assert readme_table(README.read_text(encoding="utf-8")) == rules_table(), (
        "README.md's rule table is out of date: run `python tests/test_readme.py`"
    )


def test_report_urls_point_at_the_rule_in_the_readme() -> None:
    readme = README.read_text(encoding="utf-8")
    for rule in RULES:
        fragment = rule_url(rule.id).split("#", 1)[1]
        assert f'<a id="{fragment}"></a>' in readme, rule.id


def test_every_rule_documents_what_it_does_and_its_fix_safety() -> None:
    for rule in RULES:
        doc = rule.documentation()
        for section in ("What it does:", "Why:", "Example:", "Fix safety:"):
            assert section in doc, f"{rule.id}: no '{section}' section"
        expected = ("Safe", "Unsafe") if rule.fixable else ("No",)
        assert fix_safety(rule) in expected, f"{rule.id}: fixable={rule.fixable} but Fix safety says {fix_safety(rule)!r}"


def test_ci_runs_the_readme_set_up_commands() -> None:
    readme = README.read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    commands = re.findall(r"^python3 -m venv \.venv && .*$", readme, re.M)
    assert len(commands) == 2 and "awesome-lint examples/" in commands[0] and "-m pytest" in commands[1]
    # .ci/run reads both lines from the README with these patterns and runs them as written.
    for pattern in re.findall(r"grep -m1 -E '([^']+)' README\.md", ci):
        assert any(re.search(pattern, command) for command in commands), pattern
    assert (ROOT / commands[0].split("awesome-lint ", 1)[1]).is_file()


if __name__ == "__main__":
    text = README.read_text(encoding="utf-8")
    before, rest = text.split(START, 1)
    _, after = rest.split(END, 1)
    README.write_text(f"{before}{START}\n{rules_table()}\n{END}{after}", encoding="utf-8")
    sys.exit(0)
