"""Tests for briefings.gazetteer: country data, resolve, suggest, find_mentions."""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

import pytest

from pelican.plugins.briefings.core.gazetteer import (
    DEFAULT_DATA,
    FIELD_KINDS,
    Gazetteer,
    Mention,
    benchmark_throughput,
    surface_key,
    trie_pattern,
)

GAZ = Gazetteer.default()
DATA = json.loads(DEFAULT_DATA.read_text(encoding="utf-8"))
REPO = Path(__file__).resolve().parent.parent
SEED = REPO / "content" / "reports" / "ashgabat-2025-12-12.md"


def found(text: str, aliases=None) -> list[tuple[str, str]]:
    """Return (matched text, code) pairs, the shape most cases below compare."""
    return [(m.text, m.code) for m in GAZ.find_mentions(text, aliases)]


# --- the data --------------------------------------------------------------------


TERRITORIES = {"HK", "MO", "CK", "NU", "EH", "GL", "PR", "FO", "GU", "AS", "MP", "PF", "NC", "TK",
               "AI", "VG", "VI", "KY", "BM", "TC", "MS", "AW", "CW", "SX", "GP", "MQ", "GF", "YT",
               "RE", "FK", "GI", "WF", "XS"}


def test_every_un_member_observer_taiwan_kosovo_and_the_territories_news_covers():
    codes = {c.code for c in GAZ.countries}
    assert len(GAZ.countries) == 197 + len(TERRITORIES)
    assert len(codes) == len(GAZ.countries)
    assert {"VA", "PS", "TW", "XK"} | TERRITORIES <= codes


@pytest.mark.parametrize(("text", "expected"), [
    ("Hong Kong's Hang Seng fell", [("Hong Kong", "HK"), ("Hang Seng", "HK")]),
    ("casinos in Macao and Macau", [("Macao", "MO"), ("Macau", "MO")]),
    ("the Cook Islands and Niue signed", [("Cook Islands", "CK"), ("Niue", "NU")]),
    ("near Dakhla in Western Sahara", [("Dakhla", "EH"), ("Western Sahara", "EH")]),
    ("Greenland's fleet and the Faroese", [("Greenland", "GL"), ("Faroese", "FO")]),
    ("Puerto Rican voters in San Juan", [("Puerto Rican", "PR"), ("San Juan", "PR")]),
    ("Hong Kong Chinese", [("Hong Kong", "HK"), ("Chinese", "CN")]),
    ("American Samoa and Samoa", [("American Samoa", "AS"), ("Samoa", "WS")]),
    ("Guam, Saipan, Nouméa and Papeete",
     [("Guam", "GU"), ("Saipan", "MP"), ("Nouméa", "NC"), ("Papeete", "PF")]),
    ("Anguilla, the BVI and the U.S. Virgin Islands",
     [("Anguilla", "AI"), ("BVI", "VG"), ("U.S. Virgin Islands", "VI")]),
    ("Mayotte and Réunion", [("Mayotte", "YT"), ("Réunion", "RE")]),
    ("the Falklands, which Buenos Aires calls the Malvinas",
     [("the Falklands", "FK"), ("Buenos Aires", "AR"), ("Malvinas", "FK")]),
    ("Hargeisa said Somaliland and Somalia", [("Hargeisa", "XS"), ("Somaliland", "XS"),
                                               ("Somalia", "SO")]),
    ("ships in the Strait of Gibraltar", []),
])
def test_territories_outside_the_un_are_places_of_their_own(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Omanʼs output", [("Oman", "OM")]),  # U+02BC, the modifier-letter apostrophe
    ("Oman’s output", [("Oman", "OM")]),  # U+2019
    ("Nigeriaʼs gas and Moroccoʼs", [("Nigeria", "NG"), ("Morocco", "MA")]),
    ("Macedonia, Swaziland, Burma and the Czech Republic",
     [("Macedonia", "MK"), ("Swaziland", "SZ"), ("Burma", "MM"), ("Czech Republic", "CZ")]),
    ("Timor Leste and Timor-Leste", [("Timor Leste", "TL"), ("Timor-Leste", "TL")]),
])
def test_other_names_and_apostrophes_real_copy_uses(text, expected):
    assert found(text) == expected


def test_a_learned_name_takes_the_modifier_letter_apostrophe_too():
    assert found("Berdimuhamedovʼs visit", {"Berdimuhamedov": "TM"}) == [
        ("Berdimuhamedov", "TM")]


def test_countries_sorted_by_name_and_display_names_unique():
    names = [c.name for c in GAZ.countries]
    assert names == sorted(names)
    assert len(set(names)) == len(names)


@pytest.mark.parametrize(
    ("code", "name"),
    [
        ("RU", "Russia"),
        ("US", "United States"),
        ("GB", "United Kingdom"),
        ("MM", "Myanmar"),
        ("KR", "South Korea"),
        ("KP", "North Korea"),
        ("TR", "Turkey"),
        ("CI", "Ivory Coast"),
        ("CZ", "Czech Republic"),
        ("CD", "Democratic Republic of the Congo"),
        ("CG", "Republic of the Congo"),
        ("PS", "Palestine"),
        ("VA", "Vatican City"),
        ("SZ", "Eswatini"),
        ("MK", "North Macedonia"),
        ("CV", "Cape Verde"),
        ("TL", "East Timor"),
        ("IR", "Iran"),
        ("SY", "Syria"),
        ("VN", "Vietnam"),
        ("LA", "Laos"),
        ("XK", "Kosovo"),
        ("TW", "Taiwan"),
        ("BS", "Bahamas"),
        ("GM", "Gambia"),
        ("FM", "Micronesia"),
        ("ST", "Sao Tome and Principe"),
        ("KZ", "Kazakhstan"),
    ],
)
def test_display_name(code, name):
    assert GAZ.get(code).name == name


def test_display_names_are_plain_ascii_for_url_slugs():
    for country in GAZ.countries:
        assert re.fullmatch(r"[A-Z][A-Za-z -]+", country.name), country


@pytest.mark.parametrize(
    ("code", "field", "form"),
    [
        ("KZ", "capitals", "Astana"),
        ("RU", "official", "Russian Federation"),
        ("MM", "names", "Burma"),
        ("SZ", "names", "Swaziland"),
        ("TM", "demonyms", "Turkmens"),
        ("AE", "demonyms", "Emiratis"),
        ("PH", "demonyms", "Philippine"),
        ("KG", "demonyms", "Kyrgyz"),
        ("IR", "demonyms", "Iranians"),
        ("BI", "capitals", "Gitega"),
        ("MK", "names", "North Macedonia"),
    ],
)
def test_stale_countryinfo_entries_are_corrected(code, field, form):
    value = getattr(GAZ.get(code), field)
    assert form == value if isinstance(value, str) else form in value


@pytest.mark.parametrize(
    "stale",
    [
        "Nur-Sultan",
        "Kirghiz",
        "Victoria",
        "Male",
        "Nice",
        "Split",
        "Sydney",
        "Florence",
        "Reading",
    ],
)
def test_stale_or_ambiguous_forms_are_not_in_the_data(stale):
    for country in GAZ.countries:
        for field in FIELD_KINDS:
            assert stale not in getattr(country, field), (country.code, field)


def test_no_two_countries_share_a_surface_form():
    owner: dict[str, str] = {}
    for country in GAZ.countries:
        for field in FIELD_KINDS:
            for form in getattr(country, field):
                key = surface_key(form)
                assert owner.setdefault(key, country.code) == country.code, (
                    form,
                    owner[key],
                )


def test_deliberately_shared_forms_belong_to_their_owner_only():
    for form, decision in DATA["shared_forms"].items():
        holders = {
            c.code
            for c in GAZ.countries
            if any(form in getattr(c, field) for field in FIELD_KINDS)
        }
        assert holders <= {decision["owner"]}, form
        assert decision["why"]


def test_non_country_phrases_are_not_country_forms():
    forms = {
        surface_key(f)
        for c in GAZ.countries
        for field in FIELD_KINDS
        for f in getattr(c, field)
    }
    assert not forms & {surface_key(p) for p in DATA["non_country_phrases"]}


def test_resolve_keys_are_unambiguous():
    seen: dict[str, str] = {}
    for country in GAZ.countries:
        for name in (country.name, country.official, *country.names):
            assert GAZ.resolve(name) == country, name
            seen[name] = country.code


def test_countries_json_is_what_the_build_script_writes():
    pytest.importorskip(
        "countryinfo", reason="dev-only dependency (requirements-dev.txt)"
    )
    from scripts.build_gazetteer import OVERRIDES, build

    built = build(json.loads(OVERRIDES.read_text(encoding="utf-8")))
    assert built == DATA, "re-run scripts/build_gazetteer.py and commit countries.json"


# --- resolve and suggest ---------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "code"),
    [
        ("Burma", "MM"),
        ("Myanmar", "MM"),
        ("UK", "GB"),
        ("Britain", "GB"),
        ("Great Britain", "GB"),
        ("United Kingdom", "GB"),
        ("Turkey", "TR"),
        ("Türkiye", "TR"),
        ("turkiye", "TR"),
        ("Cote d'Ivoire", "CI"),
        ("Côte d’Ivoire", "CI"),
        ("Ivory Coast", "CI"),
        ("DRC", "CD"),
        ("DR Congo", "CD"),
        ("Congo-Kinshasa", "CD"),
        ("Congo-Brazzaville", "CG"),
        ("Republic of the Congo", "CG"),
        ("Czech Republic", "CZ"),
        ("Czechia", "CZ"),
        ("USA", "US"),
        ("U.S.", "US"),
        ("the United States", "US"),
        ("America", "US"),
        ("North Korea", "KP"),
        ("DPRK", "KP"),
        ("Republic of Korea", "KR"),
        ("UAE", "AE"),
        ("Emirates", "AE"),
        ("Holy See", "VA"),
        ("Vatican", "VA"),
        ("eSwatini", "SZ"),
        ("Swaziland", "SZ"),
        ("the Gambia", "GM"),
        ("St Lucia", "LC"),
        ("Saint Kitts & Nevis", "KN"),
        ("RUSSIA", "RU"),
        ("  russian federation ", "RU"),
        ("Timor-Leste", "TL"),
        ("Kosovo", "XK"),
        ("Palestine", "PS"),
        ("Taiwan", "TW"),
        ("Viet Nam", "VN"),
        ("Cabo Verde", "CV"),
    ],
)
def test_resolve(written, code):
    assert GAZ.resolve(written).code == code


@pytest.mark.parametrize("written", ["Russian", "Moscow", "Atlantis", "", "Europe"])
def test_resolve_rejects_what_is_not_a_country_name(written):
    assert GAZ.resolve(written) is None


@pytest.mark.parametrize(
    ("written", "suggestion"),
    [
        ("Turkmenstan", "Turkmenistan"),
        ("Phillipines", "Philippines"),
        ("Kazakstan", "Kazakhstan"),
        ("Columbia", "Colombia"),
        ("Qwertyuiop", None),
        ("Atlantis", None),
    ],
)
def test_suggest(written, suggestion):
    assert GAZ.suggest(written) == suggestion


def test_get_unknown_code_raises_key_error():
    with pytest.raises(KeyError):
        GAZ.get("ZZ")


def test_default_is_loaded_once_and_from_file_reads_the_same_data():
    assert Gazetteer.default() is GAZ
    assert Gazetteer.from_file(DEFAULT_DATA).countries == GAZ.countries


# --- find_mentions ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # variants
        ("Burma, formerly; Myanmar now", [("Burma", "MM"), ("Myanmar", "MM")]),
        (
            "Turkey, Türkiye and Turkiye",
            [("Turkey", "TR"), ("Türkiye", "TR"), ("Turkiye", "TR")],
        ),
        (
            "Ivory Coast, Côte d’Ivoire, Cote d'Ivoire",
            [("Ivory Coast", "CI"), ("Côte d’Ivoire", "CI"), ("Cote d'Ivoire", "CI")],
        ),
        (
            "the Czech Republic, or Czechia",
            [("Czech Republic", "CZ"), ("Czechia", "CZ")],
        ),
        (
            "UK, Britain, Great Britain, the United Kingdom",
            [
                ("UK", "GB"),
                ("Britain", "GB"),
                ("Great Britain", "GB"),
                ("United Kingdom", "GB"),
            ],
        ),
        (
            "US, U.S., USA, the United States and America",
            [
                ("US", "US"),
                ("U.S.", "US"),
                ("USA", "US"),
                ("United States", "US"),
                ("America", "US"),
            ],
        ),
        (
            "DRC, DR Congo, the Democratic Republic of the Congo and Congo-Kinshasa",
            [
                ("DRC", "CD"),
                ("DR Congo", "CD"),
                ("Democratic Republic of the Congo", "CD"),
                ("Congo-Kinshasa", "CD"),
            ],
        ),
        (
            "the Republic of the Congo (Congo-Brazzaville)",
            [("Republic of the Congo", "CG"), ("Congo-Brazzaville", "CG")],
        ),
        (
            "North Korea (DPRK) and South Korea, the Republic of Korea",
            [
                ("North Korea", "KP"),
                ("DPRK", "KP"),
                ("South Korea", "KR"),
                ("Republic of Korea", "KR"),
            ],
        ),
        ("the UAE, or Emirates", [("UAE", "AE"), ("Emirates", "AE")]),
        ("the Vatican, the Holy See", [("Vatican", "VA"), ("Holy See", "VA")]),
        ("eSwatini, once Swaziland", [("eSwatini", "SZ"), ("Swaziland", "SZ")]),
        # demonyms, plurals
        (
            "Emirati and Filipino and Philippine officials",
            [("Emirati", "AE"), ("Filipino", "PH"), ("Philippine", "PH")],
        ),
        (
            "Kyrgyz, Omani, Malagasy and Turkmen envoys",
            [("Kyrgyz", "KG"), ("Omani", "OM"), ("Malagasy", "MG"), ("Turkmen", "TM")],
        ),
        (
            "Iranians, Pakistanis and Iraqis",
            [("Iranians", "IR"), ("Pakistanis", "PK"), ("Iraqis", "IQ")],
        ),
        (
            "Turkish and Turkmen, Turks and Turkmens",
            [("Turkish", "TR"), ("Turkmen", "TM"), ("Turks", "TR"), ("Turkmens", "TM")],
        ),
        # capitals and cities
        ("talks in Astana", [("Astana", "KZ")]),
        (
            "Basra, Karachi, Lahore, Mashhad, Isfahan",
            [
                ("Basra", "IQ"),
                ("Karachi", "PK"),
                ("Lahore", "PK"),
                ("Mashhad", "IR"),
                ("Isfahan", "IR"),
            ],
        ),
        (
            "St Petersburg, Shanghai, Mumbai, Istanbul",
            [
                ("St Petersburg", "RU"),
                ("Shanghai", "CN"),
                ("Mumbai", "IN"),
                ("Istanbul", "TR"),
            ],
        ),
        ("the capital Malé", [("Malé", "MV")]),
        (
            "East Jerusalem and Jerusalem",
            [("East Jerusalem", "PS"), ("Jerusalem", "IL")],
        ),
        # longest match wins
        (
            "Guinea-Bissau, Equatorial Guinea, Papua New Guinea and Guinea",
            [
                ("Guinea-Bissau", "GW"),
                ("Equatorial Guinea", "GQ"),
                ("Papua New Guinea", "PG"),
                ("Guinea", "GN"),
            ],
        ),
        (
            "Niger and Nigeria; Nigerien and Nigerian",
            [
                ("Niger", "NE"),
                ("Nigeria", "NG"),
                ("Nigerien", "NE"),
                ("Nigerian", "NG"),
            ],
        ),
        (
            "South Sudan and Sudan; South Sudanese",
            [("South Sudan", "SS"), ("Sudan", "SD"), ("South Sudanese", "SS")],
        ),
        (
            "the Dominican Republic and Dominica; a Dominican",
            [("Dominican Republic", "DO"), ("Dominica", "DM"), ("Dominican", "DO")],
        ),
        (
            "North Korea and South Korea; Korea alone",
            [("North Korea", "KP"), ("South Korea", "KR"), ("Korea", "KR")],
        ),
        (
            "North Korean and South Korean troops",
            [("North Korean", "KP"), ("South Korean", "KR")],
        ),
        ("Congo and Congo Republic", [("Congo", "CD"), ("Congo Republic", "CG")]),
        # compounds and prefixes
        ("Iran-Russia ties", [("Iran", "IR"), ("Russia", "RU")]),
        ("US–China trade", [("US", "US"), ("China", "CN")]),
        ("the Basra–Shalamcheh rail link", [("Basra", "IQ")]),
        ("U.S.-led talks", [("U.S.", "US")]),
        (
            "Guinea-Bissau and Timor-Leste",
            [("Guinea-Bissau", "GW"), ("Timor-Leste", "TL")],
        ),
        (
            "Sino-Indian and Sino-Russian relations",
            [("Sino", "CN"), ("Indian", "IN"), ("Sino", "CN"), ("Russian", "RU")],
        ),
        ("Sino relations", []),
        # possessives, apostrophes, diacritics
        (
            "Myanmar’s Prime Minister and Iraq's elections",
            [("Myanmar", "MM"), ("Iraq", "IQ")],
        ),
        ("Turkmenistan’s capital", [("Turkmenistan", "TM")]),
        (
            "Côte d'Ivoire’s cocoa and Cote d’Ivoire",
            [("Côte d'Ivoire", "CI"), ("Cote d’Ivoire", "CI")],
        ),
        ("N’Djamena and N'Djamena", [("N’Djamena", "TD"), ("N'Djamena", "TD")]),
        # whole words, case
        ("Indiana, Omaha, Malinese, turkey, china cups, chad", []),
        ("Americas", []),
        # datelines
        ("TEHRAN – Russian President", [("TEHRAN", "IR"), ("Russian", "RU")]),
        ("MOSCOW, Dec 12 (Reuters) –", [("MOSCOW", "RU")]),
        ("ISLAMABAD/NEW DELHI, May 7", [("ISLAMABAD", "PK"), ("NEW DELHI", "IN")]),
        ("YEREVAN, Armenia (AP) —", [("YEREVAN", "AM"), ("Armenia", "AM")]),
        ("KYIV, UKRAINE —", [("KYIV", "UA"), ("UKRAINE", "UA")]),
    ],
)
def test_find_mentions(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Georgia the US state
        ("Atlanta, Georgia", []),
        ("flooding in Georgia, U.S., on Friday", [("U.S.", "US")]),
        ("the state of Georgia", []),
        ("Georgia Tech and Georgia’s governor", []),
        ("Tbilisi, Georgia", [("Tbilisi", "GE"), ("Georgia", "GE")]),
        ("Georgia and Armenia", [("Georgia", "GE"), ("Armenia", "AM")]),
        ("Giorgia Meloni", []),
        # people
        ("Michael Jordan", []),
        ("Jordan Peterson", []),
        ("Chad Smith", []),
        ("Jordan's King Abdullah", [("Jordan", "JO")]),
        ("Chad and Niger", [("Chad", "TD"), ("Niger", "NE")]),
        ("King Abdullah of Jordan", [("Jordan", "JO")]),
        ("In Jordan, and in northern Israel", [("Jordan", "JO"), ("Israel", "IL")]),
        ("Israel Defense Forces", [("Israel", "IL")]),
        ("Denzel Washington", []),
        ("talks in Washington", [("Washington", "US")]),
        # namesakes
        ("Paris, Texas", []),
        ("Moscow, Idaho", []),
        ("Tripoli, Lebanon", [("Lebanon", "LB")]),
        ("Alexandria, Virginia", []),
        ("roast Turkey with gravy", []),
        # non-country phrases
        ("the Indian Ocean", []),
        ("the South China Sea", []),
        ("the Persian Gulf", []),
        ("Latin American leaders", []),
        (
            "the Shanghai Cooperation Organisation, Shanghai Cooperation Organization",
            [],
        ),
        ("the Organization of American States", []),
        ("the Arab League", []),
        ("Lake Chad and the Gulf of Guinea", []),
        ("the Korean Peninsula and inter-Korean talks", []),
        ("New Mexico and New Guinea", []),
        ("US$5 billion", []),
    ],
)
def test_ambiguous_forms(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("Iran", ["name"]),
        ("Iranian", ["demonym"]),
        ("Tehran", ["capital"]),
        ("Mashhad", ["city"]),
        ("Singapore", ["name"]),
        ("Sino-Indian", ["demonym", "demonym"]),
        ("TEHRAN", ["capital"]),
    ],
)
def test_kinds(text, kinds):
    assert [m.kind for m in GAZ.find_mentions(text)] == kinds


@pytest.mark.parametrize(
    ("text", "aliases", "expected"),
    [
        (
            "Turkmen President Serdar Berdimuhamedov met Berdimuhamedov's son",
            {"Berdimuhamedov": "TM", "Serdar Berdimuhamedov": "TM"},
            [
                ("Turkmen", "TM", "demonym"),
                ("Serdar Berdimuhamedov", "TM", "alias"),
                ("Berdimuhamedov", "TM", "alias"),
            ],
        ),
        (
            "Erdoğan and Erdogan",
            {"Erdoğan": "TR"},
            [("Erdoğan", "TR", "alias"), ("Erdogan", "TR", "alias")],
        ),
        ("the Kremlin said", {"Kremlin": "RU"}, [("Kremlin", "RU", "alias")]),
        ("Kremlinology", {"Kremlin": "RU"}, []),
        (
            "the Zionist regime",
            {"Zionist regime": "IL"},
            [("Zionist regime", "IL", "alias")],
        ),
        # A longer alias beats a country form; an equal one loses to it.
        (
            "Georgia Power Company",
            {"Georgia Power Company": "US"},
            [("Georgia Power Company", "US", "alias")],
        ),
        ("Jordan", {"Jordan": "US"}, [("Jordan", "JO", "name")]),
        ("Iran", {}, [("Iran", "IR", "name")]),
    ],
)
def test_aliases(text, aliases, expected):
    assert [
        (m.text, m.code, m.kind) for m in GAZ.find_mentions(text, aliases)
    ] == expected


def test_alias_matchers_are_cached_per_mapping():
    aliases = {"Kremlin": "RU"}
    GAZ.find_mentions("the Kremlin", aliases)
    first = GAZ._aliases(aliases)
    assert GAZ._aliases(dict(aliases)) is first
    for i in range(40):
        GAZ.find_mentions("x", {f"Name{i}": "RU"})
    assert len(GAZ._alias_matchers) <= 16


# --- the seed report ---------------------------------------------------------------

SEED_FORMS = [
    ("Turkmenistan’s capital", "Turkmenistan", "TM", "name"),
    ("Turkmen President", "Turkmen", "TM", "demonym"),
    ("Pakistani Prime", "Pakistani", "PK", "demonym"),
    ("visit to Islamabad", "Islamabad", "PK", "capital"),
    ("Iraqi President", "Iraqi", "IQ", "demonym"),
    ("Basra–Shalamcheh", "Basra", "IQ", "city"),
    ("Myanmar’s Prime", "Myanmar", "MM", "name"),
    ("Russian President", "Russian", "RU", "demonym"),
    ("that Moscow", "Moscow", "RU", "capital"),
    ("TEHRAN –", "TEHRAN", "IR", "capital"),
    ("Iranian President", "Iranian", "IR", "demonym"),
    ("Iran and Russia", "Iran", "IR", "name"),
    ("Iran and Russia", "Russia", "RU", "name"),
    ("on Iraq’s", "Iraq", "IQ", "name"),
    ("capital, Ashgabat", "Ashgabat", "TM", "capital"),
]


@pytest.fixture(scope="module")
def seed_mentions():
    text = SEED.read_text(encoding="utf-8")
    return text, GAZ.find_mentions(text)


@pytest.mark.parametrize(("context", "surface", "code", "kind"), SEED_FORMS)
def test_seed_report_forms(seed_mentions, context, surface, code, kind):
    text, mentions = seed_mentions
    start = text.index(context) + context.index(surface)
    assert Mention(start, start + len(surface), surface, code, kind) in mentions


def test_seed_report_countries(seed_mentions):
    # The five partners, the host Iran, and Israel / Palestine (Gaza, West Bank) in ¶10.
    _, mentions = seed_mentions
    assert {m.code for m in mentions} == {
        "RU",
        "TM",
        "PK",
        "IQ",
        "MM",
        "IR",
        "IL",
        "PS",
    }


# --- mention invariants and the matcher --------------------------------------------


def _invariant_texts() -> list[str]:
    texts = [SEED.read_text(encoding="utf-8")]
    texts += [
        p.read_text(encoding="utf-8")
        for p in sorted((REPO / "tests/data/corpus").glob("*.md"))
    ]
    return texts


def test_offsets_order_and_no_overlap():
    for text in _invariant_texts():
        previous_end = 0
        for m in GAZ.find_mentions(text):
            assert text[m.start : m.end] == m.text
            assert m.start >= previous_end
            previous_end = m.end


def _naive_leftmost_longest(forms: list[str], text: str) -> list[tuple[int, int]]:
    """Reference matcher: at each position try every form, longest first.

    As in the gazetteer, a form ending in a word character must not be followed
    by one; a form ending in punctuation ("U.S.") needs no boundary after it.
    """
    spans, i = [], 0
    while i < len(text):
        hit = None
        if i == 0 or not re.match(r"\w", text[i - 1]):
            for form in sorted(forms, key=len, reverse=True):
                end = i + len(form)
                needs_boundary = re.match(r"\w", form[-1])
                followed_by_word = end < len(text) and re.match(r"\w", text[end])
                if text.startswith(form, i) and not (
                    needs_boundary and followed_by_word
                ):
                    hit = (i, end)
                    break
        if hit:
            spans.append(hit)
            i = hit[1]
        else:
            i += 1
    return spans


def test_trie_pattern_equals_naive_longest_match():
    rng = random.Random(7)
    forms = [
        "Guinea",
        "Guinea-Bissau",
        "Equatorial Guinea",
        "Niger",
        "Nigeria",
        "Sudan",
        "South Sudan",
        "South",
        "Do",
        "Dominica",
        "Dominican Republic",
        "U.S.",
        "US",
    ]
    regex = re.compile(trie_pattern(dict.fromkeys(forms, "word")))
    vocabulary = [
        *forms,
        "Bissau",
        "ia",
        "an",
        ", ",
        " x ",
        "-",
        ",",
        "x",
        "Republic",
        ".",
    ]
    for _ in range(300):
        text = "".join(rng.choice(vocabulary) for _ in range(12))
        assert [m.span() for m in regex.finditer(text)] == _naive_leftmost_longest(
            forms, text
        ), text


def test_one_compiled_matcher_for_all_forms():
    assert isinstance(GAZ._matcher.regex, re.Pattern)
    assert len(GAZ._matcher.table) > 2000


def test_benchmark_throughput_reports_a_rate():
    assert benchmark_throughput(GAZ, SEED.read_text(encoding="utf-8"), repeat=1) > 0
