"""Packaging: the version is declared once per file and agrees; the built wheel holds the
spell-check data and installs and runs in a fresh venv; `twine check` passes.

Building needs the build backend (hatchling) from the package index, and the fresh venv needs the
dependencies: the build tests are marked `network`, like tests/test_precommit.py.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tarfile
import venv
import zipfile
from pathlib import Path

import pytest

import awesome_lint

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib

ROOT = Path(__file__).resolve().parents[1]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
SPELLINGS = "awesome_lint/rules/data/spellings.txt"

MISSPELLED_LIST = "# Awesome Things\n\n- [Tool](https://tool.example) - Works with Github.\n"


def test_version_agrees_everywhere() -> None:
    version = PYPROJECT["project"]["version"]
    assert awesome_lint.__version__ == version
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    # The release workflow refuses a tag whose version has no section: the current version has one
    # (or is still listed as Unreleased before its first tag).
    assert re.search(rf"^## \[({re.escape(version)}|Unreleased)\]", changelog, re.M)


def test_test_extra_has_what_the_tests_import() -> None:
    test_extra = " ".join(PYPROJECT["project"]["optional-dependencies"]["test"])
    for package in ("pytest", "hypothesis", "pre-commit", "PyGithub", "PyYAML", "jsonschema", "build", "twine"):
        assert package in test_extra, package


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    result = subprocess.run(
        [sys.executable, "-m", "build", "--outdir", str(out), str(ROOT)], capture_output=True, text=True, timeout=600
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return out


def one(folder: Path, pattern: str) -> Path:
    (found,) = folder.glob(pattern)
    return found


@pytest.mark.network
def test_wheel_holds_the_package_and_its_data(dist: Path) -> None:
    with zipfile.ZipFile(one(dist, "*.whl")) as wheel:
        names = set(wheel.namelist())
        assert SPELLINGS in names
        assert "awesome_lint/cli.py" in names and "awesome_lint/report/sarif.py" in names
        assert not any(name.startswith(("tests/", "bench/", "examples/")) for name in names)
        assert wheel.read(SPELLINGS) == (ROOT / "src" / SPELLINGS).read_bytes()
        assert any(name.endswith(".dist-info/licenses/LICENSE") for name in names)


@pytest.mark.network
def test_sdist_holds_the_sources_tests_and_docs(dist: Path) -> None:
    with tarfile.open(one(dist, "*.tar.gz")) as sdist:
        names = {name.split("/", 1)[1] for name in sdist.getnames() if "/" in name}
    for expected in ("pyproject.toml", "README.md", "CHANGELOG.md", f"src/{SPELLINGS}", "docs/rules.md",
                     "tests/data/sarif-schema-2.1.0.json"):
        assert expected in names, expected


@pytest.mark.network
def test_twine_check_passes(dist: Path) -> None:
    files = [str(path) for path in sorted(dist.iterdir())]
    result = subprocess.run(
        [sys.executable, "-m", "twine", "check", "--strict", *files], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.network
def test_wheel_installs_and_runs_in_a_fresh_venv(dist: Path, tmp_path: Path) -> None:
    environment = tmp_path / "venv"
    venv.create(environment, with_pip=True)
    bin_dir = environment / ("Scripts" if os.name == "nt" else "bin")
    install = subprocess.run(
        [str(bin_dir / "python"), "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
         str(one(dist, "*.whl"))],
        capture_output=True, text=True, timeout=600,
    )
    assert install.returncode == 0, install.stdout + install.stderr
    (tmp_path / "README.md").write_text(MISSPELLED_LIST)
    # Outside the checkout, so only the installed package can answer; spell-check reads the data file.
    result = subprocess.run(
        [str(bin_dir / "awesome-lint"), "--select", "spell-check", "--output-format", "json", "README.md"],
        capture_output=True, text=True, cwd=tmp_path, timeout=120, env={**os.environ, "PYTHONPATH": ""},
    )
    assert result.returncode == 1, result.stderr
    assert '"code": "spell-check"' in result.stdout and "GitHub" in result.stdout
    version = subprocess.run([str(bin_dir / "awesome-lint"), "--version"], capture_output=True, text=True)
    assert version.stdout == f"awesome-lint {awesome_lint.__version__}\n"
