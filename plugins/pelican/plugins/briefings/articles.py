"""Make a briefing's Pelican ``Article`` from the core's ``Briefing``.

Pelican side: this module knows Pelican's content objects (``Article``,
``Tag``, ``Category``) and how a briefing's URL, save path, tags and
``{filename}`` links are formed; it knows nothing of how reports are split.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from functools import lru_cache
from html import escape
from typing import Any
from urllib.parse import urlsplit

from pelican.contents import Article
from pelican.urlwrappers import Category, Tag
from pelican.utils import slugify

from .core.briefing import Briefing, Excerpt, excerpt_markup
from .core.sanitize import plain_html
from .generator import Country
from .roles import BRIEFING
from .settings import BriefingsConfig

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class ReportSource:
    """Where a report was first published: its ``Source:`` and ``Source_url:``."""

    name: str  # the outlet, as the editor wrote it ("" if only a URL is given)
    url: str  # the original article, an http(s) address ("" if none)

    @property
    def label(self) -> str:
        return self.name or urlsplit(self.url).hostname or self.url


def report_source(report) -> ReportSource | None:
    """Return a report's source from its metadata, or None if it names none.

    A ``Source_url`` that is not an absolute http(s) address is left out
    with a warning naming the file: it would be a broken or unsafe link.
    """
    name = " ".join(str(report.metadata.get("source") or "").split())
    url = str(report.metadata.get("source_url") or "").strip()
    if url:
        parts = urlsplit(url)
        if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
            logger.warning("briefings: %s: Source_url %r is not an http(s) address; "
                           "it is left out", report.relative_source_path, url)
            url = ""
    return ReportSource(name, url) if name or url else None


def source_markup(source: ReportSource | None) -> str:
    """Return the line naming and linking a source, as pages and feeds carry it."""
    if source is None:
        return ""
    label = escape(source.label, quote=False)
    if source.url:
        href = escape(source.url, quote=True)
        named = f'<a href="{href}">{label}</a>' if source.name else \
            f'the original article at <a href="{href}">{label}</a>'
    else:
        named = label
    # A footer: it is about the text, not part of it (readers of the report's
    # blocks, such as the importer's tests, skip footers).
    return f'<footer class="report-source"><p>Source: {named}</p></footer>'


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


class BriefingArticle(Article):
    """A briefing: Pelican's ``Article`` with the plugin's attributes declared."""

    briefing_role: str
    country: Country
    report: Article
    excerpts: list[Excerpt]
    siblings: list[BriefingArticle]
    briefing_source: ReportSource | None
    headline_source: str
    summary_opens_first_quote: bool


@dataclass(frozen=True)
class BriefingFactory:
    """What every briefing article of a build shares: settings, category, context."""

    config: BriefingsConfig
    settings: Any
    context: Any
    category: Category

    def make(self, report, briefing: Briefing, country: Country,
             report_url: str) -> BriefingArticle:
        """Return the briefing ``Article`` of ``report`` on ``country``."""
        fields = {"report_slug": report.slug, "country_slug": country.slug}
        link = "{filename}/" + report.relative_source_path + "#%s"
        source = getattr(report, "briefing_source", None)
        # The source line ends the content, so every feed entry names it too.
        content = "\n".join([excerpt_markup(e, link % e.anchor) for e in briefing.excerpts]
                            + ([source_markup(source)] if source else []))
        # Titles are HTML in Pelican: the chosen words are escaped, as a
        # report's own title (plain text by now) is.
        headline = escape(briefing.headline or report.title, quote=False)
        metadata = {
            # Titles are HTML: the country's name is text (a setting may
            # give it "&" or "<"), the report's title and the headline are
            # already escaped, and whatever BRIEFING_TITLE adds keeps only its text.
            "title": plain_title(self.config.title.format(country=escape(country.name),
                                                          report_title=report.title,
                                                          headline=headline)),
            "date": report.date,
            "slug": slugify(f"{report.slug}-{country.slug}"),
            "category": self.category,
            # Topics only: a country has its hub, not a tag page of its own.
            "tags": [Tag(t, self.settings) for t in briefing.topics],
            "template": "briefing",
            "summary": escape(briefing.summary, quote=False),
            "save_as": self.config.save_as.format(**fields),
            "url": self.config.url.format(**fields),
            "lang": report.lang,
        }
        for key in ("modified", "author", "authors"):
            if hasattr(report, key):
                metadata[key] = getattr(report, key)
        article = BriefingArticle(content, metadata=metadata, settings=self.settings,
                          source_path=briefing_source(report, country),
                          context=self.context)
        article.briefing_role = BRIEFING
        article.country = country
        article.report = report
        article.briefing_source = source
        article.headline_source = briefing.headline_source
        article.summary_opens_first_quote = briefing.summary_opens_first_quote
        article.excerpts = briefing.excerpts
        for excerpt in briefing.excerpts:
            excerpt.url = f"{report_url}#{excerpt.anchor}"
        return article
