"""Feeds: every RSS/Atom file parses cleanly and its entries are complete,
and every feed a page advertises exists.

Also the W3C Feed Validation Service's rules for what this site emits (the
validator is not installable here, so its rules are encoded instead): an RSS
guid is a full URL or says ``isPermaLink="false"``; an Atom feed has an id,
and two feeds share one only when they are one feed at two addresses; each
feed has a self link naming its own address and a language; entry ids are
unique in a feed; and a feed's alternate link is a page that announces it
(so a country feed links to its hub, not to the home page).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
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
_ATOM = "{http://www.w3.org/2005/Atom}"
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


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
    # From the XML itself, as the W3C validator reads it.
    feed_id: str = ""  # Atom only: RSS channels have none
    alternate: str = ""
    self_links: list[str] = field(default_factory=list)
    language: str = ""
    bad_guids: list[tuple[int, str]] = field(default_factory=list)  # (entry, guid)

    @property
    def is_atom(self) -> bool:
        return self.version.startswith("atom")


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
    _read_identity(facts, output_dir / path)
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


def _read_identity(facts: FeedFacts, path: Path) -> None:
    """Fill in what the feed says it is: id, links, language, RSS guids."""
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError:
        return  # feedparser's error already names it
    if root.tag == _ATOM + "feed":
        facts.feed_id = (root.findtext(_ATOM + "id") or "").strip()
        facts.language = root.get(_XML_LANG, "")
        for link in root.findall(_ATOM + "link"):
            rel = link.get("rel", "alternate")
            if rel == "alternate" and not facts.alternate:
                facts.alternate = link.get("href", "")
            elif rel == "self":
                facts.self_links.append(link.get("href", ""))
        return
    channel = root.find("channel")
    if root.tag != "rss" or channel is None:
        return
    facts.alternate = (channel.findtext("link") or "").strip()
    facts.language = (channel.findtext("language") or "").strip()
    facts.self_links = [link.get("href", "") for link in channel.findall(_ATOM + "link")
                        if link.get("rel") == "self"]
    for number, item in enumerate(channel.findall("item"), 1):
        guid = item.find("guid")
        if guid is None or guid.get("isPermaLink", "true").strip() == "false":
            continue
        parts = urlsplit((guid.text or "").strip())
        if parts.scheme not in ("http", "https") or not parts.netloc:
            facts.bad_guids.append((number, (guid.text or "").strip()))


def check_feeds(site: Site) -> list[Problem]:
    """Check every feed's syntax and entries, then every advertised feed."""
    problems = []
    for feed in site.feeds.values():
        problems.extend(_feed_problems(site, feed))
        problems.extend(_identity_problems(site, feed))
    problems.extend(_shared_id_problems(site))
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


def _identity_problems(site: Site, feed: FeedFacts) -> list[Problem]:
    """Return what the W3C validator (or a feed reader) would fault in a feed's identity."""
    if feed.error:
        return []  # a feed that does not parse has one problem worth fixing first

    def problem(kind: str, message: str) -> Problem:
        return Problem("feeds", kind, feed.path, message)

    problems = []
    for number, guid in feed.bad_guids:
        problems.append(problem(
            "invalid guid",
            f"entry {number}'s guid {guid!r} is not a full URL and has no "
            'isPermaLink="false" (the W3C Feed Validator rejects it)'))
    if feed.is_atom and not urlsplit(feed.feed_id).scheme:
        problems.append(problem("missing feed id",
                                f"has no absolute <id> (found {feed.feed_id!r})"))
    if not feed.language:
        problems.append(problem("missing language",
                                "names no language (RSS <language>, Atom xml:lang)"))
    ids = [entry.id for entry in feed.entries if entry.id]
    for repeated in sorted({i for i in ids if ids.count(i) > 1}):
        problems.append(problem("duplicate entry id",
                                f"{ids.count(repeated)} entries share the id {repeated}"))
    own = [link for link in feed.self_links
           if _names(site, link, feed.path) == feed.path]
    if not own:
        found = ", ".join(feed.self_links) or "none"
        problems.append(problem("wrong self link",
                                f"has no self link naming its own address (found {found})"))
    problems.extend(_alternate_problems(site, feed))
    return problems


def _names(site: Site, url: str, base: str) -> str | None:
    """Return the output file an absolute or relative URL names, if internal."""
    target = site.resolve(url, base)
    return target.path if isinstance(target, Internal) else None


def _alternate_problems(site: Site, feed: FeedFacts) -> list[Problem]:
    """A feed's alternate link must be a page of the site that announces it."""
    if not feed.alternate:
        return [Problem("feeds", "feed home page", feed.path,
                        "has no alternate link to the page it is the feed of")]
    page_path = _names(site, feed.alternate, feed.path)
    if page_path is None:
        return []  # an external page is not ours to check
    page = site.pages.get(page_path)
    if page is None:
        return [Problem("feeds", "feed home page", feed.path,
                        f"links to {feed.alternate} as its page, but {page_path} "
                        "is not a page of the site")]
    # The feed itself, or (a feed at an older address) the feed it is a copy of.
    same = {path for path, other in site.feeds.items()
            if path == feed.path or _copies(feed, other)}
    announced = {_names(site, link.url, page_path) for link in page.links
                 if link.is_feed and link.tag == "link"}
    if not same & announced:
        return [Problem("feeds", "feed home page", feed.path,
                        f"links to {page_path} as its page, but that page does not "
                        "announce this feed (<link rel=\"alternate\">): readers would "
                        "show the wrong page as the feed's website")]
    return []


def _copies(feed: FeedFacts, other: FeedFacts) -> bool:
    """Tell whether two feeds are one feed at two addresses (a renamed country's)."""
    return (feed.version, feed.feed_id, feed.alternate, [e.id for e in feed.entries]) == \
        (other.version, other.feed_id, other.alternate, [e.id for e in other.entries])


def _shared_id_problems(site: Site) -> list[Problem]:
    """Two Atom feeds may share an id only as one feed at two addresses."""
    by_id: dict[str, list[FeedFacts]] = {}
    for feed in site.feeds.values():
        if feed.is_atom and feed.feed_id and not feed.error:
            by_id.setdefault(feed.feed_id, []).append(feed)
    problems = []
    for feed_id, feeds in sorted(by_id.items()):
        first = feeds[0]
        for other in feeds[1:]:
            if (other.alternate, [e.id for e in other.entries]) != \
                    (first.alternate, [e.id for e in first.entries]):
                problems.append(Problem(
                    "feeds", "shared feed id", other.path,
                    f"has the id {feed_id} of {first.path}, a different feed: "
                    "feed readers would take them for one"))
    return problems
