"""No active content anywhere in the built site: no script, handler or javascript: URL.

Every HTML page, feed, OPML and SVG in output/ is read: a ``<script>``, an
event-handler attribute (``onclick``, ``onerror``...) or a ``javascript:``
(or ``vbscript:``, ``data:text/html``) URL is a problem, whether it is in the
page's markup or in HTML a feed carries as text. Scripts the site itself
means to run are allowed only as files (``<script src>``, nothing inline)
under the theme's static folder or the search index, and structured data only
as ``<script type="application/ld+json">`` (which browsers never run).
"""

from __future__ import annotations

import os
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urljoin, urlsplit

from .problem import Problem

if TYPE_CHECKING:
    from .site import Site

# Folders whose script files the site itself ships.
SCRIPT_FOLDERS = ("theme/", "pagefind/")
# Script types that hold data, never code.
DATA_SCRIPT_TYPES = frozenset({"application/ld+json"})
# Attributes holding a URL a browser may follow or load.
URL_ATTRIBUTES = frozenset({"href", "src", "action", "formaction", "xlink:href", "poster",
                            "data", "background", "cite", "srcdoc", "ping"})
UNSAFE_SCHEMES = ("javascript:", "vbscript:", "data:text/html", "data:image/svg")
# Anything worth parsing for: a page without any of these has nothing to find.
_SUSPECT = re.compile(r"<script|script:|&lt;script|\bon[a-z]+\s*=|&#|&(?:colon|tab|newline);"
                      r"|data:", re.IGNORECASE)
_CHECKED_SUFFIXES = (".html", ".htm", ".xml", ".opml", ".svg", ".atom", ".rss")
# The host pages are resolved against: a script URL must stay on it.
_HOST = "site.invalid"
# Browsers ignore ASCII whitespace and controls inside a URL's scheme.
_IGNORED_IN_SCHEME = re.compile(r"[\x00-\x20]+")


def unsafe_url(url: str) -> bool:
    """Return True for a URL that runs code when followed."""
    return _IGNORED_IN_SCHEME.sub("", url).lower().startswith(UNSAFE_SCHEMES)


class _Scanner(HTMLParser):
    """Collect (line, message) for each piece of active content in one HTML text."""

    def __init__(self, page_url: str, site_url: str | None = None):
        super().__init__(convert_charrefs=True)
        self.page_url = page_url
        self.site_url = site_url
        self.found: list[tuple[int, str]] = []
        self._script_line: int | None = None
        self._script_text: list[str] = []

    def handle_starttag(self, tag, attrs):
        line = self.getpos()[0]
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append((line, f"<{tag}> has the event handler {name}="))
            elif name in URL_ATTRIBUTES and value and unsafe_url(value):
                self.found.append((line, f"<{tag} {name}> is a {value.split(':')[0]}: URL"))
        if tag == "script":
            self._script_line = line
            self._script_text = []
            problem = self._script_problem(dict(attrs))
            if problem:
                self.found.append((line, problem))

    handle_startendtag = handle_starttag

    def handle_data(self, data):
        if self._script_line is not None:
            self._script_text.append(data)

    def handle_endtag(self, tag):
        if tag == "script" and self._script_line is not None:
            self._script_line = None

    def _script_problem(self, attrs: dict) -> str | None:
        kind = (attrs.get("type") or "").split(";")[0].strip().lower()
        if kind in DATA_SCRIPT_TYPES:
            return None
        src = attrs.get("src")
        if not src:
            return "inline <script> (only the site's own script files may run)"
        if self.site_url and src.startswith(self.site_url + "/"):
            src = src[len(self.site_url):]  # the site's own address: a path on it
        target = urlsplit(urljoin(self.page_url, src))
        if target.netloc != _HOST:
            return f"<script src={src!r}> loads a script from elsewhere"
        path = target.path.lstrip("/")
        if not path.startswith(SCRIPT_FOLDERS):
            return (f"<script src={src!r}> is not one of the site's own script files "
                    f"({', '.join(SCRIPT_FOLDERS)})")
        return None


def scan_html(text: str, path: str = "index.html",
              site_url: str | None = None) -> list[tuple[int, str]]:
    """Return (line, message) for each script, handler or unsafe URL in ``text``."""
    scanner = _Scanner(f"http://{_HOST}/{path}", site_url)
    scanner.feed(text)
    scanner.close()
    return scanner.found


def _scan_xml(text: str) -> list[tuple[int, str]]:
    """Scan an XML file: its attributes, and HTML it carries as text."""
    root = ET.fromstring(text)
    found = []
    for element in root.iter():
        tag = element.tag.rsplit("}", 1)[-1] if isinstance(element.tag, str) else ""
        if tag == "script":
            found.append((0, "<script> element"))
        for name, value in element.attrib.items():
            local = name.rsplit("}", 1)[-1]
            if local.startswith("on"):
                found.append((0, f"<{tag}> has the event handler {local}="))
            elif value and unsafe_url(value):
                found.append((0, f"<{tag} {local}> is a {value.split(':')[0]}: URL"))
        for chunk in (element.text, element.tail):
            if chunk and _SUSPECT.search(chunk):
                found.extend((0, f"in <{tag}>: {message}") for _, message in scan_html(chunk))
    return found


def check_file(root: Path, path: str, site_url: str | None = None) -> list[Problem]:
    """Return the active-content problems of one output file."""
    try:
        text = (root / path).read_text(encoding="utf-8", errors="replace")
    except OSError as error:
        return [Problem("safety", "unreadable file", path, str(error))]
    if not _SUSPECT.search(text):
        return []
    if path.endswith((".html", ".htm")):
        found = scan_html(text, path, site_url)
    else:
        try:
            found = _scan_xml(text)
        except ET.ParseError as error:
            return [Problem("safety", "not well-formed XML", path, str(error))]
    return [Problem("safety", "active content", path, message, line or None)
            for line, message in found]


def check_safety(site: Site) -> list[Problem]:
    """Check every page, feed, OPML and SVG of the site for active content."""
    return check_folder(site.root, site.files, site.urls.site_url)


def check_folder(root: Path, files=None, site_url: str | None = None) -> list[Problem]:
    """Check the files of ``root`` (all of them when ``files`` is None)."""
    if files is None:
        files = [os.path.relpath(os.path.join(folder, name), root).replace(os.sep, "/")
                 for folder, _, names in os.walk(root) for name in names]
    problems = []
    for path in sorted(files):
        if path.endswith(_CHECKED_SUFFIXES):
            problems.extend(check_file(Path(root), path, site_url))
    return problems
