"""Check every heldout report against its labels file.

Run from the repository root:
    .venv/bin/python tests/data/heldout/check_labels.py

For each ``*.md`` report here, render the body with Python-Markdown,
collect the labelled blocks (each ``<p>`` not inside a list item, each
``<li>``, and ``<h2>``/``<h3>`` headings) and compare them with the
``.labels.json`` sibling: paragraph count, ``starts`` prefixes, heading
positions and texts, and that every labelled country is a partner listed
in ``countries`` (the Countries: header).  Exit status 1 on any mismatch.
"""

from __future__ import annotations

import html
import json
import re
import sys
from html.parser import HTMLParser
from pathlib import Path

import markdown

HELDOUT_DIR = Path(__file__).resolve().parent


class BlockCollector(HTMLParser):
    """Collect paragraph and heading blocks, in document order, from rendered HTML."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[tuple[str, str]] = []  # (kind, text): kind is "p" or "h"
        self._open: list[str] = []  # stack of tags we are collecting text for
        self._text: list[str] = []
        self._li_depth = 0

    def handle_starttag(self, tag, attrs):
        if tag == "li":
            self._li_depth += 1
            self._start("li")
        elif tag == "p" and self._li_depth == 0:
            # A <p> inside a loose list item is part of that item, not a block.
            self._start("p")
        elif tag in ("h2", "h3"):
            self._start(tag)

    def handle_endtag(self, tag):
        if self._open and tag == self._open[-1]:
            kind = "h" if tag in ("h2", "h3") else "p"
            text = re.sub(r"\s+", " ", "".join(self._text)).strip()
            self.blocks.append((kind, text))
            self._open.pop()
            self._text = []
        if tag == "li":
            self._li_depth -= 1

    def handle_data(self, data):
        if self._open:
            self._text.append(data)

    def _start(self, tag: str) -> None:
        self._open.append(tag)
        self._text = []


def split_report(text: str) -> tuple[dict[str, str], str]:
    """Split a Pelican Markdown file into its metadata header and body."""
    header, _, body = text.partition("\n\n")
    meta = {}
    for line in header.splitlines():
        key, _, value = line.partition(":")
        meta[key.strip().lower()] = value.strip()
    return meta, body


def collect_blocks(body: str) -> tuple[list[str], list[dict]]:
    """Return the paragraph texts and the headings (with before_paragraph) of a body."""
    collector = BlockCollector()
    collector.feed(markdown.markdown(body))
    paragraphs: list[str] = []
    headings: list[dict] = []
    for kind, text in collector.blocks:
        if kind == "h":
            headings.append({"before_paragraph": len(paragraphs), "text": html.unescape(text)})
        else:
            paragraphs.append(html.unescape(text))
    return paragraphs, headings


def check_report(md_path: Path) -> list[str]:
    """Return the list of problems found between one report and its labels."""
    labels_path = md_path.with_name(md_path.stem + ".labels.json")
    if not labels_path.exists():
        return [f"{md_path.name}: no labels file"]
    meta, body = split_report(md_path.read_text(encoding="utf-8"))
    labels = json.loads(labels_path.read_text(encoding="utf-8"))
    paragraphs, headings = collect_blocks(body)
    problems = []
    header_countries = [c.strip() for c in meta.get("countries", "").split(",") if c.strip()]
    if labels["countries"] != header_countries:
        problems.append(f"countries {labels['countries']} != header {header_countries}")
    if labels["title"] != meta.get("title"):
        problems.append("title differs from header")
    if not meta.get("date", "").startswith(labels["date"]):
        problems.append("date differs from header")
    if len(labels["paragraphs"]) != len(paragraphs):
        problems.append(f"{len(labels['paragraphs'])} labelled paragraphs, {len(paragraphs)} rendered")
    for expected_i, (label, text) in enumerate(zip(labels["paragraphs"], paragraphs)):
        if label["i"] != expected_i:
            problems.append(f"paragraph {expected_i}: labelled i={label['i']}")
        if not 6 <= len(label["starts"].split()) <= 9 or not text.startswith(label["starts"]):
            problems.append(f"paragraph {expected_i}: starts {label['starts']!r} vs {text[:60]!r}")
        for country in label["primary"] + label["optional"]:
            if country not in labels["countries"]:
                problems.append(f"paragraph {expected_i}: {country} is not a partner")
        if set(label["primary"]) & set(label["optional"]):
            problems.append(f"paragraph {expected_i}: a country is both primary and optional")
    if labels["headings"] != headings:
        problems.append(f"headings differ: {labels['headings']} vs {headings}")
    for country in labels["countries"]:
        if not any(country in label["primary"] for label in labels["paragraphs"]):
            problems.append(f"{country} has no primary paragraph")
    return [f"{md_path.name}: {problem}" for problem in problems]


def main() -> int:
    """Check all reports and print a one-line summary per report."""
    reports = sorted(HELDOUT_DIR.glob("*.md"))
    reports = [path for path in reports if path.name != "README.md"]
    all_problems = []
    for md_path in reports:
        problems = check_report(md_path)
        all_problems += problems
        print(f"{'FAIL' if problems else 'ok  '} {md_path.name}")
    for problem in all_problems:
        print("  " + problem)
    print(f"{len(reports)} reports, {len(all_problems)} problems")
    return 1 if all_problems or not reports else 0


if __name__ == "__main__":
    sys.exit(main())
