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
from dataclasses import dataclass, field

from .cues import Cues
from .gazetteer import Gazetteer, Mention

# A capitalised word straight after a city makes the city part of a name
# ("the Tianjin Declaration"), also after a particle ("San Juan de Lurigancho").
_NAMED_THING = re.compile(r" (?:(?:de|del|da|do|dos|das|la|el) )?[A-Z][a-z]")
# …and so does a river's or a valley's word after it ("the Juba valley",
# "the Juba and Shabelle rivers") or one of these words right before it
# ("the Lower Juba region").
_FEATURE_AFTER = re.compile(r"(?: and [A-Z][\w-]+)? (?:valley|river|rivers|basin|delta)\b")
_REGION_BEFORE = frozenset({"Lower", "Upper", "Middle", "Greater", "Little", "Old"})
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
    # Places named by the country's name ("floods in Laos", not "talks in
    # Doha"): where the story happens, unless officials met there.
    named_places: set[str] = field(default_factory=set)
    opening_place: str = ""  # "In Laos, …": the place the paragraph opens on
    meeting: bool = False  # a meeting cue stands in it (so a place may be a venue)
    # Actors something happens to, right after their name ("Taiwan fell",
    # "Germany’s DAX slipped", "Malawi reported 40 deaths").
    happening_actors: set[str] = field(default_factory=set)
    visited: set[str] = field(default_factory=set)  # "will visit Ghana", "a tour of Qatar"
    # Actors that only send help here ("Sweden sent two aircraft", "India said
    # it would fly tents"): donors to the story's place, not its subject.
    donors: set[str] = field(default_factory=set)
    # Named only in a bloc's membership list ("The bloc's members are
    # Argentina, Australia…"): not even context.
    bloc_members: set[str] = field(default_factory=set)
    # Guests of a meeting still to come ("is scheduled to hold talks with the
    # Tanzanian President…", "will meet X"): partners of a programme or an itinerary.
    planned: set[str] = field(default_factory=set)
    # Who meets or travels: the actors named before a meeting or visit cue in
    # its sentence ("the minister met…", "Stubb will visit…").
    hosts: set[str] = field(default_factory=set)
    # Countries listed as their leaders ("congratulated by the Presidents of
    # Bolivia, Chile and Cuba", "the Prime Ministers of Samoa and Tonga").
    people_listed: set[str] = field(default_factory=set)


def is_passing(text: str, m: Mention, cues: Cues, previous_end: int = -1,
               city_states: frozenset[str] = frozenset()) -> bool:
    """Tell whether a mention names a place or topic rather than an actor.

    :param previous_end: where the mention before it ends (-1 if none).
    :param city_states: the countries whose name is also their capital's.
    """
    if m.text.isupper() and m.kind != "demonym" and not _LOWER.search(text, 0, m.start):
        # An ALL-CAPS dateline is where the reporter filed from ("LONDON/DUBAI
        # –"), but a round-up's label is its item's subject ("GUATEMALA: Voters…"),
        # and an acronym opening a sentence acts ("UAE President…", "US officials…").
        label = _ITEM_LABEL_AFTER.match(text, m.end) if m.start == 0 and m.kind == "name" \
            else None
        if label and (label.group() == ":" or m.code not in city_states):
            return False  # "GUATEMALA: Voters…", "THAILAND – The ministry…"
        return bool(_DATELINE_REST.match(text, m.end))
    after = text[m.end : m.end + 2]
    if len(after) == 2 and after[0] == "-" and after[1].islower():
        return True  # a modifier: "Beijing-brokered", "US-led"
    if m.kind in ("capital", "city") and m.start == 0 and len(text) > DATELINE_LEAD \
            and _DATELINE_AFTER.match(text, m.end):
        # Where the reporter filed from, opening a lead ("New Delhi: An
        # earthquake…"); a subheading "Belgrade: talks on Kosovo" is no lead.
        return True
    if (m.kind == "demonym" or (m.kind == "name" and m.text.isupper())) \
            and cues.nationality_noun is not None and cues.nationality_noun.match(text, m.end):
        return True  # a nationality in passing: "a Spanish priest", "two US aid workers"
    if m.kind == "name" and text.endswith(", ", 0, m.start) and previous_end != m.start - 2 \
            and _TOWN_BEFORE.search(text, max(0, m.start - 60), m.start):
        return True  # the country of a town: "in Arequipa, Peru"
    if m.kind in ("name", "capital", "city"):
        return cues.is_place_before(text[max(0, m.start - 40) : m.start])
    return False


# "in Arequipa, ", "near the town of Puno, ": a place, then its country.
_TOWN_BEFORE = re.compile(
    r"\b(?:in|at|near|from|outside)\s+(?:the\s+\w+\s+of\s+)?(?:[A-Z][\w'’-]+\s+){0,3}"
    r"[A-Z][\w'’-]+,\s*$")


# What follows a round-up item's label: a colon, or a dash and a sentence.
_ITEM_LABEL_AFTER = re.compile(r":|\s[–—-]\s+[A-Z]")
# What follows a place in an ALL-CAPS dateline: punctuation, another
# capitalised place or a date ("MINSK, 29 November", "LONDON/DUBAI –").
_DATELINE_REST = re.compile(r"\s*(?:[,/(:;–—-]|[A-Z]{2,}\b|\d)")
_DATELINE_AFTER = re.compile(r"\s*(?::|[–—-]\s|\((?:[A-Z][\w.]*\s?){1,3}\)\s*[–—-])")
# A lead is longer than this; a subheading is shorter.
DATELINE_LEAD = 120


_LOWER = re.compile(r"[a-z]")
# "In Laos, …", "In the Philippines, …", "Across Vietnam …": a lead on a place.
_OPENING_PLACE = re.compile(r"(?:In|Across|Inside|Throughout)\s+(?:the\s+)?$")


# "… in (the) X": where something happens; "from X", "through X", "to X"
# are a route or a direction, not the story's place.
_IN_PLACE = re.compile(r"\b(?:[Ii]n|[Ii]nside|[Tt]hroughout)\s+(?:the\s+)?$")


# What may stand between two places of one list: "Singapore and Bangkok".
_LIST_GAP = re.compile(r"(?:,\s+|\s+and\s+|,\s+and\s+|\s+or\s+)")
# "a 30% US tariff", "the US market": an abbreviation used as an adjective
# names a topic, not an actor ("US officials said" still acts).
_MODIFIER_BEFORE = re.compile(r"(?:\b(?:a|an|the|its|their|his|her|our)|%)\s+$")
_LOWER_WORD = re.compile(r"\s+[a-z]")


def _is_modifier(text: str, m: Mention, cues: Cues) -> bool:
    """Tell whether an abbreviation (US, UK, UAE) is an adjective: "a 30% US tariff"."""
    if m.kind != "name" or len(m.text.replace(".", "")) > 3 or not m.text.isupper():
        return False
    if cues.market_noun is not None and cues.market_noun.match(text, m.end):
        return True  # "the U.S. dollar softened", "US stocks", "US Treasury yields"
    return bool(_LOWER_WORD.match(text, m.end)
                and not _VERB_AFTER.match(text, m.end)
                and _MODIFIER_BEFORE.search(text, max(0, m.start - 8), m.start))


def _is_origin(text: str, m: Mention) -> bool:
    """Tell whether a demonym only says where someone comes from: "a Japanese drugmaker".

    One of a kind, told by the indefinite article ("a former Uruguayan
    minister", "an Indian-owned tanker"), is a person's or a firm's origin;
    the country does not act ("the Japanese drugmaker's vaccine").
    """
    return m.kind == "demonym" and bool(
        _INDEFINITE_BEFORE.search(text, max(0, m.start - 24), m.start))


_INDEFINITE_BEFORE = re.compile(r"\b(?:[Aa]n?|[Aa]nother)\s+(?:[a-z]+(?:-[a-z]+)?\s+)?$")


# "the UAE has close ties", "the US will": a verb after it, so it acts.
_VERB_AFTER = re.compile(r"\s+(?:has|had|have|is|was|were|are|will|would|can|could|may|might"
                         r"|must|should|said|says|also|and|or|to|as|on|in)\b")


# How near (in characters) a place and the word of what happens there stand.
HAPPENING_REACH = 50
# How far after a country's name its verb of sending help may stand
# ("India said it would fly", "Japan’s government pledged").
AID_REACH = 32


class _Happenings:
    """The spans of a paragraph's words of something happening ("killed", "fell")."""

    def __init__(self, text: str, cues: Cues):
        assert cues.happening is not None
        self.spans = [m.span() for m in cues.happening.finditer(text)]

    def within(self, start: int, end: int) -> bool:
        """Tell whether one stands wholly inside text[start:end]."""
        start = max(0, start)
        return any(start <= a and b <= end for a, b in self.spans)


def read(text: str, gazetteer: Gazetteer, aliases: Mapping[str, str], cues: Cues,
         persons: frozenset[str] = frozenset()) -> Reading:
    """Return the reading of one block's text.

    :param persons: country names the report uses as people's names
        ("Prime Minister Luís Montenegro"): never read as the country.
    """
    mentions = gazetteer.find_mentions(text, aliases)
    # Where each word of something happening stands, found in one pass: each
    # mention then asks only whether one stands near it, and a paragraph
    # with none (most of a tour's) skips those questions.
    happenings = _Happenings(text, cues) if mentions and cues.happening is not None else None
    if happenings is not None and not happenings.spans:
        happenings = None
    if persons or "-speaking" in text:
        mentions = [m for m in mentions if m.text not in persons
                    and not text.startswith("-speaking", m.end)]  # a language, not a country
    actors: set[str] = set()
    places: set[str] = set()
    named_places: set[str] = set()
    happening_actors: set[str] = set()
    words: dict[str, list[str]] = {}
    actor_mentions = []
    candidates = []  # mentions that may be a meeting's guests
    opening = ""
    previous: Mention | None = None  # the latest place mention, for lists of places
    mention_end = -1  # where the latest mention ends
    chain: list[str] = []  # the list of countries the latest mention ends
    led_by_people = False  # …and whether people lead it ("the Presidents of A, B…")
    people_listed: set[str] = set()
    previous_named = False  # the latest place is where the story happens
    # A place in quoted speech is the speaker's, not the story's subject.
    quoted = _quoted_spans(text) if happenings is not None else []
    for m in mentions:
        if m.kind in PLACE_KINDS and (_NAMED_THING.match(text, m.end)
                                      or _FEATURE_AFTER.match(text, m.end) or text[
                max(0, m.start - 8) : m.start].rstrip().rpartition(" ")[2] in _REGION_BEFORE):
            continue  # part of a name: "the Tianjin Declaration", "Tehran Times", "Lower Juba"
        # "China, Hong Kong and South Korea fell": the list a mention ends.
        if before_end_list(text, mention_end, m.start):
            chain.append(m.code)
            if led_by_people:
                people_listed.add(m.code)
        else:
            chain = [m.code]
            led_by_people = (text.endswith(("of ", "from ", "the "), 0, m.start)
                             and cues.listed_people is not None
                             and bool(cues.listed_people.search(text, max(0, m.start - 40),
                                                                m.start)))
            if led_by_people:
                people_listed.add(m.code)  # "the Presidents of Bolivia, Chile, …"
        before_end, mention_end = mention_end, m.end  # "Chile, Peru": a list, not a town
        words.setdefault(m.code, []).append(m.text)
        if m.kind != "city":
            candidates.append(m)
        # "services to Singapore and Bangkok": a list of places stays one.
        listed = previous is not None and before_end_list(text, previous.end, m.start)
        if listed or is_passing(text, m, cues, before_end, gazetteer.city_states) \
                or _is_modifier(text, m, cues) or _is_origin(text, m) or (
                m.kind == "demonym" and cues.place_noun is not None
                and cues.place_noun.match(text, m.end)):  # "the Vietnamese border"
            places.add(m.code)
            previous = m
            if happenings is not None and m.kind == "name" and not _inside(m.start, quoted) \
                    and (_IN_PLACE.search(text, max(0, m.start - 12), m.start)
                         or (listed and previous_named)) \
                    and happenings.within(m.start - HAPPENING_REACH, m.end + HAPPENING_REACH):
                named_places.add(m.code)  # "Stocks in Norway and Denmark edged up"
            previous_named = m.code in named_places
            if not opening and m.start < 12 and m.kind != "demonym" \
                    and _OPENING_PLACE.match(text[: m.start]) \
                    and not text.startswith("-", m.end):
                opening = m.code
        else:
            actors.add(m.code)
            actor_mentions.append(m)
            previous, previous_named = None, False
            if happenings is not None and happenings.within(m.end, m.end + HAPPENING_REACH // 2):
                # "Germany’s DAX slipped", "Taiwan fell", and each of a list
                # before it: "China, Hong Kong and South Korea fell".
                happening_actors.update(chain)
    people_listed |= _listed_by_their_leaders(text, mentions, cues)
    met, met_in_group, meeting, planned, cue_spans = _met(text, candidates, cues)
    visited, visit_spans = _visited(text, mentions, cues)
    donors = _donors(text, actor_mentions, cues) - met
    # A guest is an actor even where the list reads like a place
    # ("met his counterparts from Britain, Japan and Canada").
    actors |= met
    actor_mentions += [m for m in candidates if m.code in met and m not in actor_mentions]
    in_bloc_list = _bloc_members(text, mentions, cues) - met
    if in_bloc_list:
        actors -= in_bloc_list
        actor_mentions = [m for m in actor_mentions if m.code not in in_bloc_list]
    places -= actors
    spans = cue_spans + visit_spans
    hosts = {m.code for m in actor_mentions if any(start <= m.start < end for start, end in spans)
             } - met - planned - visited if spans else set()
    return Reading(mentions, actors, places, words, met, met_in_group,
                   _unquoted(text, actor_mentions),
                   _first(cues.continuation.search(text)),
                   bool(cues.opens_with_continuation.search(text)),
                   named_places - actors, opening if opening in places else "",
                   meeting, happening_actors, visited, donors, in_bloc_list,
                   planned - met, hosts, people_listed & actors - in_bloc_list)


def _listed_by_their_leaders(text: str, mentions: Sequence[Mention], cues: Cues) -> set[str]:
    """Return the countries of a list of demonyms before a title: each one's leader acts.

    "the Belarusian, Venezuelan and Cuban presidents", "the French, German
    and Italian leaders": as "the Presidents of A, B and C" is.
    """
    found: set[str] = set()
    if sum(m.kind == "demonym" for m in mentions) < LISTED_LEADERS:
        return found  # most paragraphs: no list of demonyms at all
    run: list[Mention] = []
    for m in [*mentions, None]:
        if m is not None and m.kind == "demonym" and (
                not run or before_end_list(text, run[-1].end, m.start)):
            run.append(m)
            continue
        if len(run) >= LISTED_LEADERS:
            after = text[run[-1].end: run[-1].end + 40].split()[:3]
            if any(w.strip(",.;:").casefold().rstrip("s") in cues.title_words
                   or w.strip(",.;:").casefold() in _LEADER_NOUNS for w in after):
                found.update(r.code for r in run)
        run = [m] if m is not None and m.kind == "demonym" else []
    return found


# A list of demonyms this long before a title names each one's leader.
LISTED_LEADERS = 2
_LEADER_NOUNS = frozenset({"leaders", "counterparts", "heads", "delegations", "envoys"})


def before_end_list(text: str, previous_end: int, start: int) -> bool:
    """Tell whether only a list's joint (", ", " and ") stands between two mentions."""
    return previous_end >= 0 and bool(_LIST_GAP.fullmatch(text, previous_end, start))


def _bloc_members(text: str, mentions: Sequence[Mention], cues: Cues) -> set[str]:
    """Return the countries named only in a bloc's membership list ("members are A, B, C…")."""
    if cues.membership is None or not mentions:
        return set()
    listing = list(cues.membership.finditer(text))
    if not listing:
        return set()
    members: dict[str, bool] = {}
    for m in mentions:
        start = text.rfind(". ", 0, m.start)
        in_list = any(start < cue.start() < m.start for cue in listing)
        if not in_list and m.kind == "city":
            continue  # "whose secretariat sits in Arusha": the bloc's seat, in passing
        members[m.code] = members.get(m.code, True) and in_list
    return {code for code, only_listed in members.items() if only_listed}


def _donors(text: str, actor_mentions: Sequence[Mention], cues: Cues) -> set[str]:
    """Return the actors that send help here, every mention of them followed by an aid verb."""
    if cues.aid is None or not actor_mentions or not cues.aid.search(text):
        return set()
    helping: dict[str, bool] = {}
    for m in actor_mentions:
        end = sentence_end(text, m.end)
        window = text[m.end : end][:AID_REACH]
        cue = cues.aid.search(window)
        # "pledged to boost their compliance" is a promise of its own, not help.
        sends = cue is not None and not (cues.help_infinitive is not None and cues.help_infinitive
                                         .match(text, m.end + cue.end(), end))
        helping[m.code] = helping.get(m.code, True) and sends
    return {code for code, only_helps in helping.items() if only_helps}


def _quoted_spans(text: str) -> list[tuple[int, int]]:
    """Return where quoted speech stands in ``text``."""
    if "“" not in text and '"' not in text:
        return []  # no quotation: skip the regex
    return [m.span() for m in _QUOTED.finditer(text)]


def _inside(position: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(start <= position < end for start, end in spans)


def _unquoted(text: str, actor_mentions: Sequence[Mention]) -> set[str]:
    """Return the countries of the mentions outside quoted speech."""
    quoted = _quoted_spans(text)
    return {m.code for m in actor_mentions if not _inside(m.start, quoted)}


def _first(match) -> str:
    return match.group(0) if match else ""


_TALKS_INCLUDED = re.compile(r"\b(?:[Tt]he (?:talks|meetings|bilaterals|discussions))\b"
                             r"[^.]{0,60}?\bincluded\b")
# Meeting cues that are infinitives: a meeting to come only when scheduled
# ("is set to meet", "will hold talks with").
_INFINITIVES = frozenset({"meet", "hold"})
# How far past a bare verb ("met, on the sidelines of …, with") its "with" may stand.
WITH_REACH = 120


def _met(text: str, mentions: Sequence[Mention], cues: Cues
         ) -> tuple[set[str], set[str], bool, set[str], list[tuple[int, int]]]:
    """Return the countries meeting cues in ``text`` name as guests, those
    named in a group of GROUP_SIZE or more ("held conversations with the
    leaders of Malaysia, Nepal, Egypt, Vietnam"), and whether a meeting cue
    stands in the text at all.

    Guests follow the cue, in its own sentence, with only names, titles and
    list words between ("met with Pakistani Prime Minister…", "received H.E.
    Alassane Ouattara, President of the Republic of Côte d'Ivoire, and…");
    a bare verb may reach past an aside to its "with" ("met, on the
    sidelines of the summit, with…"). A meeting noun in reported speech
    makes no partner, so "condemning the US build-up" or "said his meeting
    with Trump…" do not; a meeting still to come gives its guests as
    *planned* (the fourth value), not met. The last value is where each
    cue's subject may stand: from its sentence's start to the cue.
    """
    met: set[str] = set()
    in_groups: set[str] = set()
    planned: set[str] = set()
    spans: list[tuple[int, int]] = []
    meeting = False
    if not mentions:
        return met, in_groups, meeting, planned, spans  # nobody to be a guest
    for cue in cues.meeting.finditer(text):
        start = sentence_start(text, cue.start())
        held = cue.group(0).split()[0] in cues.held_verbs
        future = bool(cues.future.search(text, start, cue.start())
                      or cues.future.search(cue.group(0)))
        if (not held and not future and cues.reported.search(text, start, cue.start())) \
                or text.startswith(" by ", cue.end()) \
                or (not future and cue.group(0).split()[0] in _INFINITIVES):
            # Reported, the host ("hosted by Egypt"), or a meeting only
            # wished for ("would be glad to meet the Pope one day"), not scheduled.
            continue
        end = sentence_end(text, cue.end())
        guests = _guests(text, cue.end(), end, mentions, cues)
        if not guests and (held or future) and not cue.group(0).endswith("with"):
            with_at = text.find(" with ", cue.end(), min(end, cue.end() + WITH_REACH))
            if with_at >= 0:
                guests = _guests(text, with_at + 5, end, mentions, cues)
        # Whoever the sentence names before the cue is the one who meets, not
        # a guest: "Finnish President Stubb… thanked his
        # counterparts, the Finnish presidency said".
        guests -= {m.code for m in mentions if start <= m.start < cue.start()
                   and m.kind not in PLACE_KINDS and not m.text.isupper()}
        spans.append((start, cue.start()))
        if future:
            if "attended" not in cue.group(0):  # "will be attended by…" lists a summit's guests
                planned |= guests
            continue
        meeting = True
        _add_guests(guests, met, in_groups)
    # "The talks in the capital included Chile, Peru …": the meeting noun
    # names its guests after "included".
    for listing in _TALKS_INCLUDED.finditer(text) if "included" in text else ():
        guests = _guests(text, listing.end(), sentence_end(text, listing.end()), mentions, cues)
        if guests:
            meeting = True
            _add_guests(guests, met, in_groups)
    return met, in_groups, meeting, planned, spans


def _add_guests(guests: set[str], met: set[str], in_groups: set[str]) -> None:
    """Record a meeting's guests, and its group when they are GROUP_SIZE or more."""
    met |= guests
    if len(guests) >= GROUP_SIZE:
        in_groups |= guests


# Words before a full stop that is no sentence's end ("Dr. Mustafa", "H.E. Mr. Lula").
_ABBREVIATIONS = frozenset({"dr", "mr", "mrs", "ms", "prof", "gen", "col", "lt", "maj", "capt",
                            "st", "jr", "sr", "no", "h.e", "h.h", "h.m", "u.s", "u.k", "u.n",
                            "hon", "sen", "rep", "gov", "amb"})


def sentence_start(text: str, at: int) -> int:
    """Return where the sentence going on at ``at`` starts (its ". ", or 0)."""
    return max(text.rfind(". ", 0, at), 0)


def sentence_end(text: str, start: int) -> int:
    """Return where the sentence going on at ``start`` ends (its ". "), or len(text)."""
    end = text.find(". ", start)
    while end >= 0:
        word = text[text.rfind(" ", 0, end) + 1 : end].casefold()
        if word not in _ABBREVIATIONS and not (len(word) == 1 and word.isalpha()):
            return end
        end = text.find(". ", end + 2)
    return len(text)


def _visited(text: str, mentions: Sequence[Mention], cues: Cues
             ) -> tuple[set[str], list[tuple[int, int]]]:
    """Return the countries a visit cue names as its stops ("a tour of Qatar
    and Oman"), and where each cue's subject may stand (see :func:`_met`)."""
    if not mentions or cues.visit is None:
        return set(), []
    stops: set[str] = set()
    spans: list[tuple[int, int]] = []
    for cue in cues.visit.finditer(text):
        stops |= _guests(text, cue.end(), sentence_end(text, cue.end()),
                         [m for m in mentions if m.kind != "demonym"], cues)
        spans.append((sentence_start(text, cue.start()), cue.start()))
    return stops, spans


def _guests(text: str, after: int, end: int, mentions: Sequence[Mention], cues: Cues
            ) -> set[str]:
    """Return the countries listed from ``after`` on, up to ``end`` or a non-list word."""
    previous_end, guests = after, set()
    for m in mentions:
        if m.start < previous_end:
            continue
        if m.start >= end or not _guest_gap(text[previous_end : m.start], cues):
            break
        guests.add(m.code)
        previous_end = m.end
    return guests


_GAP_TOKEN = re.compile(r"[^\s,;\-–]+")


def _guest_gap(gap: str, cues: Cues) -> bool:
    """Tell whether only names, titles and list words stand in ``gap``."""
    if len(gap) > MEETING_REACH:
        return False
    # "envoys Ama Diallo (Côte d’Ivoire) and…": a country in brackets.
    for token in _GAP_TOKEN.findall(gap.replace("’s", "").replace("'s", "")
                                    .replace("(", " ").replace(")", " ")):
        word = token.casefold().rstrip(".:")
        if token[0].isupper() or word in cues.gap_words or word.rstrip("s") in cues.gap_words:
            continue
        return False
    return True
