"""action.yml exercised as the runner runs it: its `run:` steps in bash, env built from the inputs,
a real pull_request event and the local API server. setup-python is skipped (the current
interpreter stands in); the pip install step is a `network` test (it installs from PyPI)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from action_env import REPO, fake_pull_request, make_workspace
from fake_github import TOKEN

ROOT = Path(__file__).resolve().parents[2]
ACTION = ROOT / "action.yml"
WORKFLOW = ROOT / "examples" / "github-workflow.yml"
EXPRESSION = re.compile(r"\$\{\{\s*(.*?)\s*\}\}")


def load_action() -> dict[str, Any]:
    return yaml.safe_load(ACTION.read_text(encoding="utf-8"))


def evaluate(template: str, context: dict[str, Any]) -> str:
    """The runner's `${{ a.b.c }}` substitution for the plain property paths the action uses."""

    def lookup(match: re.Match[str]) -> str:
        value: Any = context
        for part in match.group(1).split("."):
            assert isinstance(value, dict) and part in value, f"unknown expression {match.group(0)}"
            value = value[part]
        return str(value)

    return EXPRESSION.sub(lookup, template)


def run_steps(action: dict[str, Any], with_inputs: dict[str, str], base_env: dict[str, str], runner_temp: Path,
              skip: set[str]) -> tuple[dict[str, Any], list[subprocess.CompletedProcess[str]]]:
    context: dict[str, Any] = {
        "github": {"token": base_env["GITHUB_TOKEN"], "action_path": str(ROOT)},
        "steps": {},
    }
    context["inputs"] = {
        name: with_inputs.get(name, evaluate(str(spec.get("default", "")), context))
        for name, spec in action["inputs"].items()
    }
    results = []
    for index, step in enumerate(action["runs"]["steps"]):
        step_id = step.get("id", f"step{index}")
        if "uses" in step or step.get("name") in skip:
            continue
        assert step["shell"] == "bash"
        output_file = runner_temp / f"output-{index}"
        output_file.write_text("", encoding="utf-8")
        env = {key: value for key, value in base_env.items() if key != "GITHUB_TOKEN"}
        env.update({"RUNNER_TEMP": str(runner_temp), "GITHUB_OUTPUT": str(output_file), "PATH": os.environ["PATH"]})
        env.update({key: evaluate(str(value), context) for key, value in step.get("env", {}).items()})
        script = runner_temp / f"step-{index}.sh"
        script.write_text(step["run"], encoding="utf-8")
        result = subprocess.run(
            ["bash", "--noprofile", "--norc", "-eo", "pipefail", str(script)],
            env=env, capture_output=True, text=True, timeout=600,
        )
        results.append(result)
        lines = output_file.read_text(encoding="utf-8").splitlines()
        context["steps"][step_id] = {"outputs": dict(line.split("=", 1) for line in lines if "=" in line)}
    outputs = {name: evaluate(spec["value"], context) for name, spec in action["outputs"].items()}
    return outputs, results


def fake_venv(tmp_path: Path, python_path: str = "bin/python") -> Path:
    """A runner temp folder holding what the install step leaves behind, pointing at the
    interpreter running the tests."""
    runner_temp = tmp_path / "runner"
    python = runner_temp / "awesome-lint-venv" / python_path
    python.parent.mkdir(parents=True)
    # This checkout's sources, not whatever copy of the package the interpreter has installed.
    python.write_text(f'#!/bin/sh\nPYTHONPATH="{ROOT / "src"}" exec "{sys.executable}" "$@"\n', encoding="utf-8")
    python.chmod(0o755)
    return runner_temp


def test_run_scripts_take_inputs_only_through_env() -> None:
    for step in load_action()["runs"]["steps"]:
        assert "${{" not in step.get("run", ""), step.get("name")


def test_action_metadata() -> None:
    action = load_action()
    assert action["runs"]["using"] == "composite"
    assert action["branding"] == {"icon": "check-square", "color": "purple"}
    assert action["inputs"]["github-token"]["default"] == "${{ github.token }}"
    assert action["inputs"]["files"]["default"] == "README.md"
    assert action["inputs"]["fail-on"]["default"] == "changed"
    assert set(action["outputs"]) == {"findings", "findings-changed"}
    uses = [step["uses"] for step in action["runs"]["steps"] if "uses" in step]
    assert all(re.fullmatch(r"[\w-]+/[\w-]+(/[\w-]+)?@[0-9a-f]{40}", use) for use in uses)


def test_example_workflow_permissions_and_trigger() -> None:
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    triggers = workflow[True]  # PyYAML reads the bare key `on` as a boolean
    assert "pull_request" in triggers and "pull_request_target" not in triggers
    assert "merge_group" in triggers
    # A required check must not be path-filtered on pull requests (it would stay pending).
    assert not (triggers["pull_request"] or {}).get("paths") and not (triggers["merge_group"] or {}).get("paths")
    assert workflow["concurrency"]["group"] == "awesome-lint-${{ github.event.pull_request.number || github.ref }}"
    job = next(iter(workflow["jobs"].values()))
    assert job["permissions"] == {"contents": "read", "pull-requests": "write"}
    assert workflow["permissions"] == {}


def test_composite_action_runs_against_the_local_api(tmp_path: Path) -> None:
    runner_temp = fake_venv(tmp_path)
    with fake_pull_request() as fake:
        workspace = make_workspace(tmp_path)
        env = workspace.env(fake.base_url, token=TOKEN, GITHUB_ACTIONS="true")
        outputs, results = run_steps(
            load_action(),
            {"files": "README.md\ndocs/**/*.md", "fail-on": "changed", "online": "off"},
            env, runner_temp, skip={"Install awesome-lint"},
        )
    (lint,) = results
    assert lint.returncode == 1, lint.stdout + lint.stderr
    assert "Traceback" not in lint.stdout + lint.stderr and TOKEN not in lint.stdout + lint.stderr
    assert outputs == {"findings": "6", "findings-changed": "5"}
    assert len(fake.reviews) == 1 and len(fake.review_comments) == 3
    assert fake.requests[0].authorization == f"token {TOKEN}"
    assert all(r.path.startswith(f"/repos/{REPO}/") or r.path == "/graphql" for r in fake.requests)
    assert lint.stdout.count("::error file=README.md") == 5
    assert "## awesome-lint" in workspace.summary.read_text(encoding="utf-8")


def test_fail_on_input_reaches_the_module_through_env(tmp_path: Path) -> None:
    runner_temp = fake_venv(tmp_path)
    with fake_pull_request() as fake:
        workspace = make_workspace(tmp_path)
        _, (lint,) = run_steps(
            load_action(), {"fail-on": "never", "online": "off"}, workspace.env(fake.base_url), runner_temp,
            skip={"Install awesome-lint"},
        )
    assert lint.returncode == 0, lint.stdout + lint.stderr


def test_windows_runners_use_the_venvs_scripts_directory(tmp_path: Path) -> None:
    runner_temp = fake_venv(tmp_path, "Scripts/python.exe")
    with fake_pull_request() as fake:
        workspace = make_workspace(tmp_path)
        outputs, (lint,) = run_steps(
            load_action(), {"online": "off"}, workspace.env(fake.base_url, RUNNER_OS="Windows"), runner_temp,
            skip={"Install awesome-lint"},
        )
    assert lint.returncode == 1, lint.stdout + lint.stderr
    assert outputs == {"findings": "6", "findings-changed": "5"}


def test_config_from_base_input_reaches_the_module_through_env(tmp_path: Path) -> None:
    runner_temp = fake_venv(tmp_path)
    with fake_pull_request() as fake:
        workspace = make_workspace(tmp_path)
        run_steps(load_action(), {"config-from-base": "true", "online": "off"}, workspace.env(fake.base_url), runner_temp,
                  skip={"Install awesome-lint"})
    assert [r.query["ref"] for r in fake.requests if r.path.endswith("/contents/.awesome-lint.toml")] == [["b" * 40]]


@pytest.mark.network  # installs the pinned packages from PyPI, as the action does on a runner
def test_install_step_installs_the_pinned_package(tmp_path: Path) -> None:
    runner_temp = tmp_path / "runner"
    runner_temp.mkdir()
    action = load_action()
    context_env = {"GITHUB_TOKEN": TOKEN}
    install = dict(next(s for s in action["runs"]["steps"] if s.get("name") == "Install awesome-lint"))
    install["env"] = dict(install["env"], SETUP_PYTHON=sys.executable)
    only_install = dict(action, runs={"steps": [install]}, outputs={})
    _, (result,) = run_steps(only_install, {}, context_env, runner_temp, skip=set())
    assert result.returncode == 0, result.stdout + result.stderr
    python = runner_temp / "awesome-lint-venv" / "bin" / "python"
    check = subprocess.run([str(python), "-m", "awesome_lint.github", "--help"], capture_output=True, text=True)
    assert check.returncode == 0 and "pull request" in check.stdout


def test_readme_shows_the_example_workflow_byte_for_byte() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("\n## GitHub Action", 1)[1].split("\n## ", 1)[0]
    block = re.search(r"^```yaml\n(.*?)^```$", section, re.S | re.M)
    assert block is not None, "no yaml block under the README's GitHub Action heading"
    assert block.group(1) == WORKFLOW.read_text(encoding="utf-8")
