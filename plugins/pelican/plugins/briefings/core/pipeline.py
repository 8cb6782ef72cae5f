"""The whole splitting pipeline for one report, and the key of its result.

Pure core: no Pelican import. :func:`split_source` is the whole splitting
pipeline for one report (sanitize, parse, attribute, make briefings,
annotate); ``splitcache.SplitCache`` stores its results between builds,
keyed by :func:`split_key`, a hash of everything the result depends on:

* the report's HTML, title, partner countries and the context switch;
* the site's split settings (aliases, topics) and the inputs of the
  annotation's links (the report's source path);
* the plugin's code and data files (gazetteer, cues, topics), so editing
  either never serves a stale split.

Country slugs and display names are settled only once every report has been
read (the oldest report's spelling wins), yet a report is split as soon as
it is read. So a split result names countries by placeholder
(:func:`slug_placeholder`, :func:`name_placeholder`), and
:func:`fill_country_names` puts the names in when the briefings are made.
That also keeps cached splits valid when a country's name changes.
"""

from __future__ import annotations

import hashlib
import logging
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from html import escape
from pathlib import Path

from .annotate import annotate_report
from .attribution import Split, Splitter
from .briefing import Briefing, make_briefings
from .report import ParsedReport, parse_report
from .sanitize import sanitize_html
from .topics import TopicMatcher

logger = logging.getLogger(__name__)

# The whole plugin package: its code and data decide every split.
PLUGIN_DIR = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class SplitInputs:
    """What a split depends on, from the report itself."""

    html: str  # the report's HTML as Pelican's reader made it
    title: str  # the headline, plain text
    partners: tuple[str, ...] | None  # country codes; None: let the splitter find them
    context: bool  # BRIEFING_CONTEXT: quote passing mentions as context


@dataclass
class SplitResult:
    """A report's split: its annotated HTML and the briefings it yields."""

    paragraphs: int  # 0 means the report had nothing to split
    partners: list[str] = field(default_factory=list)
    briefings: list[Briefing] = field(default_factory=list)
    annotated_html: str = ""


def parse_and_split(inputs: SplitInputs, splitter: Splitter) -> tuple[ParsedReport, Split | None]:
    """Sanitize and parse a report, then attribute its paragraphs.

    The first half of :func:`split_source`, shared with ``invoke split`` and
    the evaluation, so all three read a report exactly as a build does.
    Returns ``(parsed, None)`` for a report with no paragraphs.
    """
    parsed = parse_report(sanitize_html(inputs.html))
    if not parsed.paragraphs:
        return parsed, None
    split = splitter.split(inputs.title, parsed.blocks, inputs.partners)
    if not inputs.context:
        for paragraph in split.paragraphs:
            paragraph.context.clear()
    return parsed, split


def split_source(inputs: SplitInputs, splitter: Splitter, topics: TopicMatcher,
                 slug_of: Callable[[str], str],
                 link_of: Callable[[str], tuple[str, str]]) -> SplitResult:
    """Split one report's HTML into briefings and annotate the report.

    :param slug_of: country code -> the country's slug (``data-countries``).
    :param link_of: country code -> (href, link text) of its briefing.
    """
    parsed, split = parse_and_split(inputs, splitter)
    if split is None:
        return SplitResult(paragraphs=0)
    briefings = make_briefings(parsed, split, topics, inputs.title, splitter.gazetteer)
    slugs = {code: slug_of(code) for code in split.partners}
    links = {b.code: link_of(b.code) for b in briefings}
    return SplitResult(
        paragraphs=len(parsed.paragraphs),
        partners=list(split.partners),
        briefings=briefings,
        annotated_html=annotate_report(parsed, split, slugs, links),
    )


# A NUL can never come out of the sanitizer (HTML parsing drops it), so a
# placeholder can never be mistaken for the reporter's text.
_PLACEHOLDER = re.compile("\x00([sn])([^\x00]+)\x00")


def slug_placeholder(code: str) -> str:
    """Return the placeholder for a country's slug in a split result."""
    return f"\x00s{code}\x00"


def name_placeholder(code: str) -> str:
    """Return the placeholder for a country's display name in a split result."""
    return f"\x00n{code}\x00"


def fill_country_names(html: str, slugs: Mapping[str, str], names: Mapping[str, str]) -> str:
    """Replace the placeholders in a split's HTML by slugs and names, escaped.

    Escaped as the annotation's HTML serializer escapes text and attribute
    values (``&``, ``<``, ``>``), so the page is byte for byte what it would
    be had the names been known when the report was split.
    """
    def fill(match: re.Match) -> str:
        table = slugs if match[1] == "s" else names
        return escape(table[match[2]], quote=False)

    return _PLACEHOLDER.sub(fill, html)


@lru_cache(maxsize=1)
def code_version() -> str:
    """Return a hash of the plugin's code and data files (read once per process)."""
    digest = hashlib.sha256()
    files = sorted(PLUGIN_DIR.rglob("*.py")) + sorted(
        p for p in (PLUGIN_DIR / "data").rglob("*") if p.is_file())
    for path in files:
        digest.update(path.relative_to(PLUGIN_DIR).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def settings_digest(values: Iterable) -> str:
    """Return a hash of settings values, by their ``repr`` (dicts in their order)."""
    return hashlib.sha256(repr(list(values)).encode("utf-8")).hexdigest()


def split_key(inputs: SplitInputs, site: str) -> str:
    """Return the cache key of a split: the inputs plus the site's split settings."""
    digest = hashlib.sha256()
    for part in (code_version(), site, inputs.title, repr(inputs.partners),
                 repr(inputs.context), inputs.html):
        digest.update(part.encode("utf-8"))
        digest.update(b"\0")
    return digest.hexdigest()
