"""Propose a report's `Countries:` line: the countries found automatically.

Pure core: no Pelican import. An importer turning pasted copy into a report
calls :func:`propose_countries` and writes its answer as the `Countries:`
line for an editor to check. It reads the report exactly as a build does
with ``BRIEFING_COUNTRIES = None`` and no `Countries:` line.
"""

from __future__ import annotations

from collections.abc import Sequence

from .attribution import Splitter
from .gazetteer import Gazetteer
from .pipeline import SplitInputs, parse_and_split
from .report import Block


def propose_countries(report: str | Sequence[Block], title: str,
                      splitter: Splitter | None = None) -> list[str]:
    """Return the display names of the countries that would get briefings.

    :param report: the report's HTML (as Markdown renders it), or its
        blocks (``report.parse_report(html).blocks``).
    :param title: the headline.
    :param splitter: a site's splitter (its alias file); the default one if
        ``None``.
    :returns: gazetteer display names ("Ivory Coast", "Hong Kong"), in the
        order the report comes to them; ``[]`` for a report with no
        paragraphs or no country.
    """
    splitter = splitter or _default_splitter()
    if isinstance(report, str):
        _, split = parse_and_split(SplitInputs(report, title, None, True), splitter)
    else:
        split = splitter.split(title, list(report), None) if report else None
    if split is None:
        return []
    return [splitter.gazetteer.get(code).name for code in split.partners]


_SPLITTER: list[Splitter] = []


def _default_splitter() -> Splitter:
    if not _SPLITTER:
        _SPLITTER.append(Splitter(Gazetteer.default()))
    return _SPLITTER[0]
