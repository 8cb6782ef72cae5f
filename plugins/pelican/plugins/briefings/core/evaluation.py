"""Score the splitter against labelled reports (recall and precision).

Pure core: no Pelican import. A labels file says, per paragraph, which
countries' briefings must hold it (`primary`) and which may (`optional`).
Counted over (paragraph, country) pairs: a primary pair the split gives is a
true positive, one it misses a false negative; a pair it gives that is neither
primary nor optional is a false positive; optional pairs count either way.
In automatic mode (countries found by the splitter) a report also counts as
an *exact set* when the countries found are exactly the labelled
`countries`. Used by the acceptance tests, `invoke evaluate` and `invoke
bench`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import markdown

from .attribution import Splitter
from .gazetteer import Gazetteer
from .partners import resolve_country
from .pipeline import SplitInputs, parse_and_split


@dataclass
class Score:
    """Counts over (paragraph, country) pairs, and the mistakes behind them."""

    true_positives: int = 0
    false_negatives: int = 0
    false_positives: int = 0
    reports: int = 0
    exact_sets: int = 0  # reports whose countries found equal the labelled ones
    mistakes: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        found = self.true_positives + self.false_negatives
        return self.true_positives / found if found else 1.0

    @property
    def precision(self) -> float:
        given = self.true_positives + self.false_positives
        return self.true_positives / given if given else 1.0

    @property
    def exact_set_rate(self) -> float:
        """The fraction of reports whose countries found are exactly the labelled ones."""
        return self.exact_sets / self.reports if self.reports else 1.0

    def add(self, other: Score) -> None:
        self.true_positives += other.true_positives
        self.false_negatives += other.false_negatives
        self.false_positives += other.false_positives
        self.reports += other.reports
        self.exact_sets += other.exact_sets
        self.mistakes.extend(other.mistakes)


def read_report(path: Path) -> tuple[dict[str, str], str]:
    """Split a Pelican Markdown file into (metadata, HTML body)."""
    text = Path(path).read_text(encoding="utf-8")
    head, _, body = text.partition("\n\n")
    metadata = {}
    for line in head.splitlines():
        key, _, value = line.partition(":")
        metadata[key.strip().lower()] = value.strip()
    return metadata, markdown.markdown(body, extensions=["extra"])


def labels_path(report: Path) -> Path:
    """Return where a report's labels live: ``<stem>.labels.json`` beside it."""
    return report.with_name(report.stem + ".labels.json")


def score_report(path: Path, splitter: Splitter, automatic: bool = False,
                 labels_file: Path | None = None) -> Score:
    """Split the report at ``path`` and score it against its labels file."""
    path = Path(path)
    labels = json.loads(Path(labels_file or labels_path(path)).read_text("utf-8"))
    gazetteer: Gazetteer = splitter.gazetteer
    unknown = [c for c in labels["countries"] if gazetteer.resolve(c) is None]
    if unknown:
        raise ValueError(f"{path.name}: labels name countries the gazetteer lacks: {unknown}")
    _, html = read_report(path)
    # A misspelt country in a labels file is named, with a suggestion.
    code_of = {c: resolve_country(c, gazetteer) for c in labels["countries"]}
    partners = None if automatic else tuple(code_of[c] for c in labels["countries"])
    # Read exactly as a build does (sanitized, context kept).
    _, split = parse_and_split(SplitInputs(html, labels["title"], partners, True), splitter)
    if split is None:
        raise ValueError(f"{path.name}: no paragraphs")
    score = Score(reports=1)
    found, wanted = set(split.partners), set(code_of.values())
    if found == wanted:
        score.exact_sets = 1
    else:
        name = lambda code: gazetteer.get(code).name  # noqa: E731
        score.mistakes.append(f"{path.name}: countries found "
                              f"{sorted(map(name, found))}, labelled "
                              f"{sorted(map(name, wanted))}")
    # Page furniture ("Share this article") is no paragraph to the labels:
    # each country the split gives it to is a false positive.
    furniture = {" ".join(text.split()) for text in labels.get("not_paragraphs", [])}
    paragraphs = []
    for got in split.paragraphs:
        if got.block.text not in furniture:
            paragraphs.append(got)
            continue
        for code in sorted(got.countries):
            score.false_positives += 1
            score.mistakes.append(f"{path.name}: page furniture {got.block.text!r} "
                                  f"wrongly in {code}")
    if len(paragraphs) != len(labels["paragraphs"]):
        raise ValueError(f"{path.name}: {len(paragraphs)} paragraphs, "
                         f"labels have {len(labels['paragraphs'])}")
    for got, label in zip(paragraphs, labels["paragraphs"], strict=True):
        if not got.block.text.startswith(label["starts"]):
            raise ValueError(f"{path.name}: paragraph {label['i']} does not start with "
                             f"{label['starts']!r}")
        primary = {code_of[c] for c in label["primary"]}
        allowed = primary | {code_of[c] for c in label["optional"]}
        for code in sorted(primary):
            if code in got.countries:
                score.true_positives += 1
            else:
                score.false_negatives += 1
                score.mistakes.append(f"{path.name} ¶{label['i']}: missing from {code}")
        for code in sorted(got.countries - allowed):
            score.false_positives += 1
            score.mistakes.append(f"{path.name} ¶{label['i']}: wrongly in {code} "
                                  f"({got.reasons.get(code, '')})")
    return score


def score_corpus(folder: Path, splitter: Splitter, automatic: bool = False) -> Score:
    """Score every labelled report in ``folder``."""
    total = Score()
    for path in sorted(Path(folder).glob("*.md")):
        if labels_path(path).exists():
            total.add(score_report(path, splitter, automatic))
    return total
