"""Decide which paragraphs of a report belong to which partner country.

Pure core: no Pelican import. The rules, in the order they apply:

1. **Home country.** The country whose official is the report's subject (Iran
   in the seed: the most mentioned, with a bonus for the dateline) gets no
   briefing unless the editor lists it.
2. **Sections.** A subheading that names partners gives its section to them;
   a thematic subheading that names none gives its section to nobody. The lead
   (before the first subheading) belongs to the partners the headline names.
3. **Paragraphs.** A paragraph that names partners *as actors* (by name,
   demonym, leader, or capital used for its government) belongs to them. One
   that names none follows its section, or the meeting just described. A
   paragraph that introduces a meeting with other partners moves the story to
   them. Partners named only as a place ("in Turkmenistan’s capital") or in
   passing are added as *context*.
4. **Which partners** (when the editor gave none): those a subheading or the
   headline is about, or that the home side met.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from .aliases import AliasLearner
from .cues import Cues, default_cues
from .gazetteer import Gazetteer, Mention
from .report import Block

# A capitalised word straight after a city makes the city part of a name.
_NAMED_THING = re.compile(r" [A-Z][a-z]")
# Quoted speech: a speaker's words about third countries stay in the meeting.
_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"")
# Key of the lead (the part before the first subheading) in section_partners.
LEAD = -1
# How much being a meeting's guest counts against a country being home.
GUEST_WEIGHT = 3
# A meeting cue naming this many guests at once is a round-up: each guest is a
# partner only if the report says more about it somewhere else.
GROUP_SIZE = 3
# How far (in characters) a meeting cue reaches for the partner it names.
MEETING_REACH = 90
_ACTOR_KINDS = frozenset({"name", "demonym", "alias"})
_PLACE_KINDS = frozenset({"capital", "city"})


@dataclass
class ParagraphAttribution:
    """Where one paragraph goes, and why."""

    block: Block
    primary: set[str] = field(default_factory=set)
    context: set[str] = field(default_factory=set)
    reasons: dict[str, str] = field(default_factory=dict)

    @property
    def countries(self) -> set[str]:
        return self.primary | self.context


@dataclass
class Split:
    """The outcome of attributing one report."""

    partners: list[str]  # country codes, in the order the report covers them
    home: str | None
    paragraphs: list[ParagraphAttribution]
    section_partners: dict[int, list[str]]  # heading block index (or LEAD) -> partners
    aliases: dict[str, str]

    def paragraphs_for(self, code: str) -> list[ParagraphAttribution]:
        return [p for p in self.paragraphs if code in p.countries]


@dataclass
class _Reading:
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


def _is_passing(text: str, m: Mention, cues: Cues) -> bool:
    """Tell whether a mention names a place or topic rather than an actor."""
    if m.start < 3 and m.text.isupper() and m.kind != "demonym":
        return True  # an ALL-CAPS dateline: where the reporter filed from
    after = text[m.end : m.end + 2]
    if len(after) == 2 and after[0] == "-" and after[1].islower():
        return True  # a modifier: "Beijing-brokered", "US-led"
    if m.kind in ("name", "capital", "city"):
        return cues.is_place_before(text[max(0, m.start - 40) : m.start])
    return False


def _read(text: str, gazetteer: Gazetteer, aliases: Mapping[str, str], cues: Cues) -> _Reading:
    mentions = gazetteer.find_mentions(text, aliases)
    actors: set[str] = set()
    places: set[str] = set()
    words: dict[str, list[str]] = {}
    actor_mentions = []
    for m in mentions:
        if m.kind in _PLACE_KINDS and _NAMED_THING.match(text, m.end):
            continue  # part of a name: "the Tianjin Declaration", "Tehran Times"
        words.setdefault(m.code, []).append(m.text)
        if _is_passing(text, m, cues):
            places.add(m.code)
        else:
            actors.add(m.code)
            actor_mentions.append(m)
    places -= actors
    return _Reading(mentions, actors, places, words, *_met(text, actor_mentions, cues),
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


def find_home(readings: Sequence[_Reading]) -> str | None:
    """Return the country the report is written from.

    The most named country, less those it meets: the home side hosts and
    calls, its partners are the guests ("met with Malaysian Prime Minister
    Anwar…"), so each time a country is a meeting's guest counts against it.
    """
    counts: Counter[str] = Counter()
    for reading in readings:
        counts.update(m.code for m in reading.mentions)
        counts.subtract({code: GUEST_WEIGHT for code in reading.met})
    if not counts:
        return None
    (top, top_n), *rest = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    if rest and rest[0][1] == top_n:
        return None  # a tie: nobody is clearly home
    return top


def _sections(blocks: Sequence[Block]) -> list[tuple[Block | None, list[Block]]]:
    sections: list[tuple[Block | None, list[Block]]] = [(None, [])]
    for block in blocks:
        if block.is_heading:
            sections.append((block, []))
        else:
            sections[-1][1].append(block)
    return sections


def _ordered(codes: Iterable[str], order: Sequence[str]) -> list[str]:
    rank = {c: i for i, c in enumerate(order)}
    return sorted(set(codes), key=lambda c: (rank.get(c, len(rank)), c))


class Splitter:
    """Attribute report paragraphs to partner countries.

    Build one per site (it compiles the cue patterns once) and call
    :meth:`split` per report.
    """

    def __init__(self, gazetteer: Gazetteer, cues: Cues | None = None,
                 aliases: Mapping[str, str] | None = None):
        self.gazetteer = gazetteer
        self.cues = cues or default_cues()
        self.site_aliases = dict(aliases or {})
        self._learner = AliasLearner(self.cues)

    def split(self, title: str, blocks: Sequence[Block],
              partners: Sequence[str] | None = None) -> Split:
        """Attribute ``blocks`` (a report's paragraphs and headings).

        :param title: the report's headline.
        :param partners: country codes that get briefings; ``None`` to find them.
        """
        texts = [title] + [b.text for b in blocks]
        aliases = self._learner.learn(texts, self.gazetteer, self.site_aliases)
        title_reading = _read(title, self.gazetteer, aliases, self.cues)
        readings = {b.index: _read(b.text, self.gazetteer, aliases, self.cues) for b in blocks}
        ordered_readings = [readings[b.index] for b in blocks]
        home = find_home([title_reading, *ordered_readings])

        if partners is None:
            partners = self._find_partners(title_reading, blocks, readings, home, aliases)
        paragraphs, section_partners = self._attribute(title_reading, blocks, readings,
                                                       list(dict.fromkeys(partners)), home)
        return Split(
            partners=list(partners),
            home=home,
            paragraphs=paragraphs,
            section_partners=section_partners,
            aliases=aliases,
        )

    # -- partner discovery -------------------------------------------------

    def _headline_actors(self, reading: _Reading) -> set[str]:
        # A city in a headline or subheading is where things happened
        # ("Gaza on the agenda"); a capital can stand for its government.
        return {m.code for m in reading.mentions
                if m.code in reading.actors and m.kind != "city"}

    def _find_partners(self, title_reading: _Reading, blocks: Sequence[Block],
                       readings: Mapping[int, _Reading], home: str | None,
                       aliases: Mapping[str, str]) -> list[str]:
        # A headline names partners, and also the news around them ("as U.S.
        # deportations mount"): it counts for a country whose official the
        # report introduces.
        introduced = set(aliases.values())
        covered: set[str] = self._headline_actors(title_reading) & introduced
        appearance: list[str] = []
        listing_meetings = False  # "The Prime Minister met:" then a list
        in_groups: set[str] = set()
        for block in blocks:
            reading = readings[block.index]
            for m in reading.mentions:
                if m.code not in appearance:
                    appearance.append(m.code)
            if block.is_heading:
                covered |= self._headline_actors(reading)
                listing_meetings = False
                continue
            covered |= reading.met - reading.met_in_group
            in_groups |= reading.met_in_group
            is_item = block.element is not None and block.element.name == "li"
            if is_item and listing_meetings:
                covered |= reading.actors
            elif not is_item:
                # "The Prime Minister met:", "…memoranda of understanding with:"
                lead_in = block.text.rstrip()
                listing_meetings = lead_in.endswith(("with:", "met:")) or (
                    lead_in.endswith(":") and bool(self.cues.meeting.search(lead_in)))
        mentioned = Counter(code for block in blocks for code in readings[block.index].actors)
        covered |= {code for code in in_groups if mentioned[code] >= 2}
        covered.discard(home)
        return _ordered(covered, appearance)

    # -- attribution ---------------------------------------------------------

    def _attribute(self, title_reading: _Reading, blocks: Sequence[Block],
                   readings: Mapping[int, _Reading], partners: list[str],
                   home: str | None):
        results: list[ParagraphAttribution] = []
        section_partners: dict[int, list[str]] = {}
        # Sections list their partners in the report's partner order, never a
        # set's: set order changes from one interpreter to the next.
        order, targets = partners, set(partners)
        for heading, section in _sections(blocks):
            focus, where = self._section_focus(heading, section, title_reading, readings,
                                               targets)
            section_partners[LEAD if heading is None else heading.index] = \
                _ordered(focus, order)
            reason = {c: f"section: {where}" for c in focus}
            last = set(focus)  # partners of the latest paragraph that named any
            for block in section:
                reading = readings[block.index]
                if block.text.strip(" .:").casefold() in self.cues.furniture:
                    results.append(ParagraphAttribution(block))  # belongs to nobody
                    continue
                actors = reading.actors & targets
                third_parties = reading.unquoted_actors - targets - {home}
                result = ParagraphAttribution(block)
                if not actors and (self.cues.topic_shift.search(block.text)
                                   or self.cues.event.search(block.text)):
                    focus, last, reason = set(), set(), {}
                if not actors:
                    if third_parties and not reading.opens_continuing:
                        # About someone else ("Uruguay ratified the pact"):
                        # the story has left the partners.
                        focus, last, reason = set(), set(), {}
                    elif reading.continues and (focus or last):
                        result.primary = self._continued(reading, focus, last)
                        result.reasons.update(
                            {c: "continues the talks with it" for c in result.primary})
                    else:
                        result.primary = set(focus)
                        result.reasons.update({c: reason.get(c, "") for c in focus})
                else:
                    result.primary = set(actors)
                    group = self._continued(reading, focus, last) if reading.continues else set()
                    if reading.opens_continuing and group and not reading.met:
                        # "The ministers also discussed … Georgian territory"
                        result.primary |= group
                        result.reasons.update(
                            {c: "continues the talks with it" for c in group})
                    met = reading.met & targets
                    if met and not met & focus:
                        # A new meeting: the story moves to these partners.
                        focus = set(met)
                        reason = {c: "follows the meeting in ‘%s…’" % block.text[:60]
                                  for c in met}
                    # Partners named only in quoted speech do not become
                    # the subject of what follows.
                    last = set(result.primary & (reading.unquoted_actors | group))
                for code in actors:
                    result.reasons[code] = "names " + ", ".join(
                        dict.fromkeys(reading.words[code]))
                result.context = (reading.places & targets) - result.primary
                for code in result.context:
                    result.reasons[code] = "context: mentions " + ", ".join(
                        dict.fromkeys(reading.words[code]))
                results.append(result)
        return results, section_partners

    def _continued(self, reading: _Reading, focus: set[str], last: set[str]) -> set[str]:
        """Return whom "Both sides…" / "During the meeting…" / "All three…" means.

        A pair ("the two leaders", "the meeting") is the latest partner and
        the host; otherwise the section's or meeting's whole group.
        """
        if self.cues.pair.search(reading.continues) and len(last) == 1:
            return set(last)
        return set(focus or last)

    def _section_focus(self, heading, section, title_reading, readings, targets):
        """Return the partners a section is given to, and why."""
        if heading is not None:
            # A subheading names its partners as actors or by the capital
            # that stands for the government ("Tehran, Islamabad highlight…").
            reading = readings[heading.index]
            return self._headline_actors(reading) & targets, f"subheading ‘{heading.text}’"
        # The lead belongs to the one partner the headline (or, failing
        # that, the opening paragraph) is about; a headline listing several
        # partners introduces a round-up, whose lead belongs to none of them.
        focus = self._headline_actors(title_reading) & targets
        if focus:
            return (focus, "the headline") if len(focus) == 1 else (set(), "")
        if section:
            opening = readings[section[0].index].actors & targets
            if len(opening) == 1:
                return opening, "the opening paragraph"
        return set(), ""
