"""The incremental writer's contract is enforced: a page that shows another
article's body is rendered on every build, never left stale.

The contract (incremental.py): a page shows its own article's body and only
metadata of other articles. Here a theme override breaks it on purpose (the
countries index quotes the newest report's full text); after an edit deep in
that report, which changes none of its metadata, the cached rebuild must show
the new text, exactly as a clean build does, and say why once.
"""

import logging

from sitebuild import SEED_REPORT, build_site, copy_content

CACHED = {"CACHE_CONTENT": True, "LOAD_CONTENT_CACHE": True}
# The last paragraph: far past the automatic summary, so no metadata changes.
OLD, NEW = "alongside ninety other countries", "alongside ninety-one other countries"


def _overrides(base):
    folder = base / "overrides"
    folder.mkdir()
    (folder / "countries.html").write_text(
        '{% extends "base.html" %}{% block content %}<h1>Countries</h1>'
        '<div id="latest">{{ reports[0].content }}</div>{% endblock %}', encoding="utf-8")
    return str(folder)


def test_a_page_showing_another_articles_body_is_never_stale(tmp_path, caplog):
    content = copy_content(tmp_path / "content")
    report = content / "reports" / SEED_REPORT.name
    assert OLD in report.read_text("utf-8")
    settings = {"THEME_TEMPLATES_OVERRIDES": [_overrides(tmp_path)],
                "CACHE_PATH": str(tmp_path / "cache"), **CACHED}
    output = tmp_path / "output"
    with caplog.at_level(logging.WARNING, logger="pelican.plugins.briefings"):
        build_site(content, output, **settings)
    page = output / "countries" / "index.html"
    assert OLD in page.read_text("utf-8")
    (warning,) = [r.getMessage() for r in caplog.records if "not their own" in r.getMessage()]
    assert "countries/index.html shows" in warning and SEED_REPORT.name in warning

    report.write_text(report.read_text("utf-8").replace(OLD, NEW), "utf-8")
    caplog.clear()
    with caplog.at_level(logging.INFO, logger="pelican.plugins.briefings"):
        build_site(content, output, **settings)
    assert NEW in page.read_text("utf-8"), "the page was left stale"
    clean = build_site(content, tmp_path / "clean", THEME_TEMPLATES_OVERRIDES=settings[
        "THEME_TEMPLATES_OVERRIDES"])
    assert page.read_bytes() == (clean / "countries" / "index.html").read_bytes()
    # Said once, as a warning, when first seen; later builds only note it.
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING
                and "not their own" in r.getMessage()]


def test_the_project_theme_keeps_the_contract(tmp_path, caplog):
    content = copy_content(tmp_path / "content")
    with caplog.at_level(logging.INFO, logger="pelican.plugins.briefings"):
        build_site(content, tmp_path / "output", CACHE_PATH=str(tmp_path / "cache"), **CACHED)
    assert not [r for r in caplog.records if "other articles' bodies" in r.getMessage()
                or "not their own" in r.getMessage()]
