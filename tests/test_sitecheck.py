"""sitecheck: a good hand-made site passes; each kind of breakage is named."""

from __future__ import annotations

import datetime
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from feedgenerator import Atom1Feed, Rss201rev2Feed
from sitebuild import SITEURL as SEED_SITEURL

from sitecheck import Problem, format_report, run_checks
from sitecheck.html import check_html
from sitecheck.urls import Internal, Invalid, SiteUrls

GOOD = Path(__file__).parent / "data" / "sitecheck" / "good"
SITE = "http://briefings.test"
COUNTRIES = ("russia", "pakistan")
RUSSIA = "briefings/summit/russia/index.html"
PAKISTAN = "briefings/summit/pakistan/index.html"
REPORT = "reports/summit/index.html"
ROOT = Path(__file__).resolve().parent.parent


def briefing_content(output: Path, country: str) -> str:
    """Return a briefing page's excerpts, the HTML its feed entries carry."""
    page = BeautifulSoup(
        (output / f"briefings/summit/{country}/index.html").read_text("utf-8"),
        "html.parser",
    )
    return page.select_one("div.content").decode_contents()


def write_feeds(
    output: Path, country: str, link: str | None = None, content: str | None = None
) -> None:
    """Write a country's Atom and RSS feeds with one entry for its briefing."""
    for feed_class, suffix in ((Atom1Feed, "atom"), (Rss201rev2Feed, "rss")):
        # Valid as the W3C validator wants: own id, language, a page announcing it.
        feed = feed_class(
            title=f"Briefings: {country}",
            link=f"{SITE}/briefings/summit/{country}/",
            description=f"{country} briefings",
            feed_url=f"{SITE}/feeds/{country}.{suffix}.xml",
            feed_guid=f"{SITE}/feeds/{country}.{suffix}.xml",
            language="en",
        )
        url = link or f"{SITE}/briefings/summit/{country}/"
        feed.add_item(
            title=f"{country.title()}: Summit report",
            link=url,
            description=content or briefing_content(output, country),
            content=content or briefing_content(output, country),
            unique_id=url,
            pubdate=datetime.datetime(2025, 12, 12, 9, 0),
        )
        with open(
            output / f"feeds/{country}.{suffix}.xml", "w", encoding="utf-8"
        ) as out:
            feed.write(out, "utf-8")


@pytest.fixture
def site(tmp_path) -> Path:
    """A copy of the good site, feeds written with feedgenerator."""
    output = tmp_path / "output"
    shutil.copytree(GOOD, output)
    for country in COUNTRIES:
        write_feeds(output, country)
    return output


def edit(path: Path, old: str, new: str) -> None:
    """Replace text in a fixture file, failing loudly if it is not there."""
    text = path.read_text("utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), "utf-8")


def problems_of(site: Path, **kwargs) -> list[Problem]:
    return run_checks(site, site_url=SITE, html=False, **kwargs)


def assert_problem(problems, check, kind, path, *words) -> Problem:
    """Assert one problem of this check/kind on ``path`` mentions every word."""
    for problem in problems:
        if (problem.check, problem.kind, problem.path) == (check, kind, path) and all(
            word in problem.message for word in words
        ):
            return problem
    raise AssertionError(
        f"no {check}/{kind} problem on {path} mentioning {words}:\n"
        + format_report(problems)
    )


def test_good_site_passes(site):
    assert problems_of(site) == []


def test_cli_exits_zero_on_a_good_site_and_one_with_a_report_on_a_bad_one(site):
    command = [
        sys.executable,
        "-m",
        "sitecheck",
        str(site),
        "--site-url",
        SITE,
        "--no-html",
    ]
    good = subprocess.run(command, capture_output=True, text=True, cwd=ROOT)
    assert good.returncode == 0, good.stderr
    edit(site / "index.html", "./reports/summit/", "./reports/sumit/")
    bad = subprocess.run(command, capture_output=True, text=True, cwd=ROOT)
    assert bad.returncode == 1
    assert "links: broken link (1)" in bad.stderr
    assert (
        "index.html:14: <a> ./reports/sumit/ -> reports/sumit/index.html" in bad.stderr
    )


def test_worker_processes_find_the_same_problems(site, monkeypatch):
    edit(site / "index.html", "./reports/summit/", "./reports/sumit/")
    in_process = problems_of(site)
    monkeypatch.setattr("sitecheck.parallel.PARALLEL_THRESHOLD", 1)
    assert problems_of(site) == in_process and len(in_process) == 1


def test_broken_link_names_page_line_and_target(site):
    edit(site / "index.html", "./reports/summit/", "./reports/sumit/")
    problem = assert_problem(
        problems_of(site),
        "links",
        "broken link",
        "index.html",
        "reports/sumit/index.html does not exist",
    )
    assert problem.line == 14


def test_missing_anchor_names_the_page_it_should_be_in(site):
    edit(site / RUSSIA, 'href="../pakistan/"', 'href="../pakistan/#q-nowhere"')
    assert_problem(
        problems_of(site), "links", "missing anchor", RUSSIA, "'q-nowhere'", PAKISTAN
    )


def test_same_page_anchors_are_checked_against_their_own_page(site):
    # Both pages sit in the site root; "#main" exists only in index.html.
    (site / "other.html").write_text(
        (site / "index.html").read_text("utf-8").replace('id="main"', 'id="body"'),
        "utf-8",
    )
    assert_problem(problems_of(site), "links", "missing anchor", "other.html", "'main'")


def test_percent_encoded_anchor_must_still_exist(site):
    edit(site / "index.html", "#p%2Dtalks", "#p%2Dtalk")
    assert_problem(
        problems_of(site), "links", "missing anchor", "index.html", "'p-talk'"
    )


def test_javascript_url_is_a_problem(site):
    edit(site / RUSSIA, 'href="#q-both"', 'href="javascript:void(0)"')
    assert_problem(problems_of(site), "links", "javascript: URL", RUSSIA, "javascript:")


def test_stylesheet_src_and_root_relative_links_are_checked(site):
    (site / "theme/css/site.css").unlink()
    problems = problems_of(site)
    assert_problem(problems, "links", "broken link", PAKISTAN, "/theme/css/site.css")
    assert_problem(problems, "links", "broken link", REPORT, "../../theme/css/site.css")


def test_missing_advertised_feed(site):
    (site / "feeds/russia.rss.xml").unlink()
    assert_problem(
        problems_of(site),
        "feeds",
        "missing advertised feed",
        RUSSIA,
        "feeds/russia.rss.xml does not exist",
    )


def test_advertised_feed_under_the_site_url_is_resolved(site):
    edit(site / "index.html", "/feeds/russia.atom.xml", "/feeds/rusia.atom.xml")
    assert_problem(
        problems_of(site),
        "feeds",
        "missing advertised feed",
        "index.html",
        "feeds/rusia.atom.xml",
    )
    # Without the site's address, the same link is external and not followed.
    assert not [p for p in run_checks(site, html=False) if p.path == "index.html"]


def test_absolute_links_without_the_site_url_say_to_pass_it(site):
    problem = assert_problem(
        run_checks(site, html=False),
        "invariants",
        "excerpt without source",
        RUSSIA,
        "#p-both",
    )
    assert "pass --site-url" in problem.message


def test_root_relative_link_outside_a_sub_path_site(site):
    for page in site.rglob("*.*"):
        text = page.read_text("utf-8").replace(f"{SITE}/", f"{SITE}/sub/")
        page.write_text(text, "utf-8")
    problems = run_checks(site, site_url=f"{SITE}/sub", html=False)
    assert_problem(
        problems,
        "links",
        "bad URL",
        PAKISTAN,
        "/theme/css/site.css",
        "outside the site's path /sub/",
    )
    assert len(problems) == 1, format_report(problems)


def test_the_seed_site_passes(seed_site):
    """The real plugin and theme, built from the seed report, keep every promise."""
    problems = run_checks(seed_site, site_url=SEED_SITEURL, html=False)
    assert problems == [], format_report(problems)


def test_bozo_feed(site):
    feed = site / "feeds/pakistan.atom.xml"
    feed.write_text(feed.read_text("utf-8").replace("</feed>", ""), "utf-8")
    assert_problem(
        problems_of(site),
        "feeds",
        "malformed feed",
        "feeds/pakistan.atom.xml",
        "does not parse cleanly",
    )


def test_relative_entry_link_in_feed(site):
    write_feeds(site, "russia", link="briefings/summit/russia/")
    problems = problems_of(site)
    for suffix in ("atom", "rss"):
        assert_problem(
            problems,
            "feeds",
            "relative entry link",
            f"feeds/russia.{suffix}.xml",
            "'briefings/summit/russia/'",
            "not absolute",
        )


def test_feed_entry_linking_to_a_missing_page(site):
    write_feeds(site, "russia", link=f"{SITE}/briefings/summit/rusia/")
    assert_problem(
        problems_of(site),
        "feeds",
        "missing entry page",
        "feeds/russia.atom.xml",
        "briefings/summit/rusia/index.html",
    )


def test_opml_pointing_at_a_missing_feed(site):
    edit(
        site / "feeds/countries.opml",
        "/feeds/pakistan.atom.xml",
        "/feeds/iraq.atom.xml",
    )
    assert_problem(
        problems_of(site),
        "feeds",
        "OPML feed missing",
        "feeds/countries.opml",
        "Pakistan",
        "feeds/iraq.atom.xml",
        "does not exist",
    )


def test_malformed_opml(site):
    edit(site / "feeds/countries.opml", "</body>", "")
    problem = assert_problem(
        problems_of(site),
        "feeds",
        "malformed OPML",
        "feeds/countries.opml",
        "does not parse",
    )
    assert problem.line


def test_excerpt_whose_text_differs_from_the_report(site):
    edit(site / RUSSIA, "agreement on Friday", "agreement on Thursday")
    assert_problem(
        problems_of(site),
        "invariants",
        "excerpt differs from report",
        RUSSIA,
        "#p-talks",
        REPORT,
        "on Thursday",
        "on Friday",
    )


def test_excerpt_whitespace_and_inline_markup_do_not_matter(site):
    edit(site / RUSSIA, "a <em>gas</em> agreement", "a gas\n   agreement")
    assert problems_of(site) == []


def test_excerpt_of_a_paragraph_the_report_does_not_have(site):
    edit(site / PAKISTAN, 'data-paragraph="p-list"', 'data-paragraph="p-gone"')
    assert_problem(
        problems_of(site),
        "invariants",
        "excerpt not in report",
        PAKISTAN,
        "#p-gone",
        "no paragraph",
    )


def test_excerpt_of_a_paragraph_not_attributed_to_the_country(site):
    edit(
        site / REPORT,
        'id="p-both" data-countries="russia pakistan"',
        'id="p-both" data-countries="russia"',
    )
    assert_problem(
        problems_of(site),
        "invariants",
        "excerpt not attributed",
        PAKISTAN,
        "#p-both",
        "pakistan",
    )


def test_attributed_paragraph_missing_from_its_briefing(site):
    page = BeautifulSoup((site / PAKISTAN).read_text("utf-8"), "html.parser")
    page.select_one('blockquote[data-paragraph="p-list"]').decompose()
    (site / PAKISTAN).write_text(str(page), "utf-8")
    problem = assert_problem(
        problems_of(site),
        "invariants",
        "paragraph missing from briefing",
        REPORT,
        "#p-list",
        "pakistan",
        PAKISTAN,
    )
    assert problem.line == 19


def test_attributed_paragraph_missing_from_its_feeds(site):
    content = briefing_content(site, "pakistan").replace(
        "Islamabad pledged", "Islamabad sent"
    )
    write_feeds(site, "pakistan", content=content)
    problems = problems_of(site)
    for suffix in ("atom", "rss"):
        assert_problem(
            problems,
            "invariants",
            "paragraph missing from feed",
            REPORT,
            "#p-list",
            f"feeds/pakistan.{suffix}.xml",
            PAKISTAN,
        )


def test_briefing_missing_from_its_country_feed(site):
    write_feeds(site, "russia", link=f"{SITE}/briefings/summit/pakistan/")
    assert_problem(
        problems_of(site),
        "invariants",
        "briefing missing from feed",
        REPORT,
        "feeds/russia.atom.xml has no entry linking to " + RUSSIA,
    )


def test_attributed_country_without_briefing_link(site):
    edit(
        site / REPORT,
        'data-briefing-country="pakistan"',
        'data-briefing-country="iraq"',
    )
    assert_problem(
        problems_of(site),
        "invariants",
        "no briefing link",
        REPORT,
        "attributed to pakistan",
    )


def test_a_listing_showing_report_text_is_not_taken_for_a_report(site):
    summary = '<p id="p-only-here" data-countries="iraq">Baghdad was mentioned.</p>'
    edit(site / "index.html", "</main>", summary + "</main>")
    assert problems_of(site) == []


def test_report_caps_each_kind_at_twenty_lines():
    problems = [
        Problem("links", "broken link", f"page{n:02}.html", "gone", n)
        for n in range(25)
    ]
    report = format_report(problems)
    assert "links: broken link (25)" in report
    assert "page19.html:19: gone" in report and "page20.html" not in report
    assert "... and 5 more" in report


@pytest.mark.parametrize(
    ("url", "base", "expected"),
    [
        (
            "../../../reports/x/#p-1",
            "briefings/r/c/index.html",
            Internal("reports/x/index.html", "p-1"),
        ),
        ("a%20b.html?x=1#caf%C3%A9", "index.html", Internal("a b.html", "café")),
        (
            "https://site.test/repo/feeds/",
            "index.html",
            Internal("feeds/index.html", ""),
        ),
        ("/repo/tags/", "index.html", Internal("tags/index.html", "")),
    ],
)
def test_urls_resolve_under_a_sub_path(url, base, expected):
    assert SiteUrls("https://site.test/repo/").resolve(url, base) == expected


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("/tags/", "outside the site's path /repo/"),
        ("../../x.html", "climbs above the site root"),
        ("http://127.0.0.1:8000/feeds/all.atom.xml", "local development address"),
        ("JavaScript:alert(1)", "javascript:"),
    ],
)
def test_urls_a_published_site_must_not_carry(url, reason):
    resolution = SiteUrls("https://site.test/repo").resolve(url, "index.html")
    assert isinstance(resolution, Invalid) and reason in resolution.reason


def test_any_local_address_is_internal_in_a_dev_build():
    resolved = SiteUrls("http://127.0.0.1:8000").resolve(
        "http://localhost:8001/tags/", "index.html"
    )
    assert resolved == Internal("tags/index.html", "")


def test_dev_host_links_are_internal_without_a_site_url():
    resolved = SiteUrls().resolve(
        "http://127.0.0.1:8000/feeds/all.atom.xml", "a/b.html"
    )
    assert resolved == Internal("feeds/all.atom.xml", "")


def test_missing_html_checker_says_how_to_install(tmp_path, site, monkeypatch):
    [problem] = check_html(site, jar=tmp_path / "vnu.jar")
    assert problem.check == "html" and "npm ci" in problem.message
    monkeypatch.setenv("PATH", "")
    [problem] = check_html(site)
    assert "java" in problem.message


def test_vnu_reports_invalid_html_on_its_page_only(site):
    (site / "broken.html").write_text(
        '<!DOCTYPE html>\n<html lang="en">\n<head><meta charset="utf-8">'
        "<title>x</title></head>\n"
        '<body>\n<p id="a">one</p>\n<p id="a">two</p>\n</body>\n</html>\n',
        "utf-8",
    )
    problems = run_checks(site, site_url=SITE, html=True)
    assert {problem.path for problem in problems} == {"broken.html"}, format_report(
        problems
    )
    assert_problem(problems, "html", "invalid HTML", "broken.html", "Duplicate ID")
