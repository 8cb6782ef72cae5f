"""Check that every report in the corpus agrees with its labels file.

Run from the repository root:

    .venv/bin/python tests/data/corpus/validate.py [REPORT.md ...]

With no arguments every ``*.md`` report next to this script is checked
(README.md excepted). Each report is rendered with plain Python-Markdown, the
way an editor's Markdown becomes HTML, and its body blocks are counted the way
the labels define them: every ``<p>`` that is not inside a list item, every
``<li>``, and ``<h2>``/``<h3>`` headings. The script then checks that the
labels describe exactly those blocks (count, opening words, heading
positions) and that the country labels are internally consistent. It exits
non-zero and lists every problem if any report fails.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

import markdown
from bs4 import BeautifulSoup

CORPUS_DIR = Path(__file__).resolve().parent

# The labels files use exactly the seed report's schema; these are its keys.
LABEL_KEYS = {
    "title",
    "date",
    "countries",
    "not_paragraphs",
    "headings",
    "paragraphs",
    "rules",
}
PARAGRAPH_KEYS = {"i", "starts", "primary", "optional"}
HEADING_KEYS = {"before_paragraph", "text"}
# `starts` quotes the first words of a paragraph; the seed uses 6 to 9 words.
STARTS_MIN_WORDS, STARTS_MAX_WORDS = 6, 9
RULES = {
    "primary": "must appear in that country's briefing",
    "optional": (
        "may appear in that country's briefing (as context); not counted either way"
    ),
    "other": (
        "a paragraph must not appear in the briefing of a country"
        " for which it is neither primary nor optional"
    ),
}


@dataclass
class RenderedReport:
    """A report's metadata header and its body blocks as rendered HTML text."""

    metadata: dict[str, str]
    paragraphs: list[str] = field(default_factory=list)
    headings: list[dict] = field(default_factory=list)


def normalise_space(text: str) -> str:
    """Collapse runs of whitespace so rendered text compares like the source."""
    return " ".join(text.split())


def split_header(source: str) -> tuple[dict[str, str], str]:
    """Split a Pelican Markdown file into its metadata fields and its body."""
    header, _, body = source.partition("\n\n")
    metadata = {}
    for line in header.splitlines():
        key, sep, value = line.partition(":")
        if not sep:
            raise ValueError(f"metadata line without a colon: {line!r}")
        metadata[key.strip()] = value.strip()
    return metadata, body


def render_report(path: Path) -> RenderedReport:
    """Render a report's body and collect its paragraphs and headings in order."""
    metadata, body = split_header(path.read_text(encoding="utf-8"))
    soup = BeautifulSoup(markdown.markdown(body), "html.parser")
    report = RenderedReport(metadata)
    for element in soup.find_all(["p", "li", "h2", "h3"]):
        if element.name in ("h2", "h3"):
            report.headings.append(
                {
                    "before_paragraph": len(report.paragraphs),
                    "text": normalise_space(element.get_text()),
                }
            )
        elif element.name == "li" or element.find_parent("li") is None:
            # A <p> inside a loose list item is part of that item, not a block.
            report.paragraphs.append(normalise_space(element.get_text()))
    return report


def check_metadata(report: RenderedReport, labels: dict) -> list[str]:
    """Compare the labels' title, date and countries with the report header."""
    problems = []
    meta = report.metadata
    for key in ("Title", "Date", "Countries"):
        if key not in meta:
            problems.append(f"report header lacks {key}:")
    if problems:
        return problems
    if labels["title"] != meta["Title"]:
        problems.append(
            f"title differs: {labels['title']!r} vs header {meta['Title']!r}"
        )
    if labels["date"] != meta["Date"].split()[0]:
        problems.append(f"date differs: {labels['date']!r} vs header {meta['Date']!r}")
    header_countries = [name.strip() for name in meta["Countries"].split(",")]
    if labels["countries"] != header_countries:
        problems.append(
            f"countries differ: {labels['countries']} vs header {header_countries}"
        )
    if len(set(header_countries)) != len(header_countries):
        problems.append("Countries: lists a country twice")
    return problems


def check_structure(report: RenderedReport, labels: dict) -> list[str]:
    """Check paragraph count, opening words and heading positions against the render."""
    problems = []
    labelled = labels["paragraphs"]
    if len(labelled) != len(report.paragraphs):
        problems.append(
            f"{len(labelled)} labelled paragraphs, {len(report.paragraphs)} rendered"
        )
    for position, (label, text) in enumerate(
        zip(labelled, report.paragraphs, strict=False)
    ):
        if label.get("i") != position:
            problems.append(f"paragraph at position {position} has i={label.get('i')}")
        starts = label["starts"]
        words = len(starts.split())
        whole_paragraph = normalise_space(starts) == text
        if not whole_paragraph and not STARTS_MIN_WORDS <= words <= STARTS_MAX_WORDS:
            problems.append(f"paragraph {position}: starts has {words} words, want 6-9")
        if not text.startswith(normalise_space(starts)):
            problems.append(
                f"paragraph {position}: starts {starts!r} but text is {text[:60]!r}"
            )
    if labels["headings"] != report.headings:
        problems.append(
            f"headings differ:\n  labels:   {labels['headings']}"
            f"\n  rendered: {report.headings}"
        )
    for text in labels["not_paragraphs"]:
        if normalise_space(text) in report.paragraphs:
            problems.append(f"not_paragraphs entry {text!r} is a rendered paragraph")
    return problems


def check_country_labels(labels: dict) -> list[str]:
    """Check every labelled country is a briefed partner and each partner is used."""
    problems = []
    partners = labels["countries"]
    first_primary: dict[str, int] = {}
    for label in labels["paragraphs"]:
        primary, optional = label["primary"], label["optional"]
        where = f"paragraph {label['i']}"
        for name in primary + optional:
            # A briefing exists only for a partner, so labelling any other
            # country (home country, distractor) would be a typo or a mistake.
            if name not in partners:
                problems.append(f"{where}: {name!r} is not in countries")
        if len(set(primary)) != len(primary) or len(set(optional)) != len(optional):
            problems.append(f"{where}: a country is listed twice")
        if set(primary) & set(optional):
            problems.append(
                f"{where}: {sorted(set(primary) & set(optional))}"
                " both primary and optional"
            )
        for name in primary:
            first_primary.setdefault(name, label["i"])
    for name in partners:
        if name not in first_primary:
            problems.append(f"partner {name!r} has no primary paragraph")
    # `countries` lists partners in order of appearance: where each is first
    # the subject of a paragraph (ties allowed for a paragraph naming several).
    firsts = {name: first_primary[name] for name in partners if name in first_primary}
    if list(firsts.values()) != sorted(firsts.values()):
        problems.append(f"countries not in order of first primary paragraph: {firsts}")
    return problems


def check_schema(labels: dict) -> list[str]:
    """Check the labels use exactly the seed's keys and rules text."""
    problems = []
    if set(labels) != LABEL_KEYS:
        problems.append(
            f"top-level keys {sorted(labels)} differ from {sorted(LABEL_KEYS)}"
        )
        return problems
    for label in labels["paragraphs"]:
        if set(label) != PARAGRAPH_KEYS:
            problems.append(
                f"paragraph keys {sorted(label)} differ from {sorted(PARAGRAPH_KEYS)}"
            )
    for heading in labels["headings"]:
        if set(heading) != HEADING_KEYS:
            problems.append(
                f"heading keys {sorted(heading)} differ from {sorted(HEADING_KEYS)}"
            )
    if labels["rules"] != RULES:
        problems.append("rules differ from the seed's rules")
    return problems


def validate_report(path: Path) -> list[str]:
    """Return every problem found in one report and its labels file."""
    labels_path = path.with_name(path.stem + ".labels.json")
    if not labels_path.exists():
        return [f"missing labels file {labels_path.name}"]
    labels = json.loads(labels_path.read_text(encoding="utf-8"))
    problems = check_schema(labels)
    if problems:
        return problems
    report = render_report(path)
    return (
        check_metadata(report, labels)
        + check_structure(report, labels)
        + check_country_labels(labels)
    )


def corpus_reports(directory: Path = CORPUS_DIR) -> list[Path]:
    """List the report files of the corpus, in name order."""
    return sorted(p for p in directory.glob("*.md") if p.name != "README.md")


def main(argv: list[str]) -> int:
    """Validate the given reports (default: the whole corpus) and print a summary."""
    paths = [Path(arg) for arg in argv] or corpus_reports()
    failed = 0
    for path in paths:
        problems = validate_report(path)
        if problems:
            failed += 1
            print(f"FAIL {path.name}")
            for problem in problems:
                print(f"  - {problem}")
        else:
            labels = json.loads(
                path.with_name(path.stem + ".labels.json").read_text(encoding="utf-8")
            )
            print(
                f"ok   {path.name}: {len(labels['paragraphs'])} paragraphs, "
                f"{len(labels['headings'])} headings, "
                f"{len(labels['countries'])} partners"
            )
    print(f"{len(paths) - failed}/{len(paths)} reports valid")
    return 1 if failed or not paths else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
