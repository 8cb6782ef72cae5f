"""The built site as the checks see it: its files, parsed pages and feeds."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from .feeds import FeedFacts, is_feed_file, read_feed
from .pages import PageFacts, read_page
from .parallel import read_all
from .urls import Internal, Resolution, SiteUrls

HTML_SUFFIXES = (".html", ".htm")


@dataclass
class Site:
    """Every file of one output folder, with each page and feed parsed once."""

    root: Path
    urls: SiteUrls
    files: frozenset[str]
    pages: dict[str, PageFacts]
    feeds: dict[str, FeedFacts]
    _resolved: dict[tuple[str, str], Resolution] = field(
        default_factory=dict, repr=False
    )

    @classmethod
    def load(cls, output_dir: str | os.PathLike, site_url: str | None = None) -> Site:
        """Walk ``output_dir`` and parse its HTML pages and its feeds."""
        root = Path(output_dir)
        files = frozenset(_walk(root))
        pages = read_all(
            read_page, root, sorted(f for f in files if f.endswith(HTML_SUFFIXES))
        )
        feeds = read_all(
            read_feed,
            root,
            sorted(f for f in files if f.endswith(".xml") and is_feed_file(root / f)),
        )
        return cls(root, SiteUrls(site_url), files, pages, feeds)

    def resolve(self, url: str, base: str) -> Resolution:
        """Resolve ``url`` found in file ``base``; a folder URL names its index.html."""
        key = _cache_key(url, base)
        if key not in self._resolved:
            self._resolved[key] = self._resolve(url, base)
        return self._resolved[key]

    def _resolve(self, url: str, base: str) -> Resolution:
        resolution = self.urls.resolve(url, base)
        if isinstance(resolution, Internal) and resolution.path not in self.files:
            index = resolution.path.rstrip("/") + "/index.html"
            if index in self.files:
                return Internal(index, resolution.fragment)
        return resolution

    def advertised_feeds(self, page: PageFacts) -> list[str]:
        """Return the feeds (paths in output/) a page's ``<link rel="alternate">`` name."""
        found = []
        for link in page.links:
            if link.tag == "link" and link.is_feed:
                target = self.resolve(link.url, page.path)
                if isinstance(target, Internal) and target.path not in found:
                    found.append(target.path)
        return found

    @cached_property
    def site_feeds(self) -> frozenset[str]:
        """Return the site-wide feeds: those every page that advertises feeds advertises."""
        common: set[str] | None = None
        for page in self.pages.values():
            advertised = self.advertised_feeds(page)
            if advertised:
                common = set(advertised) if common is None else common & set(advertised)
        return frozenset(common or ())

    def country_feeds(self, briefing: PageFacts) -> list[str]:
        """Return a briefing's country feeds: what its page advertises beyond the site's.

        Read from the page, not assumed, so a site with its own COUNTRY_FEED_*
        paths is checked against the feeds its readers are offered.
        """
        return [f for f in self.advertised_feeds(briefing) if f not in self.site_feeds]

    def page_at(self, url: str, base: str) -> PageFacts | None:
        """Return the page an internal URL found in ``base`` names, if it exists."""
        resolution = self.resolve(url, base)
        if isinstance(resolution, Internal):
            return self.pages.get(resolution.path)
        return None


def _cache_key(url: str, base: str) -> tuple[str, str]:
    """Return a key under which ``url`` resolves the same for every page sharing it.

    Pages in one folder resolve every URL alike, except those naming the page
    itself ("#anchor"). A relative URL that climbs
    exactly to the site root first (the navigation of a RELATIVE_URLS build:
    "../../tags/") resolves alike from every folder at the same depth, which
    is what makes caching pay on a large site.
    """
    if not url or url[0] in "#?":  # the page itself: never shared
        return (base, url)
    directory = base.rpartition("/")[0]
    depth = directory.count("/") + 1 if directory else 0
    climb = "../" * depth if depth else "./"
    if url.startswith(climb) and not url.startswith(climb + "../"):
        return (f"depth {depth}", url)
    return (directory, url)


def _walk(root: Path):
    """Yield every file under ``root`` as a POSIX path relative to it."""
    for folder, _dirs, names in os.walk(root):
        relative = Path(folder).relative_to(root).as_posix()
        prefix = "" if relative == "." else relative + "/"
        for name in names:
            yield prefix + name
