"""Turn a split report into briefing data: excerpts, summary, topics.

Pure core: no Pelican import. A briefing quotes the report's own paragraphs,
verbatim and in report order; nothing here rewrites the reporter's words.
"""

from __future__ import annotations

import html as html_lib
import re
from dataclasses import dataclass, field

from .attribution import Split
from .report import Block, ParsedReport
from .topics import TopicMatcher

# Elements whose inner HTML is phrasing content, so it can sit in a <p>.
_PHRASING_PARENTS = frozenset({"p", "li", "dd", "dt", "h1", "h2", "h3", "h4", "h5", "h6"})
_SENTENCE_END = re.compile(r"(?<=[.!?])[”’\"')\]]*\s+(?=[“‘\"(\[]?[A-Z0-9])")


@dataclass
class Excerpt:
    """One quoted paragraph of a briefing."""

    anchor: str  # the paragraph's id in the report
    html: str  # the paragraph's markup, as quoted
    text: str
    is_context: bool  # the country is only mentioned in passing here
    reason: str = ""
    url: str = ""  # set by the adapter: where the paragraph is on the site


@dataclass
class Briefing:
    """What one country's briefing on one report holds."""

    code: str
    excerpts: list[Excerpt] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)

    @property
    def summary(self) -> str:
        """Return the first sentence of the first paragraph about the country."""
        lead = next((e for e in self.excerpts if not e.is_context), self.excerpts[0])
        return first_sentence(lead.text)


def first_sentence(text: str) -> str:
    """Return the first sentence of ``text`` (all of it if there is one)."""
    parts = _SENTENCE_END.split(text, maxsplit=1)
    return parts[0].strip()


def make_briefings(parsed: ParsedReport, split: Split, topics: TopicMatcher) -> list[Briefing]:
    """Build one briefing per partner that has at least one paragraph."""
    briefings = []
    # Each paragraph's countries once (a union of two sets), not once per partner.
    attributed = [(p, p.countries) for p in split.paragraphs]
    # A paragraph quoted in several briefings is serialised once.
    quotations = {p.block.index: quoted_html(p.block) for p, countries in attributed if countries}
    for code in split.partners:
        excerpts = [
            Excerpt(
                anchor=p.block.anchor,
                html=quotations[p.block.index],
                text=p.block.text,
                is_context=code not in p.primary,
                reason=p.reasons.get(code, ""),
            )
            for p, countries in attributed if code in countries
        ]
        if not excerpts:
            continue
        briefing = Briefing(code=code, excerpts=excerpts)
        briefing.topics = topics.topics(e.text for e in excerpts if not e.is_context) or \
            topics.topics(e.text for e in excerpts)
        briefings.append(briefing)
    return briefings


def quoted_html(block: Block) -> str:
    """Return a paragraph's markup as a quotation can hold it."""
    element = block.element
    if element.name in _PHRASING_PARENTS:
        return "<p>%s</p>" % block.html
    clone = element.__copy__()
    for attribute in ("id", "data-countries"):
        clone.attrs.pop(attribute, None)
    return str(clone)


def excerpt_markup(excerpt: Excerpt, link: str, label: str = "In the report") -> str:
    """Return an excerpt as the ``<blockquote>`` briefings and feeds carry.

    :param link: where the paragraph is in the report (an intrasite link).
    """
    classes = "excerpt excerpt--context" if excerpt.is_context else "excerpt"
    context = '<p class="excerpt-label">Context</p>\n' if excerpt.is_context else ""
    return (
        f'<blockquote class="{classes}" id="q-{excerpt.anchor}" '
        f'data-paragraph="{excerpt.anchor}">\n{context}{excerpt.html}\n'
        f'<footer><a href="{html_lib.escape(link, quote=True)}">{label}</a></footer>\n'
        "</blockquote>"
    )
