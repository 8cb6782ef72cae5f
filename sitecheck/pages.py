"""Read each HTML page of the site once and keep only the facts the checks need.

Parsing is the expensive part of a check over thousands of pages, so every
page is parsed exactly once (with BeautifulSoup's "html.parser"), in worker
processes when there are many, and reduced to a small picklable `PageFacts`.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from bs4 import BeautifulSoup, Tag

from .text import element_text

FEED_TYPES = frozenset({"application/atom+xml", "application/rss+xml"})
FEED_SUFFIXES = (".atom.xml", ".rss.xml", ".atom", ".rss")
# Attributes holding one URL each; srcset is handled on its own.
URL_ATTRIBUTES = ("href", "src", "poster")
# Below this many pages, starting worker processes costs more than it saves.
PARALLEL_THRESHOLD = 400


@dataclass(frozen=True)
class Link:
    """One URL in a page: where it is and whether it advertises a feed."""

    url: str
    line: int | None
    tag: str
    is_feed: bool = False


@dataclass(frozen=True)
class Excerpt:
    """A briefing's ``blockquote.excerpt``: which report paragraph it quotes."""

    paragraph: str
    text: str
    line: int | None
    source_url: str | None  # the footer link to the paragraph in the report


@dataclass(frozen=True)
class Paragraph:
    """A report paragraph (or list item) and the countries it is attributed to."""

    anchor: str
    countries: tuple[str, ...]
    text: str
    line: int | None


@dataclass(frozen=True)
class BriefingLink:
    """A report's ``a.briefing-link``: the briefing page of one country."""

    country: str
    url: str
    line: int | None


@dataclass
class PageFacts:
    """What the checks need to know about one HTML page."""

    path: str
    ids: frozenset[str] = frozenset()
    links: list[Link] = field(default_factory=list)
    excerpts: list[Excerpt] = field(default_factory=list)
    paragraphs: dict[str, Paragraph] = field(default_factory=dict)
    briefing_links: list[BriefingLink] = field(default_factory=list)


def read_page(output_dir: Path, path: str) -> PageFacts:
    """Parse the page at ``path`` (relative to ``output_dir``) into `PageFacts`."""
    with open(output_dir / path, encoding="utf-8", errors="replace") as handle:
        soup = BeautifulSoup(handle.read(), "html.parser")
    facts = PageFacts(path=path)
    ids = set()
    for element in soup.find_all(True):
        if element.get("id"):
            ids.add(element["id"])
        if element.name == "a" and element.get("name"):
            ids.add(element["name"])
        facts.links.extend(_links_of(element))
        if element.get("data-countries") is not None and element.get("id"):
            paragraph = _paragraph(element)
            if paragraph:
                facts.paragraphs[paragraph.anchor] = paragraph
        if element.name == "a" and element.get("data-briefing-country") is not None:
            facts.briefing_links.append(BriefingLink(
                element["data-briefing-country"], element.get("href", ""),
                element.sourceline))
    facts.ids = frozenset(ids)
    # Last, because taking the footer out of each quote changes the tree.
    facts.excerpts = [_excerpt(quote) for quote in soup.select("blockquote.excerpt")]
    return facts


def read_pages(output_dir: Path, paths: Iterable[str]) -> dict[str, PageFacts]:
    """Parse every page once, in parallel when there are enough to pay for it."""
    paths = list(paths)
    workers = min(os.cpu_count() or 1, 8)
    if len(paths) < PARALLEL_THRESHOLD or workers < 2:
        return {path: read_page(output_dir, path) for path in paths}
    with ProcessPoolExecutor(workers) as pool:
        chunk = max(1, len(paths) // (workers * 8))
        results = pool.map(read_page, [output_dir] * len(paths), paths, chunksize=chunk)
        return {facts.path: facts for facts in results}


def _links_of(element: Tag) -> list[Link]:
    """Return the URLs an element carries in href/src/poster/srcset."""
    found = []
    for attribute in URL_ATTRIBUTES:
        url = element.get(attribute)
        if url is not None and not isinstance(url, list):
            found.append(Link(url, element.sourceline, element.name, _is_feed_link(element, url)))
    srcset = element.get("srcset")
    if srcset:
        for candidate in srcset.split(","):
            if candidate.strip():
                found.append(Link(candidate.split()[0], element.sourceline, element.name))
    return found


def _is_feed_link(element: Tag, url: str) -> bool:
    """Tell whether a <link> or <a> advertises a feed (by type or by file name)."""
    if element.name not in ("link", "a"):
        return False
    if (element.get("type") or "").split(";")[0].strip().lower() in FEED_TYPES:
        return True
    path = url.split("#")[0].split("?")[0].lower()
    return element.name == "a" and path.endswith(FEED_SUFFIXES)


def _paragraph(element: Tag) -> Paragraph | None:
    """Return a report paragraph's facts; sections (which hold many) are skipped."""
    if element.name == "section" or "report-section" in element.get("class", []):
        return None
    countries = tuple(element["data-countries"].split())
    return Paragraph(element["id"], countries, element_text(element), element.sourceline)


def _excerpt(quote: Tag) -> Excerpt:
    """Return a quote's paragraph, source link and text without footer and label."""
    footer_link = quote.select_one("footer a[href]")
    source_url = footer_link["href"] if footer_link else None
    for extra in quote.select("footer, .excerpt-label"):
        extra.extract()
    return Excerpt(quote.get("data-paragraph", ""), element_text(quote),
                   quote.sourceline, source_url)
