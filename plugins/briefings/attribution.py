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

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from .aliases import AliasLearner
from .cues import Cues, default_cues
from .gazetteer import Gazetteer, Mention
from .report import Block

DATELINE_BONUS = 3
# Key of the lead (the part before the first subheading) in section_partners.
LEAD = -1
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
    actors: set[str]
    places: set[str]
    words: dict[str, list[str]]
    met: set[str]  # actors named next to a meeting cue ("met with X")


def _read(text: str, gazetteer: Gazetteer, aliases: Mapping[str, str], cues: Cues) -> _Reading:
    mentions = gazetteer.find_mentions(text, aliases)
    actors: set[str] = set()
    places: set[str] = set()
    words: dict[str, list[str]] = {}
    for m in mentions:
        words.setdefault(m.code, []).append(m.text)
        before = text[max(0, m.start - 40) : m.start]
        is_place = m.kind in _PLACE_KINDS or m.kind == "name"
        if is_place and cues.location_before.search(before):
            places.add(m.code)
        elif m.kind in _ACTOR_KINDS or m.kind in _PLACE_KINDS:
            actors.add(m.code)
    places -= actors
    return _Reading(mentions, actors, places, words, _met(text, mentions, actors, cues))


def _met(text: str, mentions: Sequence[Mention], actors: set[str], cues: Cues) -> set[str]:
    """Return the actors a meeting cue in ``text`` is about.

    Only mentions in the cue's own sentence and close to it count, so a
    meeting paragraph that also condemns a third country does not make that
    country a partner.
    """
    met: set[str] = set()
    for cue in cues.meeting.finditer(text):
        start = max(text.rfind(". ", 0, cue.start()), 0)
        end = text.find(". ", cue.end())
        end = len(text) if end < 0 else end
        for m in mentions:
            if m.code in actors and start <= m.start < end and (
                abs(m.start - cue.end()) <= MEETING_REACH
                or abs(cue.start() - m.end) <= MEETING_REACH
            ):
                met.add(m.code)
    return met


def find_home(readings: Sequence[_Reading], first_text: str) -> str | None:
    """Return the country the report is written from (most mentioned)."""
    counts: Counter[str] = Counter()
    for reading in readings:
        counts.update(m.code for m in reading.mentions)
    if readings and readings[0].mentions:
        lead = readings[0].mentions[0]
        # An ALL-CAPS dateline at the very start names the home capital.
        if lead.start < 3 and lead.text.isupper() and lead.kind in _PLACE_KINDS:
            counts[lead.code] += DATELINE_BONUS
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
        home = find_home([title_reading, *ordered_readings], blocks[0].text if blocks else "")

        if partners is None:
            partners = self._find_partners(title_reading, blocks, readings, home)
            targets = set(partners)
        else:
            targets = set(partners)
        paragraphs, section_partners = self._attribute(title_reading, blocks, readings,
                                                       targets, home)
        return Split(
            partners=list(partners),
            home=home,
            paragraphs=paragraphs,
            section_partners=section_partners,
            aliases=aliases,
        )

    # -- partner discovery -------------------------------------------------

    def _find_partners(self, title_reading: _Reading, blocks: Sequence[Block],
                       readings: Mapping[int, _Reading], home: str | None) -> list[str]:
        covered: set[str] = set(title_reading.actors)
        appearance: list[str] = []
        for block in blocks:
            reading = readings[block.index]
            for m in reading.mentions:
                if m.code not in appearance:
                    appearance.append(m.code)
            if block.is_heading:
                covered |= reading.actors | reading.places
            else:
                covered |= reading.met
        covered.discard(home)
        return _ordered(covered, appearance)

    # -- attribution ---------------------------------------------------------

    def _attribute(self, title_reading: _Reading, blocks: Sequence[Block],
                   readings: Mapping[int, _Reading], targets: set[str],
                   home: str | None):
        results: list[ParagraphAttribution] = []
        section_partners: dict[int, list[str]] = {}
        order = list(targets)
        for heading, section in _sections(blocks):
            if heading is None:
                reading = title_reading
                where = "the headline"
            else:
                reading = readings[heading.index]
                where = f"subheading ‘{heading.text}’"
            # A heading names its partners as actors or as the capital that
            # stands for the government ("Tehran, Islamabad highlight...").
            focus = (reading.actors | reading.places) & targets
            if heading is None and not focus and section:
                focus = readings[section[0].index].actors & targets
                where = "the opening paragraph"
            section_partners[LEAD if heading is None else heading.index] = \
                _ordered(focus, order)
            focus_reason = {c: f"section: {where}" for c in focus}
            for block in section:
                reading = readings[block.index]
                actors = reading.actors & targets
                places = reading.places & targets
                result = ParagraphAttribution(block)
                if self.cues.topic_shift.search(block.text) and not actors:
                    focus, focus_reason = set(), {}
                if not actors:
                    result.primary = set(focus)
                    result.reasons.update(focus_reason)
                else:
                    result.primary = set(actors)
                    met = reading.met & targets
                    if met and not met & focus:
                        # A new meeting: the story moves to these partners.
                        focus = met
                        focus_reason = {c: "follows the meeting in ‘%s…’" % block.text[:60]
                                        for c in met}
                for code in actors:
                    result.reasons[code] = "names " + ", ".join(
                        dict.fromkeys(reading.words[code]))
                result.context = (places - result.primary)
                for code in result.context:
                    result.reasons[code] = "context: mentions " + ", ".join(
                        dict.fromkeys(reading.words[code]))
                results.append(result)
        return results, section_partners
