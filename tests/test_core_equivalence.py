"""The splitting core's fast paths give what the plain ways of doing it give.

Each fast path in the core (alias forms found without one trie per report,
topics by set lookups, cue phrases as tries, the annotated report written as
text, plain paragraphs read from their strings) is checked here against the
straightforward implementation it replaced, on generated input (hypothesis).
"""

from __future__ import annotations

import re

import markdown
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from pelican.plugins.briefings.core import topics as topics_module
from pelican.plugins.briefings.core.annotate import annotate_report
from pelican.plugins.briefings.core.attribution import LEAD, Splitter
from pelican.plugins.briefings.core.briefing import sentences
from pelican.plugins.briefings.core.cues import _alternation, _flat_alternation, default_cues
from pelican.plugins.briefings.core.gazetteer import (
    Gazetteer,
    _AliasMatcher,
    _Entry,
    _Matcher,
    ascii_fold,
    surface_key,
)
from pelican.plugins.briefings.core.report import normalise_space, parse_report
from pelican.plugins.briefings.core.topics import _WORD, TopicMatcher, load_topic_map

GAZ = Gazetteer.default()
SPLITTER = Splitter(GAZ)
FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# --- alias forms -------------------------------------------------------------------

# Name-like pieces that overlap and share prefixes, with the typographic
# variants (apostrophes, hyphens, spaces, accents) the matcher folds.
_NAME_PARTS = ["Al", "Ali", "Alina", "Şahin", "Sahin", "O'Neil", "O’Neil", "Kim", "Kim Jong",
               "Jong Un", "Abu-Bakr", "Abu Bakr", "Modi", "Xi", "Lula", "da Silva", "Lee"]
alias_maps = st.dictionaries(st.sampled_from(_NAME_PARTS), st.sampled_from(["RU", "IN", "KR"]),
                             max_size=6)
alias_texts = st.lists(st.one_of(st.sampled_from(_NAME_PARTS),
                                 st.sampled_from([" ", "  ", "\n", ", ", "-", "’s ", "x", "_"])),
                       max_size=25).map("".join)


def _trie_alias_spans(aliases, text):
    """Find alias forms as before: one trie regex of the whole mapping."""
    table = {}
    for form, code in aliases.items():
        for variant in (form, ascii_fold(form)):
            table.setdefault(surface_key(variant), _Entry(code, "alias"))
    return _Matcher(table, dict.fromkeys(table, "word")).spans(text)


@FAST
@given(alias_maps, alias_texts)
@example({"Z A": "RU", "A A": "IN"}, "Z A A A")  # "A A" overlaps itself
def test_alias_matcher_finds_what_one_trie_of_the_forms_finds(aliases, text):
    assert _AliasMatcher(aliases).spans(text) == _trie_alias_spans(aliases, text)


# --- a paragraph's sentences -----------------------------------------------------------

# Country forms that hold spaces, hyphens and apostrophes, forms inside longer
# ones, forms with context rules (Georgia, Jordan), combining forms before a
# dash, and what may touch a sentence's edge: dashes, quotes, ʼ, full stops.
_SENTENCE_PARTS = ["Iran", "Iranian", "Guinea", "Guinea-Bissau", "Papua New Guinea", "Niger",
                   "Nigeria", "Côte d’Ivoire", "Cote d'Ivoire", "U.S.", "US", "Sino", "Georgia",
                   "Atlanta", "Jordan", "Michael", "New York", "Abu Dhabi", "ABU DHABI", "Kim",
                   "Kim Jong", "Jong Un", "Modi", "Indian Ocean", "Indian", "Omanʼs", "Oman"]
_SENTENCE_GLUE = [" ", ". ", "! ", "? ", ".” ", ".) ", "-", "–", "ʼ", "’s ", ", ", " and ",
                  "x", "Dr. ", "H.E. ", "  ", "\n"]
sentence_texts = st.lists(st.one_of(st.sampled_from(_SENTENCE_PARTS),
                                    st.sampled_from(_SENTENCE_GLUE)),
                          max_size=30).map("".join)
sentence_aliases = st.dictionaries(st.sampled_from(["Kim", "Kim Jong", "Jong Un", "Modi",
                                                    "Michael", "Un"]),
                                   st.sampled_from(["KP", "IN", "US"]), max_size=4)


@FAST
@given(sentence_texts, sentence_aliases)
@example("Sino-Indian. Sino-Indian talks", {})
@example("Michael Jordan. Jordan met Iran.", {"Michael": "US"})
@example("Kim Jong. Un met Modi", {"Kim Jong": "KP", "Jong Un": "KP"})
def test_sentence_mentions_from_the_paragraph_are_what_matching_each_gives(text, aliases):
    parts, at = [], 0
    for sentence in sentences(text):
        start = text.find(sentence, at)
        if start >= 0:
            parts.append((start, start + len(sentence)))
            at = start + len(sentence)
    found = GAZ.find_mentions_in_parts(text, parts, aliases)
    assert found == [GAZ.find_mentions(text[a:b], aliases) for a, b in parts]
    # Any part, even one cut inside a word or a form.
    cuts = [(0, len(text) // 2), (len(text) // 3, len(text))]
    assert GAZ.find_mentions_in_parts(text, cuts, aliases) == [
        GAZ.find_mentions(text[a:b], aliases) for a, b in cuts]


# --- topics ------------------------------------------------------------------------

TOPIC_MAP = load_topic_map()
_TOPIC_WORDS = ["gas", "Gas", "GAS", "LNG", "lng", "UN", "un", "pipelines", "Pipeline",
                "free", "trade", "Free  trade", "central", "bank", "central-bank", "power-plant",
                "war", "wars", "warship", "AI", "ai", "farmers", "ﬁnance", "İstanbul", "the",
                "artificial", "intelligence", "Artificial Intelligence", "United", "Nations",
                "strategic", "partnership"]
topic_texts = st.lists(st.one_of(st.sampled_from(_TOPIC_WORDS), st.text(max_size=6)),
                       max_size=30).map(" ".join)


def _plain_topics(texts) -> list[str]:
    """Look topics up word by word and phrase by phrase, as before."""
    matcher = TopicMatcher(TOPIC_MAP)
    found = set()
    for text in texts:
        tokens = _WORD.findall(text)
        folded = [t.casefold() for t in tokens]
        for token, word in zip(tokens, folded, strict=True):
            found |= matcher.words.get(word) or matcher.acronyms.get(token) or set()
            found |= {t for prefix, topics in matcher.prefixes.items()
                      if word.startswith(prefix) for t in topics}
        for phrase, topics in matcher.phrases.items():
            n = len(phrase)
            if any(tuple(folded[i:i + n]) == phrase for i in range(len(folded) - n + 1)):
                found |= topics
    return [t for t in matcher.names if t in found]


@FAST
@given(st.lists(topic_texts, min_size=1, max_size=4))
def test_topic_lookup_matches_word_by_word_lookup(texts):
    assert TopicMatcher(TOPIC_MAP).topics(texts) == _plain_topics(texts)


def test_topics_of_phrases_whose_words_are_no_keywords():
    matcher = TopicMatcher(TOPIC_MAP)
    assert matcher.topics(["Artificial  intelligence and the United Nations"]) == \
        ["Diplomacy", "Technology"] == _plain_topics(["Artificial intelligence, United Nations"])
    assert matcher.topics(["intelligence artificial"]) == []


def test_topics_stay_right_when_the_vocabulary_is_forgotten(monkeypatch):
    monkeypatch.setattr(topics_module, "_VOCABULARY_SIZE", 5)
    matcher = TopicMatcher(TOPIC_MAP)
    texts = ["gas pipelines to the farmers", "free trade and the central bank",
             "the gas and the war", "a wholly new vocabulary of many words here"]
    for _ in range(2):
        for text in texts:
            assert matcher.topics([text]) == _plain_topics([text]), text


# --- cue phrases -------------------------------------------------------------------

_PHRASES = ["met", "met with", "meeting", "meeting with", "Both sides", "both leaders",
            "the two", "the two leaders", "Prime Minister", "prime  minister", "Minister"]
phrase_sets = st.lists(st.sampled_from(_PHRASES), min_size=1, max_size=6)
phrase_texts = st.lists(st.one_of(st.sampled_from(_PHRASES + ["  ", "\t", "x", "Theo"]),
                                  st.text(max_size=4)), max_size=15).map(" ".join)


@FAST
@given(phrase_sets, phrase_texts, st.booleans())
def test_cue_tries_match_what_longest_first_alternations_match(phrases, text, ignore_case):
    flags = re.IGNORECASE if ignore_case else 0
    trie = re.compile(r"\b(?:%s)\b" % _alternation(phrases, ignore_case), flags)
    flat = re.compile(r"\b(?:%s)\b" % _flat_alternation(phrases), flags)
    assert [m.span() for m in trie.finditer(text)] == [m.span() for m in flat.finditer(text)]


def test_shipped_cues_are_written_as_tries():
    assert "(?:" in default_cues().continuation.pattern
    assert "both\\s+(?:" in default_cues().continuation.pattern


# --- the annotated report ------------------------------------------------------------

_SENTENCES = ["Russian President Vladimir Putin met Pezeshkian.", "Pakistan & Iraq <agreed>.",
              "Both sides \"welcomed\" it.", "Turkmenistan’s capital, Ashgabat, hosted talks.",
              "Myanmar signed a memorandum.", "Iraqi officials spoke.", "Nothing here."]
_HEADINGS = ["## Pakistan talks", "## Iraq", "### Energy", "## "]
_BLOCKS = st.one_of(
    st.lists(st.sampled_from(_SENTENCES), min_size=1, max_size=3).map(" ".join),
    st.sampled_from(_HEADINGS).flatmap(lambda h: st.just(h + " " + "Myanmar" if h == "## " else h)),
    st.lists(st.sampled_from(_SENTENCES), min_size=1, max_size=3).map(
        lambda items: "\n".join("- " + i for i in items)),
    st.sampled_from(_SENTENCES).map(lambda s: "> " + s),
    st.sampled_from(_SENTENCES).map(lambda s: "*" + s + "* and **" + s + "**"),
    st.just("<div>Bare <em>Iraq</em> text</div>"),
    st.just("<!-- a comment -->"),
)
reports = st.lists(_BLOCKS, min_size=1, max_size=8).map("\n\n".join)
partner_sets = st.one_of(st.none(), st.lists(st.sampled_from(["PK", "IQ", "MM", "RU", "TM"]),
                                             min_size=1, max_size=4, unique=True))


def _annotate_by_rewrapping(parsed, split, slugs, briefing_links) -> str:
    """Annotate as before: wrap sections in the tree and serialise all of it."""
    soup = parsed.soup
    for attribution in split.paragraphs:
        element = attribution.block.element
        element["id"] = attribution.block.anchor
        codes = [c for c in split.partners if c in attribution.countries and c in briefing_links]
        element["data-countries"] = " ".join(slugs[c] for c in codes)
    headings = [b for b in parsed.blocks if b.is_heading
                and b.element.parent is not None and b.element.parent.name == "[document]"]
    lead = split.section_partners.get(LEAD, [])
    first = headings[0].element if headings else None
    if lead and soup.contents and soup.contents[0] is not first:
        _wrap(soup, soup.contents[0], "s-lead", lead, slugs, briefing_links, False)
    for block in parsed.blocks:
        if block.is_heading:
            block.element["id"] = block.anchor
    for block in headings:
        _wrap(soup, block.element, "s-" + block.anchor[2:],
              split.section_partners.get(block.index, []), slugs, briefing_links, True)
    return soup.decode(formatter="minimal")


def _wrap(soup, start, section_id, partners, slugs, briefing_links, include_start):
    codes = [c for c in partners if c in briefing_links]
    section = soup.new_tag("section")
    section["class"] = "report-section"
    section["id"] = section_id
    section["data-countries"] = " ".join(slugs[c] for c in codes)
    followers = [] if include_start else [start]
    for sibling in start.next_siblings:
        if getattr(sibling, "name", None) in ("h1", "h2", "h3", "h4", "h5", "h6"):
            break
        followers.append(sibling)
    if include_start:
        start.wrap(section)
    else:
        start.insert_before(section)
    if codes:
        aside = soup.new_tag("aside")
        aside["class"] = "section-briefings"
        aside["aria-label"] = "Briefings for this section"
        aside["data-pagefind-ignore"] = ""
        for code in codes:
            href, text = briefing_links[code]
            link = soup.new_tag("a", href=href)
            link["class"] = "briefing-link"
            link["data-briefing-country"] = slugs[code]
            link.string = text
            aside.append(link)
        section.append(aside)
    for sibling in followers:
        section.append(sibling.extract())


def _annotated_both_ways(md, partners):
    html = markdown.markdown(md, extensions=["extra"])
    # Links whose text and address need escaping, and quotes in both.
    slugs = {code: code.lower() + "-'\"&" for code in GAZ._by_code}
    links = {code: (f"/b/{code}?a=1&b=\"2\"", f"{code} <&> 'q'") for code in GAZ._by_code}
    results = []
    for _ in range(2):
        parsed = parse_report(html)
        if not parsed.paragraphs:
            return None
        split = SPLITTER.split("Talks with Pakistan", parsed.blocks, partners)
        briefed = {code: links[code] for code in split.partners[::2]}  # some lack a briefing
        results.append((parsed, split, briefed))
    (first, split_a, briefed), (second, split_b, _) = results
    return (annotate_report(first, split_a, slugs, briefed),
            _annotate_by_rewrapping(second, split_b, slugs, briefed))


@FAST
@given(reports, partner_sets)
def test_annotated_report_is_what_rewrapping_the_tree_gives(md, partners):
    both = _annotated_both_ways(md, partners)
    if both is not None:
        assert both[0] == both[1]


def test_annotated_report_with_leading_text_and_an_empty_heading():
    md = "Lead text about Pakistan.\n\n<h2></h2>\n\nIraq hosted talks.\n\n## Iraq\n\nMore on Iraq."
    fast, rewrapped = _annotated_both_ways(md, ["PK", "IQ"])
    assert fast == rewrapped
    assert "<section" in fast


# --- reading blocks ------------------------------------------------------------------

inline_html = st.lists(st.one_of(
    st.text(alphabet=st.characters(codec="utf-8"), max_size=12),
    st.sampled_from(["&amp;", "&lt;b&gt;", "<em>x</em>", "<br>", "\n", "<!-- c -->", " \u00a0 ",
                     "<code>a<b</code>", "&quot;"])), max_size=8).map("".join)


@FAST
@given(inline_html)
def test_block_text_and_markup_are_what_beautiful_soup_gives(inner):
    for block in parse_report(f"<p>{inner}</p><ul><li>{inner}</li></ul>").blocks:
        element = block.element
        assert block.inner_html == element.decode_contents()
        assert block.html == element.decode_contents().strip()
        assert block.text == normalise_space(element.get_text(" "))


@FAST
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=30))
def test_normalise_space_collapses_what_the_regex_did(text):
    assert normalise_space(text) == re.sub(r"\s+", " ", text).strip()


def test_soup_of_a_plain_paragraph_is_read_without_walking_it():
    # The plain-text path must still escape what the formatter escapes.
    parsed = parse_report("<p>A &amp; B &lt; C</p>")
    assert parsed.blocks[0].html == "A &amp; B &lt; C"
    assert parsed.blocks[0].text == "A & B < C"
    assert BeautifulSoup("<p>A &amp; B &lt; C</p>", "html.parser").p.decode_contents() == \
        parsed.blocks[0].html
