"""Mark up a report so readers can find each country's part of it.

Pure core: no Pelican import. Every paragraph gets its stable ``id`` and a
``data-countries`` list; each subsection becomes a ``<section>`` that names
its countries and links to their briefings. Only attributes and the link box
are added: the reporter's text is left as it was.
"""

from __future__ import annotations

from collections.abc import Mapping

from bs4 import BeautifulSoup

from .attribution import Split
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
    for block in parsed.blocks:
        if block.is_heading:
            block.element["id"] = block.anchor
            _wrap_section(soup, block, split.section_partners.get(block.index, []),
                          slugs, briefing_links)
    return soup.decode(formatter="minimal")


def _wrap_section(soup: BeautifulSoup, heading, partners, slugs, briefing_links) -> None:
    """Wrap a heading and what follows it, up to the next heading, in a section."""
    element = heading.element
    if element.parent is None or element.parent.name not in (None, "[document]"):
        return  # nested heading (in a div or list): leave the structure alone
    codes = [c for c in partners if c in briefing_links]
    section = soup.new_tag("section")
    section["class"] = "report-section"
    section["id"] = "s-" + heading.anchor[2:]
    section["data-countries"] = " ".join(slugs[c] for c in codes)
    followers = []
    for sibling in element.next_siblings:
        if getattr(sibling, "name", None) in ("h1", "h2", "h3", "h4", "h5", "h6"):
            break
        followers.append(sibling)
    element.wrap(section)
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
