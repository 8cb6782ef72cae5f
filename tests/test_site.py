"""Tier 3: a real site built from the seed plus a second report, read as a reader does."""

import xml.etree.ElementTree as ET
from urllib.parse import urljoin, urlparse

import feedparser
import pytest
from sitebuild import SITEURL, build_site, copy_content, excerpt_texts, soup

ROOT_DATA = __import__("pathlib").Path(__file__).parent / "data" / "site"
PARTNERS = ["russia", "turkmenistan", "pakistan", "iraq", "myanmar"]
SEED = "ashgabat-2025-12-12"
SECOND = "tehran-2026-01-20"
# The seed's own words for each partner: the subheading that gives it its
# section, or (Russia, which has none) the report's headline, which is about it.
HEADLINES = {
    "russia": "Putin calls strategic pact with Iran a ‘turning point’ as implementation advances",
    "turkmenistan": "Iran looks to reinforce regional connectivity through accelerated "
                    "Turkmenistan cooperation",
    "pakistan": "Tehran, Islamabad highlight ‘extensive capacities’ for transit and border "
                "cooperation",
    "iraq": "Iran regards Iraq with ‘kinship, brotherhood, and friendship’: Pezeshkian",
    "myanmar": "Tehran calls for experts to map ‘concrete paths for cooperation’ with Myanmar",
}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    base = tmp_path_factory.mktemp("site")
    second = (ROOT_DATA / f"{SECOND}.md").read_text("utf-8")
    content = copy_content(base / "content", {f"{SECOND}.md": second})
    return build_site(content, base / "output")


def local(site, page_path, href):
    """Resolve a link found on page_path to (file in output, fragment)."""
    page_url = SITEURL + "/" + page_path.relative_to(site).as_posix()
    target = urlparse(urljoin(page_url, href))
    assert target.netloc == urlparse(SITEURL).netloc, href
    path = site / target.path.lstrip("/")
    if target.path.endswith("/") or path.is_dir():
        path = path / "index.html"
    return path, target.fragment


def assert_resolves(site, page_path, href):
    path, fragment = local(site, page_path, href)
    assert path.is_file(), f"{href} on {page_path} -> missing {path}"
    if fragment:
        assert soup(path).find(id=fragment), f"{href} on {page_path}: no #{fragment}"
    return path


def briefing_path(site, report, country):
    return site / "briefings" / report / country / "index.html"


@pytest.mark.parametrize("country", PARTNERS)
def test_briefing_page_links_back_to_each_paragraph_and_around(site, country):
    path = briefing_path(site, SEED, country)
    page = soup(path)
    assert page.select_one(".kicker a").get_text() == country.title()
    assert page.find("h1").get_text(" ") == HEADLINES[country]
    assert page.title.get_text().startswith(HEADLINES[country] + " · ")
    assert page.find("time")
    quotes = page.select("blockquote.excerpt")
    assert quotes
    for quote in quotes:
        target = assert_resolves(site, path, quote.footer.a["href"])
        assert target.parent.name == SEED
    hrefs = [a["href"] for a in page.find_all("a", href=True)]
    targets = {assert_resolves(site, path, h).parent for h in hrefs if not h.startswith(("http", "mailto"))}
    assert site / "reports" / SEED in targets
    assert site / "countries" / country in targets
    siblings = {briefing_path(site, SEED, c).parent for c in PARTNERS if c != country}
    assert siblings <= targets, "links to every sibling briefing"
    tags = {t.name for t in targets if t.parent.name == "tags"}
    assert tags and not tags & set(PARTNERS), "topic tags only, never a country"
    alternates = {link["href"] for link in page.find_all("link", rel="alternate")}
    assert any(h.endswith(f"feeds/{country}.atom.xml") for h in alternates)
    assert any(h.endswith(f"feeds/{country}.rss.xml") for h in alternates)


def test_report_links_to_its_briefings_from_a_list_and_each_section(site):
    path = site / "reports" / SEED / "index.html"
    page = soup(path)
    section_links = {a["data-briefing-country"] for a in page.select("section a.briefing-link")}
    assert section_links == set(PARTNERS)
    linked = {assert_resolves(site, path, a["href"]).parent.name
              for a in page.find_all("a", href=True) if "/briefings/" in urljoin(SITEURL + "/reports/x/", a["href"])}
    assert linked == set(PARTNERS)
    assert all(p.get("id") for p in page.select("[data-countries]"))


def test_hub_lists_every_briefing_newest_first_and_offers_feeds(site):
    path = site / "countries" / "russia" / "index.html"
    page = soup(path)
    hrefs = [assert_resolves(site, path, a["href"]) for a in page.select("main a[href]")
             if "/briefings/" in urljoin(SITEURL + "/countries/russia/", a["href"])]
    reports = list(dict.fromkeys(p.parent.parent.name for p in hrefs))
    assert reports == [SECOND, SEED]
    alternates = {link["href"] for link in page.find_all("link", rel="alternate")}
    assert any(h.endswith("feeds/russia.atom.xml") for h in alternates)
    assert any(h.endswith("feeds/russia.rss.xml") for h in alternates)
    assert "feeds/countries.opml" in " ".join(a["href"] for a in page.find_all("a", href=True))


@pytest.mark.parametrize("kind", ["atom", "rss"])
@pytest.mark.parametrize("country", PARTNERS)
def test_country_feeds_carry_only_that_countrys_briefings_in_full(site, kind, country):
    feed = feedparser.parse(str(site / "feeds" / f"{country}.{kind}.xml"))
    assert not feed.bozo, feed.bozo_exception
    links = [e.link for e in feed.entries]
    assert all(link.startswith(SITEURL + "/briefings/") for link in links)
    assert all(f"/{country}/" in link for link in links), "only this country's briefings"
    expected = [SECOND, SEED] if country in ("russia", "iraq") else [SEED]
    assert [urlparse(link).path.split("/")[2] for link in links] == expected
    for entry in feed.entries:
        html = entry.content[0].value if kind == "atom" else entry.description
        assert "Leave a Comment" not in html
        page = soup(site / urlparse(entry.link).path.lstrip("/") / "index.html")
        for text, _ in excerpt_texts(page).values():
            assert text[:80] in " ".join(soup_text(html).split())
        assert SITEURL + "/reports/" in html, "links in feeds are absolute"


def soup_text(html):
    from bs4 import BeautifulSoup
    return BeautifulSoup(html, "html.parser").get_text(" ")


def test_topics_are_topics_and_countries_have_only_their_hubs(site):
    for country in PARTNERS:
        assert not (site / "tags" / country).exists(), f"/tags/{country}/ doubles the hub"
    index = site / "tags" / "index.html"
    linked = {local(site, index, a["href"])[0].parent.name
              for a in soup(index).select("main a[href]")}
    assert {"energy", "elections"} <= linked
    assert not linked & set(PARTNERS) - {"countries"}
    assert (site / "tags" / "energy" / "index.html").is_file()
    energy = soup(site / "tags" / "energy" / "index.html")
    assert any(f"/briefings/{SEED}/russia/" in urljoin(SITEURL + "/tags/energy/", a["href"])
               for a in energy.find_all("a", href=True))


@pytest.mark.parametrize("country", PARTNERS)
def test_a_briefings_lede_stands_alone_and_never_repeats_the_quote_below_it(site, country):
    page = soup(briefing_path(site, SEED, country))
    lede = page.select_one(".lede")
    if lede is None:
        return  # the summary was the first quote's opening: shown once, in the quote
    first_quote = page.select_one("blockquote.excerpt p").get_text(" ").strip()
    assert not first_quote.startswith(lede.get_text(" ").strip())
    assert not lede.get_text().startswith(("Rashid echoed", "He ", "Both "))


def test_only_the_briefings_whose_summary_opens_their_first_quote_have_no_lede(site):
    ledes = {c: soup(briefing_path(site, SEED, c)).select_one(".lede") is not None
             for c in PARTNERS}
    assert ledes == {"russia": True, "turkmenistan": True, "pakistan": False, "iraq": False,
                     "myanmar": True}


def test_cards_hub_lists_and_feeds_use_each_briefings_headline(site):
    home = soup(site / "index.html")
    cards = {a.get_text(" ").strip() for a in home.select(".country-card li > a")}
    assert set(HEADLINES.values()) - {HEADLINES["russia"]} <= cards
    hub = soup(site / "countries" / "myanmar" / "index.html")
    assert HEADLINES["myanmar"] in [a.get_text() for a in hub.select(".entry-title a")]
    assert "From the report" in hub.select_one(".briefing-list").get_text()
    feed = feedparser.parse(str(site / "feeds" / "turkmenistan.atom.xml"))
    assert [e.title for e in feed.entries] == [HEADLINES["turkmenistan"]]


def test_opml_lists_every_country_feed(site):
    tree = ET.parse(site / "feeds" / "countries.opml")
    urls = sorted(o.get("xmlUrl") for o in tree.iter("outline"))
    assert urls == sorted(f"{SITEURL}/feeds/{c}.atom.xml" for c in PARTNERS)
    for url in urls:
        assert (site / urlparse(url).path.lstrip("/")).is_file()


def test_a_tag_named_like_a_country_links_to_its_hub(tmp_path):
    """A report's own `Tags: Iraq` is not a second page for Iraq: it links to the hub."""
    seed = (copy_content(tmp_path / "content") / "reports" / "ashgabat-2025-12-12.md")
    text = seed.read_text(encoding="utf-8")
    seed.write_text(text.replace("Countries:", "Tags: Iraq, energy\nCountries:", 1),
                    encoding="utf-8")
    out = build_site(tmp_path / "content", tmp_path / "out")
    page = soup(out / "reports" / "ashgabat-2025-12-12" / "index.html")
    links = {a.get_text(strip=True): urlparse(urljoin(SITEURL + "/reports/x/", a["href"])).path
             for a in page.select("ul.tag-list a")}
    assert links["Iraq"] == "/countries/iraq/"
    assert links["energy"].startswith("/tags/")
