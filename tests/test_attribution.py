"""Tier 1: the pure splitting core, input next to expected output (no Pelican)."""

from textwrap import dedent

import markdown
import pytest

from pelican.plugins.briefings.core.aliases import AliasLearner
from pelican.plugins.briefings.core.attribution import Splitter
from pelican.plugins.briefings.core.cues import default_cues
from pelican.plugins.briefings.core.gazetteer import Gazetteer
from pelican.plugins.briefings.core.report import parse_report

GAZ = Gazetteer.default()


def split(md: str, partners=None, title="Talks on the sidelines"):
    """Return ({country code: [paragraph numbers]}, split) for a Markdown report."""
    parsed = parse_report(markdown.markdown(dedent(md)))
    codes = None if partners is None else [GAZ.resolve(p).code for p in partners]
    result = Splitter(GAZ).split(title, parsed.blocks, codes)
    numbers = {b.index: n for n, b in enumerate(parsed.paragraphs)}
    by_country = {
        code: [numbers[p.block.index] for p in result.paragraphs_for(code)]
        for code in result.partners
    }
    return by_country, result


def test_subheading_gives_its_section_and_thematic_heading_gives_none():
    got, _ = split("""
        Iran’s foreign minister opened the forum.

        ## Iran, Oman sign shipping accord

        Both sides agreed to expand ferry services.

        The two ministers also discussed fisheries.

        ## A region in search of stability

        The minister said peace needs justice.

        ## Qatar ties deepen

        Officials reviewed gas projects.
        """, ["Oman", "Qatar"])
    assert got == {"OM": [1, 2], "QA": [4]}


def test_paragraph_naming_no_partner_follows_the_meeting_just_described():
    got, _ = split("""
        ASTANA – Kazakh President Kassym-Jomart Tokayev held a series of meetings on Friday.

        Tokayev met with Uzbek President Shavkat Mirziyoyev to discuss water sharing.

        During the talks, the two leaders agreed on a joint commission.

        Later, he received Kyrgyz President Sadyr Japarov.

        Both sides signed a border protocol.
        """, ["Uzbekistan", "Kyrgyzstan"])
    assert got == {"UZ": [1, 2], "KG": [3, 4]}


def test_a_place_mention_is_context_not_the_subject():
    got, result = split("""
        ## Russia

        Putin and Pezeshkian held talks in Turkmenistan’s capital, Ashgabat.

        Russian officials praised the agreement.
        """, ["Russia", "Turkmenistan"])
    assert got == {"RU": [0, 1], "TM": [0]}
    assert result.paragraphs[0].context == {"TM"}


def test_a_list_naming_several_partners_reaches_each_of_them():
    got, _ = split("""
        Agreements were signed with:

        - Oman, on shipping;
        - Qatar and Kuwait, on energy;
        """, ["Oman", "Qatar", "Kuwait"])
    assert got == {"OM": [1], "QA": [2], "KW": [2]}


def test_found_automatically_home_country_and_passing_mentions_get_nothing():
    _, result = split("""
        TEHRAN – Iranian President Masoud Pezeshkian met with Omani Foreign Minister Badr Albusaidi on Monday.

        Albusaidi condemned Israel’s strikes and praised Iran’s restraint.

        Pezeshkian also held talks with Qatar’s Emir Tamim bin Hamad Al Thani.
        """, None)
    assert result.home == "IR"
    assert sorted(result.partners) == ["OM", "QA"]


@pytest.mark.parametrize("sentence, name, code", [
    ("Turkmen President Serdar Berdimuhamedov welcomed him.", "Berdimuhamedov", "TM"),
    ("He met Myanmar’s Prime Minister Nyo Saw on Friday.", "Nyo Saw", "MM"),
    ("He met President Kassym-Jomart Tokayev of Kazakhstan.", "Tokayev", "KZ"),
    ("He spoke with his Omani counterpart, Badr Albusaidi, by phone.", "Albusaidi", "OM"),
    ("Hakan Fidan, Turkey’s foreign minister, arrived later.", "Fidan", "TR"),
])
def test_aliases_are_learned_from_introductions(sentence, name, code):
    learned = AliasLearner(default_cues()).learn([sentence], GAZ)
    assert learned.get(name) == code


def test_an_editor_alias_makes_an_unintroduced_name_a_country():
    parsed = parse_report(markdown.markdown("## Talks\n\nErdogan reviewed trade."))
    without = Splitter(GAZ).split("Talks", parsed.blocks, ["TR"])
    assert not without.paragraphs_for("TR")
    with_alias = Splitter(GAZ, aliases={"Erdogan": "TR"}).split("Talks", parsed.blocks, ["TR"])
    assert [p.block.text for p in with_alias.paragraphs_for("TR")] == ["Erdogan reviewed trade."]


def test_topic_shift_ends_the_meeting():
    got, _ = split("""
        Pezeshkian met with Iraqi President Abdul Latif Rashid.

        Both sides backed the rail link.

        Separately, Pezeshkian addressed the conference on climate.
        """, ["Iraq"])
    assert got == {"IQ": [0, 1]}


def test_split_is_deterministic_and_independent_of_partner_order():
    md = "Pezeshkian met with Iraqi and Omani ministers.\n\nBoth sides agreed."
    a, _ = split(md, ["Iraq", "Oman"])
    b, _ = split(md, ["Oman", "Iraq"])
    assert a == b


def test_page_furniture_belongs_to_nobody():
    got, _ = split("""
        ## Myanmar

        Myanmar officials met.

        Leave a Comment
        """, ["Myanmar"])
    assert got == {"MM": [0]}


def test_the_rules_are_a_table_in_the_order_the_readme_lists_them():
    from pathlib import Path

    from pelican.plugins.briefings.core.rules import RULES
    readme = (Path(__file__).parent.parent / "README.md").read_text("utf-8")
    section = readme.split("### How paragraphs are attributed")[1].split("\n### ")[0]
    listed = [line.split("`")[1] for line in section.splitlines() if line.startswith("| `")]
    assert listed == [rule.__name__ for rule in RULES]


def test_each_paragraph_records_the_rule_that_decided_it():
    _, result = split("""
        Iranian President Pezeshkian met with Iraqi President Abdul Latif Rashid in Iran.

        Both sides backed the rail link.

        The ministers reviewed customs.

        Separately, Pezeshkian addressed the conference on climate.

        Uruguay ratified the pact.

        Leave a Comment
        """, ["Iraq"])
    assert [p.rule for p in result.paragraphs] == [
        "names_partners", "continues_meeting", "continues_meeting", "topic_shift",
        "about_someone_else", "page_furniture"]
