"""Build the gazetteer (data/countries.json) from countryinfo plus reviewed overrides.

The data folder is plugins/pelican/plugins/briefings/data/.

A development-time script, run once by hand; its output is committed and is the
only thing the plugin reads at run time. Needs the dev-only packages pinned in
requirements-dev.txt (countryinfo, pycountry):

    .venv/bin/python scripts/build_gazetteer.py            # write countries.json
    .venv/bin/python scripts/build_gazetteer.py --check    # fail if it is out of date

What comes from where (details and review notes: plugins/pelican/plugins/briefings/data/README.md):

- countryinfo: the short name, formal English alternative names, the demonym
  (plus a regular plural) and the capital of each UN member;
- pycountry: the ISO 3166-1 official name, when the overrides give none;
- overrides.json: which countries exist (UN members, observers, Taiwan, Kosovo),
  display names, corrections, variants, cities, shared-form decisions,
  non-country phrases, context rules and descriptors ("the kingdom"). Lists
  given there are used verbatim.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections import defaultdict
from importlib.metadata import version
from pathlib import Path

import pycountry
from countryinfo import all_countries

PLUGIN = Path(__file__).resolve().parent.parent / "plugins" / "pelican" / "plugins" / "briefings"
DATA = PLUGIN / "data"
OVERRIDES = DATA / "overrides.json"
OUTPUT = DATA / "countries.json"

# Demonyms with these endings have no regular "+s" plural (Chinese, Turkish, Dutch,
# Swiss, Seychellois, Kyrgyz, Malagasy); their plurals, if any, are in the overrides.
NO_PLURAL_ENDINGS = ("ese", "sh", "ch", "s", "z", "y", "x")


def ascii_fold(text: str) -> str:
    """Return text without combining accents: Türkiye -> Turkiye, İzmir -> Izmir."""
    decomposed = unicodedata.normalize("NFKD", text)
    return unicodedata.normalize(
        "NFC", "".join(c for c in decomposed if not unicodedata.combining(c))
    )


def unique(items) -> list[str]:
    """Return items without blanks and repeats, first occurrence kept."""
    return list(dict.fromkeys(i.strip() for i in items if i and i.strip()))


def countryinfo_records() -> dict[str, dict]:
    """Map ISO alpha-2 code -> countryinfo record (the first one seen per code)."""
    records: dict[str, dict] = {}
    for country in all_countries():
        record = country.info()
        iso = record.get("ISO") or {}
        code = iso.get("alpha2") if isinstance(iso, dict) else None
        if code and code not in records:
            records[code] = record
    return records


def formal_alternatives(alt_spellings: list[str], formal_words: set[str]) -> list[str]:
    """Keep the English formal names among countryinfo's alternative spellings.

    altSpellings mixes ISO codes, native-script and native-language names
    ("Island" for Iceland, "Thai" for Thailand) and inverted ISO forms ("Korea,
    Republic of"); only plain English forms with a formal word such as
    "Republic" or "Kingdom" are safe to match in English text.
    """
    kept = []
    for alt in alt_spellings:
        alt = alt.strip()
        words = set(re.findall(r"[A-Za-z][A-Za-z']*", alt))
        if "," in alt or "(" in alt or not alt.isascii() and ascii_fold(alt) == alt:
            continue
        if words & formal_words and all(
            w[0].isupper() or w in {"of", "the", "and"} for w in words
        ):
            kept.append(without_article(alt))
    return kept


def without_article(name: str) -> str:
    """Drop a leading lower-case "the" (pycountry: "the State of Eritrea")."""
    return name[4:] if name.startswith("the ") else name


def regular_plurals(demonyms: list[str]) -> list[str]:
    """Return each demonym followed by its regular plural, where it has one."""
    out = []
    for demonym in demonyms:
        out.append(demonym)
        if not demonym.endswith(NO_PLURAL_ENDINGS):
            out.append(demonym + "s")
    return out


def official_name(code: str, fallback: str) -> str:
    """Return the ISO 3166-1 official name (pycountry), or fallback if it has none."""
    entry = pycountry.countries.get(alpha_2=code)
    return without_article(getattr(entry, "official_name", None) or fallback)


def build_country(
    code: str, record: dict | None, override: dict, formal_words: set[str]
) -> dict:
    """Merge one country's countryinfo record with its override entry."""
    if record is None:  # not in countryinfo at all (Kosovo): the override is complete
        names, demonyms, capitals = (
            override["names"],
            override["demonyms"],
            override["capitals"],
        )
    else:
        names = [
            record["name"],
            *formal_alternatives(record.get("altSpellings", []), formal_words),
        ]
        demonyms = regular_plurals(
            [d for d in (record.get("demonym") or "").split(",") if d]
        )
        capital = record.get("capital")
        capitals = [capital] if isinstance(capital, str) else list(capital or [])
    name = override.get("name", record["name"] if record else override["name"])
    drop = set(override.get("drop_names", []))
    official = override.get("official") or official_name(code, name)
    added = override.get("add_names", [])
    names = [n for n in unique([name, official, *names, *added]) if n not in drop]
    return {
        "code": code,
        "name": name,
        "official": official,
        "names": names,
        "demonyms": unique(override.get("demonyms", demonyms)),
        "capitals": unique(override.get("capitals", capitals)),
        "cities": unique(override.get("cities", [])),
    }


def add_ascii_folds(country: dict, keep_accented: set[str]) -> None:
    """Append the unaccented spelling of each accented form (Turkiye, Cote d'Ivoire)."""
    for field in ("names", "demonyms", "capitals", "cities"):
        forms = country[field]
        country[field] = unique(
            [*forms, *(ascii_fold(f) for f in forms if f not in keep_accented)]
        )


def apply_shared_forms(countries: list[dict], shared: dict[str, dict]) -> None:
    """Remove each deliberately shared form from every country but its owner."""
    for form, decision in shared.items():
        for country in countries:
            if country["code"] != decision["owner"]:
                for field in ("names", "demonyms", "capitals", "cities"):
                    country[field] = [f for f in country[field] if f != form]


def collisions(countries: list[dict]) -> dict[str, list[str]]:
    """Return surface forms that more than one country claims, with the claimants."""
    owners: dict[str, set[str]] = defaultdict(set)
    for country in countries:
        for field in ("names", "demonyms", "capitals", "cities"):
            for form in country[field]:
                owners[form].add(country["code"])
    return {form: sorted(codes) for form, codes in owners.items() if len(codes) > 1}


def build(overrides: dict) -> dict:
    """Return the countries.json document."""
    members = overrides["members"]
    codes = [*members["un_members"], *members["observers"], *members["others"]]
    records = countryinfo_records()
    formal_words = set(overrides["formal_name_words"])
    per_country = overrides["countries"]
    new = overrides["new_countries"]
    countries = []
    for code in codes:
        if code in new:
            country = build_country(code, None, new[code], formal_words)
        else:
            country = build_country(
                code, records[code], per_country.get(code, {}), formal_words
            )
        add_ascii_folds(country, set(overrides["no_ascii_fold"]))
        countries.append(country)
    apply_shared_forms(countries, overrides["shared_forms"])
    clashes = collisions(countries)
    if clashes:
        raise SystemExit(
            f"forms claimed by several countries; decide in shared_forms: {clashes}"
        )
    countries.sort(key=lambda c: c["name"])
    return {
        "about": "GENERATED by scripts/build_gazetteer.py from countryinfo "
        f"{version('countryinfo')}, pycountry {version('pycountry')} and "
        "overrides.json; do not edit by hand (see README.md in this folder).",
        "members_source": members["source"],
        "countries": countries,
        "shared_forms": overrides["shared_forms"],
        "combining_forms": overrides["combining_forms"]["forms"],
        "non_country_phrases": overrides["non_country_phrases"]["phrases"],
        "context_rules": overrides["context_rules"]["rules"],
        "no_ascii_fold": overrides["no_ascii_fold"],
        "descriptors": overrides["descriptors"]["descriptors"],
    }


def main(argv: list[str] | None = None) -> int:
    """Write countries.json, or with --check report whether it is up to date."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--check", action="store_true", help="exit 1 if countries.json is stale"
    )
    args = parser.parse_args(argv)
    document = build(json.loads(OVERRIDES.read_text(encoding="utf-8")))
    text = json.dumps(document, ensure_ascii=False, indent=1) + "\n"
    if args.check:
        current = OUTPUT.read_text(encoding="utf-8") if OUTPUT.exists() else ""
        print(
            "countries.json is up to date"
            if current == text
            else "countries.json is STALE"
        )
        return 0 if current == text else 1
    OUTPUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUTPUT} ({len(document['countries'])} countries)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
