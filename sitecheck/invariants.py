"""Briefing invariants, the product's promise, checked on the built pages:

- every excerpt a briefing quotes is verbatim the report paragraph it names;
- every paragraph a report attributes to a country (``data-countries``) is
  quoted in that country's briefing and carried by its Atom and RSS feeds.
"""

from __future__ import annotations

from typing import TYPE_CHECKING
from urllib.parse import unquote, urlsplit

from .problem import Problem
from .urls import External, Internal, Resolution

if TYPE_CHECKING:
    from .feeds import FeedEntry, FeedFacts
    from .pages import Excerpt, PageFacts, Paragraph
    from .site import Site

# How much text to show either side of the first difference between two quotes.
DIFF_CONTEXT = 30


def check_invariants(site: Site) -> list[Problem]:
    """Check every briefing's excerpts and every report's attributions."""
    reports = _report_pages(site)
    briefing_country = _briefing_countries(site, reports)
    problems = []
    for page in site.pages.values():
        for excerpt in page.excerpts:
            problems.extend(
                _excerpt_problems(site, page, excerpt, briefing_country.get(page.path))
            )
    entries = _EntriesByPage(site)
    for report in reports:
        problems.extend(_AttributionCheck(site, report, entries).problems())
    return problems


def _report_pages(site: Site) -> list[PageFacts]:
    """Return the report pages: annotated paragraphs, and briefings that link here.

    A listing page that shows a report's annotated text (a summary on the
    home page, say) is not a report: nothing links its paragraphs to briefings.
    """
    quoted = set()
    for page in site.pages.values():
        for excerpt in page.excerpts:
            if excerpt.source_url:
                target = site.resolve(excerpt.source_url, page.path)
                if isinstance(target, Internal):
                    quoted.add(target.path)
    return [
        page
        for page in site.pages.values()
        if page.paragraphs and (page.briefing_links or page.path in quoted)
    ]


def _briefing_countries(site: Site, reports: list[PageFacts]) -> dict[str, str]:
    """Map each briefing page to its country, as the reports' briefing links say."""
    countries = {}
    for report in reports:
        for link in report.briefing_links:
            target = site.resolve(link.url, report.path)
            if isinstance(target, Internal):
                countries[target.path] = link.country
    return countries


def _excerpt_problems(
    site: Site, page: PageFacts, excerpt: Excerpt, country: str | None
) -> list[Problem]:
    """Check that one excerpt names, links to and quotes a report paragraph verbatim."""

    def problem(kind: str, message: str) -> list[Problem]:
        return [Problem("invariants", kind, page.path, message, excerpt.line)]

    anchor = excerpt.paragraph
    if not anchor:
        return problem(
            "excerpt without paragraph", "blockquote.excerpt has no data-paragraph"
        )
    if not excerpt.source_url:
        return problem(
            "excerpt without source",
            f"excerpt of #{anchor} has no footer link to its report",
        )
    target = site.resolve(excerpt.source_url, page.path)
    report = site.pages.get(target.path) if isinstance(target, Internal) else None
    if report is None or not isinstance(target, Internal):
        return problem(
            "excerpt without source",
            f"excerpt of #{anchor}: its footer "
            f"link {excerpt.source_url} does not name a page of the site"
            f"{_site_url_hint(target)}",
        )
    problems = []
    if target.fragment != anchor:
        problems += problem(
            "excerpt without source",
            f"excerpt of #{anchor} links to "
            f"#{target.fragment} in {report.path}, not to #{anchor}",
        )
    paragraph = report.paragraphs.get(anchor)
    if paragraph is None:
        return problems + problem(
            "excerpt not in report",
            f"excerpt of #{anchor}: {report.path} has no paragraph with that id",
        )
    if excerpt.text != paragraph.text:
        problems += problem(
            "excerpt differs from report",
            f"excerpt of #{anchor} is not verbatim {report.path}#{anchor}: "
            f"{_first_difference(excerpt.text, paragraph.text)}",
        )
    if country and country not in paragraph.countries:
        problems += problem(
            "excerpt not attributed",
            f"quotes #{anchor} in the {country} briefing, but "
            f"{report.path} attributes it to "
            f"{' '.join(paragraph.countries) or 'no country'}",
        )
    return problems


class _AttributionCheck:
    """Follow one report's attributed paragraphs into briefings and feeds."""

    def __init__(self, site: Site, report: PageFacts, entries: _EntriesByPage):
        self.site = site
        self.report = report
        self.entries = entries
        self.reported: set[tuple] = set()  # say each missing thing once
        self.found: list[Problem] = []

    def problems(self) -> list[Problem]:
        """Return every attributed paragraph missing from a briefing or feed."""
        briefings = self._briefings_by_country()
        for paragraph in self.report.paragraphs.values():
            for country in paragraph.countries:
                briefing = briefings.get(country)
                if briefing is None:
                    self._once(
                        ("no briefing", country),
                        "no briefing link",
                        paragraph,
                        f"#{paragraph.anchor} is attributed to {country}, but "
                        f"{self._why_no_briefing(country)}",
                    )
                    continue
                self._check_briefing(paragraph, country, briefing)
                # The country's feeds, as its briefing page advertises them.
                feeds = self.site.country_feeds(briefing)
                if not feeds:
                    self._once(
                        ("no feed", country),
                        "missing country feed",
                        paragraph,
                        f"{country} has a briefing, but {briefing.path} advertises "
                        'no country feed (<link rel="alternate">)',
                    )
                for feed_path in feeds:
                    self._check_feed(paragraph, country, briefing, feed_path)
        return self.found

    def _briefings_by_country(self) -> dict[str, PageFacts]:
        """Return each country's briefing page, found through the briefing links."""
        briefings: dict[str, PageFacts] = {}
        for link in self.report.briefing_links:
            page = self.site.page_at(link.url, self.report.path)
            if page is not None:
                briefings.setdefault(link.country, page)
        return briefings

    def _why_no_briefing(self, country: str) -> str:
        """Say why a country's briefing page cannot be reached from the report."""
        links = [link for link in self.report.briefing_links if link.country == country]
        if not links:
            return f"the report has no a.briefing-link for {country}"
        target = self.site.resolve(links[0].url, self.report.path)
        return (
            f"its a.briefing-link {links[0].url} (line {links[0].line}) does not "
            f"name a page of the site{_site_url_hint(target)}"
        )

    def _check_briefing(self, paragraph: Paragraph, country: str, briefing: PageFacts):
        quoted = {excerpt.paragraph for excerpt in briefing.excerpts}
        if paragraph.anchor not in quoted:
            self._add(
                "paragraph missing from briefing",
                paragraph,
                f"#{paragraph.anchor} is attributed to {country} but is not "
                f"quoted in {briefing.path}",
            )

    def _check_feed(
        self, paragraph: Paragraph, country: str, briefing: PageFacts, feed_path: str
    ):
        feed = self.site.feeds.get(feed_path)
        if feed is None:
            self._once(
                ("no feed", feed_path),
                "missing country feed",
                paragraph,
                f"{country} has a briefing but no feed {feed_path}",
            )
            return
        entry = self.entries.entry(feed, briefing.path)
        if entry is None:
            self._once(
                ("no entry", feed_path),
                "briefing missing from feed",
                paragraph,
                f"{feed_path} has no entry linking to {briefing.path}",
            )
        elif not entry.contains_text(paragraph.text):
            self._add(
                "paragraph missing from feed",
                paragraph,
                f"#{paragraph.anchor} is attributed to {country} but its text "
                f"is not in the {feed_path} entry for {briefing.path}",
            )

    def _once(self, key: tuple, kind: str, paragraph: Paragraph, message: str):
        if key not in self.reported:
            self.reported.add(key)
            self._add(kind, paragraph, message)

    def _add(self, kind: str, paragraph: Paragraph, message: str):
        self.found.append(
            Problem("invariants", kind, self.report.path, message, paragraph.line)
        )


class _EntriesByPage:
    """Find a feed's entry for a page, indexing each feed's links once.

    A link under the site's address resolves to a file; any other absolute
    link (a feed written for a domain the check was not told about) matches
    when its path ends with the page's path, so every trailing run of path
    segments is a key.
    """

    def __init__(self, site: Site):
        self.site = site
        self.indexes: dict[str, dict[str, FeedEntry]] = {}

    def entry(self, feed: FeedFacts, page_path: str) -> FeedEntry | None:
        """Return the entry of ``feed`` whose link is the page at ``page_path``."""
        if feed.path not in self.indexes:
            self.indexes[feed.path] = self._index(feed)
        return self.indexes[feed.path].get(page_path)

    def _index(self, feed: FeedFacts) -> dict[str, FeedEntry]:
        index: dict[str, FeedEntry] = {}
        for entry in feed.entries:
            target = self.site.resolve(entry.link, feed.path)
            if isinstance(target, Internal):
                index.setdefault(target.path, entry)
                continue
            url_path = unquote(urlsplit(entry.link).path).lstrip("/")
            if not url_path or url_path.endswith("/"):
                url_path += "index.html"
            segments = url_path.split("/")
            for start in range(len(segments)):
                index.setdefault("/".join(segments[start:]), entry)
        return index


def _site_url_hint(target: Resolution) -> str:
    """Suggest --site-url when a link could not be followed for lack of it."""
    if isinstance(target, External):
        return " (it is on another host: pass --site-url if the site was built for it)"
    return ""


def _first_difference(quoted: str, original: str) -> str:
    """Describe where two texts first differ, with a little context."""
    index = next(
        (i for i, (a, b) in enumerate(zip(quoted, original, strict=False)) if a != b),
        min(len(quoted), len(original)),
    )
    start = max(0, index - DIFF_CONTEXT)

    def excerpt(text: str) -> str:
        return repr(("…" if start else "") + text[start : index + DIFF_CONTEXT])

    return f"quote has {excerpt(quoted)}, report has {excerpt(original)}"
