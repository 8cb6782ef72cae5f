"""Build the real site, serve it on loopback, and name one page of each type.

Shared by the browser tests (tests/browser/conftest.py) and
scripts/screenshots.py, so both look at the same pages.
"""

from __future__ import annotations

import functools
import logging
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from pelican import Pelican
from pelican.settings import read_settings

ROOT = Path(__file__).resolve().parents[2]


def build_site(output: Path, **overrides) -> Path:
    """Build the repository's content with pelicanconf.py into ``output``,
    then index it for search as `invoke build` does (Pagefind)."""
    settings = read_settings(
        str(ROOT / "pelicanconf.py"),
        override={
            "PATH": str(ROOT / "content"),
            "THEME": str(ROOT / "theme"),
            "OUTPUT_PATH": str(output),
            "CACHE_CONTENT": False,
            "LOAD_CONTENT_CACHE": False,
            **overrides,
        },
    )
    logging.getLogger("pelican").setLevel(logging.WARNING)
    Pelican(settings).run()
    subprocess.run([sys.executable, "-m", "pagefind", "--site", str(output), "--silent"],
                   check=True)
    return output


class PagesLikeHandler(SimpleHTTPRequestHandler):
    """Serve files as GitHub Pages does: a missing path gets the site's 404.html.

    ``not_found`` is the 404 page to send (with status 404); no request is
    logged to stderr.
    """

    not_found: Path | None = None

    def send_error(self, code, message=None, explain=None):
        if code != 404 or self.not_found is None or not self.not_found.is_file():
            return super().send_error(code, message, explain)
        body = self.not_found.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, format, *args):  # noqa: A002 - the base class's name
        pass


@contextmanager
def serve(directory: Path, not_found: Path | None = None) -> Iterator[str]:
    """Serve ``directory`` on a free 127.0.0.1 port; yield its base URL.

    :param not_found: a page sent for every missing path, like GitHub Pages'
        404.html (it may not exist yet when the server starts).
    """
    handler_class = type("Handler", (PagesLikeHandler,), {"not_found": not_found})
    handler = functools.partial(handler_class, directory=str(directory))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def first(site: Path, pattern: str) -> str:
    """Return the site-relative URL of the first page matching ``pattern``."""
    pages = sorted(site.glob(pattern))
    assert pages, f"the built site has no page matching {pattern}"
    return url_of(site, pages[0])


def url_of(site: Path, page: Path) -> str:
    """Return a built file's URL relative to the site root ("x/" for x/index.html)."""
    relative = page.relative_to(site).as_posix()
    return (
        relative[: -len("index.html")] if relative.endswith("/index.html") else relative
    )


def page_types(site: Path) -> dict[str, str]:
    """Return {page type: site-relative URL} with one page of each type."""
    return {
        "home": "index.html",
        "countries": "countries/",
        "country": first(site, "countries/*/index.html"),
        "briefing": first(site, "briefings/*/*/index.html"),
        "report": first(site, "reports/*/index.html"),
        "tags": "tags/",
        "tag": first(site, "tags/*/index.html"),
        "archives": "archives/",
        "category": first(site, "category/*/index.html"),
        # Any missing address: the server answers with 404.html, as Pages does.
        "404": "no/such/page/",
    }
