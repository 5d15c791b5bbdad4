"""The documentation that ships in the repository: docs/rules.md equals the registry, the report
URLs land on a rule's section, and the docs and README link only to files that exist."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from awesome_lint.docs import REGENERATE, docstring_markdown, options_table, rules_page
from awesome_lint.report import rule_url
from awesome_lint.rules import RULES, NoOptions, Rule

ROOT = Path(__file__).resolve().parents[1]
RULES_MD = ROOT / "docs" / "rules.md"
# Relative links of the Markdown files users and contributors read.
DOCUMENTS = ("README.md", "CONTRIBUTING.md", "CHANGELOG.md", "docs/architecture.md", "docs/rules.md")
_LINK = re.compile(r"\]\(([^)\s]+)\)")
_CODE = re.compile(r"(`+).+?(?<!`)\1(?!`)", re.S)  # code spans and fences (any backtick run): examples, not links


def test_rules_md_equals_the_registry() -> None:
    assert RULES_MD.read_text(encoding="utf-8") == rules_page(), (
        f"docs/rules.md is out of date: run `{REGENERATE}` from the repository root"
    )


def test_help_urls_point_at_each_rule_section_of_rules_md() -> None:
    text = RULES_MD.read_text(encoding="utf-8")
    for rule in RULES:
        url = rule_url(rule.id)
        page, fragment = url.split("#", 1)
        assert page.endswith("/blob/main/docs/rules.md"), url
        assert text.count(f'<a id="{fragment}"></a>') == 1, rule.id


def test_docstring_sections_become_bold_titles_and_lose_their_indent() -> None:
    documentation = (
        "Short line.\n\nWhat it does:\n    Checks a thing,\n    twice.\n\n"
        "Example:\n    ```markdown\n    - [A](a)\n    ```\n    reports 'x'.\n"
    )
    assert docstring_markdown(documentation) == (
        "Short line.\n\n**What it does**\n\nChecks a thing,\ntwice.\n\n"
        "**Example**\n\n```markdown\n- [A](a)\n```\nreports 'x'."
    )


def test_a_colon_inside_a_sentence_is_not_a_section_title() -> None:
    assert docstring_markdown("Why:\n    Because: reasons.\nNote: this stays.") == (
        "**Why**\n\n    Because: reasons.\nNote: this stays."
    )


@dataclass(frozen=True)
class _Options:
    ignore_sections: tuple[str, ...] = ()
    ignore_case: bool = True
    allow_pattern: str = "^awesome-"
    min_stars: int | None = None


class _WithOptions(Rule[_Options]):
    id = "with-options"
    summary = "s"
    Options = _Options


class _WithoutOptions(Rule[NoOptions]):
    id = "without-options"
    summary = "s"


def test_options_table_lists_kebab_case_keys_and_toml_defaults() -> None:
    assert options_table(_WithOptions) == (
        "**Defaults** (`[tool.awesome-lint.with-options]`)\n\n| option | default |\n|---|---|\n"
        "| `ignore-sections` | `[]` |\n| `ignore-case` | `true` |\n| `allow-pattern` | `\"^awesome-\"` |\n"
        "| `min-stars` | unset (off) |"
    )
    assert options_table(_WithoutOptions) == ""


@pytest.mark.parametrize("name", DOCUMENTS)
def test_relative_links_resolve(name: str) -> None:
    document = ROOT / name
    for target in _LINK.findall(_CODE.sub("", document.read_text(encoding="utf-8"))):
        if target.startswith(("http://", "https://", "#", "mailto:")):
            continue
        path = target.split("#", 1)[0]
        assert (document.parent / path).exists(), f"{name} links to {target}, which does not exist"


def test_readme_points_at_the_docs_in_the_repository() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "../shared/DESIGN.md" not in readme
    assert "(docs/architecture.md)" in readme and "(docs/rules.md)" in readme


def test_readme_shows_the_code_scanning_workflow_as_shipped() -> None:
    # .ci/check-action validates the file; the README must show that same file.
    workflow = (ROOT / "examples" / "github-code-scanning.yml").read_text(encoding="utf-8")
    assert f"```yaml\n{workflow}```\n" in (ROOT / "README.md").read_text(encoding="utf-8")


def test_the_regeneration_command_writes_the_page(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from awesome_lint.docs import main

    target = tmp_path / "rules.md"
    assert main([str(target)]) == 0
    assert target.read_bytes() == rules_page().encode("utf-8")
    assert capsys.readouterr().out == f"wrote {target}\n"
