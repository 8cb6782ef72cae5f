"""The furniture rules (data/furniture.json): what is page furniture, and what never is."""

import pytest
from sitebuild import SEED_DIR

from pelican.plugins.briefings.importer.furniture import Furniture
from pelican.plugins.briefings.importer.shapes import looks_like_heading

FURNITURE = Furniture.default()


@pytest.mark.parametrize("line", [
    "Leave a Comment", "Leave a Reply Cancel reply", "12 Comments", "Comments are closed.",
    "Share this article", "Share on Facebook. Share on Twitter.", "Facebook X WhatsApp Email",
    "Click to share on Twitter (Opens in new window)", "Like this: Like Loading...",
    "Sign up for our daily newsletter and never miss a story.", "Subscribe to the Morning Brief",
    "Get the Herald in your inbox", "Newsletter",
    "© 2026 The Steppe Herald. All rights reserved.", "Copyright 2026 Gulf Ledger",
    "Related stories", "Read more: Aral Sea fishermen see the water return", "You may also like",
    "Advertisement", "Advertisement - Scroll to continue", "Story continues below advertisement",
    "We use cookies to improve your experience on our website. By continuing to browse, you agree to our use of cookies.",
    "Accept all", "Manage options", "Follow us on Telegram", "Follow Tehran Times on X",
    "Join our WhatsApp channel for the latest news", "Tags: water, Central Asia",
    "By Dana Serikbayeva", "Staff reporter", "4 min read", "Updated 3 hours ago", "1 204 views",
    "(Reporting by A. Writer; Editing by B. Editor)", "Photo: Herald archive",
    "Image source, Getty Images", "AFP", "Reuters/File photo", "Home » World » Asia",
    "Skip to content", "Back to top", "News Business Energy Lifestyle Search",
    "Report an error", "Listen to this article", "Previous article: Talks stall in Vienna",
    "Posted in World", "Dana Serikbayeva is a correspondent based in Astana.",
])
def test_furniture_is_recognised(line):
    assert FURNITURE.match(line) is not None


@pytest.mark.parametrize("line", [
    "By Friday both sides agreed", "By the end of the week", "Back to the negotiating table",
    "Updated figures show growth", "Middle East", "Central Asia", "Iran and Russia",
    "The ministry said it would publish a weekly newsletter on the talks.",
    "The regulator said firms must obtain consent before placing cookies on devices.",
    "Share prices rose in Tehran after the announcement.",
    "Related talks will follow in Ankara next month.",
    "Print media in Iraq reported the meeting at length.",
    "The Reuters news agency said the minister had resigned.",
    "Saw is a former general who has led the government since March.",
    "Comment pieces in the state press welcomed the deal.",
])
def test_report_text_is_not_furniture(line):
    assert FURNITURE.match(line) is None


def test_no_line_of_the_seed_is_furniture_but_its_comment_prompt():
    lines = [x for x in (SEED_DIR / "ashgabat-2025-12-12.txt").read_text("utf-8").splitlines()
             if x.strip()]
    assert [x for x in lines if FURNITURE.match(x)] == ["Leave a Comment"]


@pytest.mark.parametrize("line, heading", [
    ("Inequality is the root of conflict: Pezeshkian", True),
    ("Tehran, Islamabad highlight ‘extensive capacities’ for transit and border cooperation", True),
    ("What happens next?", True),
    ("Russia has repeatedly defended Iran’s right to a peaceful nuclear energy program.", False),
    ("The agreement lists three immediate steps:", False),
    ("“We will continue,” he said.", False),
])
def test_subheadings_are_short_lines_that_end_no_sentence(line, heading):
    assert looks_like_heading(line) is heading
