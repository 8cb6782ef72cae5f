"""Build real sites into temporary folders, as an editor's `invoke build` does."""

from __future__ import annotations

import json
import logging
import shutil
from pathlib import Path

from bs4 import BeautifulSoup

from pelican import Pelican
from pelican.settings import read_settings

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "content"
# The seed as received and its labels: a committed copy of ../shared/seed/, so
# a clone tests on its own; test_seed_copy.py keeps the copy honest.
SEED_DIR = ROOT / "tests" / "data" / "seed"
SHARED_SEED_DIR = ROOT.parent / "shared" / "seed"
SEED_REPORT = CONTENT / "reports" / "ashgabat-2025-12-12.md"
SITEURL = "http://briefings.test"


def seed_labels() -> dict:
    """Return the seed's labels (the acceptance data for the splitter)."""
    return json.loads((SEED_DIR / "ashgabat-2025-12-12.labels.json").read_text("utf-8"))


def build_site(content: Path, output: Path, **overrides) -> Path:
    """Build ``content`` with the project's pelicanconf.py into ``output``."""
    settings = read_settings(
        str(ROOT / "pelicanconf.py"),
        override={
            "PATH": str(content),
            "OUTPUT_PATH": str(output),
            "CACHE_CONTENT": False,
            "LOAD_CONTENT_CACHE": False,
            "SITEURL": SITEURL,
            "FEED_DOMAIN": SITEURL,
            **overrides,
        },
    )
    logging.getLogger("pelican").setLevel(logging.WARNING)
    Pelican(settings).run()
    return output


def copy_content(target: Path, reports: dict[str, str] | None = None,
                 with_seed: bool = True) -> Path:
    """Make a content folder holding the seed and/or the given reports."""
    (target / "reports").mkdir(parents=True, exist_ok=True)
    if with_seed:
        shutil.copy(SEED_REPORT, target / "reports" / SEED_REPORT.name)
    pages = CONTENT / "pages"
    if pages.is_dir():
        shutil.copytree(pages, target / "pages", dirs_exist_ok=True)
    for name, text in (reports or {}).items():
        (target / "reports" / name).write_text(text, encoding="utf-8")
    return target


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def excerpt_texts(page: BeautifulSoup) -> dict[str, tuple[str, bool]]:
    """Return {paragraph anchor: (quoted text, is_context)} of a briefing page."""
    found = {}
    for quote in page.select("blockquote.excerpt"):
        clone = BeautifulSoup(str(quote), "html.parser").blockquote
        for extra in clone.select("footer, .excerpt-label"):
            extra.decompose()
        text = " ".join(clone.get_text(" ").split())
        found[quote["data-paragraph"]] = (text, "excerpt--context" in quote["class"])
    return found
