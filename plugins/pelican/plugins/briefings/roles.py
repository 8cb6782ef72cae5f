"""Which articles are reports: the BRIEFING_REPORTS setting.

The plugin gives every article it handles an explicit role,
``article.briefing_role``: ``"report"`` for an article it splits,
``"briefing"`` for one it made. Any other article (a blog post) gets no role
and is left exactly as Pelican renders it. Templates and code test the role,
never which attributes an article happens to have.

A report is an article that matches any one rule of BRIEFING_REPORTS:

* ``"metadata"``: it has one of these metadata fields with a value other
  than no/false/off/0 (default ``["countries"]``: a ``Countries:`` line);
* ``"paths"``: its source is inside one of these folders of PATH (default
  ``["reports"]``);
* ``"categories"``: its category is one of these (by name, any case).

``"all"`` makes every article a report; a callable ``(article) -> bool``
decides on its own.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

REPORT = "report"
BRIEFING = "briefing"

DEFAULT_REPORTS: dict[str, list[str]] = {"metadata": ["countries"], "paths": ["reports"]}
RULES = ("metadata", "paths", "categories")
# Metadata values that say "not a report" (`Report: no`).
_FALSE = frozenset({"", "no", "false", "off", "0"})


class ReportsSettingError(ValueError):
    """BRIEFING_REPORTS is not a rule the plugin understands."""


@dataclass(frozen=True)
class ReportSelector:
    """Decides whether an article is a report (BRIEFING_REPORTS, validated)."""

    metadata: tuple[str, ...] = ()
    paths: tuple[str, ...] = ()
    categories: frozenset[str] = frozenset()
    every: bool = False
    custom: Callable[[Any], bool] | None = None

    @classmethod
    def from_setting(cls, value) -> ReportSelector:
        """Build the selector from BRIEFING_REPORTS, or raise ReportsSettingError."""
        if value == "all":
            return cls(every=True)
        if callable(value):
            return cls(custom=value)
        if not isinstance(value, Mapping):
            raise ReportsSettingError(
                'BRIEFING_REPORTS must be "all", a function (article) -> bool, or a dict '
                'of rules like {"metadata": ["countries"], "paths": ["reports"]}; '
                f"got {value!r}")
        unknown = sorted(str(key) for key in value if key not in RULES)
        if unknown:
            raise ReportsSettingError(
                f"BRIEFING_REPORTS: unknown rule {', '.join(map(repr, unknown))} "
                f"(known: {', '.join(RULES)})")
        lists = {key: _names(key, value.get(key, ())) for key in RULES}
        if not any(lists.values()):
            raise ReportsSettingError(
                "BRIEFING_REPORTS has no rule, so no article would be a report; "
                f"give at least one of {', '.join(RULES)}")
        return cls(
            metadata=tuple(name.lower() for name in lists["metadata"]),
            paths=tuple(os.path.normpath(p).replace(os.sep, "/").strip("/")
                        for p in lists["paths"]),
            categories=frozenset(name.casefold() for name in lists["categories"]),
        )

    def is_report(self, article) -> bool:
        """Return whether ``article`` (a Pelican Article) is a report to split."""
        if getattr(article, "briefing_role", None) == BRIEFING:
            return False
        if self.every:
            return True
        if self.custom is not None:
            return bool(self.custom(article))
        metadata = article.metadata
        for key in self.metadata:
            if key in metadata and str(metadata[key]).strip().lower() not in _FALSE:
                return True
        if self.paths:
            source = (article.relative_source_path or "").replace(os.sep, "/")
            if any(source.startswith(folder + "/") for folder in self.paths):
                return True
        category = getattr(article, "category", None)
        return bool(self.categories) and category is not None \
            and str(category.name).casefold() in self.categories


def _names(rule: str, value) -> list[str]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, (list, tuple)) or not all(
            isinstance(v, str) and v.strip() for v in value):
        raise ReportsSettingError(
            f"BRIEFING_REPORTS[{rule!r}] must be a list of non-empty names, got {value!r}")
    return [v.strip() for v in value]
