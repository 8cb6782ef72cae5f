"""A dateline is where the reporter filed from: never a briefing's headline or opening.

Reports without subheadings head each briefing with a sentence of the report;
a dateline paragraph ("ASHGABAT, Dec 12 (Agency) -") or a dateline opening a
sentence ("ASHGABAT, Dec. 13 (Agency) - Turkmenistan hosted…") must not become
that headline in any listing: hub, tag page, feed.
"""

import re

import feedparser
import pytest
from sitebuild import build_site, copy_content, soup

# Invented reports in the shape wire copy takes: no subheadings, a dateline.
ALONE = """Title: Leaders meet for regional talks on trade
Date: 2025-12-12 12:00
Countries: Turkmenistan, Pakistan

ASHGABAT, Dec 12 (Agency) -

The Turkmen President received the Pakistani Prime Minister on Friday to discuss a gas pipeline.

Pakistan and Turkmenistan agreed to speed up work on the route.
"""
OPENING = """Title: Leaders meet for talks on rail
Date: 2025-12-13 12:00
Countries: Turkmenistan, Pakistan

ASHGABAT, Dec. 13 (Agency) - Turkmenistan hosted talks with Pakistan on a new rail link.

Pakistan's minister said the link would open next year.
"""
DATELINE = re.compile(r"ASHGABAT|^\d+ \(Agency\)|^Dec\b")


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    base = tmp_path_factory.mktemp("datelines")
    content = copy_content(base / "content", {"alone.md": ALONE, "opening.md": OPENING},
                           with_seed=False)
    return build_site(content, base / "output")


def test_no_briefing_is_headed_or_opened_by_a_dateline(site):
    pages = sorted(site.glob("briefings/*/*/index.html"))
    assert len(pages) == 4
    for path in pages:
        page = soup(path)
        headline = page.h1.get_text(" ", strip=True)
        assert headline and not DATELINE.search(headline), (path, headline)
        # The opening is not shown when it is the first quote's opening sentence.
        for opening in page.select(".summary"):
            assert not DATELINE.search(opening.get_text(" ", strip=True)), path


def test_the_headline_is_the_sentence_after_the_dateline(site):
    page = soup(site / "briefings" / "opening" / "turkmenistan" / "index.html")
    assert page.h1.get_text(strip=True) == \
        "Turkmenistan hosted talks with Pakistan on a new rail link."
    page = soup(site / "briefings" / "alone" / "turkmenistan" / "index.html")
    assert page.h1.get_text(strip=True).startswith("The Turkmen President received")


def test_listings_and_feeds_show_no_dateline_as_a_title(site):
    for slug in ("turkmenistan", "pakistan"):
        hub = soup(site / "countries" / slug / "index.html")
        titles = [h.get_text(" ", strip=True) for h in hub.select(".entry-title")]
        assert len(titles) == 2
        assert not [t for t in titles if DATELINE.search(t)], titles
        openings = [p.get_text(" ", strip=True) for p in hub.select(".entry-summary")]
        assert len(openings) == 2
        assert not [t for t in openings if DATELINE.search(t)], openings
        feed = feedparser.parse(site / "feeds" / f"{slug}.atom.xml")
        assert len(feed.entries) == 2
        assert not [e.title for e in feed.entries if DATELINE.search(e.title)]
    # The reporter's words stay quoted verbatim, dateline included.
    page = soup(site / "briefings" / "opening" / "turkmenistan" / "index.html")
    assert "ASHGABAT, Dec. 13 (Agency) - Turkmenistan hosted" in page.get_text(" ")
