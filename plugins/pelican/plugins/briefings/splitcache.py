"""Keep each report's split result between builds; heal damaged caches.

The cache lives in one pickle file in Pelican's CACHE_PATH. It is read only
when LOAD_CONTENT_CACHE is on and written only when CACHE_CONTENT is on, like
Pelican's own content cache; each save keeps only the entries this build used,
so split results of deleted or edited reports do not pile up.

Caches that heal: a damaged cache file (empty, truncated, a pickle of the
wrong type, a folder in its place), Pelican's or the plugin's, is reported
once, removed and rebuilt by the build, never a traceback on every build
until someone deletes it by hand (:func:`heal_caches`, at start-up).
"""

from __future__ import annotations

import gzip
import logging
import os
import pickle
import shutil
from collections.abc import Mapping
from pathlib import Path

from .core.pipeline import SplitResult, code_version

logger = logging.getLogger(__name__)

CACHE_FILE = "briefings-splits.pickle"


class SplitCache:
    """Split results of past builds, by :func:`split_key`."""

    def __init__(self, path: Path | None, load: bool, save: bool):
        self.path = path
        self.saving = save and path is not None
        self.previous: Mapping[str, SplitResult] = self._load(path) if load and path else {}
        self.used: dict[str, SplitResult] = {}
        self.hits = 0

    def _load(self, path: Path) -> dict[str, SplitResult]:
        try:
            with open(path, "rb") as stream:
                # The version comes first, so a file from other plugin code is
                # never unpickled into classes that have changed since.
                if pickle.load(stream) != code_version():
                    return {}
                entries = pickle.load(stream)
            if not isinstance(entries, dict) or not all(
                    isinstance(v, SplitResult) for v in entries.values()):
                raise TypeError(f"it holds {type(entries).__name__}, not split results")
            return entries
        except FileNotFoundError:
            return {}
        except Exception as error:  # a damaged cache only costs a full split
            logger.warning("briefings: the split cache %s is damaged (%s); it is "
                           "discarded and every report is split", path,
                           _reason(error))
            discard(path)
            return {}

    def get(self, key: str) -> SplitResult | None:
        """Return the result a past build kept for ``key``, or None."""
        result = self.previous.get(key)
        if result is not None:
            self.hits += 1
        return result

    def keep(self, key: str, result: SplitResult) -> None:
        """Keep ``result`` for the next build (only kept entries are saved)."""
        self.used[key] = result

    def save(self) -> None:
        """Write this build's entries, if caching is on."""
        target = self.path
        if not self.saving or target is None:
            return
        partial = target.with_suffix(".tmp")
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            for path in (target, partial):
                if path.is_dir() and not path.is_symlink():
                    discard(path)
            with open(partial, "wb") as stream:
                pickle.dump(code_version(), stream, protocol=pickle.HIGHEST_PROTOCOL)
                pickle.dump(self.used, stream, protocol=pickle.HIGHEST_PROTOCOL)
            partial.replace(target)
        except OSError as error:  # the site is built; only the next build is slower
            logger.warning("briefings: cannot save the split cache %s (%s)", target,
                           error)


# Pelican's content caches (generators and their readers) and what each holds.
PELICAN_CACHES = ("ArticlesGenerator", "PagesGenerator",
                  "ArticlesGenerator-Readers", "PagesGenerator-Readers")


def _reason(error: Exception) -> str:
    if isinstance(error, EOFError):
        return "it is empty or cut short"
    if isinstance(error, IsADirectoryError):
        return "it is a folder"
    return f"{type(error).__name__}: {error}" if str(error) else type(error).__name__


def discard(path: Path) -> None:
    """Remove a damaged cache file (or a folder standing where it should be)."""
    try:
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path)
        else:
            path.unlink(missing_ok=True)
    except OSError as error:
        logger.warning("briefings: cannot remove the damaged cache %s (%s); remove it "
                       "by hand", path, error)


def _check_pelican_cache(path: Path, zipped: bool) -> None:
    """Raise if Pelican could not use the cache at ``path`` (it must be a dict)."""
    if path.is_dir():
        raise IsADirectoryError(str(path))
    with (gzip.open if zipped else open)(path, "rb") as stream:
        data = pickle.load(stream)
    if not isinstance(data, dict):
        raise TypeError(f"it holds {type(data).__name__}, not Pelican's cache")
    if not all(isinstance(v, tuple) and len(v) == 2 for v in data.values()):
        raise TypeError("its entries are not Pelican's (stamp, data) pairs")


def heal_caches(settings: Mapping) -> None:
    """Remove, with one warning each, cache files a build would fail on.

    Pelican reads its content caches when LOAD_CONTENT_CACHE is on and stops
    with a traceback on an empty or truncated file (EOFError) or a pickle of
    another type; a folder where a cache file should be is never rewritten.
    Run once at start-up, before Pelican's generators open them.
    """
    folder = Path(settings.get("CACHE_PATH") or "cache")
    if not folder.is_dir() or not (settings.get("LOAD_CONTENT_CACHE")
                                   or settings.get("CACHE_CONTENT")):
        return
    zipped = bool(settings.get("GZIP_CACHE", True))
    for name in PELICAN_CACHES:
        path = folder / name
        if not os.path.lexists(path):
            continue
        try:
            _check_pelican_cache(path, zipped)
        except Exception as error:  # anything Pelican would trip on
            logger.warning("briefings: Pelican's content cache %s is damaged (%s); it is "
                           "discarded and rebuilt", path, _reason(error))
            discard(path)
    for name in (CACHE_FILE, "briefings-output.pickle"):
        path = folder / name
        if path.is_dir() and not path.is_symlink():
            logger.warning("briefings: the %s %s is a folder, not a file; it is discarded "
                           "and rebuilt", "split cache" if name == CACHE_FILE else
                           "page manifest", path)
            discard(path)
    _heal_manifest(folder / "briefings-output.pickle")


def _heal_manifest(path: Path) -> None:
    """The incremental writer's manifest must be a dict with its "files" (incremental.py)."""
    if not path.is_file():
        return
    try:
        with open(path, "rb") as stream:
            manifest = pickle.load(stream)
        if not isinstance(manifest, dict) or not isinstance(manifest.get("files"), dict):
            raise TypeError(f"it holds {type(manifest).__name__}, not the page manifest")
    except Exception as error:
        logger.warning("briefings: the page manifest %s is damaged (%s); it is discarded "
                       "and every page is rendered", path, _reason(error))
        discard(path)
