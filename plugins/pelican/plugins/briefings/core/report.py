"""Read a report's HTML into blocks, and write the annotated report back.

Pure core: no Pelican import. A *block* is what an editor thinks of as one
paragraph (a ``<p>``, a list item, a table) or one subheading. Blocks carry a
stable anchor id, derived from their text, so links into the report survive
edits elsewhere in it.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from typing import cast

from bs4 import (
    BeautifulSoup,
    Comment,
    Declaration,
    Doctype,
    NavigableString,
    ProcessingInstruction,
    Tag,
)
from bs4.dammit import EntitySubstitution
from bs4.formatter import HTMLFormatter

HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
# Elements read as one paragraph each, whatever they contain.
LEAF_BLOCK_TAGS = frozenset({"p", "li", "pre", "table", "figure", "dd", "dt"})
# Elements whose children are the blocks.
CONTAINER_TAGS = frozenset(
    {"ul", "ol", "dl", "blockquote", "div", "section", "article", "aside", "main"}
)

# Elements whose text is written out unescaped (the "minimal" formatter's own list).
_LITERAL_TEXT_TAGS = frozenset(HTMLFormatter.REGISTRY["minimal"].cdata_containing_tags)
# Strings in the tree that are never report text.
_IGNORED_STRINGS = (Comment, Declaration, Doctype, ProcessingInstruction)


# A dateline opening a paragraph: where (and when, and for whom) the reporter
# filed, in capitals, then a dash ("TEHRAN –", "ASHGABAT, Dec 12 (Agency) -",
# "LONDON/DUBAI (Reuters) —"). It says nothing about what happened, so it is
# never a headline or a summary. A colon is not one: "GUATEMALA: Voters…" is
# a round-up's label, the item's subject.
DATELINE = re.compile(
    r"^[A-Z][A-Z.'’/ -]*[A-Z.]"  # the place, in capitals
    r"(?:\s*,\s*[^–—()\n]{1,40}?)?"  # ", Dec 12"
    r"(?:\s*\([^()\n]{1,40}\))?"  # "(Agency)"
    r"(?:\s+-+|\s*[–—])(?:\s+|$)")


def normalise_space(text: str) -> str:
    """Collapse runs of white space, as a browser does when it renders text."""
    # str.split() and the regex \s agree on what white space is.
    return " ".join(text.split())


@dataclass
class Block:
    """One paragraph or subheading of a report, in report order."""

    index: int
    kind: str  # "heading" or "paragraph"
    text: str  # plain text, white space normalised
    html: str  # inner HTML, as the report has it
    anchor: str = ""
    element: Tag | None = field(default=None, repr=False, compare=False)
    # The inner HTML before stripping: the annotated report reuses it rather
    # than serialising the paragraph again.
    inner_html: str | None = field(default=None, repr=False, compare=False)

    @property
    def is_heading(self) -> bool:
        return self.kind == "heading"

    @property
    def tag(self) -> Tag:
        """The block's element in the parsed tree (every parsed block has one)."""
        if self.element is None:
            raise ValueError(f"block {self.index} ({self.anchor}) was not parsed from a tree")
        return self.element


@dataclass
class ParsedReport:
    """A report's blocks plus the parsed tree they point into."""

    blocks: list[Block]
    soup: BeautifulSoup = field(repr=False)

    @property
    def paragraphs(self) -> list[Block]:
        return [b for b in self.blocks if not b.is_heading]


def _anchor(prefix: str, text: str, taken: dict[str, int]) -> str:
    """Return an id from the text's hash; repeats of one text get -2, -3, ..."""
    anchor = f"{prefix}-{hashlib.sha1(text.encode('utf-8')).hexdigest()[:8]}"
    seen = taken.get(anchor, 0)
    taken[anchor] = seen + 1
    return anchor if seen == 0 else f"{anchor}-{seen + 1}"


# A line that ends a sentence: pasted copy keeps one paragraph per line.
_ENDS_SENTENCE = re.compile(r"[.!?…:][”’\"')\]]*\s*$")
# Lines shorter than this on average look hard-wrapped, not pasted.
_PASTED_LINE = 100


def _pasted_lines(element: Tag) -> list[list] | None:
    """Return a <p>'s children grouped by line, if each line is a paragraph.

    Copy pasted from a news site arrives with one paragraph per line and no
    blank lines between them, so Markdown makes one <p> of it. Hard-wrapped
    Markdown also has newlines, but its lines stop mid-sentence.
    """
    text = element.get_text()
    lines = [line for line in text.split("\n") if line.strip()]
    if len(lines) < 2 or sum(map(len, lines)) / len(lines) < _PASTED_LINE:
        return None
    if not all(_ENDS_SENTENCE.search(line) for line in lines[:-1]):
        return None
    groups: list[list] = [[]]
    for child in list(element.children):
        if isinstance(child, NavigableString) and "\n" in child:
            head, *rest = str(child).split("\n")
            groups[-1].append(head)
            for part in rest:
                groups.append([part])
        elif isinstance(child, Tag) and "\n" in child.get_text():
            return None  # a line break inside markup: leave it whole
        else:
            groups[-1].append(child)
    return [g for g in groups if "".join(str(x) for x in g).strip()]


def _split_pasted(element: Tag) -> list[Tag]:
    """Replace a pasted multi-paragraph <p> by one <p> per line."""
    groups = _pasted_lines(element)
    if groups is None:
        return [element]
    soup = BeautifulSoup("", "html.parser")
    paragraphs = []
    for group in groups:
        paragraph = soup.new_tag("p")
        for part in group:
            paragraph.append(part.extract() if isinstance(part, Tag) else NavigableString(part))
        paragraphs.append(paragraph)
    for paragraph in paragraphs:
        element.insert_before(paragraph)
        element.insert_before(NavigableString("\n"))
    element.decompose()
    return paragraphs


def _walk(node: Tag, found: list[Tag]) -> None:
    for child in list(node.children):  # a copy: pasted paragraphs are split in place
        if isinstance(child, NavigableString):
            if child.strip() and not isinstance(child, _IGNORED_STRINGS):
                # Bare text at block level: wrap it so it can carry an anchor.
                wrapper = child.wrap(BeautifulSoup("", "html.parser").new_tag("p"))
                found.append(wrapper)
            continue
        if not isinstance(child, Tag):
            continue
        name = child.name.lower()
        if name == "p" and "\n" in _text(child, ""):
            found.extend(_split_pasted(child))
        elif name in HEADING_TAGS or name in LEAF_BLOCK_TAGS:
            found.append(child)
        elif name in CONTAINER_TAGS:
            if any(isinstance(c, Tag) and c.name in LEAF_BLOCK_TAGS | CONTAINER_TAGS
                   for c in child.children):
                _walk(child, found)
            elif child.get_text(strip=True):
                found.append(child)
        elif child.get_text(strip=True):
            # Inline content at block level (e.g. a bare <a> or <em>).
            found.append(child)


def _plain_text(element: Tag) -> list[NavigableString] | None:
    """Return an element's strings if it holds plain text only, else None.

    Most paragraphs do: their text and markup then come straight from the
    strings, without Beautiful Soup walking the tree for each.
    """
    contents = element.contents
    if (element.name not in _LITERAL_TEXT_TAGS
            and NavigableString in (element.interesting_string_types or ())
            and all(type(child) is NavigableString for child in contents)):
        return cast(list[NavigableString], contents)  # checked just above
    return None


def _text(element: Tag, separator: str) -> str:
    """Return ``element.get_text(separator)``."""
    strings = _plain_text(element)
    return element.get_text(separator) if strings is None else separator.join(strings)


def _inner_html(element: Tag) -> str:
    """Return ``element.decode_contents()``.

    Beautiful Soup's "minimal" formatter writes plain text with ``&``, ``<``
    and ``>`` escaped, as done here.
    """
    strings = _plain_text(element)
    if strings is None:
        return element.decode_contents()
    return "".join(EntitySubstitution.substitute_xml(string) for string in strings)


def parse_report(html: str) -> ParsedReport:
    """Split report HTML into headings and paragraphs, each with an anchor id."""
    soup = BeautifulSoup(html, "html.parser")
    elements: list[Tag] = []
    _walk(soup, elements)
    blocks: list[Block] = []
    taken: dict[str, int] = {}
    for element in elements:
        text = normalise_space(_text(element, " "))
        if not text:
            continue
        kind = "heading" if element.name in HEADING_TAGS else "paragraph"
        anchor = _anchor("h" if kind == "heading" else "p", text, taken)
        inner_html = _inner_html(element)
        blocks.append(
            Block(
                index=len(blocks),
                kind=kind,
                text=text,
                html=inner_html.strip(),
                anchor=anchor,
                element=element,
                inner_html=inner_html,
            )
        )
    return ParsedReport(blocks=blocks, soup=soup)
