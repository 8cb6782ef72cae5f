"""What helps people and crawlers find the site and share its pages:

- every page but the 404 has one absolute canonical link to a page of this
  site, and OpenGraph (og:title, og:description, og:url, og:type,
  og:site_name) and Twitter card tags, og:url being the canonical address;
- every page links a favicon that exists;
- JSON-LD parses; reports and briefings carry a NewsArticle, a briefing's
  ``isBasedOn`` its report and ``about`` its country as a ``Country``;
- ``sitemap.xml`` lists every page whose canonical address is its own, and
  only addresses of pages that exist; ``robots.txt`` names the sitemap.

Addresses are absolute, so they are mapped back to files from the site's
address: ``--site-url`` when given, else the home page's canonical link.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from .problem import Problem

if TYPE_CHECKING:
    from .pages import PageFacts
    from .site import Site

NOT_FOUND_PAGE = "404.html"
SITEMAP = "sitemap.xml"
ROBOTS = "robots.txt"
OPENGRAPH = ("og:title", "og:description", "og:url", "og:type", "og:site_name")
TWITTER = ("twitter:card",)
_SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
_SITEMAP_LINE = re.compile(r"^\s*sitemap:\s*(\S+)\s*$", re.IGNORECASE | re.MULTILINE)


def check_discovery(site: Site) -> list[Problem]:
    """Check canonical links, previews, favicons, JSON-LD, sitemap and robots.txt."""
    if not site.pages:
        return []
    base = _base_address(site)
    problems: list[Problem] = []
    own = set()  # pages whose canonical address is their own
    for page in site.pages.values():
        if page.path == NOT_FOUND_PAGE or page.path.startswith("pagefind/"):
            continue
        found, canonical = _page_problems(site, page, base)
        problems.extend(found)
        if canonical is not None and canonical == _address(base, page.path):
            own.add(page.path)
    problems.extend(_sitemap_problems(site, base, own))
    problems.extend(_robots_problems(site, base))
    return problems


def _base_address(site: Site) -> str:
    """Return the site's absolute address, without a trailing "/" ("" if unknown)."""
    if site.urls.site_url:
        return site.urls.site_url.rstrip("/")
    home = site.pages.get("index.html")
    if home and home.head.canonical:
        return home.head.canonical[0].rstrip("/")
    return ""


def _address(base: str, path: str) -> str:
    """Return the absolute address a file is served at (folders for index.html)."""
    if path == "index.html" or path.endswith("/index.html"):
        path = path[: -len("index.html")]
    return f"{base}/{path}"


def _path_of(base: str, url: str) -> str | None:
    """Return the file an absolute address of this site names, or None."""
    if not base or not url.startswith(base + "/"):
        return None
    path = urlsplit(url[len(base) + 1:]).path
    return path + "index.html" if path == "" or path.endswith("/") else path


def _page_problems(site: Site, page: PageFacts, base: str) -> tuple[list[Problem], str | None]:
    problems = []

    def problem(kind: str, message: str, line: int | None = None) -> None:
        problems.append(Problem("discovery", kind, page.path, message, line))

    head = page.head
    canonical = None
    if len(head.canonical) != 1:
        problem("canonical", f"has {len(head.canonical)} canonical links; it needs one")
    else:
        canonical = head.canonical[0]
        if urlsplit(canonical).scheme not in ("http", "https"):
            problem("canonical", f"canonical link {canonical!r} is not an absolute address")
        elif base and _path_of(base, canonical) not in site.files:
            problem("canonical", f"canonical link {canonical} names no page of this site "
                                 f"(served at {base}/)")
    missing = [key for key in OPENGRAPH + TWITTER if not head.meta.get(key, "").strip()]
    if missing:
        problem("previews", "no " + ", ".join(missing) + " meta tag")
    if canonical and head.meta.get("og:url") and head.meta["og:url"] != canonical:
        problem("previews", f"og:url {head.meta['og:url']} is not the canonical {canonical}")
    if not head.icons:
        problem("favicon", "links no favicon (<link rel=\"icon\">)")
    for icon in head.icons:
        target = site.resolve(icon, page.path)
        if getattr(target, "path", None) not in site.files:
            problem("favicon", f"favicon {icon} does not exist")
    problems.extend(_structured_data_problems(page))
    return problems, canonical


def _structured_data_problems(page: PageFacts) -> list[Problem]:
    problems = []
    articles = []
    for text, line in page.head.json_ld:
        try:
            data = json.loads(text)
        except ValueError as error:
            problems.append(Problem("discovery", "json-ld", page.path,
                                    f"JSON-LD does not parse: {error}", line))
            continue
        for item in data if isinstance(data, list) else [data]:
            if isinstance(item, dict) and item.get("@type") == "NewsArticle":
                articles.append(item)
    is_briefing = bool(page.excerpts)
    is_report = bool(page.paragraphs and page.briefing_links)
    if (is_briefing or is_report) and not articles:
        kind = "briefing" if is_briefing else "report"
        problems.append(Problem("discovery", "json-ld", page.path,
                                f"a {kind} page without a JSON-LD NewsArticle"))
    for article in articles:
        for key in ("headline", "datePublished", "url"):
            if not article.get(key):
                problems.append(Problem("discovery", "json-ld", page.path,
                                        f"the NewsArticle has no {key}"))
    if is_briefing and articles:
        article = articles[0]
        based_on = article.get("isBasedOn")
        if not (isinstance(based_on, dict) and based_on.get("url")):
            problems.append(Problem("discovery", "json-ld", page.path,
                                    "the briefing's NewsArticle is not isBasedOn its report"))
        about = article.get("about")
        if not (isinstance(about, dict) and about.get("@type") == "Country"
                and about.get("name")):
            problems.append(Problem("discovery", "json-ld", page.path,
                                    "the briefing's NewsArticle is not about a Country"))
    return problems


def _sitemap_problems(site: Site, base: str, own: set[str]) -> list[Problem]:
    def problem(kind: str, message: str) -> Problem:
        return Problem("discovery", kind, SITEMAP, message)

    if SITEMAP not in site.files:
        return [problem("sitemap", "the site has no sitemap.xml")]
    try:
        tree = ET.parse(site.root / SITEMAP)
    except ET.ParseError as error:
        return [problem("sitemap", f"does not parse as XML: {error}")]
    if tree.getroot().tag != f"{_SITEMAP_NS}urlset":
        return [problem("sitemap", "is not a <urlset> of the sitemaps.org schema")]
    problems = []
    listed = set()
    for loc in tree.getroot().iter(f"{_SITEMAP_NS}loc"):
        url = (loc.text or "").strip()
        path = _path_of(base, url)
        if path is None:
            problems.append(problem("sitemap", f"{url!r} is not an address under {base}/"))
        elif path not in site.files:
            problems.append(problem("sitemap", f"lists {url}, which does not exist"))
        else:
            listed.add(path)
    for path in sorted(own - listed):
        problems.append(problem("sitemap", f"does not list {_address(base, path)}"))
    return problems


def _robots_problems(site: Site, base: str) -> list[Problem]:
    if ROBOTS not in site.files:
        return [Problem("discovery", "robots", ROBOTS, "the site has no robots.txt")]
    text = (site.root / ROBOTS).read_text(encoding="utf-8", errors="replace")
    named = _SITEMAP_LINE.findall(text)
    wanted = f"{base}/{SITEMAP}"
    if wanted not in named:
        return [Problem("discovery", "robots", ROBOTS,
                        f"does not name the sitemap (Sitemap: {wanted})")]
    return []
