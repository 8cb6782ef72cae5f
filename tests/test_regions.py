"""The region a headline names bounds the countries found automatically (data/regions.json)."""

from textwrap import dedent

import markdown
import pytest

from pelican.plugins.briefings.core.attribution import Splitter
from pelican.plugins.briefings.core.gazetteer import Gazetteer
from pelican.plugins.briefings.core.regions import default_regions
from pelican.plugins.briefings.core.report import parse_report

GAZ = Gazetteer.default()
REGIONS = default_regions()


@pytest.mark.parametrize(("headline", "inside", "outside"), [
    ("Asian shares drift lower as chip stocks weigh", {"JP", "KR", "AU"}, {"US", "GB"}),
    ("Southeast Asian leaders pledge to cut haze", {"ID", "MY", "TL"}, {"KP", "CN"}),
    ("Caribbean islands brace for a late-season storm", {"JM", "HT", "PR"}, {"US", "CA"}),
    ("European stocks close higher on bank earnings", {"DE", "TR", "XK"}, {"CN", "US"}),
    ("Mideast markets mixed; Egypt's index gains", {"SA", "EG", "IR"}, {"IN"}),
    ("Storm in the Gulf of Mexico: Asian refiners watch", {"JP", "SA"}, {"MX", "US"}),
])
def test_a_headline_names_regions_and_so_their_countries(headline, inside, outside):
    scope = REGIONS.scope(headline)
    assert scope is not None and inside <= scope and not outside & scope


@pytest.mark.parametrize("headline", [
    "EU agrees new package of sanctions on Asian shipping firms",  # a bloc acts on others
    "APEC leaders meet in Asia-Pacific city",  # APEC takes in the Americas
    "Cyclone in the Arabian Sea nears the coast",  # a sea, no region of countries
    "Trans-Pacific trade pact gains two members",
    "Three states sign a water protocol",  # no region at all
    "Pacific news in brief",  # round-ups of the islands cover their donors too
])
def test_no_scope_where_the_headline_spans_beyond_a_region(headline):
    assert REGIONS.scope(headline) is None


ASIAN_MARKETS = """\
    SINGAPORE — Shares slipped across most of Asia on Thursday after a weak session on Wall Street.

    Japan's Nikkei 225 lost 0.6% as exporters fell, while South Korea's Kospi dropped 1.1%.

    In Australia, the S&P/ASX 200 edged 0.2% lower as miners retreated.

    On Wednesday, the S&P 500 fell 0.9% and the Nasdaq lost 1.4% as US bond yields climbed.

    The US dollar rose against the Japanese yen.
"""


def _found(md: str, title: str) -> list[str]:
    parsed = parse_report(markdown.markdown(dedent(md)))
    return Splitter(GAZ).split(title, parsed.blocks, None).partners


def test_a_market_report_of_one_region_leaves_out_the_background_market():
    found = _found(ASIAN_MARKETS, "Asian shares slip on a weak overnight lead")
    assert set(found) == {"JP", "KR", "AU"}


def test_a_country_the_headline_names_stays_though_outside_the_region():
    found = _found(ASIAN_MARKETS, "Asian shares slip as US yields climb")
    assert set(found) == {"JP", "KR", "AU", "US"}


def test_without_a_region_in_the_headline_the_background_market_is_a_subject():
    found = _found(ASIAN_MARKETS, "Shares slip as yields climb")
    assert "US" in found


def test_a_country_with_a_subheading_of_its_own_stays():
    md = ASIAN_MARKETS + "\n    ## United States - bonds\n\n    Treasury yields rose for a third day.\n"
    found = _found(md, "Asian shares slip on a weak overnight lead")
    assert "US" in found


def test_the_countries_given_are_never_bounded_by_the_region():
    parsed = parse_report(markdown.markdown(dedent(ASIAN_MARKETS)))
    split = Splitter(GAZ).split("Asian shares slip on a weak overnight lead", parsed.blocks,
                                ["JP", "KR", "AU", "US"])
    assert split.partners == ["JP", "KR", "AU", "US"]
