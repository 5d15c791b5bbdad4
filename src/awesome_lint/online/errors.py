"""The one error the online checks raise."""

from __future__ import annotations


class OnlineError(Exception):
    """A check that could not run at all (bad token, API down): one line, never the token."""
