"""Countries are named (and their feeds slugged) the way the desk spells them."""

from sitebuild import build_site, copy_content

from pelican.plugins.briefings.core.gazetteer import Gazetteer
from pelican.plugins.briefings.core.naming import choose_names

GAZ = Gazetteer.default()

REPORT = """Title: Ankara hosts talks
Date: 2026-03-01 10:00
Countries: Türkiye, Côte d’Ivoire, UK

Turkish Foreign Minister Hakan Fidan met Ivorian and British officials in Ankara.

Fidan said Türkiye and Côte d’Ivoire would sign a trade deal, and the UK welcomed it.
"""


def test_oldest_spelling_wins_abbreviations_do_not_and_overrides_always_do():
    tr, gb = GAZ.resolve("Turkey").code, GAZ.resolve("UK").code
    names = choose_names([(tr, "Türkiye"), (gb, "UK"), (tr, "Turkey")], GAZ)
    assert names == {tr: "Türkiye"}
    assert choose_names([(tr, "Türkiye")], GAZ, {tr: "Turkey"}) == {tr: "Turkey"}


def test_feeds_and_hubs_follow_the_countries_line(tmp_path):
    content = copy_content(tmp_path / "content", {"ankara.md": REPORT}, with_seed=False)
    output = build_site(content, tmp_path / "output", BRIEFING_COUNTRIES=None)
    for slug in ("turkiye", "cote-divoire", "united-kingdom"):
        assert (output / "feeds" / f"{slug}.atom.xml").is_file(), slug
        assert (output / "feeds" / f"{slug}.rss.xml").is_file(), slug
        assert (output / "countries" / slug / "index.html").is_file(), slug


def test_a_setting_renames_a_country(tmp_path):
    content = copy_content(tmp_path / "content", {"ankara.md": REPORT}, with_seed=False)
    output = build_site(content, tmp_path / "output",
                        BRIEFING_COUNTRY_NAMES={"Türkiye": "Turkey"})
    assert (output / "feeds" / "turkey.atom.xml").is_file()
    assert not (output / "feeds" / "turkiye.atom.xml").exists()


def test_automatic_mode_names_a_country_as_the_text_spells_it():
    from pelican.plugins.briefings.core.naming import text_spellings
    ci = GAZ.resolve("Ivory Coast").code
    text = "Côte d’Ivoire and Ghana met. Côte d’Ivoire said… The UK and Ghana agreed."
    assert (ci, "Côte d’Ivoire") in text_spellings(text, GAZ)
    assert not [s for s in text_spellings(text, GAZ) if s[0] == GAZ.resolve("Ghana").code]


def test_countries_line_separators_keep_names_with_and():
    from pelican.plugins.briefings.core.partners import countries_line_names
    assert countries_line_names("Russia, Iraq and Myanmar; Trinidad and Tobago", GAZ) == [
        "Russia", "Iraq", "Myanmar", "Trinidad and Tobago"]
