"""The theme as a reader meets it: Chromium over the real, served site."""

from __future__ import annotations

import subprocess
from pathlib import Path
from urllib.parse import urldefrag, urlparse

import pytest
from axe_playwright_python.sync_playwright import Axe
from bs4 import BeautifulSoup

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
PAGE_TYPES = [
    "home",
    "countries",
    "country",
    "briefing",
    "report",
    "tags",
    "tag",
    "archives",
    "category",
    "404",
]
PHONE = 360
MAX_PAGE_BYTES = 100 * 1024
# axe-core rules for WCAG 2.0/2.1 levels A and AA.
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
    "resultTypes": ["violations"],
}
AXE = Axe()


def status_of(page_type: str) -> int:
    return 404 if page_type == "404" else 200


@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_page_loads_cleanly_light_and_fits_a_phone(site, visit, page_type):
    seen = visit(
        site.address(page_type), width=PHONE, expected_status=status_of(page_type)
    )
    assert not seen.console_errors
    assert not seen.failed
    assert seen.transferred() < MAX_PAGE_BYTES, f"{seen.transferred()} bytes"
    overflow = seen.page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0, f"{overflow}px of horizontal scroll at {PHONE}px"


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_axe_finds_no_wcag_a_or_aa_violations(site, visit, page_type, scheme):
    seen = visit(
        site.address(page_type),
        color_scheme=scheme,
        expected_status=status_of(page_type),
    )
    results = AXE.run(seen.page, options=AXE_OPTIONS)
    assert results.violations_count == 0, results.generate_report()


def test_dark_scheme_changes_the_colours(site, visit):
    colours = {}
    for scheme in ("light", "dark"):
        page = visit(site.address("home"), color_scheme=scheme).page
        colours[scheme] = page.evaluate(
            "getComputedStyle(document.body).backgroundColor"
        )
    assert colours["light"] != colours["dark"]


def test_a_reader_clicks_from_home_to_a_paragraph_and_a_sibling(site, visit):
    page = visit(site.address("home")).page
    page.get_by_role("navigation", name="Countries covered").get_by_role(
        "link"
    ).first.click()
    assert "/countries/" in page.url
    country = page.get_by_role("heading", level=1).inner_text()

    page.locator(".briefing-list .entry-title a").first.click()
    assert "/briefings/" in page.url
    briefing_url = page.url
    assert page.locator(".kicker a").text_content() == country

    page.locator("blockquote.excerpt footer a").first.click()
    report_url, fragment = urldefrag(page.url)
    assert "/reports/" in report_url and fragment
    target = page.locator(f"[id='{fragment}']")
    assert target.count() == 1, f"#{fragment} is not on the report page"
    assert target.evaluate("el => el.matches(':target')")
    assert target.is_visible()

    page.go_back()
    assert page.url == briefing_url
    siblings = page.get_by_role("navigation", name="Other countries in this report")
    sibling = siblings.get_by_role("link").first
    sibling_name = sibling.inner_text()
    sibling.click()
    assert "/briefings/" in page.url and page.url != briefing_url
    assert page.locator(".kicker a").text_content() == sibling_name
    page.go_back()
    assert page.url == briefing_url


def test_map_links_every_country_in_the_list(site, visit):
    page = visit(site.address("countries")).page
    listed = page.locator(".country-list a").evaluate_all(
        "links => links.map(a => a.href)"
    )
    on_map = page.locator(".world-map svg a").evaluate_all(
        "links => links.map(a => a.href.baseVal || a.getAttribute('href'))"
    )
    assert listed, "the countries index lists no country"
    assert sorted(on_map) == sorted(listed)


def test_country_hub_shows_copyable_absolute_feed_urls(site, visit):
    page = visit(site.address("country")).page
    urls = page.locator("code.feed-url").all_inner_texts()
    assert any(u.endswith(".rss.xml") for u in urls)
    assert any(u.endswith(".atom.xml") for u in urls)
    assert any(u.endswith(".opml") for u in urls)
    assert all(u.startswith(site.url) for u in urls)


def test_404_page_works_from_any_depth(site, visit):
    seen = visit(site.url + "no/such/deep/page/", expected_status=404)
    assert not seen.console_errors
    assert not seen.failed, "stylesheet and links resolve from a deep path"
    seen.page.get_by_role("main").get_by_role("link", name="Latest briefings").click()
    assert seen.page.url == site.url + "index.html"


def test_vnu_reports_no_html_errors(site):
    result = subprocess.run(
        ["java", "-jar", str(VNU), "--errors-only", "--skip-non-html", str(site.path)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0 and not result.stderr.strip(), result.stderr


def test_every_link_goes_through_siteurl(site):
    """Under a sub-path, a root-relative or relative link would leave the site."""
    host = urlparse(site.url).netloc
    stray = []
    for page in sorted(site.path.rglob("*.html")):
        markup = BeautifulSoup(page.read_text("utf-8"), "html.parser")
        for element in markup.select("[href], [src]"):
            link = element.get("href") or element.get("src")
            target = urlparse(link)
            external = (
                target.scheme in ("http", "https", "mailto") and target.netloc != host
            )
            if not (link.startswith((site.url, "#")) or external):
                stray.append(f"{page.relative_to(site.path)}: {link}")
    assert not stray


def test_first_tab_reaches_the_skip_link_and_it_moves_focus_to_main(site, visit):
    page = visit(site.address("briefing")).page
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Skip to content"
    assert page.evaluate("document.activeElement.getBoundingClientRect().top >= 0"), (
        "the skip link is visible when focused"
    )
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
