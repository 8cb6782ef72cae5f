"""Feeds: every RSS/Atom file parses cleanly and its entries are complete,
and every feed a page advertises exists."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

import feedparser

from .problem import Problem
from .text import html_text
from .urls import Internal

if TYPE_CHECKING:
    from .site import Site

# The root element of an RSS 2.0, Atom or RSS 1.0 (RDF) document.
_FEED_ROOT = re.compile(rb"<(?:rss|feed|(?:\w+:)?RDF)[\s>/]")
_SNIFF_BYTES = 4096


@dataclass
class FeedEntry:
    """One entry of a feed, as feedparser read it."""

    title: str
    link: str
    id: str
    has_date: bool
    content_html: list[str]
    summary_html: str

    def contains_text(self, text: str) -> bool:
        """Tell whether normalised ``text`` occurs in the entry's content or summary."""
        return text in self._content_text or text in self._summary_text

    # Converted on first use: only entries a check looks into pay for it.
    @cached_property
    def _content_text(self) -> str:
        return " ".join(html_text(markup) for markup in self.content_html)

    @cached_property
    def _summary_text(self) -> str:
        return html_text(self.summary_html)


@dataclass
class FeedFacts:
    """One feed file: its format, whether it parsed cleanly, its entries."""

    path: str
    version: str
    error: str | None = None
    error_line: int | None = None
    entries: list[FeedEntry] = field(default_factory=list)


def is_feed_file(path: Path) -> bool:
    """Tell whether an .xml file is an RSS or Atom feed (not a sitemap, say)."""
    with open(path, "rb") as handle:
        return bool(_FEED_ROOT.search(handle.read(_SNIFF_BYTES)))


def read_feed(output_dir: Path, path: str) -> FeedFacts:
    """Parse the feed at ``path`` (relative to ``output_dir``) with feedparser."""
    # Sanitising and resolving URIs in entry HTML is most of feedparser's time
    # and changes nothing the checks look at.
    parsed = feedparser.parse(
        (output_dir / path).read_bytes(),
        sanitize_html=False,
        resolve_relative_uris=False,
    )
    facts = FeedFacts(path, parsed.get("version", ""))
    if parsed.bozo:
        error = parsed.get("bozo_exception")
        facts.error = f"{type(error).__name__}: {error}" if error else "malformed feed"
        get_line = getattr(error, "getLineNumber", None)
        facts.error_line = get_line() if get_line else None
    for entry in parsed.entries:
        facts.entries.append(
            FeedEntry(
                title=entry.get("title", "").strip(),
                link=entry.get("link", "").strip(),
                id=entry.get("id", "").strip(),
                has_date=bool(
                    entry.get("published_parsed") or entry.get("updated_parsed")
                ),
                content_html=[
                    content.get("value", "") for content in entry.get("content", [])
                ],
                summary_html=entry.get("summary", ""),
            )
        )
    return facts


def check_feeds(site: Site) -> list[Problem]:
    """Check every feed's syntax and entries, then every advertised feed."""
    problems = []
    for feed in site.feeds.values():
        problems.extend(_feed_problems(site, feed))
    for page in site.pages.values():
        for link in page.links:
            if link.is_feed:
                problems.extend(_advertised_feed_problems(site, page.path, link))
    return problems


def _feed_problems(site: Site, feed: FeedFacts) -> list[Problem]:
    """Return what is wrong with one feed: parse errors, incomplete entries."""

    def problem(kind: str, message: str, line: int | None = None) -> Problem:
        return Problem("feeds", kind, feed.path, message, line)

    problems = []
    if feed.error:
        problems.append(
            problem(
                "malformed feed",
                f"does not parse cleanly ({feed.error})",
                feed.error_line,
            )
        )
    for number, entry in enumerate(feed.entries, 1):
        name = f"entry {number} ({entry.title!r})" if entry.title else f"entry {number}"
        if not entry.title:
            problems.append(problem("incomplete entry", f"{name} has no title"))
        if not entry.id:
            problems.append(problem("incomplete entry", f"{name} has no id"))
        if not entry.has_date:
            problems.append(problem("incomplete entry", f"{name} has no date"))
        if not entry.link:
            problems.append(problem("incomplete entry", f"{name} has no link"))
            continue
        parts = urlsplit(entry.link)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            problems.append(
                problem(
                    "relative entry link",
                    f"{name} links to {entry.link!r}, which is not absolute "
                    "(feed readers cannot resolve it)",
                )
            )
            continue
        target = site.resolve(entry.link, feed.path)
        if isinstance(target, Internal) and target.path not in site.files:
            problems.append(
                problem(
                    "missing entry page",
                    f"{name} links to {entry.link}, but "
                    f"{target.path} is not in the output",
                )
            )
    return problems


def _advertised_feed_problems(site: Site, page: str, link) -> list[Problem]:
    """Check that a feed a page advertises exists and is a feed."""
    target = site.resolve(link.url, page)
    if not isinstance(target, Internal):
        return []  # external feeds are not ours; bad URLs are the links check's
    if target.path not in site.files:
        return [
            Problem(
                "feeds",
                "missing advertised feed",
                page,
                f"advertises the feed {link.url}, but {target.path} does not exist",
                link.line,
            )
        ]
    if target.path not in site.feeds:
        return [
            Problem(
                "feeds",
                "advertised non-feed",
                page,
                f"advertises {link.url} as a feed, but {target.path} "
                "is not an RSS or Atom feed",
                link.line,
            )
        ]
    return []
