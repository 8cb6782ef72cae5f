"""Hostile input: one site holding a table of hostile reports and pages beside the seed.

One build serves every case (each is a file of its own, so they do not meet):
the promises are that the build finishes without a traceback, the seed's five
briefings are intact, nothing anywhere in output/ can run a script, every feed
is well-formed XML, nothing is written outside output/, and each bad file is
named with its problem.
"""

from __future__ import annotations

import logging
import os
import re
import unicodedata
import xml.etree.ElementTree as ET
from pathlib import Path

import feedparser
import pytest
from sitebuild import build_site, copy_content, excerpt_texts, soup

from pelican.plugins.briefings import splitter as splitter_module
from sitecheck.safety import check_folder

SEED = "ashgabat-2025-12-12"
PARTNERS = ["russia", "turkmenistan", "pakistan", "iraq", "myanmar"]
HEAD = "Date: 2026-02-01\n"
SCRIPT = ('<script>alert(1)</script>\n\n<p onclick="alert(2)">Iraqi officials met '
          '<a href="javascript:alert(3)">here</a> <img src="x" onerror="alert(4)">.</p>\n')
NFD_TURKIYE = unicodedata.normalize("NFD", "Türkiye")

# name -> text of each hostile report (content/reports/NAME)
REPORTS = {
    "draft.md": "Title: Draft\nStatus: draft\n" + HEAD + "Countries: Iraq\n\n" + SCRIPT,
    "hidden.md": "Title: Hidden\nStatus: hidden\n" + HEAD + "Countries: Iraq\n\n" + SCRIPT,
    "noparas.md": "Title: No paragraphs\n" + HEAD + "Countries: Iraq\n\n"
                  "<script>alert(5)</script>\n",
    "splitfails.md": "Title: Split fails\n" + HEAD + "Countries: Iraq\n\nSPLIT-FAILS\n\n"
                     + SCRIPT,
    "summary.md": "Title: Summary\n" + HEAD + "Countries: Iraq\n"
                  "Summary: <script>alert(6)</script><b onmouseover=\"alert(7)\">Short</b>\n\n"
                  "Iraqi officials met in Basra.\n",
    "title.md": "Title: <script>alert(8)</script>Markup <b onclick=\"x()\">title</b>\n" + HEAD
                + "Countries: Iraq\nTags: <img src=x onerror=alert(9)>, plain\n\n"
                "Iraqi officials met in Basra.\n",
    "control.md": "Title: Control\x1b characters\n" + HEAD
                  + "Countries: Iraq\nTags: bad\x1btag\n\n"
                  "Iraqi officials\x0bmet in Basra.\x1b\n\nIraq\uffff signed a deal.\n",
    "longslug.md": "Title: Long slug\nSlug: " + "a" * 300 + "\n" + HEAD
                   + "Countries: Iraq\n\nIraqi officials met in Basra.\n",
    "takefeed.md": "Title: Take feed\nSave_as: feeds/russia.rss.xml\n" + HEAD
                   + "Countries: Iraq\n\nIraqi officials met TAKEFEED.\n",
    "takehub.md": "Title: Take hub\nSave_as: countries/russia/index.html\n" + HEAD
                  + "Countries: Iraq\n\nIraqi officials met TAKEHUB.\n",
    "climb.md": "Title: Climb\nSlug: ../countries/russia\n" + HEAD
                + "Countries: Iraq\n\nIraqi officials met CLIMB.\n",
    "folder.md": "Title: Folder\nSave_as: countries\n" + HEAD
                 + "Countries: Iraq\n\nIraqi officials met FOLDER.\n",
    "jsurl.md": "Title: JS URL\nURL: javascript:alert(10)\n" + HEAD
                + "Countries: Iraq\n\nIraqi officials met JSURL.\n",
    "nfd.md": "Title: NFD\n" + HEAD + f"Countries: {NFD_TURKIYE}\n\n"
              f"{NFD_TURKIYE} and its officials reviewed the pipeline.\n",
    "empty.md": "",
    "notitle.md": HEAD + "Countries: Iraq\n\nIraqi officials met.\n",
    "lang.md": 'Title: Lang\nLang: en" onmouseover="alert(13)\n' + HEAD
               + "Countries: Iraq\n\nIraqi officials met LANGMARK.\n",
    "quote.md": 'Title: Quote\nSlug: x" onfocus="alert(14)\n' + HEAD
                + "Countries: Iraq\n\nIraqi officials met QUOTEMARK.\n",
    "urlquote.md": 'Title: URL quote\nURL: x" onfocus="alert(16)\n' + HEAD
                   + "Countries: Iraq\n\nIraqi officials met URLMARK.\n",
    "template.md": "Title: Template\nTemplate: no-such-template\n" + HEAD
                   + "Countries: Iraq\n\nIraqi officials met TEMPLATEMARK.\n",
    "oman.md": "Title: Muscat\n" + HEAD + "Countries: Oman\n\nOmani officials met OMANMARK.\n",
}
PAGES = {
    "countries.md": "Title: Countries\n\nA page that would replace the countries index.\n",
    "evil.md": "Title: Evil page\nStatus: hidden\n\n" + SCRIPT,
}
SETTINGS = {
    "BRIEFING_COUNTRY_NAMES": {"Oman": '<img src=x onerror="alert(11)">Oman & co'},
    "BRIEFING_TITLE": '<script>alert(12)</script>{country}: {report_title}',
    "SITESUBTITLE": '<script>alert(15)</script>Per-country <b onclick="x()">briefings</b>',
}


class Records(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record):
        self.records.append(record)

    @property
    def text(self) -> str:
        return "\n".join(r.getMessage() for r in self.records)


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """Build the hostile site once; return (output folder, log records, temp folder)."""
    base = tmp_path_factory.mktemp("hostile")
    content = copy_content(base / "content", REPORTS)
    for name, text in PAGES.items():
        (content / "pages" / name).write_text(text, encoding="utf-8")
    os.symlink("..", content / "reports" / "loop")  # content/reports/loop -> content
    real = splitter_module.split_source

    def failing(inputs, *args, **kwargs):
        if "SPLIT-FAILS" in inputs.html:
            raise RuntimeError("the splitter tripped")
        return real(inputs, *args, **kwargs)

    records = Records()
    logging.getLogger().addHandler(records)
    try:
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(splitter_module, "split_source", failing)
            output = build_site(content, base / "output", BRIEFING_WORKERS=1, **SETTINGS)
    finally:
        logging.getLogger().removeHandler(records)
    return output, records, base


THEME_SCRIPT = re.compile(r'<script src="[^"<>]*/theme/js/[a-z-]+\.js" defer></script>')


def files(output: Path, *suffixes: str) -> list[Path]:
    return sorted(p for p in output.rglob("*") if p.is_file() and p.name.endswith(suffixes))


def test_no_traceback_and_the_seed_is_intact(site):
    output, records, _ = site
    assert not any(r.exc_info for r in records.records), records.text
    assert "Traceback" not in records.text
    for country in PARTNERS:
        page = output / "briefings" / SEED / country / "index.html"
        assert excerpt_texts(soup(page)), country
        feed = feedparser.parse(str(output / "feeds" / f"{country}.atom.xml"))
        assert any(SEED in entry.link for entry in feed.entries), country


def test_nothing_in_the_site_can_run_a_script(site):
    output, _, _ = site
    assert check_folder(output) == []
    for path in files(output, ".html", ".xml", ".opml"):
        text = path.read_text(encoding="utf-8").lower()
        # The theme's own search script, and the tags (not the text) of its
        # JSON-LD, which browsers never run: check_folder above allows both.
        text = THEME_SCRIPT.sub("", text)
        text = text.replace('<script type="application/ld+json">', "")
        for bad in ("<script", "&lt;script", "javascript:", "onclick", "onerror",
                    "onmouseover", "alert("):
            assert bad not in text, f"{bad} in {path.relative_to(output)}"


def test_drafts_hidden_and_unsplit_reports_are_published_sanitized(site):
    output, records, _ = site
    for slug in ("noparas", "splitfails", "summary"):
        assert (output / "reports" / slug / "index.html").is_file(), slug
    assert (output / "drafts" / "draft.html").is_file()
    assert (output / "reports" / "hidden" / "index.html").is_file()
    assert "splitfails.md: could not be split" in records.text
    assert "Iraqi officials met" in (output / "drafts" / "draft.html").read_text("utf-8")


def test_every_feed_and_the_opml_are_well_formed_xml(site):
    output, _, _ = site
    feeds = files(output, ".xml", ".opml")
    assert len(feeds) > 10
    for path in feeds:
        ET.parse(path)  # raises on anything not well-formed
        if path.name.endswith((".atom.xml", ".rss.xml")):
            assert not feedparser.parse(str(path)).bozo, path


def test_forbidden_characters_are_removed_with_a_warning(site):
    output, records, _ = site
    assert "control.md: removed characters that cannot be published" in records.text
    assert "U+001B" in records.text and "U+FFFF" in records.text
    page = (output / "reports" / "control" / "index.html").read_text("utf-8")
    assert "\x1b" not in page and "\uffff" not in page and "\x0b" not in page
    assert "Control characters" in page and "officials met in Basra" in page
    assert (output / "briefings" / "control" / "iraq" / "index.html").is_file()


def test_a_long_slug_is_bounded(site):
    output, records, _ = site
    assert "longslug.md: its slug or save_as is too long" in records.text
    pages = [p for p in (output / "reports").iterdir() if p.name.startswith("aaaa")]
    assert len(pages) == 1 and len(pages[0].name) <= 100
    assert (pages[0] / "index.html").is_file()
    assert (output / "briefings" / pages[0].name / "iraq" / "index.html").is_file()


@pytest.mark.parametrize("name, address, marker", [
    ("takefeed.md", "feeds/russia.rss.xml", "TAKEFEED"),
    ("takehub.md", "countries/russia/index.html", "TAKEHUB"),
    ("folder.md", "countries", "FOLDER"),
])
def test_a_report_cannot_take_the_sites_own_addresses(site, name, address, marker):
    output, records, _ = site
    assert f"{name} would be written to {address}" in records.text
    assert not any(marker in p.read_text("utf-8") for p in files(output, ".html", ".xml"))


def test_the_sites_own_pages_are_still_theirs(site):
    output, records, _ = site
    assert ET.parse(output / "feeds" / "russia.rss.xml").getroot().tag == "rss"
    hub = soup(output / "countries" / "russia" / "index.html")
    assert SEED in str(hub)
    index = (output / "countries" / "index.html").read_text("utf-8")
    assert "would replace the countries index" not in index
    assert "pages/countries.md would be written to countries/index.html" in records.text


def test_a_slug_that_climbs_cannot_take_a_hub_either(site):
    output, records, base = site
    assert "climb.md would be written to reports/../countries/russia/index.html, which " \
           "is a country hub (russia)" in records.text
    assert not any("CLIMB" in p.read_text("utf-8") for p in files(output, ".html", ".xml"))
    # Beside content/ and output/, only the published-names record the build keeps.
    assert sorted(p.name for p in base.iterdir()) == ["content", "output",
                                                      "published-countries.json"]


def test_a_url_to_another_scheme_is_dropped(site):
    output, records, _ = site
    assert "jsurl.md: URL 'javascript:alert(10)' points away from the site" in records.text
    assert (output / "reports" / "jsurl" / "index.html").is_file()


def test_a_symlink_loop_publishes_each_report_once(site):
    output, records, _ = site
    assert "reports/loop (in the content folder) is a symbolic link to the content " \
        "folder itself, a folder that holds it: a loop" in records.text
    pages = [p for p in files(output, ".html") if "OMANMARK" in p.read_text("utf-8")
             and p.parts[-3] == "reports"]
    assert [p.relative_to(output).as_posix() for p in pages] == ["reports/oman/index.html"]
    assert not (output / "reports" / "404").exists()


def test_a_name_in_decomposed_unicode_finds_its_country(site):
    output, _, _ = site
    # Named as its Countries: line spells it, in NFC.
    page = soup(output / "briefings" / "nfd" / "turkiye" / "index.html")
    assert [text for text, _ in excerpt_texts(page).values()] == [
        "Türkiye and its officials reviewed the pipeline."]


def test_setting_values_with_markup_are_text(site):
    output, _, _ = site
    page = soup(output / "briefings" / "oman" / SETTINGS_OMAN_SLUG / "index.html")
    assert page.h1.get_text() == "Oman & co: Muscat"
    assert not page.h1.find_all(True)


def test_an_empty_report_or_one_without_title_names_its_problem(site):
    _, records, _ = site
    assert "reports/empty.md: the file is empty" in records.text
    assert "notitle.md: could not find information about 'title'" in records.text
    assert "Could not process" not in records.text


SETTINGS_OMAN_SLUG = "oman-co"


def test_attribute_breaking_metadata_is_refused(site):
    output, records, _ = site
    assert "lang.md: Lang: 'en\" onmouseover=\"alert(13)' is not a language code" \
        in records.text
    lang = [p for p in files(output, ".html") if "LANGMARK" in p.read_text("utf-8")]
    assert lang and all('lang="en"' in p.read_text("utf-8") for p in lang)
    assert "quote.md: its slug or save_as" in records.text
    assert any("QUOTEMARK" in p.read_text("utf-8") for p in files(output, ".html"))
    assert "urlquote.md: URL" in records.text


def test_a_template_the_theme_lacks_falls_back(site):
    output, records, _ = site
    assert "template.md: Template: 'no-such-template' cannot be used" in records.text
    assert "TEMPLATEMARK" in (output / "reports" / "template" / "index.html").read_text("utf-8")


def test_the_site_subtitle_is_text(site):
    output, records, _ = site
    assert "SITESUBTITLE is text" in records.text
    feed = feedparser.parse(str(output / "feeds" / "all.atom.xml"))
    assert feed.feed.subtitle == "Per-country briefings"
