"""Reports are Markdown: other files in the reports folder are left out, with a warning.

Pelican adapter, on ``article_generator_init``. Pelican reads every file in
``ARTICLE_PATHS`` that some reader knows, so a saved news page (``.html``)
dropped into the reports folder became a "report" whole, navigation, share
bar and copyright footer included, and a ``.txt`` or ``.docx`` was skipped
without a word. The articles generator now reads only Markdown there (its
own readers; pages and static files keep theirs), and each other file gets
a warning naming it and saying how to turn it into a report:
``invoke import``.
"""

from __future__ import annotations

import fnmatch
import logging
import os

from pelican.readers import MarkdownReader

logger = logging.getLogger(__name__)

REPORT_EXTENSIONS = frozenset(MarkdownReader.file_extensions)


def _shown(path: str) -> str:
    """Return ``path`` as the editor would type it: relative to here if inside it."""
    relative = os.path.relpath(path)
    return path if relative.startswith("..") else relative


def stray_files(settings) -> list[str]:
    """Return the paths of the files in the reports folders that are not reports."""
    content = settings["PATH"]
    ignores = settings.get("IGNORE_FILES", [])
    excluded = {os.path.normpath(os.path.join(content, e))
                for e in settings.get("ARTICLE_EXCLUDES", [])}
    elsewhere = [os.path.normpath(os.path.join(content, p))
                 for p in (*settings.get("STATIC_PATHS", []), *settings.get("PAGE_PATHS", []))
                 if p not in ("", ".")]
    found = set()
    for folder in settings.get("ARTICLE_PATHS", []):
        root = os.path.normpath(os.path.join(content, folder))
        for dirpath, dirs, files in os.walk(root):
            dirs[:] = sorted(d for d in dirs if not d.startswith(".")
                             and os.path.join(dirpath, d) not in excluded
                             and not any(fnmatch.fnmatch(d, i) for i in ignores))
            for name in files:
                path = os.path.join(dirpath, name)
                if (name.startswith(".") or any(fnmatch.fnmatch(name, i) for i in ignores)
                        or any(path.startswith(p + os.sep) for p in elsewhere)):
                    continue
                if os.path.splitext(name)[1][1:].lower() not in REPORT_EXTENSIONS:
                    found.add(path)
    return sorted(found)


def read_only_markdown_reports(generator) -> None:
    """Keep the articles generator to Markdown, and warn about every other file."""
    readers = generator.readers.readers
    for extension in [e for e in readers if e not in REPORT_EXTENSIONS]:
        del readers[extension]
    for path in stray_files(generator.settings):
        shown = _shown(path)
        logger.warning("briefings: %s is not a report, so it is not in the site: reports "
                       "are Markdown (.md); turn it into one with `invoke import %s`",
                       shown, shown)
