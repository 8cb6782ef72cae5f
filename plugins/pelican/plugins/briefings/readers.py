"""Say what is wrong with a report Pelican cannot read.

Pelican adapter. When a file cannot be read (invalid UTF-8, a date it cannot
parse), Pelican logs only "Could not process <file>". Wrapping each reader's
``read`` adds one line naming the file *and* the problem; Pelican then skips
the file as before and the rest of the site still builds.
"""

from __future__ import annotations

import logging

logger = logging.getLogger(__name__)


def _describe(error: Exception) -> str:
    if isinstance(error, UnicodeDecodeError):
        return (f"it is not valid UTF-8 (byte 0x{error.object[error.start]:02x} at "
                f"position {error.start}); save it as UTF-8")
    return str(error) or error.__class__.__name__


def explaining(reader_class):
    """Return a subclass of ``reader_class`` whose failures name the problem."""

    class ExplainingReader(reader_class):
        def read(self, source_path):
            try:
                return super().read(source_path)
            except Exception as error:
                logger.error("briefings: %s: cannot be read: %s; it is skipped",
                             source_path, _describe(error))
                raise

    ExplainingReader.__name__ = f"Explaining{reader_class.__name__}"
    ExplainingReader.__qualname__ = ExplainingReader.__name__
    return ExplainingReader


def explain_read_errors(readers) -> None:
    """Wrap every enabled reader class (``readers_init``, before Pelican makes them)."""
    for extension, reader_class in list(readers.reader_classes.items()):
        if reader_class is not None and not reader_class.__name__.startswith("Explaining"):
            readers.reader_classes[extension] = explaining(reader_class)
