"""`awesome-lint -` and `--stdin-filename PATH`: the list comes from stdin, the name from PATH.

Round trips through main(argv) (stdin replaced) and through the real CLI in a subprocess.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from awesome_lint.cli import main

SRC = Path(__file__).resolve().parents[1] / "src"

BROKEN = """\
# Awesome Things

## Tools

- [Zeta](https://zeta.example) - Does zeta
- [Alpha](https://alpha.example) - Does alpha.
"""

FIXED = """\
# Awesome Things

## Tools

- [Alpha](https://alpha.example) - Does alpha.
- [Zeta](https://zeta.example) - Does zeta.
"""

SELECT = ("--select", "description-period,alphabetical-order")


@pytest.fixture
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("NO_COLOR", "1")
    return tmp_path


def run_with_stdin(
    monkeypatch: pytest.MonkeyPatch, capsysbinary: pytest.CaptureFixture[bytes], data: bytes, *argv: str
) -> tuple[int, bytes, str]:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    code = main(list(argv))
    captured = capsysbinary.readouterr()
    return code, captured.out, captured.err.decode()


def test_dash_lints_stdin_and_names_it_dash(
    in_tmp: Path, monkeypatch: pytest.MonkeyPatch, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    code, out, err = run_with_stdin(monkeypatch, capsysbinary, BROKEN.encode(), "-", *SELECT)
    assert (code, err) == (1, "")
    lines = [line for line in out.decode().splitlines() if line.startswith("-:")]
    assert [line.split(" ", 2)[:2] for line in lines] == [
        ["-:5:1:", "alphabetical-order"],
        ["-:5:42:", "description-period"],
    ]


def test_stdin_filename_names_the_messages(
    in_tmp: Path, monkeypatch: pytest.MonkeyPatch, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    code, out, _ = run_with_stdin(
        monkeypatch, capsysbinary, BROKEN.encode(), "--stdin-filename", "lists/README.md", *SELECT
    )
    assert code == 1
    assert out.decode().startswith("lists/README.md:5:1: alphabetical-order ")


def test_config_is_found_from_the_stdin_filename_folder(
    in_tmp: Path, monkeypatch: pytest.MonkeyPatch, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    (in_tmp / "lists").mkdir()
    (in_tmp / "lists" / ".awesome-lint.toml").write_text('select = ["description-period"]\n')
    named = run_with_stdin(
        monkeypatch, capsysbinary, BROKEN.encode(), "--stdin-filename", "lists/README.md", "--output-format", "json"
    )
    assert named[0] == 1 and '"code": "description-period"' in named[1].decode()
    assert b"alphabetical-order" not in named[1]
    # Read as '-' from the parent folder, that configuration does not apply.
    unnamed = run_with_stdin(monkeypatch, capsysbinary, BROKEN.encode(), "-", "--output-format", "json")
    assert b'"code": "alphabetical-order"' in unnamed[1]


def test_repository_files_are_checked_beside_a_real_readme_only(
    in_tmp: Path, monkeypatch: pytest.MonkeyPatch, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    select = ("--select", "license-file", "--output-format", "json")
    beside = run_with_stdin(monkeypatch, capsysbinary, FIXED.encode(), "--stdin-filename", "README.md", *select)
    assert beside[0] == 1 and b'"code": "license-file"' in beside[1]
    (in_tmp / "LICENSE").write_text("CC0\n")
    licensed = run_with_stdin(monkeypatch, capsysbinary, FIXED.encode(), "--stdin-filename", "README.md", *select)
    assert licensed[:2] == (0, b"[]\n")
    for name in ("-", "no-such-folder/README.md"):
        unknown = run_with_stdin(monkeypatch, capsysbinary, FIXED.encode(), "--stdin-filename", name, *select)
        assert unknown[:2] == (0, b"[]\n"), name


def test_fix_writes_the_fixed_text_to_stdout_and_the_report_to_stderr(
    in_tmp: Path, monkeypatch: pytest.MonkeyPatch, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    (in_tmp / "README.md").write_text("on disk, not touched\n")
    code, out, err = run_with_stdin(
        monkeypatch, capsysbinary, BROKEN.encode(), "--fix", "--stdin-filename", "README.md", *SELECT
    )
    assert (code, out) == (0, FIXED.encode())
    assert err == "Found 2 errors (2 fixed, 0 remaining).\n"
    assert (in_tmp / "README.md").read_text() == "on disk, not touched\n"


def test_exit_non_zero_on_fix_counts_a_changed_stdin(
    in_tmp: Path, monkeypatch: pytest.MonkeyPatch, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    flags = ("--fix", "--exit-non-zero-on-fix", "-", *SELECT)
    changed = run_with_stdin(monkeypatch, capsysbinary, BROKEN.encode(), *flags)
    assert changed[:2] == (1, FIXED.encode())
    unchanged = run_with_stdin(monkeypatch, capsysbinary, FIXED.encode(), *flags)
    assert unchanged[:2] == (0, FIXED.encode())


def test_fix_keeps_bom_and_crlf_byte_for_byte(
    in_tmp: Path, monkeypatch: pytest.MonkeyPatch, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    def crlf(text: str) -> bytes:
        return b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode()

    code, out, _ = run_with_stdin(monkeypatch, capsysbinary, crlf(BROKEN), "--fix", "-", *SELECT)
    assert (code, out) == (0, crlf(FIXED))


def test_fix_with_nothing_to_fix_echoes_the_input(
    in_tmp: Path, monkeypatch: pytest.MonkeyPatch, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    unfixable = FIXED + "- [Gamma](https://gamma.example)\n"
    code, out, err = run_with_stdin(
        monkeypatch, capsysbinary, unfixable.encode(), "--fix", "-", "--select", "missing-description"
    )
    assert (code, out) == (1, unfixable.encode())
    assert err.startswith("-:7:3: missing-description ")


def test_diff_prints_the_diff_named_after_the_stdin_filename(
    in_tmp: Path, monkeypatch: pytest.MonkeyPatch, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    code, out, err = run_with_stdin(
        monkeypatch, capsysbinary, BROKEN.encode(), "--diff", "--stdin-filename", "README.md", *SELECT
    )
    assert code == 1
    assert out.decode() == (
        "--- README.md\n+++ README.md\n@@ -2,5 +2,5 @@\n \n ## Tools\n \n"
        "-- [Zeta](https://zeta.example) - Does zeta\n"
        " - [Alpha](https://alpha.example) - Does alpha.\n"
        "+- [Zeta](https://zeta.example) - Does zeta.\n"
    )
    assert err == "Would fix 2 errors (0 remaining).\n"


@pytest.mark.parametrize(
    ("argv", "data", "message"),
    [
        (("-", "other.md"), BROKEN.encode(), "'-' reads the list from stdin: give no other paths"),
        (
            ("--stdin-filename", "README.md", "other.md"),
            BROKEN.encode(),
            "--stdin-filename names the list read from stdin: give no other paths (or '-')",
        ),
        (("-",), b"  \n", "-: empty input on stdin, nothing to lint"),
        (("--stdin-filename", "x.md"), b"# Caf\xe9\n", "x.md:1:6: not valid UTF-8 (byte 0xe9 at offset 5)"),
    ],
)
def test_input_errors_are_one_line_and_exit_2(
    in_tmp: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsysbinary: pytest.CaptureFixture[bytes],
    argv: tuple[str, ...],
    data: bytes,
    message: str,
) -> None:
    (in_tmp / "other.md").write_text(FIXED)
    assert run_with_stdin(monkeypatch, capsysbinary, data, *argv) == (2, b"", f"awesome-lint: error: {message}\n")


# -- the real CLI, through a pipe --------------------------------------------------------------
def cli(stdin: bytes, *argv: str, cwd: Path) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(SRC), os.environ.get("PYTHONPATH")]))}
    env.pop("FORCE_COLOR", None)
    return subprocess.run(
        [sys.executable, "-m", "awesome_lint", *argv], input=stdin, capture_output=True, cwd=cwd, env=env, timeout=60
    )


def test_subprocess_round_trip_fix_then_clean(tmp_path: Path) -> None:
    fixed = cli(BROKEN.encode(), "--fix", "-", *SELECT, cwd=tmp_path)
    assert (fixed.returncode, fixed.stdout) == (0, FIXED.encode())
    again = cli(fixed.stdout, "-", *SELECT, cwd=tmp_path)
    assert (again.returncode, again.stdout) == (0, b"All checks passed!\n")


def test_subprocess_reports_findings_from_stdin(tmp_path: Path) -> None:
    result = cli(BROKEN.encode(), "--stdin-filename", "README.md", "--output-format", "github", *SELECT, cwd=tmp_path)
    assert result.returncode == 1
    assert result.stdout.decode().splitlines()[0] == (
        "::error file=README.md,line=5,col=1,endColumn=43,title=awesome-lint (alphabetical-order)"
        "::Sort entries alphabetically: 'Zeta' should come after 'Alpha' (line 6)"
    )
