"""What GitHub's rate-limit answers ask for: how long to wait, and whether a refusal is a
secondary rate limit. Shared by pull-request mode (:mod:`awesome_lint.github.client`) and the
online repository lookup (:mod:`awesome_lint.online.github_api`).

Importing this module loads neither PyGithub nor requests: PyGithub is imported only inside
:func:`is_secondary_rate_limit`, which only a run that talked to GitHub calls.
"""

from __future__ import annotations

import time
from typing import Any, Mapping

# A rate-limited answer that names no time to wait (a secondary rate limit without Retry-After):
# GitHub asks for "a few minutes", PyGithub waits 60 s.
SECONDARY_RATE_WAIT_SECONDS = 60.0


def header(headers: Mapping[str, Any], name: str) -> str | None:
    """The header ``name`` (lower case), whatever case the answer wrote it in; None when absent."""
    return next((str(value) for key, value in headers.items() if key.lower() == name), None)


def retry_after(headers: Mapping[str, Any]) -> float | None:
    """The seconds a ``Retry-After`` header asks for (GitHub writes a number); None without one."""
    return _number(header(headers, "retry-after"))


def requested_wait(headers: Mapping[str, Any]) -> float | None:
    """What GitHub documents: ``Retry-After``; else, when no request is left, until
    ``x-ratelimit-reset``; None when the headers name no time."""
    wait = retry_after(headers)
    if wait is not None:
        return wait
    reset = _number(header(headers, "x-ratelimit-reset"))
    if header(headers, "x-ratelimit-remaining") == "0" and reset is not None:
        return max(0.0, reset - time.time())
    return None


def is_secondary_rate_limit(status: int | None, message: object) -> bool:
    """A 403 or 429 whose message is GitHub's secondary rate limit (PyGithub knows its wording)."""
    if status not in (403, 429) or not isinstance(message, str):
        return False
    from github.Requester import Requester

    return Requester.isSecondaryRateLimitError(message)


def _number(value: str | None) -> float | None:
    try:
        return float(value) if value is not None else None
    except ValueError:
        return None
