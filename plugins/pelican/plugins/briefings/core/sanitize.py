"""Strip active content from report HTML before it is quoted anywhere.

Pure core: no Pelican import. Reports arrive from outside; a `<script>`, an
``onclick`` or a ``javascript:`` link in one must never reach a briefing page
or a feed reader. nh3 (Ammonia) keeps the text and the harmless markup.
"""

from __future__ import annotations

import nh3

# Obsolete elements the HTML checker rejects; their text is kept.
_OBSOLETE = {"acronym", "center", "strike", "tt"}
ALLOWED_TAGS = frozenset(nh3.ALLOWED_TAGS - _OBSOLETE)


# Built once: nh3.clean() would build the same cleaner again for every report.
_CLEANER = nh3.Cleaner(tags=set(ALLOWED_TAGS))


def sanitize_html(html: str) -> str:
    """Return ``html`` without scripts, event handlers or unsafe URLs."""
    return _CLEANER.clean(html)


def plain_html(html: str) -> str:
    """Return ``html`` with every tag removed and its text still escaped."""
    return nh3.clean(html, tags=set())
