"""The state of a story as the splitter reads it, paragraph after paragraph.

Pure core: no Pelican import. The rules in ``rules.py`` look at one
:class:`Paragraph` and the :class:`StoryState` so far and return a
:class:`Decision`; the splitter applies the decision to the state. Nothing
else carries over from one paragraph to the next.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from .cues import Cues
from .reading import Reading
from .report import Block


@dataclass(frozen=True)
class Paragraph:
    """One paragraph, with what the rules need to know about it."""

    block: Block
    reading: Reading
    actors: frozenset[str]  # partners it names as actors
    third_parties: frozenset[str]  # other countries (not home) it names as actors, unquoted
    subjects: frozenset[str] = frozenset()  # partners it is about as places ("In Laos, …")
    furniture: bool = False  # the page's, not the report's (rules.is_page_furniture)

    @property
    def text(self) -> str:
        return self.block.text


@dataclass
class StoryState:
    """What the story is about at this point of the report."""

    targets: frozenset[str]  # the partners that get briefings
    home: str | None  # the country the report is written from
    cues: Cues
    # Told from one side (a tour, a visit): False for a deal, a disaster, an
    # election day, a market report, where the story follows its subject.
    home_side: bool = True
    # Partners the current section or meeting is about, each with why.
    focus: dict[str, str] = field(default_factory=dict)
    # Partners of the latest paragraph that named any ("the two leaders").
    last: set[str] = field(default_factory=set)
    # The focus is a group met at once ("met the leaders of A, B, C and D"):
    # only what speaks of the meeting ("the talks", "the four leaders")
    # goes to all of them, not every paragraph after the list.
    group: bool = False
    # A subheading set the focus: the section keeps it to its end.
    headed: bool = False
    # With no home side, the latest list of three or more parties ("Chile,
    # Peru and Bolivia agreed…"): whom "the trio", "the leaders" mean after
    # a paragraph on one of them.
    parties: set[str] = field(default_factory=set)

    def enter_section(self, focus: Mapping[str, str], headed: bool = False) -> None:
        """Start a section (the lead, or one under a subheading)."""
        self.focus = dict(focus)
        self.last = set(focus)
        self.group = False
        self.headed = headed and bool(focus)

    def apply(self, decision: Decision) -> None:
        """Carry a paragraph's decision over to the paragraphs after it."""
        if decision.ends_story:
            self.focus, self.last, self.group = {}, set(), False
        if decision.moves_to is not None:
            self.focus = dict(decision.moves_to)
            self.group = decision.group
            if decision.group and not self.home_side:
                self.parties = set(decision.moves_to)
        if decision.last is not None:
            self.last = set(decision.last)


@dataclass
class Decision:
    """What one rule decided for one paragraph."""

    primary: dict[str, str]  # partner code -> why it gets the paragraph
    ends_story: bool = False  # the story leaves its partners
    moves_to: dict[str, str] | None = None  # a new focus (a new meeting), with reasons
    last: set[str] | None = None  # the paragraph's own partners, for "the two leaders"
    group: bool = False  # moves_to is a group met at once
