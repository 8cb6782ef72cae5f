"""The published-names record: every address it lists is in the built site.

The build keeps a record of each country's published hub and feed addresses
(BRIEFING_PUBLISHED_FILE, `published-countries.json` at the root here) so that
they never move; subscribers keep a feed's address for years. A feed the
record lists but the output lacks means subscribers silently stop getting
briefings (a deleted report, a renamed slug, a changed feed pattern).
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import TYPE_CHECKING

from .problem import Problem

if TYPE_CHECKING:
    from .site import Site

_WHAT = {"hub": "hub page", "atom": "Atom feed", "rss": "RSS feed"}


def check_published(site: Site, record: str | os.PathLike | None) -> list[Problem]:
    """Check that every address in the record exists in the output (None: no record)."""
    if record is None:
        return []
    path = Path(record)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        countries = data["countries"].items()
    except FileNotFoundError:
        return []  # a site without a record yet: nothing was published
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as error:
        return [Problem("feeds", "unreadable record", "",
                        f"{path} cannot be read as the published-names record ({error})")]
    problems = []
    for code, country in sorted(countries):
        name = country.get("name", code) if isinstance(country, dict) else code
        addresses = country.get("addresses", {}) if isinstance(country, dict) else {}
        for kind, what in _WHAT.items():
            for address in addresses.get(kind, []):
                # A hub must exist; a feed must exist and still be a feed.
                if address not in (site.files if kind == "hub" else site.feeds):
                    state = "is not a feed" if address in site.files else "is not in the output"
                    problems.append(Problem(
                        "feeds", "published address missing", address,
                        f"{path} lists it as {name}'s {what}, but it {state}: its "
                        "subscribers and links would stop working"))
    return problems
