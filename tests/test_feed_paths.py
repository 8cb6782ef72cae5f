"""`invoke check` finds a site's country feeds where its pages say they are.

A site may put its country feeds anywhere (COUNTRY_FEED_ATOM / _RSS); the
checks read each briefing page's <link rel="alternate"> instead of assuming
the default paths, so such a site passes, and a fault in its feeds is still
found. The site here is this one with its feeds moved: its published-names
record comes along, so the addresses it already published keep being written
(and `invoke check` checks them too).
"""

import shutil
import subprocess
import sys

import pytest
from sitebuild import ROOT, SITEURL, build_site, copy_content

FEEDS = {"COUNTRY_FEED_ATOM": "feeds/countries/{slug}.atom.xml",
         "COUNTRY_FEED_RSS": "feeds/countries/{slug}.rss.xml"}


@pytest.fixture(scope="module")
def moved_feeds_site(tmp_path_factory):
    base = tmp_path_factory.mktemp("moved-feeds")
    content = copy_content(base / "content")
    record = ROOT / "published-countries.json"
    if record.is_file():
        shutil.copy(record, base / record.name)
    return build_site(content, base / "output", **FEEDS)


def _invoke_check(output):
    return subprocess.run(
        [sys.executable, "-m", "invoke", "check", "--output", str(output),
         "--site-url", SITEURL, "--no-html"],
        cwd=ROOT, capture_output=True, text=True, timeout=300)


def test_a_site_with_its_own_feed_paths_passes_invoke_check(moved_feeds_site):
    assert (moved_feeds_site / "feeds" / "countries" / "iraq.atom.xml").is_file()
    run = _invoke_check(moved_feeds_site)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "has no problems" in run.stdout


def test_a_paragraph_missing_from_a_moved_feed_is_found(moved_feeds_site, tmp_path):
    output = tmp_path / "output"
    shutil.copytree(moved_feeds_site, output)
    feed = output / "feeds" / "countries" / "iraq.atom.xml"
    text = feed.read_text("utf-8")
    cut = text.index("Iraq", text.index("<content"))  # a word of a quoted paragraph
    feed.write_text(text[:cut] + "Irak" + text[cut + 4:], "utf-8")
    run = _invoke_check(output)
    assert run.returncode == 1
    assert "paragraph missing from feed" in run.stderr
    assert "feeds/countries/iraq.atom.xml" in run.stderr
