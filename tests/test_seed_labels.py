"""The seed report splits exactly as its labels say, through pages and feeds.

Acceptance for the splitter: every `primary` paragraph is in that country's
briefing and feed; no paragraph is in the briefing of a country for which it
is neither `primary` nor `optional`. Checked in three modes: with the report's
`Countries:` line, without it (site default BRIEFING_COUNTRIES), and without
either (countries found automatically).
"""

import re

import feedparser
import pytest
from sitebuild import (
    SEED_DIR,
    SEED_REPORT,
    build_site,
    copy_content,
    excerpt_texts,
    seed_labels,
    soup,
)

LABELS = seed_labels()
SEED_LINES = [
    line for line in (SEED_DIR / "ashgabat-2025-12-12.txt").read_text("utf-8").splitlines()
    if line.strip()
]
PARTNER_SLUGS = {"Russia": "russia", "Turkmenistan": "turkmenistan", "Pakistan": "pakistan",
                 "Iraq": "iraq", "Myanmar": "myanmar"}


def _source_paragraph(starts: str) -> str:
    (line,) = [x for x in SEED_LINES if x.startswith(starts)]
    return line


def _without_countries_line(target):
    text = SEED_REPORT.read_text("utf-8")
    stripped = re.sub(r"^Countries:.*\n", "", text, flags=re.MULTILINE)
    assert stripped != text
    return copy_content(target, {SEED_REPORT.name: stripped})


@pytest.fixture(scope="module", params=["countries-line", "site-default", "automatic"])
def built(request, tmp_path_factory, seed_site):
    if request.param == "countries-line":
        return seed_site
    base = tmp_path_factory.mktemp(request.param)
    content = _without_countries_line(base / "content")
    overrides = {"BRIEFING_COUNTRIES": None} if request.param == "automatic" else {}
    return build_site(content, base / "output", **overrides)


def test_exactly_the_five_partners_get_briefings(built):
    briefings = built / "briefings" / "ashgabat-2025-12-12"
    assert sorted(p.name for p in briefings.iterdir()) == sorted(PARTNER_SLUGS.values())


@pytest.mark.parametrize("country", LABELS["countries"])
def test_briefing_page_and_feed_follow_the_labels(built, country):
    slug = PARTNER_SLUGS[country]
    report = soup(built / "reports" / "ashgabat-2025-12-12" / "index.html")
    page = soup(built / "briefings" / "ashgabat-2025-12-12" / slug / "index.html")
    quoted = excerpt_texts(page)
    feed = feedparser.parse(str(built / "feeds" / f"{slug}.atom.xml"))
    assert not feed.bozo, feed.bozo_exception
    (entry,) = feed.entries
    feed_text = " ".join(soup_text(entry.content[0].value).split())

    for label in LABELS["paragraphs"]:
        source = _source_paragraph(label["starts"])
        (element,) = [p for p in report.select("[data-countries]")
                      if " ".join(p.get_text(" ").split()).startswith(label["starts"])]
        anchor = element["id"]
        if country in label["primary"]:
            assert anchor in quoted, f"primary paragraph {label['i']} missing"
            assert quoted[anchor][0] == source, "briefing must quote verbatim"
            assert source in feed_text, f"primary paragraph {label['i']} missing in feed"
        elif country not in label["optional"]:
            assert anchor not in quoted, f"paragraph {label['i']} does not concern {country}"
            assert source not in feed_text


def soup_text(html):
    from bs4 import BeautifulSoup
    return BeautifulSoup(html, "html.parser").get_text(" ")
