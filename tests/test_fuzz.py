"""Fuzzing the promises: whatever a report holds, nothing breaks and nothing runs.

Two levels. The core's cleaning and splitting get many generated texts (fast,
no build). Whole sites get a few generated sets of hostile reports, each set
beside the seed in one build: the build finishes without a traceback, the
seed's five briefings are exactly as in a clean build, nothing in output/ can
run a script, every feed is well-formed XML, and nothing is written outside
output/.
"""

from __future__ import annotations

import logging
import unicodedata
import xml.etree.ElementTree as ET
from xml.sax.saxutils import escape

import feedparser
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sitebuild import build_site, copy_content, excerpt_texts, soup

from pelican.plugins.briefings.core.attribution import Splitter
from pelican.plugins.briefings.core.gazetteer import Gazetteer
from pelican.plugins.briefings.core.pipeline import SplitInputs, split_source
from pelican.plugins.briefings.core.sanitize import clean_text, sanitize_html, sanitize_published
from pelican.plugins.briefings.core.topics import TopicMatcher, load_topic_map
from sitecheck.safety import check_folder, scan_html

SEED = "ashgabat-2025-12-12"
PARTNERS = ["russia", "turkmenistan", "pakistan", "iraq", "myanmar"]

HOSTILE = [
    "<script>alert(1)</script>", '<img src=x onerror="alert(2)">', "<svg onload=alert(3)>",
    '<a href="javascript:alert(4)">x</a>', '<a href=" jav&#x61;script:alert(5)">y</a>',
    '<iframe src="javascript:alert(6)"></iframe>', "<style>body{}</style>",
    '<p onclick="alert(7)">Iraqi officials met.</p>', "<scr<script>ipt>alert(8)</script>",
    "\x1b[31m", "\x0b", "\x00", "\uffff", "\ufffe", "\x85", "\u202e", "e\u0301",
    "Tu\u0308rkiye", "&#0;", "&lt;script&gt;", "]]>", "<![CDATA[x]]>", "{filename}/../../x",
    "{country.__class__}", "%s%s%n", "../" * 5, "a" * 300, "\n\n", "# Heading", "- item",
]
SENTENCES = [
    "Iraqi officials met their Russian counterparts in Basra.",
    "Pakistan and Myanmar signed a trade protocol.",
    "Turkmenistan's president opened a gas pipeline.",
    "The weather was mild.", "Türkiye hosted the talks.",
]
fragment = st.one_of(st.sampled_from(HOSTILE), st.sampled_from(SENTENCES),
                     st.text(max_size=30))
line = st.lists(fragment, min_size=1, max_size=4).map(" ".join)


@st.composite
def reports(draw) -> str:
    """A report with any mix of hostile metadata and body."""
    head = []
    if draw(st.booleans()):
        head.append("Title: " + draw(line).replace("\n", " "))
    head.append("Date: " + draw(st.sampled_from(["2026-02-01", "2026-02-01 10:00",
                                                  "yesterday", ""])))
    for key, values in [
        ("Countries", ["Iraq", "Russia, Narnia", "Tu\u0308rkiye", "", "Iraq;Oman"]),
        ("Status", ["draft", "hidden", "published", "weird"]),
        ("Slug", ["../countries/russia", "a" * 300, "feeds", "x/../../y", "ok"]),
        ("Save_as", ["feeds/russia.atom.xml", "countries/index.html", "countries",
                     "pagefind/index.html", "theme/css/site.css", "../../out.html"]),
        ("URL", ["javascript:alert(1)", "//evil.test/", "ok/"]),
    ]:
        if draw(st.integers(0, 3)) == 0:
            head.append(f"{key}: {draw(st.sampled_from(values))}")
    for key in ("Tags", "Summary"):
        if draw(st.booleans()):
            head.append(f"{key}: " + draw(line).replace("\n", " "))
    body = "\n\n".join(draw(st.lists(line, max_size=6)))
    return "\n".join(head) + "\n\n" + body + "\n"


# --- the core, many texts ------------------------------------------------------

@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(fragment, st.text()), max_size=8).map("".join))
def test_cleaned_text_is_xml_text_in_nfc(text):
    cleaned, _ = clean_text(text)
    ET.fromstring(f"<t>{escape(cleaned)}</t>")
    # Nothing but forbidden characters is lost: the same text, canonically.
    kept = "".join(c for c in text if clean_text(c)[0] == c or c in "\x0b\x0c")
    assert unicodedata.normalize("NFC", cleaned) == unicodedata.normalize(
        "NFC", kept.replace("\x0b", " ").replace("\x0c", " "))
    assert clean_text(cleaned) == (cleaned, [])


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(categories=["Lu", "Ll", "Zs"]), max_size=20))
def test_letters_typed_decomposed_are_composed(text):
    nfc = unicodedata.normalize("NFC", text)
    if all(unicodedata.decomposition(c) == "" or "<" in unicodedata.decomposition(c)
           or len(unicodedata.decomposition(c).split()) > 1 for c in nfc):
        assert clean_text(unicodedata.normalize("NFD", text))[0] == nfc


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(fragment, st.text(max_size=10)), max_size=10).map("".join))
def test_sanitized_html_cannot_run_anything(html):
    for clean in (sanitize_html(html), sanitize_published(html)):
        assert scan_html(clean) == []


_SPLITTER = Splitter(Gazetteer.default())
_TOPICS = TopicMatcher(load_topic_map())


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(fragment, st.sampled_from(SENTENCES)), max_size=8),
       st.sampled_from([None, ("IQ",), ("IQ", "RU"), ()]))
def test_any_report_splits_without_error_into_safe_html(parts, partners):
    html = "".join(f"<p>{clean_text(p)[0]}</p>" for p in parts)
    result = split_source(SplitInputs(html, "Title", partners, True), _SPLITTER, _TOPICS,
                          slug_of=str.lower, link_of=lambda c: (f"/b/{c}/", f"B {c}"))
    assert scan_html(result.annotated_html) == []
    for briefing in result.briefings:
        assert all(scan_html(e.html) == [] for e in briefing.excerpts)


# --- whole sites, a few sets of hostile reports -------------------------------

class Records(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record):
        self.records.append(record)


def seed_excerpts(output):
    return {c: excerpt_texts(soup(output / "briefings" / SEED / c / "index.html"))
            for c in PARTNERS}


_CLEAN: dict = {}


def clean_seed(tmp_path_factory) -> dict:
    if not _CLEAN:
        base = tmp_path_factory.mktemp("fuzz-clean")
        _CLEAN.update(seed_excerpts(build_site(copy_content(base / "content"),
                                               base / "output")))
    return _CLEAN


@settings(max_examples=3, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.lists(reports(), min_size=4, max_size=8))
def test_a_site_of_hostile_reports_keeps_every_promise(tmp_path_factory, texts):
    clean = clean_seed(tmp_path_factory)
    base = tmp_path_factory.mktemp("fuzz")
    content = copy_content(base / "content",
                           {f"fuzz{n}.md": text for n, text in enumerate(texts)})
    records = Records()
    logging.getLogger().addHandler(records)
    try:
        output = build_site(content, base / "output")
    finally:
        logging.getLogger().removeHandler(records)
    messages = "\n".join(r.getMessage() for r in records.records)
    assert not any(r.exc_info for r in records.records), messages
    assert "Traceback" not in messages
    assert seed_excerpts(output) == clean
    assert check_folder(output) == []
    for path in output.rglob("*.xml"):
        ET.parse(path)
        if path.name.endswith((".atom.xml", ".rss.xml")):
            assert not feedparser.parse(str(path)).bozo, path
    # Nothing escapes the site folder: its content, its output and the
    # published-names record the build keeps beside them.
    assert sorted(p.name for p in base.iterdir()) == ["content", "output",
                                                      "published-countries.json"]
