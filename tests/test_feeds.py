"""Feeds subscribers can trust, read as a feed reader and the W3C validator would.

A real site (the seed plus a second report) is built into a temporary folder
and its feeds read with feedparser and the XML itself; the site checks that
encode the W3C Feed Validation Service's rules run over it too.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import feedparser
import pytest
from bs4 import BeautifulSoup
from sitebuild import SITEURL, build_site, copy_content, soup

from sitecheck import run_checks

DATA = Path(__file__).parent / "data" / "site"
SECOND = "tehran-2026-01-20"
PARTNERS = ["iraq", "myanmar", "pakistan", "russia", "turkmenistan"]
RECORD = "published-countries.json"


def record_of(content):
    """Return where a site keeps its record: beside its content folder."""
    return content.parent / RECORD


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    base = tmp_path_factory.mktemp("feeds")
    content = copy_content(base / "content",
                           {f"{SECOND}.md": (DATA / f"{SECOND}.md").read_text("utf-8")})
    output = build_site(content, base / "output")
    return content, output


def read(output: Path, path: str):
    parsed = feedparser.parse((output / path).read_bytes())
    assert not parsed.bozo, (path, parsed.get("bozo_exception"))
    return parsed


def every_feed(output: Path) -> list[str]:
    return sorted(p.relative_to(output).as_posix() for p in output.rglob("*.xml")
                  if p.read_bytes()[:200].find(b"<rss") >= 0
                  or p.read_bytes()[:200].find(b"<feed") >= 0)


def text_of(html: str) -> str:
    return " ".join(BeautifulSoup(html, "html.parser").get_text(" ").split())


def test_every_feed_passes_the_validator_rules(site):
    content, output = site
    problems = [p for p in run_checks(output, site_url=SITEURL, html=False,
                                      record=record_of(content)) if p.check == "feeds"]
    assert problems == []
    assert len(every_feed(output)) > 2 * len(PARTNERS) + 2  # topic feeds too


def test_rss_guids_are_ids_not_links_and_feeds_name_their_language(site):
    _, output = site
    for path in every_feed(output):
        root = ET.parse(output / path).getroot()
        if root.tag == "rss":
            assert root.findtext("channel/language") == "en", path
            guids = root.findall("channel/item/guid")
            assert guids, path
            assert {g.get("isPermaLink") for g in guids} == {"false"}, path
            assert all(g.text.startswith("tag:") for g in guids), path
        else:
            assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == "en", path


def test_each_country_feed_has_its_own_id_and_links_to_its_hub(site):
    _, output = site
    ids = set()
    for slug in PARTNERS:
        hub = f"{SITEURL}/countries/{slug}/"
        atom, rss = read(output, f"feeds/{slug}.atom.xml"), read(output, f"feeds/{slug}.rss.xml")
        assert atom.feed.link == hub and rss.feed.link == hub, slug
        assert atom.feed.id.startswith("tag:") and atom.feed.id not in ids, slug
        ids.add(atom.feed.id)
        # The hub announces exactly the feeds that link back to it.
        announced = {link["href"] for link in soup(output / "countries" / slug / "index.html")
                     .find_all("link", rel="alternate")}
        assert any(h.endswith(f"feeds/{slug}.atom.xml") for h in announced), slug
    assert read(output, "feeds/all.atom.xml").feed.id not in ids


def test_the_site_feeds_hold_each_paragraph_of_the_seed_in_one_entry(site):
    _, output = site
    report = soup(output / "reports" / "ashgabat-2025-12-12" / "index.html")
    paragraphs = [" ".join(p.get_text(" ").split()) for p in report.select("p[id^=p-]")]
    assert len(paragraphs) > 10
    for path in ("feeds/all.atom.xml", "feeds/all.rss.xml"):
        entries = read(output, path).entries
        assert len(entries) == 2, "one entry per report, no briefings"
        bodies = [text_of(e.content[0].value if "content" in e else e.summary)
                  for e in entries]
        for paragraph in paragraphs:
            assert sum(paragraph in body for body in bodies) == 1, (path, paragraph[:60])


def test_every_topic_page_announces_a_feed_that_exists(site):
    _, output = site
    opml = ET.parse(output / "feeds" / "topics.opml").getroot()
    listed = {o.get("xmlUrl") for o in opml.iter("outline")}
    topics = [p for p in (output / "tags").iterdir() if (p / "index.html").is_file()]
    assert len(topics) > 3
    for folder in topics:
        page = soup(folder / "index.html")
        name = " ".join(page.find("h1").get_text(" ").split()).removeprefix("Topic ").strip()
        links = {link["type"]: link["href"] for link in page.find_all("link", rel="alternate")
                 if "/topics/" in link["href"]}
        assert set(links) == {"application/atom+xml", "application/rss+xml"}, folder.name
        for href in links.values():
            path = urlsplit(urljoin(f"{SITEURL}/tags/{folder.name}/", href)).path.lstrip("/")
            feed = read(output, path)
            assert feed.feed.link == f"{SITEURL}/tags/{folder.name}/", path
            assert feed.entries, path
            for entry in feed.entries:
                assert name in {t.term for t in entry.tags}, (path, entry.title)
                # Full text in both formats: the excerpts, not a summary.
                body = entry.content[0].value if "content" in entry else entry.summary
                assert "blockquote" in body, path
        if name not in {c.title() for c in PARTNERS}:
            assert f"{SITEURL}/feeds/topics/{folder.name}.atom.xml" in listed, folder.name


def test_countries_opml_lists_every_country_feed(site):
    _, output = site
    opml = ET.parse(output / "feeds" / "countries.opml").getroot()
    assert sorted(o.get("xmlUrl") for o in opml.iter("outline")) == [
        f"{SITEURL}/feeds/{slug}.atom.xml" for slug in PARTNERS]


def ids_of(output: Path) -> dict[str, tuple[str, dict[str, str]]]:
    """Return {feed: (feed id, {entry link: entry id})} of the country feeds."""
    found = {}
    for slug in PARTNERS:
        feed = read(output, f"feeds/{slug}.atom.xml")
        found[slug] = (feed.feed.id, {e.link: e.id for e in feed.entries})
    return found


EARLIER = """Title: Caspian shipping talks
Date: 2025-11-02 10:00
Countries: Russia, Turkmenistan

Russian Transport Minister Roman Starovoit said Russia would add two ferry routes to Turkmenistan.

Turkmenistan said the routes would carry grain and cotton from the spring.
"""


def test_ids_follow_neither_build_order_nor_settings_and_an_edit_updates(tmp_path):
    content = copy_content(tmp_path / "content")
    before = ids_of(build_site(content, tmp_path / "one"))
    # A back-dated report, an edited seed, other URLs and another address.
    (content / "reports" / "earlier.md").write_text(EARLIER, encoding="utf-8")
    seed = content / "reports" / "ashgabat-2025-12-12.md"
    text = seed.read_text("utf-8").replace(
        "Date: 2025-12-12 12:00", "Date: 2025-12-12 12:00\nModified: 2026-01-05 08:00")
    seed.write_text(text.replace("turning point", "turning-point"), encoding="utf-8")
    output = build_site(content, tmp_path / "two", SITEURL="https://moved.example",
                        FEED_DOMAIN="https://moved.example",
                        BRIEFING_URL="b/{report_slug}/{country_slug}/",
                        BRIEFING_SAVE_AS="b/{report_slug}/{country_slug}/index.html")
    after = ids_of(output)
    for slug in PARTNERS:
        feed_id, entries = before[slug]
        assert after[slug][0] == feed_id, slug
        seed_ids = set(entries.values())
        assert seed_ids <= set(after[slug][1].values()), "the edit made new entries"
    russia = read(output, "feeds/russia.atom.xml")
    edited = [e for e in russia.entries if e.id in set(before["russia"][1].values())]
    assert len(edited) == 1 and edited[0].updated.startswith("2026-01-05"), edited
    assert len(russia.entries) == 2


BURMA = """Title: Port talks in Yangon
Date: 2025-06-01 09:00
Countries: Burma

Burma's trade ministry said on Monday it would reopen talks with Iranian shipping firms on a deep-sea port.

Officials in Burma said the talks would also cover fuel imports and rice exports.
"""


def test_a_back_dated_burma_report_keeps_the_published_myanmar_addresses(tmp_path, caplog):
    content = copy_content(tmp_path / "content")
    first = build_site(content, tmp_path / "first")
    myanmar_id = read(first, "feeds/myanmar.atom.xml").feed.id
    (content / "reports" / "yangon-port.md").write_text(BURMA, encoding="utf-8")
    caplog.set_level("WARNING")
    output = build_site(content, tmp_path / "second")
    assert not list(output.rglob("*burma*")), "a new spelling moved an address"
    feed = read(output, "feeds/myanmar.atom.xml")
    assert feed.feed.id == myanmar_id
    assert [e.link for e in feed.entries] == [
        f"{SITEURL}/briefings/ashgabat-2025-12-12/myanmar/",
        f"{SITEURL}/briefings/yangon-port/myanmar/"]
    hub = soup(output / "countries" / "myanmar" / "index.html")
    assert "Port talks in Yangon" in hub.get_text(" ")
    said = [r.getMessage() for r in caplog.records if "'Burma'" in r.getMessage()]
    assert len(said) == 1 and "Myanmar" in said[0] and "countries/myanmar/" in said[0]
    assert "yangon-port.md" in said[0]
    assert run_checks(output, site_url=SITEURL, html=False, record=record_of(content)) == []


def test_a_deliberate_rename_keeps_writing_the_old_addresses(tmp_path, caplog):
    content = copy_content(tmp_path / "content")
    first = build_site(content, tmp_path / "first")
    old = read(first, "feeds/myanmar.atom.xml")
    caplog.set_level("WARNING")
    output = build_site(content, tmp_path / "second",
                        BRIEFING_COUNTRY_NAMES={"Myanmar": "Burma"})
    for path in ("feeds/burma.atom.xml", "feeds/myanmar.atom.xml"):
        feed = read(output, path)
        assert feed.feed.id == old.feed.id, path
        assert feed.feed.link == f"{SITEURL}/countries/burma/", path
        assert [e.id for e in feed.entries] == [e.id for e in old.entries], path
    for path in ("feeds/burma.rss.xml", "feeds/myanmar.rss.xml",
                 "countries/burma/index.html", "countries/myanmar/index.html"):
        assert (output / path).is_file(), path
    record = json.loads(record_of(content).read_text("utf-8"))["countries"]["MM"]
    assert record["slug"] == "burma"
    assert record["addresses"]["atom"] == ["feeds/myanmar.atom.xml", "feeds/burma.atom.xml"]
    assert any("renamed" in r.getMessage() for r in caplog.records)
    assert run_checks(output, site_url=SITEURL, html=False, record=record_of(content)) == []
    # Without the setting again, the published name stays.
    again = build_site(content, tmp_path / "third")
    assert (again / "feeds" / "burma.atom.xml").is_file()
    assert (again / "feeds" / "myanmar.atom.xml").is_file()


def test_a_published_feed_missing_from_the_output_is_an_error(site, tmp_path):
    content, output = site
    record = json.loads(record_of(content).read_text("utf-8"))
    record["countries"]["MM"]["addresses"]["rss"].append("feeds/old-myanmar.rss.xml")
    edited = tmp_path / RECORD
    edited.write_text(json.dumps(record), encoding="utf-8")
    problems = run_checks(output, site_url=SITEURL, html=False, record=edited)
    assert [(p.kind, p.path) for p in problems] == [
        ("published address missing", "feeds/old-myanmar.rss.xml")]
    assert "Myanmar" in problems[0].message and RECORD in problems[0].message


def test_the_record_is_written_once_and_the_committed_one_matches_the_seed(tmp_path):
    content = copy_content(tmp_path / "content")
    build_site(content, tmp_path / "one", SITEURL="https://example.github.io/briefings",
               FEED_DOMAIN="https://example.github.io/briefings")
    written = record_of(content).read_bytes()
    build_site(content, tmp_path / "two")
    assert record_of(content).read_bytes() == written, "an unchanged site rewrote it"
    committed = Path(__file__).resolve().parent.parent / RECORD
    assert committed.read_bytes() == written, (
        "published-countries.json does not match the seed's build")


def test_an_unreadable_record_stops_the_build_naming_the_file(tmp_path, caplog):
    content = copy_content(tmp_path / "content")
    record_of(content).write_text("{not json", encoding="utf-8")
    with pytest.raises(SystemExit):
        build_site(content, tmp_path / "output")
    assert RECORD in caplog.text and "JSON" in caplog.text


def test_a_bad_record_setting_stops_the_build_naming_the_setting(tmp_path, caplog):
    content = copy_content(tmp_path / "content")
    with pytest.raises(SystemExit):
        build_site(content, tmp_path / "output", BRIEFING_PUBLISHED_FILE=42)
    assert "BRIEFING_PUBLISHED_FILE" in caplog.text


def test_without_a_record_nothing_is_written_to_the_content_folder(tmp_path):
    content = copy_content(tmp_path / "content")
    output = build_site(content, tmp_path / "output", BRIEFING_PUBLISHED_FILE=None)
    assert not record_of(content).exists()
    assert read(output, "feeds/myanmar.atom.xml").feed.id.startswith("tag:")
    assert run_checks(output, site_url=SITEURL, html=False) == []


def test_with_the_caches_on_a_new_spelling_and_a_rename_keep_the_addresses(tmp_path):
    """The incremental writer and split cache (invoke livereload) keep the record too."""
    content = copy_content(tmp_path / "content")
    cached = {"CACHE_CONTENT": True, "LOAD_CONTENT_CACHE": True,
              "CACHE_PATH": str(tmp_path / "cache")}
    output = tmp_path / "output"
    build_site(content, output, **cached)
    (content / "reports" / "yangon-port.md").write_text(BURMA, encoding="utf-8")
    build_site(content, output, **cached)
    assert not list(output.rglob("*burma*"))
    assert len(read(output, "feeds/myanmar.rss.xml").entries) == 2
    build_site(content, output, BRIEFING_COUNTRY_NAMES={"Myanmar": "Burma"}, **cached)
    build_site(content, output, BRIEFING_COUNTRY_NAMES={"Myanmar": "Burma"}, **cached)
    for path in ("feeds/myanmar.rss.xml", "feeds/burma.rss.xml"):
        assert len(read(output, path).entries) == 2, path
    assert (output / "countries" / "myanmar" / "index.html").is_file()
    assert run_checks(output, site_url=SITEURL, html=False, record=record_of(content)) == []


def test_sitecheck_cli_reads_the_record(site, tmp_path):
    content, output = site
    copy = tmp_path / "output"
    shutil.copytree(output, copy)
    (copy / "feeds" / "iraq.atom.xml").unlink()
    command = [sys.executable, "-m", "sitecheck", str(copy), "--site-url", SITEURL,
               "--no-html", "--record", str(record_of(content))]
    run = subprocess.run(command, capture_output=True, text=True,
                         cwd=Path(__file__).resolve().parent.parent)
    assert run.returncode == 1
    assert "published address missing" in run.stderr and "Iraq's Atom feed" in run.stderr
