"""Learn who is who from the way a report introduces people.

Pure core: no Pelican import. Reports name an official once with their
country ("Turkmen President Serdar Berdimuhamedov") and by surname after that
("Berdimuhamedov welcomed..."). ``learn_aliases`` reads those introductions
and returns surface forms that mean a country for the rest of that report.

Introductions understood (title = any phrase in ``cues.json`` "titles"):

* ``<Demonym|Country> <title> <Name>``      Pakistani Prime Minister Shehbaz Sharif
* ``<Country>’s <title> <Name>``           Myanmar’s Prime Minister Nyo Saw
* ``<title> <Name> of <Country>``          President Kassym-Jomart Tokayev of Kazakhstan
* ``<title> of <Country> <Name>``          President of Uzbekistan Shavkat Mirziyoyev
* ``<Name>, <title> of <Country>``         Carlos Pinto Pereira, foreign minister of Guinea-Bissau
* ``his <demonym> counterpart, <Name>``    his Omani counterpart, Badr Albusaidi
* ``<Name>, <Country>’s <title>``          Hakan Fidan, Turkey’s foreign minister

An introduced name is learned whole, by surname ("Berdimuhamedov"), by a
short family name written first ("Xi"), and by first name ("Anwar" for
Anwar Ibrahim, "Mohamed" for Sheikh Mohamed bin Zayed), as copy calls
leaders all three ways. A form two people share is dropped.

:func:`descriptor_aliases` reads "the kingdom", "the Sultanate", "the
island nation" as the one country of that kind the report names; with two
(Lesotho and Eswatini) it stays unresolved.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from functools import lru_cache
from pathlib import Path

from .cues import Cues
from .gazetteer import Gazetteer, Mention

_UPPER = "A-ZÀ-ÖØ-ÞĀ-Ž"
# One word of a personal name: capitalised, or an initial ("J."); the
# particles keep "Mohammed bin Salman" and "Abdul Latif Rashid" whole.
_NAME_WORD = rf"(?:[{_UPPER}](?:\.|[\w’'-]*\w)|(?:bin|bint|ibn|al|el|de|da|di|van|von|der|du|le|la)(?=\s+[{_UPPER}]))"  # noqa: E501
NAME = rf"(?:{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,4}})"
_POSSESSIVE = re.compile(r"[’']s$")
_CAPITALISED_BEFORE = re.compile(rf"[{_UPPER}][\w’'-]*\s$")
_INTRO_KINDS = frozenset({"name", "demonym"})
# Surnames shorter than this are too likely to be ordinary words.
_MIN_SURNAME = 4
# Name particles, never a first name on their own.
_PARTICLES = frozenset({"bin", "bint", "ibn", "al", "el", "de", "da", "di", "van", "von", "der",
                        "du", "le", "la", "abu", "abdul", "abd"})


class AliasLearner:
    """Compiled introduction patterns for one set of cues."""

    def __init__(self, cues: Cues):
        title = rf"(?:{cues.title})"
        self._title_words = cues.title_words
        self._honorifics = cues.honorifics
        # After a country mention: "’s Prime Minister Nyo Saw", " President X"
        # (a comma only after "counterpart": "his Omani counterpart, Badr…";
        # elsewhere it ends the phrase: "Kuwaiti crown prince, Yunus, …")
        self._after = re.compile(rf"(?:[’']s)?\s+(?:(?:{title})\s+|(?i:counterparts?),\s+)"
                                 rf"(?P<name>{NAME})")
        # Before a country mention: "President X of (the) "
        self._before_of = re.compile(rf"(?:{title})\s+(?P<name>{NAME})\s+of\s+(?:the\s+)?$")
        # "President of (the) " before the country, the name after it:
        # "President of Uzbekistan Shavkat Mirziyoyev", "… of Brazil, H.E. Mr. Lula".
        self._title_of = re.compile(rf"(?:(?P<appos>{NAME}),\s+(?:the\s+)?)?"
                                    rf"(?:{title})\s+of\s+(?:the\s+)?$")
        honorific = (r"(?:H\.\s?E\.|H\.\s?H\.|H\.\s?M\.|His Excellency|Her Excellency|"
                     r"His Highness|Her Highness|His Majesty|Her Majesty|Mr\.|Mrs\.|Ms\.|Dr\.)")
        # Straight after the country, or after a comma and an honorific; a
        # bare comma ends an apposition ("…, foreign minister of X, Wang said").
        self._name_after = re.compile(
            rf"(?:\s+|,\s+{honorific}\s+)(?:{honorific}\s+)*(?P<name>{NAME})")
        # Apposition: "Hakan Fidan, (the) " ... "<Country>’s <title>" after.
        self._before_appos = re.compile(rf"(?P<name>{NAME}),\s+(?:the\s+)?$")
        self._title_after = re.compile(rf"(?:[’']s)?\s+(?:{title})\b")
        # "Prime Minister Luís " before a country's name: it is a surname.
        self._titled_before = re.compile(rf"(?:{title})\s+(?:{_NAME_WORD}\s+){{1,3}}$")

    def _clean(self, name: str) -> str | None:
        name = _POSSESSIVE.sub("", name.strip())
        words = name.split()
        # Drop title words and honorifics the name pattern swallowed
        # ("Prime Minister X", "His Excellency X").
        while words and (words[0].lower() in self._title_words
                         or words[0].casefold() in self._honorifics):
            words.pop(0)
        # A name needs one real word, not just initials ("H.").
        if not any(len(w) >= 3 and not w.endswith(".") for w in words):
            return None
        return " ".join(words)

    def introductions(self, text: str, mentions: Iterable[Mention]) -> Iterable[tuple[str, str]]:
        """Yield (name, country code) for each introduction in ``text``."""
        for m in mentions:
            if m.kind not in _INTRO_KINDS:
                continue
            after = self._after.match(text, m.end)
            if after:
                yield after.group("name"), m.code
                continue
            window = text[max(0, m.start - 120) : m.start]
            # Cheap tests first: the patterns below end in "of (the) " or ", ".
            after_of = m.kind == "name" and window.endswith(("of ", "of the "))
            title_of = self._title_of.search(window) if after_of else None
            if title_of:
                # "Carlos Pereira, foreign minister of Guinea-Bissau"
                if title_of.group("appos"):
                    yield title_of.group("appos"), m.code
                named = self._name_after.match(text, m.end)
                if named:
                    yield named.group("name"), m.code
                continue
            before = self._before_of.search(window) if after_of else None
            if before:
                yield before.group("name"), m.code
                continue
            appos = (self._before_appos.search(window)
                     if window.endswith((", ", ", the ")) and self._title_after.match(text, m.end)
                     else None)
            if appos:
                yield appos.group("name"), m.code

    def country_surnames(self, texts: Iterable[str], gazetteer: Gazetteer) -> frozenset[str]:
        """Return country names the report uses as a person's surname.

        "Prime Minister Luís Montenegro" makes "Montenegro" Portugal's prime
        minister for the whole report ("Montenegro told supporters…"), not
        the country; so the report's other uses of the name are his too.
        """
        found: set[str] = set()
        for text in texts:
            for m in gazetteer.find_mentions(text):
                if m.kind != "name" or not _CAPITALISED_BEFORE.search(text, max(0, m.start - 30),
                                                                      m.start):
                    continue  # cheap test first: a capitalised word right before
                if self._titled_before.search(text, max(0, m.start - 80), m.start):
                    found.add(m.text)
        return frozenset(found)

    def learn(
        self, texts: Iterable[str], gazetteer: Gazetteer, known: Mapping[str, str] | None = None
    ) -> dict[str, str]:
        """Return {surface form: country code} learned from ``texts``.

        ``known`` (an editor's alias file) is used while reading and wins over
        anything learned. A surname introduced for two countries is dropped.
        """
        known = dict(known or {})
        learned: dict[str, str] = {}
        conflicts: set[str] = set()
        for text in texts:
            for raw, code in self.introductions(text, gazetteer.find_mentions(text, known)):
                full = self._clean(raw)
                if not full or gazetteer.find_mentions(full):
                    continue  # not a person's name ("Uzbekistan Shavkat Mirziyoyev")
                forms = {full}
                words = full.split()
                surname = words[-1]
                if len(surname) >= _MIN_SURNAME and surname.lower() not in self._title_words:
                    forms.add(surname)
                # Family name first ("Xi Jinping", "Kim Jong Un"): a short
                # first word is how the report will say it later.
                if len(words) >= 2 and 2 <= len(words[0]) <= 3 and words[0][0].isupper() \
                        and not words[0].endswith("."):
                    forms.add(words[0])
                # The first name ("Anwar", "Xanana", "Sheikh Mohamed").
                first = words[0]
                if len(words) >= 2 and len(first) >= _MIN_SURNAME and first[0].isupper() \
                        and first.isalpha() and first.lower() not in _PARTICLES \
                        and first.lower() not in self._title_words:
                    forms.add(first)
                for form in forms:
                    if gazetteer.resolve(form) is not None or form in known:
                        continue
                    if learned.get(form, code) != code:
                        conflicts.add(form)
                    learned[form] = code
        for form in conflicts:
            learned.pop(form, None)
        return {**learned, **known}


def descriptor_aliases(texts: Iterable[str], gazetteer: Gazetteer,
                       mentioned: Iterable[str]) -> dict[str, str]:
    """Return {"the kingdom": code, …} for the descriptors that can mean only one country.

    ``mentioned`` are the codes the report names elsewhere; a descriptor
    none of whose countries is among them, or two, is left out.
    """
    joined = "\n".join(texts)
    mentioned = set(mentioned)
    found: dict[str, str] = {}
    for phrase, codes in gazetteer.descriptors.items():
        # "the kingdom" and, opening a sentence, "The kingdom".
        forms = [f for f in (phrase, phrase[0].upper() + phrase[1:]) if f in joined]
        if not forms:
            continue  # most reports use none: skip the set work
        candidates = mentioned.intersection(codes)
        if len(candidates) == 1:
            code = candidates.pop()
            found.update((form, code) for form in forms)
    return found


DEFAULT_PEOPLE_PATH = Path(__file__).resolve().parent.parent / "data" / "people.json"


@lru_cache(maxsize=4)
def known_people(path: Path = DEFAULT_PEOPLE_PATH) -> dict[str, str]:
    """Return {name: country code} of the office-holders and state companies
    news names without their country (``data/people.json``), read once per process."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    return {**data["people"], **data.get("companies", {})}


_WORD = re.compile(r"[\w’'-]+")


class KnownPeople:
    """Office-holders known by name ({name: country code}), indexed once by
    first word: a report names a handful of the hundreds of them, so only
    names whose first word is one of the report's words are looked for."""

    def __init__(self, people: Mapping[str, str]):
        self._by_first_word: dict[str, list[tuple[str, str]]] = {}
        for name, code in people.items():
            self._by_first_word.setdefault(name.split()[0].replace(".", ""), []).append(
                (name, code))

    def named_in(self, joined: str) -> dict[str, str]:
        """Return the entries whose name stands in ``joined`` (a report's text)."""
        # Without full stops: "J.D. Vance" is looked up by "JD", "Putin." by "Putin".
        words = set(_WORD.findall(joined.replace(".", ""))) & self._by_first_word.keys()
        return {name: code for word in sorted(words) for name, code in self._by_first_word[word]
                if name in joined}
