"""What both readers (plain text, saved page) drop before a line becomes a block.

One :class:`LineScreen` per document: it keeps the date a date line gave,
whether related-story teasers have started, and every dropped line with its
reason, so the two readers cannot drift apart on what furniture is.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from . import dates
from .document import HEADING, PARAGRAPH, Block, Dropped
from .furniture import Furniture


@dataclass
class LineScreen:
    """The dropping rules shared by the readers, over one document's state."""

    furniture: Furniture
    date_line_source: str  # "the text's date line" / "the page's date line"
    date: datetime | None = None
    date_source: str = ""
    teasers: bool = False
    dropped: list[Dropped] = field(default_factory=list)

    def drops(self, text: str) -> bool:
        """Drop ``text`` if it is a date line or page furniture; say whether it went."""
        when = dates.date_line(text)
        if when is not None:
            used = self.date is None
            if used:
                self.date, self.date_source = when, self.date_line_source
            self.dropped.append(Dropped(text, "date line" + (" (used as Date)" if used
                                                              else "")))
            return True
        rule = self.furniture.match(text)
        if rule is not None:
            self.dropped.append(Dropped(text, rule.name))
            self.teasers = self.teasers or rule.starts_teasers
            return True
        return False

    def drop_trailing_headings(self, blocks: list[Block]) -> None:
        """Headline-shaped lines after the last paragraph are teasers, not subheadings."""
        while blocks and blocks[-1].kind == HEADING:
            self.dropped.append(Dropped(blocks.pop().text,
                                        "related-story teaser (no text after it)"))

    def date_from_dateline_or_name(self, blocks: list[Block], path: Path) -> None:
        """With no date yet, take the lead's dateline, else the file name's date."""
        if self.date is None and blocks[0].kind == PARAGRAPH:
            self.date = dates.dateline_date(blocks[0].text)
            self.date_source = "the dateline" if self.date else ""
        if self.date is None:
            self.date = dates.file_name_date(path.name)
            self.date_source = "the file name" if self.date else ""
