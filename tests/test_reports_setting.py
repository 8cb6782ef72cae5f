"""BRIEFING_REPORTS decides which articles are reports; every other article is left alone."""

import pytest
from seedcheck import SEED_SLUG
from sitebuild import SEED_REPORT, build_site, copy_content, soup

from pelican.plugins.briefings.settings import BriefingsConfig, SettingsError

DISPATCH = ("Title: Dispatch from Baghdad\nDate: 2025-12-13 08:00\nCategory: Dispatches\n"
            "{flag}\n"
            "BAGHDAD – Iraqi Prime Minister Mohammed Shia al-Sudani met Pakistani officials "
            "on Saturday to discuss trade across the region.\n\n"
            "Pakistan's delegation said talks with Iraq on pilgrim travel would continue "
            "next month in Islamabad.\n")


def _site(tmp_path, flag="", **overrides):
    content = copy_content(tmp_path / "content")
    (content / "desk").mkdir()
    (content / "desk" / "dispatch.md").write_text(DISPATCH.format(flag=flag), "utf-8")
    return build_site(content, tmp_path / "output", ARTICLE_PATHS=["reports", "desk"],
                      BRIEFING_COUNTRIES=None, **overrides)


def _briefed(output):
    return sorted(p.name for p in (output / "briefings").iterdir())


def test_default_splits_countries_lines_and_the_reports_folder_only(tmp_path):
    output = _site(tmp_path)
    assert _briefed(output) == [SEED_SLUG]
    page = soup(output / "reports" / "dispatch" / "index.html")
    assert not page.select("[data-countries]")


def test_a_category_chooses_the_reports(tmp_path):
    output = _site(tmp_path, BRIEFING_REPORTS={"categories": ["dispatches"]})
    assert _briefed(output) == ["dispatch"]
    # (A Baghdad dateline makes Iraq the home country, which gets no briefing.)
    assert sorted(p.name for p in (output / "briefings" / "dispatch").iterdir()) == ["pakistan"]
    # The seed, under reports/ with its Countries: line, is now an ordinary article.
    assert not soup(output / "reports" / SEED_SLUG / "index.html").select("[data-countries]")


def test_a_metadata_flag_chooses_the_reports(tmp_path):
    output = _site(tmp_path, flag="Report: yes", BRIEFING_REPORTS={"metadata": ["report"]})
    assert _briefed(output) == ["dispatch"]


def test_a_false_flag_is_not_a_report(tmp_path):
    output = _site(tmp_path, flag="Report: no",
                   BRIEFING_REPORTS={"metadata": ["report", "countries"]})
    assert _briefed(output) == [SEED_SLUG]


def test_all_and_a_function(tmp_path):
    assert _briefed(_site(tmp_path / "all", BRIEFING_REPORTS="all")) == [SEED_SLUG, "dispatch"]
    chosen = _site(tmp_path / "function",
                   BRIEFING_REPORTS=lambda article: article.title.startswith("Dispatch"))
    assert _briefed(chosen) == ["dispatch"]


def test_a_report_by_folder_needs_no_countries_line(tmp_path):
    text = "\n".join(line for line in SEED_REPORT.read_text("utf-8").splitlines()
                     if not line.startswith("Countries:"))
    content = copy_content(tmp_path / "content", {SEED_REPORT.name: text})
    output = build_site(content, tmp_path / "output")
    assert len(list((output / "briefings" / SEED_SLUG).iterdir())) == 5


@pytest.mark.parametrize("value, message", [
    ("reports", 'BRIEFING_REPORTS must be "all", a function'),
    ({"folders": ["reports"]}, "BRIEFING_REPORTS: unknown rule 'folders'"),
    ({"paths": [1]}, "BRIEFING_REPORTS['paths'] must be a list of non-empty names"),
    ({"paths": []}, "BRIEFING_REPORTS has no rule"),
])
def test_bad_values_name_the_setting(value, message):
    with pytest.raises(SettingsError, match=message.replace("[", r"\[").replace("(", r"\(")):
        BriefingsConfig.from_settings({"BRIEFING_REPORTS": value})
