"""Read a saved news page: the article's own words, none of the page around it.

trafilatura finds the article in the page (it drops navigation, share bars,
cookie banners, related links, comments, scripts and footers) and returns it
as XML that keeps its structure: ``head`` (subheadings), ``p``, ``list`` /
``item``, ``quote``, ``table``, ``hi`` (bold and italics), ``ref`` (links),
``lb`` (line breaks). This module maps that structure to blocks itself, so the
reporter's words are taken as they are and nothing is rewritten; it then
applies the same furniture rules as plain text to what the extractor kept
(a "Read also" line or a newsletter box inside the article body). The page's
metadata comes from ``pagemeta``, with trafilatura's as the fallback.
"""

from __future__ import annotations

from pathlib import Path

import trafilatura
from lxml import etree
from trafilatura.settings import use_config

from . import dates
from .document import HEADING, ITEM, NUMBERED, PARAGRAPH, Block, Document, Dropped
from .errors import ImportRefused
from .furniture import Furniture
from .pagemeta import parse_html, read_page_meta
from .screening import LineScreen
from .shapes import clean, is_prose, looks_like_heading
from .store import fingerprint

# A paragraph that is nearly all link and this short points elsewhere ("Read also: …").
LINK_PARAGRAPH_MAX_WORDS = 20
LINK_SHARE = 0.8


def _config():
    config = use_config()
    # No alarm signal: the import may run outside the main thread (tests, tools).
    config.set("DEFAULT", "EXTRACTION_TIMEOUT", "0")
    return config


def extract_xml(html: str, url: str | None = None) -> etree._Element | None:
    """Return trafilatura's XML of the page's article, or None if it finds none."""
    xml = trafilatura.extract(
        html, url=url, output_format="xml", with_metadata=True, include_comments=False,
        include_tables=True, include_images=False, include_formatting=True,
        include_links=True, deduplicate=False, config=_config())
    if not xml:
        return None
    return etree.fromstring(xml.encode("utf-8"))


class _Candidate:
    """A piece of text from the page, with what its markup says about it."""

    def __init__(self, kind: str, text: str, bold: bool = False, link_share: float = 0.0,
                 level: str = ""):
        self.kind, self.text, self.bold, self.link_share = kind, clean(text), bold, link_share
        self.level = level  # a heading's rend: "h1" … "h6"


def _pieces(element: etree._Element) -> list[tuple[str, bool, float]]:
    """Return the element's text split at line breaks: (text, all bold, link share)."""
    pieces: list[list[tuple[str, bool, bool]]] = [[]]

    def walk(node, bold, link):
        if node.tag == "lb":
            pieces.append([])
        else:
            bold = bold or node.tag == "hi" and "#b" in (node.get("rend") or "")
            link = link or node.tag == "ref"
            if node.text:
                pieces[-1].append((node.text, bold, link))
            for child in node:
                walk(child, bold, link)
        if node is not element and node.tail:
            outer_bold = node.getparent() is not None and _is_bold(node.getparent(), element)
            pieces[-1].append((node.tail, outer_bold, _in_link(node.getparent(), element)))

    walk(element, False, False)
    out = []
    for runs in pieces:
        text = "".join(t for t, _, _ in runs)
        letters = sum(len(t.strip()) for t, _, _ in runs) or 1
        bold = all(b for t, b, _ in runs if t.strip()) and bool(text.strip())
        linked = sum(len(t.strip()) for t, _, link in runs if link) / letters
        if text.strip():
            out.append((text, bold, linked))
    return out


def _is_bold(node, top) -> bool:
    while node is not None and node is not top.getparent():
        if node.tag == "hi" and "#b" in (node.get("rend") or ""):
            return True
        if node is top:
            return False
        node = node.getparent()
    return False


def _in_link(node, top) -> bool:
    while node is not None and node is not top.getparent():
        if node.tag == "ref":
            return True
        if node is top:
            return False
        node = node.getparent()
    return False


def _layout_cell(table: etree._Element) -> etree._Element | None:
    """Return the cell holding the article if ``table`` lays out the page, else None."""
    cells = list(table.iter("cell"))
    if not any(cell.find("head") is not None or len(cell.findall("p")) >= 2 for cell in cells):
        return None
    return max(cells, key=lambda cell: len("".join(cell.itertext())))


def _candidates(element: etree._Element, dropped: list[Dropped]) -> list[_Candidate]:
    """Walk trafilatura's XML in reading order and return its text pieces."""
    found: list[_Candidate] = []

    def loose(text):
        if text and text.strip():
            found.append(_Candidate(PARAGRAPH, text))

    def walk(node):
        loose(node.text)
        for child in node:
            tag = child.tag
            if tag == "head":
                for text, _, share in _pieces(child):
                    found.append(_Candidate(HEADING, text, link_share=share,
                                            level=(child.get("rend") or "").lower()))
            elif tag == "p":
                for text, bold, share in _pieces(child):
                    found.append(_Candidate(PARAGRAPH, text, bold, share))
            elif tag == "list":
                kind = NUMBERED if (child.get("rend") or "").lower() == "ol" else ITEM
                for item in child.iter("item"):
                    runs = item.xpath("text()|*[not(self::list)]//text()")
                    text = "".join(runs)
                    linked = "".join(item.xpath("ref//text()|*[not(self::list)]//ref//text()"))
                    share = len(linked.strip()) / max(len(text.strip()), 1)
                    if text.strip():
                        found.append(_Candidate(kind, text, link_share=share))
            elif tag == "table":
                cell = _layout_cell(child)
                if cell is not None:
                    for other in child.iter("cell"):
                        if other is not cell and "".join(other.itertext()).strip():
                            dropped.append(Dropped(" ".join("".join(other.itertext()).split()),
                                                   "page column beside the article"))
                    walk(cell)
                else:
                    for row in child.iter("row"):
                        cells = [clean("".join(c.itertext())) for c in row.iter("cell")]
                        if any(cells):
                            found.append(_Candidate(PARAGRAPH, " | ".join(c for c in cells if c)))
            elif tag in ("quote", "div", "cell", "row", "main"):
                walk(child)
            elif tag in ("graphic",):
                pass
            else:
                for text, bold, share in _pieces(child):
                    found.append(_Candidate(PARAGRAPH, text, bold, share))
            loose(child.tail)

    walk(element)
    return found


def _left_out(html: str, blocks: list[Block], title: str, dropped: list[Dropped],
              furniture: Furniture) -> list[Dropped]:
    """Return the page's paragraphs and headings that the extractor left out.

    Listed so the editor can see that nothing of the article went with the
    page around it (link lists and menus are not: they are never report text).
    """
    try:
        tree = parse_html(html)
    except (ValueError, etree.ParserError):
        return []
    kept = {fingerprint(b.text) for b in blocks} | {fingerprint(title)}
    kept |= {fingerprint(d.text) for d in dropped}
    out = []
    for element in tree.iter("p", "h2", "h3", "h4", "h5", "h6", "blockquote"):
        if element.getparent() is not None and element.getparent().tag in ("a", "button"):
            continue
        text = " ".join(element.text_content().split())
        key = fingerprint(text)
        if key and key not in kept and not any(key in k for k in kept if len(key) > 20):
            kept.add(key)
            rule = furniture.match(text)
            out.append(Dropped(text, "outside the article" + (f": {rule.name}" if rule else "")))
    return out


def read_web_page(html: str, path: Path, furniture: Furniture | None = None) -> Document:
    """Read a saved page (decoded ``html`` of the file at ``path``) into a Document."""
    furniture = furniture or Furniture.default()
    meta = read_page_meta(html)
    root = extract_xml(html, meta.url or None)
    main = root.find("main") if root is not None else None
    if root is None or main is None or not "".join(main.itertext()).strip():
        raise ImportRefused(f"{path}: no article found in this page (nothing but page "
                            "furniture, or not a news page)")
    dropped: list[Dropped] = []
    candidates = _candidates(main, dropped)
    title = meta.title or clean(root.get("title") or "")
    first_head = next((c for c in candidates if c.kind == HEADING), None)
    if (first_head is not None and candidates.index(first_head) <= 1
            and (first_head.level == "h1" or not title)):
        # The article's own headline, as the page shows it above the text (a
        # subheading under the lead is not one).
        title = first_head.text
    blocks: list[Block] = []
    screen = LineScreen(furniture, "the page's date line", dropped=dropped)
    screen.date = dates.page_date(meta.date) if meta.date else None
    screen.date_source = f"the page's {meta.date_from}" if screen.date else ""
    seen_title = False
    for candidate in candidates:
        text, kind = candidate.text, candidate.kind
        if not text:
            continue
        if not seen_title and text == title and kind in (HEADING, PARAGRAPH):
            seen_title = True
            continue
        if screen.drops(text):
            continue
        if (candidate.link_share >= LINK_SHARE
                and len(text.split()) <= LINK_PARAGRAPH_MAX_WORDS):
            dropped.append(Dropped(text, "link to another page"))
            continue
        if kind == PARAGRAPH and candidate.bold and looks_like_heading(text):
            kind = HEADING
        if kind == HEADING:
            if screen.teasers:
                dropped.append(Dropped(text, "related-story teaser"))
                continue
        else:
            screen.teasers = False
        if kind == PARAGRAPH and blocks and any(b.text == text for b in blocks) \
                and len(text) < 200:
            dropped.append(Dropped(text, "pull quote (repeats a paragraph)"))
            continue
        blocks.append(Block(kind, text))
    screen.drop_trailing_headings(blocks)
    if not title or not any(b.kind == PARAGRAPH and is_prose(b.text) for b in blocks):
        raise ImportRefused(f"{path}: no article found in this page (no headline with "
                            "paragraphs of sentences under it, only page furniture)")
    # trafilatura's own date search is not used: on a page without a date it
    # guesses from whatever it finds, a copyright year included.
    screen.date_from_dateline_or_name(blocks, path)
    dropped.extend(_left_out(html, blocks, title, dropped, furniture))
    return Document(title=title, blocks=blocks, date=screen.date,
                    date_source=screen.date_source,
                    source=meta.site or clean(root.get("sitename") or ""),
                    source_url=meta.url or clean(root.get("url") or ""), dropped=dropped)
