"""Where the published-names record lives: in the site folder, beside content/.

The record (BRIEFING_PUBLISHED_FILE) is committed with the site so that its
addresses never move. It is not content: written into content/ it made
Pelican's autoreload, which watches that folder, build twice, and a site
publishing its content folder's files would publish it. A new site gets it
next to its content folder; a site that already keeps it in content/ goes
on reading and updating it there.
"""

import json

import feedparser
from sitebuild import ROOT, build_site, copy_content

from pelican.plugins.briefings.settings import published_file

RECORD = "published-countries.json"
PARTNERS = {"RU", "TM", "PK", "IQ", "MM"}


def test_a_new_site_keeps_its_record_beside_the_content_folder(tmp_path):
    content = copy_content(tmp_path / "content")
    build_site(content, tmp_path / "output")
    assert not (content / RECORD).exists()
    record = json.loads((tmp_path / RECORD).read_text("utf-8"))
    assert set(record["countries"]) == PARTNERS


def test_a_site_with_its_record_in_content_keeps_using_it(tmp_path):
    content = copy_content(tmp_path / "content")
    old = json.loads((ROOT / RECORD).read_text("utf-8"))
    old["id_prefix"] = "tag:old.example,2020-01-01:"
    myanmar = old["countries"].pop("MM")  # the build adds it again, in the same file
    (content / RECORD).write_text(json.dumps(old), encoding="utf-8")
    output = build_site(content, tmp_path / "output")
    assert not (tmp_path / RECORD).exists(), "a second record was started"
    kept = json.loads((content / RECORD).read_text("utf-8"))
    assert kept["id_prefix"] == "tag:old.example,2020-01-01:"
    assert kept["countries"]["MM"]["slug"] == myanmar["slug"]
    assert kept["countries"]["MM"]["feed_id"].startswith("tag:old.example,2020-01-01:")
    feed = feedparser.parse(output / "feeds" / "all.atom.xml")
    assert feed.feed.id == "tag:old.example,2020-01-01:feeds/all.atom.xml"


def test_invoke_check_finds_the_record_where_the_build_keeps_it(tmp_path):
    settings = {"PATH": str(tmp_path / "content")}
    (tmp_path / "content").mkdir()
    assert published_file(RECORD, settings) == tmp_path / RECORD
    (tmp_path / "content" / RECORD).write_text("{}", encoding="utf-8")
    assert published_file(RECORD, settings) == tmp_path / "content" / RECORD
    (tmp_path / RECORD).write_text("{}", encoding="utf-8")
    assert published_file(RECORD, settings) == tmp_path / RECORD


def test_this_repository_keeps_its_record_at_its_root():
    assert (ROOT / RECORD).is_file()
    assert not (ROOT / "content" / RECORD).exists()
