"""Every regular expression of the package, timed on adversarial strings (issue 12, item 11).

Python's `re` backtracks: nested quantifiers over overlapping alternatives take exponential time,
and a repeat searched for at every start of a long run takes quadratic time. An attacker's pull
request controls the text, so each pattern is run with `search`, `match` and `fullmatch` on long
runs of the characters patterns repeat, repeated comment openers and long tokens with no match at
the end. A linear pattern needs milliseconds on each; the bound is generous for a shared machine.
"""

from __future__ import annotations

import importlib
import multiprocessing
import pkgutil
import re
import time
from pathlib import Path

import pytest

import awesome_lint
from awesome_lint.github.run import _glob_regex
from awesome_lint.rules.spell_check import _any_case, _matcher

SECONDS_PER_PATTERN = 3.0  # over all the strings; a linear pattern needs well under 0.5 s
RUN = 10_000  # long enough that a quadratic search takes seconds

# Known offenders, fixed by (or reported to) their rules' owners (issue 12, item 11). Both found ones
# are fixed: alphabetical-order's comments-only fullmatch and trailing-whitespace's `[ \t]+\Z` search.
KNOWN_SLOW: dict[str, str] = {}

_RUN_UNITS = [
    " ", "\t", "\n", " \n", "\u00a0", "a", "A", "0", "-", "_", "*", "`", "#", ">", "<", "!", ".", ",", ":", "/",
    "(", ")", "[", "]", "|", "=", "\\", "'", '"', "~", "+", "a ", "a-", "a.", "a/", "- ", "-\n", "<!--", "-->",
    "<!---->", "<!-- -->", "<!--a-->", "<!--a--> ", "<!--lint ", "[a]", "[a](b)", "](", "http://", "www.", "é",
    "👍", "&amp;", "<a>", "<br>", "**a**", "_a_", "`a`", "\\*",
]
_TAILS = ["", "\x01", " x", "!", "\n", "<", "`", "]"]


def _adversarial_strings() -> list[str]:
    strings = []
    for unit in _RUN_UNITS:
        run = unit * max(1, RUN // len(unit))
        strings.extend(run + tail for tail in _TAILS)
        strings.append("a" + run + "\x01")
    strings.append("<!--a-->" * 30 + " x")
    strings.append("data:image/png;base64," + "QUJD" * (RUN // 4) + " ")
    strings.append("- [a](http://a.example) - " + "b" * RUN + "\x01")
    return strings


def _module_patterns() -> dict[str, re.Pattern[str]]:
    found: dict[str, re.Pattern[str]] = {}
    for module_info in pkgutil.walk_packages(awesome_lint.__path__, "awesome_lint."):
        if module_info.name.endswith("__main__"):
            continue
        module = importlib.import_module(module_info.name)
        for name, value in vars(module).items():
            if isinstance(value, re.Pattern):
                found[f"{module_info.name}.{name}"] = value
    return found


def _function_patterns() -> dict[str, tuple[re.Pattern[str], tuple[str, ...]]]:
    """Patterns compiled inside functions, with their default inputs and the methods used on them."""
    scan = _matcher((), ()).scan
    return {
        "awesome_lint.rules.spell_check._matcher().scan": (scan, ("search",)),
        "awesome_lint.rules.spell_check._any_case(scan)": (_any_case(scan), ("search",)),
        "awesome_lint.github.run._glob_regex('**/*.md')": (_glob_regex("**/*.md"), ("fullmatch",)),
    }


_SCANNING_METHODS = {"search", "finditer", "findall", "sub", "subn", "split"}


def _methods_used(qualified_name: str) -> tuple[str, ...]:
    """How the package calls a module-level pattern: a pattern only ever anchored with `match` or
    `fullmatch` is not tried at every start, so only its callers' methods are timed. A pattern
    passed around rather than called by name is timed with every method."""
    module_name, _, name = qualified_name.rpartition(".")
    module = importlib.import_module(module_name)
    source = Path(module.__file__ or "").read_text(encoding="utf-8")
    called = set(re.findall(rf"\b{re.escape(name)}\.(\w+)\(", source))
    uses = len(re.findall(rf"\b{re.escape(name)}\b", source)) - 1  # less its definition
    if not called or uses > sum(source.count(f"{name}.{method}(") for method in called):
        return ("search", "match", "fullmatch")
    methods = {"search" if method in _SCANNING_METHODS else method for method in called}
    return tuple(sorted(methods & {"search", "match", "fullmatch"})) or ("search", "match", "fullmatch")


def _cases() -> list[object]:
    cases: list[object] = []
    named = {name: (pattern, _methods_used(name)) for name, pattern in _module_patterns().items()}
    built = _function_patterns()
    for name, (pattern, methods) in sorted({**named, **built}.items()):
        reason = KNOWN_SLOW.get(name)
        marks = [pytest.mark.xfail(reason=reason, strict=False)] if reason else []
        cases.append(pytest.param(pattern, methods, id=name, marks=marks))
    return cases


STRINGS = _adversarial_strings()


def test_the_collection_finds_the_package_patterns() -> None:
    names = _module_patterns()
    assert "awesome_lint.suppress._MARKER" in names
    assert "awesome_lint.document.build._SEPARATOR" in names
    assert set(KNOWN_SLOW) <= set(names), "a known offender was renamed or fixed: update KNOWN_SLOW"


def test_the_timing_catches_a_quadratic_pattern() -> None:
    assert _slowest(re.compile(r"\S+\Z"))[0] > SECONDS_PER_PATTERN


@pytest.mark.parametrize(("pattern", "methods"), _cases())
def test_pattern_runs_in_linear_time(pattern: re.Pattern[str], methods: tuple[str, ...]) -> None:
    seconds, sample = _slowest_in_child(pattern, methods)
    assert seconds < SECONDS_PER_PATTERN, f"{pattern.pattern!r} took {seconds:.2f} s on {sample[:40]!r}..."


def _slowest_in_child(pattern: re.Pattern[str], methods: tuple[str, ...]) -> tuple[float, str]:
    """`_slowest` in a forked child, ended after the budget: an exponential pattern does not
    return for minutes, and a regex match cannot be interrupted from inside the process."""
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(target=lambda: sender.send(_slowest(pattern, methods)))
    child.start()
    ready = receiver.poll(SECONDS_PER_PATTERN * 5)
    result = receiver.recv() if ready else (float("inf"), "(stopped after the time limit)")
    child.kill()
    child.join()
    return result


def _slowest(pattern: re.Pattern[str], methods: tuple[str, ...] = ("search", "match", "fullmatch")) -> tuple[float, str]:
    """CPU seconds over every string (stopping once past the budget), and the slowest string."""
    total = 0.0
    worst = (0.0, "")
    for text in STRINGS:
        start = time.process_time()
        for method in methods:
            getattr(pattern, method)(text)
        seconds = time.process_time() - start
        total += seconds
        worst = max(worst, (seconds, text))
        if total > SECONDS_PER_PATTERN:
            break
    return total, worst[1]
