"""Score the splitter on a folder of labelled reports: recall, precision, exact sets.

    .venv/bin/python scripts/evaluate.py tests/data/shapes/dev            # both modes
    .venv/bin/python scripts/evaluate.py FOLDER --automatic --mistakes   # one mode, and why

Each ``<stem>.md`` with a ``<stem>.labels.json`` beside it is scored (see
``core/evaluation.py``); reports without labels are skipped, and so are (with a note) reports whose
labels do not fit their paragraphs. ``invoke
evaluate`` runs this script.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from pelican.plugins.briefings.core.attribution import Splitter
from pelican.plugins.briefings.core.evaluation import Score, labels_path, score_report
from pelican.plugins.briefings.core.gazetteer import Gazetteer


def main(argv: list[str] | None = None) -> int:
    """Print the figures for each folder and mode; 1 if a folder has no labels."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="+", type=Path)
    parser.add_argument("--automatic", action="store_true",
                        help="only the automatic mode (countries found by the splitter)")
    parser.add_argument("--countries-line", action="store_true",
                        help="only the mode with the labelled countries given")
    parser.add_argument("--mistakes", action="store_true", help="list every mistake")
    args = parser.parse_args(argv)
    modes = [m for m, wanted in ((False, args.countries_line), (True, args.automatic))
             if wanted or not (args.automatic or args.countries_line)]
    splitter = Splitter(Gazetteer.default())
    status = 0
    for folder in args.folders:
        labelled = [p for p in sorted(folder.glob("*.md")) if labels_path(p).exists()]
        if not labelled:
            print(f"{folder}: no labelled reports")
            status = 1
            continue
        for automatic in modes:
            score, unread = Score(), []
            for path in labelled:
                try:
                    score.add(score_report(path, splitter, automatic))
                except ValueError as error:  # labels that do not fit the report
                    unread.append(str(error))
            mode = "automatic" if automatic else "countries given"
            line = (f"{folder} ({score.reports} reports, {mode}): recall {score.recall:.3f}, "
                    f"precision {score.precision:.3f}")
            if automatic:
                line += (f", exact country sets {score.exact_sets}/{score.reports} "
                         f"({score.exact_set_rate:.0%})")
            print(line)
            for problem in unread:
                print(f"  not scored: {problem}")
            if args.mistakes:
                print("\n".join("  " + m for m in score.mistakes))
    return status


if __name__ == "__main__":
    sys.exit(main())
