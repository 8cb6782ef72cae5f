"""Turn a split report into briefing data: excerpts, headline, summary, topics.

Pure core: no Pelican import. A briefing quotes the report's own paragraphs,
verbatim and in report order; nothing here rewrites the reporter's words.
Its headline and summary are the report's own words too, chosen, never made:

* **headline**: the subheading that gives the country its section; else the
  report's headline when it names that partner and no other; else the
  report's first sentence that names the country (see :func:`choose_headline`);
* **summary**: a sentence that names the country (or a person the report tied
  to it), opens without a pronoun that needs an earlier sentence ("He
  thanked…"), and is neither the headline nor taken from the first quoted
  paragraph, which the page shows right below it (see :func:`choose_summary`).
"""

from __future__ import annotations

import html as html_lib
import re
from dataclasses import dataclass, field

from .attribution import Split
from .gazetteer import Gazetteer
from .report import DATELINE, Block, ParsedReport
from .topics import TopicMatcher

# Elements whose inner HTML is phrasing content, so it can sit in a <p>.
_PHRASING_PARENTS = frozenset({"p", "li", "dd", "dt", "h1", "h2", "h3", "h4", "h5", "h6"})
_SENTENCE_END = re.compile(r"(?<=[.!?])[”’\"')\]]*\s+(?=[“‘\"(\[]?[A-Z0-9])")
# A sentence opening like this leans on the one before it ("He thanked…",
# "Both sides…"): it cannot stand alone as a summary or headline.
_LEANS_BACK = re.compile(
    r"^[“‘\"(]?(?:He|She|It|They|His|Her|Its|Their|Him|Them|This|That|These|Those|"
    r"Both|Such|Also|And|But|However|Meanwhile|The two|The three|The (?:latter|former))\b")
# A sentence that points back early on ("Rashid echoed these concerns…")
# needs the one before it as much as "He thanked…" does.
_REFERS_BACK = re.compile(
    r"^\W*(?:[\w’'-]+,?\s+){0,4}?(?:echoed|echoing|these|those|likewise|similarly)\b")
# A piece ending like this ended on an abbreviation, not a sentence.
_ABBREVIATION = re.compile(
    r"(?:\b(?:[A-Z]\.)+|\b(?:Mr|Mrs|Ms|Dr|St|Gen|Col|Lt|Sen|Rep|Gov|Prof|No|Jr|Sr|Mt|Rev)\.)$")
# "Dec. 12": a month's abbreviation followed by a day ends no sentence.
_MONTH_ABBREVIATION = re.compile(r"\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.$")
# Where a briefing's headline came from (``Briefing.headline_source``).
FROM_SUBHEADING = "subheading"
FROM_HEADLINE = "headline"
FROM_SENTENCE = "sentence"


@dataclass
class Excerpt:
    """One quoted paragraph of a briefing."""

    anchor: str  # the paragraph's id in the report
    html: str  # the paragraph's markup, as quoted
    text: str
    is_context: bool  # the country is only mentioned in passing here
    reason: str = ""
    url: str = ""  # set by the adapter: where the paragraph is on the site


@dataclass
class Briefing:
    """What one country's briefing on one report holds."""

    code: str
    excerpts: list[Excerpt] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)
    headline: str = ""  # plain text, the report's own words
    headline_source: str = ""  # FROM_SUBHEADING, FROM_HEADLINE or FROM_SENTENCE
    summary: str = ""  # one sentence of the report, plain text
    # The summary is the first quoted paragraph's opening sentence: a page
    # that shows both would say it twice, one above the other.
    summary_opens_first_quote: bool = False


def first_sentence(text: str) -> str:
    """Return the first sentence of ``text`` (all of it if there is one)."""
    return sentences(text)[0] if text.strip() else ""


def sentences(text: str) -> list[str]:
    """Return the sentences of ``text``, each verbatim.

    A full stop after an abbreviation ("H.E.", "U.S.", "Dr.") ends no sentence.
    """
    found: list[str] = []
    for part in _SENTENCE_END.split(text):
        part = part.strip()
        if not part:
            continue
        if found and (_ABBREVIATION.search(found[-1]) or (
                _MONTH_ABBREVIATION.search(found[-1]) and part[0].isdigit())):
            # Rejoin with the one space the split took (the text is normalised).
            found[-1] = f"{found[-1]} {part}"
        else:
            found.append(part)
    return found


def without_dateline(text: str) -> str:
    """Return ``text`` without the dateline it opens with ("" if it is only one)."""
    match = DATELINE.match(text)
    return text[match.end():].strip() if match else text


def _own_sentences(text: str) -> list[str]:
    """Return the sentences of a paragraph that may head or open a briefing."""
    return sentences(without_dateline(text))


def stands_alone(sentence: str) -> bool:
    """Tell whether a sentence opens as a sentence, not leaning on an earlier one.

    "He thanked…" and "Both sides…" need the sentence before them; a list
    item ("the Republic of Kenya, a CEPA…") is no sentence at all.
    """
    opening = sentence.lstrip("“‘\"(")
    return bool(opening) and (opening[0].isupper() or opening[0].isdigit()) \
        and not _LEANS_BACK.match(sentence) and not _REFERS_BACK.match(sentence)


class _Namer:
    """Tells which countries a text names, by the report's own names for them
    (a person the report introduced counts for that person's country)."""

    def __init__(self, gazetteer: Gazetteer | None, aliases, known=None):
        """:param known: {paragraph text: its mentions}, as the split read them."""
        self.gazetteer = gazetteer
        self.aliases = aliases
        self.known = known or {}
        self.seen: dict[str, set[str]] = {}
        self._sentences: dict[str, list[str]] = {}

    def codes(self, text: str) -> set[str]:
        if self.gazetteer is None:
            return set()
        if text not in self.seen:
            self.seen[text] = {m.code for m in self.gazetteer.find_mentions(text, self.aliases)}
        return self.seen[text]

    def own_sentences(self, text: str) -> list[str]:
        """Return :func:`_own_sentences` of a paragraph, split once however many briefings quote it.

        Each sentence's countries are found then too, from the paragraph's own
        matches (``find_mentions_in_parts``), not by matching it again.
        """
        found = self._sentences.get(text)
        if found is None:
            found = self._sentences[text] = _own_sentences(text)
            if self.gazetteer is not None:
                self._learn_parts(text, found)
        return found

    def _learn_parts(self, text: str, found: list[str]) -> None:
        parts, at = [], 0
        for sentence in found:
            start = text.find(sentence, at)
            if start < 0:  # rejoined after an abbreviation with other spacing
                self.codes(sentence)
                continue
            parts.append((start, start + len(sentence)))
            at = start + len(sentence)
        assert self.gazetteer is not None
        known = self.known.get(text)
        if known is not None:
            for start, end in parts:
                self.seen.setdefault(text[start:end],
                                     {m.code for m in known if start <= m.start < end})
            return
        mentions = self.gazetteer.find_mentions_in_parts(text, parts, self.aliases)
        for (start, end), named in zip(parts, mentions, strict=True):
            self.seen.setdefault(text[start:end], {m.code for m in named})


def choose_headline(code: str, title: str, excerpts: list[Excerpt], subheading: str,
                    partners, namer: _Namer) -> tuple[str, str]:
    """Return ``(headline, source)`` for one country's briefing.

    :param excerpts: the briefing's paragraphs, those about the country first.
    :param subheading: the text of the first subheading that gives the
        country its section ("" if none does).
    """
    if subheading:
        return subheading, FROM_SUBHEADING
    if title and namer.codes(title) & set(partners) == {code}:
        return title, FROM_HEADLINE
    candidates = [(sentence, False) for e in excerpts for sentence in namer.own_sentences(e.text)]
    best = _best(code, candidates, set(partners), namer, avoid=())
    if best:
        return best, FROM_SENTENCE
    fallback = next((found[0] for e in excerpts if (found := namer.own_sentences(e.text))), "")
    # Paragraphs that are nothing but datelines leave the report's own headline.
    return (fallback, FROM_SENTENCE) if fallback or not title else (title, FROM_HEADLINE)


def choose_summary(code: str, excerpts: list[Excerpt], headline: str, partners,
                   namer: _Namer) -> str:
    """Return the sentence that opens a briefing (see the module docstring).

    Best is a sentence that stands alone and names the country and no other
    partner, from the quoted paragraphs after the first one about the
    country; a sentence of that first paragraph comes after any other (the
    page quotes it right below), and one that leans on an earlier sentence
    only when no other names the country.
    """
    if not excerpts:
        return ""
    first = without_dateline(excerpts[0].text)
    # sentences(first) is the first paragraph's own sentences.
    candidates = [(sentence, True) for sentence in namer.own_sentences(excerpts[0].text)
                  if sentence != first]
    candidates = [(sentence, False) for e in excerpts[1:]
                  for sentence in namer.own_sentences(e.text) if not e.is_context] + \
        candidates + [(sentence, False) for e in excerpts[1:]
                      for sentence in namer.own_sentences(e.text) if e.is_context]
    return _best(code, candidates, set(partners), namer, avoid={headline}) or \
        first_sentence(first)


def _best(code: str, candidates: list[tuple[str, bool]], partners: set[str],
          namer: _Namer, avoid) -> str:
    """Return the best of ``(sentence, repeats the first quote)`` candidates
    that names ``code`` (the first of the best, in order), or ""."""
    best, best_rank = "", None
    for sentence, repeats in candidates:
        codes = namer.codes(sentence)
        if code not in codes or sentence in avoid:
            continue
        rank = (not stands_alone(sentence), repeats, bool(codes & partners - {code}))
        if best_rank is None or rank < best_rank:
            best, best_rank = sentence, rank
    return best


def make_briefings(parsed: ParsedReport, split: Split, topics: TopicMatcher,
                   title: str = "", gazetteer: Gazetteer | None = None) -> list[Briefing]:
    """Build one briefing per partner that has at least one paragraph.

    :param title: the report's headline, as text with HTML escapes
        (Pelican's titles are HTML).
    :param gazetteer: finds which sentences name a country; without it a
        briefing's headline and summary fall back to its first sentence.
    """
    title = html_lib.unescape(title)
    briefings = []
    namer = _Namer(gazetteer, split.aliases, split.mentions)
    subheadings = _subheadings(parsed, split)
    # Each paragraph's countries once (a union of two sets), not once per partner.
    attributed = [(p, p.countries) for p in split.paragraphs]
    # A paragraph quoted in several briefings is serialised once.
    quotations = {p.block.index: quoted_html(p.block) for p, countries in attributed if countries}
    for code in split.partners:
        excerpts = [
            Excerpt(
                anchor=p.block.anchor,
                html=quotations[p.block.index],
                text=p.block.text,
                is_context=code not in p.primary,
                reason=p.reasons.get(code, ""),
            )
            for p, countries in attributed if code in countries
        ]
        if not excerpts:
            continue
        briefing = Briefing(code=code, excerpts=excerpts)
        briefing.topics = topics.topics(e.text for e in excerpts if not e.is_context) or \
            topics.topics(e.text for e in excerpts)
        # The paragraphs about the country come first; passing mentions last.
        about = [e for e in excerpts if not e.is_context] + \
            [e for e in excerpts if e.is_context]
        briefing.headline, briefing.headline_source = choose_headline(
            code, title, about, subheadings.get(code, ""), split.partners, namer)
        briefing.summary = choose_summary(code, about, briefing.headline,
                                          split.partners, namer)
        briefing.summary_opens_first_quote = bool(briefing.summary) and \
            first_sentence(without_dateline(excerpts[0].text)) == briefing.summary
        briefings.append(briefing)
    return briefings


def _subheadings(parsed: ParsedReport, split: Split) -> dict[str, str]:
    """Return {country code: text of the first subheading giving it a section}."""
    found: dict[str, str] = {}
    for block in parsed.blocks:
        if block.is_heading:
            for code in split.section_partners.get(block.index, ()):
                found.setdefault(code, block.text)
    return found


def quoted_html(block: Block) -> str:
    """Return a paragraph's markup as a quotation can hold it."""
    element = block.tag
    if element.name in _PHRASING_PARENTS:
        return "<p>%s</p>" % block.html
    clone = element.__copy__()
    for attribute in ("id", "data-countries"):
        clone.attrs.pop(attribute, None)
    return str(clone)


def excerpt_markup(excerpt: Excerpt, link: str, label: str = "In the report") -> str:
    """Return an excerpt as the ``<blockquote>`` briefings and feeds carry.

    :param link: where the paragraph is in the report (an intrasite link).
    """
    classes = "excerpt excerpt--context" if excerpt.is_context else "excerpt"
    # The label and the link back are furniture: search indexers skip them.
    context = '<p class="excerpt-label" data-pagefind-ignore>Context</p>\n' \
        if excerpt.is_context else ""
    return (
        f'<blockquote class="{classes}" id="q-{excerpt.anchor}" '
        f'data-paragraph="{excerpt.anchor}">\n{context}{excerpt.html}\n'
        f'<footer data-pagefind-ignore><a href="{html_lib.escape(link, quote=True)}">'
        f'{label}</a></footer>\n'
        "</blockquote>"
    )
