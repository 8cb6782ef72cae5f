"""Tier 1: each briefing's headline and opening, chosen from the report's own words (core only)."""

import markdown
import pytest
from sitebuild import SEED_REPORT

from pelican.plugins.briefings.core.attribution import Splitter
from pelican.plugins.briefings.core.briefing import (
    FROM_HEADLINE,
    FROM_SENTENCE,
    FROM_SUBHEADING,
    make_briefings,
    sentences,
    stands_alone,
)
from pelican.plugins.briefings.core.gazetteer import Gazetteer
from pelican.plugins.briefings.core.report import parse_report
from pelican.plugins.briefings.core.topics import TopicMatcher, load_topic_map

GAZ = Gazetteer.default()
SPLITTER = Splitter(GAZ)
TOPICS = TopicMatcher(load_topic_map())


def brief(title, body, partners):
    parsed = parse_report(markdown.markdown(body))
    codes = [GAZ.resolve(p).code for p in partners]
    split = SPLITTER.split(title, parsed.blocks, codes)
    briefings = make_briefings(parsed, split, TOPICS, title, GAZ)
    return parsed, split, {b.code: b for b in briefings}


def seed():
    meta, _, body = SEED_REPORT.read_text("utf-8").partition("\n\n")
    title = next(line[6:].strip() for line in meta.splitlines() if line.startswith("Title:"))
    return title, body


SEED_SOURCES = {
    "RU": FROM_HEADLINE, "TM": FROM_SUBHEADING, "PK": FROM_SUBHEADING,
    "IQ": FROM_SUBHEADING, "MM": FROM_SUBHEADING,
}


def test_seed_headlines_are_its_subheadings_or_its_headline():
    title, body = seed()
    parsed, _, briefings = brief(title, body, ["Russia", "Turkmenistan", "Pakistan", "Iraq",
                                               "Myanmar"])
    headings = [b.text for b in parsed.blocks if b.is_heading]
    assert {code: b.headline_source for code, b in briefings.items()} == SEED_SOURCES
    assert briefings["RU"].headline == title
    for code in ("TM", "PK", "IQ", "MM"):
        assert briefings[code].headline in headings
    assert "Myanmar" in briefings["MM"].headline
    assert len({b.headline for b in briefings.values()}) == 5, "five different headlines"


def test_seed_openings_stand_alone_name_the_country_and_repeat_no_excerpt():
    title, body = seed()
    parsed, split, briefings = brief(title, body, ["Russia", "Turkmenistan", "Pakistan",
                                                   "Iraq", "Myanmar"])
    report_sentences = {s for b in parsed.paragraphs for s in sentences(b.text)}
    for code, briefing in briefings.items():
        summary = briefing.summary
        assert summary in report_sentences, "verbatim, one of the report's sentences"
        assert summary not in {e.text for e in briefing.excerpts}, "not a whole excerpt"
        assert summary != briefing.headline
        assert stands_alone(summary), summary
        named = {m.code for m in GAZ.find_mentions(summary, split.aliases)}
        assert code in named, f"{code}: {summary}"
    assert not briefings["TM"].summary.startswith("He "), "no 'he' with no one to be"
    assert "Berdimuhamedov" in briefings["TM"].summary


ROUND_UP = """\
ANKARA – The foreign minister hosted his Azerbaijani and Georgian counterparts on Tuesday.

He said the talks went well. Azerbaijan's minister Jeyhun Bayramov pledged more rail links.

Georgian Foreign Minister Maka Botchorishvili said Tbilisi backed the corridor. \
She thanked the hosts.
"""


def test_without_a_subheading_a_round_up_headline_gives_way_to_a_sentence_about_one():
    title = "Azerbaijan, Georgia agree to speed up corridor projects"
    parsed, _, briefings = brief(title, ROUND_UP, ["Azerbaijan", "Georgia"])
    az, ge = briefings["AZ"], briefings["GE"]
    assert az.headline_source == ge.headline_source == FROM_SENTENCE
    assert az.headline == "Azerbaijan's minister Jeyhun Bayramov pledged more rail links."
    assert ge.headline == ("Georgian Foreign Minister Maka Botchorishvili said Tbilisi "
                           "backed the corridor.")
    text = " ".join(b.text for b in parsed.paragraphs)
    assert az.headline in text and ge.headline in text


def test_a_headline_about_one_partner_is_that_partners_headline():
    body = "MOSCOW – Officials met on Monday.\n\nThe Kremlin said Russia would send grain.\n"
    _, _, briefings = brief("Russia to send grain", body, ["Russia"])
    assert briefings["RU"].headline == "Russia to send grain"
    assert briefings["RU"].headline_source == FROM_HEADLINE


def test_escaped_title_is_read_as_its_text():
    body = "Russia and partners met.\n\nRussia would send grain, the ministry said.\n"
    _, _, briefings = brief("Russia &amp; partners: grain", body, ["Russia"])
    assert briefings["RU"].headline == "Russia & partners: grain"


@pytest.mark.parametrize("text, expected", [
    ("He received H.E. Luiz Lula. Brazil agreed.", ["He received H.E. Luiz Lula.",
                                                     "Brazil agreed."]),
    ("The U.S. Senate met. It voted.", ["The U.S. Senate met.", "It voted."]),
    ("One sentence only", ["One sentence only"]),
])
def test_sentences_do_not_end_at_abbreviations(text, expected):
    assert sentences(text) == expected


@pytest.mark.parametrize("sentence, alone", [
    ("He thanked Turkmenistan for hosting.", False),
    ("Both sides agreed.", False),
    ("the Republic of Kenya, a CEPA;", False),
    ("“We agreed,” Sharif said.", True),
    ("Pakistan and Iran agreed.", True),
    ("Hepburn met Pakistan's envoy.", True),
])
def test_what_stands_alone(sentence, alone):
    assert stands_alone(sentence) is alone
