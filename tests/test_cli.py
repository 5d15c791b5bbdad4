"""The command line: exact output, exit codes, file discovery, --fix/--diff, bad input.

Most tests run ``main([...])`` with a small fake rule set (so the expected output does not change
when real rules change their wording); ``TestConsoleScript`` runs the installed `awesome-lint`
in a subprocess with the real registry.
"""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path
from typing import Iterable

import pytest

import awesome_lint
from awesome_lint.cli import main, markdown_files_in, unified_diff
from awesome_lint.diagnostics import Diagnostic, Edit, Severity, safe_fix, unsafe_fix
from awesome_lint.document.model import Document
from awesome_lint.rules import Context, NoOptions, Rule


# -- fake rules --------------------------------------------------------------------------------
class FakePeriod(Rule[NoOptions]):
    """What it does: descriptions end with a period. Fix safety: safe."""

    id = "fake-period"
    aliases = ("fake-alias",)
    summary = "Descriptions end with a period"
    fixable = True

    def check(self, document: Document, context: Context[NoOptions]) -> Iterable[Diagnostic]:
        for entry in document.entries():
            if entry.description and entry.description_end is not None:
                if not entry.description.rstrip().endswith("."):
                    end = entry.description_end
                    yield self.diagnostic(
                        document, entry.description_start or end, end, "Description should end with a period.",
                        safe_fix("Add a period", Edit(end, end, ".")),
                    )


class FakeMissingDescription(Rule[NoOptions]):
    """Entries have a description."""

    id = "fake-missing-description"
    summary = "Entries have a description"
    severity = Severity.WARNING

    def check(self, document: Document, context: Context[NoOptions]) -> Iterable[Diagnostic]:
        for entry in document.entries():
            if entry.link is not None and entry.description is None:
                yield self.diagnostic(document, entry.start, entry.text_end, "Add a description.")


class FakeHttps(Rule[NoOptions]):
    """Links use https. Fix safety: unsafe (the site may not serve https)."""

    id = "fake-https"
    summary = "Links use https"
    fixable = True

    def check(self, document: Document, context: Context[NoOptions]) -> Iterable[Diagnostic]:
        for link in document.links:
            if link.url.startswith("http://") and link.url_start is not None:
                start = link.url_start
                yield self.diagnostic(
                    document, start, start + len("http://"), "Use https.",
                    unsafe_fix("Use https", Edit(start, start + len("http"), "https")),
                )


FAKE_RULES = (FakePeriod, FakeMissingDescription, FakeHttps)


@pytest.fixture
def fake_rules(monkeypatch: pytest.MonkeyPatch) -> None:
    """Replace the registry everywhere it was imported (rules, linter, config ...)."""
    for name, module in list(sys.modules.items()):
        if name.startswith("awesome_lint") and hasattr(module, "RULES"):
            monkeypatch.setattr(module, "RULES", FAKE_RULES)


@pytest.fixture
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    return tmp_path


LIST = (
    "# Awesome Test\n"
    "\n"
    "- [Alpha](http://alpha.example) - does alpha\n"
    "- [Beta](https://beta.example)\n"
)

LIST_FIXED = LIST.replace("does alpha\n", "does alpha.\n")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


# -- linting -----------------------------------------------------------------------------------
@pytest.mark.usefixtures("fake_rules")
class TestLint:
    def test_text_output_exact(self, in_tmp: Path, capsys: pytest.CaptureFixture[str]) -> None:
        (in_tmp / "README.md").write_text(LIST)
        code, out, err = run(capsys)
        assert (code, err) == (1, "")
        assert out == (
            "README.md:3:11: fake-https Use https.\n"
            "  |\n"
            "3 | - [Alpha](http://alpha.example) - does alpha\n"
            "  |           ^^^^^^^\n"
            "  = fix (--unsafe-fixes): Use https\n"
            "\n"
            "README.md:3:35: fake-period Description should end with a period.\n"
            "  |\n"
            "3 | - [Alpha](http://alpha.example) - does alpha\n"
            "  |                                   ^^^^^^^^^^\n"
            "  = fix (--fix): Add a period\n"
            "\n"
            "README.md:4:1: fake-missing-description Add a description.\n"
            "  |\n"
            "4 | - [Beta](https://beta.example)\n"
            "  | ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^\n"
            "\n"
            "Found 2 errors and 1 warning (1 fixable with --fix, 1 more fixable with --unsafe-fixes).\n"
        )

    def test_json_output_exact(self, in_tmp: Path, capsys: pytest.CaptureFixture[str]) -> None:
        (in_tmp / "README.md").write_text(LIST)
        code, out, err = run(capsys, "--output-format", "json", "README.md")
        assert (code, err) == (1, "")
        records = json.loads(out)
        assert [(r["code"], r["location"], r["end_location"], r["severity"]) for r in records] == [
            ("fake-https", {"row": 3, "column": 11}, {"row": 3, "column": 18}, "error"),
            ("fake-period", {"row": 3, "column": 35}, {"row": 3, "column": 45}, "error"),
            ("fake-missing-description", {"row": 4, "column": 1}, {"row": 4, "column": 31}, "warning"),
        ]
        assert records[1] == {
            "code": "fake-period",
            "message": "Description should end with a period.",
            "severity": "error",
            "filename": "README.md",
            "location": {"row": 3, "column": 35},
            "end_location": {"row": 3, "column": 45},
            "fix": {
                "applicability": "safe",
                "message": "Add a period",
                "edits": [{"content": ".", "location": {"row": 3, "column": 45}, "end_location": {"row": 3, "column": 45}}],
            },
            "url": awesome_lint.report.rule_url("fake-period"),
        }
        assert records[2]["fix"] is None
        assert records[0]["fix"]["applicability"] == "unsafe"

    def test_clean_file(self, in_tmp: Path, capsys: pytest.CaptureFixture[str]) -> None:
        (in_tmp / "README.md").write_text("# Awesome\n\n- [A](https://a.example) - Fine.\n")
        assert run(capsys) == (0, "All checks passed!\n", "")
        assert run(capsys, "--output-format", "json") == (0, "[]\n", "")

    def test_lowercase_readme_is_the_default(self, in_tmp: Path, capsys: pytest.CaptureFixture[str]) -> None:
        (in_tmp / "readme.md").write_text(LIST)
        code, out, _ = run(capsys, "--output-format", "json")
        assert code == 1
        assert {r["filename"] for r in json.loads(out)} == {"readme.md"}

    def test_no_readme_is_an_error(self, in_tmp: Path, capsys: pytest.CaptureFixture[str]) -> None:
        code, out, err = run(capsys)
        assert (code, out) == (2, "")
        assert err == f"awesome-lint: error: no README.md in {in_tmp}; give the Markdown files to lint\n"

    def test_exit_zero(self, in_tmp: Path, capsys: pytest.CaptureFixture[str]) -> None:
        (in_tmp / "README.md").write_text(LIST)
        code, out, _ = run(capsys, "--exit-zero")
        assert code == 0
        assert out.endswith("Found 2 errors and 1 warning (1 fixable with --fix, 1 more fixable with --unsafe-fixes).\n")

    def test_statistics(self, in_tmp: Path, capsys: pytest.CaptureFixture[str]) -> None:
        (in_tmp / "README.md").write_text(LIST + "- [Gamma](https://gamma.example)\n")
        code, out, _ = run(capsys, "--statistics")
        assert code == 1
        assert out == (
            "2  fake-missing-description       Entries have a description\n"
            "1  fake-https                [*]  Links use https\n"
            "1  fake-period               [*]  Descriptions end with a period\n"
            "Found 2 errors and 2 warnings (1 fixable with --fix, 1 more fixable with --unsafe-fixes).\n"
        )
        code, out, _ = run(capsys, "--statistics", "--output-format", "json")
        assert json.loads(out)[0] == {
            "code": "fake-missing-description", "summary": "Entries have a description", "count": 2, "fixable": False,
        }

    def test_colour_only_when_forced_or_on_a_terminal(
        self, in_tmp: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
    ) -> None:
        (in_tmp / "README.md").write_text(LIST)
        assert "\x1b[" not in run(capsys)[1]  # captured stdout is not a terminal
        monkeypatch.setenv("FORCE_COLOR", "1")
        assert "\x1b[" in run(capsys)[1]
        monkeypatch.setenv("NO_COLOR", "1")
        assert "\x1b[" not in run(capsys)[1]

    def test_select_and_ignore_accept_ids_and_aliases(self, in_tmp: Path, capsys: pytest.CaptureFixture[str]) -> None:
        (in_tmp / "README.md").write_text(LIST)

        def codes(*argv: str) -> list[str]:
            return [r["code"] for r in json.loads(run(capsys, "--output-format", "json", *argv)[1])]

        assert codes("--select", "fake-period") == ["fake-period"]
        assert codes("--select", "fake-alias,fake-https") == ["fake-https", "fake-period"]
        assert codes("--ignore", "fake-alias") == ["fake-https", "fake-missing-description"]
        assert codes("--select", "fake-period", "--extend-select", "fake-https") == ["fake-https", "fake-period"]

    def test_config_file(self, in_tmp: Path, capsys: pytest.CaptureFixture[str]) -> None:
        (in_tmp / "README.md").write_text(LIST)
        (in_tmp / "custom.toml").write_text('ignore = ["fake-https", "fake-missing-description"]\n')
        code, out, err = run(capsys, "--config", "custom.toml", "--output-format", "json")
        assert [r["code"] for r in json.loads(out)] == ["fake-period"], err

    def test_missing_config_file(self, in_tmp: Path, capsys: pytest.CaptureFixture[str]) -> None:
        (in_tmp / "README.md").write_text(LIST)
        code, out, err = run(capsys, "--config", "nope.toml")
        assert (code, out) == (2, "")
        assert err.startswith("awesome-lint: error: nope.toml") and err.count("\n") == 1


# -- files and bad input -----------------------------------------------------------------------
@pytest.mark.usefixtures("fake_rules")
class TestInput:
    def test_directory_recursion_skips_hidden_and_node_modules(self, in_tmp: Path) -> None:
        for name in ["README.md", "docs/guide.markdown", "docs/deep/more.MD", ".github/x.md",
                     "node_modules/pkg/README.md", "notes.txt", "docs/.hidden.md"]:
            (in_tmp / name).parent.mkdir(parents=True, exist_ok=True)
            (in_tmp / name).write_text(LIST)
        assert markdown_files_in(".") == [
            os.path.join(".", "README.md"),
            os.path.join(".", "docs", "deep", "more.MD"),
            os.path.join(".", "docs", "guide.markdown"),
        ]

    def test_directory_and_explicit_files(self, in_tmp: Path, capsys: pytest.CaptureFixture[str]) -> None:
        (in_tmp / "lists").mkdir()
        (in_tmp / "lists" / "a.md").write_text(LIST)
        (in_tmp / "lists" / "b.md").write_text("# Awesome\n\n- [A](https://a.example) - Fine.\n")
        (in_tmp / "list.txt").write_text(LIST)
        code, out, _ = run(capsys, "--output-format", "json", "lists", "list.txt", "lists/a.md")
        assert code == 1
        files = [r["filename"] for r in json.loads(out)]
        assert sorted(set(files)) == ["list.txt", os.path.join("lists", "a.md")]  # a.md once, b.md clean
        assert len(files) == 6

    @pytest.mark.parametrize(
        ("content", "message"),
        [
            (b"", "empty.md: empty file, nothing to lint"),
            (b"  \n\n", "empty.md: empty file, nothing to lint"),
            (b"# Title\n\n- caf\xe9\n", "empty.md:3:6: not valid UTF-8 (byte 0xe9 at offset 14)"),
            (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "empty.md: not a text file (contains NUL bytes)"),
        ],
    )
    def test_bad_file_is_one_line_and_exit_2(
        self, in_tmp: Path, capsys: pytest.CaptureFixture[str], content: bytes, message: str
    ) -> None:
        (in_tmp / "empty.md").write_bytes(content)
        assert run(capsys, "empty.md") == (2, "", f"awesome-lint: error: {message}\n")

    def test_missing_path_and_empty_directory(self, in_tmp: Path, capsys: pytest.CaptureFixture[str]) -> None:
        (in_tmp / "empty-dir").mkdir()
        assert run(capsys, "nope.md") == (2, "", "awesome-lint: error: nope.md: no such file or directory\n")
        assert run(capsys, "empty-dir") == (
            2, "", "awesome-lint: error: empty-dir: no Markdown files (*.md, *.markdown) in this directory\n"
        )

    def test_bad_file_does_not_stop_the_others(self, in_tmp: Path, capsys: pytest.CaptureFixture[str]) -> None:
        (in_tmp / "README.md").write_text(LIST)
        code, out, err = run(capsys, "nope.md", "README.md")
        assert code == 2
        assert err == "awesome-lint: error: nope.md: no such file or directory\n"
        assert "README.md:3:35: fake-period" in out
        assert out.endswith("Found 2 errors and 1 warning (1 fixable with --fix, 1 more fixable with --unsafe-fixes).\n")

    def test_failure_without_findings_does_not_claim_success(self, in_tmp: Path, capsys: pytest.CaptureFixture[str]) -> None:
        (in_tmp / "README.md").write_text("# Awesome\n\n- [A](https://a.example) - Fine.\n")
        assert run(capsys, "nope.md", "README.md") == (2, "", "awesome-lint: error: nope.md: no such file or directory\n")

    def test_usage_error_is_exit_2(self, capsys: pytest.CaptureFixture[str]) -> None:
        code, out, err = run(capsys, "--output-format", "xml")
        assert (code, out) == (2, "")
        assert "invalid choice: 'xml'" in err

    def test_internal_error_is_one_line_unless_verbose(
        self, in_tmp: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
    ) -> None:
        def explode(self: FakePeriod, document: Document, context: Context[NoOptions]) -> Iterable[Diagnostic]:
            raise RuntimeError("boom")

        monkeypatch.setattr(FakePeriod, "check", explode)
        monkeypatch.delenv("AWESOME_LINT_DEBUG", raising=False)
        (in_tmp / "README.md").write_text(LIST)
        code, out, err = run(capsys)
        assert (code, out) == (2, "")
        assert err == (
            "awesome-lint: internal error while checking README.md: RuntimeError: boom -- this is a bug, please "
            "report it (run with --verbose or AWESOME_LINT_DEBUG=1 for the traceback)\n"
        )
        code, _, err = run(capsys, "--verbose")
        assert code == 2
        assert "Traceback (most recent call last)" in err and err.rstrip().endswith("RuntimeError: boom")


# -- rules / rule ------------------------------------------------------------------------------
@pytest.mark.usefixtures("fake_rules")
class TestRuleCommands:
    def test_rules_table(self, capsys: pytest.CaptureFixture[str]) -> None:
        assert run(capsys, "rules") == (
            0,
            "id                        aliases     fixable  default on  summary\n"
            "------------------------  ----------  -------  ----------  ------------------------------\n"
            "fake-period               fake-alias  yes      yes         Descriptions end with a period\n"
            "fake-missing-description  -           no       yes         Entries have a description\n"
            "fake-https                -           yes      yes         Links use https\n",
            "",
        )

    def test_rules_json(self, capsys: pytest.CaptureFixture[str]) -> None:
        code, out, _ = run(capsys, "rules", "--output-format", "json")
        assert code == 0
        assert json.loads(out)[0] == {
            "id": "fake-period", "aliases": ["fake-alias"], "fixable": True, "default_enabled": True,
            "severity": "error", "summary": "Descriptions end with a period",
        }

    @pytest.mark.parametrize("name", ["fake-period", "fake-alias"])
    def test_rule_documentation_by_id_or_alias(self, capsys: pytest.CaptureFixture[str], name: str) -> None:
        assert run(capsys, "rule", name) == (
            0,
            "# fake-period\n\nAliases: fake-alias\nFixable: yes. On by default: yes. Severity: error.\n\n"
            "What it does: descriptions end with a period. Fix safety: safe.\n",
            "",
        )

    def test_unknown_rule(self, capsys: pytest.CaptureFixture[str]) -> None:
        assert run(capsys, "rule", "nope") == (
            2, "", "awesome-lint: error: unknown rule 'nope' (`awesome-lint rules` lists them)\n"
        )

    def test_a_file_named_rules_is_linted_with_check_or_a_path(
        self, in_tmp: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        (in_tmp / "rules").write_text(LIST)
        for argv in (["check", "rules", "--output-format", "json"], ["--output-format", "json", "./rules"]):
            code, out, _ = run(capsys, *argv)
            assert code == 1
            assert len(json.loads(out)) == 3


# -- --fix / --diff ----------------------------------------------------------------------------
@pytest.mark.usefixtures("fake_rules")
class TestFix:
    def test_fix_writes_and_reports(self, in_tmp: Path, capsys: pytest.CaptureFixture[str]) -> None:
        readme = in_tmp / "README.md"
        readme.write_text(LIST)
        code, out, err = run(capsys, "--fix", "--show-fixes", "--select", "fake-period,fake-missing-description")
        assert (code, err) == (1, "")  # the missing description remains
        assert readme.read_text() == LIST_FIXED
        assert out == (
            "README.md:4:1: fake-missing-description Add a description.\n"
            "  |\n"
            "4 | - [Beta](https://beta.example)\n"
            "  | ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^\n"
            "\n"
            "Fixed in README.md:\n"
            "  1 × fake-period (Add a period)\n"
            "Found 1 error and 1 warning (1 fixed, 1 remaining).\n"
        )

    def test_fix_everything_exits_0_unless_asked(self, in_tmp: Path, capsys: pytest.CaptureFixture[str]) -> None:
        readme = in_tmp / "README.md"
        readme.write_text(LIST)
        assert run(capsys, "--fix", "--select", "fake-period") == (0, "Found 1 error (1 fixed, 0 remaining).\n", "")
        readme.write_text(LIST)
        assert run(capsys, "--fix", "--exit-non-zero-on-fix", "--select", "fake-period")[0] == 1
        assert run(capsys, "--fix", "--exit-non-zero-on-fix", "--select", "fake-period") == (
            0, "All checks passed!\n", ""
        )

    def test_unsafe_fixes(self, in_tmp: Path, capsys: pytest.CaptureFixture[str]) -> None:
        readme = in_tmp / "README.md"
        readme.write_text(LIST)
        code, out, _ = run(capsys, "--fix", "--select", "fake-https,fake-period")
        assert code == 1
        assert out.endswith("Found 2 errors (1 fixed, 1 remaining; 1 fixable with --unsafe-fixes).\n")
        assert readme.read_text() == LIST_FIXED
        assert run(capsys, "--fix", "--unsafe-fixes", "--select", "fake-https,fake-period") == (
            0, "Found 1 error (1 fixed, 0 remaining).\n", ""
        )
        assert readme.read_text() == LIST_FIXED.replace("http://alpha", "https://alpha")

    def test_fix_json_reports_what_remains(self, in_tmp: Path, capsys: pytest.CaptureFixture[str]) -> None:
        (in_tmp / "README.md").write_text(LIST)
        code, out, _ = run(capsys, "--fix", "--output-format", "json")
        assert code == 1
        assert [r["code"] for r in json.loads(out)] == ["fake-https", "fake-missing-description"]

    def test_diff_writes_nothing_and_exits_1(self, in_tmp: Path, capsys: pytest.CaptureFixture[str]) -> None:
        readme = in_tmp / "README.md"
        readme.write_text(LIST)
        code, out, err = run(capsys, "--diff")
        assert readme.read_text() == LIST
        assert code == 1
        assert out == (
            "--- README.md\n"
            "+++ README.md\n"
            "@@ -1,4 +1,4 @@\n"
            " # Awesome Test\n"
            " \n"
            "-- [Alpha](http://alpha.example) - does alpha\n"
            "+- [Alpha](http://alpha.example) - does alpha.\n"
            " - [Beta](https://beta.example)\n"
        )
        assert err == "Would fix 1 error (2 remaining).\n"

    def test_diff_without_changes_exits_0(self, in_tmp: Path, capsys: pytest.CaptureFixture[str]) -> None:
        (in_tmp / "README.md").write_text(LIST_FIXED)
        assert run(capsys, "--diff", "--select", "fake-period") == (0, "", "No fixes available.\n")

    def test_file_without_fixes_is_not_rewritten(self, in_tmp: Path, capsys: pytest.CaptureFixture[str]) -> None:
        readme = in_tmp / "README.md"
        readme.write_text(LIST_FIXED)
        os.utime(readme, (1_000_000, 1_000_000))
        assert run(capsys, "--fix", "--select", "fake-period")[0] == 0
        assert readme.stat().st_mtime == 1_000_000

    def test_fix_keeps_crlf_bom_missing_final_newline_and_mode(
        self, in_tmp: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        readme = in_tmp / "README.md"
        original = b"\xef\xbb\xbf" + LIST.replace("\n", "\r\n").rstrip("\r\n").encode() + b"\r\n- [C](https://c.example) - c"
        readme.write_bytes(original)
        readme.chmod(0o640)
        assert run(capsys, "--fix", "--select", "fake-period")[0] == 0
        assert readme.read_bytes() == (
            b"\xef\xbb\xbf"
            + LIST_FIXED.replace("\n", "\r\n").rstrip("\r\n").encode()
            + b"\r\n- [C](https://c.example) - c."
        )
        assert stat.S_IMODE(readme.stat().st_mode) == 0o640
        assert sorted(p.name for p in in_tmp.iterdir()) == ["README.md"]  # no temporary file left

    def test_fix_through_a_symlink_keeps_the_link(self, in_tmp: Path, capsys: pytest.CaptureFixture[str]) -> None:
        real = in_tmp / "real.md"
        real.write_text(LIST)
        (in_tmp / "README.md").symlink_to("real.md")
        assert run(capsys, "--fix", "--select", "fake-period")[0] == 0
        assert (in_tmp / "README.md").is_symlink()
        assert real.read_text() == LIST_FIXED

    def test_fixes_that_do_not_settle_are_a_bug_and_nothing_is_written(
        self, in_tmp: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
    ) -> None:
        def forever(self: FakePeriod, document: Document, context: Context[NoOptions]) -> Iterable[Diagnostic]:
            yield self.diagnostic(document, 0, 0, "again", safe_fix("Add an x", Edit(0, 0, "x")))

        monkeypatch.setattr(FakePeriod, "check", forever)
        readme = in_tmp / "README.md"
        readme.write_text(LIST)
        code, out, err = run(capsys, "--fix", "--select", "fake-period")
        assert code == 2
        assert readme.read_text() == LIST
        assert err == (
            "awesome-lint: error: README.md: fixes did not settle after 12 passes (rules: fake-period) "
            "-- this is a bug in those rules, please report it; README.md was not changed\n"
        )
        assert "README.md:1:1: fake-period again" in out


# -- the diff applies --------------------------------------------------------------------------
@pytest.mark.skipif(shutil.which("patch") is None, reason="needs patch(1)")
@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("a\nb\nc\n", "a\nB\nc\n"),
        ("a\nb", "a\nb."),  # no final newline on either side
        ("a\nb", "a\nb\n"),  # final newline added
        ("a\r\nb\r\nc\r\n", "a\r\nb.\r\nc\r\n"),  # CRLF kept inside the lines
        ("x\n" * 20 + "y\n", "x\n" * 20 + "z\n"),
    ],
)
def test_unified_diff_applies_with_patch(tmp_path: Path, before: str, after: str) -> None:
    for bom in (False, True):
        target = tmp_path / "README.md"
        target.write_bytes(("\ufeff" if bom else "").encode() + before.encode())
        diff = unified_diff("README.md", before, after, bom)
        subprocess.run(["patch", "-p0", "--quiet", "--binary"], input=diff.encode(), cwd=tmp_path, check=True)
        assert target.read_bytes() == ("\ufeff" if bom else "").encode() + after.encode()


# -- the real console script -------------------------------------------------------------------
SCRIPT = shutil.which("awesome-lint", path=os.path.dirname(sys.executable)) or shutil.which("awesome-lint")


@pytest.mark.skipif(SCRIPT is None, reason="console script not installed")
class TestConsoleScript:
    def script(self, *argv: str, cwd: Path) -> subprocess.CompletedProcess[str]:
        env = {k: v for k, v in os.environ.items() if k not in ("AWESOME_LINT_DEBUG", "FORCE_COLOR")}
        return subprocess.run([SCRIPT, *argv], cwd=cwd, capture_output=True, text=True, env=env, timeout=60)

    def test_exit_codes_and_one_line_errors(self, tmp_path: Path) -> None:
        (tmp_path / "empty.md").write_bytes(b"")
        (tmp_path / "latin1.md").write_bytes(b"# Caf\xe9\n")
        cases = {
            ("nope.md",): "awesome-lint: error: nope.md: no such file or directory\n",
            ("empty.md",): "awesome-lint: error: empty.md: empty file, nothing to lint\n",
            ("latin1.md",): "awesome-lint: error: latin1.md:1:6: not valid UTF-8 (byte 0xe9 at offset 5)\n",
            ("rule", "no-such-rule"): "awesome-lint: error: unknown rule 'no-such-rule' (`awesome-lint rules` lists them)\n",
        }
        for argv, stderr in cases.items():
            result = self.script(*argv, cwd=tmp_path)
            assert (result.returncode, result.stdout, result.stderr) == (2, "", stderr), argv
        usage = self.script("--bogus", cwd=tmp_path)
        assert usage.returncode == 2 and "unrecognized arguments: --bogus" in usage.stderr
        assert "Traceback" not in usage.stderr

    def test_findings_exit_1_and_exit_zero(self, tmp_path: Path) -> None:
        # With the real rules: a list with an obvious duplicate and a missing period has findings.
        (tmp_path / "README.md").write_text(
            "# Awesome Things\n\n## Tools\n\n- [Beta](https://b.example) - no period\n"
            "- [Alpha](https://a.example) - First.\n- [Alpha](https://a.example) - First.\n"
        )
        result = self.script("--output-format", "json", cwd=tmp_path)
        assert (result.returncode, result.stderr) == (1, "")
        assert json.loads(result.stdout)
        assert self.script("--exit-zero", cwd=tmp_path).returncode == 0

    def test_rules_and_rule(self, tmp_path: Path) -> None:
        from awesome_lint.rules import RULES

        listing = self.script("rules", cwd=tmp_path)
        assert listing.returncode == 0
        assert len(listing.stdout.splitlines()) == 2 + len(RULES)
        for rule in RULES:
            page = self.script("rule", rule.id, cwd=tmp_path)
            assert page.returncode == 0 and page.stdout.startswith(f"# {rule.id}\n")

    def test_python_dash_m(self, tmp_path: Path) -> None:
        result = subprocess.run(
            [sys.executable, "-m", "awesome_lint", "--version"], capture_output=True, text=True, cwd=tmp_path
        )
        assert (result.returncode, result.stdout) == (0, f"awesome-lint {awesome_lint.__version__}\n")


def test_github_output_format_prints_escaped_annotations(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "README.md"
    target.write_text("# Awesome X\n\n- [A](https://a.example) - Does 100%\n", encoding="utf-8")
    code = main([str(target), "--select", "description-period", "--output-format", "github"])
    assert code == 1
    assert capsys.readouterr().out == (
        f"::error file={target},line=3,col=36,endColumn=37,title=awesome-lint (description-period)::"
        "End the description with a period ('.', '!', '?' or '…'): it ends with 'Does 100%25'\n"
    )


def test_github_command_outside_actions_is_a_one_line_error(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    for name in ("GITHUB_EVENT_NAME", "GITHUB_EVENT_PATH"):
        monkeypatch.delenv(name, raising=False)
    assert main(["github"]) == 2
    assert capsys.readouterr().out == (  # the Action's log: stdout
        "awesome-lint: error: GITHUB_EVENT_NAME is not set: run this inside a GitHub Actions workflow\n"
    )


def test_diff_splits_lines_at_newlines_only(tmp_path: Path) -> None:
    # str.splitlines would also split at U+2028 and produce a patch(1) cannot apply.
    before = "# Awesome X\n\n- [A](https://a.example) - x\u2028y\n- [B](https://b.example) - b\n"
    after = before.replace(" - b\n", " - B.\n")
    diff = unified_diff("list.md", before, after)
    assert diff == (
        "--- list.md\n+++ list.md\n@@ -1,4 +1,4 @@\n # Awesome X\n \n"
        " - [A](https://a.example) - x\u2028y\n-- [B](https://b.example) - b\n+- [B](https://b.example) - B.\n"
    )
