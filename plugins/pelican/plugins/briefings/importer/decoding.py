"""Read a file's bytes as text: UTF-8 (with or without BOM), UTF-16, cp1252.

A report must come through with every character as the reporter wrote it, so
the encoding is never guessed loosely: a BOM decides; else the bytes must be
valid UTF-8; else, if they are valid Windows-1252 (cp1252, what Word and
older Windows tools save) and read as text, they are read as that and the
editor is told. Anything else is refused by name, as is a binary file.
The text comes back in Unicode NFC, with line ends as ``\\n``.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from pathlib import Path

from ..core.sanitize import compose_letters
from .errors import ImportRefused

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig", "UTF-8 with BOM"),
    (codecs.BOM_UTF32_LE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF16_LE, "utf-16", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16", "UTF-16"),
)
# C0 controls other than tab, line feed, form feed and carriage return: no
# text editor writes them, so their presence means the file is not text.
_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f]")
# Signatures of formats an editor might drop in by mistake, named in the refusal.
_SIGNATURES = (
    (b"PK\x03\x04", "a ZIP archive (a .docx, .odt or .epub is one): save it as "
                    "plain text or as a web page first"),
    (b"%PDF", "a PDF: copy its text into a .txt file first"),
    (b"\xd0\xcf\x11\xe0", "an old Word/Office document: save it as plain text first"),
    (b"{\\rtf", "an RTF document: save it as plain text first"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
)


@dataclass(frozen=True)
class DecodedText:
    text: str
    encoding: str  # as the editor would name it


def read_bytes(path: Path) -> bytes:
    """Return the bytes of ``path``, or raise :class:`ImportRefused` saying why not."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise ImportRefused(f"{path}: no such file") from None
    except IsADirectoryError:
        raise ImportRefused(f"{path}: is a folder, not a file") from None
    except OSError as error:
        raise ImportRefused(f"{path}: cannot be read ({error.strerror})") from None
    if not data.strip():
        raise ImportRefused(f"{path}: the file is empty: nothing to import")
    return data


def read_text(path: Path) -> DecodedText:
    """Return the text of ``path``, or raise :class:`ImportRefused` saying why not."""
    decoded = decode(read_bytes(path), path)
    if not decoded.text.strip():
        raise ImportRefused(f"{path}: the file is empty: nothing to import")
    return decoded


_DECLARED = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


def declared_charset(data: bytes) -> str | None:
    """Return the codec a web page declares in its first 4 kB (``<meta charset>``)."""
    match = _DECLARED.search(data[:4096])
    if not match:
        return None
    try:
        return codecs.lookup(match[1].decode("ascii")).name
    except LookupError:
        return None


def decode(data: bytes, path: Path) -> DecodedText:
    """Decode ``data`` (see the module docstring); ``path`` names it in errors.

    A web page's declared charset is tried after UTF-8 and before cp1252:
    valid UTF-8 is nearly never anything else, whatever a page claims.
    """
    for signature, what in _SIGNATURES:
        if data.startswith(signature):
            raise ImportRefused(f"{path}: this is {what}")
    text = encoding = None
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            try:
                text, encoding = data.decode(codec), name
            except UnicodeDecodeError as error:
                raise ImportRefused(f"{path}: starts like {name} but is not valid "
                                    f"{name} (at byte {error.start})") from None
            break
    if text is None and len(data) >= 4 and data[1::2].count(0) > len(data) // 4:
        raise ImportRefused(f"{path}: looks like UTF-16 without a byte-order mark; "
                            "save it as UTF-8 and import it again")
    if text is None:
        try:
            text, encoding = data.decode("utf-8"), "UTF-8"
        except UnicodeDecodeError as error:
            utf8_error = error
            declared = declared_charset(data)
            # Browsers read a page labelled Latin-1 or ASCII as cp1252; so does this.
            if declared and declared not in ("utf-8", "cp1252", "latin-1", "iso8859-1",
                                             "ascii"):
                try:
                    return _finish(data.decode(declared), f"{declared} (as the page declares)",
                                   path)
                except UnicodeDecodeError:
                    pass
            try:
                text, encoding = data.decode("cp1252"), "Windows-1252 (cp1252)"
                if not _plausible_cp1252(text):
                    raise UnicodeDecodeError("cp1252", data, 0, 1, "implausible")
            except UnicodeDecodeError:
                raise ImportRefused(
                    f"{path}: is neither UTF-8 nor Windows-1252 text (byte "
                    f"0x{data[utf8_error.start]:02x} at position {utf8_error.start}); "
                    "save it as UTF-8 and import it again") from None
    assert encoding is not None  # set with every text above
    return _finish(text, encoding, path)


def _plausible_cp1252(text: str) -> bool:
    """Return whether ``text`` reads as Windows-1252 rather than another code page.

    English or French in cp1252 has a few accented letters and curly quotes;
    Cyrillic or Greek read as cp1252 comes out as mostly accented letters.
    """
    letters = [ch for ch in text if ch.isalpha()]
    foreign = sum(not ch.isascii() for ch in letters)
    return foreign <= 0.2 * len(letters)


def _finish(text: str, encoding: str, path: Path) -> DecodedText:
    if _CONTROL.search(text):
        raise ImportRefused(f"{path}: is a binary file, not text or a saved web page")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return DecodedText(compose_letters(text), encoding)
