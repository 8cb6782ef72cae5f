"""A tag, category or author named at length cannot stop the build.

Their pages and feeds are files named by their slugs; a slug past the file
system's 255 bytes stopped the build with OSError when Pelican wrote the
topic feed. Slugs are cut as article slugs are (guards.MAX_SLUG).
"""

import logging

import feedparser
from sitebuild import build_site, copy_content, soup

from pelican.plugins.briefings.guards import MAX_SLUG

LONG = {"tag": "a" * 300, "category": "b" * 300, "author": "c" * 300}
REPORT = (f"Title: A report with long names\nDate: 2026-01-01\nTags: {LONG['tag']}\n"
          f"Category: {LONG['category']}\nAuthor: {LONG['author']}\n\n"
          "Pakistan and Myanmar signed a trade protocol.\n")
FEEDS = {"CATEGORY_FEED_ATOM": "feeds/sections/{slug}.atom.xml",
         "AUTHOR_FEED_ATOM": "feeds/by/{slug}.atom.xml",
         "AUTHOR_URL": "by/{slug}/", "AUTHOR_SAVE_AS": "by/{slug}/index.html"}


def test_long_names_get_short_slugs_and_working_pages(tmp_path, caplog):
    content = copy_content(tmp_path / "content", {"long.md": REPORT}, with_seed=False)
    with caplog.at_level(logging.WARNING):
        output = build_site(content, tmp_path / "output", **FEEDS)
    for kind, folders in (("tag", ("tags", "feeds/topics")),
                          ("category", ("category", "feeds/sections")),
                          ("author", ("by", "feeds/by"))):
        assert f"the {kind} '{LONG[kind][:60]}…' is too long" in caplog.text
        for folder in folders:
            found = [p for p in (output / folder).iterdir()
                     if p.name.startswith(LONG[kind][:10])]
            assert found, (kind, folder)
            assert all(len(p.name.split(".")[0]) <= MAX_SLUG for p in found)
    (tag_page,) = (output / "tags").glob("aaaaaaaaaa*/index.html")
    assert "A report with long names" in tag_page.read_text("utf-8")
    (feed,) = (output / "feeds" / "topics").glob("aaaaaaaaaa*.atom.xml")
    assert [e.title for e in feedparser.parse(feed).entries] == ["A report with long names"]
    report = soup(output / "reports" / "long" / "index.html")
    (link,) = [a for a in report.select(".tag-list a") if a.get_text() == LONG["tag"]]
    target = (output / "reports" / "long" / link["href"]).resolve()
    assert (target / "index.html" if target.is_dir() else target).is_file()
