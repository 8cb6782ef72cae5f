"""Page furniture: the lines of a news page that are not the reporter's words.

The rules are data (``data/furniture.json``): each is a regular expression
that must match a whole line, limited to short lines (``max_words``) so a
real paragraph that merely mentions a newsletter or a comment is never
dropped. The same rules serve plain text and the paragraphs a web-page
extractor returns, since both carry the same share bars and teasers.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

RULES_FILE = Path(__file__).resolve().parent.parent / "data" / "furniture.json"


@dataclass(frozen=True)
class Rule:
    name: str
    pattern: re.Pattern
    max_words: int
    starts_teasers: bool


MENU = Rule("navigation menu", re.compile(""), 0, False)


class Furniture:
    """The furniture rules, compiled once."""

    def __init__(self, rules: list[Rule], menu_words: frozenset[str] = frozenset()):
        self.rules = rules
        self.menu_words = menu_words

    @classmethod
    @lru_cache(maxsize=1)
    def default(cls) -> Furniture:
        data = json.loads(RULES_FILE.read_text(encoding="utf-8"))
        flags = re.IGNORECASE | re.DOTALL
        return cls([Rule(r["name"], re.compile(r["pattern"], flags),
                         int(r.get("max_words", 12)), bool(r.get("starts_teasers")))
                    for r in data["rules"]],
                   frozenset(w.casefold() for w in data.get("menu_words", [])))

    def match(self, line: str) -> Rule | None:
        """Return the rule that makes ``line`` furniture, or None if it is text."""
        text = line.strip()
        words = len(text.split())
        for rule in self.rules:
            if words <= rule.max_words and rule.pattern.fullmatch(text):
                return rule
        if self._is_menu(text):
            return MENU
        return None

    def _is_menu(self, text: str) -> bool:
        """A row of three or more section names ("News Business Energy") is a menu."""
        words = text.casefold().split()
        if len(words) < 3 or text.rstrip()[-1:] in ".!?:;,":
            return False
        known = sum(word.strip("|·•/") in self.menu_words or not word.strip("|·•/")
                    for word in words)
        return known >= 0.75 * len(words)
