"""Tier 3: a report's Source: and Source_url: on the report, every briefing and every feed entry."""

import logging

import feedparser
import pytest
from sitebuild import SEED_REPORT, build_site, copy_content, soup

SEED = "ashgabat-2025-12-12"
PARTNERS = ["russia", "turkmenistan", "pakistan", "iraq", "myanmar"]
ORIGINAL = "https://www.tehrantimes.com/news/000000/example-original-article"


def seed_with(*lines):
    head, _, body = SEED_REPORT.read_text("utf-8").partition("\n\n")
    return "\n".join([head, *lines]) + "\n\n" + body


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    base = tmp_path_factory.mktemp("sourced")
    content = copy_content(base / "content", {
        f"{SEED}.md": seed_with("Source: Tehran Times", f"Source_url: {ORIGINAL}"),
    })
    return build_site(content, base / "output")


def header_text(page):
    return " ".join(page.select_one(".article-header").get_text(" ").split())


def source_links(page):
    return [a for a in page.find_all("a", href=True) if a["href"] == ORIGINAL]


def test_report_names_and_links_its_source(site):
    page = soup(site / "reports" / SEED / "index.html")
    assert "Source: Tehran Times" in header_text(page)
    assert any(a.get_text() == "Tehran Times" for a in source_links(page))


@pytest.mark.parametrize("country", PARTNERS)
def test_every_briefing_names_and_links_the_source(site, country):
    page = soup(site / "briefings" / SEED / country / "index.html")
    assert "Source: Tehran Times" in header_text(page)
    assert source_links(page)


@pytest.mark.parametrize("feed", ["all.atom.xml", "all.rss.xml"]
                         + [f"{c}.{k}.xml" for c in PARTNERS for k in ("atom", "rss")])
def test_every_feed_entry_names_and_links_the_source(site, feed):
    parsed = feedparser.parse(str(site / "feeds" / feed))
    assert parsed.entries
    for entry in parsed.entries:
        html = entry.content[0].value if "content" in entry else entry.description
        assert "Tehran Times" in html and ORIGINAL in html, entry.link


def test_a_report_without_a_source_builds_as_before(tmp_path):
    output = build_site(copy_content(tmp_path / "content"), tmp_path / "output")
    for page in [output / "reports" / SEED / "index.html",
                 output / "briefings" / SEED / "russia" / "index.html"]:
        text = page.read_text("utf-8")
        assert "Source:" not in text and "report-source" not in text


@pytest.mark.parametrize("url", ["javascript:alert(1)", "ftp://example.org/x", "www.x.org/a"])
def test_a_source_url_that_is_not_http_is_left_out_with_a_warning(tmp_path, caplog, url):
    content = copy_content(tmp_path / "content", {
        f"{SEED}.md": seed_with("Source: Tehran Times", f"Source_url: {url}")})
    with caplog.at_level(logging.WARNING):
        output = build_site(content, tmp_path / "output")
    assert any(f"{SEED}.md" in r.getMessage() and "Source_url" in r.getMessage()
               for r in caplog.records)
    page = soup(output / "briefings" / SEED / "iraq" / "index.html")
    assert "Source: Tehran Times" in header_text(page)
    assert not [a for a in page.find_all("a", href=True) if url in a["href"]]
