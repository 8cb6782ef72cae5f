"""Country hub pages, the countries index, per-country feeds and the OPML.

Pelican adapter. ``CountriesGenerator`` is returned from the ``get_generators``
signal, so it runs after the articles generator: ``generate_context`` only
reads the briefings already in ``context["articles"]`` and publishes
``countries``; ``generate_output`` writes, only through Pelican's writer.
"""

from __future__ import annotations

import logging
from collections import Counter
from operator import attrgetter
from pathlib import Path

from jinja2 import ChoiceLoader, FileSystemLoader

from pelican.generators import Generator
from pelican.urlwrappers import URLWrapper

logger = logging.getLogger(__name__)

PLUGIN_TEMPLATES = Path(__file__).with_name("templates")


class Country(URLWrapper):
    """A country with briefings: COUNTRY_URL / COUNTRY_SAVE_AS give its hub."""

    def __init__(self, name, settings, code=""):
        super().__init__(name, settings)
        self.code = code
        self.briefings = []
        self.topics = []

    @property
    def feed_atom(self) -> str:
        return self.settings["COUNTRY_FEED_ATOM"].format(slug=self.slug)

    @property
    def feed_rss(self) -> str:
        return self.settings["COUNTRY_FEED_RSS"].format(slug=self.slug)

    @property
    def latest(self):
        return self.briefings[0].date if self.briefings else None


def newest_first(articles):
    """Sort articles newest first; ties broken by title so output is stable."""
    return sorted(sorted(articles, key=attrgetter("title")), key=attrgetter("date"),
                  reverse=True)


class CountriesGenerator(Generator):
    """Write a hub page and two feeds per country, plus the index and OPML."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Theme templates first; the plugin's own (the OPML) as a fallback.
        self.env.loader = ChoiceLoader([self.env.loader, FileSystemLoader(str(PLUGIN_TEMPLATES))])
        self.countries: list[Country] = []

    def generate_context(self):
        articles = self.context.get("articles", [])
        briefings = [a for a in articles if getattr(a, "country", None) is not None]
        by_code: dict[str, Country] = {}
        grouped: dict[str, list] = {}
        for briefing in briefings:  # one pass, not one scan per country
            by_code.setdefault(briefing.country.code, briefing.country)
            grouped.setdefault(briefing.country.code, []).append(briefing)
        for code, country in by_code.items():
            country.briefings = newest_first(grouped[code])
            counts = Counter(tag for b in country.briefings for tag in b.tags
                             if tag.name != country.name)
            country.topics = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0].name))
        self.countries = sorted(by_code.values(), key=attrgetter("name"))
        self.context["countries"] = self.countries
        self.context["briefings"] = newest_first(briefings)
        self.context["reports"] = newest_first(
            a for a in articles if getattr(a, "briefings", None) is not None)
        self.context["BRIEFING_OPML"] = self.settings["COUNTRY_FEED_OPML"]
        logger.info("briefings: %d countries with %d briefings", len(self.countries),
                    len(briefings))

    def generate_output(self, writer):
        relative = self.settings["RELATIVE_URLS"]
        country_template = self.get_template("country")
        for country in self.countries:
            writer.write_file(
                country.save_as, country_template, self.context,
                relative_urls=relative, country=country, articles=country.briefings,
                page_name=country.url.rstrip("/") or country.slug,
            )
            for feed_type, path in (("atom", country.feed_atom), ("rss", country.feed_rss)):
                writer.write_feed(country.briefings, self.context, path, feed_type=feed_type,
                                  feed_title=country.name)
        writer.write_file(
            self.settings["COUNTRIES_SAVE_AS"], self.get_template("countries"), self.context,
            relative_urls=relative, page_name="countries",
        )
        opml = self.settings["COUNTRY_FEED_OPML"]
        if opml:
            writer.write_file(opml, self.env.get_template("opml.xml"), self.context,
                              relative_urls=False, countries=self.countries)
