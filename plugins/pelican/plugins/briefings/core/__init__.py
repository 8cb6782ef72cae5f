"""The splitting core: everything that never imports Pelican.

Reports in (HTML), briefings out: parsing, the gazetteer, cue phrases,
aliases, attribution, briefings, annotation, topics, naming and evaluation.
``tests/test_layers.py`` fails if any module here imports ``pelican``.
"""

from pathlib import Path

# The reviewed data files (gazetteer, cues, topics) the core reads.
DATA_DIR = Path(__file__).resolve().parent.parent / "data"
