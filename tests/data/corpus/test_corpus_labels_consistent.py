"""Every corpus report agrees with its labels file (see validate.py).

This keeps the acceptance corpus honest when a report or its labels are
edited: a paragraph added, a heading moved or a country renamed without
updating the other file fails here, not later as a mysterious splitter score.
"""

import importlib.util
import json
import sys
from pathlib import Path

import pytest

CORPUS_DIR = Path(__file__).resolve().parent
# Loaded by path under a unique name: the corpus directory is not a package,
# and a bare `import validate` could pick up another module of that name.
_spec = importlib.util.spec_from_file_location(
    "corpus_validate", CORPUS_DIR / "validate.py"
)
validate = importlib.util.module_from_spec(_spec)
# dataclasses look their module up in sys.modules while the module executes.
sys.modules[_spec.name] = validate
_spec.loader.exec_module(validate)

REPORTS = validate.corpus_reports(CORPUS_DIR)


def test_corpus_is_large_and_varied_enough():
    """Check the corpus has the size and range of shapes the splitter is judged on."""
    labels = [
        json.loads(p.with_name(p.stem + ".labels.json").read_text("utf-8"))
        for p in REPORTS
    ]
    partner_counts = [len(x["countries"]) for x in labels]
    paragraph_counts = [len(x["paragraphs"]) for x in labels]
    assert len(REPORTS) >= 12
    assert min(partner_counts) == 2 and max(partner_counts) >= 7
    assert min(paragraph_counts) <= 4 and max(paragraph_counts) >= 40
    assert any(not x["headings"] for x in labels), "want a report without subheadings"


@pytest.mark.parametrize("report", REPORTS, ids=lambda p: p.stem)
def test_report_matches_its_labels(report):
    """Check one report's rendered blocks and country labels against its labels file."""
    assert validate.validate_report(report) == []


def test_validator_rejects_mismatched_labels(tmp_path):
    """Check the validator notices labels that no longer match the report."""
    report = REPORTS[0]
    copy = tmp_path / report.name
    copy.write_text(report.read_text("utf-8"), "utf-8")
    labels = json.loads(
        report.with_name(report.stem + ".labels.json").read_text("utf-8")
    )
    labels["paragraphs"][0]["starts"] = "Words that open no paragraph of this report"
    labels["paragraphs"][-1]["primary"].append("Atlantis")
    copy.with_name(report.stem + ".labels.json").write_text(
        json.dumps(labels, ensure_ascii=False), "utf-8"
    )
    problems = validate.validate_report(copy)
    assert any("paragraph 0: starts" in p for p in problems)
    assert any("'Atlantis' is not in countries" in p for p in problems)
