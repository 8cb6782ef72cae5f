"""Short lines above the story's dateline are the page's: a caption with no credit, a date."""

from textwrap import dedent

import markdown

from pelican.plugins.briefings.core.attribution import Splitter
from pelican.plugins.briefings.core.gazetteer import Gazetteer
from pelican.plugins.briefings.core.report import parse_report

GAZ = Gazetteer.default()

STORY = """\
    {above}

    KATHMANDU, Nepal (AP) — Landslides cut the main highway to India on Monday, and Nepal
    asked Bangladesh to hold off a planned shipment of fuel.

    Bangladesh said it would send the fuel by rail instead.
"""


def _countries_of_first_line(above: str) -> set[str]:
    html = markdown.markdown(dedent(STORY.format(above=above)))
    split = Splitter(GAZ).split("Landslides cut highway", parse_report(html).blocks, ["IN", "BD"])
    return split.paragraphs[0].countries


def test_a_caption_above_the_dateline_belongs_to_nobody():
    assert _countries_of_first_line(
        "Workers clear mud from a road near the border with India on Sunday.") == set()


def test_an_items_headline_above_the_dateline_stays_the_storys():
    assert _countries_of_first_line("Bangladesh to reroute fuel shipment by rail") == {"BD"}


def test_a_quote_above_the_dateline_stays_the_storys():
    assert _countries_of_first_line("Bangladesh will send the fuel by rail, its minister said.") \
        == {"BD"}
