from __future__ import annotations

import pytest

from awesome_lint.rules._urls import normalize_url


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("https://example.com/tool", "http://example.com/tool"),
        ("https://example.com/tool", "https://www.example.com/tool"),
        ("https://example.com/tool", "https://example.com/tool/"),
        ("https://example.com", "https://example.com/"),
        ("https://example.com/tool", "https://EXAMPLE.com/tool"),
        ("https://example.com/tool", "https://example.com:443/tool"),
        ("http://example.com/tool", "http://example.com:80/tool"),
        ("https://example.com/tool", "https://example.com/tool?utm_source=awesome&utm_medium=list"),
        ("https://example.com/t?id=1", "https://example.com/t?utm_campaign=x&id=1"),
        ("https://example.com/t?a=1&b=2", "https://example.com/t?b=2&a=1"),
        ("https://github.com/lepture/mistune", "https://github.com/lepture/mistune#readme"),
        ("https://github.com/lepture/mistune", "https://github.com/Lepture/Mistune"),
        ("https://github.com/lepture/mistune", "https://github.com/lepture/mistune.git"),
        ("https://github.com/lepture/mistune", "HTTPS://WWW.GitHub.com/lepture/mistune/#readme"),
        ("https://example.com/tool", "https://example.com/tool#"),
        ("https://example.com/tool", "  https://example.com/tool  "),
        ("mailto:someone@example.com", "MAILTO:someone@example.com"),
    ],
)
def test_same_target(first: str, second: str) -> None:
    assert normalize_url(first) == normalize_url(second)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("https://example.com/Tool", "https://example.com/tool"),  # paths are case-sensitive
        ("https://github.com/o/r/blob/main/README.md", "https://github.com/o/r/blob/main/readme.md"),
        ("https://gitlab.com/Owner/Repo", "https://gitlab.com/owner/repo"),  # only GitHub folds case
        ("https://example.com/docs#install", "https://example.com/docs#usage"),
        ("https://example.com/t?id=1", "https://example.com/t?id=2"),
        ("https://example.com:8080/tool", "https://example.com/tool"),
        ("https://docs.example.com/tool", "https://example.com/tool"),
        ("https://example.com/a/b", "https://example.com/a"),
        ("https://github.com/o/repo.git/tree/x", "https://github.com/o/repo/tree/x"),
    ],
)
def test_different_targets(first: str, second: str) -> None:
    assert normalize_url(first) != normalize_url(second)


@pytest.mark.parametrize(
    ("url", "key"),
    [
        ("https://www.GitHub.com/Avelino/Awesome-Go/", "github.com/avelino/awesome-go"),
        ("http://example.com:80/a/?utm_source=x&q=1#readme", "example.com/a?q=1"),
        ("https://example.com/a#Section", "example.com/a#Section"),
        ("#contents", "#contents"),
        ("docs/guide.md", "docs/guide.md"),
        ("https://example.com:notaport/x", "https://example.com:notaport/x"),
    ],
)
def test_key(url: str, key: str) -> None:
    assert normalize_url(url) == key


def test_fast_and_general_paths_agree() -> None:
    # The query forces the general (urlsplit) path; without it the fast path answers.
    assert normalize_url("https://www.github.com/Foo/Bar/?utm_source=x") == normalize_url("https://github.com/foo/bar")
