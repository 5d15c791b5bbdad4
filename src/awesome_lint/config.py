"""Configuration: defaults < ``[tool.awesome-lint]`` / ``.awesome-lint.toml`` < CLI flags.

The file is found by walking up from the linted file: in each folder, ``.awesome-lint.toml``
(its top-level table is the configuration) beats a ``pyproject.toml`` with a
``[tool.awesome-lint]`` table; the nearest folder with either wins. ``--config PATH`` names the
file instead. Keys (kebab-case):

    select = ["alphabetical-order", "awesome-list-item"]   # ids or aliases; "ALL" = every rule
    ignore = ["duplicate-link"]
    toc-titles = ["Contents"]
    tail-sections = ["Contributing", "License"]
    [tool.awesome-lint.alphabetical-order]                  # one table per rule id: its Options
    ignore-sections = ["Contents"]
    [tool.awesome-lint.online]                              # the online checks (OnlineSettings)
    enabled = true
    exclude = ["^https://example\\.com/"]

Rule selection follows ruff: ``--select`` replaces the file's ``select`` and ``ignore``;
``--extend-select`` adds rules (winning over the file's ``ignore``); ``--ignore`` adds to the ignores.
``--online`` / ``--no-online`` turn the online checks on or off whatever the file says.

pydantic is imported only when a file has settings to validate: with no configuration file the
defaults cost nothing. The validation model is built from each rule's ``Options`` dataclass, so a
new rule's options need no code here.
"""

from __future__ import annotations

import dataclasses
import re
import sys
import typing
from pathlib import Path
from typing import Any, Mapping, NamedTuple

from awesome_lint.diagnostics import FatalError
from awesome_lint.linter import LintConfig
from awesome_lint.online.settings import OnlineSettings
import awesome_lint.rules as registry
from awesome_lint.rules import Rule, Settings, resolve_rule_id

PYPROJECT = "pyproject.toml"
DOTFILE = ".awesome-lint.toml"
ALL = "ALL"
TOP_LEVEL_KEYS = ("select", "ignore", "toc-titles", "tail-sections")
ONLINE = "online"  # the table of OnlineSettings; no rule may take this id
_SLUG = re.compile(r"[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+\Z")


class CliOverrides(NamedTuple):
    """What the command line says about rule selection (ruff conventions).

    ``select``: ``--select`` ids (ours or aliases); replaces the file's ``select`` and ``ignore``.
    ``extend_select``: ``--extend-select`` ids, added to the selection (and taken out of ``ignore``).
    ``ignore``: ``--ignore`` ids, added to the ignores.
    ``online``: ``--online`` (True) or ``--no-online`` (False).
    ``None`` / empty means "the flag was not given".
    """

    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    online: bool | None = None


class ConfigSource(NamedTuple):
    path: Path
    table: dict[str, Any]  # the awesome-lint table
    header: str  # how the table is named in messages: "tool.awesome-lint" or "" (top level)


def load_config(target: Path, config_path: Path | None = None, cli: CliOverrides = CliOverrides()) -> LintConfig:
    """The LintConfig for linting ``target`` (a file or a directory)."""
    source = read_config_file(config_path) if config_path is not None else find_config(target)
    file_config = validate(source) if source is not None and source.table else LintConfig()
    return apply_cli(file_config, cli)


# -- finding and reading the file ---------------------------------------------------------------


def find_config(target: Path) -> ConfigSource | None:
    """The nearest configuration above ``target``, or None."""
    start = target.absolute()
    directory = start if start.is_dir() else start.parent
    for folder in (directory, *directory.parents):
        dotfile = folder / DOTFILE
        if dotfile.is_file():
            return ConfigSource(dotfile, _read_toml(dotfile), "")
        pyproject = folder / PYPROJECT
        if pyproject.is_file():
            source = _pyproject_source(pyproject)
            if source is not None:
                return source
    return None


def read_config_file(path: Path) -> ConfigSource:
    """The file given with ``--config``: a pyproject.toml (its tool table) or an awesome-lint TOML."""
    if not path.is_file():
        raise FatalError(f"{_display(path)}: configuration file not found")
    if path.name == PYPROJECT:
        source = _pyproject_source(path)
        if source is None:
            raise FatalError(f"{_display(path)}: no [tool.awesome-lint] table")
        return source
    return ConfigSource(path, _read_toml(path), "")


def _pyproject_source(path: Path) -> ConfigSource | None:
    raw = _read_text(path)
    if "awesome-lint" not in raw:
        return None  # cheap: most pyproject.toml files never mention us, parse none of them
    data = _parse_toml(path, raw)
    tool = data.get("tool")
    if not isinstance(tool, dict) or "awesome-lint" not in tool:
        return None
    table = tool["awesome-lint"]
    if not isinstance(table, dict):
        raise FatalError(f"{_display(path)}: tool.awesome-lint: expected a table, got {_show(table)}")
    return ConfigSource(path, table, "tool.awesome-lint")


def _read_toml(path: Path) -> dict[str, Any]:
    return _parse_toml(path, _read_text(path))


def _read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise FatalError(f"{_display(path)}: cannot read configuration: {error}") from None


def _parse_toml(path: Path, raw: str) -> dict[str, Any]:
    if sys.version_info >= (3, 11):  # imported here: most runs read no configuration at all
        import tomllib
    else:  # pragma: no cover - exercised on 3.10 only
        import tomli as tomllib
    try:
        return tomllib.loads(raw)
    except tomllib.TOMLDecodeError as error:
        raise FatalError(f"{_display(path)}: invalid TOML: {error}") from None


def _display(path: Path) -> str:
    try:
        return str(path.absolute().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def _show(value: Any) -> str:
    """A value as it looks in TOML (near enough) for messages."""
    import json

    try:
        return json.dumps(value, ensure_ascii=False)
    except (TypeError, ValueError):
        return str(value)


# -- validating ----------------------------------------------------------------------------------


def validate(source: ConfigSource) -> LintConfig:
    """Check the table against the rules' Options (pydantic) and build the LintConfig."""
    by_id = {rule.id: rule for rule in registry.RULES}
    _check_keys(source, by_id)
    values = _validate_with_pydantic(source, by_id)
    select = values.get("select")
    return LintConfig(
        select=frozenset(_resolve_ids(source, "select", select)) if select is not None else None,
        ignore=frozenset(_resolve_ids(source, "ignore", values.get("ignore") or ())),
        rule_options={rule: _build_settings(by_id[rule].Options, options) for rule, options in values["rules"].items()},
        settings=_settings(values),
        online=_online_settings(source, values["online"]),
    )


def _check_keys(source: ConfigSource, by_id: Mapping[str, type[Rule]]) -> None:
    """Unknown top-level keys and rule tables, with messages better than pydantic's."""
    for key, value in source.table.items():
        if key in TOP_LEVEL_KEYS or key in by_id or key == ONLINE:
            continue
        if isinstance(value, dict):
            aliased = resolve_rule_id(key)
            hint = f"options go under the rule id ({', '.join(aliased)})" if aliased else "no rule has that id"
            raise _error(source, (key,), f"unknown rule '{key}': {hint}")
        expected = ", ".join(TOP_LEVEL_KEYS)
        message = f"unknown key '{key}': expected one of {expected}, an {ONLINE} table, or a table named after a rule id"
        raise _error(source, (), message)


def _validate_with_pydantic(source: ConfigSource, by_id: Mapping[str, type[Rule]]) -> dict[str, Any]:
    import pydantic

    # Only the rules that have a table get a sub-model: building one costs about a millisecond.
    rules = tuple(rule for rule_id, rule in by_id.items() if rule_id in source.table)
    model = _config_model(rules, ONLINE in source.table)
    try:
        validated = model.model_validate(source.table)
    except pydantic.ValidationError as errors:
        raise _pydantic_error(source, errors.errors()[0], by_id) from None
    values = validated.model_dump(include={"select", "ignore", "toc_titles", "tail_sections"})
    values["rules"] = {
        rule_id: getattr(validated, _field_name(rule_id)).model_dump(exclude_unset=True)
        for rule_id in by_id
        if rule_id in source.table
    }
    online = getattr(validated, ONLINE, None)  # the model has the field only when the table is there
    values["online"] = online.model_dump(exclude_unset=True) if online is not None else {}
    return values


_MODELS: dict[tuple[tuple[type[Rule], ...], bool], Any] = {}


def _config_model(rules: tuple[type[Rule], ...], online: bool) -> Any:
    """A pydantic model of the whole table: the top-level keys, one sub-model per rule, and the
    online table when there is one."""
    if (rules, online) in _MODELS:
        return _MODELS[rules, online]
    from pydantic import ConfigDict, create_model

    # strict: TOML values are typed, so "yes" is not a boolean and "3" not a number
    config = ConfigDict(extra="forbid", alias_generator=_kebab, populate_by_name=False, strict=True)
    fields: dict[str, Any] = {
        "select": (list[str] | None, None),
        "ignore": (list[str] | None, None),
        "toc_titles": (list[str] | None, None),
        "tail_sections": (list[str] | None, None),
    }
    for rule in rules:
        options_model = create_model(f"{rule.__name__}Config", __config__=config, **_settings_fields(rule.Options))
        fields[_field_name(rule.id)] = (options_model | None, _alias_field(rule.id))
    if online:
        online_model = create_model("OnlineConfig", __config__=config, **_settings_fields(OnlineSettings))
        fields[ONLINE] = (online_model | None, None)
    model = create_model("AwesomeLintConfig", __config__=config, **fields)
    _MODELS[rules, online] = model
    return model


def _alias_field(rule_id: str) -> Any:
    from pydantic import Field

    return Field(default=None, alias=rule_id)


def _field_name(rule_id: str) -> str:
    return "rule_" + rule_id.replace("-", "_")


def _kebab(name: str) -> str:
    return name.replace("_", "-")


def _settings_fields(cls: Any) -> dict[str, Any]:
    """pydantic fields of a settings dataclass (a rule's Options, OnlineSettings), all optional."""
    return {name: (_toml_type(annotation), None) for name, annotation in _dataclass_types(cls).items()}


def _option_types(rule: type[Rule]) -> dict[str, Any]:
    """Field name -> annotation of the rule's Options dataclass (empty when it is not one)."""
    return _dataclass_types(rule.Options)


def _dataclass_types(cls: Any) -> dict[str, Any]:
    if not dataclasses.is_dataclass(cls):
        return {}
    fields = dataclasses.fields(cls)
    try:
        hints = typing.get_type_hints(cls)
    except Exception:  # unresolvable annotation: fall back to what the dataclass recorded
        hints = {}
    return {field.name: hints.get(field.name, field.type) for field in fields}


_CONTAINERS = (tuple, list, set, frozenset)


def _toml_type(annotation: Any) -> Any:
    """The annotation with every sequence or set as a list: TOML arrays are lists (strict mode)."""
    origin, args = typing.get_origin(annotation), typing.get_args(annotation)
    if origin in _CONTAINERS or _is_abc_sequence(origin):
        return list[_toml_type(args[0])] if args else list
    if origin is dict and len(args) == 2:
        return dict[args[0], _toml_type(args[1])]  # type: ignore[valid-type]
    return annotation


def _build_settings(cls: Any, values: Mapping[str, Any]) -> Any:
    """The settings dataclass from validated values, lists turned back into the declared containers."""
    types = _dataclass_types(cls)
    converted = {}
    for name, value in values.items():
        origin = typing.get_origin(types[name]) or types[name]
        converted[name] = origin(value) if origin in (tuple, set, frozenset) and isinstance(value, list) else value
    return cls(**converted)


def _pydantic_error(source: ConfigSource, error: Mapping[str, Any], by_id: Mapping[str, type[Rule]]) -> FatalError:
    location = tuple(str(part) for part in error["loc"])
    key = location[0]
    if key in TOP_LEVEL_KEYS:
        return _error(source, (), f"{key}: expected {_describe(list[str])}, got {_show(source.table[key])}")
    if key == ONLINE:
        return _online_error(source, location, error["type"])
    rule = by_id[key]
    table = source.table[key]
    if len(location) == 1 or not isinstance(table, dict):
        return _error(source, (), f"{key}: expected a table of options, got {_show(table)}")
    option = location[1]
    if error["type"] == "extra_forbidden":
        names = [_kebab(name) for name in _option_types(rule)]
        expected = f"expected one of {', '.join(names)}" if names else "this rule takes no options"
        return _error(source, (key,), f"unknown option '{option}': {expected}")
    expected_type = _option_types(rule)[option.replace("-", "_")]
    return _error(source, (key,), f"{option}: expected {_describe(expected_type)}, got {_show(table[option])}")


def _online_error(source: ConfigSource, location: tuple[str, ...], error_type: str) -> FatalError:
    table = source.table[ONLINE]
    if len(location) == 1 or not isinstance(table, dict):
        return _error(source, (), f"{ONLINE}: expected a table of settings (enabled, timeout...), got {_show(table)}")
    key = location[1]
    types = _dataclass_types(OnlineSettings)
    if error_type == "extra_forbidden":
        return _error(source, (ONLINE,), f"unknown key '{key}': expected one of {', '.join(map(_kebab, types))}")
    expected = _describe(types[key.replace("-", "_")])
    return _error(source, (ONLINE,), f"{key}: expected {expected}, got {_show(table[key])}")


# Settings that must be above zero, and those that may be zero (no retries, no cache).
_POSITIVE = ("timeout", "max_concurrency", "max_per_host")
_NOT_NEGATIVE = ("retries", "max_retry_wait", "cache_hours", "cache_failure_hours")


def _online_settings(source: ConfigSource, values: Mapping[str, Any]) -> OnlineSettings:
    """OnlineSettings from validated values, after the checks a type cannot express."""
    for name in _POSITIVE:
        if name in values and values[name] <= 0:
            raise _error(source, (ONLINE,), f"{_kebab(name)}: expected a number above 0, got {_written(source, name)}")
    for name in _NOT_NEGATIVE:
        if name in values and values[name] < 0:
            raise _error(source, (ONLINE,), f"{_kebab(name)}: expected 0 or more, got {_written(source, name)}")
    for pattern in values.get("exclude", ()):
        try:
            re.compile(pattern)
        except re.error as error:
            raise _error(source, (ONLINE,), f"exclude: invalid regular expression {_show(pattern)}: {error}") from None
    repository = values.get("repository")
    if repository is not None and not _SLUG.match(repository):
        raise _error(source, (ONLINE,), f'repository: expected "owner/name", got {_show(repository)}')
    return _build_settings(OnlineSettings, values)


def _written(source: ConfigSource, name: str) -> str:
    return _show(source.table[ONLINE][_kebab(name)])


def _error(source: ConfigSource, table_path: tuple[str, ...], message: str) -> FatalError:
    """``file: [table] message`` (the table is left out for top-level keys of .awesome-lint.toml)."""
    table = ".".join(part for part in (source.header, *table_path) if part)
    where = f" [{table}]" if table else ""
    return FatalError(f"{_display(source.path)}:{where} {message}")


_TYPE_NAMES: dict[Any, str] = {
    str: "a string",
    int: "an integer",
    float: "a number",
    bool: "true or false",
}


def _describe(annotation: Any) -> str:
    """What a type means to someone writing TOML: 'a list of strings', 'true or false'..."""
    if annotation in _TYPE_NAMES:
        return _TYPE_NAMES[annotation]
    origin, args = typing.get_origin(annotation), typing.get_args(annotation)
    if origin in (list, tuple, set, frozenset, typing.Sequence) or _is_abc_sequence(origin):
        item = args[0] if args else Any
        return f"a list of {_plural(_describe(item))}" if item is not Any else "a list"
    if origin is typing.Literal:
        return "one of " + ", ".join(_show(arg) for arg in args)
    if origin in (dict, typing.Mapping) or _is_abc_mapping(origin):
        return f"a table of {_plural(_describe(args[1]))}" if len(args) == 2 else "a table"
    if args and type(None) in args:  # Optional[X]: TOML has no null
        rest = [arg for arg in args if arg is not type(None)]
        return " or ".join(_describe(arg) for arg in rest)
    if args:  # a union
        return " or ".join(_describe(arg) for arg in args)
    return getattr(annotation, "__name__", str(annotation))


def _plural(description: str) -> str:
    for article in ("an ", "a "):
        if description.startswith(article):
            return description[len(article) :] + "s"
    return description


def _is_abc_sequence(origin: Any) -> bool:
    import collections.abc

    return origin in (collections.abc.Sequence, collections.abc.Set, collections.abc.Iterable)


def _is_abc_mapping(origin: Any) -> bool:
    import collections.abc

    return origin is collections.abc.Mapping


def _resolve_ids(source: ConfigSource, key: str, names: list[str] | tuple[str, ...]) -> set[str]:
    try:
        return resolve_ids(names)
    except UnknownRule as error:
        raise _error(source, (), f"{key}: unknown rule '{error.name}'") from None


def _settings(values: Mapping[str, Any]) -> Settings:
    defaults = Settings()
    toc_titles, tail_sections = values.get("toc_titles"), values.get("tail_sections")
    return Settings(
        toc_titles=tuple(toc_titles) if toc_titles is not None else defaults.toc_titles,
        tail_sections=tuple(tail_sections) if tail_sections is not None else defaults.tail_sections,
    )


# -- rule ids and the command line ---------------------------------------------------------------


class UnknownRule(ValueError):
    def __init__(self, name: str) -> None:
        super().__init__(name)
        self.name = name


def resolve_ids(names: list[str] | tuple[str, ...]) -> set[str]:
    """Our rule ids for ids, aliases and ``ALL``; raises UnknownRule."""
    resolved: set[str] = set()
    for name in names:
        ids = [rule.id for rule in registry.RULES] if name == ALL else resolve_rule_id(name)
        if not ids:
            raise UnknownRule(name)
        resolved.update(ids)
    return resolved


def apply_cli(config: LintConfig, cli: CliOverrides) -> LintConfig:
    """Apply --online / --no-online, and --select / --extend-select / --ignore on top of the file's selection."""
    if cli.online is not None:
        config = dataclasses.replace(config, online=dataclasses.replace(config.online, enabled=cli.online))
    if cli.select is None and not cli.extend_select and not cli.ignore:
        return config
    select, ignore = config.select, set(config.ignore)
    if cli.select is not None:
        select, ignore = frozenset(_resolve_cli("--select", cli.select)), set()
    if cli.extend_select:
        extra = _resolve_cli("--extend-select", cli.extend_select)
        base = select if select is not None else {rule.id for rule in registry.RULES if rule.default_enabled}
        select = frozenset(base | extra)
        ignore -= extra
    ignore |= _resolve_cli("--ignore", cli.ignore)
    return dataclasses.replace(config, select=select, ignore=frozenset(ignore))


def _resolve_cli(flag: str, names: tuple[str, ...]) -> set[str]:
    try:
        return resolve_ids(names)
    except UnknownRule as error:
        raise FatalError(f"{flag}: unknown rule '{error.name}'") from None
