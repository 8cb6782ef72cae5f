"""Acceptance: the splitter on the labelled corpus, both modes, >= 0.98."""

from pathlib import Path

import pytest
from sitebuild import SEED_DIR, SEED_REPORT

from pelican.plugins.briefings.core.attribution import Splitter
from pelican.plugins.briefings.core.evaluation import score_corpus, score_report
from pelican.plugins.briefings.core.gazetteer import Gazetteer

DATA = Path(__file__).parent / "data"
CORPUS = DATA / "corpus"
# Written later, by someone who had not seen the splitter or the corpus: the
# closest thing here to reports nobody tuned it for.
HELDOUT = DATA / "heldout"
SPLITTER = Splitter(Gazetteer.default())


@pytest.mark.parametrize("folder, size", [(CORPUS, 200), (HELDOUT, 120)],
                         ids=["corpus", "heldout"])
@pytest.mark.parametrize("automatic", [False, True], ids=["countries-line", "automatic"])
def test_corpus_recall_and_precision(folder, size, automatic):
    score = score_corpus(folder, SPLITTER, automatic=automatic)
    assert score.true_positives > size
    report = "\n".join(score.mistakes)
    assert score.recall >= 0.98, report
    assert score.precision >= 0.98, report


@pytest.mark.parametrize("automatic", [False, True], ids=["countries-line", "automatic"])
def test_seed_is_split_perfectly(automatic):
    score = score_report(SEED_REPORT, SPLITTER, automatic,
                         labels_file=SEED_DIR / "ashgabat-2025-12-12.labels.json")
    assert score.mistakes == []


HELDOUT2 = DATA / "heldout2"


@pytest.mark.parametrize("automatic, floor", [(False, 0.94), (True, 0.70)],
                         ids=["countries-line", "automatic"])
def test_second_heldout_batch_does_not_regress(automatic, floor):
    """A second batch from unseen outlets, written last: below the 0.98 bar.

    Kept as a regression floor at what it measured when it arrived (with
    `Countries:` 0.946 recall / 0.972 precision; automatic 0.70 / 0.84), so
    the next change to the rules shows whether it helps unseen copy.
    """
    score = score_corpus(HELDOUT2, SPLITTER, automatic=automatic)
    report = "\n".join(score.mistakes)
    assert score.recall >= floor, report
    assert score.precision >= floor, report
