"""URL normalisation for duplicate detection: two URLs with the same key point at the same target.

What is ignored (each is a way the same page gets linked twice in real lists):

- the scheme when it is http or https, a leading ``www.``, the host's case, default ports;
- a trailing slash on the path, and ``.git`` after a GitHub repository;
- ``utm_*`` tracking parameters (other parameters are kept, sorted), the ``#readme`` fragment
  and an empty fragment;
- the case of the owner and repository segments of a github.com path (GitHub treats them
  case-insensitively; deeper segments such as file paths are case-sensitive and kept).

In-page anchors (``#section``) and URLs that do not parse are returned stripped but otherwise as
written.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode, urlsplit

_WEB_SCHEMES = frozenset({"http", "https"})
_DEFAULT_PORTS = frozenset({"80", "443"})
_GITHUB_HOSTS = frozenset({"github.com"})
_IGNORED_FRAGMENTS = frozenset({"", "readme"})
# Most entry URLs: http(s), a plain host, a path, no port, user, query or fragment.
_SIMPLE_WEB_URL = re.compile(r"https?://([A-Za-z0-9.-]+)(/[^?#\s]*)?", re.IGNORECASE)


def normalize_url(url: str) -> str:
    """A comparison key for ``url`` (not a URL to open)."""
    url = url.strip()
    if not url or url.startswith("#"):
        return url
    simple = _SIMPLE_WEB_URL.fullmatch(url)
    if simple is not None:
        host = _normalize_host(simple.group(1))
        return host + _normalize_path(host, simple.group(2) or "")
    try:
        parts = urlsplit(url)
        port = parts.port  # raises ValueError on a malformed port
    except ValueError:
        return url
    scheme = parts.scheme.lower()
    if scheme not in _WEB_SCHEMES:
        # mailto:, ftp:, relative paths: only the scheme's case is not significant.
        return f"{scheme}:{url[len(scheme) + 1:]}" if scheme else url
    host = _normalize_host(parts.hostname or "")
    if port is not None and str(port) not in _DEFAULT_PORTS:
        host = f"{host}:{port}"
    if parts.username or parts.password:
        host = f"{parts.netloc.rsplit('@', 1)[0]}@{host}"
    path = _normalize_path(host, parts.path)
    query = _normalize_query(parts.query)
    fragment = "" if parts.fragment.lower() in _IGNORED_FRAGMENTS else parts.fragment
    key = host + path
    if query:
        key += "?" + query
    if fragment:
        key += "#" + fragment
    return key


def _normalize_host(host: str) -> str:
    host = host.lower().rstrip(".")
    return host[4:] if host.startswith("www.") else host


def _normalize_path(host: str, path: str) -> str:
    path = path.rstrip("/")
    if host in _GITHUB_HOSTS:
        segments = path.split("/")  # ['', owner, repo, ...]
        if len(segments) >= 2:
            segments[1] = segments[1].lower()
        if len(segments) >= 3:
            repo = segments[2].lower()
            segments[2] = repo[:-4] if len(segments) == 3 and repo.endswith(".git") else repo
        path = "/".join(segments)
    return path


def _normalize_query(query: str) -> str:
    if not query:
        return ""
    pairs = [
        (name, value)
        for name, value in parse_qsl(query, keep_blank_values=True)
        if not name.lower().startswith("utm_")
    ]
    return urlencode(sorted(pairs))
