"""The workflow run's environment and event payload ($GITHUB_EVENT_PATH), validated with pydantic."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Mapping, NamedTuple

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from awesome_lint.diagnostics import FatalError

PULL_REQUEST_EVENTS = ("pull_request", "pull_request_target")
SUPPORTED_EVENTS = (*PULL_REQUEST_EVENTS, "push")
NULL_SHA = "0" * 40


class _Model(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)


class RepositoryRef(_Model):
    full_name: str = Field(pattern=r"^[\w.-]+/[\w.-]+$")


class GitRef(_Model):
    sha: str = Field(pattern=r"^[0-9a-f]{40}$")
    ref: str = ""
    repo: RepositoryRef | None = None  # None when the fork was deleted


class PullRequest(_Model):
    number: int = Field(gt=0)
    state: str = "open"
    head: GitRef
    base: GitRef


class PullRequestEvent(_Model):
    number: int = Field(gt=0)
    pull_request: PullRequest
    repository: RepositoryRef


class PushEvent(_Model):
    before: str = Field(default=NULL_SHA, pattern=r"^[0-9a-f]{40}$")
    after: str = Field(pattern=r"^[0-9a-f]{40}$")
    repository: RepositoryRef


class RunEnvironment(NamedTuple):
    """What the runner tells the step through its environment."""

    event_name: str
    event_path: Path
    api_url: str
    token: str
    workspace: Path
    step_summary: Path | None
    output: Path | None

    @classmethod
    def from_environ(cls, environ: Mapping[str, str]) -> RunEnvironment:
        def required(name: str) -> str:
            value = environ.get(name, "")
            if not value:
                raise FatalError(f"{name} is not set: run this inside a GitHub Actions workflow")
            return value

        def optional_path(name: str) -> Path | None:
            value = environ.get(name, "")
            return Path(value) if value else None

        return cls(
            event_name=required("GITHUB_EVENT_NAME"),
            event_path=Path(required("GITHUB_EVENT_PATH")),
            api_url=environ.get("GITHUB_API_URL", "") or "https://api.github.com",
            token=environ.get("GITHUB_TOKEN", ""),
            workspace=Path(environ.get("GITHUB_WORKSPACE", "") or "."),
            step_summary=optional_path("GITHUB_STEP_SUMMARY"),
            output=optional_path("GITHUB_OUTPUT"),
        )


def load_event(event_name: str, event_path: Path) -> PullRequestEvent | PushEvent:
    """Read and validate the event payload; a one-line FatalError for anything we cannot handle."""
    if event_name not in SUPPORTED_EVENTS:
        raise FatalError(
            f"event '{event_name}' is not supported: run awesome-lint on pull_request, pull_request_target or push"
        )
    try:
        payload = json.loads(event_path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise FatalError(f"event file {event_path} does not exist") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise FatalError(f"event file {event_path} is not readable JSON ({error})") from None
    model: type[PullRequestEvent | PushEvent] = PullRequestEvent if event_name in PULL_REQUEST_EVENTS else PushEvent
    try:
        return model.model_validate(payload)
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"]) or "payload"
        raise FatalError(f"{event_name} event payload is not usable: {where}: {first['msg']}") from None
