"""The workflow run's environment and event payload ($GITHUB_EVENT_PATH), validated with pydantic."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Mapping, NamedTuple

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from awesome_lint.diagnostics import FatalError

PULL_REQUEST_EVENTS = ("pull_request", "pull_request_target")
# Events that lint the checked-out workspace (annotations and job summary, no review).
WORKSPACE_EVENTS = ("push", "merge_group", "workflow_dispatch", "schedule")
SUPPORTED_EVENTS = (*PULL_REQUEST_EVENTS, *WORKSPACE_EVENTS)
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


class PushPayload(_Model):
    before: str = Field(default=NULL_SHA, pattern=r"^[0-9a-f]{40}$")
    after: str = Field(pattern=r"^[0-9a-f]{40}$")
    repository: RepositoryRef


class MergeGroup(_Model):
    base_sha: str = Field(pattern=r"^[0-9a-f]{40}$")
    head_sha: str = Field(pattern=r"^[0-9a-f]{40}$")


class MergeGroupPayload(_Model):
    merge_group: MergeGroup
    repository: RepositoryRef


class WorkspaceEvent(NamedTuple):
    """push, merge_group, workflow_dispatch, schedule: lint the checked-out files. Lines changed
    between ``base`` and ``head`` count as changed; with no ``base``, every line does."""

    name: str
    repository: str
    base: str | None
    head: str


class RunEnvironment(NamedTuple):
    """What the runner tells the step through its environment."""

    event_name: str
    event_path: Path
    api_url: str
    token: str
    workspace: Path
    step_summary: Path | None
    output: Path | None
    repository: str = ""  # GITHUB_REPOSITORY
    sha: str = ""  # GITHUB_SHA: the commit a workspace event checked out
    server_url: str = "https://github.com"  # GITHUB_SERVER_URL (GitHub Enterprise Server elsewhere)

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
            repository=environ.get("GITHUB_REPOSITORY", ""),
            sha=environ.get("GITHUB_SHA", ""),
            server_url=environ.get("GITHUB_SERVER_URL", "") or "https://github.com",
        )


def load_event(event_name: str, event_path: Path, repository: str = "", sha: str = "") -> PullRequestEvent | WorkspaceEvent:
    """Read and validate the event payload; a one-line FatalError for anything we cannot handle.
    ``repository`` and ``sha`` (GITHUB_REPOSITORY, GITHUB_SHA) stand in for what a
    workflow_dispatch or schedule payload does not carry."""
    if event_name not in SUPPORTED_EVENTS:
        raise FatalError(
            f"event '{event_name}' is not supported: run awesome-lint on {', '.join(SUPPORTED_EVENTS)}"
        )
    try:
        payload = json.loads(event_path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise FatalError(f"event file {event_path} does not exist") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise FatalError(f"event file {event_path} is not readable JSON ({error})") from None
    try:
        if event_name in PULL_REQUEST_EVENTS:
            return PullRequestEvent.model_validate(payload)
        if event_name == "push":
            push = PushPayload.model_validate(payload)
            base = None if push.before == NULL_SHA else push.before
            return WorkspaceEvent(event_name, push.repository.full_name, base, push.after)
        if event_name == "merge_group":
            group = MergeGroupPayload.model_validate(payload)
            return WorkspaceEvent(
                event_name, group.repository.full_name, group.merge_group.base_sha, group.merge_group.head_sha
            )
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"]) or "payload"
        raise FatalError(f"{event_name} event payload is not usable: {where}: {first['msg']}") from None
    repository_ref = payload.get("repository") if isinstance(payload, dict) else None
    name = repository_ref.get("full_name") if isinstance(repository_ref, dict) else None
    return WorkspaceEvent(event_name, name if isinstance(name, str) and name else repository, None, sha)
