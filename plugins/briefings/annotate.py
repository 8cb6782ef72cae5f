"""Mark up a report so readers can find each country's part of it.

Pure core: no Pelican import. Every paragraph gets its stable ``id`` and a
``data-countries`` list; each subsection becomes a ``<section>`` that names
its countries and links to their briefings. Only attributes and the link box
are added: the reporter's text is left as it was.
"""

from __future__ import annotations

from collections.abc import Mapping

from bs4 import BeautifulSoup

from .attribution import LEAD, Split
from .report import ParsedReport


def annotate_report(
    parsed: ParsedReport,
    split: Split,
    slugs: Mapping[str, str],
    briefing_links: Mapping[str, tuple[str, str]],
) -> str:
    """Return the report's HTML with anchors, country marks and briefing links.

    :param slugs: country code -> slug, for ``data-countries``.
    :param briefing_links: country code -> (href, link text) for countries
        that have a briefing.
    """
    soup = parsed.soup
    for attribution in split.paragraphs:
        element = attribution.block.element
        element["id"] = attribution.block.anchor
        codes = [c for c in split.partners if c in attribution.countries and c in briefing_links]
        element["data-countries"] = " ".join(slugs[c] for c in codes)
    headings = [b for b in parsed.blocks if b.is_heading and _top_level(b.element)]
    lead = split.section_partners.get(LEAD, [])
    first = headings[0].element if headings else None
    if lead and soup.contents and soup.contents[0] is not first:
        _wrap_section(soup, soup.contents[0], "s-lead", lead, slugs, briefing_links,
                      include_start=False)
    for block in parsed.blocks:
        if block.is_heading:
            block.element["id"] = block.anchor
    for block in headings:
        _wrap_section(soup, block.element, "s-" + block.anchor[2:],
                      split.section_partners.get(block.index, []), slugs, briefing_links)
    return soup.decode(formatter="minimal")


def _top_level(element) -> bool:
    # A heading nested in a div or list keeps its structure: no section.
    return element.parent is not None and element.parent.name == "[document]"


def _wrap_section(soup: BeautifulSoup, start, section_id, partners, slugs, briefing_links,
                  include_start=True) -> None:
    """Wrap ``start`` and what follows it, up to the next heading, in a section.

    The lead has no heading: its section starts at the first element, and the
    briefing links go first.
    """
    codes = [c for c in partners if c in briefing_links]
    section = soup.new_tag("section")
    section["class"] = "report-section"
    section["id"] = section_id
    section["data-countries"] = " ".join(slugs[c] for c in codes)
    followers = [start] if not include_start else []
    for sibling in start.next_siblings:
        if getattr(sibling, "name", None) in ("h1", "h2", "h3", "h4", "h5", "h6"):
            break
        followers.append(sibling)
    if include_start:
        start.wrap(section)
    else:
        start.insert_before(section)
    if codes:
        aside = soup.new_tag("aside")
        aside["class"] = "section-briefings"
        aside["aria-label"] = "Briefings for this section"
        for code in codes:
            href, text = briefing_links[code]
            link = soup.new_tag("a", href=href)
            link["class"] = "briefing-link"
            link["data-briefing-country"] = slugs[code]
            link.string = text
            aside.append(link)
        section.append(aside)
    for sibling in followers:
        section.append(sibling.extract())
