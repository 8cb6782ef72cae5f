"""Strip active content from HTML before it is published anywhere.

Pure core: no Pelican import. Reports, pages and their metadata arrive from
outside; a `<script>`, an ``onclick`` or a ``javascript:`` link in one must
never reach a page, a feed reader or the OPML. nh3 (Ammonia) keeps the text
and the harmless markup.

Two allow-lists, one promise (no script, no event handler, no unsafe URL):

* :func:`sanitize_html` is the splitter's input: no ``id`` or ``class``, so
  the annotation's own anchors and classes are the only ones in a report.
* :func:`sanitize_published` is for everything published as it was written
  (pages, drafts, hidden reports, a report whose split failed): it keeps
  ``id`` and ``class`` too (Markdown's heading anchors, code highlighting).

:func:`clean_text` makes text safe for XML 1.0 (feeds, OPML) and composes
letters typed decomposed (as NFC does), so every spelling of a name is the
same name.
"""

from __future__ import annotations

import re
import unicodedata
from html import unescape

import nh3

# Obsolete elements the HTML checker rejects; their text is kept.
_OBSOLETE = {"acronym", "center", "strike", "tt"}
ALLOWED_TAGS = frozenset(nh3.ALLOWED_TAGS - _OBSOLETE)

# Built once: nh3.clean() would build the same cleaner again for every report.
_CLEANER = nh3.Cleaner(tags=set(ALLOWED_TAGS))
_PUBLISHED_ATTRIBUTES = {tag: set(names) for tag, names in nh3.ALLOWED_ATTRIBUTES.items()}
_PUBLISHED_ATTRIBUTES["*"] = _PUBLISHED_ATTRIBUTES.get("*", set()) | {"id", "class"}
_PUBLISHED_CLEANER = nh3.Cleaner(tags=set(ALLOWED_TAGS), attributes=_PUBLISHED_ATTRIBUTES)

# Characters XML 1.0 forbids (C0 controls but tab, newline and carriage
# return; surrogates; U+FFFE, U+FFFF), plus those HTML calls parse errors:
# DEL, the C1 controls and the other noncharacters.
_NOT_TEXT = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff"
    + "".join(f"{chr(plane << 16 | 0xFFFE)}{chr(plane << 16 | 0xFFFF)}"
              for plane in range(1, 17))
    + "]")
# A letter followed by combining marks (the diacritics of Latin, Greek and
# Cyrillic letters typed decomposed): composed as NFC composes them. Only
# these runs: NFC would also replace "singletons" (a CJK compatibility
# ideograph, the ohm sign) by other code points, a change of the reporter's
# characters that matching names never needs.
_COMBINING_RUN = re.compile(
    "[^\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]"
    "[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]+")
# Vertical tab and form feed separate words: they become spaces, not nothing.
_AS_SPACE = {"\x0b": " ", "\x0c": " "}


def sanitize_html(html: str) -> str:
    """Return ``html`` without scripts, event handlers or unsafe URLs."""
    return _CLEANER.clean(html)


def sanitize_published(html: str) -> str:
    """Return ``html`` safe to publish: as :func:`sanitize_html`, ids and classes kept."""
    return _PUBLISHED_CLEANER.clean(html)


def plain_html(html: str) -> str:
    """Return ``html`` with every tag removed and its text still escaped."""
    return nh3.clean(html, tags=set())


def plain_text(value: str) -> str:
    """Return the text of a name that should hold no markup: tags gone, entities read.

    For tag, category, author and country names, which themes escape: a name
    typed as ``<b onclick=...>Oman</b>`` is the name "Oman".
    """
    if "<" not in value and "&" not in value:
        return value
    return unescape(plain_html(value))


def clean_text(text: str) -> tuple[str, list[str]]:
    """Return ``text`` without characters XML 1.0 forbids, letters composed, and what went.

    The second item names each removed character once (``"U+001B"``), for a
    warning; it is empty when only the Unicode form changed.
    """
    found = sorted(set(_NOT_TEXT.findall(text)))
    if found:
        text = _NOT_TEXT.sub(lambda m: _AS_SPACE.get(m[0], ""), text)
    return compose_letters(text), [f"U+{ord(c):04X}" for c in found]


def compose_letters(text: str) -> str:
    """Return ``text`` with letters typed decomposed composed, as NFC composes them.

    Only letter-plus-combining-mark runs change: every other character stays
    the code point the reporter typed (see ``_COMBINING_RUN``).
    """
    if text.isascii() or unicodedata.is_normalized("NFC", text):
        return text
    return _COMBINING_RUN.sub(lambda m: unicodedata.normalize("NFC", m[0]), text)
