"""Where an imported report goes, and the refusal to overwrite or import twice.

The file is named ``<date>-<slug of the headline>.md``. A report is never
overwritten, and the same story is never imported twice: before writing,
the reports folder is searched for a report with the same headline or with
most of the same paragraphs (compared by their letters and digits, so the
Markdown escapes and white space of an earlier import do not hide it).
"""

from __future__ import annotations

import html
import re
import unicodedata
from pathlib import Path

from pelican.utils import slugify

from .document import Document
from .errors import ImportRefused

SLUG_MAX_CHARS = 60
# Paragraphs this short ("Both sides agreed.") recur across different stories.
_MIN_COMPARED_CHARS = 40
# The share of the new report's paragraphs an old one must hold to be the same story.
_SAME_STORY_SHARE = 0.5
# With the same headline, fewer shared paragraphs suffice (a story re-saved with edits).
_SAME_TITLE_SHARE = 0.2
_METADATA_LINE = re.compile(r"^[A-Za-z_][\w-]*:")


def fingerprint(text: str) -> str:
    """Return the letters and digits of ``text``, case-folded: what stays across escapes."""
    text = unicodedata.normalize("NFC", html.unescape(text)).casefold()
    return "".join(ch for ch in text if ch.isalnum())


def file_name(doc: Document, substitutions=()) -> str:
    """Return ``YYYY-MM-DD-headline-slug.md`` (the slug cut at a word, at most 60 chars)."""
    slug = slugify(doc.title, regex_subs=list(substitutions)) or "report"
    if len(slug) > SLUG_MAX_CHARS:
        slug = slug[:SLUG_MAX_CHARS + 1].rsplit("-", 1)[0]
    return f"{doc.date:%Y-%m-%d}-{slug}.md"


def _report_parts(text: str) -> tuple[str, list[str]]:
    """Return an existing report's title and body paragraphs, as fingerprints."""
    head, _, body = text.partition("\n\n")
    title = ""
    for line in head.splitlines():
        if line.lower().startswith("title:"):
            title = fingerprint(line[6:])
    if not all(_METADATA_LINE.match(x) or x.startswith("    ") for x in head.splitlines()):
        body = text  # no metadata block: the whole file is the body
    paragraphs = [fingerprint(p) for p in re.split(r"\n\s*\n|\n(?=[-*+] |\d+\. )", body)]
    return title, [p for p in paragraphs if p]


def find_same_story(doc: Document, folder: Path) -> Path | None:
    """Return the report in ``folder`` (searched recursively) that holds this story."""
    if not folder.is_dir():
        return None
    title = fingerprint(doc.title)
    new = {fingerprint(t) for t in doc.paragraphs}
    new = {p for p in new if len(p) >= _MIN_COMPARED_CHARS}
    for path in sorted(folder.rglob("*.md")):
        try:
            old_title, old = _report_parts(path.read_text(encoding="utf-8-sig"))
        except (OSError, UnicodeDecodeError):
            continue
        shared = len(new & set(old)) / len(new) if new else 0.0
        if shared >= _SAME_STORY_SHARE or title and old_title == title and (
                shared >= _SAME_TITLE_SHARE or not new):
            return path
    return None


def write_report(doc: Document, text: str, folder: Path, substitutions=()) -> Path:
    """Write ``text`` as a new report in ``folder``; refuse to overwrite or duplicate."""
    same = find_same_story(doc, folder)
    if same is not None:
        raise ImportRefused(f"this story is already in {same}: nothing written "
                            "(delete or rename that file to import it again)")
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / file_name(doc, substitutions)
    try:
        # "x": never replace a file, even one that appeared a moment ago.
        with open(target, "x", encoding="utf-8", newline="\n") as out:
            out.write(text)
    except FileExistsError:
        raise ImportRefused(f"{target} already exists: nothing written") from None
    return target
