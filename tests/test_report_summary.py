"""A report's summary is the reporter's opening, not the "Briefing: X" links.

Without a Summary: line Pelican cuts the summary from the body, which opens
each section with links to its briefings. Descriptions, social cards,
JSON-LD and the site feeds' entry summaries must start on the report's
own words; the page itself keeps the links.
"""

import json

import feedparser
from sitebuild import SEED_REPORT, build_site, copy_content, soup

SEED = SEED_REPORT.stem
OPENING = "TEHRAN – Russian President Vladimir Putin"


def descriptions(page):
    found = [page.select_one('meta[name="description"]')["content"],
             page.select_one('meta[property="og:description"]')["content"],
             page.select_one('meta[name="twitter:description"]')["content"]]
    for script in page.select('script[type="application/ld+json"]'):
        found.append(json.loads(script.string)["description"])
    return found


def seed_feed_summary(output):
    entries = feedparser.parse(output / "feeds" / "all.atom.xml").entries
    (entry,) = [e for e in entries if f"/reports/{SEED}/" in e.link]
    return entry.summary


def test_a_reports_descriptions_open_on_its_own_words(seed_site):
    page = soup(seed_site / "reports" / SEED / "index.html")
    for description in descriptions(page):
        assert description.startswith(OPENING), description[:80]
        assert "Briefing:" not in description
    # The page still links each section to its briefings.
    assert page.select("aside.section-briefings a.briefing-link")


def test_the_site_feeds_summary_opens_on_its_own_words(seed_site):
    summary = seed_feed_summary(seed_site)
    assert "Briefing:" not in summary and "section-briefings" not in summary
    assert OPENING in summary


def test_an_editors_summary_is_kept(tmp_path):
    head, _, body = SEED_REPORT.read_text("utf-8").partition("\n\n")
    content = copy_content(tmp_path / "content", {
        f"{SEED}.md": head + "\nSummary: Leaders met in Ashgabat.\n\n" + body})
    output = build_site(content, tmp_path / "output")
    page = soup(output / "reports" / SEED / "index.html")
    assert set(descriptions(page)) == {"Leaders met in Ashgabat."}


def test_a_cached_rebuild_gives_the_same_summary(tmp_path):
    content = copy_content(tmp_path / "content")
    cache = {"CACHE_CONTENT": True, "LOAD_CONTENT_CACHE": True,
             "CACHE_PATH": str(tmp_path / "cache")}
    found = []
    for _ in range(2):
        output = build_site(content, tmp_path / "output", **cache)
        found.append((descriptions(soup(output / "reports" / SEED / "index.html")),
                      seed_feed_summary(output)))
    assert found[0] == found[1]
    assert found[1][0][0].startswith(OPENING)
