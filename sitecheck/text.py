"""Text normalisation shared by every check that compares quoted text."""

from __future__ import annotations

from html.parser import HTMLParser


def normalise_space(text: str) -> str:
    """Collapse every run of whitespace (Unicode included) to one space."""
    return " ".join(text.split())


class _TextCollector(HTMLParser):
    """Gather the character data of an HTML fragment (comments excluded)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data):
        self.parts.append(data)


def html_text(markup: str) -> str:
    """Return the whitespace-normalised text of an HTML fragment.

    Strings are joined without a separator, as for page paragraphs, so inline
    markup (``<em>``, links) does not change the text: a quote and its source
    compare equal whether or not either wraps a word in a tag.
    """
    collector = _TextCollector()
    collector.feed(markup)
    collector.close()
    return normalise_space("".join(collector.parts))
