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


def _keyword_pattern(keyword: str) -> str:
    stem = keyword[:-1] if keyword.endswith("*") else keyword
    body = re.escape(stem).replace(r"\ ", r"\s+")
    if keyword.endswith("*"):
        body += r"[\w-]*"
    if stem.isupper():
        return rf"(?-i:\b{body}\b)"
    return rf"\b{body}\b"


class TopicMatcher:
    """One compiled pattern per topic."""

    def __init__(self, topic_map: Mapping[str, Iterable[str]]):
        self.patterns = {
            topic: re.compile("|".join(_keyword_pattern(k) for k in keywords), re.IGNORECASE)
            for topic, keywords in sorted(topic_map.items())
            if keywords
        }

    def topics(self, texts: Iterable[str]) -> list[str]:
        """Return the topics any of ``texts`` mentions, in name order."""
        joined = "\n".join(texts)
        return [t for t, pattern in self.patterns.items() if pattern.search(joined)]
