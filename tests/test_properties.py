"""Properties of the split over generated reports (hypothesis)."""

import markdown
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pelican.plugins.briefings.core.attribution import Splitter
from pelican.plugins.briefings.core.briefing import make_briefings
from pelican.plugins.briefings.core.gazetteer import Gazetteer
from pelican.plugins.briefings.core.report import parse_report
from pelican.plugins.briefings.core.topics import TopicMatcher, load_topic_map

GAZ = Gazetteer.default()
SPLITTER = Splitter(GAZ)
TOPICS = TopicMatcher(load_topic_map())
PARTNERS = ["Russia", "Iraq", "Oman", "Pakistan", "Myanmar", "Turkmenistan", "Qatar", "Kenya"]

words = st.sampled_from(
    ["the", "minister", "met", "officials", "to", "discuss", "trade", "energy", "and", "transport", "links", "on", "Monday", "both", "sides", "agreed", "border", "cooperation", "later", "during", "talks", "said"])
country_refs = st.sampled_from([
    "Russia", "Russian", "Moscow", "Iraqi", "Baghdad", "Basra", "Oman’s", "Omani", "Pakistan",
    "Islamabad", "Myanmar", "Turkmen", "Ashgabat", "Qatar", "Doha", "Kenyan", "Iran", "Tehran",
    "Israel", "Chinese"])
sentence = st.lists(st.one_of(words, country_refs), min_size=3, max_size=18).map(
    lambda ws: " ".join(ws).capitalize() + ".")
paragraph = st.lists(sentence, min_size=1, max_size=3).map(" ".join)
block = st.one_of(paragraph, paragraph, paragraph, sentence.map(lambda s: "## " + s[:-1]))
report = st.lists(block, min_size=1, max_size=12).map("\n\n".join)
partner_sets = st.one_of(st.none(), st.lists(st.sampled_from(PARTNERS), min_size=1,
                                             max_size=5, unique=True))
FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def split_and_brief(md, partners):
    parsed = parse_report(markdown.markdown(md))
    codes = None if partners is None else [GAZ.resolve(p).code for p in partners]
    split = SPLITTER.split("Talks", parsed.blocks, codes)
    return parsed, split, make_briefings(parsed, split, TOPICS)


@FAST
@given(report, partner_sets)
def test_no_attributed_paragraph_is_lost_and_nothing_is_invented(md, partners):
    parsed, split, briefings = split_and_brief(md, partners)
    texts = {b.anchor: b.text for b in parsed.paragraphs}
    by_code = {b.code: b for b in briefings}
    for attribution in split.paragraphs:
        for code in attribution.countries:
            quoted = {e.anchor: e.text for e in by_code[code].excerpts}
            assert quoted[attribution.block.anchor] == attribution.block.text
    for briefing in briefings:
        anchors = [e.anchor for e in briefing.excerpts]
        assert anchors == [a for a in texts if a in anchors], "report order"
        for excerpt in briefing.excerpts:
            assert texts[excerpt.anchor] == excerpt.text
            assert excerpt.text in markdown.markdown(md) or excerpt.text in " ".join(
                parsed.soup.get_text(" ").split())


@FAST
@given(report, st.lists(st.sampled_from(PARTNERS), min_size=2, max_size=5, unique=True))
def test_split_does_not_depend_on_partner_order_and_is_deterministic(md, partners):
    _, a, _ = split_and_brief(md, partners)
    _, b, _ = split_and_brief(md, list(reversed(partners)))
    _, c, _ = split_and_brief(md, partners)
    as_sets = lambda s: [(p.block.anchor, sorted(p.primary), sorted(p.context))  # noqa: E731
                         for p in s.paragraphs]
    assert as_sets(a) == as_sets(b) == as_sets(c)


@settings(max_examples=150, deadline=None)
@given(st.text(), st.text(max_size=80), partner_sets)
def test_arbitrary_unicode_never_raises(body, title, partners):
    parsed = parse_report(markdown.markdown(body))
    codes = None if partners is None else [GAZ.resolve(p).code for p in partners]
    split = SPLITTER.split(title, parsed.blocks, codes)
    make_briefings(parsed, split, TOPICS)
    GAZ.find_mentions(body)
