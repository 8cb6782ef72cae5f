"""Run one function over items in worker processes, as the items arrive.

Pure core: no Pelican import. Splitting a report is pure CPU work on its own
input, so a build splits each report in a worker process as soon as Pelican
has read it, while Pelican reads the next ones, and on every core.

Workers are *forked* when the first batch of items arrives: they inherit the
function and everything it closes over (the gazetteer, the compiled
matchers), so only the items go to them and the results come back, pickled.
Where ``fork`` is not available (Windows, and macOS where it is unsafe), with
one worker, or when too few items come to pay for starting processes, the
items run in this process when their outcome is asked for. The results are
the same either way.
"""

from __future__ import annotations

import itertools
import logging
import multiprocessing
import os
import sys
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")

# Items go to the workers this many at a time; workers start with the first
# full batch (fewer items never pay for starting processes).
BATCH = 8
# Seconds to wait for one batch before taking it as lost: a worker killed
# (by the out-of-memory killer, say) never answers, and the pool would wait
# for it forever. The pool is then stopped and the rest runs in this process.
WAIT_LIMIT = 300.0

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Failure:
    """An item whose function raised; the traceback travels back as text."""

    error: str  # "ValueError: ..."
    traceback: str


@dataclass(frozen=True)
class Outcome(Generic[Result]):
    """What one item gave: its result, or the failure that stopped it."""

    result: Result | None = None
    failure: Failure | None = None


def available_cores() -> int:
    """Return the CPUs this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def can_fork() -> bool:
    """Return True where forked workers are safe to use."""
    return sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods()


# The function forked workers run; set in the parent just before it forks.
_task: Callable | None = None


def _outcome(item) -> Outcome:
    try:
        return Outcome(result=_task(item))
    except Exception as error:  # one bad item must not cost the others
        return Outcome(failure=Failure(f"{type(error).__name__}: {error}",
                                       traceback.format_exc()))


def _outcomes(items: list) -> list[Outcome]:
    return [_outcome(item) for item in items]


class WorkerPool(Generic[Item, Result]):
    """Items in, outcomes out, in worker processes once there is enough work.

    Use as a context manager, or call :meth:`close`: workers are stopped
    when the pool closes.
    """

    def __init__(self, function: Callable[[Item], Result], workers: int | None = None,
                 wait_limit: float = WAIT_LIMIT):
        """:param workers: processes to use; None, one per core; 1, none (run here)."""
        self.function = function
        self.workers = available_cores() if workers is None else workers
        self.wait_limit = wait_limit
        self._pool = None
        self._tickets = itertools.count()
        self._waiting: dict[int, Item] = {}  # submitted, not yet sent to workers
        # ticket -> (the batch it went in, its place in the batch, the item)
        self._sent: dict[int, tuple[multiprocessing.pool.AsyncResult, int, Item]] = {}

    @property
    def parallel(self) -> bool:
        """Return True once items go to worker processes."""
        return self._pool is not None

    def submit(self, item: Item) -> int:
        """Queue ``item``; return the ticket to ask for its outcome with."""
        ticket = next(self._tickets)
        self._waiting[ticket] = item
        if len(self._waiting) >= BATCH:
            if self._pool is None and self.workers > 1 and can_fork():
                self._start()
            if self._pool is not None:
                self._send_waiting()
        return ticket

    def outcome(self, ticket: int) -> Outcome[Result]:
        """Return the outcome of a submitted item, waiting for it if need be."""
        if ticket in self._waiting and self._pool is not None:
            self._send_waiting()  # the last, short batch
        if ticket in self._waiting:
            return self._run_here(self._waiting.pop(ticket))
        batch, place, item = self._sent.pop(ticket)
        try:
            return batch.get(timeout=self.wait_limit)[place]
        except multiprocessing.TimeoutError:
            self._take_back_from_workers()
            return self._run_here(item)

    def close(self) -> None:
        """Stop the workers; outcomes not yet asked for are dropped."""
        if self._pool is not None:
            self._pool.terminate()
            self._pool.join()
            self._pool = None
        self._sent.clear()
        self._waiting.clear()

    def __enter__(self) -> WorkerPool[Item, Result]:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _start(self) -> None:
        global _task
        _task = self.function
        try:
            self._pool = multiprocessing.get_context("fork").Pool(self.workers)
        finally:
            _task = None  # the workers have their copy

    def _send_waiting(self) -> None:
        # In batches: each hand-off wakes the pool's feeder thread, which
        # competes with Pelican's reading for the interpreter lock.
        batch = self._pool.apply_async(_outcomes, (list(self._waiting.values()),))
        for place, (ticket, item) in enumerate(self._waiting.items()):
            self._sent[ticket] = (batch, place, item)
        self._waiting.clear()

    def _take_back_from_workers(self) -> None:
        """Stop the workers and queue what they have not returned to run here."""
        logger.warning("briefings: a worker process stopped answering for %.0f s; "
                       "the remaining %d splits run in this process",
                       self.wait_limit, len(self._sent) + len(self._waiting) + 1)
        for ticket, (_, _, item) in self._sent.items():
            self._waiting[ticket] = item
        self._sent.clear()
        self._pool.terminate()
        self._pool.join()
        self._pool = None
        self.workers = 1  # not again in this pool

    def _run_here(self, item: Item) -> Outcome[Result]:
        global _task
        _task = self.function
        try:
            return _outcome(item)
        finally:
            _task = None
