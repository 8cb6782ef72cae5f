"""Check a built site (output/): HTML validity, feeds, links and anchors, the
briefing invariants, that no script, event handler or javascript: URL is
anywhere in it, and what helps the site be found (canonical links, previews,
JSON-LD, sitemap.xml, robots.txt, favicon). `run_checks` returns the problems; `python -m
sitecheck OUTPUT_DIR` prints them and exits non-zero when there are any."""

from __future__ import annotations

import os

from .discovery import check_discovery
from .feeds import check_feeds
from .html import check_html
from .invariants import check_invariants
from .links import check_links
from .opml import check_opml
from .problem import Problem
from .published import check_published
from .report import format_report
from .safety import check_safety
from .site import Site

__all__ = ["Problem", "format_report", "run_checks"]


def run_checks(
    output_dir: str | os.PathLike,
    site_url: str | None = None,
    html: bool = True,
    record: str | os.PathLike | None = None,
    discovery: bool = False,
) -> list[Problem]:
    """Run every check over ``output_dir`` and return the problems, sorted.

    ``site_url`` is the SITEURL the site was built with: absolute links under
    it are checked like relative ones. ``html=False`` skips the (slow) Nu HTML
    Checker. ``record`` is the site's published-names record
    (BRIEFING_PUBLISHED_FILE): every address it lists must be in the output.
    ``discovery=True`` adds the checks of what this theme promises crawlers
    and link previews (`discovery.py`); `invoke check` always runs them,
    while a site from another theme may not make those promises.
    """
    if not os.path.isdir(output_dir):
        return [Problem("site", "missing output", "", f"{output_dir} is not a folder")]
    site = Site.load(output_dir, site_url)
    problems = [
        *check_links(site),
        *check_feeds(site),
        *check_opml(site),
        *check_published(site, record),
        *check_invariants(site),
        *check_safety(site),
        *(check_discovery(site) if discovery else []),
    ]
    if html:
        problems.extend(check_html(os.fspath(output_dir)))
    return sorted(problems, key=Problem.sort_key)
