"""Country hub pages, the countries index, per-country feeds and the OPMLs.

Pelican adapter. ``CountriesGenerator`` is returned from the ``get_generators``
signal, so it runs after the articles generator: ``generate_context`` only
reads the briefings already in ``context["articles"]`` and publishes
``countries`` and every feed's identity (feeds.py); ``generate_output``
writes, only through Pelican's writer. A country renamed on purpose keeps its
old hub and feed addresses (from the published-names record): they are
written too, so old subscriptions keep working.
"""

from __future__ import annotations

import logging
from collections import Counter
from dataclasses import dataclass
from operator import attrgetter
from urllib.parse import urlsplit

from pelican.generators import Generator
from pelican.urlwrappers import URLWrapper

from .core.published import tag_prefix
from .feeds import ID_PREFIX, IDENTITIES, assign_feed_ids, feed_identities
from .roles import BRIEFING, REPORT
from .templates import add_fallback_templates

logger = logging.getLogger(__name__)

class Country(URLWrapper):
    """A country with briefings: COUNTRY_URL / COUNTRY_SAVE_AS give its hub."""

    def __init__(self, name, settings, code=""):
        super().__init__(name, settings)
        self.code = code
        self.briefings = []
        self.topics = []
        self.feed_id = ""  # from the record (splitter.py); never from the slug of the day
        # Addresses published before (a rename, a changed pattern): still written.
        self.addresses: dict[str, list[str]] = {}

    @property
    def feed_atom(self) -> str:
        return self.settings["COUNTRY_FEED_ATOM"].format(slug=self.slug)

    @property
    def feed_rss(self) -> str:
        return self.settings["COUNTRY_FEED_RSS"].format(slug=self.slug)

    def feed_paths(self, kind: str) -> list[str]:
        """Return every path this country's ``kind`` ("atom"/"rss") feed is written at."""
        current = self.feed_atom if kind == "atom" else self.feed_rss
        return list(dict.fromkeys([current, *self.addresses.get(kind, [])]))

    def hub_paths(self) -> list[str]:
        """Return every path this country's hub page is written at."""
        return list(dict.fromkeys([self.save_as, *self.addresses.get("hub", [])]))

    @property
    def latest(self):
        return self.briefings[0].date if self.briefings else None


@dataclass(frozen=True)
class OpmlFeed:
    """One outline of an OPML file: a feed and the page it is the feed of."""

    text: str
    xml_url: str  # paths, relative to FEED_DOMAIN and SITEURL
    html_url: str


def fallback_prefix(settings) -> str:
    """Return an id prefix for a build without a record (BRIEFING_PUBLISHED_FILE = None)."""
    host = urlsplit(settings.get("FEED_DOMAIN") or settings["SITEURL"]).hostname or ""
    return tag_prefix(host, "2000-01-01")


def newest_first(articles):
    """Sort articles newest first; ties broken by title so output is stable."""
    return sorted(sorted(articles, key=attrgetter("title")), key=attrgetter("date"),
                  reverse=True)


class CountriesGenerator(Generator):
    """Write a hub page and two feeds per country, plus the index and OPML."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Theme templates first; the plugin's own as fallbacks (templates.py).
        add_fallback_templates(self.env)
        self.countries: list[Country] = []
        self.topics: list = []

    def generate_context(self):
        articles = self.context.get("articles", [])
        briefings = [a for a in articles if getattr(a, "briefing_role", None) == BRIEFING]
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
        # Templates look a country up by name (a tag named like a country links
        # to its hub) once per tag per page: a dict, not a scan of the list.
        self.context["country_hubs"] = {c.name: c for c in self.countries}
        self.context["briefings"] = newest_first(briefings)
        self.context["reports"] = newest_first(
            a for a in articles if getattr(a, "briefing_role", None) == REPORT)
        self.context["BRIEFING_OPML"] = self.settings["COUNTRY_FEED_OPML"]
        self.context["BRIEFING_TOPIC_OPML"] = self.settings["TOPIC_FEED_OPML"]
        prefix = self.context.get(ID_PREFIX) or fallback_prefix(self.settings)
        for country in self.countries:
            country.feed_id = country.feed_id or f"{prefix}countries/{country.slug}"
        assign_feed_ids(articles, prefix)
        names = {country.name for country in self.countries}
        tags = [tag for tag, _ in self.context.get("tags", [])]
        # Country names stay out of the topic list, even where a site tags them.
        self.topics = sorted((t for t in tags if t.name not in names), key=attrgetter("name"))
        self.context[IDENTITIES] = feed_identities(self.settings, prefix, self.countries,
                                                   tags)
        logger.info("briefings: %d countries with %d briefings", len(self.countries),
                    len(briefings))

    def generate_output(self, writer):
        relative = self.settings["RELATIVE_URLS"]
        country_template = self.get_template("country")
        for country in self.countries:
            for save_as in country.hub_paths():
                writer.write_file(
                    save_as, country_template, self.context,
                    relative_urls=relative, country=country, articles=country.briefings,
                    page_name=country.url.rstrip("/") or country.slug,
                )
            for feed_type in ("atom", "rss"):
                for path in country.feed_paths(feed_type):
                    writer.write_feed(country.briefings, self.context, path,
                                      feed_type=feed_type, feed_title=country.name)
        writer.write_file(
            self.settings["COUNTRIES_SAVE_AS"], self.get_template("countries"), self.context,
            relative_urls=relative, page_name="countries",
        )
        self.write_opml(writer, self.settings["COUNTRY_FEED_OPML"], "country feeds",
                        [OpmlFeed(c.name, c.feed_atom, c.url) for c in self.countries])
        if self.settings.get("TAG_FEED_ATOM"):
            self.write_opml(writer, self.settings["TOPIC_FEED_OPML"], "topic feeds",
                            [OpmlFeed(t.name, str(self.settings["TAG_FEED_ATOM"]).format(
                                slug=t.slug), t.url) for t in self.topics])

    def write_opml(self, writer, path, title, feeds) -> None:
        """Write one OPML outline list of feeds (nothing if its path is empty)."""
        if path and feeds:
            writer.write_file(path, self.env.get_template("opml.xml"), self.context,
                              relative_urls=False, opml_title=title, feeds=feeds)
