"""Find a report's date in what it says: a date line, a dateline, a file name.

Only dates with a year are taken: "May 9" alone says nothing about which
year, and the importer never fills a gap from the clock.
"""

from __future__ import annotations

import re
from datetime import datetime

from dateutil import parser as dateparser

_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
          r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_WEEKDAY = r"(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?"
_TIME = (r"(?:\d{1,2}[:.]\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?"
         r"(?:\s*(?:gmt|utc|[a-z]{2,4}t)(?:\s*[+-]\d{1,2}(?::?\d{2})?)?)?)")
_DATE = (r"(?:\d{4}-\d{2}-\d{2}"
         r"(?:[t ]\d{2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:z|[+-]\d{2}:?\d{2})?)?"
         rf"|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
         rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?\s+\d{{4}}"
         rf"|\d{{1,2}}[./]\d{{1,2}}[./]\d{{4}})")
# A line that is nothing but a date: "Published: Wednesday, 4 March 2026 | 09:15".
_DATE_LINE = re.compile(
    rf"(?:(?:published|posted|updated|last updated|date|dated)\s*(?:on|at)?\s*:?\s*)?"
    rf"(?:{_WEEKDAY},?\s*)?(?P<date>{_DATE})(?:\s*(?:,|\||-|–|—|at|·)?\s*(?P<time>{_TIME}))?\s*",
    re.IGNORECASE)
# A dateline opening the first paragraph: "ASTANA, March 4, 2026 –", "BAKU, 9 May 2026 (Wire) -".
_DATELINE = re.compile(rf"[A-Z][A-Za-z .'’-]{{1,40}},\s+(?P<date>{_DATE})\b", re.IGNORECASE)
_FILE_NAME = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")


def _parse(date: str, time: str | None = None) -> datetime | None:
    dayfirst = bool(re.fullmatch(r"\d{1,2}[./]\d{1,2}[./]\d{4}", date))
    try:
        when = dateparser.parse(f"{date} {time or ''}".strip(), dayfirst=dayfirst)
    except (ValueError, OverflowError):
        return None
    return when.replace(tzinfo=None, second=0, microsecond=0)


def date_line(line: str) -> datetime | None:
    """Return the date if ``line`` is nothing but a date (with a year), else None."""
    match = _DATE_LINE.fullmatch(line.strip())
    return _parse(match["date"], match["time"]) if match else None


def dateline_date(paragraph: str) -> datetime | None:
    """Return the date of a dateline opening ``paragraph``, if it has a year."""
    match = _DATELINE.match(paragraph)
    return _parse(match["date"]) if match else None


def file_name_date(name: str) -> datetime | None:
    """Return the ISO date in a file name (``ashgabat-2025-12-12.txt``), if any."""
    match = _FILE_NAME.search(name)
    if not match:
        return None
    try:
        return datetime(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None


def page_date(value: str) -> datetime | None:
    """Parse a date from page metadata (ISO 8601 mostly), keeping its local time."""
    value = value.strip()
    if not value:
        return None
    try:
        return dateparser.isoparse(value).replace(tzinfo=None, second=0, microsecond=0)
    except (ValueError, OverflowError):
        return _parse(value) if re.search(r"\d{4}", value) else None


def parse_option(value: str) -> datetime:
    """Parse ``--date``: ``YYYY-MM-DD`` or ``YYYY-MM-DD HH:MM``; ValueError if not."""
    for pattern in ("%Y-%m-%d", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M"):
        try:
            return datetime.strptime(value.strip(), pattern)
        except ValueError:
            continue
    raise ValueError(f"--date {value!r}: give it as YYYY-MM-DD or 'YYYY-MM-DD HH:MM'")
