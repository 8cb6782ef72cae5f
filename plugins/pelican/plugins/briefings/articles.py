"""Make a briefing's Pelican ``Article`` from the core's ``Briefing``.

Pelican side: this module knows Pelican's content objects (``Article``,
``Tag``, ``Category``) and how a briefing's URL, save path, tags and
``{filename}`` links are formed; it knows nothing of how reports are split.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache
from html import escape
from typing import Any

from pelican.contents import Article
from pelican.urlwrappers import Category, Tag
from pelican.utils import slugify

from .core.briefing import Briefing, excerpt_markup
from .core.sanitize import plain_html
from .generator import Country
from .settings import BriefingsConfig

# The role of an article the plugin handles, set as ``article.briefing_role``.
REPORT = "report"
BRIEFING = "briefing"


@lru_cache(maxsize=4096)
def plain_title(title: str) -> str:
    """Return a title with its markup removed (asked for several times per report)."""
    return plain_html(title)


def briefing_href(source_stem: str, country_slug: str) -> str:
    """Return the `{filename}` link to a report's briefing on one country.

    It names the briefing's virtual source path (:func:`briefing_source`).
    """
    return f"{{filename}}/{source_stem}.{country_slug}.briefing"


def briefing_source(report, country: Country) -> str:
    """Return a briefing's virtual source path (it names the briefing in
    Pelican's generated_content, so `{filename}` links and caches find it)."""
    return f"{os.path.splitext(report.source_path)[0]}.{country.slug}.briefing"


@dataclass(frozen=True)
class BriefingFactory:
    """What every briefing article of a build shares: settings, category, context."""

    config: BriefingsConfig
    settings: Any
    context: Any
    category: Category

    def make(self, report, briefing: Briefing, country: Country,
             report_url: str) -> Article:
        """Return the briefing ``Article`` of ``report`` on ``country``."""
        fields = {"report_slug": report.slug, "country_slug": country.slug}
        link = "{filename}/" + report.relative_source_path + "#%s"
        content = "\n".join(excerpt_markup(e, link % e.anchor) for e in briefing.excerpts)
        metadata = {
            # Titles are HTML: the country's name is text (a setting may
            # give it "&" or "<"), the report's title is already safe HTML,
            # and whatever BRIEFING_TITLE adds keeps only its text.
            "title": plain_title(self.config.title.format(country=escape(country.name),
                                                          report_title=report.title)),
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
                          source_path=briefing_source(report, country),
                          context=self.context)
        article.briefing_role = BRIEFING
        article.country = country
        article.report = report
        article.excerpts = briefing.excerpts
        for excerpt in briefing.excerpts:
            excerpt.url = f"{report_url}#{excerpt.anchor}"
        return article
