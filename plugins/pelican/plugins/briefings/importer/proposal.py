"""Ask the splitter which countries an imported report covers.

The report is read exactly as a build reads it (Pelican's Markdown reader
with the site's settings, the site's alias file), then handed to the core's
``propose_countries`` (the splitter's automatic mode, as
``invoke split --automatic`` uses it); the partners it finds are the
proposal for the report's ``Countries:`` line, which the editor confirms.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from pelican.readers import MarkdownReader

from ..core.attribution import Splitter
from ..core.gazetteer import Gazetteer
from ..core.partners import countries_line_names, resolve_country
from ..core.propose import propose_countries
from ..settings import BriefingsConfig


class CountryProposer:
    """Propose and resolve `Countries:` lines with one site's settings."""

    def __init__(self, settings: dict):
        self.settings = settings
        self.gazetteer = Gazetteer.default()
        self.config = BriefingsConfig.from_settings(settings, self.gazetteer)
        self.splitter = Splitter(self.gazetteer, aliases=self.config.aliases)

    def name(self, code: str) -> str:
        return self.gazetteer.get(code).name

    def resolve(self, raw: str) -> list[str]:
        """Return the names of a ``--countries`` value as the editor spelt them.

        Raises ValueError naming an unknown country (with the closest name).
        """
        names = countries_line_names(raw, self.gazetteer)
        if not names:
            raise ValueError(f"--countries {raw!r} names no country")
        by_code: dict[str, str] = {}
        for name in names:
            by_code.setdefault(resolve_country(name, self.gazetteer), name)
        return list(by_code.values())

    def propose(self, markdown: str) -> list[str]:
        """Return the country names the splitter finds in ``markdown``, report order."""
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "report.md"
            path.write_text(markdown, encoding="utf-8")
            content, metadata = MarkdownReader(self.settings).read(str(path))
        title = str(metadata.get("title", ""))
        return propose_countries(content, title, self.splitter)
