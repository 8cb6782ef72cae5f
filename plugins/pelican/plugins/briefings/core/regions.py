"""The regions a headline names, as the countries they hold.

Pure core: no Pelican import. In automatic mode a report whose headline
names a region ("Asian shares slip", "Caribbean braces for the storm") is
about that region's countries: the S&P 500 in one paragraph of an Asian
market report is background, not a briefing for the United States. The
regions, and the blocs whose headlines span beyond one ("EU", "APEC"),
live in ``data/regions.json``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from . import DATA_DIR

DEFAULT_REGIONS_PATH = DATA_DIR / "regions.json"


def _names_pattern(names: Iterable[str]) -> re.Pattern | None:
    # Longest first, so "Southeast Asian" wins over "Asian"; a name must
    # stand alone ("Trans-Pacific" holds no "Pacific" of its own).
    ordered = sorted(set(names), key=lambda n: (-len(n), n))
    if not ordered:
        return None
    return re.compile(r"(?<![\w-])(?:%s)(?![\w-])" % "|".join(map(re.escape, ordered)))


@dataclass(frozen=True)
class Regions:
    """Region names and the countries each holds."""

    members: dict[str, frozenset[str]]  # a region's name -> country codes
    names: re.Pattern | None
    unscoped: re.Pattern | None  # a bloc's name: the headline spans beyond its region
    not_regions: re.Pattern | None  # "Gulf of Mexico": a region's name naming no region

    @classmethod
    def from_file(cls, path: Path = DEFAULT_REGIONS_PATH) -> Regions:
        return cls.from_mapping(json.loads(Path(path).read_text(encoding="utf-8")))

    @classmethod
    def from_mapping(cls, data: dict) -> Regions:
        groups = data["groups"]
        members: dict[str, frozenset[str]] = {}
        for region in data["regions"]:
            codes = frozenset(code for group in region["groups"] for code in groups[group])
            for name in region["names"]:
                members[name] = members.get(name, frozenset()) | codes
        return cls(members, _names_pattern(members), _names_pattern(data.get("unscoped", [])),
                   _names_pattern(data.get("not_regions", [])))

    def scope(self, headline: str) -> frozenset[str] | None:
        """Return the countries of the regions ``headline`` names; None if it names none.

        None too when the headline names a bloc that reaches beyond a region
        ("EU sanctions…", "APEC leaders…"), so that nobody is left out.
        """
        if self.names is None:
            return None
        if self.not_regions is not None:
            headline = self.not_regions.sub(" ", headline)
        found = [m.group(0) for m in self.names.finditer(headline)]
        if not found or (self.unscoped is not None and self.unscoped.search(headline)):
            return None
        return frozenset().union(*(self.members[name] for name in found))


@lru_cache(maxsize=4)
def default_regions() -> Regions:
    """Return the regions shipped with the plugin (read once per process)."""
    return Regions.from_file()
