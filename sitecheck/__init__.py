"""Check a built site (output/): HTML validity, feeds, links and anchors, and
the briefing invariants, and that no script, event handler or javascript:
URL is anywhere in it. `run_checks` returns the problems; `python -m
sitecheck OUTPUT_DIR` prints them and exits non-zero when there are any."""

from __future__ import annotations

import os

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
) -> list[Problem]:
    """Run every check over ``output_dir`` and return the problems, sorted.

    ``site_url`` is the SITEURL the site was built with: absolute links under
    it are checked like relative ones. ``html=False`` skips the (slow) Nu HTML
    Checker. ``record`` is the site's published-names record
    (BRIEFING_PUBLISHED_FILE): every address it lists must be in the output.
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
    ]
    if html:
        problems.extend(check_html(output_dir))
    return sorted(problems, key=Problem.sort_key)
