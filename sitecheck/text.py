"""Text normalisation shared by every check that compares quoted text."""

from __future__ import annotations

from bs4 import BeautifulSoup, Tag


def normalise_space(text: str) -> str:
    """Collapse every run of whitespace (Unicode included) to one space."""
    return " ".join(text.split())


def element_text(element: Tag) -> str:
    """Return an element's text, whitespace-normalised, comments excluded.

    Strings are joined without a separator so inline markup (``<em>``, links)
    does not change the text: a quote and its source compare equal whether or
    not either wraps a word in a tag.
    """
    return normalise_space(element.get_text())


def html_text(markup: str) -> str:
    """Return the whitespace-normalised text of an HTML fragment."""
    return element_text(BeautifulSoup(markup, "html.parser"))
