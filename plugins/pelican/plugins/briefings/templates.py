"""The plugin's fallback templates, and a check that the theme can render them.

Pelican side. A theme may provide briefing.html, country.html,
countries.html and opml.xml; for any it lacks, the plugin's own plain ones
(``templates/``) are used. They are found *after* every template of the
theme, its THEME_TEMPLATES_OVERRIDES and Pelican's implicit ``simple``
fallback, so a theme always wins. They extend the theme's ``base.html`` and
fill its ``content`` block.

:func:`check_templates` runs before any page is written: a template the
plugin renders that cannot be loaded, or that needs a template nobody has,
stops the build with one line naming both, instead of a traceback halfway
through writing the site.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from pathlib import Path

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, TemplateError, nodes
from jinja2.meta import find_referenced_templates

logger = logging.getLogger(__name__)

PLUGIN_TEMPLATES = Path(__file__).with_name("templates")
# The templates the plugin renders: briefings (by Pelican's articles
# generator, from their `template` metadata), hubs, the index, the OPML.
PAGE_TEMPLATES = ("briefing.html", "country.html", "countries.html")
OPML_TEMPLATE = "opml.xml"
# The block of the theme's base.html the fallback templates fill.
CONTENT_BLOCK = "content"


class ThemeError(Exception):
    """The active theme cannot render a page the plugin writes."""


def add_fallback_templates(env: Environment) -> None:
    """Make ``env`` find the plugin's templates after all of the theme's (idempotent)."""
    loader = env.loader
    if isinstance(loader, ChoiceLoader) and any(
            getattr(item, "briefings_fallback", False) for item in loader.loaders):
        return
    fallback = FileSystemLoader(str(PLUGIN_TEMPLATES))
    fallback.briefings_fallback = True  # type: ignore[attr-defined]  # a marker for the above
    loaders = list(loader.loaders) if isinstance(loader, ChoiceLoader) else (
        [loader] if loader is not None else [])
    env.loader = ChoiceLoader([*loaders, fallback])


def _origin(env: Environment, name: str) -> str:
    """Say where a template comes from: the theme or the plugin's fallback."""
    try:
        _source, filename, _uptodate = env.loader.get_source(env, name)  # type: ignore[union-attr]
    except TemplateError:
        return name
    path = Path(filename or name)
    if path.is_relative_to(PLUGIN_TEMPLATES):
        return f"{name} (the plugin's fallback)"
    return str(path)


def _problems(env: Environment, name: str, seen: set[str]) -> Iterable[str]:
    """Yield what stops ``name`` or a template it extends, includes or imports from loading."""
    if name in seen:
        return
    seen.add(name)
    try:
        source, _filename, _uptodate = env.loader.get_source(env, name)  # type: ignore[union-attr]
        tree = env.parse(source, name)
    except TemplateError as error:
        yield f"{_origin(env, name)}: {error.__class__.__name__}: {error}"
        return
    for needed in find_referenced_templates(tree):
        if needed is None:  # a name computed while rendering: cannot be checked here
            continue
        try:
            env.loader.get_source(env, needed)  # type: ignore[union-attr]
        except TemplateError:
            yield (f"{_origin(env, name)} needs the template {needed!r}, which neither "
                   "the theme nor the plugin provides")
            continue
        yield from _problems(env, needed, seen)


def _blocks(env: Environment, name: str) -> set[str]:
    """Return the blocks ``name`` and the templates it extends define."""
    found: set[str] = set()
    seen: set[str] = set()
    while name and name not in seen:
        seen.add(name)
        source, _filename, _uptodate = env.loader.get_source(env, name)  # type: ignore[union-attr]
        tree = env.parse(source, name)
        found.update(block.name for block in tree.find_all(nodes.Block))
        parent = tree.find(nodes.Extends)
        template = getattr(parent, "template", None)
        name = template.value if isinstance(template, nodes.Const) else ""
    return found


def check_templates(env: Environment, opml: bool) -> None:
    """Raise :class:`ThemeError` naming each template the plugin cannot render."""
    names = [*PAGE_TEMPLATES, *([OPML_TEMPLATE] if opml else [])]
    problems: list[str] = []
    seen: set[str] = set()
    for name in names:
        problems.extend(_problems(env, name, seen))
    if problems:
        raise ThemeError("; ".join(problems))
    # The fallbacks show nothing unless the theme's base.html has the block they fill.
    fallbacks = [name for name in PAGE_TEMPLATES if _origin(env, name).endswith("fallback)")]
    if fallbacks and CONTENT_BLOCK not in _blocks(env, "base.html"):
        raise ThemeError(
            f"{_origin(env, 'base.html')} has no {{% block {CONTENT_BLOCK} %}}, which the "
            f"plugin's fallback {', '.join(fallbacks)} fill: add that block to the theme's "
            "base.html, or give the theme its own " + ", ".join(fallbacks))
