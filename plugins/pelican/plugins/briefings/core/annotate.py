"""Mark up a report so readers can find each country's part of it.

Pure core: no Pelican import. Every paragraph gets its stable ``id`` and a
``data-countries`` list; each subsection becomes a ``<section>`` that names
its countries and links to their briefings. Only attributes and the link box
are added: the reporter's text is left as it was.

The markup is written as text, top-level node by node, not by rewrapping the
parsed tree and serialising all of it again: each paragraph's inner HTML was
serialised once when the report was parsed (:attr:`Block.inner_html`), and
only the tags around it change. Those tags are written as Beautiful Soup's
"minimal" formatter writes them (attributes sorted, values escaped and quoted
by its own functions), so the result is byte for byte what serialising the
rewrapped tree gives; a test compares the two.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from bs4 import BeautifulSoup, NavigableString, PageElement, Tag
from bs4.dammit import EntitySubstitution
from bs4.element import AttributeValueWithCharsetSubstitution

from .attribution import LEAD, Split
from .report import HEADING_TAGS, Block, ParsedReport

_FORMATTER = "minimal"
# What makes an attribute value more than '"' + value + '"': escapes or quotes.
_NEEDS_CARE = re.compile("[&<>\"]")


def annotate_report(
    parsed: ParsedReport,
    split: Split,
    slugs: Mapping[str, str],
    briefing_links: Mapping[str, tuple[str, str]],
) -> str:
    """Return the report's HTML with anchors, country marks and briefing links.

    Sets the ``id`` and ``data-countries`` attributes on the blocks' elements;
    the blocks' contents must be as :func:`parse_report` left them.

    :param slugs: country code -> slug, for ``data-countries``.
    :param briefing_links: country code -> (href, link text) for countries
        that have a briefing.
    """
    soup = parsed.soup
    for attribution in split.paragraphs:
        element = attribution.block.tag
        element["id"] = attribution.block.anchor
        countries = attribution.countries
        codes = [c for c in split.partners if c in countries and c in briefing_links]
        element["data-countries"] = " ".join(slugs[c] for c in codes)
    for block in parsed.blocks:
        if block.is_heading:
            block.tag["id"] = block.anchor
    writer = _Writer(soup, parsed.blocks, slugs, briefing_links)
    return writer.document(_section_starts(parsed, split))


def _section_starts(parsed: ParsedReport, split: Split) -> dict[int, tuple[str, list[str], bool]]:
    """Map id() of each top-level node that opens a section to (id, partners, is heading).

    The lead has no heading: its section opens at the first node, and only
    when the lead has partners and does not start with a heading.
    """
    soup = parsed.soup
    headings = [b for b in parsed.blocks if b.is_heading and _top_level(b.element)]
    starts = {}
    lead = split.section_partners.get(LEAD, [])
    first = headings[0].element if headings else None
    if lead and soup.contents and soup.contents[0] is not first:
        starts[id(soup.contents[0])] = ("s-lead", lead, False)
    for block in headings:
        starts[id(block.element)] = ("s-" + block.anchor[2:],
                                     split.section_partners.get(block.index, []), True)
    return starts


def _top_level(element) -> bool:
    # A heading nested in a div or list keeps its structure: no section.
    return element.parent is not None and element.parent.name == "[document]"


class _Writer:
    """Serialise an annotated report, reusing the blocks' serialised contents."""

    def __init__(self, soup: BeautifulSoup, blocks: Sequence[Block],
                 slugs: Mapping[str, str], briefing_links: Mapping[str, tuple[str, str]]):
        self.soup = soup
        self.slugs = slugs
        self.briefing_links = briefing_links
        self.inner = {id(b.element): b.inner_html for b in blocks if b.inner_html is not None}
        # Elements that hold blocks (a list around its items): written tag by
        # tag so the blocks inside reuse their contents too.
        self.holders: set[int] = set()
        for block in blocks:
            parent = block.tag.parent
            while parent is not None and id(parent) not in self.holders:
                self.holders.add(id(parent))
                parent = parent.parent

    def document(self, starts: Mapping[int, tuple[str, list[str], bool]]) -> str:
        """Return the whole report, each section start wrapping what follows it.

        A section runs up to the next heading element (h1-h6) at top level.
        """
        nodes = list(self.soup.contents)
        pieces = []
        i = 0
        while i < len(nodes):
            start = starts.get(id(nodes[i]))
            if start is None:
                pieces.append(self.node(nodes[i]))
                i += 1
                continue
            end = i + 1
            while end < len(nodes) and getattr(nodes[end], "name", None) not in HEADING_TAGS:
                end += 1
            pieces.append(self.section(*start, nodes[i], nodes[i + 1 : end]))
            i = end
        return "".join(pieces)

    def node(self, node: PageElement) -> str:
        """Return one node's markup as serialising the tree would write it."""
        if type(node) is NavigableString:
            # Text between blocks ("\n"): what the "minimal" formatter writes.
            return EntitySubstitution.substitute_xml(node)
        if isinstance(node, NavigableString):
            return node.output_ready(_FORMATTER)  # a comment, a doctype…
        if not isinstance(node, Tag):
            raise TypeError(f"not a tag or a string: {node!r}")
        inner = self.inner.get(id(node))
        if inner is None:
            if id(node) not in self.holders:
                return node.decode(formatter=_FORMATTER)
            inner = "".join(self.node(child) for child in node.contents)
        opening, closing = _tags(node)
        return opening + inner + closing

    def section(self, section_id: str, partners: list[str], with_start: bool,
                start: PageElement, followers: list[PageElement]) -> str:
        """Return a ``<section>`` holding ``start`` and ``followers``, with its links.

        A heading's section holds the heading, then the briefing links; the
        lead's section has the links first.
        """
        codes = [c for c in partners if c in self.briefing_links]
        opening = _opening_tag("section", {
            "class": "report-section", "id": section_id,
            "data-countries": " ".join(self.slugs[c] for c in codes)})
        links = self.links(codes)
        body = [self.node(start), links] if with_start else [links, self.node(start)]
        body += [self.node(node) for node in followers]
        return opening + "".join(body) + "</section>"

    def links(self, codes: list[str]) -> str:
        """Return the box of links to the briefings of ``codes`` ("" for none)."""
        if not codes:
            return ""
        # Navigation, not the report: search indexers skip it (Pagefind's attribute).
        pieces = [_opening_tag("aside", {"class": "section-briefings",
                                         "aria-label": "Briefings for this section",
                                         "data-pagefind-ignore": ""})]
        for code in codes:
            href, text = self.briefing_links[code]
            pieces.append(_opening_tag("a", {"href": href, "class": "briefing-link",
                                             "data-briefing-country": self.slugs[code]}))
            pieces.append(EntitySubstitution.substitute_xml(text) + "</a>")
        pieces.append("</aside>")
        return "".join(pieces)


def _tags(element: Tag) -> tuple[str, str]:
    """Return an element's opening and closing tags, as Beautiful Soup writes them."""
    closing = f"</{element.name}>"
    if element.prefix or element.hidden or any(
            isinstance(value, AttributeValueWithCharsetSubstitution)
            for value in element.attrs.values()):
        # Rare tags (<meta charset>, namespaced): let Beautiful Soup write them.
        markup = element.copy_self().decode(formatter=_FORMATTER)  # no contents
        return markup[: -len(closing)], closing
    return _opening_tag(element.name, element.attrs), closing


def _opening_tag(name: str, attrs: Mapping[str, str | list[str] | None]) -> str:
    """Return an opening tag as Beautiful Soup's "minimal" formatter writes it.

    Attributes in name order; a list value joined by spaces; ``&``, ``<`` and
    ``>`` escaped; quoted with ``"`` unless the value holds one.
    """
    written = [name]
    for key, value in sorted(attrs.items()):
        if value is None:
            written.append(key)
            continue
        if isinstance(value, list | tuple):
            value = " ".join(value)
        elif not isinstance(value, str):
            value = str(value)
        written.append(f"{key}={_quoted(value)}")
    return "<" + " ".join(written) + ">"


def _quoted(value: str) -> str:
    """Return an attribute value escaped and quoted, as Beautiful Soup writes it."""
    if not _NEEDS_CARE.search(value):
        return f'"{value}"'  # ids, slugs, class names: nothing to escape
    return EntitySubstitution.quoted_attribute_value(EntitySubstitution.substitute_xml(value))
