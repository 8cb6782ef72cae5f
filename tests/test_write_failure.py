"""An exception while writing one article costs that page, not the build.

The editor runs `pelican` as `invoke build` does: one report trips the
theme's template (a theme tweak dividing by a metadata value). The build
names the file, its page and the problem without a traceback, writes every
other page, and exits non-zero so nothing publishes an incomplete site.
"""

import subprocess
import sys

import pytest
from sitebuild import ROOT, SEED_REPORT, copy_content

BAD = """Title: Ministers meet on a rail corridor
Date: 2025-12-14 12:00
Countries: Pakistan
Weight: 0

Pakistan's rail minister met his counterparts to plan a corridor.
"""
# A theme tweak that works for every report but one whose Weight: is 0.
OVERRIDE = """{% extends "!theme/report.html" %}
{% block content %}<p hidden>{{ 100 // (article.metadata.get('weight', '1')|int) }}</p>
{{ super() }}{% endblock %}
"""


def settings_file(base, content, output, overrides):
    path = base / "siteconf.py"
    path.write_text(
        "import sys\n"
        f"sys.path.insert(0, {str(ROOT)!r})\n"
        "from pelicanconf import *  # noqa: F403\n"
        f"PATH = {str(content)!r}\nOUTPUT_PATH = {str(output)!r}\n"
        f"THEME = {str(ROOT / 'theme')!r}\nTHEME_TEMPLATES_OVERRIDES = [{str(overrides)!r}]\n"
        "SITEURL = 'http://briefings.test'\nFEED_DOMAIN = SITEURL\n"
        "CACHE_CONTENT = False\nLOAD_CONTENT_CACHE = False\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def build(tmp_path_factory):
    base = tmp_path_factory.mktemp("write-failure")
    content = copy_content(base / "content", {"bad.md": BAD})
    overrides = base / "overrides"
    overrides.mkdir()
    (overrides / "report.html").write_text(OVERRIDE, encoding="utf-8")
    output = base / "output"
    result = subprocess.run(
        [sys.executable, "-m", "pelican", "-s", str(settings_file(base, content, output,
                                                                  overrides))],
        capture_output=True, text=True, cwd=base, timeout=300, check=False)
    return result, output


def test_the_build_exits_non_zero(build):
    result, _ = build
    assert result.returncode == 1, result.stdout + result.stderr


def test_the_message_names_the_file_the_page_and_the_problem(build):
    result, _ = build
    said = " ".join((result.stdout + result.stderr).split())
    assert "reports/bad.md" in said
    assert "reports/bad/index.html" in said
    assert "ZeroDivisionError" in said
    assert "report.html line" in said  # where in the theme it tripped
    assert "Traceback" not in said and "most recent call last" not in said


def test_every_other_page_is_written(build):
    _, output = build
    seed = SEED_REPORT.stem
    assert not (output / "reports" / "bad" / "index.html").exists()
    assert (output / "reports" / seed / "index.html").is_file()
    for slug in ("russia", "turkmenistan", "pakistan", "iraq", "myanmar"):
        assert (output / "briefings" / seed / slug / "index.html").is_file()
        assert (output / "countries" / slug / "index.html").is_file()
        assert (output / "feeds" / f"{slug}.atom.xml").is_file()
    # The bad report's briefing is its own page, and is written.
    assert (output / "briefings" / "bad" / "pakistan" / "index.html").is_file()
    assert (output / "index.html").is_file()
    assert (output / "feeds" / "all.atom.xml").is_file()
