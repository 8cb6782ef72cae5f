"""What an import reads out of a file, before it is written as Markdown."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

# Block kinds, as the Markdown writer writes them.
PARAGRAPH = "paragraph"
HEADING = "heading"
ITEM = "item"  # an item of a bulleted list
NUMBERED = "numbered"  # an item of a numbered list


@dataclass(frozen=True)
class Block:
    kind: str
    text: str  # the reporter's words, NFC, runs of spaces and tabs made one space


@dataclass(frozen=True)
class Dropped:
    text: str
    reason: str  # the furniture rule, or why else it is not report text


@dataclass
class Document:
    """A report as read from one file."""

    title: str
    blocks: list[Block]
    date: datetime | None = None
    date_source: str = ""  # where the date came from, said to the editor
    source: str = ""  # the outlet
    source_url: str = ""
    dropped: list[Dropped] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def paragraphs(self) -> list[str]:
        return [b.text for b in self.blocks if b.kind == PARAGRAPH]
