"""`invoke import` of plain text: the seed, a report in page furniture, bad files.

Every test imports into an empty reports folder and, where it matters,
builds the real site from what was written and reads the pages.
"""

import subprocess
import sys

import feedparser
import pytest
from bs4 import BeautifulSoup
from importing import (
    IMPORT_DATA,
    assert_refused,
    blocks_of,
    body_text,
    expected,
    run_import,
    written,
)
from sitebuild import (
    ROOT,
    SEED_DIR,
    build_site,
    copy_content,
    excerpt_texts,
    seed_labels,
    soup,
)

SEED_TEXT = SEED_DIR / "ashgabat-2025-12-12.txt"
PARTNERS = ["russia", "turkmenistan", "pakistan", "iraq", "myanmar"]


@pytest.fixture(scope="module")
def imported_seed(tmp_path_factory):
    base = tmp_path_factory.mktemp("imported-seed")
    content = copy_content(base / "content", with_seed=False)
    run = run_import([SEED_TEXT], content / "reports")
    return run, content, build_site(content, base / "output")


def test_seed_imports_to_one_report_and_says_what_it_did(imported_seed):
    run, content, _ = imported_seed
    assert run.status == 0, run.errors
    (report,) = written(content / "reports")
    assert report.name.startswith("2025-12-12-putin-calls-strategic-pact")
    assert str(report) in run.output
    assert "Date: 2025-12-12 (from the file name)" in run.output
    assert "Countries: Russia, Turkmenistan, Pakistan, Iraq, Myanmar" in run.output
    assert "“Leave a Comment” (comments)" in run.output


def test_imported_seed_splits_exactly_like_the_hand_made_report(imported_seed, seed_site):
    _, content, output = imported_seed
    (report,) = written(content / "reports")
    slug = report.stem
    briefings = output / "briefings" / slug
    assert sorted(p.name for p in briefings.iterdir()) == sorted(PARTNERS)
    for country in PARTNERS:
        mine = excerpt_texts(soup(briefings / country / "index.html"))
        hand_made = excerpt_texts(
            soup(seed_site / "briefings" / "ashgabat-2025-12-12" / country / "index.html"))
        assert mine == hand_made, country
    mine = soup(output / "reports" / slug / "index.html").select("[data-countries]")
    theirs = soup(seed_site / "reports" / "ashgabat-2025-12-12" / "index.html").select(
        "[data-countries]")
    assert [(p.get("id"), p["data-countries"]) for p in mine] == [
        (p.get("id"), p["data-countries"]) for p in theirs]




@pytest.mark.parametrize("country", seed_labels()["countries"])
def test_imported_seed_labels_hold_in_the_feeds(imported_seed, country):
    """The seed's labels at 100%, read as a subscriber reads them: from the feeds."""
    _, _, output = imported_seed
    lines = [x for x in SEED_TEXT.read_text("utf-8").splitlines() if x.strip()]
    feed = feedparser.parse(str(output / "feeds" / f"{country.lower()}.atom.xml"))
    assert not feed.bozo, feed.bozo_exception
    (entry,) = feed.entries
    text = " ".join(BeautifulSoup(entry.content[0].value, "html.parser").get_text(" ").split())
    for label in seed_labels()["paragraphs"]:
        (source,) = [x for x in lines if x.startswith(label["starts"])]
        if country in label["primary"]:
            assert source in text, f"primary paragraph {label['i']} missing"
        elif country not in label["optional"]:
            assert source not in text, f"paragraph {label['i']} does not concern {country}"


def test_second_import_of_the_same_story_writes_nothing(tmp_path):
    dest = tmp_path / "reports"
    assert run_import([SEED_TEXT], dest).status == 0
    before = {p: p.read_bytes() for p in written(dest)}
    again = run_import([SEED_TEXT], dest)
    assert again.status == 1
    (first,) = before
    assert str(first) in again.errors and "already" in again.errors
    # The same story under another name and date is still the same story.
    renamed = tmp_path / "putin-iran.txt"
    renamed.write_bytes(SEED_TEXT.read_bytes())
    third = run_import([renamed], dest, date="2025-12-13")
    assert third.status == 1 and str(first) in third.errors
    assert {p: p.read_bytes() for p in written(dest)} == before


def test_report_in_page_furniture_keeps_every_paragraph_and_drops_the_rest(tmp_path):
    story = expected("caspian-water")
    content = copy_content(tmp_path / "content", with_seed=False)
    run = run_import([IMPORT_DATA / "caspian-water.txt"], content / "reports")
    assert run.status == 0, run.errors
    (report,) = written(content / "reports")
    output = build_site(content, tmp_path / "output", BRIEFING_COUNTRIES=None)
    page = soup(output / "reports" / report.stem / "index.html")
    assert page.select_one("h1").get_text(" ", strip=True) == story["title"]
    assert blocks_of(page) == [tuple(b) for b in story["blocks"]]
    text = body_text(page)
    for furniture in story["furniture"]:
        assert furniture not in text, furniture
    # Every line that was dropped is listed, with its reason.
    for line in ["By Dana Serikbayeva", "Share on Facebook Share on X Email", "Advertisement",
                 "Read more: Aral Sea fishermen see the water return", "Tags: water, Central Asia",
                 "Uzbek cotton exports hit record as prices climb", "2 comments",
                 "© 2026 The Steppe Herald. All rights reserved."]:
        assert f"“{line}”" in run.output, line
    assert "Date: 2026-03-04 (from the text's date line)" in run.output


def test_countries_and_date_options_set_the_metadata(tmp_path):
    dest = tmp_path / "reports"
    run = run_import([SEED_TEXT], dest, countries="Türkiye, Iraq", date="2025-12-14 08:30")
    assert run.status == 0, run.errors
    (report,) = written(dest)
    assert report.name.startswith("2025-12-14-")
    head = report.read_text("utf-8").split("\n\n")[0].splitlines()
    assert "Countries: Türkiye, Iraq" in head and "Date: 2025-12-14 08:30" in head
    assert "(set by --countries)" in run.output


def test_unknown_country_is_refused_with_a_suggestion(tmp_path):
    run = run_import([SEED_TEXT], tmp_path / "reports", countries="Turkmenstan")
    assert run.status == 2
    assert "Turkmenstan" in run.errors and "did you mean Turkmenistan?" in run.errors
    assert written(tmp_path / "reports") == []


def test_a_report_without_a_date_is_refused_unless_given_one(tmp_path):
    source = tmp_path / "story.txt"
    source.write_text(SEED_TEXT.read_text("utf-8"), encoding="utf-8")
    refused = run_import([source], tmp_path / "reports")
    assert refused.status == 1
    assert str(source) in refused.errors and "--date" in refused.errors
    assert written(tmp_path / "reports") == []
    assert run_import([source], tmp_path / "reports", date="2025-12-12").status == 0


def test_dateline_gives_the_date(tmp_path):
    source = tmp_path / "story.txt"
    source.write_text("Talks in Baku end\nBAKU, May 9, 2026 – Azerbaijan and Georgia agreed "
                      "on Saturday to run more trains.\n", encoding="utf-8")
    run = run_import([source], tmp_path / "reports")
    assert run.status == 0, run.errors
    assert "Date: 2026-05-09 (from the dateline)" in run.output


SEED_BYTES = SEED_TEXT.read_text("utf-8")


@pytest.mark.parametrize("encoding, data", [
    ("UTF-8 with BOM", SEED_BYTES.encode("utf-8-sig")),
    ("UTF-16", SEED_BYTES.encode("utf-16")),
    ("UTF-16", SEED_BYTES.encode("utf-16-be").join([b"\xfe\xff", b""])),
    ("Windows-1252 (cp1252)", SEED_BYTES.encode("cp1252")),
    ("UTF-8", SEED_BYTES.replace("\n", "\r\n").encode("utf-8")),
])
def test_encodings_are_read_as_the_reporter_wrote(tmp_path, encoding, data):
    source = tmp_path / "ashgabat-2025-12-12.txt"
    source.write_bytes(data)
    run = run_import([source], tmp_path / "reports")
    assert run.status == 0, run.errors
    assert f"read as {encoding} plain text" in run.output
    reference = tmp_path / "ref"
    run_import([SEED_TEXT], reference)
    (mine,), (theirs,) = written(tmp_path / "reports"), written(reference)
    assert mine.read_bytes() == theirs.read_bytes()


@pytest.mark.parametrize("name, data, says", [
    ("empty.txt", b"", "empty"),
    ("blank.txt", b"  \n\n \t\n", "empty"),
    ("binary.txt", bytes(range(256)) * 4, "binary"),
    ("photo.txt", b"\x89PNG\r\n\x1a\n" + bytes(100), "PNG"),
    ("story.docx", b"PK\x03\x04" + bytes(200), ".docx"),
    ("story.pdf", b"%PDF-1.7\n" + bytes(50), "PDF"),
    ("latin.txt", "Caf\u00e9 talks\nThe minister said so.\n".encode("utf-8")[:-1] + b"\x81\x8d",
     "neither UTF-8 nor Windows-1252"),
    ("utf16.txt", "Talks\nThe minister said so.\n".encode("utf-16-le"), "UTF-16 without"),
    ("furniture.txt", b"Leave a Comment\nShare this article\n", "no report text"),
    ("headline.txt", b"Just a headline\n", "no report text"),
    ("data.json", b'{"title": "x"}\n', "rename it to .txt"),
])
def test_bad_files_are_refused_by_name_and_nothing_is_written(tmp_path, name, data, says):
    assert_refused(tmp_path, name, data, says)


def test_a_missing_file_is_named_and_the_others_still_go_in(tmp_path):
    missing = tmp_path / "nowhere.txt"
    run = run_import([missing, SEED_TEXT], tmp_path / "reports")
    assert run.status == 1
    assert run.err == [f"invoke import: {missing}: no such file"]
    assert len(written(tmp_path / "reports")) == 1


def test_the_invoke_task_exits_non_zero_without_a_traceback(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    done = subprocess.run(
        [sys.executable, "-m", "invoke", "import", f"{tmp_path / 'missing.txt'} {empty}",
         "--dest", str(tmp_path / "reports")],
        cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert f"{tmp_path / 'missing.txt'}: no such file" in done.stderr
    assert f"{empty}: the file is empty" in done.stderr
    assert not (tmp_path / "reports").exists()
