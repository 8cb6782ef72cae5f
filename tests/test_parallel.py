"""Reports split in worker processes give the same site as split in one process."""

from __future__ import annotations

import logging
import os
import signal
import sys
import time
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from sitebuild import ROOT, build_site, copy_content

from pelican.plugins.briefings import splitter as adapter
from pelican.plugins.briefings.workers import BATCH, WorkerPool

sys.path.insert(0, str(ROOT / "scripts"))
import benchcorpus  # noqa: E402

REPORTS = 24


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def content(tmp_path_factory) -> Path:
    folder = copy_content(tmp_path_factory.mktemp("parallel") / "content")
    benchcorpus.write_reports(folder / "reports", REPORTS)
    return folder


@pytest.fixture
def split_pids(monkeypatch, tmp_path) -> Path:
    """Record, in a file, the process that splits each report."""
    record = tmp_path / "pids"
    real = adapter.split_source

    def recording_split(inputs, *args, **kwargs):
        with open(record, "a", encoding="utf-8") as stream:
            stream.write(f"{os.getpid()}\n")
        return real(inputs, *args, **kwargs)

    monkeypatch.setattr(adapter, "split_source", recording_split)
    return record


def test_workers_build_the_same_site_as_one_process(content, tmp_path, split_pids):
    one = build_site(content, tmp_path / "one", BRIEFING_WORKERS=1)
    assert set(split_pids.read_text().split()) == {str(os.getpid())}
    split_pids.unlink()
    two = build_site(content, tmp_path / "two", BRIEFING_WORKERS=2)
    pids = split_pids.read_text().split()
    assert len(pids) == REPORTS + 1  # the seed too
    assert str(os.getpid()) not in pids and len(set(pids)) == 2
    assert tree(one) == tree(two)


def test_a_report_that_fails_in_a_worker_is_named_and_the_rest_build(
        content, tmp_path, monkeypatch, caplog):
    real = adapter.split_source
    broken = sorted((content / "reports").glob("*.md"))[3]

    def failing_split(inputs, *args, **kwargs):
        if "ERROR-ON-PURPOSE" in inputs.html:
            raise RuntimeError("the splitter tripped")
        return real(inputs, *args, **kwargs)

    monkeypatch.setattr(adapter, "split_source", failing_split)
    original = broken.read_text(encoding="utf-8")
    broken.write_text(original + "\nERROR-ON-PURPOSE\n", encoding="utf-8")
    try:
        with caplog.at_level(logging.ERROR):
            output = build_site(content, tmp_path / "out", BRIEFING_WORKERS=2)
    finally:
        broken.write_text(original, encoding="utf-8")
    assert (f"reports/{broken.name}: could not be split (RuntimeError: the splitter "
            "tripped)") in caplog.text
    briefed = {p.parent.parent.name for p in (output / "briefings").glob("*/*/index.html")}
    assert len(briefed) == REPORTS  # every report but the broken one, plus the seed
    assert (output / "reports" / broken.stem / "index.html").is_file()


def square_or_fail(n: int) -> int:
    if n == 13:
        raise ValueError("unlucky")
    return n * n


def test_outcomes_keep_the_items_order_and_name_failures():
    with WorkerPool(square_or_fail, workers=2) as pool:
        tickets = [pool.submit(n) for n in range(40)]
        assert pool.parallel
        outcomes = [pool.outcome(t) for t in reversed(tickets)][::-1]
    assert [o.result for o in outcomes if o.failure is None] == [
        n * n for n in range(40) if n != 13]
    assert outcomes[13].failure.error == "ValueError: unlucky"
    assert "raise ValueError" in outcomes[13].failure.traceback


def test_few_items_or_one_worker_run_in_this_process():
    with WorkerPool(square_or_fail, workers=2) as pool:
        tickets = [pool.submit(n) for n in range(BATCH - 1)]
        assert not pool.parallel
        assert [pool.outcome(t).result for t in tickets] == [n * n for n in range(BATCH - 1)]
    with WorkerPool(square_or_fail, workers=1) as pool:
        tickets = [pool.submit(n) for n in range(BATCH * 4)]
        assert not pool.parallel
        assert pool.outcome(tickets[13]).failure.error == "ValueError: unlucky"


def test_names_settled_after_the_split_reach_the_report_escaped(tmp_path):
    # Names are placeholders while a report is split; the report page must
    # read as if they had been known all along, markup-significant characters
    # and all.
    output = build_site(copy_content(tmp_path / "content"), tmp_path / "out",
                        BRIEFING_COUNTRY_NAMES={"Russia": "Russia & Co <1>"})
    html = (output / "reports" / "ashgabat-2025-12-12" / "index.html").read_text("utf-8")
    assert "\x00" not in html
    assert "Briefing: Russia &amp; Co &lt;1&gt;</a>" in html
    page = BeautifulSoup(html, "html.parser")
    russia = page.select_one("section a.briefing-link[data-briefing-country]")
    slug = russia["data-briefing-country"]
    assert russia.get_text() == "Briefing: Russia & Co <1>"
    assert russia["href"].endswith(f"/briefings/ashgabat-2025-12-12/{slug}/")
    assert (output / "briefings" / "ashgabat-2025-12-12" / slug / "index.html").is_file()


def test_cached_rebuild_with_workers_matches_a_clean_build(content, tmp_path):
    # Workers split the cold build; the rebuild takes all but the edited
    # report from the split cache. Both must give what a clean build gives.
    cached = {"CACHE_CONTENT": True, "LOAD_CONTENT_CACHE": True,
              "CACHE_PATH": str(tmp_path / "cache"), "BRIEFING_WORKERS": 2}
    build_site(content, tmp_path / "cached", **cached)
    edited = sorted((content / "reports").glob("*.md"))[5]
    original = edited.read_text(encoding="utf-8")
    edited.write_text(original.rstrip("\n") + " A correction was appended.\n",
                      encoding="utf-8")
    try:
        rebuilt = tree(build_site(content, tmp_path / "cached", **cached))
        clean = tree(build_site(content, tmp_path / "clean", BRIEFING_WORKERS=1))
    finally:
        edited.write_text(original, encoding="utf-8")
    assert rebuilt.keys() == clean.keys()
    assert [name for name in clean if rebuilt[name] != clean[name]] == []
    assert b"A correction was appended." in rebuilt[f"reports/{edited.stem}/index.html"]


PARENT = os.getpid()


def square_unless_in_a_worker_for_13(n: int) -> int:
    if n == 13 and os.getpid() != PARENT:
        os._exit(1)  # as the out-of-memory killer would stop a worker
    return n * n


def test_a_killed_worker_costs_time_not_items(caplog):
    with WorkerPool(square_unless_in_a_worker_for_13, workers=2, wait_limit=3) as pool:
        tickets = [pool.submit(n) for n in range(40)]
        with caplog.at_level(logging.WARNING):
            results = [pool.outcome(t).result for t in tickets]
    assert results == [n * n for n in range(40)]
    assert "a worker process stopped" in caplog.text


def first_times(marks: Path, n: int, times: int) -> bool:
    """Return True the first ``times`` times it is asked about ``n``, in any process."""
    for attempt in range(times):
        try:
            os.close(os.open(marks / f"{n}-{attempt}", os.O_CREAT | os.O_EXCL))
            return True
        except FileExistsError:
            continue
    return False


MARKS = Path()


def cube_but_die_first(n: int) -> int:
    # A real SIGKILL of the worker, the first three times 5 comes by.
    if n == 5 and os.getpid() != PARENT and first_times(MARKS, n, 3):
        os.kill(os.getpid(), signal.SIGKILL)
    return n ** 3


def test_workers_killed_again_and_again_lose_nothing(tmp_path, monkeypatch):
    monkeypatch.setattr(sys.modules[__name__], "MARKS", tmp_path)
    with WorkerPool(cube_but_die_first, workers=2, wait_limit=30, restarts=2) as pool:
        tickets = [pool.submit(n) for n in range(48)]
        results = [pool.outcome(t).result for t in tickets]
    assert results == [n ** 3 for n in range(48)]
    # The first workers and two fresh sets died; then this process took over.
    assert (pool.started, pool.lost) == (3, 3)


def sleep_in_a_worker(n: int) -> int:
    if n == 3 and os.getpid() != PARENT:
        time.sleep(600)  # hung, not dead: only the time limit tells
    return n


def test_a_hung_worker_is_stopped_and_its_items_run_again(caplog):
    began = time.monotonic()
    with caplog.at_level(logging.WARNING), \
            WorkerPool(sleep_in_a_worker, workers=2, wait_limit=2, restarts=0) as pool:
        tickets = [pool.submit(n) for n in range(16)]
        results = [pool.outcome(t).result for t in tickets]
    assert results == list(range(16))
    assert "stopped answering for 2 s" in caplog.text
    assert time.monotonic() - began < 60


def test_a_build_whose_workers_are_killed_matches_a_clean_build(content, tmp_path,
                                                                monkeypatch, caplog):
    # Workers are killed for real (SIGKILL) three times in one build, each
    # time they split one report: fresh workers split what the first two
    # held, the build's process what the third held and all that was left.
    # The site must be byte for byte the clean build's.
    doomed = sorted((content / "reports").glob("*.md"))[17].stem
    real = adapter.split_source

    def killing_split(inputs, *args, **kwargs):
        stem = kwargs["link_of"]("XX")[0].rsplit("/", 1)[-1].split(".")[0]
        if stem == doomed and os.getpid() != PARENT and first_times(tmp_path, stem, 3):
            os.kill(os.getpid(), signal.SIGKILL)
        return real(inputs, *args, **kwargs)

    monkeypatch.setattr(adapter, "split_source", killing_split)
    pools = []
    real_pool = adapter.WorkerPool

    def recorded_pool(*args, **kwargs):
        pools.append(real_pool(*args, **kwargs))
        return pools[-1]

    monkeypatch.setattr(adapter, "WorkerPool", recorded_pool)
    with caplog.at_level(logging.WARNING):
        killed = build_site(content, tmp_path / "killed", BRIEFING_WORKERS=2)
    assert [(p.started, p.lost) for p in pools] == [(3, 3)]
    monkeypatch.setattr(adapter, "split_source", real)
    clean = build_site(content, tmp_path / "clean", BRIEFING_WORKERS=1)
    assert tree(killed) == tree(clean)
