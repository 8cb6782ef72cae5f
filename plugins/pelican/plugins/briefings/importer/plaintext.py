"""Read a plain-text report shaped like the seed.

The shape: the headline on the first line, then one paragraph per line (or,
in hard-wrapped text, per group of lines between blank lines), subheadings
as short lines that do not end a sentence, list items behind a bullet or a
number, and the page's furniture wherever a copy-paste left it. Furniture is
dropped by the rules in ``data/furniture.json``; so are related-story
teasers: the headline-shaped lines after a "Related stories" header, and
headline-shaped lines after the last paragraph (a subheading always has
text under it). Every dropped line is recorded with its reason.
"""

from __future__ import annotations

from pathlib import Path

from .document import HEADING, PARAGRAPH, Block, Document, Dropped
from .errors import ImportRefused
from .furniture import Furniture
from .screening import LineScreen
from .shapes import clean, ends_sentence, is_prose, is_url, list_item, looks_like_heading

WRAP_MAX_CHARS = 100


def _wrapped(group: list[str]) -> bool:
    """Return whether a blank-line-separated group is one paragraph wrapped over lines.

    Lines broken by an editor's wrap are short, and most of them stop
    mid-sentence; lines that are paragraphs of their own end sentences.
    """
    inner = [line for line in group[:-1] if not list_item(line)]
    if not inner or any(len(line) > WRAP_MAX_CHARS for line in inner):
        return False
    open_ended = sum(not ends_sentence(line) for line in inner)
    return open_ended * 2 >= len(inner)


def split_lines(text: str) -> list[str]:
    """Return the text's paragraphs: its lines, joined where a paragraph was wrapped.

    One paragraph per line is the seed's shape. In text with blank lines
    between paragraphs, a group of short lines that mostly stop mid-sentence
    is one wrapped paragraph (list items in it stay lines of their own).
    """
    # Only \n ends a line: str.splitlines() would also split at U+2028 and
    # other separators that can sit inside a reporter's paragraph.
    groups = [[clean(x) for x in g.split("\n") if clean(x)] for g in text.split("\n\n")]
    groups = [g for g in groups if g]
    if len(groups) < 2:
        return [line for g in groups for line in g]
    out = []
    for group in groups:
        if len(group) == 1 or not _wrapped(group):
            out.extend(group)
            continue
        current: list[str] = []
        for line in group:
            if list_item(line):
                if current:
                    out.append(" ".join(current))
                    current = []
                out.append(line)
            else:
                current.append(line)
        if current:
            out.append(" ".join(current))
    return out


def read_plain_text(text: str, path: Path, furniture: Furniture | None = None) -> Document:
    """Read ``text`` (the decoded file at ``path``) into a :class:`Document`."""
    furniture = furniture or Furniture.default()
    title = ""
    blocks: list[Block] = []
    screen = LineScreen(furniture, "the text's date line")
    dropped = screen.dropped
    source_url = ""
    for line in split_lines(text):
        if screen.drops(line):
            continue
        if is_url(line):
            if not source_url:
                source_url = line
            dropped.append(Dropped(line, "address" + (" (used as Source_url)"
                                                      if source_url == line else "")))
            continue
        if not title:
            title = line
            continue
        item = list_item(line)
        if item is not None:
            blocks.append(Block(*item))
            screen.teasers = False
        elif looks_like_heading(line):
            if screen.teasers:
                dropped.append(Dropped(line, "related-story teaser"))
                continue
            blocks.append(Block(HEADING, line))
        else:
            blocks.append(Block(PARAGRAPH, line))
            screen.teasers = False
    screen.drop_trailing_headings(blocks)
    if not title or not any(b.kind == PARAGRAPH and is_prose(b.text) for b in blocks):
        raise ImportRefused(f"{path}: has no report text in it (a headline line and at "
                            "least one paragraph of sentences are needed)")
    screen.date_from_dateline_or_name(blocks, path)
    return Document(title=title, blocks=blocks, date=screen.date,
                    date_source=screen.date_source, source_url=source_url, dropped=dropped)
