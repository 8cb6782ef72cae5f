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

from . import DATA_DIR

DEFAULT_TOPICS_PATH = DATA_DIR / "topics.json"


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
                    phrase = tuple(p.casefold() for p in parts)
                    self.phrases.setdefault(phrase, set()).add(topic)
                    continue
                if keyword.endswith("*"):
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
        self._phrase_words = {word for phrase in self.phrases for word in phrase}
        self._cache: dict[str, frozenset[str]] = {}
        # What each word seen so far means, kept as sets so that a text's
        # words are sorted out by set intersections, not word by word:
        self._seen: set[str] = set()  # every word looked up
        self._topical: set[str] = set()  # the words that match a keyword…
        self._word_topics: dict[str, frozenset[str]] = {}  # …and their topics
        self._in_phrases: set[str] = set()  # the words some phrase holds…
        self._phrase_word: dict[str, str] = {}  # …and their case-folded form

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
        distinct = set(tokens)
        new = distinct - self._seen
        if new:
            if len(self._seen) + len(new) > _VOCABULARY_SIZE:
                self._forget()  # bounded memory on a very long build
                new = distinct
            self._remember(new)
        found: set[str] = set()
        for token in distinct & self._topical:
            found |= self._word_topics[token]
        if self.phrases:
            found |= self._scan_phrases(tokens, distinct & self._in_phrases)
        return frozenset(found)

    def _remember(self, tokens: set[str]) -> None:
        """Look words up in the keyword tables, once per matcher.

        Reports share most of their vocabulary, so after the first few
        reports nearly every word of a paragraph is already known.
        """
        for token in tokens:
            word = token.casefold()
            found = set(self.words.get(word) or self.acronyms.get(token) or ())
            for prefix, prefix_topics in self._prefixes_by_head.get(word[: self._head], ()):
                if word.startswith(prefix):
                    found |= prefix_topics
            if found:
                self._topical.add(token)
                self._word_topics[token] = frozenset(found)
            if word in self._phrase_words:
                self._in_phrases.add(token)
                self._phrase_word[token] = word
        self._seen |= tokens

    def _forget(self) -> None:
        """Forget every word looked up so far."""
        for table in (self._seen, self._topical, self._word_topics, self._in_phrases,
                      self._phrase_word):
            table.clear()

    def _scan_phrases(self, tokens: list[str], phrase_tokens: set[str]) -> set[str]:
        """Return the topics of the phrases among a text's words.

        :param phrase_tokens: the text's distinct words that some phrase holds.
        """
        words = {self._phrase_word[token] for token in phrase_tokens}
        # Most texts hold no phrase's every word: skip the walk through them.
        # Keyed as the walk below looks them up: a word in no phrase is None.
        candidates: dict[tuple[str | None, ...], set[str]] = {
            phrase: phrase_topics for phrase, phrase_topics in self.phrases.items()
            if words.issuperset(phrase)}
        if not candidates:
            return set()
        found: set[str] = set()
        # Words in no phrase stand as None: no phrase matches across them.
        sequence = [self._phrase_word.get(token) for token in tokens]
        starts = {phrase[0] for phrase in candidates}
        for n in self.phrase_lengths:
            for i in range(len(sequence) - n + 1):
                if sequence[i] in starts:
                    hit = candidates.get(tuple(sequence[i : i + n]))
                    if hit:
                        found |= hit
        return found
