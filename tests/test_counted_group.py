"""A report that counts its group ("Five producers agreed…") is about the group, not bystanders."""

from textwrap import dedent

import markdown

from pelican.plugins.briefings.core.attribution import Splitter
from pelican.plugins.briefings.core.gazetteer import Gazetteer
from pelican.plugins.briefings.core.report import parse_report

GAZ = Gazetteer.default()

OUTPUT_DEAL = """\
    Five oil producers agreed on Sunday to hold their output steady through the spring.

    The agreement, reached by Saudi Arabia, Iraq, Kuwait, Algeria and Oman, keeps about
    two million barrels a day off the market.

    Iraq will make up for the barrels it pumped above its quota last year.

    Kuwait's oil minister said the group would meet again in April.

    {bystander}
"""


def _found(bystander: str) -> list[str]:
    html = markdown.markdown(dedent(OUTPUT_DEAL.format(bystander=bystander)))
    return Splitter(GAZ).split("Producers hold output steady", parse_report(html).blocks,
                               None).partners


def test_a_country_outside_the_counted_group_that_only_comments_is_no_subject():
    found = _found("Japan's trade minister told reporters the decision was disappointing.")
    assert set(found) == {"SA", "IQ", "KW", "DZ", "OM"}


def test_a_country_where_something_happens_stays_though_outside_the_group():
    found = _found("In Nigeria, the state company said a pipeline leak had cut exports.")
    assert "NG" in found


def test_a_commenting_country_with_two_paragraphs_stays():
    found = _found("Japan's trade minister said the decision was disappointing.\n\n"
                   "    Japan imports most of its crude from the Gulf, he added.")
    assert "JP" in found


BUDGET_DAY = """\
    Finance ministers in Kenya, Uganda, Tanzania and Rwanda read their budgets on Thursday.

    The bloc, whose secretariat sits in Arusha, has eight members: Burundi, the Democratic
    Republic of the Congo, Kenya, Rwanda, Somalia, South Sudan, Tanzania and Uganda.

    Kenya raised its duty on imported steel to 35 per cent.
"""


def test_a_blocs_size_and_membership_list_are_background_not_its_parties():
    html = markdown.markdown(dedent(BUDGET_DAY))
    split = Splitter(GAZ).split("Budget day in four capitals", parse_report(html).blocks,
                                ["KE", "UG", "TZ", "RW"])
    assert split.paragraphs[1].primary == set()
    assert split.paragraphs[2].primary == {"KE"}
