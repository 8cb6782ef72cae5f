"""Tier 3: what helps people find and share the site, on a real build, and the
sitecheck discovery checks that hold it (each breakage named)."""

import json
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from sitebuild import SITEURL, build_site, copy_content, soup

from sitecheck import format_report, run_checks

ROOT_DATA = Path(__file__).parent / "data" / "site"
SEED = "ashgabat-2025-12-12"
PARTNERS = ["russia", "turkmenistan", "pakistan", "iraq", "myanmar"]
NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    base = tmp_path_factory.mktemp("discovery")
    second = (ROOT_DATA / "tehran-2026-01-20.md").read_text("utf-8")
    content = copy_content(base / "content", {"tehran-2026-01-20.md": second})
    # Small pages, so the home page and a topic page are paginated too.
    return build_site(content, base / "output", DEFAULT_PAGINATION=3)


@pytest.fixture
def site(built, tmp_path):
    """A copy of the build that a test may break."""
    return Path(shutil.copytree(built, tmp_path / "output"))


def address(path):
    path = path[: -len("index.html")] if path.endswith("index.html") else path
    return f"{SITEURL}/{path}"


def pages(site):
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))


def checks(site):
    return run_checks(site, site_url=SITEURL, html=False, discovery=True)


def problem_of(site, kind, path, *words):
    found = [p for p in checks(site) if p.check == "discovery" and p.kind == kind
             and p.path == path and all(w in p.message for w in words)]
    assert found, f"no discovery/{kind} problem on {path} with {words}:\n" + \
        format_report(checks(site))
    return found


def test_the_built_site_passes_the_discovery_checks(built):
    problems = checks(built)
    assert problems == [], format_report(problems)


def test_every_page_but_the_404_has_its_canonical_address_and_previews(built):
    assert len(pages(built)) > 20
    for path in pages(built):
        head = soup(built / path).head
        canonical = head.find_all("link", rel="canonical")
        if path == "404.html":
            assert not canonical, "the 404 page is served at every missing address"
            continue
        assert [c["href"] for c in canonical] == [address(path)], path
        meta = {m.get("property") or m.get("name"): m.get("content")
                for m in head.find_all("meta")}
        assert meta["og:url"] == address(path)
        for key in ("og:title", "og:description", "og:type", "og:site_name",
                    "twitter:card", "twitter:title"):
            assert meta.get(key), f"{path}: no {key}"
        icon = head.find("link", rel="icon")
        assert icon and (built / "theme" / "favicon.svg").is_file()
    briefing = soup(built / "briefings" / SEED / "myanmar" / "index.html").head
    assert briefing.find("meta", property="og:type")["content"] == "article"
    assert "Myanmar" in briefing.find("meta", property="og:title")["content"]


def json_ld(page):
    return [json.loads(s.string) for s in page.find_all("script", type="application/ld+json")]


@pytest.mark.parametrize("country", PARTNERS)
def test_briefings_are_news_articles_based_on_their_report_about_their_country(built,
                                                                              country):
    page = soup(built / "briefings" / SEED / country / "index.html")
    (data,) = json_ld(page)
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == page.h1.get_text()
    assert data["url"] == address(f"briefings/{SEED}/{country}/index.html")
    assert data["isBasedOn"]["@type"] == "NewsArticle"
    assert data["isBasedOn"]["url"] == address(f"reports/{SEED}/index.html")
    assert data["about"] == {"@type": "Country", "name": country.title(),
                             "url": address(f"countries/{country}/index.html")}


def test_reports_are_news_articles_about_their_countries(built):
    (data,) = json_ld(soup(built / "reports" / SEED / "index.html"))
    assert data["@type"] == "NewsArticle"
    assert {c["name"] for c in data["about"]} == {c.title() for c in PARTNERS}
    assert all(c["@type"] == "Country" for c in data["about"])


def test_the_sitemap_lists_every_page_and_robots_names_it(built):
    tree = ET.parse(built / "sitemap.xml")
    listed = {loc.text for loc in tree.iter(f"{NS}loc")}
    expected = {address(p) for p in pages(built) if p != "404.html"}
    assert listed == expected
    assert address("index2.html") in listed, "paginated pages too"
    robots = (built / "robots.txt").read_text("utf-8")
    assert f"Sitemap: {SITEURL}/sitemap.xml" in robots.splitlines()


def test_a_page_without_its_canonical_link_is_a_problem(site):
    page = site / "countries" / "iraq" / "index.html"
    text = page.read_text("utf-8")
    page.write_text(text.replace('rel="canonical"', 'rel="bookmark"'), "utf-8")
    problem_of(site, "canonical", "countries/iraq/index.html", "0 canonical links")


def test_a_canonical_link_to_nowhere_and_a_missing_og_tag_are_problems(site):
    page = site / "tags" / "index.html"
    text = page.read_text("utf-8").replace(f'href="{SITEURL}/tags/"',
                                           f'href="{SITEURL}/tagz/"')
    page.write_text(text.replace('property="og:type"', 'property="og:kind"'), "utf-8")
    problem_of(site, "canonical", "tags/index.html", "/tagz/", "names no page")
    problem_of(site, "previews", "tags/index.html", "og:type")


def test_a_briefing_not_based_on_its_report_is_a_problem(site):
    path = f"briefings/{SEED}/iraq/index.html"
    text = (site / path).read_text("utf-8")
    (site / path).write_text(text.replace('"isBasedOn"', '"basedOn"'), "utf-8")
    problem_of(site, "json-ld", path, "isBasedOn")


def test_json_ld_that_does_not_parse_is_a_problem(site):
    path = f"reports/{SEED}/index.html"
    text = (site / path).read_text("utf-8")
    (site / path).write_text(text.replace('{"@context"', '{@context', 1), "utf-8")
    problem_of(site, "json-ld", path, "does not parse")


def test_a_page_the_sitemap_misses_and_a_listed_page_that_is_gone_are_problems(site):
    sitemap = site / "sitemap.xml"
    text = sitemap.read_text("utf-8")
    sitemap.write_text(text.replace(f"{SITEURL}/countries/pakistan/", f"{SITEURL}/gone/"),
                       "utf-8")
    problem_of(site, "sitemap", "sitemap.xml", "does not list", "/countries/pakistan/")
    problem_of(site, "sitemap", "sitemap.xml", "/gone/", "does not exist")


def test_no_sitemap_no_robots_and_a_missing_favicon_are_problems(site):
    (site / "sitemap.xml").unlink()
    (site / "robots.txt").write_text("User-agent: *\nAllow: /\n", "utf-8")
    (site / "theme" / "favicon.svg").unlink()
    problem_of(site, "sitemap", "sitemap.xml", "no sitemap.xml")
    problem_of(site, "robots", "robots.txt", "does not name the sitemap")
    problem_of(site, "favicon", "index.html", "does not exist")
