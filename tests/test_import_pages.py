"""`invoke import` of saved web pages (and the same stories as pasted text).

Each story in tests/data/import/ is imported into an empty reports folder,
the site is built from the result, and the report page must hold the
story's headline, every paragraph verbatim and in order, every subheading
and list item, and nothing of the page around it.
"""

import pytest
from importing import (
    IMPORT_DATA,
    SETTINGS,
    assert_refused,
    blocks_of,
    body_text,
    expected,
    run_import,
    written,
)
from sitebuild import build_site, copy_content, soup

from pelican.readers import MarkdownReader

CASES = [
    ("caspian-water", "html"), ("caspian-water", "txt"),
    ("muscat-shipping", "html"), ("muscat-shipping", "txt"), ("muscat-shipping", "xhtml"),
    ("baku-rail", "html"),
    ("tashkent-summit", "html"),
    ("tbilisi-transit", "html"), ("tbilisi-transit", "mhtml"),
    ("riyadh-grain", "txt"),
]


@pytest.fixture(scope="module")
def imported(tmp_path_factory):
    """Import every case into one reports folder each, and build one site of them all."""
    base = tmp_path_factory.mktemp("pages")
    content = copy_content(base / "content", with_seed=False)
    runs = {}
    for name, suffix in CASES:
        dest = base / f"{name}-{suffix}"
        run = run_import([IMPORT_DATA / f"{name}.{suffix}"], dest)
        assert run.status == 0, run.errors
        (report,) = written(dest)
        # One site: the same story twice needs two slugs.
        target = content / "reports" / f"{suffix}-{report.name}"
        target.write_bytes(report.read_bytes())
        runs[name, suffix] = (run, report, target.stem)
    output = build_site(content, base / "output", BRIEFING_COUNTRIES=None)
    return runs, output


@pytest.mark.parametrize("name, suffix", CASES)
def test_the_report_page_holds_the_story_and_nothing_else(imported, name, suffix):
    runs, output = imported
    story = expected(name)
    _, _, slug = runs[name, suffix]
    page = soup(output / "reports" / slug / "index.html")
    assert page.select_one("h1").get_text(" ", strip=True) == story["title"]
    assert blocks_of(page) == [tuple(b) for b in story["blocks"]]
    text = body_text(page)
    for furniture in story["furniture"]:
        assert furniture not in text, furniture


@pytest.mark.parametrize("name, suffix", CASES)
def test_metadata_comes_from_the_page(imported, name, suffix):
    runs, _ = imported
    story = expected(name)
    run, report, _ = runs[name, suffix]
    _, metadata = MarkdownReader(SETTINGS).read(str(report))
    assert metadata["title"] == story["title"]
    if suffix != "txt":
        assert metadata["date"].strftime("%Y-%m-%d %H:%M").startswith(story["date"])
        assert metadata.get("source", "") == story["source"]
        assert metadata.get("source_url", "") == story["source_url"]
        for key in ("source", "source_url"):
            if story[key]:
                assert story[key] in run.output
    else:
        assert metadata["date"].strftime("%Y-%m-%d") == story["date"][:10]
    assert "Countries: " in run.output and "proposed by the splitter" in run.output


@pytest.mark.parametrize("name, suffix", CASES)
def test_every_dropped_line_is_listed(imported, name, suffix):
    runs, _ = imported
    run, report, _ = runs[name, suffix]
    kept = {text for _, text in expected(name)["blocks"]}
    listed = [line for line in run.out if line.startswith("    - “")]
    assert listed, "a page always has furniture"
    for line in listed:
        assert not any(text in line for text in kept), line


def test_proposed_countries_are_written_for_the_editor_to_confirm(imported):
    runs, _ = imported
    run, report, _ = runs["caspian-water", "html"]
    head = report.read_text("utf-8").split("\n\n")[0]
    (line,) = [x for x in head.splitlines() if x.startswith("Countries: ")]
    assert line in run.output
    assert "Uzbekistan" in line and "Kyrgyzstan" in line


def test_a_page_declaring_windows_1252_is_read_as_such(imported):
    runs, _ = imported
    run, _, _ = runs["baku-rail", "html"]
    assert "read as Windows-1252 (cp1252) saved web page" in run.output


def test_a_page_with_no_article_is_refused(tmp_path):
    run = run_import([IMPORT_DATA / "no-article.html"], tmp_path / "reports", date="2026-01-01")
    assert run.status == 1
    (message,) = run.err
    assert str(IMPORT_DATA / "no-article.html") in message and "no article" in message
    assert written(tmp_path / "reports") == []


def test_the_same_story_as_text_then_as_a_page_is_imported_once(tmp_path):
    dest = tmp_path / "reports"
    assert run_import([IMPORT_DATA / "caspian-water.txt"], dest).status == 0
    (first,) = written(dest)
    again = run_import([IMPORT_DATA / "caspian-water.html"], dest)
    assert again.status == 1 and str(first) in again.errors
    assert written(dest) == [first]


def test_several_files_at_once(tmp_path):
    files = [IMPORT_DATA / f"{name}.html" for name in ("caspian-water", "muscat-shipping")]
    run = run_import(files, tmp_path / "reports")
    assert run.status == 0, run.errors
    assert len(written(tmp_path / "reports")) == 2


def test_a_single_file_page_says_what_it_was_read_as(imported):
    runs, _ = imported
    run, _, _ = runs["tbilisi-transit", "mhtml"]
    assert "read as utf-8 web page saved as one file (MHTML)" in run.output


@pytest.mark.parametrize("name, data, says", [
    ("empty.html", b"", "empty"),
    ("script-only.html", b"<html><body><script>var a = 1;</script></body></html>", "no article"),
    ("images.mhtml", b"MIME-Version: 1.0\r\nContent-Type: image/png\r\n\r\nxx", "no web page"),
])
def test_bad_pages_are_refused_by_name(tmp_path, name, data, says):
    assert_refused(tmp_path, name, data, says)


def test_a_subheading_under_the_lead_is_not_taken_for_the_headline(tmp_path):
    page = tmp_path / "no-h1.html"
    page.write_text(
        '<!DOCTYPE html><html><head><meta charset="utf-8"><title>Gas talks | Wire</title>'
        '<meta property="og:title" content="Qatar and Oman open gas talks">'
        '<meta property="article:published_time" content="2026-01-05T10:00:00Z"></head>'
        "<body><nav><a>Home</a> <a>World</a></nav><article>"
        "<p>DOHA – Energy ministers from Qatar and Oman met on Monday to discuss long-term gas "
        "contracts, officials said after a meeting that lasted most of the day.</p>"
        "<h2>Kuwait to join later</h2><p>The next round will include Kuwait, the statement "
        "said, without giving a date for the talks or naming a venue for them.</p>"
        "</article><footer>© 2026 Wire</footer></body></html>", encoding="utf-8")
    run = run_import([page], tmp_path / "reports")
    assert run.status == 0, run.errors
    (report,) = written(tmp_path / "reports")
    text = report.read_text("utf-8")
    assert text.startswith("Title: Qatar and Oman open gas talks\n")
    assert "\n## Kuwait to join later\n" in text
