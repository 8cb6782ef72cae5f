"""Property: whatever a reporter writes comes out of import → Markdown → Pelican as written."""

import tempfile
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from importing import SETTINGS, run_import, written

from pelican.plugins.briefings.importer.document import (
    HEADING,
    ITEM,
    NUMBERED,
    PARAGRAPH,
    Block,
    Document,
)
from pelican.plugins.briefings.importer.markdown import to_markdown
from pelican.plugins.briefings.importer.shapes import clean
from pelican.readers import MarkdownReader

# Any character a text can hold, bar control characters (a file with them is
# refused as binary) and lone surrogates (not text).
TEXT = st.text(st.characters(exclude_categories=("Cc", "Cs")), min_size=1, max_size=80).map(
    clean).filter(bool)
READER = MarkdownReader(SETTINGS)


def render(markdown: str, folder: Path) -> BeautifulSoup:
    path = folder / "report.md"
    path.write_text(markdown, encoding="utf-8")
    content, _ = READER.read(str(path))
    return BeautifulSoup(content, "html.parser")


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(texts=st.lists(TEXT, min_size=1, max_size=4),
       kind=st.sampled_from([PARAGRAPH, HEADING, ITEM, NUMBERED]))
def test_any_text_renders_as_itself(tmp_path, texts, kind):
    doc = Document(title="Talks", blocks=[Block(PARAGRAPH, "Lead paragraph.")]
                   + [Block(kind, t) for t in texts])
    page = render(to_markdown(doc), tmp_path)
    tag = {PARAGRAPH: "p", HEADING: "h2", ITEM: "li", NUMBERED: "li"}[kind]
    rendered = [e.get_text() for e in page.find_all(tag)]
    if kind == PARAGRAPH:
        rendered = rendered[1:]
    assert rendered == texts
    # Nothing else appeared: no markup made of the reporter's characters.
    assert len(page.find_all(True)) == 1 + len(texts) + (kind in (ITEM, NUMBERED))


# The reporter's text inside a sentence: the import still has to know it for a
# paragraph (a line starting "©" is a copyright line, and is meant to go).
OPENING, CLOSING = "The minister said ", " on Friday after the talks."


@settings(max_examples=60, deadline=None)
@given(text=TEXT)
def test_a_paragraph_survives_the_whole_import(text):
    with tempfile.TemporaryDirectory() as name:
        check_whole_import(Path(name), text)


@pytest.mark.parametrize("text", [
    "\uf900\ufa10",  # CJK compatibility ideographs: NFC would swap them
    "\u2126 and \u212b",  # the ohm and angstrom signs: NFC singletons
])
def test_characters_nfc_would_replace_are_kept(tmp_path, text):
    """Only decomposed letters are composed; other code points stay as typed."""
    check_whole_import(tmp_path, text)


def test_decomposed_letters_are_composed(tmp_path):
    source = tmp_path / "story.txt"
    source.write_text(f"Ministers meet in Baku\n{OPENING}in Tu\u0308rkiye{CLOSING}\n",
                      encoding="utf-8")
    run = run_import([source], tmp_path / "reports", date="2026-01-01", countries="Azerbaijan")
    assert run.status == 0, run.errors
    (report,) = written(tmp_path / "reports")
    assert "T\u00fcrkiye" in report.read_text(encoding="utf-8")


def check_whole_import(folder, text):
    paragraph = OPENING + text + CLOSING
    source = folder / "story.txt"
    source.write_text(f"Ministers meet in Baku\n{paragraph}\n", encoding="utf-8")
    run = run_import([source], folder / "reports", date="2026-01-01", countries="Azerbaijan")
    assert run.status == 0, run.errors
    (report,) = written(folder / "reports")
    content, _ = READER.read(str(report))
    texts = [p.get_text() for p in BeautifulSoup(content, "html.parser").find_all("p")]
    assert paragraph in texts
