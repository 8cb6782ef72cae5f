"""Compare trafilatura and readability-lxml on the saved pages in tests/data/import/.

    .venv/bin/pip install readability-lxml==0.9   # not a project dependency
    .venv/bin/python scripts/compare_extractors.py

For each page with an ``.expected.json``: how many of the story's blocks
each extractor returns verbatim, how many it misses, how many other texts
(page furniture) it lets through, and which metadata it finds. "importer"
is trafilatura plus this project's mapping and furniture rules, i.e. what
`invoke import` writes. The figures are in docs/ARCHITECTURE.md.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import lxml.html
import trafilatura
from lxml import etree

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))

from pelican.plugins.briefings.importer.decoding import read_text  # noqa: E402
from pelican.plugins.briefings.importer.webpage import read_web_page  # noqa: E402

DATA = ROOT / "tests" / "data" / "import"
BLOCK_TAGS = ("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "div", "td")


def _texts(elements) -> list[str]:
    return [" ".join(t.split()) for t in elements if " ".join(t.split())]


def trafilatura_blocks(html: str) -> tuple[list[str], dict]:
    xml = trafilatura.extract(html, output_format="xml", with_metadata=True,
                              include_comments=False, include_tables=True, deduplicate=False)
    if not xml:
        return [], {}
    root = etree.fromstring(xml.encode("utf-8"))
    main = root.find("main")
    leaves = [e for e in main.iter("p", "head", "item", "cell", "quote")
              if not any(c.tag in ("p", "item", "head", "quote") for c in e)]
    meta = {k: root.get(k) for k in ("date", "sitename", "url") if root.get(k)}
    return _texts("".join(e.itertext()) for e in leaves), meta


def readability_blocks(html: str) -> tuple[list[str], dict]:
    from readability import Document

    summary = lxml.html.fromstring(Document(html).summary(html_partial=True))
    leaves = [e for e in summary.iter(*BLOCK_TAGS)
              if not any(c.tag in BLOCK_TAGS for c in e)]
    return _texts(e.text_content() for e in leaves), {}


def importer_blocks(path: Path) -> tuple[list[str], dict]:
    doc = read_web_page(read_text(path).text, path)
    meta = {"date": str(doc.date), "sitename": doc.source, "url": doc.source_url}
    return [b.text for b in doc.blocks], {k: v for k, v in meta.items() if v}


def score(found: list[str], story: dict) -> str:
    wanted = [text for _, text in story["blocks"]] + [story["title"]]
    kept = sum(text in found for text in wanted[:-1])
    extra = [t for t in found if t not in wanted]
    return f"{kept}/{len(wanted) - 1} kept, {len(extra)} other"


def main() -> None:
    try:
        import readability  # noqa: F401
    except ImportError:
        sys.exit("pip install readability-lxml==0.9 first (only this comparison needs it)")
    print(f"{'page':22} {'trafilatura':22} {'readability-lxml':22} {'importer':22} metadata")
    for expected in sorted(DATA.glob("*.expected.json")):
        page = expected.with_name(expected.name.replace(".expected.json", ".html"))
        if not page.exists():
            continue
        story = json.loads(expected.read_text("utf-8"))
        html = read_text(page).text
        t_found, t_meta = trafilatura_blocks(html)
        r_found, _ = readability_blocks(html)
        i_found, i_meta = importer_blocks(page)
        print(f"{page.stem:22} {score(t_found, story):22} {score(r_found, story):22} "
              f"{score(i_found, story):22} trafilatura: {sorted(t_meta)}; "
              f"importer: {sorted(i_meta)}; readability: title only")


if __name__ == "__main__":
    main()
