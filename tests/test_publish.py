"""Publishing: the Pages workflow, publishconf.py under a sub-path, `invoke gh-pages`.

The site is usually a GitHub project site, served from /<repo>/, so these tests
build with publishconf.py exactly as the workflow does (SITEURL from the
environment), serve the output under a sub-path on loopback and crawl it; and
they publish a copy of the project to a local bare repository standing in for
GitHub, once with a good build and once with a broken one.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import threading
import urllib.error
import urllib.request
from collections import deque
from dataclasses import dataclass, field
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urldefrag, urljoin, urlsplit
from xml.etree import ElementTree

import pytest
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parent.parent
WORKFLOW = ROOT / ".github" / "workflows" / "pages.yml"
BROKEN_PAGE = Path(__file__).parent / "data" / "publish" / "broken-link.md"
SUB_PATH = "/briefings/"
CUSTOM_DOMAIN = "briefings.example.org"
# Where a link would point if some URL ignored SITEURL: publishconf's and
# pelicanconf's defaults.
DEFAULT_HOSTS = {"example.github.io", "127.0.0.1:8000"}
# What a publisher's clone of the project lacks: git data, venvs, builds, caches.
NOT_IN_CLONE = shutil.ignore_patterns(
    ".git", ".venv", "venv", "node_modules", "output", "cache", "__pycache__",
    ".pytest_cache", ".hypothesis", ".bench", "screenshots", "tests",
)
PUBLISH_ENV_VARS = ("SITEURL", "FEED_DOMAIN", "CUSTOM_DOMAIN")


def clean_env(**extra: str) -> dict[str, str]:
    """Return this process's environment without publish settings, plus ``extra``."""
    env = {k: v for k, v in os.environ.items() if k not in PUBLISH_ENV_VARS}
    for role in ("AUTHOR", "COMMITTER"):
        env[f"GIT_{role}_NAME"] = "Test Publisher"
        env[f"GIT_{role}_EMAIL"] = "publisher@example.test"
    env.update(extra)
    return env


def git(*args: str, cwd: Path) -> str:
    """Run git in ``cwd`` and return its output; fail the test on error."""
    done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True,
                          env=clean_env())
    assert done.returncode == 0, f"git {' '.join(args)}: {done.stderr}"
    return done.stdout.strip()


# --- the workflow ---------------------------------------------------------------

def test_pages_workflow_passes_actionlint():
    actionlint = shutil.which("actionlint", path=str(Path(sys.executable).parent))
    assert actionlint, "actionlint missing: pip install -r requirements-dev.txt"
    done = subprocess.run([actionlint, "-no-color", str(WORKFLOW)],
                          capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0, done.stdout + done.stderr


# --- publishconf.py under a sub-path ---------------------------------------------

class SubPathHandler(SimpleHTTPRequestHandler):
    """Serve the site only under SUB_PATH, as GitHub Pages serves a project site."""

    def send_head(self):
        """Answer 404 outside SUB_PATH, and redirect its bare form as Pages does."""
        path = urlsplit(self.path).path
        if path == SUB_PATH.rstrip("/"):
            self.send_response(301)
            self.send_header("Location", SUB_PATH)
            self.end_headers()
            return None
        if not path.startswith(SUB_PATH):
            self.send_error(404, "outside the site's sub-path")
            return None
        return super().send_head()

    def translate_path(self, path):
        """Map SUB_PATH/... to the output folder."""
        return super().translate_path(path[len(SUB_PATH) - 1:])

    def log_message(self, format, *args):
        """Keep the test output quiet."""


CSS_URL = re.compile(r"""url\(\s*['"]?([^'")\s]+)|@import\s+['"]([^'"]+)""")
# Attributes holding a URL, in HTML and in feeds (Atom link, RSS enclosure, OPML).
URL_ATTRIBUTES = ("href", "src", "url", "xmlUrl", "htmlUrl")
# Feed elements whose text is escaped HTML (an entry's body).
FEED_HTML_ELEMENTS = {"content", "summary", "description"}


def local_name(tag: str) -> str:
    """Return an XML tag without its {namespace}."""
    return tag.rpartition("}")[2]


def html_links(html: str | bytes) -> list[str]:
    """Return every href/src/srcset URL in an HTML document or fragment."""
    links = []
    for element in BeautifulSoup(html, "html.parser").find_all(True):
        links += [element[name] for name in ("href", "src") if element.has_attr(name)]
        if element.has_attr("srcset"):
            candidates = element["srcset"].split(",")
            links += [item.split()[0] for item in candidates if item.strip()]
    return links


def feed_links(xml: bytes) -> tuple[list[str], list[str]]:
    """Return a feed's or OPML file's own links, and the links in its entries' HTML."""
    own, in_entries = [], []
    for element in ElementTree.fromstring(xml).iter():
        own += [element.get(name) for name in URL_ATTRIBUTES if element.get(name)]
        name = local_name(element.tag)
        if name == "link" and (element.text or "").strip():  # RSS <link>URL</link>
            own.append(element.text.strip())
        elif name in FEED_HTML_ELEMENTS and element.text:
            in_entries += html_links(element.text)
    return own, in_entries


def links_in(url: str, body: bytes) -> list[str]:
    """Return the links in a served HTML page, feed, OPML file or stylesheet."""
    if url.endswith(".css"):
        return [a or b for a, b in CSS_URL.findall(body.decode("utf-8"))]
    if body.lstrip().startswith(b"<?xml"):
        own, in_entries = feed_links(body)
        return own + in_entries
    return html_links(body)


@dataclass
class Crawl:
    """What a crawl of the served site found."""

    visited: set[str] = field(default_factory=set)
    broken: list[str] = field(default_factory=list)
    external: set[str] = field(default_factory=set)


def fetch(url: str) -> tuple[int, bytes]:
    """Return the status and body of a GET, without raising on HTTP errors."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, b""


def crawl(start_urls: list[str]) -> Crawl:
    """Follow every same-host link from ``start_urls``; note broken and foreign ones."""
    found = Crawl()
    if not start_urls:
        return found
    host = urlsplit(start_urls[0]).netloc
    queue = deque((url, "(start)") for url in start_urls)
    while queue:
        url, referrer = queue.popleft()
        if url in found.visited:
            continue
        found.visited.add(url)
        status, body = fetch(url)
        if status != 200:
            found.broken.append(f"{url} ({status}), linked from {referrer}")
            continue
        for link in links_in(url, body):
            target = urldefrag(urljoin(url, link))[0]
            if urlsplit(target).scheme not in ("http", "https"):
                continue
            if urlsplit(target).netloc == host:
                queue.append((target, url))
            else:
                found.external.add(target)
    return found


@pytest.fixture(scope="module")
def subpath_site(tmp_path_factory):
    """Serve a publishconf build of the repo's content from SUB_PATH; yield its URL."""
    output = tmp_path_factory.mktemp("subpath") / "output"
    output.mkdir()
    server = ThreadingHTTPServer(
        ("127.0.0.1", 0), partial(SubPathHandler, directory=str(output)))
    site_url = f"http://127.0.0.1:{server.server_port}{SUB_PATH.rstrip('/')}"
    build = subprocess.run(
        [sys.executable, "-m", "pelican", "--fatal", "errors",
         "-s", "publishconf.py", "-o", str(output)],
        cwd=ROOT, capture_output=True, text=True, env=clean_env(SITEURL=site_url))
    assert build.returncode == 0, build.stdout + build.stderr
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield site_url, output
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def subpath_crawl(subpath_site):
    """Crawl the served site from its home page, then any page or feed not reached."""
    site_url, output = subpath_site
    from_home = crawl([site_url + "/"])
    every_file = [
        f"{site_url}/{path.relative_to(output).as_posix()}"
        for path in sorted(output.rglob("*"))
        if path.suffix in {".html", ".xml", ".opml", ".css"}
    ]
    # Pages the home page does not lead to still get their links checked.
    rest = crawl([url for url in every_file
                  if url not in from_home.visited
                  and url.removesuffix("index.html") not in from_home.visited])
    return from_home, rest


def test_site_under_a_sub_path_has_no_broken_link(subpath_crawl):
    from_home, rest = subpath_crawl
    assert len(from_home.visited) > 5, "the home page leads nowhere"
    assert from_home.broken + rest.broken == []


def test_no_link_ignores_siteurl(subpath_crawl):
    leaked = {url for found in subpath_crawl for url in found.external
              if urlsplit(url).netloc in DEFAULT_HOSTS}
    assert leaked == set()


def test_feeds_link_absolutely(subpath_site):
    """Feed readers resolve nothing: every feed and OPML link must be absolute."""
    site_url, output = subpath_site
    # sitemap.xml is XML for crawlers, not a feed (tests/test_pages_discovery.py).
    feeds = sorted(f for f in [*output.rglob("*.xml"), *output.rglob("*.opml")]
                   if f.name != "sitemap.xml")
    assert feeds, "no feed built"
    for feed in feeds:
        own, in_entries = feed_links(feed.read_bytes())
        assert own, f"{feed.name} has no links"
        assert [link for link in own if not link.startswith(site_url + "/")] == [], feed
        relative = [link for link in in_entries if not urlsplit(link).scheme]
        assert relative == [], feed


def test_publish_build_has_nojekyll_and_no_cname_without_a_domain(subpath_site):
    _, output = subpath_site
    assert (output / ".nojekyll").is_file()
    assert not (output / "CNAME").exists()


def test_invoke_check_passes_the_build_the_workflow_makes(subpath_site):
    site_url, output = subpath_site
    run = subprocess.run(
        [sys.executable, "-m", "invoke", "check", "--no-html",
         "--output", str(output), "--site-url", site_url],
        cwd=ROOT, capture_output=True, text=True, env=clean_env())
    assert run.returncode == 0, run.stdout + run.stderr


# --- invoke gh-pages ------------------------------------------------------------

@dataclass
class Publisher:
    """A publisher's clone of the project, with a bare repository as its GitHub."""

    clone: Path
    remote: Path

    def gh_pages(self, *options: str, **env: str) -> subprocess.CompletedProcess:
        """Run `invoke gh-pages` in the clone."""
        return subprocess.run([sys.executable, "-m", "invoke", "gh-pages", *options],
                              cwd=self.clone, capture_output=True, text=True,
                              env=clean_env(**env))

    def published(self, path: str = "") -> str:
        """Return ``git ls-tree``-style names, or one file, from the remote gh-pages."""
        if path:
            return git("show", f"gh-pages:{path}", cwd=self.remote)
        return git("ls-tree", "-r", "--name-only", "gh-pages", cwd=self.remote)

    def branch_head(self) -> str:
        """Return the remote gh-pages commit, or "" when the branch does not exist."""
        return subprocess.run(
            ["git", "rev-parse", "--verify", "--quiet", "refs/heads/gh-pages"],
            cwd=self.remote, capture_output=True, text=True).stdout.strip()


@pytest.fixture(scope="module")
def publisher(tmp_path_factory):
    """Copy the project into a fresh git repository whose origin is a bare repo."""
    base = tmp_path_factory.mktemp("publish")
    remote, clone = base / "github.git", base / "project"
    git("init", "-q", "--bare", str(remote), cwd=base)
    shutil.copytree(ROOT, clone, ignore=NOT_IN_CLONE)
    # The Nu HTML Checker the site checks run lives in node_modules/.
    (clone / "node_modules").symlink_to(ROOT / "node_modules")
    git("init", "-q", "-b", "main", cwd=clone)
    git("add", "-A", cwd=clone)
    git("commit", "-q", "-m", "Project", cwd=clone)
    git("remote", "add", "origin", str(remote), cwd=clone)
    return Publisher(clone, remote)


@pytest.fixture(scope="module")
def good_publish(publisher):
    """Publish the project with a custom domain; return the run and the built files."""
    # --no-html: the Nu HTML Checker over the whole site is slow, and the theme's
    # and sitecheck's own tests run it; the link, feed and OPML checks still run.
    run = publisher.gh_pages("--no-html", CUSTOM_DOMAIN=CUSTOM_DOMAIN)
    output = publisher.clone / "output"
    built = {p.relative_to(output).as_posix() for p in output.rglob("*") if p.is_file()}
    return run, built


def test_gh_pages_pushes_the_checked_site(publisher, good_publish):
    run, built = good_publish
    assert run.returncode == 0, run.stdout + run.stderr
    published = set(publisher.published().splitlines())
    assert "index.html" in published
    assert published == built | {".nojekyll"}
    assert publisher.published("CNAME") == CUSTOM_DOMAIN
    home = publisher.published("index.html")
    assert f"https://{CUSTOM_DOMAIN}/" in home, "pages do not use the domain's URLs"


def test_gh_pages_refuses_a_broken_build(publisher, good_publish):
    before = publisher.branch_head()
    assert before, "the good build was not published"
    pages = publisher.clone / "content" / "pages"
    pages.mkdir(exist_ok=True)
    shutil.copy(BROKEN_PAGE, pages / BROKEN_PAGE.name)
    run = publisher.gh_pages("--no-html", CUSTOM_DOMAIN=CUSTOM_DOMAIN)
    assert run.returncode != 0
    assert "refusing to publish" in run.stderr
    assert "no-such-page" in run.stderr, "the problem is not named"
    assert publisher.branch_head() == before, "a broken build was pushed"
    check = subprocess.run(
        [sys.executable, "-m", "invoke", "check", "--no-html"],
        cwd=publisher.clone, capture_output=True, text=True, env=clean_env())
    assert check.returncode != 0, "invoke check passes the broken build"
