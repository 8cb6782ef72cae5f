"""Load the phrases the splitter reads as structure (titles, meeting cues).

Pure core: no Pelican import. The phrases live in ``data/cues.json`` so an
editor can extend them without touching code.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from . import DATA_DIR

DEFAULT_CUES_PATH = DATA_DIR / "cues.json"
# A furniture line opening ("Reporting by …") is a short line, not a paragraph.
FURNITURE_LINE = 200
# An agency's sign-off: "-- BERNAMA", "(WAM)".
_SIGN_OFF = re.compile(r"[\s\-–—(]*[A-Z][A-Z/]{2,}[\s\-–—)]*"
                       # "– Example News", "— Agency Desk": a dash, then a name only.
                       r"|[–—-]+\s*[A-Z][\w.&’']*(?:\s+[A-Z][\w.&’']*){0,3}\s*")
# Lines of a page's furniture that no phrase list can hold: a date or a time
# alone ("3 March 2021, 09:15", "Sept. 4, 2021", "2021-05-04T08:02:11+00:00"),
# a ticker's figures ("1234.56 -", "-0.67", "A+"), an embedded post's
# signature ("— Desk English (@DeskEnglish) May 4, 2021") and a byline
# ("By Amara Osei and Lena Brandt", "By the agency").
_MONTH = (r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?")
_DAY = r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"
_DATE_LINE = re.compile(
    r"(?:(?:Published|Updated|Posted|Last updated)(?: on)?:?\s+)?(?:"
    rf"(?:[A-Z]{{2,}}\s+)?{_DAY}(?:\d{{1,2}}\s+{_MONTH}|{_MONTH}\s+\d{{1,2}},?)\s+\d{{4}}"
    r"(?:(?:,?\s+|\s+[-–—|]\s+)\d{1,2}:\d{2}(?:\s*[ap]m)?)?\.?"
    # "17 Jul. 11:30 (UTC+3 MSK)": a day and a time, no year.
    rf"|(?:\d{{1,2}}\s+{_MONTH}|{_MONTH}\s+\d{{1,2}}),?\s+\d{{1,2}}:\d{{2}}(?:\s*[ap]m)?"
    r"(?:\s*\([^)]*\))?"
    r"|\d{4}-\d{2}-\d{2}(?:T[\d:.+\-Z]+)?)")
_FEW_LETTERS = re.compile(r"[^A-Za-z]*(?:[A-Za-z][^A-Za-z]*){0,2}")
# A video's running time and source ("01:47 - Source: Example TV") or a menu of
# sections ("Markets | Energy | Asia").
_VIDEO_TIME = re.compile(r"\d{1,2}:\d{2}\s+[-–—]\s.*")
_MENU = re.compile(r"[^|]{1,30}(?:\s\|\s[^|]{1,30}){2,}")
# A teaser cut short by the page: "The storm was the second to reach the coast in…".
_CUT_SHORT = re.compile(r"[^“”\"]*(?:…|\.\.\.)")
_POST_SIGNATURE = re.compile(r"[—–-]\s.*\(@\w+\)")
# A photo's file name opening its caption ("210304-harbour-620.JPG Fishing boats…").
_FILE_NAME = re.compile(r"\S+\.(?:jpe?g|png|gif|webp)\b", re.IGNORECASE)
# An agency's slug closing a story: "//Agency// AB27/06/2021 21:54", "==Agency".
_AGENCY_SLUG = re.compile(r"//\s*[A-Z][\w ]{1,30}//.*|={2,}\s*[A-Z]\w{1,30}\s*")
# A dateline standing alone above the story, with the writer's name:
# "Capital, Town, March 7 / Agency A. Writer /", "TOKYO, Dec. 1 Agency".
_DATELINE_ALONE = re.compile(
    rf"[A-Z][\w’'.-]*(?:[ ,]+[A-Z][\w’'.-]*){{0,4}},\s+{_MONTH}\s+\d{{1,2}}(?:,\s*\d{{4}})?\s*"
    r"(?:/[^/]{1,60}/?|[A-Z][\w ]{1,30})")
# An e-mail address on a short line: the page's contact box, not the story.
_EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
EMAIL_LINE = 120
# A caption's credit closing it: "…tied up in the harbour on Tuesday. (Reuters)".
_CREDIT_AT_END = re.compile(
    r".*(?:\((?:Reuters|AFP|AP|AP Photo[^)]*|EPA|Getty Images|Xinhua|Anadolu|File|Kyodo|EFE)"
    # "(Supplied: Weather Service)", "(ABC News: A. Writer)", "(Xinhua/A. Writer)"
    r"(?:\s*[:/][^)]{1,80})?\)"
    r"|\((?:Supplied|ABC News|Facebook|Twitter|Instagram|Photo courtesy of)\b[^)]{0,80}\)"
    r"|[.—–]\s*(?:AFP|Reuters|AP|EPA|Xinhua)(?:\s+photo)?)\.?")
# A caption's credit, whatever the caption's length: "(Photo by … / AFP)",
# "[File: … /Reuters]", "… via Getty Images", "…, May 4. REUTERS",
# "… Photo: <Name> / <Agency>" closing the line; or a caption naming who
# stands where: "From left, …", "(L-R) …". Substring tests first: most
# paragraphs have none of these, and a search of every one is costly.
_CREDIT_ANYWHERE = ("(Photo by ", "(Photo: ", "[File:", "via Getty Images", "author avatar image",
                    "PHOTO |", "PHOTO|", " / AP ", " / AP.", " / AFP", " / Reuters", " / EPA",
                    "/AFP ", "/Reuters ")
_CAPTION_OPENINGS = ("From left", "(From left", "From right", "Left to right", "L-R", "(L-R",
                     "L to R", "Photo taken on", "This photo taken on", "A photo taken on")
_CREDIT_AT_CLOSE = re.compile(
    r"\s(?:REUTERS|AFP|AP PHOTO|EPA)\s*$"
    r"|\b(?:Photo|PHOTO|Photograph|Picture|Image)s?:\s*[^.!?]{1,80}$")
_CLOSE = 90  # characters: how far from the end a closing credit starts


def is_caption(text: str) -> bool:
    """Tell whether ``text`` is a photo's caption by its credit or its opening."""
    if text.startswith(_CAPTION_OPENINGS):
        return True
    if "/" in text or "PHOTO" in text or "Photo" in text or "[File" in text or "avatar" in text:
        padded = text + " "
        if any(c in padded for c in _CREDIT_ANYWHERE):
            return True
    tail = text[-_CLOSE:]
    return ("REUTERS" in tail or "AFP" in tail or "AP PHOTO" in tail or "EPA" in tail
            or "Photo" in tail or "PHOTO" in tail or "Picture" in tail or "Image" in tail) \
        and bool(_CREDIT_AT_CLOSE.search(tail))


# Who else reported the story, closing it: "Associated Press writer <Name>
# in <City> contributed.", "<Name> contributed reporting from <City>."
_CONTRIBUTED = re.compile(r"[^.]{0,200}\b(?:[Ww]riters?|[Cc]orrespondents?|[Rr]eporters?"
                          r"|[Jj]ournalists?)\b"
                          r"[^.]{0,200}\bcontributed(?: to this (?:report|story)"
                          r"| reporting(?: from [^.]{1,40})?)?\.?")
# A desk's initials and its sources, closing a story: "es/rc (Reuters, AFP)".
_DESK_INITIALS = re.compile(r"[a-z]{1,4}(?:/[a-z]{1,4})+\s*(?:\([\w ,./&-]{1,60}\))?")
# A line of hashtags: "#markets #asia #stocks".
_HASHTAGS = re.compile(r"(?:#\w+\s*){2,}")
# A headline on its own line, as a page lists related stories ("Vote Count Is
# Over in the Capital"): every word capitalised, no closing stop.
_HEADLINE_WORDS = frozenset({"a", "an", "and", "as", "at", "by", "for", "from", "in", "is",
                             "of", "on", "or", "over", "the", "to", "with", "vs"})
# A headline's small words that tie it into a sentence ("… Is Over in
# the Capital", "Talks to Resume"); "of" and "and" alone make a name or a
# list item ("President Sadyr Japarov of Kyrgyzstan").
_HEADLINE_VERBS = _HEADLINE_WORDS - {"a", "an", "and", "of", "or", "the"}
HEADLINE_LINE = 100
HEADLINE_MIN_WORDS = 4


def is_headline_line(text: str) -> bool:
    """Tell whether ``text`` is a headline standing alone (a related story's link)."""
    words = text.split()
    if len(words) < HEADLINE_MIN_WORDS or len(text) > HEADLINE_LINE \
            or text.rstrip()[-1:] in ".!?:;,\"”’)" or "," in text:
        return False
    return all(w[0].isupper() or w[0].isdigit() or w in _HEADLINE_WORDS for w in words) \
        and any(w.casefold() in _HEADLINE_VERBS for w in words)


# A page's widget left in the text: "spot_img".
_WIDGET = re.compile(r"[a-z]+_[a-z_]+")
CAPTION_LINE = 300
_BYLINE = re.compile(r"By\s+(?:[A-Z][\w.’'-]*\s*(?:,|and|&)?\s*){1,6}"
                     r"(?:[–—-]\s*(?:[A-Z][\w.’'-]*\s*){1,4})?")


def _alternation(phrases, ignore_case: bool = False) -> str:
    """Return a regex source matching any of ``phrases``, the longest that fits first.

    So "Prime Minister" wins over "Minister". The phrases are written as a
    trie ("the two (?:leaders|sides)"), not one alternative each: a search
    then tries a few branches at each word instead of every phrase, and,
    as only one path through the trie follows the text, it still tries the
    phrases that fit longest first, like the plain longest-first list.
    Spaces in a phrase match any run of white space.
    """
    phrases = set(phrases)
    if ignore_case:
        # One branch per letter whatever its case, so the longest phrase
        # is still tried first; safe for ASCII, where case is one letter.
        if not all(p.isascii() for p in phrases):
            return _flat_alternation(phrases)
        phrases = {p.lower() for p in phrases}
    if not phrases or any(c.isspace() and c != " " for p in phrases for c in p):
        return _flat_alternation(phrases)  # "\t" would fit two branches
    trie: dict = {}
    for phrase in phrases:
        node = trie
        for char in phrase:
            node = node.setdefault(char, {})
        node[""] = {}  # a phrase ends here
    return _trie_source(trie)


def _trie_source(node: dict) -> str:
    # Longer continuations before "ends here": the engine takes the longest.
    branches = [(r"\s+" if char == " " else re.escape(char)) + _trie_source(child)
                for char, child in sorted(node.items()) if char]
    if "" in node:
        branches.append("")
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"


def _flat_alternation(phrases) -> str:
    # Longest first, so "Prime Minister" wins over "Minister".
    ordered = sorted(set(phrases), key=lambda p: (-len(p), p))
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in ordered)


def _optional(data: dict, key: str, template: str = r"\b(?:%s)\b",
              ignore_case: bool = True) -> re.Pattern | None:
    """Compile an optional phrase list of cues.json into ``template``; None if absent.

    ``ignore_case`` matches each phrase as written, in lower case and with a
    capital first letter ("floods", "Floods"), case-sensitively: a search
    over every paragraph runs several times faster than with re.IGNORECASE.
    """
    phrases = data.get(key)
    if not phrases:
        return None
    if ignore_case:
        phrases = {form for p in phrases for form in (p, p.lower(), p[:1].upper() + p[1:])}
    return re.compile(template % _alternation(phrases))


@dataclass(frozen=True)
class Cues:
    """Compiled phrase patterns used by alias learning and attribution."""

    title: str  # regex source: one official title ("Prime Minister")
    title_words: frozenset[str]
    honorifics: frozenset[str]  # "His Excellency", "H.E.": before a name, not part of it
    meeting: re.Pattern
    future: re.Pattern  # "scheduled to", "will meet": a meeting not held here and now
    reported: re.Pattern  # "said", "according to": a meeting noun after it is only reported
    # "state visit", "tour of": someone travels, so the report has a home side
    # (None when cues.json has no visit_cues).
    visit: re.Pattern | None
    gap_words: frozenset[str]  # what may stand between a meeting cue and its guests
    continuation: re.Pattern  # "Both sides", "The two ministers": the same meeting
    opens_with_continuation: re.Pattern  # the same, as the paragraph's subject
    pair: re.Pattern  # "two", "both": a continuation about one partner and the host
    topic_shift: re.Pattern
    location_words: frozenset[str]  # "in", "on", "against", "port of": a place or topic
    event: re.Pattern  # "the forum brought together…": about the event, not a partner
    furniture: frozenset[str]  # "Leave a Comment": the news site's page, not the report
    happening: re.Pattern | None = None  # "killed", "voters", "fell": something happens there
    furniture_openings: tuple[str, ...] = ()  # "Reporting by …", "Related: …", casefolded
    furniture_markers: tuple[str, ...] = ()  # "Photo:": a caption line
    organisation: re.Pattern | None = None  # "The EU said…": a subject that is no country
    place_noun: re.Pattern | None = None  # "border", "coast": after a demonym, a place
    nationality_noun: re.Pattern | None = None  # "a Spanish priest": a nationality in passing
    meeting_noun: re.Pattern | None = None  # "the meeting", "the talks": the event, not the parties
    aid: re.Pattern | None = None  # "sent", "pledged": a country helping another's story
    membership: re.Pattern | None = None  # "members are", "comprising": a bloc's list
    another_meeting: re.Pattern | None = None  # "also met": a further meeting
    joint_summit: re.Pattern | None = None  # "tripartite summit": states meeting as equals
    home_event: re.Pattern | None = None  # "’s parliamentary elections": the home is the story
    prices: re.Pattern | None = None  # "Brent", "oil prices": a paragraph of prices
    market_noun: re.Pattern | None = None  # " dollar", " stocks": after "US", a market's background
    listed_people: re.Pattern | None = None  # "the Presidents of ": a list of countries acts
    people_from: frozenset[str] = frozenset()  # "ministers" (from): origin, not a place
    help_infinitive: re.Pattern | None = None  # " to send": an aid cue that is help, not a promise
    held_verbs: frozenset[str] = frozenset()  # "met", "held": a meeting cue that reports one held

    @classmethod
    def from_file(cls, path: Path = DEFAULT_CUES_PATH) -> Cues:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        return cls.from_mapping(data)

    @classmethod
    def from_mapping(cls, data: dict) -> Cues:
        # "acting Foreign Minister": a prefix is part of the title.
        prefixes = _alternation(data.get("title_prefixes", []), ignore_case=True)
        titles = data["titles"]
        words = frozenset(w.lower() for t in titles for w in t.split())
        meeting = re.compile(r"\b(?:%s)\b" % _alternation(data["meeting_cues"]))
        shift = re.compile(r"^\W*(?:%s)\b" % _alternation(data["topic_shift_cues"]))
        future = re.compile(r"\b(?:%s)\b" % _alternation(data["future_cues"], ignore_case=True),
                            re.IGNORECASE)
        reported = re.compile(r"\b(?:%s)\b" % _alternation(data.get("reported_cues", []),
                                                             ignore_case=True), re.IGNORECASE)
        visit = _optional(data, "visit_cues")
        continuation_cues = _alternation(data["continuation_cues"], ignore_case=True)
        continuation = re.compile(r"\b(?:%s)\b" % continuation_cues, re.IGNORECASE)
        # "The ministers also…", "Moreover, the ministers…".
        opens = re.compile(r"^\W*(?:\w+,?\s+){0,2}?(?:%s)\b" % continuation_cues,
                           re.IGNORECASE)
        return cls(
            title=(rf"(?i:(?:(?:{prefixes})\s+)?(?:{_alternation(titles, True)}))" if prefixes
                   else rf"(?i:{_alternation(titles, True)})"),
            title_words=words,
            honorifics=frozenset(h.casefold() for h in data.get("honorifics", [])),
            meeting=meeting,
            future=future,
            reported=reported,
            visit=visit,
            gap_words=frozenset(w.casefold() for w in data.get("gap_words", [])) | words
            | frozenset(w.casefold() for p in data.get("title_prefixes", []) for w in p.split()),
            continuation=continuation,
            opens_with_continuation=opens,
            pair=re.compile(r"\b(?:%s)\b" % _alternation(data["pair_words"], ignore_case=True),
                            re.IGNORECASE),
            topic_shift=shift,
            location_words=frozenset(w.casefold() for w in data["location_words"]),
            event=re.compile(r"\b(?:%s)\b" % _alternation(data.get("event_cues", []),
                                                            ignore_case=True),
                             re.IGNORECASE),
            furniture=frozenset(f.casefold() for f in data.get("page_furniture", [])),
            happening=_optional(data, "happening_cues"),
            furniture_openings=tuple(f.casefold()
                                     for f in data.get("page_furniture_openings", [])),
            furniture_markers=tuple(data.get("page_furniture_markers", [])),
            organisation=_optional(data, "organisations",
                                   r"^\W*(?:The\s+)?(?:%s)(?:’s|'s)?(?![\w+])", ignore_case=False),
            meeting_noun=_optional(data, "meeting_nouns"),
            aid=_optional(data, "aid_cues"),
            # "(?!\w)": a cue may end in a colon ("has eight members: A, B…").
            membership=_optional(data, "membership_cues", r"\b(?:%s)(?!\w)"),
            another_meeting=_optional(data, "another_meeting_cues"),
            joint_summit=_optional(data, "joint_summit_cues"),
            # Right after a country's name: "Armenia’s parliamentary elections",
            # "Armenian election", "Nepal floods" (up to two words between).
            home_event=_optional(data, "home_event_nouns",
                                 r"(?:’s|'s)?(?:\s+[a-z][a-z-]*){0,2}\s+(?:%s)\b"),
            prices=_optional(data, "price_cues", ignore_case=False),
            market_noun=_optional(data, "market_nouns", r"\s+(?:%s)\b", ignore_case=False),
            listed_people=_optional(data, "listed_people_nouns",
                                    r"\b(?:%s) (?:of|from) (?:the )?$"),
            people_from=frozenset(w.casefold() for w in data.get("people_from_nouns", [])),
            # The negative look-ahead: an infinitive not in the list is no help.
            help_infinitive=_optional(data, "help_infinitives", r"\s+to\s+(?!%s)\w",
                                      ignore_case=False),
            held_verbs=frozenset(data.get("held_meeting_verbs", [])),
            place_noun=_optional(data, "place_nouns", r"\s+(?:%s)\b", ignore_case=False),
            nationality_noun=_optional(data, "nationality_nouns", r"\s+(?:%s)\b",
                                       ignore_case=False),
        )


    def is_furniture(self, text: str) -> bool:
        """Tell whether a paragraph is the news site's page ("Share this", "Reporting by …")."""
        folded = text.strip(" .:-–—").casefold()
        if folded in self.furniture or _FILE_NAME.match(text):
            return True
        if len(text) < CAPTION_LINE and _CREDIT_AT_END.fullmatch(text.strip()):
            return True
        stripped = text.strip()
        if is_caption(text) or (text.startswith("#") and _HASHTAGS.fullmatch(stripped)) \
                or is_headline_line(text) or ("contributed" in text
                                              and _CONTRIBUTED.fullmatch(stripped)) \
                or ("/" in text and _DESK_INITIALS.fullmatch(stripped)):
            return True
        if len(folded) >= FURNITURE_LINE:
            return False
        return (folded.startswith(self.furniture_openings)
                or any(marker in text for marker in self.furniture_markers)
                or any(pattern.fullmatch(text.strip()) for pattern in (
                    _SIGN_OFF, _DATE_LINE, _FEW_LETTERS, _BYLINE, _VIDEO_TIME, _MENU,
                    _CUT_SHORT, _WIDGET, _AGENCY_SLUG, _DATELINE_ALONE))
                or (len(text) < EMAIL_LINE and "@" in text and bool(_EMAIL.search(text)))
                or bool(_POST_SIGNATURE.match(text)))

    def is_place_before(self, before: str) -> bool:
        """Tell whether ``before`` ends in a word that makes a place ("in the")."""
        words = before.casefold().split()[-3:]
        if words and words[-1] == "the":
            words.pop()
        if len(words) >= 2 and words[-1] == "from" and words[-2] in self.people_from:
            return False  # "Ministers from Chile, Peru…": who comes, not where
        return bool(words) and (words[-1] in self.location_words
                                or " ".join(words[-2:]) in self.location_words)


@lru_cache(maxsize=4)
def default_cues() -> Cues:
    """Return the cues shipped with the plugin (read once per process)."""
    return Cues.from_file()
