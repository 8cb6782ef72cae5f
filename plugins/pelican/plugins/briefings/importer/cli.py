"""``invoke import FILE...``: write each file as a new report and say what was done.

For each file: read it (plain text or a saved web page), settle its date
(``--date``, else what the file says, else refuse: never the clock), set or
propose its ``Countries:`` line, write ``<date>-<slug>.md`` into the reports
folder without overwriting anything, and print the path, the metadata, the
proposed countries and every line dropped as page furniture. A file that
cannot be imported gets one message naming it; the others still go in, and
the command exits non-zero.
"""

from __future__ import annotations

import sys
import textwrap
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path

from ..core.sanitize import compose_letters
from . import dates
from .decoding import read_text
from .document import HEADING, PARAGRAPH, Document
from .errors import ImportRefused
from .markdown import to_markdown
from .plaintext import read_plain_text
from .store import write_report

PAGE_SUFFIXES = {".html", ".htm", ".xhtml", ".shtml"}
MHTML_SUFFIXES = {".mhtml", ".mht"}
TEXT_SUFFIXES = {".txt", ".text", ""}
_PAGE_OPENINGS = ("<!doctype html", "<html", "<!-- saved from url")


def _looks_like_page(text: str) -> bool:
    return text.lstrip()[:200].lower().startswith(_PAGE_OPENINGS)


def read_document(path: Path) -> tuple[Document, str]:
    """Read ``path`` into a Document; return it and what it was read as."""
    suffix = path.suffix.lower()
    if suffix in {".md", ".markdown"}:
        raise ImportRefused(f"{path}: is Markdown already: copy it into the reports "
                            "folder as it is, with its metadata lines")
    if suffix in MHTML_SUFFIXES:
        return _read_mhtml(path)
    decoded = read_text(path)
    if suffix not in PAGE_SUFFIXES | TEXT_SUFFIXES and path.exists():
        raise ImportRefused(
            f"{path}: import reads plain text (.txt) and saved web pages (.html, .htm, .mhtml), "
            f"not {suffix} files; if it is plain text, rename it to .txt")
    if suffix in PAGE_SUFFIXES or _looks_like_page(decoded.text):
        return _page_reader(path)(decoded.text, path), f"{decoded.encoding} saved web page"
    return read_plain_text(decoded.text, path), f"{decoded.encoding} plain text"


def _page_reader(path: Path):
    try:
        from .webpage import read_web_page
    except ImportError as error:
        raise ImportRefused(
            f"{path}: reading saved web pages needs the importer's extra "
            f"dependencies ({error.name or error} is missing): "
            "pip install 'pelican-briefings[import]'") from None
    return read_web_page


def _read_mhtml(path: Path) -> tuple[Document, str]:
    from .decoding import read_bytes
    from .mhtml import html_of_mhtml

    html, charset, address = html_of_mhtml(read_bytes(path), path)
    if not html.strip():
        raise ImportRefused(f"{path}: the page in it is empty: nothing to import")
    doc = _page_reader(path)(compose_letters(html), path)
    if not doc.source_url and address.lower().startswith(("http://", "https://")):
        doc.source_url = address
    return doc, f"{charset} web page saved as one file (MHTML)"


def _date_line(doc: Document) -> str:
    when = doc.date
    if when is None:
        return "Date: none found"
    shown = f"{when:%Y-%m-%d}" if (when.hour, when.minute) == (0, 0) else f"{when:%Y-%m-%d %H:%M}"
    return f"Date: {shown} (from {doc.date_source})"


def _summary(doc: Document) -> str:
    counts = {kind: sum(b.kind == kind for b in doc.blocks) for kind in (PARAGRAPH, HEADING)}
    items = len(doc.blocks) - counts[PARAGRAPH] - counts[HEADING]
    return (f"{counts[PARAGRAPH]} paragraph(s), {counts[HEADING]} subheading(s), "
            f"{items} list item(s)")


def import_one(path: Path, dest: Path, proposer, countries: Sequence[str] | None,
               date: datetime | None, substitutions=()) -> list[str]:
    """Import one file; return the lines to print. Raises ImportRefused."""
    doc, kind = read_document(path)
    if date is not None:
        doc.date, doc.date_source = date, "--date"
    if doc.date is None:
        raise ImportRefused(f"{path}: no date in it (no date line, dateline, page date or "
                            "date in the file name): give one with --date YYYY-MM-DD")
    if countries:
        chosen, said = list(countries), "set by --countries"
    else:
        chosen = proposer.propose(to_markdown(doc))
        said = ("proposed by the splitter: check them, and correct the file's Countries: "
                "line if they are wrong" if chosen else
                "the splitter found none: add a Countries: line to the file")
    target = write_report(doc, to_markdown(doc, chosen), dest, substitutions)
    lines = [f"{target}  (from {path}, read as {kind})",
             f"  Title: {doc.title}",
             f"  {_date_line(doc)}"]
    if doc.source:
        lines.append(f"  Source: {doc.source}")
    if doc.source_url:
        lines.append(f"  Source_url: {doc.source_url}")
    lines.append(f"  Countries: {', '.join(chosen) or '(none)'}  ({said})")
    lines.append(f"  Kept: {_summary(doc)}")
    lines.extend(f"  Note: {note}" for note in doc.notes)
    if doc.dropped:
        lines.append(f"  Dropped {len(doc.dropped)} line(s) as not report text:")
        for item in doc.dropped:
            quote = textwrap.shorten(item.text, 100, placeholder="…")
            lines.append(f"    - “{quote}” ({item.reason})")
    else:
        lines.append("  Dropped: nothing")
    return lines


def import_reports(files: Sequence[str], dest: str, settings: dict,
                   countries: str = "", date: str = "",
                   out: Callable[[str], None] = print,
                   err: Callable[[str], None] | None = None) -> int:
    """Import ``files`` into ``dest``; return the exit status (0: all imported)."""
    err = err or (lambda line: print(line, file=sys.stderr))
    if not files:
        err("invoke import: name at least one file to import")
        return 2
    from .proposal import CountryProposer  # reads the gazetteer: only when needed

    try:
        when = dates.parse_option(date) if date else None
        proposer = CountryProposer(settings)
        chosen = proposer.resolve(countries) if countries else None
    except ValueError as error:
        err(f"invoke import: {error}")
        return 2
    failed = 0
    substitutions = settings.get("SLUG_REGEX_SUBSTITUTIONS", ())
    for name in files:
        try:
            lines = import_one(Path(name), Path(dest), proposer, chosen, when, substitutions)
        except ImportRefused as refusal:
            failed += 1
            message = str(refusal)
            if not message.startswith(name):
                message = f"{name}: {message}"
            err(f"invoke import: {message}")
            continue
        for line in lines:
            out(line)
    return 1 if failed else 0
