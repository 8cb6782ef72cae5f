"""Read many files of the output folder in worker processes when it pays."""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import TypeVar

Facts = TypeVar("Facts")
# Below this many files, starting worker processes costs more than it saves.
PARALLEL_THRESHOLD = 400
MAX_WORKERS = 8


def read_all(
    reader: Callable[[Path, str], Facts], output_dir: Path, paths: Sequence[str]
) -> dict[str, Facts]:
    """Return {path: reader(output_dir, path)}, in parallel for many paths.

    ``reader`` must be a module-level function and its result picklable.
    """
    workers = min(os.cpu_count() or 1, MAX_WORKERS)
    if len(paths) < PARALLEL_THRESHOLD or workers < 2:
        return {path: reader(output_dir, path) for path in paths}
    with ProcessPoolExecutor(workers) as pool:
        chunk = max(1, len(paths) // (workers * 8))
        results = pool.map(reader, [output_dir] * len(paths), paths, chunksize=chunk)
        return dict(zip(paths, results, strict=True))
