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
