"""Acceptance: the splitter on the labelled corpus, both modes, >= 0.98."""

import json
from pathlib import Path

import pytest
from sitebuild import SEED_DIR, SEED_REPORT

from pelican.plugins.briefings.core.attribution import Splitter
from pelican.plugins.briefings.core.evaluation import Score, score_corpus, score_report
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


def _labelled(folder, stem, countries, paragraphs, furniture=()):
    """Write a tiny report and its labels (paragraph texts -> primary countries)."""
    body = "\n\n".join([text for text, _ in paragraphs] + list(furniture))
    (folder / f"{stem}.md").write_text(f"Title: {stem}\nDate: 2026-01-01\n\n{body}\n", "utf-8")
    labels = {"title": stem, "countries": countries, "not_paragraphs": list(furniture),
              "paragraphs": [{"i": i, "starts": " ".join(text.split()[:8]), "primary": primary,
                              "optional": []} for i, (text, primary) in enumerate(paragraphs)]}
    (folder / f"{stem}.labels.json").write_text(json.dumps(labels), "utf-8")


def test_exact_country_sets_count_reports_whose_found_countries_are_the_labelled_ones(tmp_path):
    deal = [("Kazakhstan, Kyrgyzstan and Uzbekistan signed a water protocol.",
             ["Kazakhstan", "Kyrgyzstan", "Uzbekistan"])]
    _labelled(tmp_path, "right", ["Kazakhstan", "Kyrgyzstan", "Uzbekistan"], deal,
              furniture=["Share this article"])
    _labelled(tmp_path, "wrong", ["Kazakhstan", "Kyrgyzstan"], [
        ("Kazakhstan, Kyrgyzstan and Uzbekistan signed a water protocol.",
         ["Kazakhstan", "Kyrgyzstan"])])
    score = score_corpus(tmp_path, SPLITTER, automatic=True)
    assert (score.reports, score.exact_sets, score.exact_set_rate) == (2, 1, 0.5)
    assert any("wrong.md: countries found" in m for m in score.mistakes)
    # The furniture line is no paragraph to the labels, and goes to nobody.
    assert score.false_positives == 1  # Uzbekistan, found but not labelled in "wrong"


def test_invoke_evaluate_prints_the_three_figures(tmp_path, capsys):
    import runpy
    _labelled(tmp_path, "deal", ["Kazakhstan", "Kyrgyzstan", "Uzbekistan"], [
        ("Kazakhstan, Kyrgyzstan and Uzbekistan signed a water protocol.",
         ["Kazakhstan", "Kyrgyzstan", "Uzbekistan"])])
    script = runpy.run_path(str(Path(__file__).parent.parent / "scripts" / "evaluate.py"))
    assert script["main"]([str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "(1 reports, countries given): recall 1.000, precision 1.000" in out
    assert "automatic): recall 1.000, precision 1.000, exact country sets 1/1 (100%)" in out


SHAPES_DEV = DATA / "shapes" / "dev"
# The dev reports the figures below were measured on: a report added later
# is scored by `invoke evaluate` at once, and joins this list (with the
# figures it brings) when the rules are next tuned.
SHAPES_DEV_MEASURED = [
    "anadolu-erdogan-gulf-tour-2026-02-20",
    "ap-us-tariffs-north-america-china-2026-08-04",
    "b-afpstyle-cholera-southern-africa-2026-02-14",
    "b-afpstyle-typhoon-nakri-2026-10-19",
    "b-aljstyle-timor-leste-vote-reactions-2026-05-25",
    "b-anadolustyle-migrant-boats-central-med-2026-09-05",
    "b-apstyle-five-countries-vote-2026-10-11",
    "b-bbcstyle-africa-live-2026-06-17",
    "b-reutersstyle-four-countries-vote-2026-04-12",
    "b-reutersstyle-heatwave-southern-europe-2026-07-16",
    "b-rfastyle-quake-burma-thailand-2026-04-03",
    "b-rnzstyle-pacific-news-in-brief-2026-03-10",
    "bernama-anwar-asean-summit-bilaterals-2026-05-08",
    "businessday-sacu-us-tariff-exporters-2026-10-02",
    "highnorth-mackerel-coastal-states-deal-2026-11-27",
    "kazinform-toktogul-water-protocol-2026-03-12",
    "lusa-china-lusophone-trade-record-2026-03-20",
    "reuters-opec-plus-eight-pause-increases-2026-06-01",
    "state-dept-rubio-mekong-ministerial-2026-07-09",
    "wam-mbz-sustainability-week-leaders-2026-01-13",
]


def _score_reports(folder, stems, automatic):
    total = Score()
    for stem in stems:
        total.add(score_report(folder / f"{stem}.md", SPLITTER, automatic))
    return total


def _assert_floors(folder, stems, count, automatic, recall, precision, exact):
    """Score a frozen part's reports and hold each figure to its floor."""
    assert len(stems) == count
    score = _score_reports(folder, stems, automatic)
    assert score.reports == count
    assert score.recall >= recall
    assert score.precision >= precision
    assert score.exact_set_rate >= exact


@pytest.mark.parametrize("automatic, recall, precision, exact", [
    (False, 0.99, 0.99, 1.0),
    (True, 0.98, 0.95, 0.85),
], ids=["countries-line", "automatic"])
def test_shapes_dev_part_holds_its_figures(automatic, recall, precision, exact):
    """The shapes corpus's dev part (issue 11: every kind of multi-country news).

    Held at what the rules reached on its 20 reports (with `Countries:` 0.991
    recall / 0.991 precision; automatic 0.988 / 0.955, exact country sets 17
    of 20). The issue's targets are met here (0.98; 85% and 0.95), on the
    part the rules were tuned on.
    """
    score = _score_reports(SHAPES_DEV, SHAPES_DEV_MEASURED, automatic)
    assert score.reports == len(SHAPES_DEV_MEASURED)
    report = "\n".join(score.mistakes)
    assert score.recall >= recall, report
    assert score.precision >= precision, report
    assert score.exact_set_rate >= exact, report


SHAPES_TEST = DATA / "shapes" / "test"
# The frozen part, measured once when the rules were done (never tuned on).
SHAPES_TEST_MEASURED = [
    "afp-asian-markets-oil-slump-2026-09-14",
    "apa-meinl-reisinger-western-balkans-tour-2026-06-17",
    "b-afpstyle-hurricane-caribbean-2026-09-18",
    "b-aljstyle-measles-levant-2026-03-20",
    "b-apstyle-east-africa-floods-2026-05-02",
    "b-dwstyle-weekend-votes-latvia-bosnia-greenland-2026-10-05",
    "b-kyodostyle-asia-news-summary-2026-12-01",
    "b-rnzstyle-pacific-news-in-brief-2026-11-12",
    "reuters-eu-21st-sanctions-package-2026-04-23",
    "trt-atlantic-gas-pipeline-transit-deals-2026-10-22",
    "xinhua-wang-yi-pacific-island-ministers-2026-05-29",
]


@pytest.mark.parametrize("automatic, recall, precision, exact", [
    (False, 0.97, 0.94, 1.0),
    (True, 0.96, 0.90, 0.63),
], ids=["countries-line", "automatic"])
def test_shapes_test_part_does_not_regress(automatic, recall, precision, exact):
    """The first frozen test part: a regression floor.

    Measured once when the first round's rules were final (with `Countries:`
    0.961 recall / 0.947 precision; automatic 0.941 / 0.901, exact country
    sets 7 of 11); after the second round (tuned on dev/ and on real copy
    kept outside the repository, never on this part) 0.980 / 0.948 and
    0.961 / 0.907, 7 of 11. BELOW the issue's targets (0.98 with
    `Countries:`; 85% exact sets and 0.95 automatically).
    """
    score = _score_reports(SHAPES_TEST, SHAPES_TEST_MEASURED, automatic)
    assert score.reports == len(SHAPES_TEST_MEASURED)
    assert score.recall >= recall
    assert score.precision >= precision
    assert score.exact_set_rate >= exact


SHAPES_TEST2 = DATA / "shapes" / "test2"
SHAPES_TEST3 = DATA / "shapes" / "test3"
SHAPES_TEST4 = DATA / "shapes" / "test4"
# The frozen parts written and labelled blind after each round's tuning,
# each measured once when that round's rules were final, never tuned on.
# Each frozen part and how many reports it holds (none may go missing).
FROZEN_PARTS = {"test2": (SHAPES_TEST2, 16), "test3": (SHAPES_TEST3, 16),
                "test4": (SHAPES_TEST4, 14)}


@pytest.mark.parametrize("part, automatic, recall, precision, exact", [
    # test2 (16 reports, 12 not diplomatic), measured once in round two (with
    # `Countries:` 0.956 recall / 0.909 precision; automatic 0.901 / 0.808,
    # exact country sets 5 of 16). Round three, tuned on new real copy and
    # never on this part, ends at 0.960 / 0.917 and 0.933 / 0.822, 6 of 16
    # (on the way, a summit of equals having no home side traded a little
    # precision for the host's paragraphs); contributor lines and desk
    # initials read as page furniture then lift it to 0.927 and 0.836.
    # Round four read this part's mistakes (so it is seen): a demonym after
    # "a"/"an" is an origin, an election named right after the most-named
    # country is its story: 0.964 / 0.938 and 0.960 / 0.880, 10 of 16.
    ("test2", False, 0.96, 0.93, 1.0),
    ("test2", True, 0.95, 0.87, 0.62),
    # test3 (16 reports, 13 not diplomatic), measured once in round three:
    # 0.987 / 0.868; automatic 0.965 / 0.737, 2 of 16 (the rules as the
    # round began: 0.978 / 0.914 and 0.925 / 0.789, 3 of 16). Recall rose and
    # precision FELL. Read after the measurement, not tuned on: most new
    # false positives are page-furniture lines the labels list but the
    # splitter does not recognise (a contributor line, desk initials with
    # the agencies' credit, a caption with no credit), now given to the list
    # of parties before them; the rest are background paragraphs after a
    # list (a bloc's lead, a sanctioned company's country). Seen, then: the
    # contributor lines and desk initials (already seen in test2) became page
    # furniture, giving 0.987 / 0.907 and 0.965 / 0.766, 2 of 16; the floors
    # are those, and a new frozen part is needed for an unseen figure.
    # Round four, with the rules above and real-copy furniture: 0.996 / 0.934
    # and 0.978 / 0.874, 7 of 16.
    ("test3", False, 0.99, 0.93, 1.0),
    ("test3", True, 0.97, 0.87, 0.43),
    # test4 (14 reports, 10 not diplomatic), written blind in round four by
    # two writers briefed only with the labelling guide; measured ONCE, when
    # round four's rules were final, never tuned on: with `Countries:` 0.958
    # / 0.854; automatic 0.905 / 0.771, exact sets 5 of 14 (the rules as the
    # round began: 0.958 / 0.854 and 0.900 / 0.774, 5 of 14). FAR below the
    # issue's targets (0.98; 0.95 and 85%): floors, not goals.
    ("test4", False, 0.95, 0.85, 1.0),
    ("test4", True, 0.90, 0.77, 0.35),
], ids=["test2-countries-line", "test2-automatic", "test3-countries-line", "test3-automatic",
        "test4-countries-line", "test4-automatic"])
def test_frozen_shapes_parts_do_not_regress(part, automatic, recall, precision, exact):
    """The frozen parts written blind after round two and round three.

    FAR BELOW the issue's targets: regression floors, not goals.
    """
    folder, count = FROZEN_PARTS[part]
    stems = sorted(p.stem for p in folder.glob("*.md"))
    _assert_floors(folder, stems, count, automatic, recall, precision, exact)
