"""The record of what the site has published: country names, slugs, addresses.

Pure core: no Pelican import. Subscribers keep a feed's address for years, so
once a country's hub and feeds are out, their addresses must not move when a
later (or back-dated) report spells the country another way. The record is a
small JSON file, committed with the site, that the build writes when a country
first gets a briefing and reads on every build after:

* ``id_prefix``: the ``tag:`` URI prefix of every feed and entry id, fixed
  when the record is made, so ids never follow SITEURL or build order;
* per country code: the published ``name`` and ``slug``, and every
  ``address`` its hub and feeds were ever written at (a renamed country keeps
  its old addresses, which the build keeps writing).

The file is written only when it changes, with sorted keys, so a build of an
unchanged site leaves it byte for byte as it was.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

ABOUT = ("Countries this site has published, and every address their hub and "
         "feeds were written at. The build adds a country the first time it gets "
         "a briefing and reads the rest: commit this file. See README.md, "
         "'Addresses never move'.")
KINDS = ("hub", "atom", "rss")


class RecordError(ValueError):
    """A record file the build cannot use (named with its problem)."""


@dataclass
class PublishedCountry:
    """One country as the site published it."""

    name: str
    slug: str
    feed_id: str  # the country feed's id, fixed when the country first appeared
    addresses: dict[str, list[str]] = field(default_factory=dict)

    def add(self, kind: str, path: str) -> bool:
        """Record an address; return whether it was new."""
        known = self.addresses.setdefault(kind, [])
        if path in known:
            return False
        known.append(path)
        return True

    def paths(self, kind: str) -> list[str]:
        return list(self.addresses.get(kind, []))


@dataclass
class PublishedRecord:
    """The record file's content; ``path`` None keeps it in memory only."""

    path: Path | None
    id_prefix: str = ""
    countries: dict[str, PublishedCountry] = field(default_factory=dict)
    existed: bool = False
    _saved: str = ""

    @classmethod
    def load(cls, path: Path | None) -> PublishedRecord:
        """Read the record at ``path``; a missing file is an empty record."""
        if path is None or not path.is_file():
            return cls(path)
        text = path.read_text(encoding="utf-8")
        try:
            data = json.loads(text)
        except ValueError as error:
            raise RecordError(f"{path} is not valid JSON ({error}); fix it or "
                              "restore it from version control") from None
        if not isinstance(data, dict) or not isinstance(data.get("countries"), dict):
            raise RecordError(f"{path} has no \"countries\" table")
        countries = {}
        for code, entry in data["countries"].items():
            try:
                addresses = {k: [str(p) for p in v]
                             for k, v in entry.get("addresses", {}).items()}
                countries[code] = PublishedCountry(str(entry["name"]), str(entry["slug"]),
                                                   str(entry["feed_id"]), addresses)
            except (AttributeError, KeyError, TypeError):
                raise RecordError(f"{path}: country {code!r} needs a \"name\", a "
                                  "\"slug\", a \"feed_id\" and \"addresses\"") from None
        record = cls(path, str(data.get("id_prefix", "")), countries, existed=True)
        record._saved = record.dumps()
        return record

    def dumps(self) -> str:
        data = {
            "about": ABOUT,
            "id_prefix": self.id_prefix,
            "countries": {
                code: {"name": c.name, "slug": c.slug, "feed_id": c.feed_id,
                       "addresses": {k: c.addresses[k] for k in KINDS if c.addresses.get(k)}}
                for code, c in sorted(self.countries.items())
            },
        }
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"

    def save(self) -> bool:
        """Write the file if its content changed; return whether it was written."""
        text = self.dumps()
        if self.path is None or text == self._saved:
            return False
        self.path.parent.mkdir(parents=True, exist_ok=True)
        partial = self.path.with_suffix(self.path.suffix + ".tmp")
        partial.write_text(text, encoding="utf-8")
        partial.replace(self.path)
        self._saved = text
        return True


def tag_prefix(host: str, date: str) -> str:
    """Return a ``tag:`` URI prefix (RFC 4151) for ``host`` since ``date`` (YYYY-MM-DD)."""
    host = (host or "").strip().lower().rstrip(".") or "localhost"
    return f"tag:{host},{date}:"
