"""Decide what the site calls each country (and so its URL slug).

Pure core: no Pelican import. The desk's own spelling wins over the
gazetteer's: a site whose reports say ``Countries: Türkiye`` gets
``/countries/turkiye/`` and ``feeds/turkiye.atom.xml``. Reports are read
oldest first, so newer reports that spell a name otherwise do not change it.
A back-dated report could; so once a country is published, the record
(published.py) has the last word, and only BRIEFING_COUNTRY_NAMES renames it
(splitter.py's ``published_country``): feed URLs stay stable for subscribers.
"""

from __future__ import annotations

from collections import Counter
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


def text_spellings(text: str, gazetteer: Gazetteer) -> list[tuple[str, str]]:
    """Return (code, spelling) for names a report's text spells its own way.

    A spelling counts when the text uses it at least twice and more often than
    the gazetteer's name ("Côte d’Ivoire" throughout a report).
    """
    counts: dict[str, Counter] = {}
    for mention in gazetteer.find_mentions(text):
        if mention.kind == "name" and not is_abbreviation(mention.text):
            counts.setdefault(mention.code, Counter())[mention.text] += 1
    found = []
    for code, spellings in counts.items():
        (spelling, n), = sorted(spellings.items(), key=lambda kv: (-kv[1], kv[0]))[:1]
        if n >= 2 and n > spellings.get(gazetteer.get(code).name, 0):
            found.append((code, spelling))
    return found
