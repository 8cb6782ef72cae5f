"""Each BRIEFING_* setting does what the README table says, in a real build."""

import pytest
from sitebuild import build_site, copy_content, excerpt_texts, soup

from pelican.plugins.briefings.core.gazetteer import Gazetteer
from pelican.plugins.briefings.settings import DEFAULTS, BriefingsConfig, SettingsError

SEED = "ashgabat-2025-12-12"
REPORT = """Title: Ankara talks
Date: 2026-03-01 10:00
Countries: Turkey

## Talks

Erdogan reviewed pipeline projects with the visiting minister.
"""


def test_defaults_validate():
    config = BriefingsConfig.from_settings(DEFAULTS, Gazetteer.default())
    assert config.countries is None and config.context is True


def test_alias_file_makes_a_name_mean_a_country(tmp_path):
    aliases = tmp_path / "aliases.toml"
    aliases.write_text('[aliases]\n"Erdogan" = "Turkey"\n', encoding="utf-8")
    content = copy_content(tmp_path / "content", {"ankara.md": REPORT}, with_seed=False)
    output = build_site(content, tmp_path / "output", BRIEFING_ALIASES_FILE=str(aliases))
    page = soup(output / "briefings" / "ankara" / "turkey" / "index.html")
    assert [t for t, _ in excerpt_texts(page).values()] == [
        "Erdogan reviewed pipeline projects with the visiting minister."]


def test_topics_setting_replaces_the_keyword_map(tmp_path):
    content = copy_content(tmp_path / "content")
    output = build_site(content, tmp_path / "output",
                        BRIEFING_TOPICS={"Railways": ["rail*"]})
    assert (output / "tags" / "railways" / "index.html").is_file()
    assert not (output / "tags" / "energy").exists()


def test_context_off_quotes_only_paragraphs_about_the_country(tmp_path):
    output = build_site(copy_content(tmp_path / "content"), tmp_path / "output",
                        BRIEFING_CONTEXT=False)
    page = soup(output / "briefings" / SEED / "turkmenistan" / "index.html")
    assert excerpt_texts(page) and not any(c for _, c in excerpt_texts(page).values())


def test_url_patterns_move_briefings(tmp_path):
    output = build_site(copy_content(tmp_path / "content"), tmp_path / "output",
                        BRIEFING_URL="b/{country_slug}/{report_slug}/",
                        BRIEFING_SAVE_AS="b/{country_slug}/{report_slug}/index.html")
    assert (output / "b" / "russia" / SEED / "index.html").is_file()


@pytest.mark.parametrize("key, value", [
    ("BRIEFING_URL", "briefings/{slug}/"),
    ("BRIEFING_MAX_COUNTRIES", 0),
    ("BRIEFING_WORKERS", 0),
    ("BRIEFING_WORKERS", "2"),
    ("BRIEFING_CATEGORY", ""),
    ("BRIEFING_COUNTRY_NAMES", {"Narnia": "N"}),
])
def test_bad_values_name_the_setting(key, value):
    with pytest.raises(SettingsError, match=key):
        BriefingsConfig.from_settings({key: value}, Gazetteer.default())


@pytest.mark.parametrize("key, value, fragment", [
    ("BRIEFING_URL", "briefings/{report_slug}/", "must contain {country_slug}"),
    ("BRIEFING_SAVE_AS", "b/{country_slug", "not a valid pattern"),
    ("BRIEFING_SAVE_AS", "b/{country_slug.__class__}/index.html", "no attributes"),
    ("BRIEFING_TITLE", "{country[0]}: {report_title}", "no attributes, indexes"),
    ("BRIEFING_TITLE", "{country!r}", "it may use only"),
    ("COUNTRY_URL", "countries/", "must contain {slug}"),
    ("COUNTRY_SAVE_AS", "countries/{name}/index.html", "it may use only {slug}"),
    ("COUNTRY_FEED_ATOM", None, "COUNTRY_FEED_ATOM must be a non-empty string"),
    ("COUNTRY_FEED_RSS", 42, "COUNTRY_FEED_RSS must be a non-empty string"),
    ("COUNTRY_FEED_ATOM", "", "COUNTRY_FEED_ATOM must be a non-empty string"),
    ("COUNTRY_FEED_OPML", 3, "COUNTRY_FEED_OPML must be a non-empty string"),
    ("COUNTRIES_SAVE_AS", "countries/{slug}.html", "COUNTRIES_SAVE_AS"),
    ("BRIEFING_CONTEXT", "no", "BRIEFING_CONTEXT must be True or False"),
    ("BRIEFING_COUNTRY_NAMES", {"Russia": "Rus", "Iraq": "rus"}, "the same display name"),
    ("BRIEFING_COUNTRY_NAMES", {"Russia": 7}, "BRIEFING_COUNTRY_NAMES['Russia']"),
    ("BRIEFING_TOPICS", {"Energy": "gas"}, "'Energy' must map to a list"),
    ("BRIEFING_TOPICS", {"Energy": [""]}, "'Energy' must map to a list"),
    ("BRIEFING_TOPICS", {"Energy": 3}, "'Energy' must map to a list"),
    ("SITESUBTITLE", 5, "SITESUBTITLE must be a string or None"),
    ("HOME_COUNTRY_CARDS", "12", "HOME_COUNTRY_CARDS must be a whole number"),
    ("FEED_ALL_ATOM", 1, "FEED_ALL_ATOM must be a path or None"),
])
def test_unusable_settings_are_named(key, value, fragment):
    with pytest.raises(SettingsError) as raised:
        BriefingsConfig.from_settings({key: value}, Gazetteer.default())
    assert fragment in str(raised.value) and key in str(raised.value)


@pytest.mark.parametrize("text, fragment", [
    ('["Energy", "gas"]', "must hold one JSON object"),
    ('{"Energy": 3}', "must hold one JSON object"),
    ('{"Energy": [["gas"]]}', "'Energy' must map to a list"),
    ("not json", "cannot read"),
])
def test_a_topic_file_of_the_wrong_shape_is_named(tmp_path, text, fragment):
    path = tmp_path / "topics.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(SettingsError, match="BRIEFING_TOPICS") as raised:
        BriefingsConfig.from_settings({"BRIEFING_TOPICS": str(path)}, Gazetteer.default())
    assert fragment in str(raised.value)


def test_an_empty_alias_is_refused(tmp_path):
    path = tmp_path / "aliases.toml"
    path.write_text('[aliases]\n"" = "Russia"\n', encoding="utf-8")
    with pytest.raises(SettingsError, match="BRIEFING_ALIASES_FILE.*empty name"):
        BriefingsConfig.from_settings({"BRIEFING_ALIASES_FILE": str(path)},
                                      Gazetteer.default())


def test_every_bad_setting_is_named_at_once():
    with pytest.raises(SettingsError) as raised:
        BriefingsConfig.from_settings({"BRIEFING_CONTEXT": 1, "COUNTRY_URL": "c/",
                                       "BRIEFING_WORKERS": 0}, Gazetteer.default())
    assert [p.split(" ")[0] for p in raised.value.problems] == [
        "COUNTRY_URL", "BRIEFING_WORKERS", "BRIEFING_CONTEXT"]


def test_a_display_name_is_text():
    config = BriefingsConfig.from_settings(
        {"BRIEFING_COUNTRY_NAMES": {"Oman": "<b onclick='x()'>Oman</b> & co"}},
        Gazetteer.default())
    assert list(config.country_names.values()) == ["Oman & co"]
