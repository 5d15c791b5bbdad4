"""Run pull-request mode the way the runner would: event file, GITHUB_* variables, the fake API."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, NamedTuple

from fake_github import TOKEN, FakeGitHub, PullFile

DATA = Path(__file__).resolve().parent / "data"
REPO = "octo/awesome-things"
NUMBER = 7
BASE_SHA = "b" * 40
HEAD_SHA = "c" * 40


def base_text() -> str:
    return (DATA / "base.md").read_text(encoding="utf-8")


def head_text() -> str:
    return (DATA / "head.md").read_text(encoding="utf-8")


def fake_pull_request(base: str | None = None, head: str | None = None, path: str = "README.md") -> FakeGitHub:
    files = [PullFile(path, base_text() if base is None else base, head_text() if head is None else head)]
    return FakeGitHub(REPO, NUMBER, BASE_SHA, HEAD_SHA, files)


def pull_request_event(head_sha: str = HEAD_SHA, action: str = "synchronize") -> dict[str, Any]:
    """The fields of a real `pull_request` payload we read, plus some we do not."""
    return {
        "action": action,
        "number": NUMBER,
        "pull_request": {
            "number": NUMBER,
            "state": "open",
            "title": "Add <b>Beta</b> @octocat",
            "user": {"login": "contributor", "type": "User"},
            "head": {"ref": "feature", "sha": head_sha, "repo": {"full_name": "contributor/awesome-things"}},
            "base": {"ref": "main", "sha": BASE_SHA, "repo": {"full_name": REPO}},
        },
        "repository": {"full_name": REPO, "private": False},
        "sender": {"login": "contributor"},
    }


class Workspace(NamedTuple):
    root: Path
    event: Path
    summary: Path
    output: Path

    def env(self, api_url: str, token: str = TOKEN, event_name: str = "pull_request", **extra: str) -> dict[str, str]:
        return {
            "GITHUB_EVENT_NAME": event_name,
            "GITHUB_EVENT_PATH": str(self.event),
            "GITHUB_API_URL": api_url,
            "GITHUB_TOKEN": token,
            "GITHUB_WORKSPACE": str(self.root),
            "GITHUB_STEP_SUMMARY": str(self.summary),
            "GITHUB_OUTPUT": str(self.output),
            "GITHUB_REPOSITORY": REPO,
            # The online checks default to `added`; these tests are about everything else (and the
            # lists' *.dev hosts do not resolve here). test_github_online.py turns them on.
            "AWESOME_LINT_ONLINE": "off",
            **extra,
        }

    def outputs(self) -> dict[str, str]:
        lines = self.output.read_text(encoding="utf-8").splitlines() if self.output.exists() else []
        return dict(line.split("=", 1) for line in lines)


def make_workspace(tmp_path: Path, event: dict[str, Any] | None = None) -> Workspace:
    root = tmp_path / "workspace"
    root.mkdir()
    event_path = tmp_path / "event.json"
    event_path.write_text(json.dumps(event or pull_request_event()), encoding="utf-8")
    return Workspace(root, event_path, tmp_path / "step_summary.md", tmp_path / "github_output")
