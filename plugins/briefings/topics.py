"""Find a briefing's topics from a keyword map.

Pure core: no Pelican import. The map comes from ``data/topics.json`` or the
BRIEFING_TOPICS setting: ``{"Energy": ["gas", "pipeline*", "LNG"], ...}``. A
keyword matches whole words, case-insensitively, except all-caps acronyms
(LNG, UN), which match only in capitals; a trailing ``*`` matches any ending.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from pathlib import Path

DEFAULT_TOPICS_PATH = Path(__file__).with_name("data") / "topics.json"


def load_topic_map(path: Path = DEFAULT_TOPICS_PATH) -> dict[str, list[str]]:
    """Read a topic map file, ignoring keys that start with an underscore."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    return {k: list(v) for k, v in data.items() if not k.startswith("_")}


_CACHE_SIZE = 4096
_WORD = re.compile(r"[\w’']+")


class TopicMatcher:
    """Look topics up word by word: sets and prefixes, no regex per keyword.

    Keywords are read once into three tables: whole words (all-caps acronyms
    kept case-sensitive), prefixes (``pipeline*``) and phrases of several
    words (``free trade``). A text is split into words once.
    """

    def __init__(self, topic_map: Mapping[str, Iterable[str]]):
        self.names = sorted(t for t, keywords in topic_map.items() if keywords)
        self.words: dict[str, set[str]] = {}
        self.acronyms: dict[str, set[str]] = {}
        self.prefixes: dict[str, set[str]] = {}
        self.phrases: dict[tuple[str, ...], set[str]] = {}
        for topic in self.names:
            for keyword in topic_map[topic]:
                stem = keyword[:-1] if keyword.endswith("*") else keyword
                parts = tuple(_WORD.findall(stem))
                if not parts:
                    continue
                if len(parts) > 1:
                    table, key = self.phrases, tuple(p.casefold() for p in parts)
                elif keyword.endswith("*"):
                    table, key = self.prefixes, stem.casefold()
                elif stem.isupper():
                    table, key = self.acronyms, stem
                else:
                    table, key = self.words, stem.casefold()
                table.setdefault(key, set()).add(topic)
        self.prefix_lengths = sorted({len(p) for p in self.prefixes})
        self.phrase_lengths = sorted({len(p) for p in self.phrases})
        self._cache: dict[str, frozenset[str]] = {}

    def topics(self, texts: Iterable[str]) -> list[str]:
        """Return the topics any of ``texts`` mentions, in name order."""
        found: set[str] = set()
        for text in texts:
            found |= self._text_topics(text)
        return [t for t in self.names if t in found]

    def _text_topics(self, text: str) -> frozenset[str]:
        # A paragraph is quoted in several briefings: look it up once.
        cached = self._cache.get(text)
        if cached is None:
            cached = self._cache[text] = self._scan(text)
            if len(self._cache) > _CACHE_SIZE:
                self._cache.pop(next(iter(self._cache)))
        return cached

    def _scan(self, text: str) -> frozenset[str]:
        found: set[str] = set()
        tokens = _WORD.findall(text)
        folded = [t.casefold() for t in tokens]
        words, acronyms, prefixes = self.words, self.acronyms, self.prefixes
        for token, word in zip(tokens, folded, strict=True):
            hit = words.get(word) or acronyms.get(token)
            if hit:
                found |= hit
            for length in self.prefix_lengths:
                if len(word) < length:
                    break
                hit = prefixes.get(word[:length])
                if hit:
                    found |= hit
        for n in self.phrase_lengths:
            for i in range(len(folded) - n + 1):
                hit = self.phrases.get(tuple(folded[i : i + n]))
                if hit:
                    found |= hit
        return frozenset(found)
