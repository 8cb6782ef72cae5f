"""Split the reports of one build into briefing articles.

Pelican side: :class:`ReportSplitter` takes each report as Pelican reads it,
hands it to the worker pool (workers.py), collects the core's split results
(through the split cache) and turns them into briefing ``Article`` objects
(articles.py). One instance lives for one build.
"""

from __future__ import annotations

import logging
import os
import time
from dataclasses import dataclass
from operator import attrgetter
from pathlib import Path
from urllib.parse import urlsplit

from pelican.contents import Article
from pelican.urlwrappers import Category, Tag

from .articles import (
    BriefingFactory,
    briefing_href,
    plain_title,
    report_source,
    source_markup,
)
from .core.attribution import Splitter
from .core.gazetteer import Gazetteer
from .core.naming import choose_names, text_spellings
from .core.partners import countries_line_names, report_partners
from .core.pipeline import (
    SplitInputs,
    SplitResult,
    fill_country_names,
    name_placeholder,
    settings_digest,
    slug_placeholder,
    split_key,
    split_source,
)
from .core.published import KINDS, PublishedCountry, PublishedRecord, RecordError, tag_prefix
from .core.topics import TopicMatcher
from .feeds import ID_PREFIX
from .generator import Country
from .guards import (
    ARTICLE_LISTS,
    SOURCE_ATTR,
    Reserved,
    check_templates,
    contents_of,
    drop,
    guard_output_paths,
    once_each,
    published_from_split,
    site_slugs,
)
from .roles import REPORT
from .settings import BriefingsConfig
from .splitcache import CACHE_FILE, SplitCache
from .summaries import summarize
from .workers import WorkerPool

logger = logging.getLogger(__name__)

# Attribute set on a report when its original HTML is kept, so a cached
# report (CACHE_CONTENT) is split from its source, never from our output.
_SOURCE_ATTR = SOURCE_ATTR
# Seconds between progress lines while splitting.
PROGRESS_EVERY = 5.0


@dataclass(frozen=True)
class SplitTask:
    """What a worker process needs to split one report (picklable)."""

    inputs: SplitInputs
    source_stem: str  # the report's source path, relative, without extension


@dataclass(frozen=True)
class SplitJob:
    """One report to split: the report, its split's task and its cache key."""

    report: Article
    task: SplitTask
    key: str


class ReportSplitter:
    """Split the reports of one build; lives only for that build.

    Each report is sent to a worker process as soon as Pelican has read it
    (:meth:`report_read`), so splitting runs while Pelican reads the rest;
    :meth:`split_all` collects the splits and makes the briefings once every
    report is read. Both ends agree on a report's split by its cache key, so
    a report changed in between (by another plugin) is split again.
    """

    def __init__(self, generator):
        self.generator = generator
        self.settings = generator.settings
        self.gazetteer = Gazetteer.default()
        self.config = BriefingsConfig.from_settings(self.settings, self.gazetteer)
        self.splitter = Splitter(self.gazetteer, aliases=self.config.aliases)
        self.topics = TopicMatcher(self.config.topics)
        self.countries: dict[str, Country] = {}
        self.names: dict[str, str] = {}  # code -> display name, set per build
        self.spelled_by: dict[str, str] = {}  # code -> the report whose spelling won
        self._told: set[str] = set()  # codes whose published name was logged
        try:
            self.record = PublishedRecord.load(self.config.published_file)
        except (OSError, UnicodeDecodeError, RecordError) as error:
            # Building without it could move a published address: stop instead.
            logger.critical("briefings: BRIEFING_PUBLISHED_FILE: %s", error)
            raise SystemExit(2) from None
        self.articles = BriefingFactory(self.config, self.settings, generator.context,
                                        Category(self.config.category, self.settings))
        # The split cache follows Pelican's content-cache switches.
        self.cache = SplitCache(Path(self.settings["CACHE_PATH"]) / CACHE_FILE,
                                load=self.settings.get("LOAD_CONTENT_CACHE", False),
                                save=self.settings.get("CACHE_CONTENT", False))
        # Settings a split result depends on besides the report itself.
        self.site_digest = settings_digest(
            [self.config.aliases, self.config.topics, self.settings["PATH"]])
        self.pool = WorkerPool(self.split_task, self.config.workers)
        self.tickets: dict[str, int] = {}  # cache key -> the pool's ticket for it
        self._partners: dict[tuple, tuple[str, ...] | None] = {}

    def country(self, code: str) -> Country:
        if code not in self.countries:
            name = self.names.get(code) or self.gazetteer.get(code).name
            self.countries[code] = self.published_country(code, name)
        return self.countries[code]

    def published_country(self, code: str, chosen: str) -> Country:
        """Return the country as published: the record's name and slug win.

        Only BRIEFING_COUNTRY_NAMES renames a published country; its old
        addresses stay in the record and keep being written.
        """
        country = Country(chosen, self.settings, code=code)
        published = self.record.countries.get(code)
        if published is None:
            return country
        record = self.config.published_file
        # Countries are made more than once a build (expected_slugs): say it once.
        tell = logger.warning if code not in self._told else logger.debug
        self._told.add(code)
        if code in self.config.country_names and country.slug != published.slug:
            tell("briefings: %s is renamed %r by BRIEFING_COUNTRY_NAMES: its hub "
                           "and feeds move to %s and %s, and their old addresses %s and "
                           "%s keep being written (%s)", published.name, chosen,
                           country.save_as, country.feed_atom, published.paths("hub")[-1],
                           published.paths("atom")[-1], record)
        else:
            if chosen != published.name and code not in self.config.country_names:
                tell("briefings: %s spells %s %r; the site published it as %r, so "
                               "it stays at %s and %s (%s; to rename it on purpose, set "
                               "BRIEFING_COUNTRY_NAMES)",
                               self.spelled_by.get(code, "a report"), published.name, chosen,
                               published.name, published.paths("hub")[-1],
                               published.paths("atom")[-1], record)
                country = Country(published.name, self.settings, code=code)
            country.slug = published.slug
        country.feed_id = published.feed_id
        country.addresses = {kind: published.paths(kind) for kind in KINDS}
        return country

    def record_published(self, reports, briefings) -> None:
        """Add this build's countries and addresses to the record, and save it."""
        if not briefings:
            return
        record = self.record
        if not record.id_prefix:
            site = self.settings.get("FEED_DOMAIN") or self.settings.get("SITEURL") or ""
            oldest = min(r.date for r in reports).strftime("%Y-%m-%d")
            record.id_prefix = tag_prefix(urlsplit(site).hostname or "", oldest)
        added = []
        for country in sorted({b.country for b in briefings}, key=attrgetter("code")):
            entry = record.countries.get(country.code)
            if entry is None:
                entry = record.countries[country.code] = PublishedCountry(
                    country.name, country.slug, f"{record.id_prefix}countries/{country.slug}")
                added.append(country.name)
            entry.name, entry.slug = country.name, country.slug
            for kind, path in (("hub", country.save_as), ("atom", country.feed_atom),
                               ("rss", country.feed_rss)):
                entry.add(kind, path)
            country.feed_id = entry.feed_id
            country.addresses = {kind: entry.paths(kind) for kind in KINDS}
        if record.path is not None:
            self.generator.context[ID_PREFIX] = record.id_prefix
        if record.save():
            logger.info("briefings: %s now records %s; commit it, so these addresses "
                           "never move", record.path, ", ".join(added) or "a new address")

    def is_report(self, article) -> bool:
        """Return whether an article is a report to split (BRIEFING_REPORTS)."""
        return self.config.reports.is_report(article)

    def report_read(self, article) -> None:
        """Start splitting an article Pelican has just read, if it is a report."""
        if self.is_report(article):
            self.start(self.job(article))

    def start(self, job: SplitJob) -> None:
        """Hand a report to the workers, unless it is cached or already with them."""
        if job.key not in self.cache.previous and job.key not in self.tickets:
            self.tickets[job.key] = self.pool.submit(job.task)

    def split_all(self) -> None:
        generator = self.generator
        drop(generator, ARTICLE_LISTS,
             once_each(contents_of(generator, ARTICLE_LISTS), generator.path))
        # Only reports: any other article is left exactly as Pelican made it.
        reports = [a for a in generator.articles if self.is_report(a)]
        self.names = self.display_names(reports)
        # Reports first, so briefing paths are built from safe report slugs;
        # none may take an address the site writes itself (a hub, a feed...).
        contents = contents_of(generator, ARTICLE_LISTS)
        check_templates(generator, contents)
        reserved = Reserved(self.settings, self.expected_slugs(contents))
        taken: dict[str, str] = {}
        skipped = guard_output_paths(contents, generator.output_path, reserved, taken)
        if skipped:
            drop(generator, ARTICLE_LISTS, skipped)
            reports = [r for r in reports if all(r is not s for s in skipped)]
        jobs = [self.prepare(report) for report in reports]
        for job in jobs:  # reports read from Pelican's cache, or changed since
            self.start(job)
        made = []
        # Long builds say how far the split is, every few seconds, not per file.
        next_progress = time.monotonic() + PROGRESS_EVERY
        for done, job in enumerate(jobs, 1):
            result = self.result_of(job)
            if result is not None:
                self.cache.keep(job.key, result)
                made.extend(self.briefings_of(job.report, result))
            if time.monotonic() >= next_progress:
                next_progress += PROGRESS_EVERY
                logger.info("briefings: split %d of %d reports so far, %d briefings",
                            done, len(jobs), len(made))
        self.close()
        self.cache.save()
        skipped = guard_output_paths(made, self.generator.output_path, reserved, taken)
        made = [b for b in made if all(b is not s for s in skipped)]
        self.record_published(reports, made)
        self.generator.articles.extend(made)
        for briefing in made:
            self.generator.add_source_path(briefing)
        logger.info("briefings: split %d reports into %d briefings (%d from the split "
                    "cache%s)", len(reports), len(made), self.cache.hits,
                    ", in worker processes" if self.pool.parallel else "")

    def expected_slugs(self, contents) -> dict[str, set[str]]:
        """Return the slugs the site's hubs, tag and category pages may take.

        Taken before the split, so every country a briefing could name is
        counted, as the site will name it, and every topic.
        """
        countries = {self.country(country.code).slug for country in self.gazetteer.countries}
        self.countries.clear()  # made again, with the final names, as briefings need them
        tags = {Tag(name, self.settings).slug
                for name in [*self.config.topics, *(self.country(c.code).name
                                                    for c in self.gazetteer.countries)]}
        self.countries.clear()
        return site_slugs(contents, countries, tags,
                          [Category(self.config.category, self.settings).slug])

    def close(self) -> None:
        """Stop the worker processes."""
        self.pool.close()
        self.tickets.clear()

    def result_of(self, job: SplitJob) -> SplitResult | None:
        """Return a report's split, from the cache or its worker; None if it failed."""
        cached = self.cache.get(job.key)
        if cached is not None:
            return cached
        outcome = self.pool.outcome(self.tickets.pop(job.key))
        if outcome.failure is None:
            return outcome.result
        # One bad report must not cost the others: name it, skip its briefings.
        logger.error("briefings: %s: could not be split (%s); its briefings are skipped%s",
                     job.report.relative_source_path, outcome.failure.error,
                     "\n" + outcome.failure.traceback if self.settings.get("DEBUG") else "")
        return None

    def job(self, report) -> SplitJob:
        """Return what a report's split depends on, and its cache key."""
        source = getattr(report, _SOURCE_ATTR, None) or report._content
        # Titles are HTML in Pelican; a title is never a place for markup.
        inputs = SplitInputs(source, plain_title(report.title), self.partners_of(report),
                             self.config.context)
        stem = os.path.splitext(report.relative_source_path)[0]
        return SplitJob(report, SplitTask(inputs, stem),
                        split_key(inputs, f"{self.site_digest}\0{stem}"))

    def prepare(self, report) -> SplitJob:
        """Keep a report's source for later builds and return its split job."""
        setattr(report, _SOURCE_ATTR, getattr(report, _SOURCE_ATTR, None) or report._content)
        report.title = plain_title(report.title)
        report.briefing_role = REPORT
        report.briefing_source = report_source(report)
        report.briefings, report.countries = [], []
        job = self.job(report)
        partners = job.task.inputs.partners
        if partners and len(partners) > self.config.max_countries:
            logger.warning("briefings: %s: names %d countries (BRIEFING_MAX_COUNTRIES is "
                           "%d); check its Countries: line", report.relative_source_path,
                           len(partners), self.config.max_countries)
        return job

    def split_task(self, task: SplitTask) -> SplitResult:
        """Split one report; runs in a worker process when there are many.

        Country slugs and names are placeholders here: they are settled only
        when every report has been read (see :meth:`briefings_of`).
        """
        return split_source(
            task.inputs, self.splitter, self.topics, slug_of=slug_placeholder,
            link_of=lambda code: (briefing_href(task.source_stem, slug_placeholder(code)),
                                  f"Briefing: {name_placeholder(code)}"))

    def briefings_of(self, report, result: SplitResult) -> list[Article]:
        """Make a report's briefing articles from its split, and link them up."""
        path = report.relative_source_path
        if not result.paragraphs:
            logger.warning("briefings: %s: the report has no paragraphs; no briefings",
                           path)
            return []
        covered = {b.code for b in result.briefings}
        for code in result.partners:
            if code not in covered:
                logger.warning("briefings: %s: no paragraph is about %s; no briefing for it",
                               path, self.gazetteer.get(code).name)
        report_url = report.url  # a property Pelican formats on every read
        articles = [self.articles.make(report, b, self.country(b.code), report_url)
                    for b in result.briefings]
        for article in articles:
            article.siblings = [a for a in articles if a is not article]
        report.briefings = articles
        report.countries = [a.country for a in articles]
        countries = [self.country(code) for code in result.partners]
        report._content = fill_country_names(result.annotated_html,
                                             {c.code: c.slug for c in countries},
                                             {c.code: c.name for c in countries})
        summarize(report)  # before the source's footer, as Pelican would cut it
        if report.briefing_source:  # so the report's feed entry names its source
            report._content += "\n" + source_markup(report.briefing_source)
        published_from_split(report)
        return articles

    def display_names(self, reports) -> dict[str, str]:
        """Name each country as the desk spells it (see naming.py).

        Countries: lines first (oldest report first), then BRIEFING_COUNTRIES,
        then, for reports whose countries are found automatically, the way
        their text spells the name most.
        """
        oldest_first = sorted(reports, key=lambda r: (r.date, r.source_path or ""))
        spellings: list[tuple[str, str]] = []
        found_in_text: list[tuple[str, str]] = []
        sources: dict[tuple[str, str], str] = {}  # (code, spelling) -> the report
        for report in oldest_first:
            line = report.metadata.get("countries")
            if line is None and self.config.countries is None:
                source = getattr(report, _SOURCE_ATTR, None) or report._content
                found = text_spellings(source, self.gazetteer)
                found_in_text.extend(found)
                for spelling in found:
                    sources.setdefault(spelling, report.relative_source_path)
            for name in countries_line_names(line or "", self.gazetteer):
                country = self.gazetteer.resolve(name)
                if country is not None:
                    spellings.append((country.code, name))
                    sources.setdefault((country.code, name), report.relative_source_path)
        spellings += list(self.config.country_spellings) + found_in_text
        names = choose_names(spellings, self.gazetteer, self.config.country_names)
        # Which report a name came from, to say so if the record overrules it.
        self.spelled_by = {code: sources[code, name] for code, name in names.items()
                           if (code, name) in sources}
        return names

    def partners_of(self, report) -> tuple[str, ...] | None:
        """Return the country codes a report names, or the site default.

        Resolved once per report and line: unknown names are warned about once.
        """
        raw = report.metadata.get("countries")
        key = (report.relative_source_path, repr(raw))
        if key not in self._partners:
            self._partners[key] = report_partners(raw, self.config.countries,
                                                  self.gazetteer, report.relative_source_path)
        return self._partners[key]
