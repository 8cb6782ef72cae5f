"""Write a :class:`~.document.Document` as a Pelican Markdown report.

Every character the reporter wrote must render as itself, so whatever
Python-Markdown (with Pelican's default extensions: extra, codehilite, meta)
would read as markup is escaped: emphasis and code marks, links and
footnotes, raw HTML and entities, attribute lists, and line openings that
start a heading, quote, list, rule, definition or code fence. Escapes use
backslashes where Markdown has one and character references where it has
none, so the Markdown file stays readable.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .document import HEADING, ITEM, NUMBERED, Document

# Markdown's own backslash escapes, escaped anywhere in a line.
_ANYWHERE = re.compile(r"([\\`*_{}\[\]#|])")
_ENTITY = re.compile(r"&(?=#?[A-Za-z0-9]+;)")
# Line openings that make a block something else.
_OPENING = (
    (re.compile(r"^([>+-])"), r"\\\1"),  # quote, list, rule, setext underline
    (re.compile(r"^(\d+)\."), r"\1\\."),  # numbered list: "1. "
    (re.compile(r"^:"), "&#58;"),  # definition list
    (re.compile(r"^~"), "&#126;"),  # fenced code
    (re.compile(r"^="), "&#61;"),  # setext underline
)


def escape(text: str) -> str:
    """Return Markdown that renders as exactly ``text`` (one line, trimmed)."""
    text = _ENTITY.sub("&amp;", text)
    text = text.replace("<", "&lt;")
    text = _ANYWHERE.sub(r"\\\1", text)
    for pattern, replacement in _OPENING:
        text = pattern.sub(replacement, text)
    return text


def metadata_value(text: str) -> str:
    """Return ``text`` fit for one metadata line (Pelican reads it as plain text)."""
    return " ".join(text.split())


def to_markdown(doc: Document, countries: Sequence[str] = ()) -> str:
    """Return the report file's text: metadata lines, a blank line, the blocks."""
    lines = [f"Title: {metadata_value(doc.title)}"]
    if doc.date is not None:
        time = "" if (doc.date.hour, doc.date.minute) == (0, 0) else f" {doc.date:%H:%M}"
        lines.append(f"Date: {doc.date:%Y-%m-%d}{time}")
    if doc.source:
        lines.append(f"Source: {metadata_value(doc.source)}")
    if doc.source_url:
        lines.append(f"Source_url: {metadata_value(doc.source_url)}")
    if countries:
        lines.append("Countries: " + ", ".join(countries))
    body: list[str] = []
    previous = None
    for block in doc.blocks:
        in_list = block.kind in (ITEM, NUMBERED)
        if not (in_list and previous == block.kind):
            body.append("")
        if block.kind == HEADING:
            body.append("## " + escape(block.text))
        elif block.kind == ITEM:
            body.append("- " + escape(block.text))
        elif block.kind == NUMBERED:
            body.append("1. " + escape(block.text))
        else:
            body.append(escape(block.text))
        previous = block.kind
    return "\n".join(lines + body) + "\n"
