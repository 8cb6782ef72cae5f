"""The plugin's signal handlers: the one place that meets Pelican's signals.

Signals used, and why:

* ``initialized``: inject the URL setting defaults (so a site overrides them
  in pelicanconf.py like core settings) and validate every BRIEFING_*
  setting before any work, stopping the build with a message naming the bad
  setting.
* ``article_generator_init``: start splitting each report, in worker
  processes (workers.py), as soon as Pelican has read it, so splitting
  overlaps Pelican's reading of the others. The build's splitter lives on
  its articles generator: no module-level state.
* ``content_object_init``: sanitize everything Pelican reads, as it makes
  each content object (guards.make_safe).
* ``generator_init``: the plugin's fallback templates (templates.py) for
  the articles generator, which renders briefings, and a check that the
  theme can render every page the plugin writes; symbolic links that loop
  in the content folder are excluded from every walk (loops.py).
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
from pelican.generators import ArticlesGenerator

from .core.sanitize import plain_text
from .generator import CountriesGenerator
from .guards import ARTICLE_LISTS, contents_of, make_safe, publish_safely
from .loops import exclude_loops
from .roles import REPORT
from .settings import URL_DEFAULTS, BriefingsConfig, SettingsError
from .splitcache import heal_caches
from .splitter import ReportSplitter
from .templates import ThemeError, add_fallback_templates, check_templates

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
        if getattr(report, "briefing_role", None) == REPORT \
                and not hasattr(report, "override_url"):
            report.override_url = report.url


# Where a build keeps its ReportSplitter: on the articles generator Pelican
# makes for that build, so no state outlives the build or is shared between
# builds (autoreload, tests building several sites in one process).
SPLITTER_ATTR = "briefings_splitter"


def start_splitting(generator) -> None:
    """Get ready to split reports as this build's articles generator reads them.

    Pelican sends no signal that names both an article and its generator, so
    the generator's own ``readers.read_file`` is wrapped: each article it
    returns goes to :func:`report_read` with the generator it belongs to.
    """
    setattr(generator, SPLITTER_ATTR, ReportSplitter(generator))
    read_file = generator.readers.read_file

    def read_and_split(*args, **kwargs):
        content = read_file(*args, **kwargs)
        report_read(generator, content)
        return content

    generator.readers.read_file = read_and_split


def sanitize_content(content) -> None:
    """Sanitize what Pelican has just read (``content_object_init``; guards.py)."""
    make_safe(content)


def report_read(generator, content) -> None:
    """Start splitting an article the generator has just read, if it is a report."""
    splitter = getattr(generator, SPLITTER_ATTR, None)
    if splitter is None or not isinstance(content, Article) \
            or content.status != "published":
        return
    if not hasattr(content, "title"):
        return  # Pelican skips it, naming the missing Title:
    splitter.report_read(content)


def split_reports(generator) -> None:
    """Split every report and add the briefings to the articles."""
    splitter = generator.__dict__.pop(SPLITTER_ATTR, None) or ReportSplitter(generator)
    try:
        splitter.split_all()
    finally:
        splitter.close()
        # Whatever happened to the split, nothing unsanitized is published.
        publish_safely(contents_of(generator, ARTICLE_LISTS))


def prepare_templates(generator) -> None:
    """Give the articles generator the plugin's fallback templates, and check them.

    Briefing pages are rendered by Pelican's articles generator (from their
    ``template`` metadata), so its template environment needs the fallbacks
    too; checking there, before any article is read, stops a theme that
    cannot show the plugin's pages with one line instead of a traceback.
    """
    if not isinstance(generator, ArticlesGenerator):
        return
    # Before any generator walks the content folder (they all exist by now).
    exclude_loops(generator.settings)
    add_fallback_templates(generator.env)
    try:
        check_templates(generator.env, opml=bool(generator.settings.get("COUNTRY_FEED_OPML")))
    except ThemeError as error:
        logger.critical("briefings: the theme %s cannot show the plugin's pages: %s",
                        generator.theme, error)
        raise SystemExit(2) from None
