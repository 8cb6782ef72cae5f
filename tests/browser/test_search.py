"""The header's search box, in Chromium over the served site (Pagefind's static index)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

SEED = "ashgabat-2025-12-12"


def search(page, query):
    box = page.get_by_role("searchbox", name="Search")
    box.fill(query)
    hits = page.locator(".search-results .search-hit")
    hits.first.wait_for(timeout=15_000)
    return hits


def test_a_name_only_one_country_section_holds_finds_that_briefing(site, visit):
    seen = visit(site.address("home"))
    hits = search(seen.page, "Berdimuhamedov")
    links = hits.locator("a").evaluate_all("links => links.map(a => a.href)")
    briefings = [link for link in links if link.startswith(site.url + "briefings/")]
    assert briefings == [site.url + f"briefings/{SEED}/turkmenistan/"]
    hit = hits.filter(has=seen.page.locator(f"a[href*='/briefings/{SEED}/turkmenistan/']"))
    assert "Briefing on Turkmenistan" in hit.inner_text()
    assert "Berdimuhamedov" in hit.locator("mark").first.inner_text()
    assert not seen.console_errors and not seen.failed


def test_a_result_leads_to_its_page(site, visit):
    page = visit(site.address("countries")).page
    hits = search(page, "Nyo Saw")
    hits.locator(f"a[href*='/briefings/{SEED}/myanmar/']").click()
    assert page.url == site.url + f"briefings/{SEED}/myanmar/"
    assert page.locator(".kicker a").text_content() == "Myanmar"


def test_a_word_the_site_lacks_says_so(site, visit):
    page = visit(site.address("report")).page
    page.get_by_role("searchbox", name="Search").fill("Zanzibarquux")
    page.locator(".search-count").wait_for(timeout=15_000)
    assert "Nothing found" in page.locator(".search-results").inner_text()
