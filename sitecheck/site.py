"""The built site as the checks see it: its files, parsed pages and feeds."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from .feeds import FeedFacts, is_feed_file, read_feed
from .pages import PageFacts, read_pages
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

    @classmethod
    def load(cls, output_dir: str | os.PathLike, site_url: str | None = None) -> Site:
        """Walk ``output_dir`` and parse its HTML pages and its feeds."""
        root = Path(output_dir)
        files = frozenset(_walk(root))
        pages = read_pages(root, sorted(f for f in files if f.endswith(HTML_SUFFIXES)))
        feeds = {
            path: read_feed(root, path)
            for path in sorted(files)
            if path.endswith(".xml") and is_feed_file(root / path)
        }
        return cls(root, SiteUrls(site_url), files, pages, feeds)

    def resolve(self, url: str, base: str) -> Resolution:
        """Resolve ``url`` found in file ``base``; a folder URL names its index.html."""
        resolution = self.urls.resolve(url, base)
        if isinstance(resolution, Internal) and resolution.path not in self.files:
            index = resolution.path.rstrip("/") + "/index.html"
            if index in self.files:
                return Internal(index, resolution.fragment)
        return resolution

    def page_at(self, url: str, base: str) -> PageFacts | None:
        """Return the page an internal URL found in ``base`` names, if it exists."""
        resolution = self.resolve(url, base)
        if isinstance(resolution, Internal):
            return self.pages.get(resolution.path)
        return None


def _walk(root: Path):
    """Yield every file under ``root`` as a POSIX path relative to it."""
    for folder, _dirs, names in os.walk(root):
        relative = Path(folder).relative_to(root).as_posix()
        prefix = "" if relative == "." else relative + "/"
        for name in names:
            yield prefix + name
