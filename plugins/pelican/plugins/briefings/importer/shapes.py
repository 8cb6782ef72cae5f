"""How a line of text shows what it is: a subheading, a list item, a URL.

Shared by the plain-text reader and the web-page mapper (a bold line of its
own on a page is a subheading by the same test).
"""

from __future__ import annotations

import re

# A subheading is short and does not end a sentence.
HEADING_MAX_WORDS = 16
HEADING_MAX_CHARS = 160
QUESTION_MAX_WORDS = 12
_CLOSERS = "\"'”’»)]›"
_SENTENCE_END = ".!?…:;,"
_LIST_ITEM = re.compile(r"(?P<mark>[-*•–·▪●◦‣]|(?P<number>\d{1,3})[.)])\s+(?P<text>\S.*)")
_URL = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
_SPACES = re.compile(r"[ \t]+")


def clean(line: str) -> str:
    """Make runs of spaces and tabs one space and trim white space off both ends."""
    return _SPACES.sub(" ", line).strip()


def looks_like_heading(line: str) -> bool:
    """Return whether ``line`` reads as a subheading rather than a sentence."""
    words = line.split()
    if not words or len(words) > HEADING_MAX_WORDS or len(line) > HEADING_MAX_CHARS:
        return False
    if not any(ch.isalpha() for ch in line) or not line[0].isupper() and not line[0].isdigit():
        return False
    end = line.rstrip(_CLOSERS)
    if not end:
        return False
    if end[-1] == "?":
        return len(words) <= QUESTION_MAX_WORDS and not any(q in line for q in "\"“”")
    return end[-1] not in _SENTENCE_END


def ends_sentence(line: str) -> bool:
    """Return whether ``line`` ends with a sentence's punctuation (quotes aside)."""
    end = line.rstrip(_CLOSERS)
    return bool(end) and end[-1] in ".!?…:;"


def list_item(line: str) -> tuple[str, str] | None:
    """Return ``(kind, text)`` if ``line`` is a list item ("- x", "• x", "2. x")."""
    match = _LIST_ITEM.fullmatch(line)
    if not match:
        return None
    return ("numbered" if match["number"] else "item"), match["text"]


def is_url(line: str) -> bool:
    return bool(_URL.fullmatch(line))


PROSE_MIN_WORDS = 6


def is_prose(text: str) -> bool:
    """Return whether ``text`` is a sentence of a report (a page's junk seldom is)."""
    end = text.rstrip(_CLOSERS)
    return len(text.split()) >= PROSE_MIN_WORDS and bool(end) and end[-1] in ".!?…"
