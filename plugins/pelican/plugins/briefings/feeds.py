"""Feeds subscribers can trust: Pelican's feed writer, with an identity per feed.

Pelican adapter. :class:`FeedWriter` is Pelican's ``Writer`` (returned from
``get_writer``; the incremental writer builds on it) with three changes to the
feeds it writes, made on feedgenerator's objects, not by rewriting them:

* every feed gets its own ``id`` and its own alternate link (a country feed
  links to its hub, a topic feed to its topic page), and ``language``;
* every entry's id is the article's ``feed_id`` (see :func:`assign_feed_ids`),
  a ``tag:`` URI that follows neither build order nor settings, and an RSS
  ``guid`` says ``isPermaLink="false"`` (a tag URI is not a URL, and the W3C
  validator rejects a non-URL guid without it);
* the site-wide feeds carry reports only: a briefing quotes its report, so
  carrying both would give subscribers every story several times.

What each feed is comes from :data:`IDENTITIES` in the context, which
:func:`feed_identities` fills before anything is written, keyed by the feed's
output path, so Pelican's own calls (site and tag feeds) get it too.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass

from pelican.writers import Writer

from .roles import BRIEFING
from .writing import GuardedWrites

logger = logging.getLogger(__name__)

IDENTITIES = "BRIEFING_FEED_IDENTITIES"  # context key: {feed path: FeedIdentity}
ID_PREFIX = "BRIEFING_FEED_ID_PREFIX"  # context key: the record's tag: prefix
SITE_FEEDS = ("FEED_ATOM", "FEED_RSS", "FEED_ALL_ATOM", "FEED_ALL_RSS")


@dataclass(frozen=True)
class FeedIdentity:
    """What a feed is: its id, the page it stands for, what it carries."""

    id: str
    link: str  # absolute URL of the page the feed is the feed of
    reports_only: bool = False


def site_link(settings, url: str = "") -> str:
    """Return the absolute URL of a site path, as feeds need it."""
    return settings["SITEURL"].rstrip("/") + "/" + url.lstrip("/")


def feed_identities(settings, prefix: str, countries, topics) -> dict[str, FeedIdentity]:
    """Return {output path: identity} of every feed this build writes.

    Non-country feeds take their id from their own path, which the README
    tells sites to keep fixed; a country feed's id comes from the record, so
    it survives a rename, and every address it was ever written at shares it.
    """
    identities = {}
    for key in SITE_FEEDS:
        path = settings.get(key)
        if path:
            identities[path] = FeedIdentity(prefix + path, site_link(settings),
                                            reports_only=True)
    for tag in topics:
        for key in ("TAG_FEED_ATOM", "TAG_FEED_RSS"):
            if settings.get(key):
                path = str(settings[key]).format(slug=tag.slug)
                identities[path] = FeedIdentity(prefix + path, site_link(settings, tag.url))
    for country in countries:
        for path in country.feed_paths("atom") + country.feed_paths("rss"):
            identities[path] = FeedIdentity(country.feed_id, site_link(settings, country.url))
    return identities


def entry_id(prefix: str, article) -> str:
    """Return an article's entry id: the tag prefix and its source path.

    The source path (without extension, relative to the content folder) names
    the report for good: editing its text, title or metadata keeps the id, so
    a feed reader updates the entry instead of showing a new one.
    """
    path = getattr(article, "relative_source_path", None) or article.save_as
    return prefix + os.path.splitext(path)[0].replace(os.sep, "/")


def assign_feed_ids(articles, prefix: str) -> None:
    """Give every article its entry id (``feed_id``); briefings go by country.

    A briefing's id is its country's feed id and its report's source path: it
    does not change when the country's slug or BRIEFING_URL does.
    """
    for article in articles:
        # By role, not by attributes: a blog post may have a `Country:` field.
        if getattr(article, "briefing_role", None) == BRIEFING:
            article.feed_id = article.country.feed_id + "/" + entry_id("", article.report)
        else:
            article.feed_id = entry_id(prefix, article)


def _identity_of(context, path) -> FeedIdentity | None:
    """Return the identity the plugin gave the feed at ``path``; None for one it does not know."""
    return context.get(IDENTITIES, {}).get(path) if path else None


class FeedWriter(GuardedWrites, Writer):
    """Pelican's writer; feeds get their identities (see the module docstring).

    An article or page that cannot be written costs that page alone (writing.py).
    """

    _identity: FeedIdentity | None = None

    @staticmethod
    def feed_elements(elements, context, path):
        """Return the articles the feed at ``path`` carries: a reports-only feed drops briefings.

        The one place this is decided: the incremental writer keys a feed by
        exactly these, so an edited report behind newer briefings is not missed.
        """
        identity = _identity_of(context, path)
        if identity is not None and identity.reports_only:
            return [e for e in elements if getattr(e, "briefing_role", None) != BRIEFING]
        return elements

    def write_feed(self, elements, context, path=None, url=None, feed_type="atom",
                   override_output=False, feed_title=None):
        elements = self.feed_elements(elements, context, path)
        self._identity = _identity_of(context, path)
        try:
            return super().write_feed(elements, context, path, url, feed_type,
                                      override_output, feed_title)
        finally:
            self._identity = None

    def _create_new_feed(self, feed_type, feed_title, context):
        feed = super()._create_new_feed(feed_type, feed_title, context)
        feed.feed["language"] = context.get("DEFAULT_LANG") or None
        if self._identity is not None:
            feed.feed["id"] = self._identity.id
            feed.feed["link"] = self._identity.link
        else:  # a feed the plugin does not know: its own address is unique
            feed.feed["id"] = self.feed_url
        return feed

    def _add_item_to_the_feed(self, feed, item):
        super()._add_item_to_the_feed(feed, item)
        entry = feed.items[-1]
        entry["unique_id"] = getattr(item, "feed_id", None) or entry["unique_id"]
        # An id, not a link: RSS readers must not open it as a page.
        entry["unique_id_is_permalink"] = False
