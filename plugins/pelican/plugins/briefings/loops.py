"""Symbolic links that loop in the content folder: read nothing through them.

Pelican adapter. Pelican walks ``content/`` (articles, pages and
``STATIC_PATHS``) following symbolic links, and never notices a link to a
folder that holds it: each such link multiplies the paths it walks, so two of
them make the build walk millions of paths (it seems to hang) before the
paths grow too long. Everything below a looping link is already reachable
without it, so at start-up :func:`exclude_loops` finds every such link and
adds it to Pelican's ``ARTICLE_EXCLUDES``, ``PAGE_EXCLUDES`` and
``STATIC_EXCLUDES``, with a warning naming it. (A second, non-looping link to
a file is still published once: guards.once_each.)
"""

from __future__ import annotations

import logging
import os

logger = logging.getLogger(__name__)

EXCLUDE_SETTINGS = ("ARTICLE_EXCLUDES", "PAGE_EXCLUDES", "STATIC_EXCLUDES")


def _holds(folder: str, inner: str) -> bool:
    return inner == folder or inner.startswith(folder.rstrip(os.sep) + os.sep)


def looping_links(root: str) -> list[str]:
    """Return the paths (relative to ``root``) of links to a folder that holds them.

    Walks as Pelican does, through links, but enters each real folder once,
    so the walk itself always ends.
    """
    root = os.path.abspath(root)
    found: list[str] = []
    entered: set[str] = set()
    stack = [root]
    while stack:
        folder = stack.pop()
        real = os.path.realpath(folder)
        if real in entered:
            continue
        entered.add(real)
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError:  # unreadable: Pelican's walk skips it too
            continue
        for entry in entries:
            try:
                if not entry.is_dir():
                    continue
            except OSError:
                continue
            if entry.is_symlink() and _holds(os.path.realpath(entry.path), real):
                found.append(os.path.relpath(entry.path, root))
            else:
                stack.append(entry.path)
    return sorted(found)


def exclude_loops(settings) -> None:
    """Keep Pelican from walking through links that loop (see the module docstring)."""
    path = settings.get("PATH")
    if not isinstance(path, str) or not os.path.isdir(path):
        return
    content = os.path.realpath(path)
    loops = looping_links(path)
    for link in loops:
        target = os.path.realpath(os.path.join(path, link))
        logger.warning("briefings: %s (in the content folder) is a symbolic link to %s, "
                       "a folder that holds it: a loop. Nothing is read through it; "
                       "its files are read once, from their own folder", link,
                       "the content folder itself" if target == content else
                       os.path.relpath(target, content) if _holds(content, target)
                       else target)
    for key in EXCLUDE_SETTINGS:
        excluded = list(settings.get(key) or ())
        # Once each: an autoreloading build scans again on every run.
        settings[key] = excluded + [link for link in loops if link not in excluded]
