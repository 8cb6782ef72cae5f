"""Any theme: Pelican's own themes show briefings, hubs and feeds with the
plugin's fallback templates; a theme's own templates win; a theme that cannot
show the plugin's pages stops the build with one line naming the template.
Ordinary blog posts are left exactly as Pelican renders them.
"""

import logging
import shutil

import pytest
from seedcheck import BLOG_POSTS, BLOG_SENTENCES, SEED_SLUG, check_seed_site
from sitebuild import build_site, copy_content, soup

REST_POST = """Notes in reStructuredText
#########################

:date: 2025-10-30 10:00

A short note on the road from Baghdad to Islamabad, written in reST.
"""


# This site's own pages that only its theme has templates for (sitemap, robots).
PELICAN_THEME = {"DIRECT_TEMPLATES": ["index", "tags", "categories", "authors", "archives"]}


def _content(base):
    content = copy_content(base / "content")
    shutil.rmtree(content / "pages")  # the project's 404 page needs the project's theme
    (content / "blog").mkdir()
    for name, text in BLOG_POSTS.items():
        (content / "blog" / name).write_text(text, encoding="utf-8")
    # A blog post in reStructuredText: only reports need to be Markdown.
    (content / "blog" / "rest-notes.rst").write_text(REST_POST, encoding="utf-8")
    return content


def _build(base, **overrides):
    return build_site(_content(base), base / "output",
                      ARTICLE_PATHS=["reports", "blog"], **overrides)


@pytest.fixture(scope="module", params=["notmyidea", "simple"])
def pelican_theme_site(request, tmp_path_factory):
    base = tmp_path_factory.mktemp(request.param)
    with_plugin = _build(base / "with", THEME=request.param, **PELICAN_THEME)
    without = _build(base / "without", THEME=request.param, PLUGINS=[], **PELICAN_THEME)
    return request.param, with_plugin, without


def test_pelican_themes_show_briefings_hubs_and_feeds(pelican_theme_site):
    _theme, output, _without = pelican_theme_site
    check_seed_site(output)
    countries = soup(output / "countries" / "index.html")
    assert {a.get_text() for a in countries.select("section.countries li > a")} >= {
        "Russia", "Turkmenistan", "Pakistan", "Iraq", "Myanmar"}
    briefing = soup(output / "briefings" / SEED_SLUG / "russia" / "index.html")
    # The fallback extends the theme's own base.html and advertises the feeds.
    assert briefing.select_one("html[lang='en']")
    alternates = {link["href"] for link in briefing.select("link[rel=alternate]")}
    assert any(href.endswith("feeds/russia.atom.xml") for href in alternates), alternates
    assert (output / "feeds" / "countries.opml").is_file()


@pytest.mark.parametrize("post", ["trip-notes", "kitchen", "rest-notes"])
def test_blog_posts_render_as_without_the_plugin(pelican_theme_site, post):
    _theme, output, without = pelican_theme_site
    page, plain = (soup(o / "reports" / post / "index.html") for o in (output, without))
    assert str(page.select_one("article")) == str(plain.select_one("article"))
    assert not page.select("[data-countries]")


def test_blog_posts_left_alone_by_the_project_theme(tmp_path):
    output = _build(tmp_path)
    check_seed_site(output)
    for post in ("trip-notes", "kitchen"):
        page = soup(output / "reports" / post / "index.html")
        assert not page.select("[data-countries], a.briefing-link")
        assert "Report" not in page.select_one(".entry-meta, article").get_text()
    archives = soup(output / "archives" / "index.html")
    labelled = {li.a.get_text(): li.select_one(".entry-meta") for li in archives.select("li")
                if li.a is not None}
    assert labelled["Notes from a long train ride"] is None
    assert labelled["What I cooked this week"] is None
    hub = (output / "countries" / "pakistan" / "index.html").read_text("utf-8")
    assert all(sentence not in hub for sentence in BLOG_SENTENCES)


def test_a_theme_template_overrides_the_fallback(tmp_path):
    overrides = tmp_path / "overrides"
    overrides.mkdir()
    (overrides / "country.html").write_text(
        '{% extends "base.html" %}{% block content %}<p id="own">Own hub: '
        "{{ country.name }}</p>{% endblock %}", encoding="utf-8")
    output = _build(tmp_path, THEME="notmyidea", THEME_TEMPLATES_OVERRIDES=[str(overrides)],
                    **PELICAN_THEME)
    hub = soup(output / "countries" / "iraq" / "index.html")
    assert hub.select_one("#own").get_text() == "Own hub: Iraq"
    # The templates it does not override still come from the plugin.
    assert soup(output / "briefings" / SEED_SLUG / "iraq" / "index.html").select(
        "blockquote.excerpt")


def _theme(tmp_path, files):
    theme = tmp_path / "theme"
    (theme / "templates").mkdir(parents=True)
    for name, text in files.items():
        (theme / "templates" / name).write_text(text, encoding="utf-8")
    return str(theme)


def test_a_base_without_content_block_is_one_clear_error(tmp_path, caplog):
    theme = _theme(tmp_path, {"base.html": "<!DOCTYPE html><html><body>"
                              "{% block main %}{% endblock %}</body></html>"})
    with caplog.at_level(logging.CRITICAL), pytest.raises(SystemExit) as stop:
        _build(tmp_path, THEME=theme)
    assert stop.value.code == 2
    (record,) = [r for r in caplog.records if r.levelno == logging.CRITICAL]
    message = record.getMessage()
    assert message.startswith("briefings: the theme")
    assert "base.html has no {% block content %}" in message
    assert "briefing.html" in message and "country.html" in message


def test_a_theme_template_needing_a_missing_one_is_one_clear_error(tmp_path, caplog):
    theme = _theme(tmp_path, {"briefing.html": '{% extends "base.html" %}'
                              '{% block content %}{% include "partials/quote.html" %}'
                              "{% endblock %}"})
    with caplog.at_level(logging.CRITICAL), pytest.raises(SystemExit):
        _build(tmp_path, THEME=theme)
    (record,) = [r for r in caplog.records if r.levelno == logging.CRITICAL]
    assert "briefing.html needs the template 'partials/quote.html'" in record.getMessage()
