"""Read a report's `Countries:` line: names in, country codes out.

Pure core: no Pelican import.
"""

from __future__ import annotations

import logging
import re

from .gazetteer import Gazetteer

logger = logging.getLogger(__name__)

_LIST_SEPARATORS = re.compile(r"\s*[,;]\s*")
_AND = re.compile(r"\s+(?:and|&)\s+")


def resolve_country(name: str, gazetteer: Gazetteer) -> str:
    """Return the code for a country name, or raise ValueError with a suggestion."""
    country = gazetteer.resolve(name)
    if country is not None:
        return country.code
    suggestion = gazetteer.suggest(name)
    hint = f" (did you mean {suggestion}?)" if suggestion else ""
    raise ValueError(f"unknown country {name!r}{hint}")


def countries_line_names(raw, gazetteer: Gazetteer) -> list[str]:
    """Split a `Countries:` value into names: "Russia, Iraq and Myanmar".

    Commas and semicolons separate; "and" separates too, unless it belongs
    to a name ("Trinidad and Tobago").
    """
    names = raw if isinstance(raw, (list, tuple)) else _LIST_SEPARATORS.split(str(raw))
    result = []
    for name in (n.strip() for n in names):
        parts = [p.strip() for p in _AND.split(name)]
        if len(parts) > 1 and gazetteer.resolve(name) is None and all(parts):
            result.extend(parts)
        elif name:
            result.append(name)
    return result


def report_partners(raw, default, gazetteer: Gazetteer, path: str) -> tuple[str, ...] | None:
    """Resolve a report's `Countries:` metadata; fall back to ``default``.

    Unknown names are logged (with the closest known name) and skipped.
    """
    if raw is None:
        return default
    codes = []
    for name in countries_line_names(raw, gazetteer):
        try:
            codes.append(resolve_country(name, gazetteer))
        except ValueError as error:
            logger.warning("briefings: %s: Countries: %s; that name is skipped", path, error)
    if not codes:
        logger.warning("briefings: %s: Countries: names no known country; using the "
                       "site default", path)
        return default
    return tuple(dict.fromkeys(codes))
