"""Done-when of the plugin: a stranger's site installs it with pip and builds.

A fresh virtualenv gets `pip install` of a clean clone of this repository
(so only committed files count), then a new site with nothing but a minimal
pelicanconf.py, the seed report and two ordinary blog posts that name
countries builds on Pelican's own `notmyidea` and `simple` themes: exit 0, no
error, the five seed countries' briefings, hubs and feeds carry their
labelled paragraphs, and the blog posts are in no briefing and no country
feed. `pelican-plugins` lists the plugin. One virtualenv serves both builds.
"""

import shutil
import subprocess
import sys

import pytest
from bs4 import BeautifulSoup
from seedcheck import BLOG_POSTS, LABELS, check_seed_site
from sitebuild import ROOT, SEED_REPORT

from pelican.settings import DEFAULT_CONFIG
from pelican.utils import slugify

pytestmark = pytest.mark.slow

PELICANCONF = '''\
SITENAME = "Someone's blog"
SITEURL = "https://blog.example"
PATH = "content"
TIMEZONE = "UTC"
THEME = "{theme}"
PLUGINS = ["briefings"]
'''


def _run(command, cwd, timeout=600):
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=timeout)


@pytest.fixture(scope="module")
def venv(tmp_path_factory):
    base = tmp_path_factory.mktemp("install")
    clone = base / "clone"
    cloned = _run(["git", "clone", "-q", str(ROOT), str(clone)], base)
    assert cloned.returncode == 0, cloned.stderr
    made = _run([sys.executable, "-m", "venv", str(base / "venv")], base)
    assert made.returncode == 0, made.stderr
    bin_ = base / "venv" / "bin"
    installed = _run([str(bin_ / "python"), "-m", "pip", "install", "-q", str(clone)], base)
    assert installed.returncode == 0, installed.stdout + installed.stderr
    return bin_


def test_pelican_plugins_lists_the_plugin(venv):
    listed = _run([str(venv / "pelican-plugins")], venv)
    assert listed.returncode == 0, listed.stderr
    assert "pelican.plugins.briefings" in listed.stdout + listed.stderr


@pytest.mark.parametrize("theme", ["notmyidea", "simple"])
def test_a_new_site_builds_on_pelicans_own_themes(venv, tmp_path, theme):
    site = tmp_path / "site"
    (site / "content" / "reports").mkdir(parents=True)
    (site / "content" / "blog").mkdir()
    shutil.copy(SEED_REPORT, site / "content" / "reports" / SEED_REPORT.name)
    for name, text in BLOG_POSTS.items():
        (site / "content" / "blog" / name).write_text(text, encoding="utf-8")
    (site / "pelicanconf.py").write_text(PELICANCONF.format(theme=theme), encoding="utf-8")

    built = _run([str(venv / "pelican"), "content", "-s", "pelicanconf.py", "-o", "output"],
                 site)
    log = built.stdout + built.stderr
    assert built.returncode == 0, log
    assert "ERROR" not in log and "CRITICAL" not in log and "Traceback" not in log, log
    output = site / "output"
    # Pelican's default RSS feeds carry summaries only; the Atom feeds, whole entries.
    # Pelican's default slugs come from titles.
    check_seed_site(output, full_rss=False, report_slug=slugify(
        LABELS["title"], regex_subs=DEFAULT_CONFIG["SLUG_REGEX_SUBSTITUTIONS"]))
    for post in ("notes-from-a-long-train-ride", "what-i-cooked-this-week"):
        page = BeautifulSoup((output / f"{post}.html").read_text("utf-8"), "html.parser")
        assert page.select_one("article") is not None
        assert not page.select("[data-countries], a.briefing-link, blockquote.excerpt")
