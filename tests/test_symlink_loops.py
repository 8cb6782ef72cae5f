"""Symbolic links that loop under STATIC_PATHS and content/: the build ends and names them.

Two links to folders that hold them made Pelican walk an exponential number
of paths (the build seemed to hang). The build runs in a subprocess with a
deadline, so without the fix this test fails instead of hanging the suite.
"""

import os
import subprocess
import sys

import pytest
from sitebuild import ROOT, SEED_REPORT, copy_content

BUILD = """
import sys
sys.path.insert(0, {tests!r})
from pathlib import Path
from sitebuild import build_site
build_site(Path({content!r}), Path({output!r}), STATIC_PATHS=["images"])
"""


@pytest.fixture(scope="module")
def build(tmp_path_factory):
    base = tmp_path_factory.mktemp("loops")
    content = copy_content(base / "content")
    images = content / "images"
    (images / "maps").mkdir(parents=True)
    (images / "maps" / "route.svg").write_text("<svg xmlns='http://www.w3.org/2000/svg'/>")
    os.symlink("..", images / "up")  # images/up -> content
    os.symlink("../../images", images / "maps" / "all")  # images/maps/all -> images
    os.symlink("..", content / "reports" / "again")  # reports/again -> content
    output = base / "output"
    script = BUILD.format(tests=str(ROOT / "tests"), content=str(content), output=str(output))
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            timeout=120, check=False)
    return result, output


def test_the_build_ends_without_a_traceback(build):
    result, _ = build
    assert result.returncode == 0, result.stderr[-3000:]
    assert "Traceback" not in result.stdout + result.stderr


def test_each_looping_link_is_named(build):
    result, _ = build
    said = " ".join((result.stdout + result.stderr).split())
    for link in ("images/up", "images/maps/all", "reports/again"):
        assert f"briefings: {link} (in the content folder) is a symbolic link" in said, link
    assert said.count("a loop") == 3


def test_every_file_is_published_once(build):
    _, output = build
    svgs = sorted(p.relative_to(output).as_posix() for p in output.rglob("route.svg"))
    assert svgs == ["images/maps/route.svg"]
    reports = sorted(p.relative_to(output).as_posix()
                     for p in (output / "reports").rglob("index.html"))
    assert reports == [f"reports/{SEED_REPORT.stem}/index.html"]
