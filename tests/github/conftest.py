import pytest

from awesome_lint.github import client


@pytest.fixture(autouse=True)
def no_write_spacing(monkeypatch: pytest.MonkeyPatch) -> None:
    """Production waits a second between writes (GitHub's guidance); the fake needs no such care."""
    monkeypatch.setattr(client, "SECONDS_BETWEEN_WRITES", 0.0)
