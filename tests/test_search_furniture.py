"""The search index holds what the reporter wrote, not the page's furniture.

Pagefind indexes the built site (tasks.py index_search); a result's excerpt
comes from the indexed text. Cross-links ("Briefing: Russia"), the links
under each quote ("In the report"), labels and notes are navigation: they
must not be indexed (data-pagefind-ignore), while every paragraph, the
headline and the country filter stay.
"""

import gzip
import json
import subprocess
import sys

import pytest
from sitebuild import SEED_REPORT, build_site, copy_content, excerpt_texts, soup

FURNITURE = ("Briefing: ", "In the report", "Quoted from the report",
             "What the report says about", "Briefings from this report",
             "Paragraphs quoted in a briefing", "Briefing on ")
SEED = SEED_REPORT.stem
PARTNERS = ("russia", "turkmenistan", "pakistan", "iraq", "myanmar")


def fragments(output):
    """Return {page url: indexed fragment} as Pagefind wrote them (gzip, then JSON)."""
    found = {}
    for path in (output / "pagefind" / "fragment").glob("*.pf_fragment"):
        raw = gzip.decompress(path.read_bytes())
        data = json.loads(raw[raw.index(b"{"):])
        found[data["url"]] = data
    return found


@pytest.fixture(scope="module")
def indexed(tmp_path_factory):
    base = tmp_path_factory.mktemp("search")
    output = build_site(copy_content(base / "content"), base / "output")
    subprocess.run([sys.executable, "-m", "pagefind", "--site", str(output), "--quiet"],
                   check=True, timeout=300)
    return output, fragments(output)


def test_every_report_and_briefing_is_indexed(indexed):
    _, found = indexed
    assert f"/reports/{SEED}/" in found
    for slug in PARTNERS:
        assert f"/briefings/{SEED}/{slug}/" in found


@pytest.mark.parametrize("words", FURNITURE)
def test_no_page_furniture_is_indexed(indexed, words):
    _, found = indexed
    assert not [url for url, data in found.items() if words in data["content"]], words


def test_the_reporters_words_and_the_country_filter_stay(indexed):
    output, found = indexed
    for slug in PARTNERS:
        url = f"/briefings/{SEED}/{slug}/"
        page = soup(output / url.strip("/") / "index.html")
        content = " ".join(found[url]["content"].split())
        for text, _ in excerpt_texts(page).values():
            assert text in content, (slug, text[:60])
        # The result opens on the headline, not on a label ("Briefing on …").
        assert content.startswith(page.h1.get_text(" ", strip=True)), content[:80]
        assert found[url]["filters"]["country"] == [page.select_one(".kicker a").get_text()]
    report = " ".join(found[f"/reports/{SEED}/"]["content"].split())
    page = soup(output / "reports" / SEED / "index.html")
    for paragraph in page.select(".report-body p[id^='p-']"):
        assert " ".join(paragraph.get_text(" ").split()) in report
    assert report.startswith(page.h1.get_text(" ", strip=True)), report[:80]
    assert found[f"/reports/{SEED}/"]["meta"]["kind"] == "Report"
