"""Every feed is announced where it belongs, and labelled by what it carries.

* The site-wide feeds carry every report once, not the briefings that quote
  it: base.html must not call them "briefings".
* A site that writes category and author feeds (Pelican's CATEGORY_FEED_*,
  AUTHOR_FEED_*) announces them on the category and author pages, with a
  <link rel="alternate"> and a visible subscribe link, as country hubs do.
"""

import feedparser
import pytest
from sitebuild import SITEURL, build_site, copy_content, soup

TAXONOMY_FEEDS = {
    "CATEGORY_FEED_ATOM": "feeds/sections/{slug}.atom.xml",
    "CATEGORY_FEED_RSS": "feeds/sections/{slug}.rss.xml",
    "AUTHOR_FEED_ATOM": "feeds/by/{slug}.atom.xml",
    "AUTHOR_FEED_RSS": "feeds/by/{slug}.rss.xml",
    "AUTHOR_URL": "by/{slug}/",
    "AUTHOR_SAVE_AS": "by/{slug}/index.html",
}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    base = tmp_path_factory.mktemp("feed-labels")
    return build_site(copy_content(base / "content"), base / "output", **TAXONOMY_FEEDS)


def alternates(page):
    return {link["href"]: link["title"] for link in page.select('head link[rel="alternate"]')}


def resolve(page_path, href, output):
    """Return the output file a page's relative link points at."""
    return (page_path.parent / href).resolve().relative_to(output.resolve())


def test_site_feeds_are_labelled_as_reports_and_carry_only_reports(seed_site):
    page = soup(seed_site / "index.html")
    labels = {resolve(seed_site / "index.html", href, seed_site).as_posix(): title
              for href, title in alternates(page).items()}
    assert labels["feeds/all.atom.xml"] == "Country Briefings: every report (Atom)"
    assert labels["feeds/all.rss.xml"] == "Country Briefings: every report (RSS)"
    footer = " ".join(page.select_one(".site-footer").get_text(" ").split())
    assert "every report (Atom)" in footer and "every report (RSS)" in footer
    assert "briefings (" not in footer.lower()
    for name in ("all.atom.xml", "all.rss.xml"):
        entries = feedparser.parse(seed_site / "feeds" / name).entries
        assert entries and all("/reports/" in e.link for e in entries), name


@pytest.mark.parametrize("page_path, feeds", [
    ("category/briefings/index.html", ["feeds/sections/briefings.atom.xml",
                                       "feeds/sections/briefings.rss.xml"]),
    ("category/reports/index.html", ["feeds/sections/reports.atom.xml",
                                     "feeds/sections/reports.rss.xml"]),
    ("by/briefings-desk/index.html", ["feeds/by/briefings-desk.atom.xml",
                                      "feeds/by/briefings-desk.rss.xml"]),
])
def test_category_and_author_pages_announce_their_feeds(site, page_path, feeds):
    path = site / page_path
    page = soup(path)
    announced = sorted(resolve(path, href, site).as_posix() for href in alternates(page)
                       if "/all." not in href)
    assert announced == sorted(feeds)
    for feed in feeds:
        assert (site / feed).is_file(), feed
        assert feedparser.parse(site / feed).entries, feed
    visible = page.select("main .subscribe a[href]")
    assert sorted(resolve(path, a["href"], site).as_posix() for a in visible) == sorted(feeds)
    # The absolute addresses, to copy into a feed reader.
    shown = " ".join(c.get_text() for c in page.select("main .subscribe code"))
    for feed in feeds:
        assert f"{SITEURL}/{feed}" in shown


def test_without_such_feeds_nothing_is_announced(seed_site):
    page = soup(seed_site / "category" / "briefings" / "index.html")
    assert all("/all." in href for href in alternates(page))
    assert not page.select("main .subscribe")
