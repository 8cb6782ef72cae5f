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
# How many distinct words' topics to remember (a desk's whole vocabulary).
_VOCABULARY_SIZE = 200_000
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
        self.phrase_lengths = sorted({len(p) for p in self.phrases})
        # A word can only match a prefix that starts like it: prefixes by
        # their first few letters, so a word costs one lookup, not one per
        # prefix length.
        self._head = min(map(len, self.prefixes), default=0)
        self._prefixes_by_head: dict[str, list[tuple[str, set[str]]]] = {}
        for prefix, prefix_topics in self.prefixes.items():
            self._prefixes_by_head.setdefault(prefix[: self._head], []).append(
                (prefix, prefix_topics))
        self._cache: dict[str, frozenset[str]] = {}
        self._token_topics: dict[str, tuple[str, frozenset[str]]] = {}

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
        tokens = _WORD.findall(text)
        found: set[str] = set()
        folded: dict[str, str] = {}  # each distinct word, case-folded
        for token in set(tokens):
            known = self._token_topics.get(token)
            if known is None:
                known = self._remember_token(token)
            folded[token], hit = known
            if hit:
                found |= hit
        if self.phrases:
            found |= self._scan_phrases(tokens, folded)
        return frozenset(found)

    def _remember_token(self, token: str) -> tuple[str, frozenset[str]]:
        """Return (and remember) a word case-folded and the topics it matches by itself.

        Reports share most of their vocabulary, so each distinct word is
        looked up in the tables once per matcher, not once per paragraph.
        """
        word = token.casefold()
        found = set(self.words.get(word) or self.acronyms.get(token) or ())
        for prefix, prefix_topics in self._prefixes_by_head.get(word[: self._head], ()):
            if word.startswith(prefix):
                found |= prefix_topics
        if len(self._token_topics) >= _VOCABULARY_SIZE:
            self._token_topics.clear()  # bounded memory on a very long build
        known = self._token_topics[token] = (word, frozenset(found))
        return known

    def _scan_phrases(self, tokens: list[str], folded: Mapping[str, str]) -> set[str]:
        """Return the topics of the phrases among a text's words.

        :param folded: each distinct token -> its case-folded form.
        """
        words = set(folded.values())
        # Most texts hold no phrase's every word: skip the walk through them.
        candidates = {phrase: phrase_topics for phrase, phrase_topics in self.phrases.items()
                      if words.issuperset(phrase)}
        if not candidates:
            return set()
        found: set[str] = set()
        sequence = [folded[token] for token in tokens]
        starts = {phrase[0] for phrase in candidates}
        for n in self.phrase_lengths:
            for i in range(len(sequence) - n + 1):
                if sequence[i] in starts:
                    hit = candidates.get(tuple(sequence[i : i + n]))
                    if hit:
                        found |= hit
        return found
