"""Run one function over items in worker processes, as the items arrive.

Pure core: no Pelican import. Splitting a report is pure CPU work on its own
input, so a build splits each report in a worker process as soon as Pelican
has read it, while Pelican reads the next ones, and on every core.

The workers are a ``concurrent.futures.ProcessPoolExecutor`` whose processes
are *forked* when the first batch of items arrives: they inherit the function
and everything it closes over (the gazetteer, the compiled matchers), handed
to them by the executor's initializer without pickling, so only the items go
to them and the results come back, pickled. Where ``fork`` is not available
(Windows, and macOS where it is unsafe), with one worker, or when too few
items come to pay for starting processes, the items run in this process when
their outcome is asked for. The results are the same either way.

No item is ever lost. A worker that dies (killed, or stopped by the
out-of-memory killer) breaks the executor at once, and one that stops
answering is taken as dead after ``wait_limit`` seconds; either way every
item not yet answered is queued again, for a new set of workers (forked
afresh, at most ``restarts`` times) and then for this process.

Why the executor rather than ``multiprocessing.Pool``: a Pool replaces a
dead worker with a new fork but never re-runs the task it held, so the build
waited for it forever (or until a time limit); the executor reports the
death to every waiting item, so the pool knows at once which items to run
again.
"""

from __future__ import annotations

import itertools
import logging
import multiprocessing
import os
import sys
import traceback
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import Generic, TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")

# Items go to the workers this many at a time; workers start with the first
# full batch (fewer items never pay for starting processes).
BATCH = 8
# Seconds to wait for one batch before taking its worker as hung: the
# workers are then stopped and the batch runs again.
WAIT_LIMIT = 300.0
# Fresh sets of workers after one dies, before the rest runs in this process.
RESTARTS = 2

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


# The function a worker process runs, set by the executor's initializer in
# each worker (and around a run in this process).
_task: Callable | None = None


def _set_task(function: Callable) -> None:
    global _task
    _task = function


def _outcome(item) -> Outcome:
    try:
        if _task is None:
            raise RuntimeError("no function to run: workers start from WorkerPool")
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
                 wait_limit: float = WAIT_LIMIT, restarts: int = RESTARTS):
        """:param workers: processes to use; None, one per core; 1, none (run here)."""
        self.function = function
        self.workers = available_cores() if workers is None else workers
        self.wait_limit = wait_limit
        self.restarts = restarts
        self.started = 0  # sets of workers started so far
        self.lost = 0  # times the workers died or hung, and their items ran again
        self._executor: ProcessPoolExecutor | None = None
        self._tickets = itertools.count()
        self._waiting: dict[int, Item] = {}  # submitted, not yet sent to workers
        # ticket -> (the batch it went in, its place in the batch, the item)
        self._sent: dict[int, tuple[Future, int, Item]] = {}

    @property
    def parallel(self) -> bool:
        """Return True once items have gone to worker processes."""
        return self.started > 0

    def submit(self, item: Item) -> int:
        """Queue ``item``; return the ticket to ask for its outcome with."""
        ticket = next(self._tickets)
        self._waiting[ticket] = item
        if len(self._waiting) >= BATCH:
            if self._executor is None and self.workers > 1 and can_fork():
                self._start()
            if self._executor is not None:
                self._send_waiting()
        return ticket

    def outcome(self, ticket: int) -> Outcome[Result]:
        """Return the outcome of a submitted item, waiting for it if need be."""
        while True:
            if ticket in self._waiting and self._executor is not None:
                self._send_waiting()  # the last, short batch
            if ticket in self._waiting:
                return self._run_here(self._waiting.pop(ticket))
            batch, place, _ = self._sent[ticket]
            try:
                outcome = batch.result(timeout=self.wait_limit)[place]
            except BrokenProcessPool:
                self._take_back("a worker process stopped (killed, or out of memory?)")
            except FutureTimeout:
                self._take_back(f"a worker process stopped answering for "
                                f"{self.wait_limit:.0f} s")
            else:
                del self._sent[ticket]
                return outcome

    def close(self) -> None:
        """Stop the workers; outcomes not yet asked for are dropped."""
        self._stop(kill=True)
        self._sent.clear()
        self._waiting.clear()

    def __enter__(self) -> WorkerPool[Item, Result]:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _start(self) -> None:
        # Forked (all at once, before the executor starts its threads), so
        # the initializer's argument is inherited, never pickled.
        self._executor = ProcessPoolExecutor(
            self.workers, mp_context=multiprocessing.get_context("fork"),
            initializer=_set_task, initargs=(self.function,))
        self.started += 1

    def _send_waiting(self) -> None:
        # In batches: each hand-off wakes the executor's threads, which
        # compete with Pelican's reading for the interpreter lock.
        while self._executor is not None and self._waiting:
            chunk = list(itertools.islice(self._waiting.items(), BATCH))
            try:
                batch = self._executor.submit(_outcomes, [item for _, item in chunk])
            except BrokenProcessPool:
                self._take_back("a worker process stopped (killed, or out of memory?)")
                continue  # to new workers, or (none left) the items stay here
            for place, (ticket, item) in enumerate(chunk):
                self._sent[ticket] = (batch, place, item)
                del self._waiting[ticket]

    def _take_back(self, what: str) -> None:
        """Stop the workers and queue again every item they have not answered."""
        lost = {ticket: item for ticket, (batch, _, item) in self._sent.items()
                if not (batch.done() and batch.exception() is None)}
        for ticket in lost:
            del self._sent[ticket]
        self._waiting = {**lost, **self._waiting}
        self._stop(kill=True)
        self.lost += 1
        again = self.started <= self.restarts
        logger.warning("briefings: %s; its %d unanswered splits run again %s", what,
                       len(lost), "in new worker processes" if again else "in this process")
        if again:
            self._start()
        else:
            self.workers = 1  # not again in this pool

    def _stop(self, kill: bool) -> None:
        executor, self._executor = self._executor, None
        if executor is None:
            return
        if kill:
            # A hung worker would keep shutdown() waiting; the executor has
            # no public way to stop its processes.
            for process in list((getattr(executor, "_processes", None) or {}).values()):
                if process.is_alive():
                    process.kill()
        executor.shutdown(wait=True, cancel_futures=True)

    def _run_here(self, item: Item) -> Outcome[Result]:
        global _task
        previous, _task = _task, self.function
        try:
            return _outcome(item)
        finally:
            _task = previous
