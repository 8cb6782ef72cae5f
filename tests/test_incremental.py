"""The split cache and the incremental writer never serve stale output.

A cached site is rebuilt after each kind of change (a report, a setting, a
template, the alias file, a deleted report) and compared, file by file and
byte by byte, with a clean build of the same input.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import feedparser
import pytest
from sitebuild import ROOT, build_site, copy_content

sys.path.insert(0, str(ROOT / "scripts"))
import benchcorpus  # noqa: E402

CACHED = {"CACHE_CONTENT": True, "LOAD_CONTENT_CACHE": True}


def tree(folder: Path) -> dict[str, bytes]:
    """Return every file under ``folder`` by relative path, with its bytes."""
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


class Site:
    """One site's sources in a temporary folder, built cached and clean."""

    def __init__(self, base: Path):
        self.base = base
        self.content = copy_content(base / "content")
        benchcorpus.write_reports(self.content / "reports", 2)
        self.theme = base / "theme"
        shutil.copytree(ROOT / "theme", self.theme)
        self.aliases = base / "aliases.toml"
        self.aliases.write_text("[aliases]\n", encoding="utf-8")
        self.settings = {"THEME": str(self.theme), "BRIEFING_ALIASES_FILE": str(self.aliases)}
        self.clean_builds = 0

    def build_cached(self) -> dict[str, bytes]:
        build_site(self.content, self.base / "cached", CACHE_PATH=str(self.base / "cache"),
                   **CACHED, **self.settings)
        return tree(self.base / "cached")

    def build_clean(self) -> dict[str, bytes]:
        self.clean_builds += 1
        output = self.base / f"clean{self.clean_builds}"
        build_site(self.content, output, **self.settings)
        return tree(output)

    def assert_rebuild_is_clean(self, before: dict[str, bytes]) -> dict[str, bytes]:
        """Rebuild cached; check it equals a clean build and differs from ``before``."""
        cached = self.build_cached()
        clean = self.build_clean()
        assert sorted(cached) == sorted(clean)
        stale = [path for path in clean if cached[path] != clean[path]]
        assert stale == []
        assert cached != before, "the change did not reach the output"
        return cached


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return Site(tmp_path_factory.mktemp("incremental"))


def page_of(report: Path) -> str:
    return f"reports/{report.stem}/index.html"


def test_every_change_reaches_the_output(site):
    first = site.build_cached()
    assert first == site.build_clean()
    reports = sorted((site.content / "reports").glob("*.md"))
    seed = site.content / "reports" / "ashgabat-2025-12-12.md"
    untouched = site.base / "cached" / page_of(next(r for r in reports if r != seed))
    untouched_mtime = untouched.stat().st_mtime_ns

    # 1. A report: its pages change, an unrelated report's page is not rewritten.
    seed.write_text(seed.read_text("utf-8").rstrip("\n") + " Talks will resume in May.\n",
                    encoding="utf-8")
    after_report = site.assert_rebuild_is_clean(first)
    assert untouched.stat().st_mtime_ns == untouched_mtime

    # 2. A setting that changes every briefing title.
    site.settings["BRIEFING_TITLE"] = "{country} briefing: {report_title}"
    after_setting = site.assert_rebuild_is_clean(after_report)

    # 3. A template.
    template = site.theme / "templates" / "briefing.html"
    template.write_text(template.read_text("utf-8").replace(
        "Quoted from the report", "Quoted word for word from the report"), encoding="utf-8")
    after_template = site.assert_rebuild_is_clean(after_setting)

    # 4. The alias file: the seed's Iranian president now "means" Turkmenistan.
    site.aliases.write_text('[aliases]\n"Pezeshkian" = "Turkmenistan"\n', encoding="utf-8")
    after_aliases = site.assert_rebuild_is_clean(after_template)

    # 5. A deleted report: its report page and briefings leave the output.
    gone = reports[-1] if reports[-1] != seed else reports[0]
    gone.unlink()
    after_delete = site.assert_rebuild_is_clean(after_aliases)
    assert page_of(gone) not in after_delete


def test_split_cache_serves_unchanged_reports(tmp_path, caplog):
    content = copy_content(tmp_path / "content")
    settings = {"CACHE_PATH": str(tmp_path / "cache"), **CACHED}
    build_site(content, tmp_path / "out", **settings)
    caplog.set_level("INFO", logger="pelican.plugins.briefings")
    build_site(content, tmp_path / "out", **settings)
    assert "split 1 reports into 5 briefings (1 from the split cache)" in caplog.text
    assert "rendered 0 pages and feeds" in caplog.text


BUILD_AND_LOG = """
import logging, sys
sys.path[:0] = [sys.argv[1] + "/tests"]
from pathlib import Path
from sitebuild import build_site
logging.basicConfig(level=logging.INFO, format="%(message)s")
logging.getLogger("pelican.plugins.briefings").setLevel(logging.INFO)
build_site(Path(sys.argv[2]), Path(sys.argv[3]), CACHE_PATH=sys.argv[4],
           CACHE_CONTENT=True, LOAD_CONTENT_CACHE=True)
"""


def test_keys_hold_across_processes(tmp_path):
    """A new process (new string hashing, new file-walk order) still skips unchanged pages."""
    content = copy_content(tmp_path / "content")
    benchcorpus.write_reports(content / "reports", 3)
    logs = []
    for seed in ("1", "2"):
        run = subprocess.run(
            [sys.executable, "-c", BUILD_AND_LOG, str(ROOT), str(content),
             str(tmp_path / "out"), str(tmp_path / "cache")],
            capture_output=True, text=True, check=True, timeout=120,
            env={**os.environ, "PYTHONHASHSEED": seed})
        logs.append(run.stderr)
    assert "rendered 0 pages and feeds" not in logs[0]
    assert "rendered 0 pages and feeds" in logs[1], logs[1][-2000:]


def test_a_reports_only_feed_is_keyed_by_the_reports_it_carries(tmp_path):
    """The site feed carries reports only: an edit to one behind newer briefings reaches it.

    With FEED_MAX_ITEMS = 2 the feed holds the seed and the newest other
    report, while the first two articles of every kind are the seed and
    one of its briefings; a key over those would miss the edit.
    """
    content = copy_content(tmp_path / "content")
    benchcorpus.write_reports(content / "reports", 2)
    settings = {"CACHE_PATH": str(tmp_path / "cache"), "FEED_MAX_ITEMS": 2, **CACHED}
    build_site(content, tmp_path / "cached", **settings)
    before = feedparser.parse((tmp_path / "cached" / "feeds" / "all.atom.xml").read_bytes())
    assert len(before.entries) == 2
    second = before.entries[1]
    edited = next(p for p in (content / "reports").glob("*.md")
                  if p.stem in second.link)
    edited.write_text(edited.read_text(encoding="utf-8").rstrip("\n")
                      + " A correction was appended.\n", encoding="utf-8")
    build_site(content, tmp_path / "cached", **settings)
    after = feedparser.parse((tmp_path / "cached" / "feeds" / "all.atom.xml").read_bytes())
    assert "A correction was appended." in after.entries[1].content[0].value
    clean = build_site(content, tmp_path / "clean", FEED_MAX_ITEMS=2)
    for feed in ("all.atom.xml", "all.rss.xml"):
        assert (tmp_path / "cached" / "feeds" / feed).read_bytes() == \
            (clean / "feeds" / feed).read_bytes()
