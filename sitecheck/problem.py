"""The one record every check returns: what is wrong, where."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a built site.

    ``check`` is the check family ("html", "feeds", "links", "invariants");
    ``kind`` a short name for the sort of problem (used to group the report);
    ``path`` the file relative to the output folder ("" for the site as a
    whole); ``line`` the 1-based line in that file, when known.
    """

    check: str
    kind: str
    path: str
    message: str
    line: int | None = None

    def sort_key(self) -> tuple:
        """Order by check, kind, file, then line: the order a reader fixes things."""
        return (self.check, self.kind, self.path, self.line or 0, self.message)

    @property
    def location(self) -> str:
        """Return ``path:line`` (or just the path, or "(site)")."""
        if not self.path:
            return "(site)"
        return f"{self.path}:{self.line}" if self.line else self.path

    def __str__(self) -> str:
        return f"[{self.check}] {self.location}: {self.message}"
