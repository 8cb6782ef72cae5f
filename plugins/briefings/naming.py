"""Decide what the site calls each country (and so its URL slug).

Pure core: no Pelican import. The desk's own spelling wins over the
gazetteer's: a site whose reports say ``Countries: Türkiye`` gets
``/countries/turkiye/`` and ``feeds/turkiye.atom.xml``. Reports are read
oldest first, so a name, once published, does not change when newer reports
spell it otherwise: feed URLs stay stable for subscribers.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from .gazetteer import Gazetteer


def is_abbreviation(spelling: str) -> bool:
    """Tell "UK", "U.S.", "DRC" (fine in a report, poor as a page title) apart."""
    letters = spelling.replace(".", "").replace(" ", "")
    return len(letters) <= 3 or letters.isupper()


def choose_names(spellings: Iterable[tuple[str, str]], gazetteer: Gazetteer,
                 overrides: Mapping[str, str] | None = None) -> dict[str, str]:
    """Return {country code: display name}.

    :param spellings: (code, spelling as the editor wrote it), oldest report
        first, then the site's BRIEFING_COUNTRIES.
    :param overrides: {code: name} from BRIEFING_COUNTRY_NAMES; always wins.
    """
    names: dict[str, str] = {}
    for code, spelling in spellings:
        spelling = " ".join(spelling.split())
        if code not in names and spelling and not is_abbreviation(spelling):
            names[code] = spelling
    names.update(overrides or {})
    return names
