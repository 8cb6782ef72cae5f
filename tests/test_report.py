"""Reading report HTML into blocks (pure core)."""

import json

import markdown
from sitebuild import SEED_DIR

from pelican.plugins.briefings.core.attribution import Splitter
from pelican.plugins.briefings.core.gazetteer import Gazetteer
from pelican.plugins.briefings.core.report import parse_report


def test_pasted_copy_with_one_paragraph_per_line_is_split_and_attributed():
    lines = (SEED_DIR / "ashgabat-2025-12-12.txt").read_text("utf-8").splitlines()
    labels = json.loads((SEED_DIR / "ashgabat-2025-12-12.labels.json").read_text("utf-8"))
    headings = {h["text"] for h in labels["headings"]}
    # As pasted from the news site: no blank lines between paragraphs.
    body = "\n".join(f"\n## {line}\n" if line in headings else line
                     for line in lines[1:] if line.strip() and line != "Leave a Comment")
    parsed = parse_report(markdown.markdown(body))
    assert [b.text for b in parsed.paragraphs] == [
        line for line in lines[1:] if line and line not in headings and line != "Leave a Comment"]
    gaz = Gazetteer.default()
    split = Splitter(gaz).split(lines[0], parsed.blocks,
                                [gaz.resolve(c).code for c in labels["countries"]])
    for got, label in zip(split.paragraphs, labels["paragraphs"], strict=True):
        primary = {gaz.resolve(c).code for c in label["primary"]}
        allowed = primary | {gaz.resolve(c).code for c in label["optional"]}
        assert primary <= got.countries <= allowed, label["i"]


def test_hard_wrapped_markdown_stays_one_paragraph():
    text = ("Pezeshkian met with Pakistani Prime Minister Shehbaz Sharif on the\n"
            "sidelines of the conference and the two leaders reviewed agreements\n"
            "concluded during his recent visit to Islamabad.")
    parsed = parse_report(markdown.markdown(text))
    assert len(parsed.paragraphs) == 1


def test_anchors_are_stable_and_unique_for_repeated_paragraphs():
    parsed = parse_report("<p>Same.</p><p>Other.</p><p>Same.</p>")
    anchors = [b.anchor for b in parsed.paragraphs]
    assert len(set(anchors)) == 3 and anchors[2] == anchors[0] + "-2"
    assert [b.anchor for b in parse_report("<p>Same.</p><p>Other.</p><p>Same.</p>").paragraphs] \
        == anchors


def test_lists_tables_and_bare_text_are_blocks():
    parsed = parse_report("Bare text.<ul><li>One</li><li>Two</li></ul>"
                          "<table><tr><td>Cell</td></tr></table><h2>Head</h2>")
    assert [(b.kind, b.text) for b in parsed.blocks] == [
        ("paragraph", "Bare text."), ("paragraph", "One"), ("paragraph", "Two"),
        ("paragraph", "Cell"), ("heading", "Head")]
