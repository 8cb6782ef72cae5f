"""Say what is wrong with a file Pelican cannot read, and make what it reads safe text.

Pelican adapter. When a file cannot be read (invalid UTF-8, a date it cannot
parse), Pelican logs only "Could not process <file>". Wrapping each reader's
``read`` adds one line naming the file *and* the problem; Pelican then skips
the file as before and the rest of the site still builds.

The wrapper also cleans what a reader returns, body and metadata alike
(title, tags, ``Countries:``...): characters XML 1.0 forbids (ESC, vertical
tab, U+FFFF...) would make every feed the file reaches unwritable or not
well-formed, so they are removed, with a warning naming the file; and text is
put in NFC, so a name typed in decomposed form is the same name.
"""

from __future__ import annotations

import logging

from pelican.urlwrappers import URLWrapper

from .core.sanitize import clean_text

logger = logging.getLogger(__name__)


def _describe(error: Exception) -> str:
    if isinstance(error, UnicodeDecodeError):
        return (f"it is not valid UTF-8 (byte 0x{error.object[error.start]:02x} at "
                f"position {error.start}); save it as UTF-8")
    return str(error) or error.__class__.__name__


class _TextCleaner:
    """Clean every string of one file's content and metadata; remember what it removed."""

    def __init__(self):
        self.removed: set[str] = set()

    def text(self, value: str) -> str:
        cleaned, removed = clean_text(value)
        self.removed.update(removed)
        # The same object when nothing changed: Markup stays Markup.
        return value if cleaned == value else cleaned

    def value(self, value):
        if isinstance(value, str):
            return self.text(value)
        if isinstance(value, URLWrapper):
            name = self.text(value.name)
            return value if name == value.name else type(value)(name, value.settings)
        if isinstance(value, (list, tuple)):
            return type(value)(self.value(v) for v in value)
        return value


def clean_read(source_path: str, content: str, metadata: dict) -> tuple[str, dict]:
    """Return a reader's output without characters XML forbids, in NFC; warn if any went."""
    cleaner = _TextCleaner()
    content = cleaner.text(content)
    metadata = {key: cleaner.value(value) for key, value in metadata.items()}
    if cleaner.removed:
        logger.warning("briefings: %s: removed characters that cannot be published "
                       "(%s)", source_path, ", ".join(sorted(cleaner.removed)))
    return content, metadata


def explaining(reader_class):
    """Return a subclass of ``reader_class`` whose failures name the problem."""

    class ExplainingReader(reader_class):
        def read(self, source_path):
            try:
                content, metadata = super().read(source_path)
            except Exception as error:
                logger.error("briefings: %s: cannot be read: %s; it is skipped",
                             source_path, _describe(error))
                raise
            if not metadata and not (content or "").strip() \
                    and "static" not in self.file_extensions:  # static files hold anything
                logger.error("briefings: %s: the file is empty (no Title: line, no "
                             "text); it is skipped", source_path)
            return clean_read(source_path, content or "", metadata)

    ExplainingReader.__name__ = f"Explaining{reader_class.__name__}"
    ExplainingReader.__qualname__ = ExplainingReader.__name__
    return ExplainingReader


def explain_read_errors(readers) -> None:
    """Wrap every enabled reader class (``readers_init``, before Pelican makes them)."""
    for extension, reader_class in list(readers.reader_classes.items()):
        if reader_class is not None and not reader_class.__name__.startswith("Explaining"):
            readers.reader_classes[extension] = explaining(reader_class)
