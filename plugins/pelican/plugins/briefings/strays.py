"""Reports are Markdown: other files in the reports folder are left out, with a warning.

Only the folders that hold reports (BRIEFING_REPORTS ``"paths"``; every
article folder when every article is a report): a blog's reST or HTML posts
elsewhere are read by Pelican as always.

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

from .roles import DEFAULT_REPORTS, ReportSelector

logger = logging.getLogger(__name__)

REPORT_EXTENSIONS = frozenset(MarkdownReader.file_extensions)


def _shown(path: str) -> str:
    """Return ``path`` as the editor would type it: relative to here if inside it."""
    relative = os.path.relpath(path)
    return path if relative.startswith("..") else relative


def report_folders(settings) -> list[str]:
    """Return the article folders reports live in (relative to PATH)."""
    # Validated at `initialized` (handlers.configure), so it builds here.
    selector = ReportSelector.from_setting(settings.get("BRIEFING_REPORTS", DEFAULT_REPORTS))
    if selector.every:
        return list(settings.get("ARTICLE_PATHS", []))
    return list(selector.paths)


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
    for folder in report_folders(settings):
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
    """Keep the reports folders to Markdown, and warn about every other file there."""
    strays = stray_files(generator.settings)
    if strays:
        # Left out by name, so files outside the reports folders keep their readers.
        left_out = {os.path.normpath(path) for path in strays}
        get_files = generator.get_files

        def without_strays(*args, **kwargs):
            return {f for f in get_files(*args, **kwargs)
                    if os.path.normpath(os.path.join(generator.path, f)) not in left_out}

        generator.get_files = without_strays
    for path in strays:
        shown = _shown(path)
        logger.warning("briefings: %s is not a report, so it is not in the site: reports "
                       "are Markdown (.md); turn it into one with `invoke import %s`",
                       shown, shown)
