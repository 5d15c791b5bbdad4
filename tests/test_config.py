"""Configuration: discovery, validation messages, CLI overrides, and no pydantic without a file."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
import textwrap
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar, Literal

import pytest

import awesome_lint.linter as linter_module
import awesome_lint.rules as rules_module
from awesome_lint.config import CliOverrides, ConfigSource, load_config, validate
from awesome_lint.diagnostics import FatalError
from awesome_lint.linter import LintConfig
from awesome_lint.online.settings import OnlineSettings
from awesome_lint.rules import NoOptions, Rule, Settings


@dataclass(frozen=True)
class SortOptions:
    ignore_sections: tuple[str, ...] = ()
    ignore_case: bool = True
    max_depth: int = 2
    style: Literal["dash", "star"] = "dash"


class _SortRule(Rule[SortOptions]):
    id: ClassVar[str] = "test-sort"
    aliases: ClassVar[tuple[str, ...]] = ("awesome-sorted",)
    summary: ClassVar[str] = "test"
    Options = SortOptions


class _EntryRule(Rule[NoOptions]):
    id: ClassVar[str] = "test-entry"
    aliases: ClassVar[tuple[str, ...]] = ("awesome-list-item",)
    summary: ClassVar[str] = "test"


class _OffRule(Rule[NoOptions]):
    id: ClassVar[str] = "test-off"
    summary: ClassVar[str] = "test"
    default_enabled: ClassVar[bool] = False


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fake registry and a project folder as the working directory (messages show relative paths)."""
    fake = (_SortRule, _EntryRule, _OffRule)
    monkeypatch.setattr(rules_module, "RULES", fake)
    monkeypatch.setattr(linter_module, "RULES", fake)  # LintConfig.enabled_rules reads its own import
    monkeypatch.chdir(tmp_path)
    return tmp_path


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def fatal(target: Path, config_path: Path | None = None) -> str:
    with pytest.raises(FatalError) as raised:
        load_config(target, config_path)
    message = str(raised.value)
    assert "\n" not in message
    return message


# -- discovery ------------------------------------------------------------------------------------


def test_no_config_file_gives_the_defaults(project: Path) -> None:
    if any((folder / name).exists() for folder in project.parents for name in ("pyproject.toml", ".awesome-lint.toml")):
        pytest.skip("a configuration file above the temporary folder")
    assert load_config(project / "README.md", None, CliOverrides()) == LintConfig()


def test_walks_up_from_the_linted_file(project: Path) -> None:
    write(project / "pyproject.toml", '[tool.awesome-lint]\nselect = ["test-sort"]\n')
    assert load_config(project / "docs" / "lists" / "README.md").select == {"test-sort"}


def test_target_may_be_a_directory(project: Path) -> None:
    write(project / "lists" / ".awesome-lint.toml", 'ignore = ["test-sort"]\n')
    assert load_config(project / "lists").ignore == {"test-sort"}


def test_pyproject_without_the_section_is_skipped(project: Path) -> None:
    write(project / "pyproject.toml", '[tool.awesome-lint]\nselect = ["test-sort"]\n')
    write(project / "sub" / "pyproject.toml", '[project]\nname = "x"\n[tool.ruff]\nline-length = 3\n')
    assert load_config(project / "sub" / "README.md").select == {"test-sort"}


def test_nearest_file_wins(project: Path) -> None:
    write(project / ".awesome-lint.toml", 'select = ["test-sort"]\n')
    write(project / "sub" / "pyproject.toml", '[tool.awesome-lint]\nselect = ["test-entry"]\n')
    assert load_config(project / "sub" / "README.md").select == {"test-entry"}


def test_dotfile_beats_pyproject_in_the_same_folder(project: Path) -> None:
    write(project / "pyproject.toml", '[tool.awesome-lint]\nselect = ["test-entry"]\n')
    write(project / ".awesome-lint.toml", 'select = ["test-sort"]\n')
    assert load_config(project / "README.md").select == {"test-sort"}


def test_config_flag_names_the_file(project: Path) -> None:
    write(project / ".awesome-lint.toml", 'select = ["test-entry"]\n')
    chosen = write(project / "ci" / "lint.toml", 'select = ["test-sort"]\n')
    assert load_config(project / "README.md", chosen).select == {"test-sort"}


def test_config_flag_with_a_pyproject_reads_its_tool_table(project: Path) -> None:
    chosen = write(project / "elsewhere" / "pyproject.toml", '[tool.awesome-lint]\nselect = ["test-sort"]\n')
    assert load_config(project / "README.md", chosen).select == {"test-sort"}


def test_config_flag_errors(project: Path) -> None:
    assert fatal(project / "README.md", project / "missing.toml") == "missing.toml: configuration file not found"
    bare = write(project / "pyproject.toml", '[project]\nname = "x"\n')
    assert fatal(project / "README.md", bare) == "pyproject.toml: no [tool.awesome-lint] table"


def test_empty_section_gives_the_defaults(project: Path) -> None:
    write(project / "pyproject.toml", "[tool.awesome-lint]\n")
    assert load_config(project / "README.md") == LintConfig()


# -- values ---------------------------------------------------------------------------------------


def test_rule_options_and_settings(project: Path) -> None:
    write(
        project / "pyproject.toml",
        """\
        [tool.awesome-lint]
        toc-titles = ["Index"]
        tail-sections = ["Credits", "License"]
        [tool.awesome-lint.test-sort]
        ignore-sections = ["Contents", "Misc"]
        max-depth = 3
        style = "star"
        """,
    )
    config = load_config(project / "README.md")
    assert config.rule_options == {
        "test-sort": SortOptions(ignore_sections=("Contents", "Misc"), max_depth=3, style="star")
    }
    assert config.settings == Settings(toc_titles=("Index",), tail_sections=("Credits", "License"))
    assert config.select is None


def test_alias_ids_in_select_and_ignore(project: Path) -> None:
    write(project / ".awesome-lint.toml", 'select = ["awesome-sorted", "test-off"]\nignore = ["awesome-list-item"]\n')
    config = load_config(project / "README.md")
    assert config.select == {"test-sort", "test-off"}
    assert config.ignore == {"test-entry"}
    assert [rule.id for rule in config.enabled_rules()] == ["test-sort", "test-off"]


def test_select_all(project: Path) -> None:
    write(project / ".awesome-lint.toml", 'select = ["ALL"]\n')
    assert load_config(project / "README.md").select == {"test-sort", "test-entry", "test-off"}


# -- errors ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        (
            "[tool.awesome-lint]\nselct = []\n",
            "pyproject.toml: [tool.awesome-lint] unknown key 'selct': expected one of select, ignore, toc-titles, "
            "tail-sections, an online table, or a table named after a rule id",
        ),
        (
            "[tool.awesome-lint.no-such-rule]\nx = 1\n",
            "pyproject.toml: [tool.awesome-lint.no-such-rule] unknown rule 'no-such-rule': no rule has that id",
        ),
        (
            "[tool.awesome-lint.awesome-sorted]\nmax-depth = 1\n",
            "pyproject.toml: [tool.awesome-lint.awesome-sorted] unknown rule 'awesome-sorted': "
            "options go under the rule id (test-sort)",
        ),
        (
            "[tool.awesome-lint.test-sort]\nignore-section = []\n",
            "pyproject.toml: [tool.awesome-lint.test-sort] unknown option 'ignore-section': expected one of "
            "ignore-sections, ignore-case, max-depth, style",
        ),
        (
            "[tool.awesome-lint.test-entry]\nstrict = true\n",
            "pyproject.toml: [tool.awesome-lint.test-entry] unknown option 'strict': this rule takes no options",
        ),
        (
            "[tool.awesome-lint.test-sort]\nignore-sections = 3\n",
            "pyproject.toml: [tool.awesome-lint.test-sort] ignore-sections: expected a list of strings, got 3",
        ),
        (
            '[tool.awesome-lint.test-sort]\nignore-sections = ["A", 3]\n',
            'pyproject.toml: [tool.awesome-lint.test-sort] ignore-sections: expected a list of strings, got ["A", 3]',
        ),
        (
            '[tool.awesome-lint.test-sort]\nignore-case = "yes"\n',
            'pyproject.toml: [tool.awesome-lint.test-sort] ignore-case: expected true or false, got "yes"',
        ),
        (
            "[tool.awesome-lint.test-sort]\nmax-depth = 2.5\n",
            "pyproject.toml: [tool.awesome-lint.test-sort] max-depth: expected an integer, got 2.5",
        ),
        (
            '[tool.awesome-lint.test-sort]\nstyle = "plus"\n',
            'pyproject.toml: [tool.awesome-lint.test-sort] style: expected one of "dash", "star", got "plus"',
        ),
        (
            "[tool.awesome-lint]\ntest-sort = 1\n",
            "pyproject.toml: [tool.awesome-lint] test-sort: expected a table of options, got 1",
        ),
        (
            '[tool.awesome-lint]\nselect = "test-sort"\n',
            'pyproject.toml: [tool.awesome-lint] select: expected a list of strings, got "test-sort"',
        ),
        (
            '[tool.awesome-lint]\nignore = ["test-sort", "nope"]\n',
            "pyproject.toml: [tool.awesome-lint] ignore: unknown rule 'nope'",
        ),
        (
            '[tool]\nawesome-lint = "on"\n',
            'pyproject.toml: tool.awesome-lint: expected a table, got "on"',
        ),
    ],
)
def test_pyproject_errors(project: Path, toml: str, message: str) -> None:
    write(project / "pyproject.toml", toml)
    assert fatal(project / "README.md") == message


def test_dotfile_errors_name_tables_without_the_tool_prefix(project: Path) -> None:
    write(project / ".awesome-lint.toml", "[test-sort]\nignore-sections = 3\n")
    assert fatal(project / "README.md") == ".awesome-lint.toml: [test-sort] ignore-sections: expected a list of strings, got 3"
    write(project / ".awesome-lint.toml", "tail-sections = [1]\n")
    assert fatal(project / "README.md") == ".awesome-lint.toml: tail-sections: expected a list of strings, got [1]"


def test_toml_syntax_error_names_file_and_line(project: Path) -> None:
    write(project / "pyproject.toml", '[tool.awesome-lint]\nselect = ["a"\nignore = []\n')
    message = fatal(project / "README.md")
    assert message.startswith("pyproject.toml: invalid TOML: ")
    assert "line 3" in message


def test_error_path_outside_the_working_directory_is_absolute(project: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    other = tmp_path_factory.mktemp("other")
    write(other / ".awesome-lint.toml", "bogus = 1\n")
    assert fatal(other / "README.md").startswith(f"{other / '.awesome-lint.toml'}: unknown key 'bogus'")


# -- command line ---------------------------------------------------------------------------------


def test_cli_select_replaces_the_files_select_and_ignore(project: Path) -> None:
    write(project / ".awesome-lint.toml", 'select = ["test-sort"]\nignore = ["test-entry"]\n')
    config = load_config(project / "README.md", None, CliOverrides(select=("awesome-list-item",)))
    assert (config.select, config.ignore) == ({"test-entry"}, frozenset())


def test_cli_ignore_adds_to_the_files_ignore(project: Path) -> None:
    write(project / ".awesome-lint.toml", 'ignore = ["test-entry"]\n')
    config = load_config(project / "README.md", None, CliOverrides(ignore=("awesome-sorted",)))
    assert (config.select, config.ignore) == (None, {"test-entry", "test-sort"})


def test_cli_extend_select_adds_to_the_defaults_and_beats_the_files_ignore(project: Path) -> None:
    write(project / ".awesome-lint.toml", 'ignore = ["test-off"]\n')
    config = load_config(project / "README.md", None, CliOverrides(extend_select=("test-off",)))
    assert (config.select, config.ignore) == ({"test-sort", "test-entry", "test-off"}, frozenset())


def test_cli_overrides_without_a_file(project: Path) -> None:
    config = load_config(project / "README.md", None, CliOverrides(select=("test-sort", "test-entry"), ignore=("test-entry",)))
    assert [rule.id for rule in config.enabled_rules()] == ["test-sort"]


def test_cli_unknown_id(project: Path) -> None:
    with pytest.raises(FatalError, match=r"^--ignore: unknown rule 'nope'$"):
        load_config(project / "README.md", None, CliOverrides(ignore=("nope",)))


def test_cli_does_not_drop_the_files_options(project: Path) -> None:
    write(project / ".awesome-lint.toml", "[test-sort]\nmax-depth = 1\n")
    config = load_config(project / "README.md", None, CliOverrides(select=("test-sort",)))
    assert config.rule_options == {"test-sort": SortOptions(max_depth=1)}


# -- the online table -----------------------------------------------------------------------------


def test_online_table_sets_every_knob(project: Path) -> None:
    write(
        project / "pyproject.toml",
        """\
        [tool.awesome-lint.online]
        enabled = true
        timeout = 5
        max-concurrency = 8
        max-per-host = 2
        retries = 0
        max-retry-wait = 2.5
        cache-hours = 48
        cache-failure-hours = 0
        exclude = ["^https://example\\\\.com/", "localhost"]
        repository = "sindresorhus/awesome"
        """,
    )
    assert load_config(project / "README.md").online == OnlineSettings(
        enabled=True,
        timeout=5.0,
        max_concurrency=8,
        max_per_host=2,
        retries=0,
        max_retry_wait=2.5,
        cache_hours=48.0,
        cache_failure_hours=0.0,
        exclude=("^https://example\\.com/", "localhost"),
        repository="sindresorhus/awesome",
    )


def test_online_table_keeps_the_defaults_it_does_not_name(project: Path) -> None:
    write(project / ".awesome-lint.toml", "[online]\ntimeout = 3\n")
    assert load_config(project / "README.md").online == OnlineSettings(timeout=3.0)


def test_without_an_online_table_the_checks_are_off(project: Path) -> None:
    write(project / ".awesome-lint.toml", 'select = ["test-sort"]\n')
    assert load_config(project / "README.md").online == OnlineSettings(enabled=False)


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        (
            "online = true\n",
            ".awesome-lint.toml: online: expected a table of settings (enabled, timeout...), got true",
        ),
        (
            "[online]\nenable = true\n",
            ".awesome-lint.toml: [online] unknown key 'enable': expected one of enabled, timeout, max-concurrency, "
            "max-per-host, retries, max-retry-wait, cache-hours, cache-failure-hours, exclude, repository",
        ),
        ('[online]\nenabled = "yes"\n', '.awesome-lint.toml: [online] enabled: expected true or false, got "yes"'),
        ('[online]\ntimeout = "5"\n', '.awesome-lint.toml: [online] timeout: expected a number, got "5"'),
        ("[online]\nmax-per-host = 2.5\n", ".awesome-lint.toml: [online] max-per-host: expected an integer, got 2.5"),
        ('[online]\nexclude = "x"\n', '.awesome-lint.toml: [online] exclude: expected a list of strings, got "x"'),
        ("[online]\ntimeout = 0\n", ".awesome-lint.toml: [online] timeout: expected a number above 0, got 0"),
        ("[online]\nmax-concurrency = 0\n", ".awesome-lint.toml: [online] max-concurrency: expected a number above 0, got 0"),
        ("[online]\nmax-per-host = -1\n", ".awesome-lint.toml: [online] max-per-host: expected a number above 0, got -1"),
        ("[online]\nretries = -1\n", ".awesome-lint.toml: [online] retries: expected 0 or more, got -1"),
        ("[online]\ncache-hours = -0.5\n", ".awesome-lint.toml: [online] cache-hours: expected 0 or more, got -0.5"),
        (
            '[online]\nexclude = ["ok", "("]\n',
            '.awesome-lint.toml: [online] exclude: invalid regular expression "(": '
            "missing ), unterminated subpattern at position 0",
        ),
        ('[online]\nrepository = "awesome"\n', '.awesome-lint.toml: [online] repository: expected "owner/name", got "awesome"'),
        (
            '[online]\nrepository = "https://github.com/a/b"\n',
            '.awesome-lint.toml: [online] repository: expected "owner/name", got "https://github.com/a/b"',
        ),
    ],
)
def test_online_table_errors(project: Path, toml: str, message: str) -> None:
    write(project / ".awesome-lint.toml", toml)
    assert fatal(project / "README.md") == message


def test_online_table_errors_in_pyproject_name_the_tool_table(project: Path) -> None:
    write(project / "pyproject.toml", "[tool.awesome-lint.online]\nretries = 1.5\n")
    assert fatal(project / "README.md") == "pyproject.toml: [tool.awesome-lint.online] retries: expected an integer, got 1.5"


def test_online_is_not_a_rule_id(project: Path) -> None:
    write(project / ".awesome-lint.toml", 'select = ["online"]\n')
    assert fatal(project / "README.md") == ".awesome-lint.toml: select: unknown rule 'online'"


def test_cli_online_flags_override_the_file(project: Path) -> None:
    write(project / ".awesome-lint.toml", "[online]\nenabled = false\ntimeout = 2\n")
    turned_on = load_config(project / "README.md", None, CliOverrides(online=True)).online
    assert turned_on == OnlineSettings(enabled=True, timeout=2.0)
    write(project / ".awesome-lint.toml", "[online]\nenabled = true\n")
    assert load_config(project / "README.md", None, CliOverrides(online=False)).online.enabled is False
    assert load_config(project / "README.md", None, CliOverrides()).online.enabled is True


def test_the_readme_shows_the_online_defaults() -> None:
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    block = readme.split("```toml\n[tool.awesome-lint.online]", 1)[1].split("```", 1)[0]
    source = ConfigSource(Path("pyproject.toml"), {"online": _parse_toml(block)}, "tool.awesome-lint")
    assert validate(source).online == OnlineSettings(repository="owner/name")


# -- the real registry ----------------------------------------------------------------------------


def _parse_toml(text: str) -> dict[str, Any]:
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - exercised on 3.10 only
        import tomli as tomllib
    return tomllib.loads(text)


def _as_toml(value: Any) -> Any:
    if isinstance(value, (tuple, list)):
        return [_as_toml(item) for item in value]
    if isinstance(value, (set, frozenset)):
        return sorted(_as_toml(item) for item in value)
    if isinstance(value, dict):
        return {key: _as_toml(item) for key, item in value.items()}
    return value


def test_every_registered_rule_accepts_its_own_defaults_written_as_toml() -> None:
    table: dict[str, Any] = {}
    for rule in rules_module.RULES:
        if dataclasses.is_dataclass(rule.Options):
            defaults = rule.Options()
            table[rule.id] = {
                field.name.replace("_", "-"): _as_toml(getattr(defaults, field.name))
                for field in dataclasses.fields(defaults)
            }
    config = validate(ConfigSource(Path("pyproject.toml"), table, "tool.awesome-lint"))
    assert config.rule_options == {rule_id: rules_module.rules_by_id()[rule_id].Options() for rule_id in table}


# -- cost -----------------------------------------------------------------------------------------


def test_no_config_file_does_not_import_pydantic(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", '[project]\nname = "x"\n')  # a pyproject that does not mention us
    write(tmp_path / "empty" / ".awesome-lint.toml", "")  # an empty section needs no validation
    script = (
        "import sys\n"
        "from pathlib import Path\n"
        "from awesome_lint.config import load_config\n"
        "load_config(Path('README.md'))\n"
        "load_config(Path('empty/README.md'))\n"
        "print('pydantic' in sys.modules)\n"
    )
    result = subprocess.run([sys.executable, "-c", script], cwd=tmp_path, capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


def test_a_config_with_settings_does_import_pydantic(tmp_path: Path) -> None:
    write(tmp_path / ".awesome-lint.toml", 'toc-titles = ["Index"]\n')
    script = (
        "import sys\n"
        "from pathlib import Path\n"
        "from awesome_lint.config import load_config\n"
        "print(load_config(Path('README.md')).settings.toc_titles, 'pydantic' in sys.modules)\n"
    )
    result = subprocess.run([sys.executable, "-c", script], cwd=tmp_path, capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "('Index',) True"
