"""OPML: every outline list parses and points at feeds that exist."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import TYPE_CHECKING

from .problem import Problem
from .urls import Internal

if TYPE_CHECKING:
    from .site import Site


def check_opml(site: Site) -> list[Problem]:
    """Check every ``*.opml`` file: well-formed, and its site URLs resolve."""
    problems = []
    for path in sorted(f for f in site.files if f.endswith(".opml")):
        problems.extend(_opml_problems(site, path))
    return problems


def _opml_problems(site: Site, path: str) -> list[Problem]:
    """Return what is wrong with one OPML file."""
    try:
        tree = ET.parse(site.root / path)
    except ET.ParseError as error:
        return [
            Problem(
                "feeds",
                "malformed OPML",
                path,
                f"does not parse as XML ({error})",
                error.position[0],
            )
        ]
    root = tree.getroot()
    if root.tag != "opml" or root.find("body") is None:
        return [
            Problem(
                "feeds",
                "malformed OPML",
                path,
                f"is not an OPML document (root <{root.tag}>, needs <opml><body>)",
            )
        ]
    problems = []
    outlines = list(root.iter("outline"))
    if not any(outline.get("xmlUrl") for outline in outlines):
        problems.append(
            Problem("feeds", "empty OPML", path, "lists no feeds (no xmlUrl)")
        )
    for outline in outlines:
        name = outline.get("text") or outline.get("title") or "an outline"
        feed_url = outline.get("xmlUrl")
        if feed_url:
            target = site.resolve(feed_url, path)
            if isinstance(target, Internal) and target.path not in site.feeds:
                state = (
                    "is not a feed" if target.path in site.files else "does not exist"
                )
                problems.append(
                    Problem(
                        "feeds",
                        "OPML feed missing",
                        path,
                        f"{name}: xmlUrl {feed_url} names {target.path}, which {state}",
                    )
                )
        page_url = outline.get("htmlUrl")
        if page_url:
            target = site.resolve(page_url, path)
            if isinstance(target, Internal) and target.path not in site.files:
                problems.append(
                    Problem(
                        "feeds",
                        "OPML page missing",
                        path,
                        f"{name}: htmlUrl {page_url} names {target.path}, "
                        "which does not exist",
                    )
                )
    return problems
