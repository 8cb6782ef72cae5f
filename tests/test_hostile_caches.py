"""Damaged caches heal: reported once, discarded, rebuilt; the site as a clean build makes it."""

from __future__ import annotations

import gzip
import logging
import pickle
import shutil

import pytest
from sitebuild import build_site, copy_content

from pelican.plugins.briefings.splitcache import CACHE_FILE, PELICAN_CACHES


def tree(folder):
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """A cached build (its cache kept as a pristine copy) and a clean build to compare."""
    base = tmp_path_factory.mktemp("caches")
    content = copy_content(base / "content")
    cached = {"CACHE_CONTENT": True, "LOAD_CONTENT_CACHE": True,
              "CACHE_PATH": str(base / "cache")}
    build_site(content, base / "first", **cached)
    shutil.copytree(base / "cache", base / "pristine")
    clean = tree(build_site(content, base / "clean"))
    return base, content, cached, clean


def empty(path):
    path.write_bytes(b"")


def truncated(path):
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])


def wrong_type(path):
    with gzip.open(path, "wb") as stream:
        pickle.dump(["not", "a", "cache"], stream)


def wrong_entries(path):
    with gzip.open(path, "wb") as stream:
        pickle.dump({"reports/x.md": "no stamp"}, stream)


def folder(path):
    path.unlink()
    (path / "inside").mkdir(parents=True)


DAMAGES = [empty, truncated, wrong_type, wrong_entries, folder]


@pytest.mark.parametrize("damage", DAMAGES, ids=[d.__name__ for d in DAMAGES])
def test_a_damaged_pelican_cache_heals(site, caplog, damage):
    base, content, cached, clean = site
    # A cache folder of its own: Pelican's log filter drops a message seen before.
    cache = base / f"cache-{damage.__name__}"
    cached = {**cached, "CACHE_PATH": str(cache)}
    shutil.copytree(base / "pristine", cache)
    for name in PELICAN_CACHES:
        if (cache / name).is_file():
            damage(cache / name)
    caplog.set_level(logging.WARNING)
    output = base / f"out-{damage.__name__}"
    assert tree(build_site(content, output, **cached)) == clean
    assert "Traceback" not in caplog.text and not any(r.exc_info for r in caplog.records)
    assert "content cache" in caplog.text and "is damaged" in caplog.text
    for name in PELICAN_CACHES:
        assert not (cache / name).is_dir()
    caplog.clear()
    assert tree(build_site(content, output, **cached)) == clean  # healed: no more warning
    assert "is damaged" not in caplog.text


@pytest.mark.parametrize("damage", [empty, truncated, folder], ids=["empty", "truncated",
                                                                    "folder"])
def test_a_damaged_split_cache_heals(site, caplog, damage):
    base, content, cached, clean = site
    cache = base / f"split-cache-{damage.__name__}"
    cached = {**cached, "CACHE_PATH": str(cache)}
    shutil.copytree(base / "pristine", cache)
    damage(cache / CACHE_FILE)
    caplog.set_level(logging.WARNING)
    output = base / f"split-{damage.__name__}"
    assert tree(build_site(content, output, **cached)) == clean
    assert "Traceback" not in caplog.text and not any(r.exc_info for r in caplog.records)
    assert "split cache" in caplog.text
    assert (cache / CACHE_FILE).is_file()
    with open(cache / CACHE_FILE, "rb") as stream:
        pickle.load(stream)
        assert isinstance(pickle.load(stream), dict)
