"""Decide which paragraphs of a report belong to which partner country.

Pure core: no Pelican import. :class:`Splitter` reads every block
(``reading.py``), finds the home side and, when the editor gave none, the
partners; then it walks the report keeping the state of the story
(``story.StoryState``: the home side, the current section's or meeting's
partners, the latest paragraph's) and gives each paragraph to what the
first rule of the table ``rules.RULES`` that decides says. README's "How
paragraphs are attributed" lists the rules in table order.

- **Home country.** The country whose official is the report's subject (Iran
  in the seed: the most mentioned, less the times it is a meeting's guest)
  gets no briefing unless the editor lists it.
- **Sections.** A subheading that names partners gives its section to them;
  a thematic subheading that names none gives its section to nobody. The lead
  (before the first subheading) belongs to the partner the headline names.
- **Which partners** (when the editor gave none): those a subheading or the
  headline is about, or that the home side met.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from .aliases import AliasLearner, KnownPeople, descriptor_aliases, known_people
from .cues import Cues, default_cues
from .gazetteer import Gazetteer, Mention
from .reading import Reading, read
from .regions import Regions, default_regions
from .report import Block
from .rules import ROUNDUP_ITEM, decide, is_page_furniture, lines_before_the_dateline
from .story import Paragraph, StoryState

# Key of the lead (the part before the first subheading) in section_partners.
LEAD = -1
# The paragraphs that make a report's lead, where a group met is its subject.
LEAD_PARAGRAPHS = 3
# A paragraph about this many countries or fewer is a paragraph of their own.
PARAGRAPH_OF_ITS_OWN = 2
# The home side acts in at least this share of the paragraphs of a report
# told from one side.
HOME_SHARE = 0.25
# The headline and the paragraphs after it that may tell of a trip.
LEAD_OF_A_TRIP = 3
# "Fiji/Australia - visit", "Samoa - babies": a round-up item's subheading;
# a report with this many is a round-up.
_ROUNDUP_HEADING = re.compile(r"[A-Z][\w .’'/-]{1,40}? [-–—] [\w’' ]{1,30}$")
ROUNDUP_HEADINGS = 2
# The headline and the paragraphs after it that may name a summit of equals.
JOINT_SUMMIT_LEAD = 3
# How much being a meeting's guest counts against a country being home.
GUEST_WEIGHT = 3
# …and being the one who meets or travels in the lead, for it.
HOST_WEIGHT = 3
# "In Western Sahara, …", "Across Chile …": a paragraph opening on where it happens.
_OPENS_ON_A_PLACE = re.compile(r"(?:In|Across|Inside|Throughout)\s+(?:the\s+)?")
# A trip with this many stops is a tour, each stop a partner.
TOUR_STOPS = 2


@dataclass
class ParagraphAttribution:
    """Where one paragraph goes, and why."""

    block: Block
    primary: set[str] = field(default_factory=set)
    context: set[str] = field(default_factory=set)
    reasons: dict[str, str] = field(default_factory=dict)
    rule: str = ""  # the name of the rule that decided it (rules.RULES)

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
    home_side: bool = True  # told from one side (a tour, a visit); False: a deal, a disaster…
    # Each paragraph's country mentions, by its text: briefings find which of
    # its sentences name a country from these, not by matching it again.
    mentions: dict[str, list[Mention]] = field(default_factory=dict)

    def paragraphs_for(self, code: str) -> list[ParagraphAttribution]:
        return [p for p in self.paragraphs if code in p.countries]


def find_home(readings: Sequence[Reading], stops: Iterable[str] = ()) -> str | None:
    """Return the country the report is written from.

    The most named country, less those it meets or visits: the home side
    hosts, calls and travels, its partners are the guests ("met with
    Malaysian Prime Minister Anwar…", "will meet…") and the stops ("will
    visit Ghana"), so each time a country is one counts against it, and
    each time it is the one who meets or travels in the headline or the lead
    counts for it. A country a subheading
    names (``stops``: "## Ghana") is a stop of the tour, never its home.
    """
    counts: Counter[str] = Counter()
    for number, reading in enumerate(readings):
        counts.update(m.code for m in reading.mentions)
        counts.subtract({code: GUEST_WEIGHT
                         for code in reading.met | reading.planned | reading.visited})
        if number <= LEAD_OF_A_TRIP:
            # Who meets or travels in the headline or the lead ("Stubb will
            # visit…", "the minister met…") is the side the report follows.
            counts.update({code: HOST_WEIGHT for code in reading.hosts})
    for code in stops:
        counts.pop(code, None)
    if not counts:
        return None
    (top, top_n), *rest = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    if rest and rest[0][1] == top_n:
        return None  # a tie: nobody is clearly home
    return top


def _home_is_the_event(home: str, texts: Sequence[str], readings: Sequence[Reading],
                       cues: Cues) -> bool:
    """Tell whether the headline or the lead makes ``home`` the place of an event.

    "Armenia’s parliamentary elections", "Armenian election": an election
    or a disaster named right after the country (``home_event_nouns``).
    """
    if cues.home_event is None:
        return False
    return any(m.code == home and cues.home_event.match(text, m.end)
               for text, reading in zip(texts, readings, strict=True)
               for m in reading.mentions)


def _stop(heading: Reading) -> set[str]:
    """Return the country a subheading shows as a tour's stop, if any.

    "## Ghana", "## Qatar: gas and mediation": the one country it names.
    "## Iran, Oman sign…" or "## Tehran, Islamabad highlight…" name both
    sides of a meeting: no stop.
    """
    # "## Iran holds joint meeting with E3 ministers": the one who meets
    # is the home side, not a stop.
    named = [m for m in heading.mentions if m.code in heading.actors - heading.hosts]
    # By its name: "## Inequality is the root of conflict: Pezeshkian" quotes
    # the home side's leader.
    if len({m.code for m in named}) == 1 and all(m.kind == "name" for m in named):
        return {named[0].code}
    return set()


def _sections(blocks: Sequence[Block]) -> list[tuple[Block | None, list[Block]]]:
    sections: list[tuple[Block | None, list[Block]]] = [(None, [])]
    for block in blocks:
        if block.is_heading:
            sections.append((block, []))
        else:
            sections[-1][1].append(block)
    return sections


def _subjects(reading: Reading, home_side: bool) -> set[str]:
    """Return the countries a paragraph is about as places (see rules.place_is_subject)."""
    if reading.meeting:
        return set()  # where officials met is a venue
    subjects = {reading.opening_place} if reading.opening_place else set()
    return subjects | reading.named_places


def has_home_side(texts: Sequence[str], readings: Sequence[Reading], cues: Cues,
                  headings: Sequence[str] = ()) -> bool:
    """Tell whether the report is told from one side: someone meets or travels.

    A tour, a visit, a readout of one leader's meetings has a home side (the
    visitor, the host); a disaster, an election day, a market report or a
    deal between several states has none.
    """
    # A summit of a few states as equals ("The foreign ministers of Cyprus,
    # Greece and Egypt pledged… at a trilateral meeting") has none: the host
    # is one party among them. One whose lead has a host receive its guests
    # ("Fidan hosted his Azerbaijani and Georgian counterparts for the
    # trilateral meeting") is told from the host's side.
    # A round-up's items ("## Fiji/Australia - visit", "## Vanuatu - information")
    # are many stories: one item's visit gives the report no home side.
    if sum(bool(_ROUNDUP_HEADING.match(h)) for h in headings) >= ROUNDUP_HEADINGS:
        return False
    lead = readings[1] if len(readings) > 1 else None
    if cues.joint_summit is not None and any(
            cues.joint_summit.search(t) for t in texts[:JOINT_SUMMIT_LEAD]) and not (
            lead is not None and lead.met and lead.hosts):
        return False
    # A trip told in the headline or the lead ("Modi begins his longest
    # foreign tour") makes one too; a visit further down is a detail of
    # another story ("…felt in Bangkok, where the Pope is on a visit").
    return any(r.met or r.visited or r.planned for r in readings) or (
        cues.visit is not None and any(cues.visit.search(t) for t in texts[:LEAD_OF_A_TRIP]))


def _stops(reading: Reading, home: str | None) -> set[str]:
    """Return the stops of the home side's trip ("Stubb will visit Ghana…").

    A visit by someone else ("the Pope arrived in Bangkok") is no stop of
    this report's.
    """
    return reading.visited if home in reading.hosts else set()


def _programme(reading: Reading, home: str | None) -> set[str]:
    """Return the guests of the home side's programme and who meets beside it.

    "is scheduled to hold talks with the Tanzanian President…" gives
    Tanzania unless another side is the one who will meet; "Quispe and the
    Chilean minister co-chaired the session" gives Chile.
    """
    programme = reading.planned if reading.hosts <= {home} else set()
    beside = reading.hosts - {home} if home in reading.hosts and reading.meeting else set()
    return programme | beside


# A group of countries counted in words this large names a report's parties.
COUNTED_GROUP = 4
_NUMBERS = {"three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
            "ten": 10, "eleven": 11, "twelve": 12}
# "the eight OPEC+ countries", "Five Central American states", "12 member nations".
_GROUP_NOUNS = ("countries", "nations", "states", "members", "producers", "governments",
                "signatories", "economies")
_GROUP_OF = re.compile(r"\b(%s|\d{1,2})[- ](?:[\w+’'-]+ ){0,3}?(?:%s)\b"
                       % ("|".join(_NUMBERS), "|".join(_GROUP_NOUNS)), re.IGNORECASE)


def _group_sizes(texts: Iterable[str]) -> frozenset[int]:
    """Return the sizes of the groups of countries a report counts (four or more:
    "the three countries" is as often a passing list's)."""
    sizes = set()
    for text in texts:
        if not any(noun in text for noun in _GROUP_NOUNS):
            continue  # most paragraphs count no group: skip the search
        for match in _GROUP_OF.finditer(text):
            if text.endswith(("has ", "have "), 0, match.start()):
                continue  # "The bloc has eight members": its size, not a group of parties
            word = match.group(1).casefold()
            size = _NUMBERS.get(word) or (int(word) if word.isdigit() else 0)
            if size >= COUNTED_GROUP:
                sizes.add(size)
    return frozenset(sizes)


def _one_of_a_counted_group(code: str, counted: frozenset[int], blocks: Sequence[Block],
                            readings: Mapping[int, Reading]) -> bool:
    """Tell whether ``code`` is listed among as many countries as the report
    counts, not as the one who meets them ("Anwar held talks with … seven
    nations")."""
    return bool(counted) and any(
        code in listed and len(listed) in counted
        for listed in ((readings[b.index].actors | readings[b.index].bloc_members)
                       - readings[b.index].donors - readings[b.index].hosts
                       for b in blocks if not b.is_heading))


def _first_mentions(blocks, readings) -> list[str]:
    """Return the countries the blocks mention, in the order they first appear."""
    return list(dict.fromkeys(m.code for block in blocks
                              for m in readings[block.index].mentions))


def _ordered(codes: Iterable[str], order: Sequence[str]) -> list[str]:
    rank = {c: i for i, c in enumerate(order)}
    return sorted(set(codes), key=lambda c: (rank.get(c, len(rank)), c))


class Splitter:
    """Attribute report paragraphs to partner countries.

    Build one per site (it compiles the cue patterns once) and call
    :meth:`split` per report.
    """

    def __init__(self, gazetteer: Gazetteer, cues: Cues | None = None,
                 aliases: Mapping[str, str] | None = None,
                 people: Mapping[str, str] | None = None, regions: Regions | None = None):
        """:param people: office-holders known by name ({name: code});
        ``data/people.json`` if ``None``.
        :param regions: the regions a headline may name; ``data/regions.json`` if ``None``."""
        self.gazetteer = gazetteer
        self.cues = cues or default_cues()
        self.regions = regions or default_regions()
        self.site_aliases = dict(aliases or {})
        self.people = KnownPeople(known_people() if people is None else people)
        self._learner = AliasLearner(self.cues)

    def split(self, title: str, blocks: Sequence[Block],
              partners: Sequence[str] | None = None) -> Split:
        """Attribute ``blocks`` (a report's paragraphs and headings).

        :param title: the report's headline.
        :param partners: country codes that get briefings; ``None`` to find them.
        """
        automatic = partners is None
        texts = [title] + [b.text for b in blocks]
        joined = "\n".join(texts)
        # Whom the report introduces wins over the office-holders known by
        # name ("President Aliyev"); the editor's alias file wins over both.
        introduced = self._learner.learn(texts, self.gazetteer, self.site_aliases)
        aliases = {**self.people.named_in(joined), **introduced}
        if any(phrase[4:] in joined for phrase in self.gazetteer.descriptors):
            named = {m.code for text in texts for m in self.gazetteer.find_mentions(text, aliases)}
            aliases = {**descriptor_aliases(texts, self.gazetteer, named), **aliases}
        persons = self._learner.country_surnames(texts, self.gazetteer)
        title_reading = read(title, self.gazetteer, aliases, self.cues, persons)
        readings = {b.index: read(b.text, self.gazetteer, aliases, self.cues, persons)
                    for b in blocks}
        ordered_readings = [readings[b.index] for b in blocks]
        home_side = has_home_side(texts, [title_reading, *ordered_readings], self.cues,
                                  [b.text for b in blocks if b.is_heading])
        # "## Ghana", "## SAUDI ARABIA: Golden swords": a subheading naming
        # one country is a stop ("## Tehran, Islamabad highlight…" names both sides).
        stops = {code for b in blocks if b.is_heading for code in _stop(readings[b.index])}
        home = find_home([title_reading, *ordered_readings], stops) if home_side else None
        paragraphs = [r for b, r in zip(blocks, ordered_readings, strict=True) if not b.is_heading]
        leads = any(home in r.hosts for r in [title_reading, *paragraphs[:LEAD_OF_A_TRIP]])
        if home is not None and not leads and sum(home in r.actors for r in paragraphs) \
                < HOME_SHARE * len(paragraphs):
            # A round-up where one item has a visit ("UN envoy visits
            # Laayoune"): nobody's official is the subject throughout. One
            # whose lead has the home side meet or travel stays told from it.
            home_side, home = False, None

        # The groups the report counts ("Five producers agreed…"), read once,
        # and only if some paragraph lists that many countries at all.
        counted = _group_sizes(texts) if any(
            len(r.actors | r.bloc_members) >= COUNTED_GROUP for r in paragraphs) else frozenset()
        if home is not None and _one_of_a_counted_group(home, counted, blocks, readings):
            # "Saudi Arabia and four other producers decided…", then the five
            # listed: the home side is one party of a group acting as one.
            home_side, home = False, None
        if home is not None and partners is not None and home in partners:
            # The editor gives the country that looked like home a briefing:
            # the report is about it like the others ("the quake was felt in
            # Bangkok, where the Pope is on a visit" tells no tour).
            home_side, home = False, None
        # The page's furniture ("© Agence France-Presse", a byline) names no partner.
        folded_title = " ".join(title.split()).casefold()
        furniture = frozenset(b.index for b in blocks if not b.is_heading and is_page_furniture(
            b.text, readings[b.index], self.cues, folded_title)) | lines_before_the_dateline(
            [b for b in blocks if not b.is_heading], readings, self.cues)
        story = [b for b in blocks if b.index not in furniture]
        lead = [b for b in story if not b.is_heading][:1]
        if home is not None and _home_is_the_event(
                home, [title, *(b.text for b in lead)],
                [title_reading, *(readings[b.index] for b in lead)], self.cues):
            # "…won Armenia’s parliamentary elections": the country that is
            # named most is where the story happens, and the leaders who call
            # to congratulate are its neighbours, not its hosts.
            home_side, home = False, None
        if partners is None and home_side:
            partners = self._find_partners(title_reading, story, readings, home, introduced)
            if not partners:
                # Nobody met or visited after all ("the quake was felt in
                # Bangkok, where the Pope arrived on Wednesday"): the story
                # is about its places, like one with no home side.
                home_side, home, partners = False, None, None
        if partners is None:
            partners = self._find_subjects(title_reading, story, readings, counted)
        if automatic:
            headed = {code for b in blocks if b.is_heading for code in readings[b.index].actors}
            partners = self._within_headline_region(title, title_reading, partners, headed)
        paragraphs, section_partners = self._attribute(title_reading, blocks, readings,
                                                       list(dict.fromkeys(partners)), home,
                                                       home_side, furniture,
                                                       frozenset() if home_side else counted)
        return Split(
            partners=list(partners),
            home=home,
            home_side=home_side,
            paragraphs=paragraphs,
            section_partners=section_partners,
            aliases=aliases,
            mentions={b.text: readings[b.index].mentions for b in blocks if not b.is_heading},
        )

    # -- partner discovery -------------------------------------------------

    def _within_headline_region(self, title: str, title_reading: Reading,
                                partners: Sequence[str], headed: set[str]) -> list[str]:
        """Keep the countries found in the region the headline names, or named by it.

        "Asian shares slip as chipmakers slide": the S&P 500's paragraph is
        the Asian markets' background, not a story about the United States.
        A country a subheading names ("## Japan - aid") has a section of its own.
        """
        scope = self.regions.scope(title)
        if scope is None:
            return list(partners)
        named = {m.code for m in title_reading.mentions} | headed
        return [code for code in partners if code in scope or code in named]

    def _headline_actors(self, reading: Reading) -> set[str]:
        # A city in a headline or subheading is where things happened
        # ("Gaza on the agenda"); a capital can stand for its government.
        return {m.code for m in reading.mentions
                if m.code in reading.actors and m.kind != "city"}

    def _find_partners(self, title_reading: Reading, blocks: Sequence[Block],
                       readings: Mapping[int, Reading], home: str | None,
                       aliases: Mapping[str, str]) -> list[str]:
        # A headline names partners, and also the news around them ("as U.S.
        # deportations mount"): it counts for a country whose official the
        # report introduces.
        introduced = set(aliases.values())
        covered: set[str] = self._headline_actors(title_reading) & introduced
        # "Stubb to tour Ghana, Senegal and Kenya".
        covered |= _programme(title_reading, home)
        # One stop is where a summit was held ("arrived in the host city for the
        # summit"); two or more make a tour, whose stops are its partners.
        stops = _stops(title_reading, home)
        listing_meetings = False  # "The Prime Minister met:" then a list
        in_groups: set[str] = set()
        paragraph_number = 0
        for block in blocks:
            reading = readings[block.index]
            if block.is_heading:
                covered |= self._headline_actors(reading)
                listing_meetings = False
                continue
            # Stops of a tour and the guests of a programme are partners too
            # ("will visit Ghana, Kenya…", "is scheduled to meet…").
            covered |= (reading.met - reading.met_in_group) | _programme(reading, home)
            stops |= _stops(reading, home)
            # A group met in the lead is what the report is about ("received
            # the leaders of A, B, C and D"), and so is one further down
            # ("held talks with counterparts from A, B, C…"), unless it is an
            # afterthought ("also held conversations with…"), kept only for a
            # guest the report says more about.
            another = self.cues.another_meeting
            if paragraph_number < LEAD_PARAGRAPHS or not (
                    another is not None and another.search(block.text)):
                covered |= reading.met_in_group
            in_groups |= reading.met_in_group
            paragraph_number += 1
            is_item = block.element is not None and block.element.name == "li"
            if is_item and listing_meetings:
                covered |= reading.actors
            elif not is_item:
                # "The Prime Minister met:", "…memoranda of understanding with:"
                lead_in = block.text.rstrip()
                listing_meetings = lead_in.endswith(("with:", "met:")) or (
                    lead_in.endswith(":") and bool(self.cues.meeting.search(lead_in)))
        if len(stops - {home}) >= TOUR_STOPS:
            covered |= stops
        mentioned = Counter(code for block in blocks for code in readings[block.index].actors)
        covered |= {code for code in in_groups if mentioned[code] >= 2}
        covered.discard(home)
        return _ordered(covered, _first_mentions(blocks, readings))

    def _find_subjects(self, title_reading: Reading, blocks: Sequence[Block],
                       readings: Mapping[int, Reading],
                       counted: frozenset[int] = frozenset()) -> list[str]:
        """Return the countries a report with no home side is about.

        Every country the headline or a subheading names, that acts in the
        lead, that has a paragraph to itself (or shares it with one other),
        or that acts or is the place
        of the story in two paragraphs or more ("Turnout in Portugal…",
        "Hungary blocked…"). One clause elsewhere is a passing mention.
        """
        covered: set[str] = self._headline_actors(title_reading)
        # Named by the headline, a subheading or the lead, or where something happens.
        named = set(covered)
        group: set[str] = set()  # the parties of the group the report counts
        paragraphs: Counter[str] = Counter()
        lead_done = False
        # "Eight OPEC+ countries agreed…" (``counted``): a paragraph naming
        # that many countries names the parties ("the statement agreed by A, B, … H").
        item: set[str] = set()  # the countries of a round-up item's subheading
        for block in blocks:
            reading = readings[block.index]
            if block.is_heading:
                heading = self._headline_actors(reading)
                covered |= heading
                named |= heading
                item = heading if len(heading) <= ROUNDUP_ITEM else set()
                continue
            # "Sweden sent two aircraft": a donor is no subject of its own.
            about = (reading.unquoted_actors - reading.donors) | _subjects(reading, False)
            if not lead_done and (about or reading.actors):
                # The lead names the parties, even in the statement it quotes
                # ("“The eight OPEC+ countries Saudi Arabia, Russia… decided”").
                covered |= about or (reading.actors - reading.donors)
                named |= about or (reading.actors - reading.donors)
                lead_done = True
            # Under "Niue - drought", a paragraph naming a donor is Niue's.
            if len(about) <= PARAGRAPH_OF_ITS_OWN and not (item and about - item):
                covered |= about  # "Iraq and Kazakhstan submitted…"
            placed = reading.happening_actors & reading.unquoted_actors  # "Taiwan fell"
            covered |= placed
            named |= placed
            covered |= reading.people_listed  # "congratulated by the Presidents of A, B…"
            listed = (reading.actors | reading.bloc_members) - reading.donors
            if len(listed) in counted:
                covered |= listed
                group |= listed
            if not reading.meeting:
                covered |= reading.named_places  # "Stocks in Norway and Denmark edged up"
                named |= _subjects(reading, False)  # …and "In Western Sahara, a station…"
            paragraphs.update(about)
            first = reading.mentions[0] if reading.mentions else None
            # "In Western Sahara, a station…" ("In Washington, the Secretary
            # said…" opens on the government, not on a place).
            if first is not None and first.kind == "name" \
                    and _OPENS_ON_A_PLACE.fullmatch(block.text, 0, first.start):
                named.add(first.code)
        covered |= {code for code, n in paragraphs.items() if n >= 2}
        if group:
            # "Eight producers agreed…" and the eight listed: a country outside
            # the group with one paragraph only comments on what the group
            # did ("The U.S. Energy Secretary said the cut was…").
            covered = {code for code in covered
                       if code in group or code in named or paragraphs[code] >= 2}
        return _ordered(covered, _first_mentions(blocks, readings))

    # -- attribution ---------------------------------------------------------

    def _attribute(self, title_reading: Reading, blocks: Sequence[Block],
                   readings: Mapping[int, Reading], partners: list[str],
                   home: str | None, home_side: bool = True,
                   furniture: frozenset[int] = frozenset(),
                   counted: frozenset[int] = frozenset()):
        """Run the rule table (rules.RULES) over the report, paragraph by paragraph."""
        results: list[ParagraphAttribution] = []
        section_partners: dict[int, list[str]] = {}
        # Sections list their partners in the report's partner order, never a
        # set's: set order changes from one interpreter to the next.
        targets = frozenset(partners)
        state = StoryState(targets, home, self.cues, home_side=home_side)
        for heading, section in _sections(blocks):
            focus, where = self._section_focus(heading, section, title_reading, readings,
                                               targets)
            section_partners[LEAD if heading is None else heading.index] = \
                _ordered(focus, partners)
            if heading is not None and not focus and not home_side and state.parties:
                # "## Power lines and a free zone" in a deal between three
                # states: a thematic section goes on with the parties' story.
                state.enter_section({code: f"section: the parties, under ‘{heading.text}’"
                                     for code in _ordered(state.parties, partners)})
                state.group = True
            else:
                state.enter_section({code: f"section: {where}"
                                     for code in _ordered(focus, partners)},
                                    headed=heading is not None)
            for block in section:
                reading = readings[block.index]
                actors = reading.actors
                # Only a report with no home side reads its lists by the count
                # it gives (the caller passes none otherwise).
                if reading.bloc_members and not home_side \
                        and len(actors | reading.bloc_members) in counted:
                    # "the group that met is made up of A, B…" after "eight
                    # countries agreed": the group's list is its parties.
                    actors = actors | reading.bloc_members
                paragraph = Paragraph(block, reading, frozenset(actors & targets),
                                      frozenset(reading.unquoted_actors - targets - {home}),
                                      frozenset(_subjects(reading, home_side) & targets - {home}),
                                      furniture=block.index in furniture)
                rule, decision = decide(paragraph, state)
                state.apply(decision)
                result = ParagraphAttribution(block, set(decision.primary),
                                              reasons=dict(decision.primary), rule=rule)
                if rule != "page_furniture":
                    result.context = (reading.places & targets) - result.primary \
                        - reading.bloc_members
                    for code in sorted(result.context):
                        result.reasons[code] = "context: mentions " + ", ".join(
                            dict.fromkeys(reading.words[code]))
                results.append(result)
        return results, section_partners

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
