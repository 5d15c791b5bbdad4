"""``[tool.awesome-lint.online]``: whether the online checks run, and how hard they may push.

A plain dataclass with no imports of its own, so the configuration can hold it without loading
the online package.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class OnlineSettings:
    enabled: bool = False  # --online turns it on for one run
    timeout: float = 10.0  # seconds per request (connect and each read)
    max_concurrency: int = 32  # requests in flight at once, over all hosts
    max_per_host: int = 4  # requests in flight at once to one host
    retries: int = 2  # further attempts after a 429, a 5xx or a timeout
    max_retry_wait: float = 30.0  # a longer Retry-After is not waited for: "could not verify"
    cache_hours: float = 24.0  # how long a working link or a found repository stays cached
    cache_failure_hours: float = 1.0  # how long a failure (dead, could not verify, not found) stays cached
    exclude: tuple[str, ...] = ()  # regular expressions: URLs they match (re.search) are not checked
    repository: str | None = None  # the list's own repository, "owner/name" (else GITHUB_REPOSITORY or the origin remote)
