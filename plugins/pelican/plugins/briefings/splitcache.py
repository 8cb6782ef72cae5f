"""Keep each report's split result between builds.

The cache lives in one pickle file in Pelican's CACHE_PATH. It is read only
when LOAD_CONTENT_CACHE is on and written only when CACHE_CONTENT is on, like
Pelican's own content cache; each save keeps only the entries this build used,
so split results of deleted or edited reports do not pile up.
"""

from __future__ import annotations

import logging
import pickle
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
        self.previous: Mapping[str, SplitResult] = self._load() if load and path else {}
        self.used: dict[str, SplitResult] = {}
        self.hits = 0

    def _load(self) -> dict[str, SplitResult]:
        try:
            with open(self.path, "rb") as stream:
                # The version comes first, so a file from other plugin code is
                # never unpickled into classes that have changed since.
                if pickle.load(stream) != code_version():
                    return {}
                return pickle.load(stream)
        except FileNotFoundError:
            return {}
        except Exception as error:  # a damaged cache only costs a full split
            logger.warning("briefings: cannot read the split cache %s (%s); splitting "
                           "every report", self.path, error)
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
        if not self.saving:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        partial = self.path.with_suffix(".tmp")
        with open(partial, "wb") as stream:
            pickle.dump(code_version(), stream, protocol=pickle.HIGHEST_PROTOCOL)
            pickle.dump(self.used, stream, protocol=pickle.HIGHEST_PROTOCOL)
        partial.replace(self.path)
