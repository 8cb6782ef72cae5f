"""Files in the reports folder that are not reports: left out of the site, named in a warning."""

import logging

import pytest
from importing import IMPORT_DATA
from sitebuild import build_site, copy_content, excerpt_texts, soup

SEED = "ashgabat-2025-12-12"
STRAYS = {
    "as-received.txt": (IMPORT_DATA / "caspian-water.txt").read_bytes(),
    "saved-page.html": (IMPORT_DATA / "muscat-shipping.html").read_bytes(),
    "old-page.htm": (IMPORT_DATA / "caspian-water.html").read_bytes(),
    "memo.docx": b"PK\x03\x04" + bytes(64),
    "notes.rst": b"Notes\n=====\n\nThe Iraqi minister spoke.\n",
}


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    base = tmp_path_factory.mktemp("strays")
    content = copy_content(base / "content")
    for name, data in STRAYS.items():
        (content / "reports" / name).write_bytes(data)
    (content / "reports" / "inbox").mkdir()
    (content / "reports" / "inbox" / "later.txt").write_bytes(STRAYS["as-received.txt"])
    (content / "reports" / ".DS_Store").write_bytes(b"\x00\x01")
    records = []
    handler = logging.Handler()
    handler.emit = records.append
    logger = logging.getLogger("pelican.plugins.briefings")
    logger.addHandler(handler)
    try:
        output = build_site(content, base / "output")
    finally:
        logger.removeHandler(handler)
    return content, output, [r.getMessage() for r in records if r.levelno >= logging.WARNING]


@pytest.mark.parametrize("name", [*STRAYS, "inbox/later.txt"])
def test_each_non_report_file_gets_a_warning_naming_it(built, name):
    content, _, warnings = built
    path = str(content / "reports" / name)
    (message,) = [m for m in warnings if path in m]
    assert "is not a report" in message and f"`invoke import {path}`" in message


def test_hidden_files_are_not_reported(built):
    _, _, warnings = built
    assert not any(".DS_Store" in m for m in warnings)


def test_no_stray_file_becomes_a_report_or_a_briefing(built):
    _, output, _ = built
    reports = sorted(p.name for p in (output / "reports").iterdir() if p.is_dir())
    assert reports == [SEED]
    assert sorted(p.name for p in (output / "briefings").iterdir()) == [SEED]
    everything = " ".join(p.read_text("utf-8") for p in output.rglob("*.html"))
    for furniture in ["All rights reserved", "Share on Facebook", "We and our 143 partners",
                      "Albusaidi", "Kyrgyz energy ministry"]:
        assert furniture not in everything, furniture


def test_the_seed_builds_as_before(built, seed_site):
    _, output, _ = built
    for country in ["russia", "turkmenistan", "pakistan", "iraq", "myanmar"]:
        page = f"briefings/{SEED}/{country}/index.html"
        assert excerpt_texts(soup(output / page)) == excerpt_texts(soup(seed_site / page))


def test_a_site_of_markdown_reports_gets_no_warning(seed_site, tmp_path, caplog):
    caplog.set_level(logging.WARNING)
    build_site(copy_content(tmp_path / "content"), tmp_path / "output")
    assert not [r for r in caplog.records if "is not a report" in r.getMessage()]
