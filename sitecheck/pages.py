"""Read each HTML page of the site once and keep only the facts the checks need.

Parsing is the expensive part of a check over thousands of pages, so every
page is read exactly once, in one streaming pass of the standard library's
HTML tokenizer (the one behind BeautifulSoup's "html.parser", without the
cost of building a tree: about three times faster here), in worker processes
when there are many (see `parallel.py`), and reduced to a small picklable
`PageFacts`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from .text import normalise_space

FEED_TYPES = frozenset({"application/atom+xml", "application/rss+xml"})
FEED_SUFFIXES = (".atom.xml", ".rss.xml", ".atom", ".rss")
# Attributes holding one URL each; srcset is handled on its own.
URL_ATTRIBUTES = ("href", "src", "poster")


@dataclass(frozen=True)
class Link:
    """One URL in a page: where it is and whether it advertises a feed."""

    url: str
    line: int
    tag: str
    is_feed: bool = False


@dataclass(frozen=True)
class Excerpt:
    """A briefing's ``blockquote.excerpt``: which report paragraph it quotes."""

    paragraph: str
    text: str
    line: int
    source_url: str | None  # the footer link to the paragraph in the report


@dataclass(frozen=True)
class Paragraph:
    """A report paragraph (or list item) and the countries it is attributed to."""

    anchor: str
    countries: tuple[str, ...]
    text: str
    line: int


@dataclass(frozen=True)
class BriefingLink:
    """A report's ``a.briefing-link``: the briefing page of one country."""

    country: str
    url: str
    line: int


@dataclass
class HeadFacts:
    """What a page tells crawlers and link previews (the discovery checks)."""

    canonical: list[str] = field(default_factory=list)  # <link rel="canonical"> hrefs
    icons: list[str] = field(default_factory=list)  # <link rel="icon"> hrefs
    meta: dict[str, str] = field(default_factory=dict)  # property or name -> content
    json_ld: list[tuple[str, int]] = field(default_factory=list)  # (script text, line)


@dataclass
class PageFacts:
    """What the checks need to know about one HTML page."""

    path: str
    ids: frozenset[str] = frozenset()
    links: list[Link] = field(default_factory=list)
    excerpts: list[Excerpt] = field(default_factory=list)
    paragraphs: dict[str, Paragraph] = field(default_factory=dict)
    briefing_links: list[BriefingLink] = field(default_factory=list)
    head: HeadFacts = field(default_factory=HeadFacts)


def read_page(output_dir: Path, path: str) -> PageFacts:
    """Parse the page at ``path`` (relative to ``output_dir``) into `PageFacts`."""
    with open(output_dir / path, encoding="utf-8", errors="replace") as handle:
        markup = handle.read()
    parser = _PageParser(path)
    parser.feed(markup)
    parser.close()
    return parser.facts()


@dataclass
class _Capture:
    """An element whose text is being collected until its end tag."""

    tag: str
    attrs: dict[str, str]
    line: int
    is_excerpt: bool
    depth: int = 1  # open elements of the same name, itself included
    text: list[str] = field(default_factory=list)
    source_url: str | None = None


@dataclass
class _Skip:
    """A footer or label inside an excerpt: its text is not part of the quote."""

    tag: str
    depth: int = 1


class _PageParser(HTMLParser):
    """Collect ids, URLs, report paragraphs and briefing excerpts in one pass.

    Text is collected for report paragraphs (elements with an id and
    ``data-countries``, sections excepted) and for ``blockquote.excerpt``
    minus its ``footer`` and ``.excerpt-label``. Elements are closed by
    counting start and end tags of their own name, which is exact for the
    generated markup (every paragraph, item and quote has its end tag).
    """

    def __init__(self, path: str):
        super().__init__(convert_charrefs=True)
        self.path = path
        self.ids: set[str] = set()
        self.links: list[Link] = []
        self.excerpts: list[Excerpt] = []
        self.paragraphs: dict[str, Paragraph] = {}
        self.briefing_links: list[BriefingLink] = []
        self.captures: list[_Capture] = []
        self.skip: _Skip | None = None
        self.head = HeadFacts()
        self.json_ld: list[str] | None = None  # text of the open ld+json script
        self.json_ld_line = 0

    def facts(self) -> PageFacts:
        """Return what the pass found."""
        return PageFacts(
            self.path,
            frozenset(self.ids),
            self.links,
            self.excerpts,
            self.paragraphs,
            self.briefing_links,
            self.head,
        )

    def handle_startendtag(self, tag, attrs):
        self._open(tag, dict(attrs), closes_itself=True)

    def handle_starttag(self, tag, attrs):
        self._open(tag, dict(attrs), closes_itself=False)

    def _open(self, tag: str, attrs: dict, closes_itself: bool):
        line = self.getpos()[0]
        self._record(tag, attrs, line)
        if closes_itself:
            return
        if self.skip:
            self.skip.depth += tag == self.skip.tag
            return
        for capture in self.captures:
            capture.depth += tag == capture.tag
        classes = (attrs.get("class") or "").split()
        if (
            self.captures
            and self.captures[-1].is_excerpt
            and (tag == "footer" or "excerpt-label" in classes)
        ):
            self.skip = _Skip(tag)
            return
        if tag == "blockquote" and "excerpt" in classes:
            self.captures.append(_Capture(tag, attrs, line, is_excerpt=True))
        elif (
            attrs.get("data-countries") is not None
            and attrs.get("id")
            and tag != "section"
            and "report-section" not in classes
        ):
            self.captures.append(_Capture(tag, attrs, line, is_excerpt=False))

    def _record(self, tag: str, attrs: dict, line: int):
        """Note the element's id, URLs and briefing link, wherever it is."""
        if tag in ("link", "meta", "script"):
            self._record_head(tag, attrs, line)
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        if tag == "a" and attrs.get("name"):
            self.ids.add(attrs["name"])
        for attribute in URL_ATTRIBUTES:
            url = attrs.get(attribute)
            if url is not None:
                self.links.append(Link(url, line, tag, _is_feed_link(tag, attrs, url)))
                if self.skip and tag == "a" and attribute == "href":
                    self._note_source(url)
        for candidate in (attrs.get("srcset") or "").split(","):
            if candidate.strip():
                self.links.append(Link(candidate.split()[0], line, tag))
        if tag == "a" and attrs.get("data-briefing-country") is not None:
            self.briefing_links.append(
                BriefingLink(
                    attrs["data-briefing-country"], attrs.get("href") or "", line
                )
            )

    def _record_head(self, tag: str, attrs: dict, line: int):
        rel = (attrs.get("rel") or "").lower().split()
        if tag == "link" and "canonical" in rel:
            self.head.canonical.append(attrs.get("href") or "")
        elif tag == "link" and "icon" in rel:
            self.head.icons.append(attrs.get("href") or "")
        elif tag == "meta":
            key = attrs.get("property") or attrs.get("name")
            if key:
                self.head.meta.setdefault(key, attrs.get("content") or "")
        elif (attrs.get("type") or "").strip().lower() == "application/ld+json":
            self.json_ld, self.json_ld_line = [], line

    def _note_source(self, url: str):
        """Keep an excerpt's first footer link: its place in the report."""
        excerpt = self.captures[-1]
        if self.skip is not None and self.skip.tag == "footer" \
                and excerpt.source_url is None:
            excerpt.source_url = url

    def handle_endtag(self, tag):
        if tag == "script" and self.json_ld is not None:
            self.head.json_ld.append(("".join(self.json_ld), self.json_ld_line))
            self.json_ld = None
            return
        if self.skip:
            self.skip.depth -= tag == self.skip.tag
            if self.skip.depth == 0:
                self.skip = None
            return
        for capture in list(self.captures):
            capture.depth -= tag == capture.tag
            if capture.depth == 0:
                self.captures.remove(capture)
                self._finish(capture)

    def handle_data(self, data):
        if self.json_ld is not None:
            self.json_ld.append(data)
            return
        if not self.skip:
            for capture in self.captures:
                capture.text.append(data)

    def close(self):
        super().close()
        for capture in self.captures:  # unclosed at the end of the file
            self._finish(capture)
        self.captures = []

    def _finish(self, capture: _Capture):
        text = normalise_space("".join(capture.text))
        if capture.is_excerpt:
            self.excerpts.append(
                Excerpt(
                    capture.attrs.get("data-paragraph") or "",
                    text,
                    capture.line,
                    capture.source_url,
                )
            )
        else:
            anchor = capture.attrs["id"]
            countries = tuple(capture.attrs["data-countries"].split())
            self.paragraphs[anchor] = Paragraph(anchor, countries, text, capture.line)


def _is_feed_link(tag: str, attrs: dict, url: str) -> bool:
    """Tell whether a <link> or <a> advertises a feed (by type or by file name)."""
    if tag not in ("link", "a"):
        return False
    if (attrs.get("type") or "").split(";")[0].strip().lower() in FEED_TYPES:
        return True
    path = url.split("#")[0].split("?")[0].lower()
    return tag == "a" and path.endswith(FEED_SUFFIXES)
