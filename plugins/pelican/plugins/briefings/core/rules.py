"""The splitting rules: one named function each, tried in table order.

Pure core: no Pelican import. Each rule takes a paragraph and the state of
the story and returns a :class:`~.story.Decision` (the partners it gives the
paragraph, each with a reason, and what changes for the paragraphs after
it), or ``None`` to let the next rule decide. The first rule that decides
wins. :data:`RULES` is the table, in the order README's "How paragraphs are
attributed" lists the rules; ``invoke split`` prints the deciding rule's
name beside each paragraph.

Context (a partner named only as a place or topic) is not a rule: it is
added to whatever the deciding rule gave, except for page furniture.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence

from .cues import Cues
from .reading import GROUP_SIZE, Reading
from .report import DATELINE, Block
from .story import Decision, Paragraph, StoryState

Rule = Callable[[Paragraph, StoryState], "Decision | None"]

CONTINUES = "continues the talks with it"
# A subheading naming this many countries or fewer heads a round-up's item;
# one naming more ("Canada, Mexico and China respond") is thematic.
ROUNDUP_ITEM = 2


def page_furniture(p: Paragraph, state: StoryState) -> Decision | None:
    """"Leave a Comment", "Share this": the news site's page, not the report.

    So are the report's headline repeated as a paragraph, and a short line
    of names only that names no country, or only cities (a byline:
    "Somchai Rattana and Mira Holm", "Bloomberg News"; a dateline:
    "Bangkok and Kuala Lumpur").
    """
    if p.furniture:  # is_page_furniture, asked once per paragraph by the splitter
        return Decision({})
    return None


def is_page_furniture(text: str, reading: Reading, cues: Cues, title: str = "") -> bool:
    """Tell whether a paragraph is the page's (see :func:`page_furniture`).

    :param title: the report's headline, whitespace collapsed and casefolded.
    """
    return cues.is_furniture(text) or (
        bool(title) and " ".join(text.split()).casefold() == title) or (
        is_names_only(text) and all(m.kind in ("capital", "city") for m in reading.mentions))


# How far into a report its dateline may stand, and how long a line before
# it may be to be the page's (a caption, a date, a byline).
DATELINE_WITHIN = 3
LINE_BEFORE_DATELINE = 300


def lines_before_the_dateline(paragraphs: Sequence[Block], readings: Mapping[int, Reading],
                              cues: Cues) -> set[int]:
    """Return the block indexes of the short lines above the story's dateline.

    The story starts where the reporter filed from ("ANTAKYA, Turkey (AP) —");
    a short line above it is the page's, a photo's caption with no credit
    ("Rescuers search the rubble of a block in Antakya."), unless it reports
    what someone said. A round-up's label ("LAOS – Tariffs rose…") is no
    dateline: it names a country, not where a reporter filed from.
    """
    for number, block in enumerate(paragraphs[:DATELINE_WITHIN]):
        match = DATELINE.match(block.text)
        if match is None:
            continue
        first = readings[block.index].mentions[:1]
        if "(" not in match.group(0) and "," not in match.group(0) and not (
                first and first[0].start == 0 and first[0].kind in ("capital", "city")):
            return set()
        # A caption is a sentence; a line with no stop is an item's
        # headline ("Kenya's central bank cuts key rate"), the story's.
        return {b.index for b in paragraphs[:number] if len(b.text) <= LINE_BEFORE_DATELINE
                and b.text.rstrip().endswith(".") and not cues.reported.search(b.text)}
    return set()


# A byline or a desk's name: a few capitalised words, "and" between them.
NAMES_ONLY_WORDS = 6


def is_names_only(text: str) -> bool:
    """Tell whether ``text`` is a short line of capitalised names and nothing else."""
    words = text.replace(",", " ").split()
    return 0 < len(words) <= NAMES_ONLY_WORDS and text.rstrip()[-1:].isalpha() and all(
        w[0].isupper() or w in ("and", "&") for w in words)


def place_is_subject(p: Paragraph, state: StoryState) -> Decision | None:
    """"In Laos, at least 20 people died…": the place is what the paragraph is about.

    A place is a subject when the paragraph opens on it, or, in a report
    with no home side, wherever it is named as a country (not a capital or
    city, which stand for venues) in a paragraph where nobody meets: the
    venue of a summit stays a venue. The story then follows the place.
    """
    if not p.subjects:
        return None
    primary = {code: "is about what happens in " + ", ".join(dict.fromkeys(p.reading.words[code]))
               for code in sorted(p.subjects)}
    for code in sorted(p.actors):
        primary[code] = "names " + ", ".join(dict.fromkeys(p.reading.words[code]))
    moves_to = None if state.headed else dict(primary)
    return Decision(primary, moves_to=moves_to, last=set(primary))


def names_partners(p: Paragraph, state: StoryState) -> Decision | None:
    """A paragraph naming partners as actors goes to them.

    If it opens as the meeting's continuation ("The ministers also
    discussed … Georgian territory"), the meeting's partners keep it too; a
    new meeting ("met with X") moves the story to its guests. In a report
    with no home side the story follows whoever the paragraph is about.
    """
    if not p.actors:
        return None
    reading = p.reading
    primary: dict[str, str] = {}
    group = continued(p, state) if reading.continues else set()
    # With no home side, "the energy chiefs of the three countries, with
    # Kazakhstan's … in the chair" still speaks of the whole list of parties.
    # ("the talks" there is the event, named beside its own actors).
    nouns = state.cues.meeting_noun
    of_the_parties = bool(group) and not state.home_side and state.group and not reading.met \
        and not (nouns is not None and nouns.search(reading.continues))
    if (reading.opens_continuing or of_the_parties) and group and not reading.met:
        primary.update((code, CONTINUES) for code in sorted(group))
    if roundup_item(state) and not p.actors - state.focus.keys():
        # A round-up's item belongs to the countries its subheading names:
        # under "Tonga/Japan - aid" a paragraph naming Tonga goes to Japan too.
        primary.update((code, why) for code, why in state.focus.items())
    for code in sorted(p.actors):
        primary[code] = "names " + ", ".join(dict.fromkeys(reading.words[code]))
    met = reading.met & state.targets
    moves_to, in_group = None, False
    if met and not met & state.focus.keys():
        moves_to = {code: "follows the meeting in ‘%s…’" % p.text[:60] for code in sorted(met)}
        in_group = len(met) >= GROUP_SIZE
    elif not state.home_side and not state.headed and not met and not of_the_parties:
        moves_to = {code: "follows ‘%s…’" % p.text[:60] for code in sorted(p.actors)}
        in_group = len(p.actors) >= GROUP_SIZE  # a list of parties
    # Partners named only in quoted speech do not become the subject of
    # what follows.
    last = set(primary) & (reading.unquoted_actors | group)
    return Decision(primary, moves_to=moves_to, last=last, group=in_group)


def topic_shift(p: Paragraph, state: StoryState) -> Decision | None:
    """"Separately…", "The forum brought together…": the story leaves the partners."""
    cues = state.cues
    if cues.event.search(p.text):
        return Decision({}, ends_story=True)
    if cues.topic_shift.search(p.text) and (state.home_side or p.third_parties):
        # With no home side, "Meanwhile, the junior minister takes the
        # fisheries post" names nobody else: it goes on with the same country.
        return Decision({}, ends_story=True)
    return None


def bloc_membership(p: Paragraph, state: StoryState) -> Decision | None:
    """"The bloc's members are Argentina, Australia…": background about a bloc."""
    if p.reading.bloc_members:
        return Decision({}, ends_story=True)
    return None


def donor_helps(p: Paragraph, state: StoryState) -> Decision | None:
    """"Sweden sent two water-bombing aircraft": help for the story's place, which goes on.

    With no home side, a paragraph in which other countries only send help
    (``Reading.donors``) belongs to the partner it names as the place the
    help goes to, or else to the story it helps; it does not end the story.
    """
    donors = p.third_parties & p.reading.donors
    if state.home_side or not state.focus or not donors or p.third_parties - donors:
        return None
    who = ", ".join(dict.fromkeys(w for code in sorted(donors) for w in p.reading.words[code]))
    # "India said it would fly tents to Yangon": the help goes where it says.
    bound_for = p.reading.places & state.targets - {state.home}
    if bound_for:
        return Decision({code: "receives help from %s (names %s)" % (
            who, ", ".join(dict.fromkeys(p.reading.words[code]))) for code in sorted(bound_for)})
    return Decision({code: f"{why} (help from {who})" for code, why in state.focus.items()})


def about_someone_else(p: Paragraph, state: StoryState) -> Decision | None:
    """"Uruguay ratified the pact", "The EU said…": someone who is no partner acts."""
    if p.reading.opens_continuing or roundup_item(state):
        return None  # under "Niue - drought", a paragraph naming a donor stays Niue's
    organisation = state.cues.organisation
    if p.third_parties or (organisation is not None and organisation.match(p.text)):
        return Decision({}, ends_story=True)
    return None


def continues_meeting(p: Paragraph, state: StoryState) -> Decision | None:
    """"Both sides…", "During the talks…": the meeting just described.

    With no home side, a list of three or more parties is continued by what
    speaks of the parties ("The ministers also agreed…"), not of the event
    ("The meeting was held by video link" is about none of them).
    """
    nouns = state.cues.meeting_noun
    about_event = nouns is not None and bool(nouns.search(p.reading.continues))
    if p.reading.continues and (state.focus or state.last) \
            and (state.home_side or not state.group or not about_event):
        return Decision(dict.fromkeys(sorted(continued(p, state)), CONTINUES))
    return None


def meets_someone_else(p: Paragraph, state: StoryState) -> Decision | None:
    """"His Highness also met with a group of visiting delegations": a further
    meeting with guests who are no partner; the story leaves the partners."""
    another = state.cues.another_meeting
    if not p.actors and ((another is not None and another.search(p.text)) or (
            state.home_side and not p.reading.continues and not p.third_parties
            and _MEETS_WITH.search(p.text))):
        # "…a picture of his meeting with the EU's foreign policy chief":
        # a meeting with someone who is no country.
        return Decision({}, ends_story=True)
    return None


# A meeting with someone named: "met with", "his meeting with" (not "told
# his counterpart", which speaks of the meeting going on).
_MEETS_WITH = re.compile(r"\b(?:met|meets|meeting|meetings|talks) with\b")


def prices_only(p: Paragraph, state: StoryState) -> Decision | None:
    """"Oil prices have remained elevated, with Brent near $70 a barrel":
    prices of the day, naming no country, are about none; the story goes on."""
    prices = state.cues.prices
    if prices is not None and not p.actors and not p.third_parties and not p.subjects \
            and prices.search(p.text):
        return Decision({})
    return None


def after_group_list(p: Paragraph, state: StoryState) -> Decision | None:
    """After "met the leaders of A, B, C and D", a paragraph that does not
    speak of the meeting (the summit, the host) is about none of them.

    After a list of parties with no home side ("Kazakhstan, Kyrgyzstan and
    Uzbekistan agreed…"), what follows is still theirs ("He also put a levy…",
    "The survey of the route is due by March…"), unless it speaks of the
    event itself ("The meeting was held by video link").
    """
    if not state.group or p.text.startswith(("They ", "Their ")):
        return None  # "They discussed…": the guests just listed
    nouns = state.cues.meeting_noun
    if not state.home_side and not (nouns is not None and p.reading.continues
                                    and nouns.search(p.reading.continues)):
        return None  # "He also put a levy on copper wire."
    return Decision({})  # "The meeting was held by video link."


def follows_section(p: Paragraph, state: StoryState) -> Decision | None:
    """A paragraph naming nobody follows its section or the latest meeting."""
    return Decision(dict(state.focus))


def roundup_item(state: StoryState) -> bool:
    """Tell whether the section is a round-up's item ("Tonga/Japan - aid", "Fiji - scams")."""
    return not state.home_side and state.headed and len(state.focus) <= ROUNDUP_ITEM


def continued(p: Paragraph, state: StoryState) -> set[str]:
    """Return whom "Both sides…" / "During the meeting…" / "All three…" means.

    A pair ("the two leaders", "the meeting") is the one partner the
    paragraph visits, or the latest partner, and the host; otherwise the
    section's or meeting's whole group.
    """
    if state.cues.pair.search(p.reading.continues):
        # "He then arrived in Malaysia … ties between the two countries": the pair is
        # the one partner of the focus the visit is to, else the latest one.
        own = p.reading.visited & state.focus.keys()
        if len(own) == 1:
            return own
        if len(state.last) == 1:
            return set(state.last)
    elif not state.home_side and not state.headed and state.focus.keys() < state.parties:
        # "The trio also discussed…" after a paragraph on one of the
        # parties ("Iraq will host…") speaks of all of them again.
        return set(state.parties)
    return set(state.focus) or set(state.last)


# The table: tried in this order, the first decision wins.
RULES: Sequence[Rule] = (
    page_furniture,
    place_is_subject,
    names_partners,
    topic_shift,
    bloc_membership,
    donor_helps,
    about_someone_else,
    continues_meeting,
    meets_someone_else,
    prices_only,
    after_group_list,
    follows_section,
)


def decide(p: Paragraph, state: StoryState) -> tuple[str, Decision]:
    """Return the name of the rule that decides ``p``, and its decision."""
    for rule in RULES:
        decision = rule(p, state)
        if decision is not None:
            return rule.__name__, decision
    raise AssertionError("follows_section always decides")  # pragma: no cover
