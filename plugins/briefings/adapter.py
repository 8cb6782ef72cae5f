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
* ``get_writer`` and ``article_generator_finalized`` (incremental.py): with
  the content cache on, skip rendering unchanged pages; always, give Pelican's
  tag and category lists a constant-time ``in``.

With the content cache on (CACHE_CONTENT / LOAD_CONTENT_CACHE) a report whose
source and split settings are unchanged is not split again (splitcache.py).

Per-report problems are logged with the report's path and skipped; they never
stop the build.
"""

from __future__ import annotations

import logging
import os
import re
import time
from html import escape
from pathlib import Path

from pelican.contents import Article
from pelican.urlwrappers import Category, Tag
from pelican.utils import slugify

from .attribution import Splitter
from .briefing import Briefing, excerpt_markup
from .countries import Country, CountriesGenerator
from .gazetteer import Gazetteer
from .guards import guard_output_paths
from .naming import choose_names, text_spellings
from .sanitize import plain_html
from .settings import URL_DEFAULTS, BriefingsConfig, SettingsError, resolve_country
from .splitcache import (
    CACHE_FILE,
    SplitCache,
    SplitInputs,
    settings_digest,
    split_key,
    split_source,
)
from .topics import TopicMatcher

logger = logging.getLogger(__name__)

_LIST_SEPARATORS = re.compile(r"\s*[,;]\s*")
_AND = re.compile(r"\s+(?:and|&)\s+")
# Attribute set on a report when its original HTML is kept, so a cached
# report (CACHE_CONTENT) is split from its source, never from our output.
_SOURCE_ATTR = "_briefings_source_html"
# Seconds between progress lines while splitting.
PROGRESS_EVERY = 5.0


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
        self.names: dict[str, str] = {}  # code -> display name, set per build
        self.category = Category(self.config.category, self.settings)
        # The split cache follows Pelican's content-cache switches.
        self.cache = SplitCache(Path(self.settings["CACHE_PATH"]) / CACHE_FILE,
                                load=self.settings.get("LOAD_CONTENT_CACHE", False),
                                save=self.settings.get("CACHE_CONTENT", False))
        # Settings a split result depends on besides the report itself.
        self.site_digest = settings_digest(
            [self.config.aliases, self.config.topics, self.settings["PATH"]]
            + [(k, v) for k, v in sorted(self.settings.items())
               if k.startswith("SLUGIFY") or k.endswith("REGEX_SUBSTITUTIONS")])

    def country(self, code: str) -> Country:
        if code not in self.countries:
            name = self.names.get(code) or self.gazetteer.get(code).name
            self.countries[code] = Country(name, self.settings, code=code)
        return self.countries[code]

    def split_all(self) -> None:
        reports = [a for a in self.generator.articles if not hasattr(a, "country")]
        self.names = self.display_names(reports)
        # Names are slugs and link texts in the split, so they key its cache.
        self.site_digest = settings_digest([self.site_digest, sorted(self.names.items())])
        # Reports first, so briefing paths are built from safe report slugs.
        guard_output_paths(reports, self.generator.output_path)
        made = []
        # Long builds say how far the split is, every few seconds, not per file.
        next_progress = time.monotonic() + PROGRESS_EVERY
        for done, report in enumerate(reports, 1):
            if time.monotonic() >= next_progress:
                next_progress += PROGRESS_EVERY
                logger.info("briefings: split %d of %d reports so far, %d briefings",
                            done - 1, len(reports), len(made))
            try:
                made.extend(self.split_report(report))
            except Exception:  # one bad report must not cost the others
                logger.exception("briefings: %s: could not be split; its briefings are "
                                 "skipped", report.relative_source_path,
                                 exc_info=self.settings.get("DEBUG", False))
        self.cache.save()
        guard_output_paths(reports + made, self.generator.output_path)
        self.generator.articles.extend(made)
        for briefing in made:
            self.generator.add_source_path(briefing)
        logger.info("briefings: split %d reports into %d briefings (%d from the split "
                    "cache)", len(reports), len(made), self.cache.hits)

    def display_names(self, reports) -> dict[str, str]:
        """Name each country as the desk spells it (see naming.py).

        Countries: lines first (oldest report first), then BRIEFING_COUNTRIES,
        then, for reports whose countries are found automatically, the way
        their text spells the name most.
        """
        oldest_first = sorted(reports, key=lambda r: (r.date, r.source_path or ""))
        spellings, found_in_text = [], []
        for report in oldest_first:
            line = report.metadata.get("countries")
            if line is None and self.config.countries is None:
                source = getattr(report, _SOURCE_ATTR, None) or report._content
                found_in_text.extend(text_spellings(source, self.gazetteer))
            for name in countries_line_names(line or "", self.gazetteer):
                country = self.gazetteer.resolve(name)
                if country is not None:
                    spellings.append((country.code, name))
        spellings += list(self.config.country_spellings) + found_in_text
        return choose_names(spellings, self.gazetteer, self.config.country_names)

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
        partners = self.partners_of(report)
        if partners and len(partners) > self.config.max_countries:
            logger.warning("briefings: %s: names %d countries (BRIEFING_MAX_COUNTRIES is "
                           "%d); check its Countries: line", path, len(partners),
                           self.config.max_countries)
        inputs = SplitInputs(source, report.title, partners, self.config.context)
        key = split_key(inputs, f"{self.site_digest}\0{report.source_path}")
        result = self.cache.get_or_split(key, lambda: split_source(
            inputs, self.splitter, self.topics, slug_of=lambda code: self.country(code).slug,
            link_of=lambda code: self.briefing_link(report, code)))
        if not result.paragraphs:
            logger.warning("briefings: %s: the report has no paragraphs; no briefings",
                           path)
            return []
        covered = {b.code for b in result.briefings}
        for code in result.partners:
            if code not in covered:
                logger.warning("briefings: %s: no paragraph is about %s; no briefing for it",
                               path, self.gazetteer.get(code).name)
        articles = [self.briefing_article(report, b) for b in result.briefings]
        for article in articles:
            article.siblings = [a for a in articles if a is not article]
        report.briefings = articles
        report.countries = [a.country for a in articles]
        report._content = result.annotated_html
        return articles

    def briefing_source(self, report, country: Country) -> str:
        """Return a briefing's virtual source path (it names the briefing in
        Pelican's generated_content, so `{filename}` links and caches find it)."""
        return f"{os.path.splitext(report.source_path)[0]}.{country.slug}.briefing"

    def briefing_link(self, report, code: str) -> tuple[str, str]:
        """Return the `{filename}` link and link text of a report's briefing on ``code``."""
        country = self.country(code)
        source = report.get_relative_source_path(self.briefing_source(report, country))
        return "{filename}/" + source, f"Briefing: {country.name}"

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
        article = Article(content, metadata=metadata, settings=self.settings,
                          source_path=self.briefing_source(report, country),
                          context=self.generator.context)
        article.country = country
        article.report = report
        article.excerpts = briefing.excerpts
        for excerpt in briefing.excerpts:
            excerpt.url = f"{report.url}#{excerpt.anchor}"
        return article


def countries_line_names(raw, gazetteer: Gazetteer) -> list[str]:
    """Split a `Countries:` value into names: "Russia, Iraq and Myanmar".

    Commas and semicolons separate; "and" separates too, unless it belongs
    to a name ("Trinidad and Tobago").
    """
    names = raw if isinstance(raw, (list, tuple)) else _LIST_SEPARATORS.split(str(raw))
    result = []
    for name in (n.strip() for n in names):
        parts = [p.strip() for p in _AND.split(name)]
        if len(parts) > 1 and gazetteer.resolve(name) is None and all(parts):
            result.extend(parts)
        elif name:
            result.append(name)
    return result


def report_partners(raw, default, gazetteer: Gazetteer, path: str) -> tuple[str, ...] | None:
    """Resolve a report's `Countries:` metadata; fall back to ``default``.

    Unknown names are logged (with the closest known name) and skipped.
    """
    if raw is None:
        return default
    codes = []
    for name in countries_line_names(raw, gazetteer):
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
