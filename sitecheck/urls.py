"""Decide what a URL found in the site points at: a file in output/, or not.

Internal URLs are relative ones, root-relative ones, absolute ones under the
site's address (``--site-url``) and, when no site address is given or it is
itself local, absolute ones on a local development host (the dev build's
SITEURL is http://127.0.0.1:8000). They resolve to a path relative to the
output folder. A site built for a public address must not link to a local
one, climb above its root with "../", leave its sub-path, or carry
javascript: URLs: those are `Invalid`.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

LOCAL_HOSTS = frozenset({"127.0.0.1", "localhost", "0.0.0.0"})
# Schemes a page may link to without anything to check (mail, phone, inline data).
UNCHECKED_SCHEMES = frozenset({"mailto", "tel", "data", "sms", "geo", "ftp"})
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")


@dataclass(frozen=True)
class Internal:
    """A URL that names ``path`` (relative to output/) and maybe a fragment."""

    path: str
    fragment: str


@dataclass(frozen=True)
class External:
    """A URL on another host: not checked."""


@dataclass(frozen=True)
class Unchecked:
    """A mailto:, tel:, data: ... URL: nothing to resolve."""


@dataclass(frozen=True)
class Invalid:
    """A URL the site must not carry, with the reason."""

    reason: str
    kind: str = "bad URL"


Resolution = Internal | External | Unchecked | Invalid


class SiteUrls:
    """Resolve URLs found in files of one output folder built for one address."""

    def __init__(self, site_url: str | None = None):
        self.site_url = site_url.rstrip("/") if site_url else None
        site = urlsplit(self.site_url) if self.site_url else None
        self._site_host = site.netloc.lower() if site else None
        # "/repo" when the site is served from a sub-path, else "".
        self._site_prefix = site.path.rstrip("/") if site else ""

    def resolve(self, url: str, base: str) -> Resolution:
        """Return what ``url``, found in the file at output path ``base``, names."""
        url = url.strip()
        if not _SCHEME.match(url) and not url.startswith("/"):
            return _resolve_relative(url, base)
        parts = urlsplit(url)
        scheme = parts.scheme.lower()
        if scheme == "javascript":
            return Invalid(
                "javascript: URL (the site must never carry them)", "javascript: URL"
            )
        if scheme and scheme not in ("http", "https"):
            return Unchecked() if scheme in UNCHECKED_SCHEMES else External()
        if scheme or url.startswith("//"):
            return self._resolve_absolute(url, parts)
        return self._under_site_prefix(parts.path, parts.fragment, url)

    def _resolve_absolute(self, url: str, parts) -> Resolution:
        host = parts.netloc.lower()
        if self._site_host is not None and host == self._site_host:
            return self._under_site_prefix(parts.path, parts.fragment, url)
        if _is_local(host):
            if self._site_host is None:
                return _internal(parts.path, parts.fragment)
            if _is_local(self._site_host):  # a dev build: any local port is us
                return self._under_site_prefix(parts.path, parts.fragment, url)
            return Invalid(
                f"{url} points at a local development address in a site "
                f"built for {self.site_url}"
            )
        return External()

    def _under_site_prefix(self, path: str, fragment: str, url: str) -> Resolution:
        """Resolve a host-absolute path, which must lie under the site's sub-path."""
        prefix = self._site_prefix
        if prefix and path != prefix and not path.startswith(prefix + "/"):
            return Invalid(f"{url} is outside the site's path {prefix}/")
        return _internal(path[len(prefix) :], fragment)


def _is_local(host: str) -> bool:
    """Tell whether a URL's host[:port] is this machine (a development server)."""
    if host.startswith("[::1]"):
        return True
    return host.split(":")[0] in LOCAL_HOSTS


def _resolve_relative(url: str, base: str) -> Internal | Invalid:
    """Resolve a relative URL against the file ``base`` (a path in output/).

    Done by hand rather than with urljoin, which is the bulk of the time on a
    large site and silently clamps a "../" that climbs above the root.
    """
    rest, _, fragment = url.partition("#")
    path = rest.partition("?")[0]
    if not path:  # "#anchor" or "?query": the page itself
        return Internal(base, unquote(fragment))
    directory = base.rpartition("/")[0]
    is_folder = path.endswith("/") or path.rpartition("/")[2] in (".", "..")
    joined = posixpath.normpath(posixpath.join(directory, path))
    if joined == ".." or joined.startswith("../"):
        return Invalid(f"{url} climbs above the site root")
    if joined == ".":
        joined = ""
    if is_folder:
        joined = f"{joined}/index.html" if joined else "index.html"
    return Internal(unquote(joined), unquote(fragment))


def _internal(url_path: str, fragment: str) -> Internal | Invalid:
    """Turn a URL path into an output-relative file path (directories: index.html)."""
    path = unquote(url_path).lstrip("/")
    if not path or path.endswith("/"):
        path += "index.html"
    path = posixpath.normpath(path)
    if path == ".." or path.startswith("../"):
        return Invalid(f"{url_path} climbs above the site root")
    return Internal(path, unquote(fragment))
