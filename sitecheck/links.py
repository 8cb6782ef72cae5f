"""Links: every internal href/src of every page names a file in the output,
and every #fragment an element of the page it points into."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .problem import Problem
from .urls import Internal, Invalid

if TYPE_CHECKING:
    from .pages import Link
    from .site import Site

# Fragments a browser honours without a matching element (HTML spec: "top").
BUILTIN_FRAGMENTS = frozenset({"", "top"})


def check_links(site: Site) -> list[Problem]:
    """Return a problem for every broken internal link or anchor in the site."""
    problems = []
    for page in site.pages.values():
        for link in page.links:
            target = site.resolve(link.url, page.path)
            if isinstance(target, Invalid):
                problems.append(
                    Problem(
                        "links",
                        target.kind,
                        page.path,
                        f"<{link.tag}> {target.reason}",
                        link.line,
                    )
                )
            elif isinstance(target, Internal):
                problem = _target_problem(site, page.path, link, target)
                if problem:
                    problems.append(problem)
    return problems


def _target_problem(
    site: Site, page: str, link: Link, target: Internal
) -> Problem | None:
    """Check that an internal link's file, and its fragment, exist."""
    if target.path not in site.files:
        return Problem(
            "links",
            "broken link",
            page,
            f"<{link.tag}> {link.url} -> {target.path} does not exist",
            link.line,
        )
    if target.fragment in BUILTIN_FRAGMENTS:
        return None
    linked_page = site.pages.get(target.path)
    if linked_page is not None and target.fragment not in linked_page.ids:
        return Problem(
            "links",
            "missing anchor",
            page,
            f"<{link.tag}> {link.url} -> no id {target.fragment!r} in {target.path}",
            link.line,
        )
    return None
