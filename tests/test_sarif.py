"""`--output-format sarif`: exact records from hand-made diagnostics, and real output validated
against the SARIF 2.1.0 schema (tests/data/sarif-schema-2.1.0.json, see tests/data/README.md)."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from awesome_lint.cli import main
from awesome_lint.diagnostics import Diagnostic, Edit, Severity, safe_fix, unsafe_fix
from awesome_lint.report import FileResult, LineIndex, rule_url
from awesome_lint.report.sarif import artifact_uri, format_sarif, sarif_log
from awesome_lint.rules import RULES, rules_by_id

ROOT = Path(__file__).resolve().parents[1]
SCHEMA = ROOT / "tests" / "data" / "sarif-schema-2.1.0.json"
EXAMPLE = ROOT / "examples" / "awesome-example.md"

TEXT = "# Awesome\r\n\r\n- [Foo](http://foo) - does foo\r\n"


def diagnostic(text: str, start: int, end: int, rule: str, message: str, **kwargs: Any) -> Diagnostic:
    index = LineIndex(text)
    return Diagnostic(
        rule, message, start, end, index.position(start), index.position(end),
        kwargs.get("severity", Severity.ERROR), kwargs.get("fix"),
    )


def period(text: str = TEXT) -> Diagnostic:
    end = text.index("does foo") + len("does foo")
    return diagnostic(
        text, text.index("does foo"), end, "description-period", "End with a period",
        fix=safe_fix("Add a period", Edit(end, end, ".")),
    )


def test_result_record_exact() -> None:
    log = sarif_log([FileResult("docs/my list.md", TEXT, [period()], "\r\n")], RULES)
    assert log["version"] == "2.1.0"
    (run,) = log["runs"]
    assert run["columnKind"] == "unicodeCodePoints"
    assert run["results"] == [
        {
            "ruleId": "description-period",
            "level": "error",
            "message": {"text": "End with a period"},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": {"uri": "docs/my%20list.md"},
                        "region": {"startLine": 3, "startColumn": 23, "endLine": 3, "endColumn": 31},
                    }
                }
            ],
            "ruleIndex": [rule.id for rule in RULES].index("description-period"),
            "fixes": [
                {
                    "description": {"text": "Add a period"},
                    "artifactChanges": [
                        {
                            "artifactLocation": {"uri": "docs/my%20list.md"},
                            "replacements": [
                                {
                                    "deletedRegion": {"startLine": 3, "startColumn": 31, "endLine": 3, "endColumn": 31},
                                    "insertedContent": {"text": "."},
                                }
                            ],
                        }
                    ],
                    "properties": {"applicability": "safe"},
                }
            ],
        }
    ]


def test_fix_content_uses_the_file_line_ending_and_marks_unsafe_fixes() -> None:
    start = TEXT.index("- [Foo]")
    end = TEXT.index("\r\n", start) + 2
    duplicate = diagnostic(
        TEXT, start, end, "duplicate-link", "Duplicate", fix=unsafe_fix("Remove it", Edit(start, end, "- [Bar](b)\n"))
    )
    (result,) = sarif_log([FileResult("README.md", TEXT, [duplicate], "\r\n")], RULES)["runs"][0]["results"]
    (fix,) = result["fixes"]
    assert fix["properties"] == {"applicability": "unsafe"}
    (replacement,) = fix["artifactChanges"][0]["replacements"]
    # The file ends there: the region ends after the CRLF on its last line, as in the JSON report.
    assert replacement == {
        "deletedRegion": {"startLine": 3, "startColumn": 1, "endLine": 3, "endColumn": 33},
        "insertedContent": {"text": "- [Bar](b)\r\n"},
    }


def test_warning_without_fix_has_no_fixes() -> None:
    found = diagnostic(TEXT, 0, 9, "title", "Title", severity=Severity.WARNING)
    (result,) = sarif_log([FileResult("README.md", TEXT, [found])], RULES)["runs"][0]["results"]
    assert result["level"] == "warning"
    assert "fixes" not in result


def test_rules_carry_their_summary_help_url_and_level() -> None:
    driver = sarif_log([], RULES)["runs"][0]["tool"]["driver"]
    assert driver["name"] == "awesome-lint"
    assert [descriptor["id"] for descriptor in driver["rules"]] == [rule.id for rule in RULES]
    spell = driver["rules"][[rule.id for rule in RULES].index("spell-check")]
    assert spell["shortDescription"] == {"text": rules_by_id()["spell-check"].summary}
    assert spell["helpUri"] == rule_url("spell-check")
    assert spell["defaultConfiguration"] == {"level": "warning", "enabled": True}


@pytest.mark.parametrize(
    ("path", "uri"),
    [
        ("README.md", "README.md"),
        ("./docs/README.md", "docs/README.md"),
        ("lists/a b#c.md", "lists/a%20b%23c.md"),
        ("-", "-"),
    ],
)
def test_artifact_uri(path: str, uri: str) -> None:
    assert artifact_uri(path) == uri


def test_absolute_path_is_a_file_uri(tmp_path: Path) -> None:
    assert artifact_uri(str(tmp_path / "README.md")) == (tmp_path / "README.md").as_uri()


# -- schema validation ---------------------------------------------------------------------------
@pytest.fixture(scope="module")
def validator() -> Any:
    import jsonschema  # in the test extra: a missing validator must fail, not skip
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    validator_class = jsonschema.validators.validator_for(schema)
    validator_class.check_schema(schema)
    return validator_class(schema, format_checker=validator_class.FORMAT_CHECKER)


def sarif_of(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, dict[str, Any]]:
    code = main(["--output-format", "sarif", *argv])
    return code, json.loads(capsys.readouterr().out)


def test_example_output_is_valid_sarif(validator: Any, capsys: pytest.CaptureFixture[str]) -> None:
    code, log = sarif_of(capsys, str(EXAMPLE))
    assert code == 1
    results = log["runs"][0]["results"]
    assert len(results) >= 10 and any("fixes" in result for result in results)
    validator.validate(log)
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    assert all(rules[result["ruleIndex"]]["id"] == result["ruleId"] for result in results)


def test_clean_output_is_valid_sarif_with_no_results(
    validator: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    clean = tmp_path / "list.md"
    clean.write_text("# Awesome Things\n\n- [Alpha](https://alpha.example) - Does alpha.\n")
    code, log = sarif_of(capsys, "--select", "description-period", str(clean))
    assert code == 0 and log["runs"][0]["results"] == []
    validator.validate(log)


def test_the_schema_rejects_a_broken_log(validator: Any) -> None:
    # The validation above must be able to fail: a 0-based line and a missing message are refused.
    log = json.loads(format_sarif([FileResult("README.md", TEXT, [period()])], RULES))
    broken = copy.deepcopy(log)
    broken["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] = 0
    assert list(validator.iter_errors(broken))
    broken = copy.deepcopy(log)
    del broken["runs"][0]["results"][0]["message"]
    assert list(validator.iter_errors(broken))
    assert not list(validator.iter_errors(log))
