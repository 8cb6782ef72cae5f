"""What a reader of any site built with the seed report must find, whatever the theme.

Shared by the theme tests (tests/test_any_theme.py) and the install test
(tests/test_install.py): each seed country has a briefing page, a hub that
links to it, and Atom and RSS feeds whose entry carries the country's
labelled (`primary`) paragraphs verbatim; ordinary blog posts are in none.
"""

from __future__ import annotations

from pathlib import Path

import feedparser
from bs4 import BeautifulSoup
from sitebuild import SEED_DIR, seed_labels, soup

LABELS = seed_labels()
SEED_SLUG = "ashgabat-2025-12-12"
PARTNER_SLUGS = {"Russia": "russia", "Turkmenistan": "turkmenistan", "Pakistan": "pakistan",
                 "Iraq": "iraq", "Myanmar": "myanmar"}
_LINES = [line for line in (SEED_DIR / f"{SEED_SLUG}.txt").read_text("utf-8").splitlines()
          if line.strip()]

# Two ordinary blog posts that name the seed's countries (and one a capital).
BLOG_POSTS = {
    "trip-notes.md": (
        "Title: Notes from a long train ride\nDate: 2025-11-02 09:00\n\n"
        "The sleeper from Moscow was late, so I read about Russia and Turkmenistan "
        "until the lights went out somewhere past the border.\n\n"
        "Next spring I would like to see Pakistan and Iraq, and one day Myanmar, "
        "if the trains keep running.\n"),
    "kitchen.md": (
        # Fields of its own named like the plugin's attributes: still a blog post.
        "Title: What I cooked this week\nDate: 2025-12-01 18:00\nTags: food\n"
        "Country: Georgia\nReport: a week of recipes\n\n"
        "A stew from a Pakistan cookbook, flatbread the way they bake it in Iraq, "
        "and tea from Ashgabat that a friend brought home.\n"),
}
BLOG_SENTENCES = ("The sleeper from Moscow was late", "if the trains keep running",
                  "A stew from a Pakistan cookbook")


def words(html: str) -> str:
    """Return the text of some HTML with its whitespace collapsed."""
    return " ".join(BeautifulSoup(html, "html.parser").get_text(" ").split())


def primary_paragraphs(country: str) -> list[str]:
    """Return the seed paragraphs labelled as about ``country``, as the report has them."""
    found = []
    for label in LABELS["paragraphs"]:
        if country in label["primary"]:
            (line,) = [x for x in _LINES if x.startswith(label["starts"])]
            found.append(" ".join(line.split()))
    return found


def check_seed_site(output: Path, feed_atom: str = "feeds/{slug}.atom.xml",
                    feed_rss: str = "feeds/{slug}.rss.xml",
                    hub: str = "countries/{slug}/index.html", full_rss: bool = True,
                    report_slug: str = SEED_SLUG) -> None:
    """Assert the five seed countries' briefings, hubs and feeds; blog posts in none.

    ``full_rss``: the RSS feeds carry whole entries (RSS_FEED_SUMMARY_ONLY =
    False); Pelican's default puts only the summary in RSS, so then the RSS
    entry is checked for its link to the briefing, and Atom for the text.
    """
    for country, slug in PARTNER_SLUGS.items():
        page_path = output / "briefings" / report_slug / slug / "index.html"
        page = soup(page_path)
        quoted = [" ".join(q.get_text(" ").split()) for q in page.select("blockquote.excerpt")]
        paragraphs = primary_paragraphs(country)
        assert paragraphs, country
        for paragraph in paragraphs:
            assert any(paragraph in quote for quote in quoted), (country, paragraph[:40])
        hub_page = soup(output / hub.format(slug=slug))
        assert any(a["href"].rstrip("/").endswith(f"briefings/{report_slug}/{slug}")
                   or a["href"].endswith(f"briefings/{report_slug}/{slug}/index.html")
                   for a in hub_page.select("a[href]")), f"{hub} does not link to the briefing"
        for pattern in (feed_atom, feed_rss):
            feed = feedparser.parse(str(output / pattern.format(slug=slug)))
            assert not feed.bozo, (pattern, feed.bozo_exception)
            (entry,) = feed.entries
            assert entry.link.rstrip("/").endswith(f"briefings/{report_slug}/{slug}") or \
                entry.link.endswith(f"briefings/{report_slug}/{slug}/index.html"), entry.link
            body = words(entry.content[0].value if "content" in entry else entry.summary)
            for paragraph in paragraphs if pattern == feed_atom or full_rss else ():
                assert paragraph in body, (pattern.format(slug=slug), paragraph[:40])
            for sentence in BLOG_SENTENCES:
                assert sentence not in body
        for sentence in BLOG_SENTENCES:
            assert sentence not in page.get_text(" ")
    briefings = output / "briefings"
    assert sorted(p.name for p in briefings.iterdir()) == [report_slug], \
        "only the report has briefings"
    assert sorted(p.name for p in (briefings / report_slug).iterdir()) == \
        sorted(PARTNER_SLUGS.values())
