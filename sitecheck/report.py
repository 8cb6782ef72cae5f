"""Format problems as a short report: grouped by check and kind, capped per kind."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from .problem import Problem

LINES_PER_KIND = 20


def format_report(problems: Iterable[Problem], limit: int = LINES_PER_KIND) -> str:
    """Return a readable report: a heading per (check, kind), ``limit`` lines each."""
    groups: dict[tuple[str, str], list[Problem]] = defaultdict(list)
    for problem in sorted(problems, key=Problem.sort_key):
        groups[(problem.check, problem.kind)].append(problem)
    if not groups:
        return "sitecheck: no problems"
    total = sum(len(group) for group in groups.values())
    lines = [f"sitecheck: {total} problem(s)"]
    for (check, kind), group in groups.items():
        lines.append(f"\n{check}: {kind} ({len(group)})")
        lines.extend(
            f"  {problem.location}: {problem.message}" for problem in group[:limit]
        )
        if len(group) > limit:
            lines.append(f"  ... and {len(group) - limit} more")
    return "\n".join(lines)
