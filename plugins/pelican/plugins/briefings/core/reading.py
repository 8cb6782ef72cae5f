"""Read one paragraph: which countries it names, and in what role.

Pure core: no Pelican import. A :class:`Reading` sorts a block's country
mentions into *actors* (a country that acts or is acted with: by name,
demonym, leader, or a capital standing for its government) and *places*
(named only as where something happens or what it is about), and notes the
structure words the rules in ``rules.py`` look at: meeting cues and their
guests, "Both sides…" continuations.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from .cues import Cues
from .gazetteer import Gazetteer, Mention

# A capitalised word straight after a city makes the city part of a name.
_NAMED_THING = re.compile(r" [A-Z][a-z]")
# Quoted speech: a speaker's words about third countries stay in the meeting.
_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"")
# A meeting cue naming this many guests at once is a round-up: each guest is a
# partner only if the report says more about it somewhere else.
GROUP_SIZE = 3
# How far (in characters) a meeting cue reaches for the partner it names.
MEETING_REACH = 90
PLACE_KINDS = frozenset({"capital", "city"})


@dataclass
class Reading:
    """Mentions in one block, sorted into actors and places."""

    mentions: list[Mention]
    actors: set[str]  # countries that act or are acted with
    places: set[str]  # countries named only as a place or a topic
    words: dict[str, list[str]]
    met: set[str]  # actors a meeting cue names ("met with X")
    met_in_group: set[str]  # …as one of a long list of guests
    unquoted_actors: set[str]  # actors named outside quoted speech
    continues: str  # "Both sides…", "The two ministers…": the same meeting ("" if not)
    opens_continuing: bool  # …as the paragraph's subject ("The ministers also…")


def is_passing(text: str, m: Mention, cues: Cues) -> bool:
    """Tell whether a mention names a place or topic rather than an actor."""
    if m.start < 3 and m.text.isupper() and m.kind != "demonym":
        return True  # an ALL-CAPS dateline: where the reporter filed from
    after = text[m.end : m.end + 2]
    if len(after) == 2 and after[0] == "-" and after[1].islower():
        return True  # a modifier: "Beijing-brokered", "US-led"
    if m.kind in ("name", "capital", "city"):
        return cues.is_place_before(text[max(0, m.start - 40) : m.start])
    return False


def read(text: str, gazetteer: Gazetteer, aliases: Mapping[str, str], cues: Cues) -> Reading:
    """Return the reading of one block's text."""
    mentions = gazetteer.find_mentions(text, aliases)
    actors: set[str] = set()
    places: set[str] = set()
    words: dict[str, list[str]] = {}
    actor_mentions = []
    for m in mentions:
        if m.kind in PLACE_KINDS and _NAMED_THING.match(text, m.end):
            continue  # part of a name: "the Tianjin Declaration", "Tehran Times"
        words.setdefault(m.code, []).append(m.text)
        if is_passing(text, m, cues):
            places.add(m.code)
        else:
            actors.add(m.code)
            actor_mentions.append(m)
    places -= actors
    return Reading(mentions, actors, places, words, *_met(text, actor_mentions, cues),
                   _unquoted(text, actor_mentions),
                   _first(cues.continuation.search(text)),
                   bool(cues.opens_with_continuation.search(text)))


def _unquoted(text: str, actor_mentions: Sequence[Mention]) -> set[str]:
    """Return the countries of the mentions outside quoted speech."""
    if "“" not in text and '"' not in text:
        return {m.code for m in actor_mentions}  # no quotation: skip the regex
    quoted = [m.span() for m in _QUOTED.finditer(text)]
    return {m.code for m in actor_mentions
            if not any(start <= m.start < end for start, end in quoted)}


def _first(match) -> str:
    return match.group(0) if match else ""


def _met(text: str, actor_mentions: Sequence[Mention], cues: Cues) -> tuple[set[str], set[str]]:
    """Return the actors meeting cues in ``text`` name as guests, and those
    named in a group of GROUP_SIZE or more ("held conversations with the
    leaders of Malaysia, Nepal, Egypt, Vietnam").

    Guests follow the cue, in its own sentence, with only names, titles and
    list words between ("met with Pakistani Prime Minister…", "received H.E.
    Alassane Ouattara, President of the Republic of Côte d'Ivoire, and…").
    A cue in reported speech or about a meeting still to come does not count,
    so "condemning the US build-up" or "said his meeting with Trump…" make
    no partner.
    """
    met: set[str] = set()
    in_groups: set[str] = set()
    if not actor_mentions:
        return met, in_groups  # nobody to be a guest: skip the cue search
    for cue in cues.meeting.finditer(text):
        start = max(text.rfind(". ", 0, cue.start()), 0)
        if cues.future.search(text, start, cue.start()) or cues.future.search(cue.group(0)) \
                or text.startswith(" by ", cue.end()):
            continue  # reported, still to come, or the host ("hosted by Egypt")
        end = text.find(". ", cue.end())
        end = len(text) if end < 0 else end
        previous_end, guests = cue.end(), set()
        for m in actor_mentions:
            if m.start < previous_end:
                continue
            if m.start >= end or not _guest_gap(text[previous_end : m.start], cues):
                break
            guests.add(m.code)
            previous_end = m.end
        met |= guests
        if len(guests) >= GROUP_SIZE:
            in_groups |= guests
    return met, in_groups


_GAP_TOKEN = re.compile(r"[^\s,;\-–]+")


def _guest_gap(gap: str, cues: Cues) -> bool:
    """Tell whether only names, titles and list words stand in ``gap``."""
    if len(gap) > MEETING_REACH:
        return False
    for token in _GAP_TOKEN.findall(gap.replace("’s", "").replace("'s", "")):
        word = token.casefold().rstrip(".:")
        if token[0].isupper() or word in cues.gap_words or word.rstrip("s") in cues.gap_words:
            continue
        return False
    return True
