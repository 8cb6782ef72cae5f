"""The plugin's signal handlers: the one place that meets Pelican's signals.

Signals used, and why:

* ``initialized``: inject the URL setting defaults (so a site overrides them
  in pelicanconf.py like core settings) and validate every BRIEFING_*
  setting before any work, stopping the build with a message naming the bad
  setting.
* ``article_generator_init`` and ``content_object_init``: start splitting
  each report, in worker processes (parallel.py), as soon as Pelican has
  read it, so splitting overlaps Pelican's reading of the others.
* ``article_generator_pretaxonomy``: collect the splits and add each
  report's briefings to ``generator.articles`` *before* Pelican builds tags,
  categories and feeds, so briefings take part in all of them.
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

from pelican.contents import Article

from .core.sanitize import plain_text
from .generator import CountriesGenerator
from .guards import ARTICLE_LISTS, contents_of, make_safe, publish_safely
from .settings import URL_DEFAULTS, BriefingsConfig, SettingsError
from .splitcache import heal_caches
from .splitter import ReportSplitter

logger = logging.getLogger(__name__)


def configure(pelican) -> None:
    """Inject URL defaults and stop the build on an unusable setting."""
    for key, value in URL_DEFAULTS.items():
        pelican.settings.setdefault(key, value)
    try:
        BriefingsConfig.from_settings(pelican.settings)
    except SettingsError as error:
        logger.critical("briefings: %s", "; ".join(error.problems)
                        if len(error.problems) == 1 else
                        f"{len(error.problems)} settings cannot be used:\n  - "
                        + "\n  - ".join(error.problems))
        # SystemExit, not an exception: Pelican prints a traceback for
        # exceptions, and a settings mistake deserves one clear line.
        raise SystemExit(2) from None
    heal_caches(pelican.settings)
    for key in ("SITENAME", "SITESUBTITLE"):
        # Feeds carry them as they are: a name is text, whatever markup it holds.
        value = pelican.settings.get(key)
        if isinstance(value, str) and plain_text(value) != value:
            pelican.settings[key] = plain_text(value).strip()
            logger.warning("briefings: %s is text; its markup is removed (%r)", key,
                           pelican.settings[key])


def get_generators(pelican):
    """Add the generator that writes country hubs and feeds."""
    return CountriesGenerator


def freeze_report_urls(generator) -> None:
    """Fix each report's URL now that its metadata is final.

    Pelican formats an article's URL from its settings on every read, and
    each briefing excerpt links to its report, so a build resolves a report's
    URL once per excerpt per page and feed. ``override_url`` is how Pelican
    itself pins a URL (the ``URL:`` metadata). Set after Pelican has saved its
    content cache, so the cache never holds a pinned URL.
    """
    for report in generator.articles:
        if getattr(report, "briefing_role", None) == "report" \
                and not hasattr(report, "override_url"):
            report.override_url = report.url


# The build whose reports Pelican is reading; Pelican builds one at a time.
_reading: ReportSplitter | None = None


def start_splitting(generator) -> None:
    """Get ready to split reports as Pelican reads them."""
    global _reading
    if _reading is not None:  # a build that stopped before its split (autoreload)
        _reading.close()
    _reading = ReportSplitter(generator)


def report_read(content) -> None:
    """Sanitize what Pelican has just read; start splitting it if it is a report."""
    make_safe(content)
    if not hasattr(content, "title"):
        return  # Pelican skips it, naming the missing Title:
    if _reading is not None and isinstance(content, Article) \
            and content.settings is _reading.settings:
        _reading.report_read(content)


def split_reports(generator) -> None:
    """Split every report and add the briefings to the articles."""
    global _reading
    splitter = _reading if _reading is not None and _reading.generator is generator \
        else ReportSplitter(generator)
    _reading = None  # briefing articles made from here on are not reports
    try:
        splitter.split_all()
    finally:
        splitter.close()
        # Whatever happened to the split, nothing unsanitized is published.
        publish_safely(contents_of(generator, ARTICLE_LISTS))
