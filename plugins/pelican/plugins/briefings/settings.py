"""The plugin's settings: defaults declared once, validated once.

``BriefingsConfig.from_settings(settings)`` merges the user's BRIEFING_*
settings over :data:`DEFAULTS` (never mutating the user's dict), checks every
value and raises :class:`SettingsError` with a sentence naming the setting.
URL settings (COUNTRY_URL, COUNTRY_FEED_ATOM, ...) follow Pelican's own
conventions and are injected into Pelican's settings with ``setdefault`` so a
site overrides them in pelicanconf.py like core settings.
"""

from __future__ import annotations

import logging
import string
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from .core.gazetteer import Gazetteer
from .core.partners import resolve_country
from .core.sanitize import clean_text, plain_text
from .core.topics import load_topic_map
from .roles import DEFAULT_REPORTS, ReportSelector, ReportsSettingError

logger = logging.getLogger(__name__)

DEFAULTS: dict[str, object] = {
    # Which articles are reports to split (see roles.py); any other article is
    # left as Pelican renders it. Default: a `Countries:` line, or under reports/.
    "BRIEFING_REPORTS": DEFAULT_REPORTS,
    # Countries for a report without a `Countries:` line; None: find them.
    "BRIEFING_COUNTRIES": None,
    # {country: display name}; otherwise the oldest report's spelling wins.
    "BRIEFING_COUNTRY_NAMES": None,
    # A TOML file of names reports use without introducing them.
    "BRIEFING_ALIASES_FILE": None,
    # Topic keyword map (dict), a path to a JSON map, or None for the default.
    "BRIEFING_TOPICS": None,
    # Quote paragraphs that only mention a country in passing, as context.
    "BRIEFING_CONTEXT": True,
    "BRIEFING_CATEGORY": "Briefings",
    # {headline}: the report's own words about the country (see core/briefing.py);
    # "{country}: {report_title}" titles every briefing with the report's headline.
    "BRIEFING_TITLE": "{headline}",
    "BRIEFING_URL": "briefings/{report_slug}/{country_slug}/",
    "BRIEFING_SAVE_AS": "briefings/{report_slug}/{country_slug}/index.html",
    # A report listing more countries than this gets a warning (it still builds).
    "BRIEFING_MAX_COUNTRIES": 40,
    # Processes that split uncached reports: None, one per core; 1, none besides Pelican's.
    "BRIEFING_WORKERS": None,
    # The record of published country names and addresses, relative to PATH;
    # None: no record (addresses then follow the naming rule of the day).
    "BRIEFING_PUBLISHED_FILE": "published-countries.json",
}

URL_DEFAULTS: dict[str, str] = {
    "COUNTRY_URL": "countries/{slug}/",
    "COUNTRY_SAVE_AS": "countries/{slug}/index.html",
    "COUNTRIES_URL": "countries/",
    "COUNTRIES_SAVE_AS": "countries/index.html",
    "COUNTRY_FEED_ATOM": "feeds/{slug}.atom.xml",
    "COUNTRY_FEED_RSS": "feeds/{slug}.rss.xml",
    "COUNTRY_FEED_OPML": "feeds/countries.opml",
    "TOPIC_FEED_OPML": "feeds/topics.opml",
}

# Pattern settings: (the fields each may use, the fields each must use).
_PATTERN_FIELDS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "BRIEFING_URL": (("report_slug", "country_slug"), ("country_slug",)),
    "BRIEFING_SAVE_AS": (("report_slug", "country_slug"), ("country_slug",)),
    "BRIEFING_TITLE": (("country", "report_title", "headline"), ()),
    "COUNTRY_URL": (("slug",), ("slug",)),
    "COUNTRY_SAVE_AS": (("slug",), ("slug",)),
    "COUNTRY_FEED_ATOM": (("slug",), ("slug",)),
    "COUNTRY_FEED_RSS": (("slug",), ("slug",)),
    "COUNTRIES_URL": ((), ()),
    "COUNTRIES_SAVE_AS": ((), ()),
}
# Settings the theme reads: (types allowed, what the theme expects).
THEME_SETTINGS: dict[str, tuple[tuple[type, ...], str]] = {
    "SITENAME": ((str,), "a string"),
    "SITESUBTITLE": ((str, type(None)), "a string or None"),
    "FEED_ALL_ATOM": ((str, type(None)), "a path or None"),
    "FEED_ALL_RSS": ((str, type(None)), "a path or None"),
    "FEED_DOMAIN": ((str, type(None)), "an address or None"),
    "TAGS_URL": ((str,), "a path"),
    "ARCHIVES_URL": ((str,), "a path"),
    "DEFAULT_LANG": ((str,), "a language code"),
    "HOME_COUNTRY_CARDS": ((int,), "a whole number"),
}


class SettingsError(ValueError):
    """Settings the plugin cannot work with; one sentence per setting, naming it."""

    def __init__(self, *problems: str):
        super().__init__("\n".join(problems))
        self.problems = list(problems)


class _Problems:
    """Collect every bad setting, so an editor sees all of them at once."""

    def __init__(self):
        self.found: list[str] = []

    def check(self, function, *args, default=None):
        try:
            return function(*args)
        except SettingsError as error:
            self.found.extend(error.problems)
            return default


@dataclass(frozen=True)
class BriefingsConfig:
    """Validated plugin settings; the core receives this, not Pelican's dict."""

    countries: tuple[str, ...] | None  # country codes
    country_spellings: tuple[tuple[str, str], ...]  # (code, as BRIEFING_COUNTRIES spells it)
    country_names: Mapping[str, str]  # code -> display name (BRIEFING_COUNTRY_NAMES)
    aliases: Mapping[str, str]  # surface form -> country code
    topics: Mapping[str, tuple[str, ...]]
    context: bool
    category: str
    title: str
    url: str
    save_as: str
    max_countries: int
    workers: int | None  # None: one per core
    published_file: Path | None  # the published-names record (BRIEFING_PUBLISHED_FILE)
    reports: ReportSelector  # which articles are reports (BRIEFING_REPORTS)

    @classmethod
    def from_settings(cls, settings: Mapping,
                      gazetteer: Gazetteer | None = None) -> BriefingsConfig:
        """Build the config from Pelican settings, or raise SettingsError naming every bad one."""
        gazetteer = gazetteer or Gazetteer.default()
        merged = {**DEFAULTS, **{k: v for k, v in settings.items() if k in DEFAULTS}}
        for key in settings:
            if key.startswith("BRIEFING_") and key not in DEFAULTS:
                logger.warning("briefings: unknown setting %s is ignored (known: %s)",
                               key, ", ".join(sorted(DEFAULTS)))
        problems = _Problems()
        urls = {**URL_DEFAULTS, **{k: v for k, v in settings.items() if k in URL_DEFAULTS}}
        for key, (fields, required) in _PATTERN_FIELDS.items():
            problems.check(_check_pattern, key, {**merged, **urls}[key], fields, required)
        problems.check(_optional_path, "COUNTRY_FEED_OPML", urls["COUNTRY_FEED_OPML"])
        problems.check(_optional_path, "TOPIC_FEED_OPML", urls["TOPIC_FEED_OPML"])
        for key, (types, wanted) in THEME_SETTINGS.items():
            value = settings.get(key)
            if key in settings and (not isinstance(value, types) or isinstance(value, bool)):
                problems.found.append(f"{key} must be {wanted}, got {value!r}")
        max_countries = problems.check(_positive_int, "BRIEFING_MAX_COUNTRIES",
                                       merged["BRIEFING_MAX_COUNTRIES"], default=1)
        workers = merged["BRIEFING_WORKERS"]
        if workers is not None:
            workers = problems.check(_positive_int, "BRIEFING_WORKERS", workers,
                                     "or None (one per core)")
        context = merged["BRIEFING_CONTEXT"]
        if not isinstance(context, bool):
            problems.found.append(f"BRIEFING_CONTEXT must be True or False, got {context!r}")
        countries = problems.check(_countries, merged["BRIEFING_COUNTRIES"], gazetteer)
        config = cls(
            countries=countries,
            # Names already checked by _countries: resolve_country finds each.
            country_spellings=tuple((resolve_country(name, gazetteer), name)
                                    for name in (merged["BRIEFING_COUNTRIES"] or ())
                                    if countries is not None),
            country_names=problems.check(_country_names, merged["BRIEFING_COUNTRY_NAMES"],
                                         gazetteer, default={}),
            aliases=problems.check(_aliases, merged["BRIEFING_ALIASES_FILE"], settings,
                                   gazetteer, default={}),
            topics=problems.check(_topics, merged["BRIEFING_TOPICS"], settings, default={}),
            context=bool(context),
            category=problems.check(_category, merged["BRIEFING_CATEGORY"], default=""),
            title=merged["BRIEFING_TITLE"],
            url=merged["BRIEFING_URL"],
            save_as=merged["BRIEFING_SAVE_AS"],
            max_countries=max_countries,
            workers=workers,
            published_file=problems.check(published_file, merged["BRIEFING_PUBLISHED_FILE"],
                                          settings),
            reports=problems.check(_reports, merged["BRIEFING_REPORTS"],
                                   default=ReportSelector.from_setting(DEFAULT_REPORTS)),
        )
        if problems.found:
            raise SettingsError(*problems.found)
        return config


def _category(value) -> str:
    text = plain_text(_nonempty_str("BRIEFING_CATEGORY", value)).strip()
    return _nonempty_str("BRIEFING_CATEGORY", text)


def _optional_path(key: str, value) -> None:
    if value is None or value == "":
        return
    _check_pattern(key, value, (), ())


def _reports(value) -> ReportSelector:
    try:
        return ReportSelector.from_setting(value)
    except ReportsSettingError as error:
        raise SettingsError(str(error)) from None


def _country_names(value, gazetteer: Gazetteer) -> dict[str, str]:
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        raise SettingsError("BRIEFING_COUNTRY_NAMES must map countries to display names, "
                            f"like {{'Turkey': 'Türkiye'}}; got {value!r}")
    names: dict[str, str] = {}
    problems = []
    for country, name in value.items():
        key = f"BRIEFING_COUNTRY_NAMES[{country!r}]"
        try:
            code = resolve_country(clean_text(str(country))[0], gazetteer)
            text = plain_text(clean_text(_nonempty_str(key, name))[0]).strip()
            if text != name.strip():
                logger.warning("briefings: %s = %r: a display name is text; markup "
                               "removed, %r used", key, name, text)
            names[code] = _nonempty_str(key, text)
        except SettingsError as error:
            problems.extend(error.problems)
        except ValueError as error:
            problems.append(f"BRIEFING_COUNTRY_NAMES: {error}")
    by_name: dict[str, list[str]] = {}
    for code, name in names.items():
        by_name.setdefault(name.casefold(), []).append(gazetteer.get(code).name)
    for same in by_name.values():
        if len(same) > 1:
            problems.append(f"BRIEFING_COUNTRY_NAMES gives {' and '.join(same)} the same "
                            "display name; each country needs its own (its hub and feeds "
                            "are named by it)")
    if problems:
        raise SettingsError(*problems)
    return names


def published_file(value, settings: Mapping) -> Path | None:
    """Return where the published-names record lives: in the site folder.

    The site folder is the one holding the content folder (PATH), as for
    BRIEFING_ALIASES_FILE. The record is no content: in PATH, Pelican's
    autoreload (which watches PATH) would build again after writing it. A
    site made when the record lived in PATH keeps it there: a record found
    only in PATH is read, and updated, where it is.
    """
    if value is None:
        return None
    if not isinstance(value, (str, Path)) or not str(value).strip():
        raise SettingsError("BRIEFING_PUBLISHED_FILE must be a file name (relative to "
                            f"the site folder, which holds PATH) or None; got {value!r}")
    path = Path(value)
    if path.is_absolute():
        return path
    site = _site_path(path, settings)
    older = Path(settings.get("PATH") or ".") / path
    return older if not site.exists() and older.is_file() else site


def _positive_int(key: str, value, alternative: str = "") -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < 1:
        wanted = " ".join(filter(None, ["a positive whole number", alternative]))
        raise SettingsError(f"{key} must be {wanted}, got {value!r}")
    return value


def _nonempty_str(key: str, value) -> str:
    if not isinstance(value, str) or not value.strip():
        raise SettingsError(f"{key} must be a non-empty string, got {value!r}")
    return value


def _check_pattern(key: str, value, fields, required=()) -> None:
    """Check a str.format pattern: parses, uses only bare ``fields``, all of ``required``."""
    _nonempty_str(key, value)
    allowed = ", ".join("{%s}" % f for f in fields) or "no {fields}"
    try:
        parts = list(string.Formatter().parse(value))
    except ValueError as error:
        raise SettingsError(f"{key} = {value!r} is not a valid pattern ({error}); it may "
                            f"use {allowed}") from None
    used = set()
    for _, name, spec, conversion in parts:
        if name is None:
            continue
        if name not in fields or spec or conversion:
            raise SettingsError(
                f"{key} = {value!r} uses {{{name}{'!' + conversion if conversion else ''}"
                f"{':' + spec if spec else ''}}}; it may use only {allowed}, each as is "
                "(no attributes, indexes or formats)")
        used.add(name)
    missing = [f for f in required if f not in used]
    if missing:
        raise SettingsError(f"{key} = {value!r} must contain "
                            + " and ".join("{%s}" % f for f in missing)
                            + ", or every page it names would be written to one file")


def _countries(value, gazetteer: Gazetteer) -> tuple[str, ...] | None:
    if value is None:
        return None
    if isinstance(value, str) or not isinstance(value, (list, tuple)):
        raise SettingsError(
            "BRIEFING_COUNTRIES must be a list of country names, like "
            f"['Russia', 'Iraq'], or None; got {value!r}")
    codes = []
    for name in value:
        if not isinstance(name, str):
            raise SettingsError(f"BRIEFING_COUNTRIES: {name!r} is not a country name")
        try:
            codes.append(resolve_country(clean_text(name)[0], gazetteer))
        except ValueError as error:
            raise SettingsError(f"BRIEFING_COUNTRIES: {error}") from None
    return tuple(dict.fromkeys(codes))


def _site_path(value, settings: Mapping) -> Path:
    path = Path(value)
    if not path.is_absolute():
        # Relative to the folder of pelicanconf.py, like Pelican's PATH.
        base = Path(settings.get("PATH", ".")).parent if settings.get("PATH") else Path(".")
        path = base / path
    return path


def _aliases(value, settings: Mapping, gazetteer: Gazetteer) -> dict[str, str]:
    if value is None:
        return {}
    if not isinstance(value, (str, Path)):
        raise SettingsError(f"BRIEFING_ALIASES_FILE must be a path, got {value!r}")
    path = _site_path(value, settings)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise SettingsError(f"BRIEFING_ALIASES_FILE: {path} does not exist") from None
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise SettingsError(f"BRIEFING_ALIASES_FILE: {path} does not parse: {error}") from None
    table = data.get("aliases")
    if not isinstance(table, dict):
        raise SettingsError(
            f"BRIEFING_ALIASES_FILE: {path} needs an [aliases] table of "
            '"Name" = "Country" lines')
    aliases = {}
    for form, country in table.items():
        if not form.strip():
            raise SettingsError(f"BRIEFING_ALIASES_FILE: {path}: an empty name (\"\" = "
                                f"{country!r}) would match everywhere; remove it")
        form = clean_text(form)[0]
        if not isinstance(country, str):
            raise SettingsError(f"BRIEFING_ALIASES_FILE: {path}: {form!r} must map to a "
                                f"country name, got {country!r}")
        try:
            aliases[form] = resolve_country(country, gazetteer)
        except ValueError as error:
            raise SettingsError(f"BRIEFING_ALIASES_FILE: {path}: {form!r}: {error}") from None
    return aliases


def _topics(value, settings: Mapping) -> dict[str, tuple[str, ...]]:
    topic_map: Mapping
    if value is None:
        topic_map = load_topic_map()
    elif isinstance(value, (str, Path)):
        path = _site_path(value, settings)
        try:
            topic_map = load_topic_map(path)
        except (OSError, ValueError) as error:
            raise SettingsError(f"BRIEFING_TOPICS: cannot read {path}: {error}") from None
        except (AttributeError, TypeError):
            raise SettingsError(f"BRIEFING_TOPICS: {path} must hold one JSON object of "
                                'topic to keywords, like {"Energy": ["gas", "oil"]}') from None
    elif isinstance(value, Mapping):
        topic_map = value
    else:
        raise SettingsError(
            "BRIEFING_TOPICS must be a mapping of topic to keywords, a path, or None; "
            f"got {value!r}")
    checked = {}
    for topic, keywords in topic_map.items():
        if not isinstance(topic, str) or not topic.strip() \
                or not isinstance(keywords, (list, tuple)) or not all(
                isinstance(k, str) and k.strip() for k in keywords):
            raise SettingsError(
                f"BRIEFING_TOPICS: {topic!r} must map to a list of keywords, got {keywords!r}")
        checked[topic] = tuple(keywords)
    return checked
