"""`scripts/bench.py` runs end to end on a tiny corpus and prints sane numbers.

No timing assertions: the machine's speed is not under test, the bench is.
"""

from __future__ import annotations

import re
import subprocess
import sys

from sitebuild import ROOT

ROW = re.compile(r"^\| 5 \| (?P<cells>.*) \|$", re.MULTILINE)


def test_bench_prints_its_table():
    run = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "bench.py"), "--n", "5", "--sample", "5",
         "--repeat", "2"],
        capture_output=True, text=True, cwd=ROOT, timeout=300, check=True)
    assert "| N reports | full build s | peak MB | pages | feeds |" in run.stdout
    row = ROW.search(run.stdout)
    assert row, run.stdout
    cells = [c.strip() for c in row["cells"].split("|")]
    (wall, peak, pages, feeds, ms_page, plain, ratio, share, cpu_share, rebuild,
     rebuild_ratio) = cells
    # 5 reports with 5 to 8 partners each: reports, briefings, hubs, tags, lists.
    assert int(pages.replace(",", "")) > 5 * 6
    # Two feeds per country hub at least, plus the site feeds.
    assert int(feeds.replace(",", "")) >= 2 * 5
    assert float(wall) > 0 and float(peak) > 10 and float(ms_page) > 0
    assert re.fullmatch(r"[\d.]+ \([\d,]+\)", plain)
    assert float(ratio) > 0 and 0 < float(share.rstrip("%")) < 100
    assert float(cpu_share.rstrip("%")) >= float(share.rstrip("%"))
    assert re.search(r"splitting in worker processes [\d.]+ s CPU", run.stdout)
    assert float(rebuild) > 0 and float(rebuild_ratio) > 0
    assert re.search(r"splitting core: 5 reports, [\d.]+ MB of Markdown .* MB/s .*median of "
                     r"2 passes", run.stdout)
    # Both ground-rule figures are printed as targets, whatever they measure.
    assert re.search(r"^target: splitting core >= 1\.00 MB/s: [\d.]+ MB/s \((met|NOT met)\)$",
                     run.stdout, re.MULTILINE)
    shown = re.search(r"^target: N=5 ratio to plain Pelican <= 1\.00: (?P<ratio>[\d.]+) \(median "
                      r"of 2 pairs of builds, (?P<low>[\d.]+) to (?P<high>[\d.]+)\)", run.stdout,
                      re.MULTILINE)
    assert shown, run.stdout
    assert float(shown["low"]) <= float(shown["ratio"]) <= float(shown["high"])
    assert shown["ratio"] == ratio
    assert re.search(r"labelled corpus .*recall [\d.]+, precision [\d.]+", run.stdout)
