"""A report's summary: the reporter's opening words, not the briefing links.

Pelican adapter. Without a ``Summary:`` line, Pelican cuts a summary from
the body; a split report's body opens each section with the links to its
briefings ("Briefing: Russia"), so descriptions, social cards, JSON-LD and
the site feeds' entry summaries would open on them. The summary is cut as
Pelican cuts it (``SUMMARY_MAX_PARAGRAPHS``, ``SUMMARY_MAX_LENGTH``,
``SUMMARY_END_SUFFIX``), from the body without those links.
"""

from __future__ import annotations

import re

from pelican.utils import truncate_html_paragraphs, truncate_html_words

# The plugin's own markup (core/annotate.py): no aside nests in it.
_SECTION_LINKS = re.compile(r'<aside\b[^>]*\bclass="section-briefings"[^>]*>.*?</aside>',
                            re.S)
# Set on a report whose summary this module made (so a cached copy is made again).
MADE = "_briefings_made_summary"


def without_section_links(html: str) -> str:
    """Return a report's annotated body without its sections' briefing links."""
    return _SECTION_LINKS.sub("", html)


def summarize(report) -> None:
    """Give a report without ``Summary:`` the summary Pelican would cut, minus the links."""
    if "summary" in report.metadata and not getattr(report, MADE, False):
        return  # the editor's own
    settings = report.settings
    body = without_section_links(report._content)
    if settings.get("SUMMARY_MAX_PARAGRAPHS") is not None:
        body = truncate_html_paragraphs(body, settings["SUMMARY_MAX_PARAGRAPHS"])
    if settings.get("SUMMARY_MAX_LENGTH") is not None:
        body = truncate_html_words(body, settings["SUMMARY_MAX_LENGTH"],
                                   settings.get("SUMMARY_END_SUFFIX", "…"))
    # Both: Pelican copies _summary over the metadata when it resolves links.
    report._summary = report.metadata["summary"] = body
    setattr(report, MADE, True)
