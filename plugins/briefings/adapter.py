"""Pelican adapter: read settings, split reports, create briefing articles.

Signals used, and why:

* ``initialized``: inject the URL setting defaults (so a site overrides them
  in pelicanconf.py like core settings) and validate every BRIEFING_*
  setting before any work, stopping the build with a message naming the bad
  setting.
* ``article_generator_pretaxonomy``: split each report and add its briefings
  to ``generator.articles`` *before* Pelican builds tags, categories and
  feeds, so briefings take part in all of them.
* ``get_generators``: add :class:`CountriesGenerator` for hubs and feeds.
* ``readers_init``: make unreadable files name their problem (readers.py).

Per-report problems are logged with the report's path and skipped; they never
stop the build.
"""

from __future__ import annotations

import logging
import os
import re
from html import escape

from pelican.contents import Article
from pelican.urlwrappers import Category, Tag
from pelican.utils import slugify

from .annotate import annotate_report
from .attribution import Splitter
from .briefing import Briefing, excerpt_markup, make_briefings
from .countries import Country, CountriesGenerator
from .gazetteer import Gazetteer
from .guards import guard_output_paths
from .report import parse_report
from .sanitize import plain_html, sanitize_html
from .settings import URL_DEFAULTS, BriefingsConfig, SettingsError, resolve_country
from .topics import TopicMatcher

logger = logging.getLogger(__name__)

_LIST_SEPARATORS = re.compile(r"\s*[,;]\s*")
# Attribute set on a report when its original HTML is kept, so a cached
# report (CACHE_CONTENT) is split from its source, never from our output.
_SOURCE_ATTR = "_briefings_source_html"


def configure(pelican) -> None:
    """Inject URL defaults and stop the build on an unusable setting."""
    for key, value in URL_DEFAULTS.items():
        pelican.settings.setdefault(key, value)
    try:
        BriefingsConfig.from_settings(pelican.settings)
    except SettingsError as error:
        logger.critical("briefings: %s", error)
        # SystemExit, not an exception: Pelican prints a traceback for
        # exceptions, and a settings mistake deserves one clear line.
        raise SystemExit(2) from None


def get_generators(pelican):
    """Add the generator that writes country hubs and feeds."""
    return CountriesGenerator


class ReportSplitter:
    """Split the reports of one build; lives only for that build."""

    def __init__(self, generator):
        self.generator = generator
        self.settings = generator.settings
        self.gazetteer = Gazetteer.default()
        self.config = BriefingsConfig.from_settings(self.settings, self.gazetteer)
        self.splitter = Splitter(self.gazetteer, aliases=self.config.aliases)
        self.topics = TopicMatcher(self.config.topics)
        self.countries: dict[str, Country] = {}
        self.category = Category(self.config.category, self.settings)

    def country(self, code: str) -> Country:
        if code not in self.countries:
            name = self.gazetteer.get(code).name
            self.countries[code] = Country(name, self.settings, code=code)
        return self.countries[code]

    def split_all(self) -> None:
        reports = [a for a in self.generator.articles if not hasattr(a, "country")]
        # Reports first, so briefing paths are built from safe report slugs.
        guard_output_paths(reports, self.generator.output_path)
        made = []
        for report in reports:
            try:
                made.extend(self.split_report(report))
            except Exception:  # one bad report must not cost the others
                logger.exception("briefings: %s: could not be split; its briefings are "
                                 "skipped", report.relative_source_path,
                                 exc_info=self.settings.get("DEBUG", False))
        guard_output_paths(reports + made, self.generator.output_path)
        self.generator.articles.extend(made)
        for briefing in made:
            self.generator.add_source_path(briefing)
        logger.info("briefings: split %d reports into %d briefings", len(reports), len(made))

    def partners_of(self, report) -> tuple[str, ...] | None:
        """Return the country codes a report names, or the site default."""
        return report_partners(report.metadata.get("countries"), self.config.countries,
                               self.gazetteer, report.relative_source_path)

    def split_report(self, report) -> list[Article]:
        source = getattr(report, _SOURCE_ATTR, None) or report._content
        setattr(report, _SOURCE_ATTR, source)
        report.briefings, report.countries = [], []
        path = report.relative_source_path
        # Titles are HTML in Pelican; a title is never a place for markup.
        report.title = plain_html(report.title)
        parsed = parse_report(sanitize_html(source))
        if not parsed.paragraphs:
            logger.warning("briefings: %s: the report has no paragraphs; no briefings",
                           path)
            return []
        partners = self.partners_of(report)
        if partners and len(partners) > self.config.max_countries:
            logger.warning("briefings: %s: names %d countries (BRIEFING_MAX_COUNTRIES is "
                           "%d); check its Countries: line", path, len(partners),
                           self.config.max_countries)
        split = self.splitter.split(report.title, parsed.blocks, partners)
        if not self.config.context:
            for paragraph in split.paragraphs:
                paragraph.context.clear()
        briefings = make_briefings(parsed, split, self.topics)
        covered = {b.code for b in briefings}
        for code in split.partners:
            if code not in covered:
                logger.warning("briefings: %s: no paragraph is about %s; no briefing for it",
                               path, self.gazetteer.get(code).name)
        articles = [self.briefing_article(report, b) for b in briefings]
        for article in articles:
            article.siblings = [a for a in articles if a is not article]
        report.briefings = articles
        report.countries = [a.country for a in articles]
        slugs = {code: self.country(code).slug for code in split.partners}
        links = {a.country.code: ("{filename}/" + a.relative_source_path,
                                  f"Briefing: {a.country.name}") for a in articles}
        report._content = annotate_report(parsed, split, slugs, links)
        return articles

    def briefing_article(self, report, briefing: Briefing) -> Article:
        country = self.country(briefing.code)
        fields = {"report_slug": report.slug, "country_slug": country.slug}
        link = "{filename}/" + report.relative_source_path + "#%s"
        content = "\n".join(excerpt_markup(e, link % e.anchor) for e in briefing.excerpts)
        metadata = {
            "title": self.config.title.format(country=country.name, report_title=report.title),
            "date": report.date,
            "slug": slugify(f"{report.slug}-{country.slug}"),
            "category": self.category,
            "tags": [Tag(country.name, self.settings)]
            + [Tag(t, self.settings) for t in briefing.topics],
            "template": "briefing",
            "summary": escape(briefing.summary, quote=False),
            "save_as": self.config.save_as.format(**fields),
            "url": self.config.url.format(**fields),
            "lang": report.lang,
        }
        for key in ("modified", "author", "authors"):
            if hasattr(report, key):
                metadata[key] = getattr(report, key)
        # A virtual source path: it names the briefing in Pelican's
        # generated_content, so `{filename}` links and caches can find it.
        stem = os.path.splitext(report.source_path)[0]
        source = f"{stem}.{country.slug}.briefing"
        article = Article(content, metadata=metadata, settings=self.settings,
                          source_path=source, context=self.generator.context)
        article.country = country
        article.report = report
        article.excerpts = briefing.excerpts
        for excerpt in briefing.excerpts:
            excerpt.url = f"{report.url}#{excerpt.anchor}"
        return article


def report_partners(raw, default, gazetteer: Gazetteer, path: str) -> tuple[str, ...] | None:
    """Resolve a report's `Countries:` metadata; fall back to ``default``.

    Unknown names are logged (with the closest known name) and skipped.
    """
    if raw is None:
        return default
    names = raw if isinstance(raw, (list, tuple)) else _LIST_SEPARATORS.split(str(raw))
    codes = []
    for name in (n.strip() for n in names):
        if not name:
            continue
        try:
            codes.append(resolve_country(name, gazetteer))
        except ValueError as error:
            logger.warning("briefings: %s: Countries: %s; that name is skipped", path, error)
    if not codes:
        logger.warning("briefings: %s: Countries: names no known country; using the "
                       "site default", path)
        return default
    return tuple(dict.fromkeys(codes))


def split_reports(generator) -> None:
    """Split every report and add the briefings to the articles."""
    ReportSplitter(generator).split_all()
