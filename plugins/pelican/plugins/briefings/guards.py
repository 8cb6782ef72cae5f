"""Keep one bad report or page from breaking the build, taking over a page or escaping output/.

Pelican adapter. Pelican stops the whole build when two articles write the
same file, when a file would be written where a folder must be, when a file
name is too long for the disk; and it lets a report's ``Save_as:`` silently
replace a country's hub or feed. All of these come from editor mistakes in
one file, so they are caught here, per article or page, with a message naming
the file:

* a slug or save_as that climbs out of output/ or is too long: a safe,
  bounded slug instead (a tag's, category's or author's too);
* two articles on one path: the later one gets a numbered slug;
* an address the site itself writes (hubs, country, topic and site feeds,
  the countries index, the OPML, Pelican's index and taxonomy pages, the
  search index, the theme's static files), or a folder one of them needs:
  the article or page is skipped, naming both;
* the same file reached again through a symbolic link that loops (or a
  second link to it): published once, from its shortest path.

:func:`make_safe` is the one sanitising path for what editors write: every
report, page and draft, whatever its status or whether it is split, loses
scripts, event handlers and unsafe URLs as Pelican makes it.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
import string
from collections.abc import Iterable, Mapping
from typing import Any

from pelican.contents import Article
from pelican.urlwrappers import URLWrapper
from pelican.utils import slugify

from .core.sanitize import plain_html, plain_text, sanitize_published
from .roles import BRIEFING

logger = logging.getLogger(__name__)

# A slug longer than this is cut (with a hash, so cut slugs stay distinct):
# file systems refuse names over 255 bytes, and a page address should be readable.
MAX_SLUG = 100
# Attribute keeping a report's HTML as its reader made it: the splitter
# splits from it (splitter.py), never from the published copy.
SOURCE_ATTR = "_briefings_source_html"
# Set on an article whose body is still as its reader made it (unsanitized).
PENDING_ATTR = "_briefings_unsanitized"
# Virtual source paths of the briefings the plugin makes (articles.py).
BRIEFING_SUFFIX = ".briefing"
_SCHEME = re.compile(r"^\s*[A-Za-z][A-Za-z0-9+.\-]*:|^\s*//")
# A language tag (BCP 47's shape): it goes into lang="" attributes as is.
_LANG = re.compile(r"^[A-Za-z]{1,8}(?:[-_][A-Za-z0-9]{1,8})*$")
# Characters that have no place in a slug, a save_as or a URL the theme
# prints into an attribute: quotes, angle brackets, backslashes, whitespace
# and controls (a slug is printed unescaped in every link to its page).
_UNSAFE_PATH = re.compile(r"""["'<>`\\\s\x00-\x1f\x7f]""")
# Settings naming output the site writes itself, besides the content's own.
_CONTENT_SETTINGS = ("ARTICLE_", "PAGE_", "DRAFT_", "BRIEFING_", "STATIC_")
_PLUGIN_NAMES = {
    "COUNTRY_SAVE_AS": "a country hub",
    "COUNTRY_FEED_ATOM": "a country's Atom feed",
    "COUNTRY_FEED_RSS": "a country's RSS feed",
    "COUNTRIES_SAVE_AS": "the countries index",
    "COUNTRY_FEED_OPML": "the OPML of country feeds",
    "TOPIC_FEED_OPML": "the OPML of topic feeds",
}
# Folders the site's tools fill after the build: the search index.
RESERVED_FOLDERS = ("pagefind",)


def make_safe(content) -> None:
    """Sanitize what an editor wrote, as Pelican makes the content object.

    Body and summary lose scripts, event handlers and unsafe URLs; the title
    (HTML in Pelican, printed as is by themes) keeps only its text; an
    ``URL:`` naming another scheme or site is dropped, since feeds join it to
    SITEURL and a reader would follow it.
    """
    if (content.source_path or "").endswith(BRIEFING_SUFFIX):
        return  # made by the plugin from sanitized paragraphs
    raw = getattr(content, "_content", None)
    if raw is not None:
        if not hasattr(content, SOURCE_ATTR):
            setattr(content, SOURCE_ATTR, raw)
        if isinstance(content, Article):
            # Most articles are reports whose split replaces the body with
            # the splitter's sanitized, annotated copy: sanitizing them here
            # too would only cost time. The rest are sanitized by
            # publish_safely() once the split is done.
            setattr(content, PENDING_ATTR, True)
        else:
            content._content = sanitize_published(raw)
    if isinstance(getattr(content, "title", None), str):
        content.title = plain_html(content.title)
    summary = getattr(content, "_summary", None)
    if isinstance(summary, str):
        content._summary = sanitize_published(summary)
        content.metadata["summary"] = content._summary
    for key in ("tags", "authors"):
        names = getattr(content, key, None)
        if isinstance(names, list) and any(_marked_up(n) for n in names):
            setattr(content, key, [w for w in map(_plain_name, names) if w.name])
    for key in ("category", "author"):
        if _marked_up(getattr(content, key, None)):
            setattr(content, key, _plain_name(getattr(content, key)))
    for key in ("tags", "authors", "category", "author"):
        value = getattr(content, key, None)
        for name in value if isinstance(value, list) else [value]:
            _bound_slug(content, name)
    url = getattr(content, "override_url", None)
    if isinstance(url, str) and (_SCHEME.match(url) or _UNSAFE_PATH.search(url)):
        logger.warning("briefings: %s: URL %r points away from the site or holds "
                       "characters a link cannot; its usual address is used",
                       content.source_path, url)
        del content.override_url
    lang = getattr(content, "lang", None)
    if isinstance(lang, str) and not _LANG.match(lang):
        default = content.settings.get("DEFAULT_LANG", "en")
        logger.warning("briefings: %s: Lang: %r is not a language code; %r is used",
                       content.source_path, lang, default)
        content.lang = default
        content.in_default_lang = True


def published_from_split(report) -> None:
    """Note that a report's body is now the splitter's own, sanitized, copy."""
    setattr(report, PENDING_ATTR, False)


def publish_safely(contents) -> None:
    """Sanitize every article body not replaced by a split (drafts, failed splits...)."""
    for content in contents:
        if getattr(content, PENDING_ATTR, False):
            content._content = sanitize_published(getattr(content, SOURCE_ATTR, None)
                                                  or content._content)
            setattr(content, PENDING_ATTR, False)


def _marked_up(name) -> bool:
    return isinstance(name, URLWrapper) and plain_text(name.name) != name.name


def _plain_name(name: URLWrapper) -> URLWrapper:
    """Return a tag, category or author named by its text only (themes escape names)."""
    text = plain_text(name.name).strip()
    return name if text == name.name else type(name)(text, name.settings)


def _bound_slug(content, name) -> None:
    """Cut a tag's, category's or author's overlong slug (MAX_SLUG), as article slugs are.

    Its page and feeds are files named by it: a name of a few hundred
    characters would stop the build when Pelican writes them.
    """
    if isinstance(name, URLWrapper) and len(name.slug) > MAX_SLUG:
        long = name.slug
        name.slug = bounded_slug(long)
        logger.warning("briefings: %s: the %s %r is too long for its page's file name; "
                       "its pages and feeds use %r", content.source_path,
                       type(name).__name__.lower(), name.name[:60] + "…", name.slug)


def _inside(root: str, save_as: str) -> bool:
    return os.path.abspath(os.path.join(root, save_as)).startswith(root + os.sep)


def _too_long(save_as: str) -> bool:
    return any(len(part.encode("utf-8")) > 255 for part in save_as.split("/"))


def _reslug(article, slug: str) -> None:
    article.slug = slug
    for attribute in ("override_save_as", "override_url"):
        if hasattr(article, attribute):
            delattr(article, attribute)


def bounded_slug(slug: str) -> str:
    """Return ``slug`` cut to MAX_SLUG characters, a short hash keeping it distinct."""
    if len(slug) <= MAX_SLUG:
        return slug
    digest = hashlib.sha1(slug.encode("utf-8")).hexdigest()[:8]
    return f"{slug[:MAX_SLUG - 9].rstrip('-')}-{digest}"


def _safe_slug(article) -> str:
    settings = article.settings
    return bounded_slug(slugify(
        str(article.slug),
        regex_subs=settings.get("SLUG_REGEX_SUBSTITUTIONS", []),
        use_unicode=settings.get("SLUGIFY_USE_UNICODE", False),
    ) or "report")


def _folders(path: str) -> Iterable[str]:
    """Yield the folders ``path`` needs: "a/b/c.html" gives "a/b", "a"."""
    parts = path.split("/")[:-1]
    for n in range(len(parts), 0, -1):
        yield "/".join(parts[:n])


class Reserved:
    """The addresses the site writes itself: path -> what it is."""

    def __init__(self, settings, slugs: Mapping[str, Iterable[str]] | None = None):
        """:param slugs: for each kind ("COUNTRY", "TAG", ...), the slugs it has."""
        self.paths: dict[str, str] = {}
        slugs = slugs or {}
        for key, value in settings.items():
            if not (key.endswith(("_SAVE_AS", "_FEED_ATOM", "_FEED_RSS", "_FEED_OPML"))
                    or key in ("FEED_ATOM", "FEED_RSS")) \
                    or key.startswith(_CONTENT_SETTINGS) or "_LANG_" in key \
                    or not isinstance(value, str) or not value:
                continue
            what = _PLUGIN_NAMES.get(key, f"the site's {key}")
            try:
                fields = {f for _, f, _, _ in string.Formatter().parse(value) if f}
            except ValueError:
                continue
            if not fields:
                self.paths[os.path.normpath(value)] = what
            elif fields == {"slug"}:
                kind = key.split("_")[0]
                for slug in slugs.get(kind, ()):
                    self.paths[os.path.normpath(value.format(slug=slug))] = f"{what} ({slug})"
        static = settings.get("THEME_STATIC_DIR", "theme")
        self.folders = {f: "the search index" for f in RESERVED_FOLDERS}
        if isinstance(static, str) and static.strip("/"):
            self.folders[static.strip("/")] = "the theme's static files"
        self.needed = {folder: what for path, what in self.paths.items()
                       for folder in _folders(path)}

    def owner(self, save_as: str) -> str | None:
        """Return what the site writes at ``save_as`` (or needs as a folder), or None."""
        path = os.path.normpath(save_as)
        if path in self.paths:
            return self.paths[path]
        if path in self.needed:
            return f"a folder of {self.needed[path]}"
        top = path.split("/", 1)[0]
        if top in self.folders:
            return self.folders[top]
        return None


def _loops(path: str, root: str, cache: dict[str, bool]) -> bool:
    """Return True if ``path`` is reached through a symbolic link to a folder above it."""
    folder = os.path.dirname(path)
    while folder.startswith(root) and folder != root:
        if folder not in cache:
            looping = False
            if os.path.islink(folder):
                target = os.path.realpath(folder)
                parent = os.path.realpath(os.path.dirname(folder))
                looping = parent == target or parent.startswith(target + os.sep)
            cache[folder] = looping
        if cache[folder]:
            return True
        folder = os.path.dirname(folder)
    return False


def once_each(contents: list, root: str) -> list:
    """Return the contents not to publish: files reached again through symbolic links."""
    root = os.path.abspath(root)
    cache: dict[str, bool] = {}
    seen: dict[str, Any] = {}  # real path -> the content published from it
    again: dict[str, list] = {}
    for content in sorted(contents, key=lambda c: (c.source_path.count(os.sep),
                                                  c.source_path)):
        if content.source_path.endswith(BRIEFING_SUFFIX):
            continue
        real = os.path.realpath(content.source_path)
        if real in seen or _loops(content.source_path, root, cache):
            again.setdefault(real, []).append(content)
        else:
            seen[real] = content
    for real, copies in again.items():
        first = seen.get(real)
        logger.warning("briefings: %s is reached %d more time(s) through symbolic links "
                       "(%s...); published %s", os.path.relpath(real, root), len(copies),
                       copies[0].relative_source_path,
                       f"once, as {first.relative_source_path}" if first else "never: "
                       "every path to it loops")
    return [c for copies in again.values() for c in copies]


def guard_output_paths(articles, output_path: str, reserved: Reserved | None = None,
                       taken: dict[str, str] | None = None) -> list:
    """Give every article a save_as inside ``output_path`` that no other has.

    Returns the articles to skip: those that would write where the site
    writes itself (``reserved``). ``taken`` (save_as -> source) holds paths
    already given out, and is updated.
    """
    root = os.path.abspath(output_path)
    taken = {} if taken is None else taken
    folders = {folder: source for save_as, source in taken.items()
               for folder in _folders(save_as)}

    def clashes(save_as: str) -> bool:
        return save_as in taken or any(folder in taken for folder in _folders(save_as))

    skipped = []
    for article in sorted(articles, key=lambda a: a.source_path or ""):
        path = article.relative_source_path
        save_as = article.save_as  # Pelican formats it from settings on every read
        if not save_as:  # Save_as: "" means "do not write" in Pelican
            continue
        if not _inside(root, save_as):
            logger.warning("briefings: %s: its slug or save_as %r points outside the "
                           "output folder; using a safe slug instead", path, save_as)
            _reslug(article, _safe_slug(article))
            save_as = article.save_as
        if _UNSAFE_PATH.search(save_as) or _UNSAFE_PATH.search(str(article.slug)):
            _reslug(article, _safe_slug(article))
            logger.warning("briefings: %s: its slug or save_as %r holds quotes, brackets "
                           "or spaces; published at %s instead", path, save_as,
                           article.save_as)
            save_as = article.save_as
        if _too_long(save_as) or (len(str(article.slug)) > MAX_SLUG and not
                                  (article.source_path or "").endswith(BRIEFING_SUFFIX)):
            _reslug(article, _safe_slug(article))
            logger.warning("briefings: %s: its slug or save_as is too long; published "
                           "at %s instead", path, article.save_as)
            save_as = article.save_as
        owner = reserved.owner(save_as) if reserved else None
        if owner is None and os.path.normpath(save_as) in folders:
            owner = f"a folder of {folders[os.path.normpath(save_as)]}"
        if owner is not None:
            logger.error("briefings: %s would be written to %s, which is %s; it is "
                         "skipped", path, save_as, owner)
            skipped.append(article)
            continue
        if clashes(save_as):
            base, n = _safe_slug(article), 2
            original = save_as
            while clashes(save_as):
                _reslug(article, f"{base}-{n}")
                save_as = article.save_as
                n += 1
            logger.warning("briefings: %s would be written to %s like %s; published at "
                           "%s instead", path, original, taken.get(original, "another file"),
                           save_as)
        taken[save_as] = path
        for folder in _folders(save_as):
            folders.setdefault(folder, path)
    return skipped


ARTICLE_LISTS = ("articles", "translations", "drafts", "drafts_translations",
                 "hidden_articles", "hidden_translations")
PAGE_LISTS = ("pages", "translations", "hidden_pages", "hidden_translations",
              "draft_pages", "draft_translations")


def contents_of(generator, lists: Iterable[str]) -> list:
    """Return every content object in the generator's lists (published or not)."""
    return [c for name in lists for c in getattr(generator, name, None) or ()]


def drop(generator, lists: Iterable[str], skipped: list) -> None:
    """Remove ``skipped`` from the generator's lists, in place (the context shares them)."""
    if not skipped:
        return
    gone = {id(c) for c in skipped}
    for name in lists:
        items = getattr(generator, name, None)
        if isinstance(items, list):
            items[:] = [c for c in items if id(c) not in gone]


def site_slugs(articles, countries: Iterable[str] = (), tags: Iterable[str] = (),
               categories: Iterable[str] = ()) -> dict[str, set[str]]:
    """Return the slugs of the site's taxonomies: what hub, tag and category paths exist."""
    slugs: dict[str, set[str]] = {"COUNTRY": set(countries), "TAG": set(tags),
                                  "CATEGORY": set(categories), "AUTHOR": set()}
    for article in articles:
        slugs["TAG"].update(t.slug for t in getattr(article, "tags", None) or ())
        if getattr(article, "category", None) is not None:
            slugs["CATEGORY"].add(article.category.slug)
        slugs["AUTHOR"].update(a.slug for a in getattr(article, "authors", None) or ())
        if getattr(article, "briefing_role", None) == BRIEFING:
            slugs["COUNTRY"].add(article.country.slug)
    return slugs


def guard_pages(generator) -> None:
    """Keep pages off the site's own addresses and off the articles' (page_generator_finalized)."""
    pages = contents_of(generator, PAGE_LISTS)
    drop(generator, PAGE_LISTS, once_each(pages, generator.path))
    check_templates(generator, contents_of(generator, PAGE_LISTS))
    context = generator.context
    articles = [a for name in ("articles", "drafts", "hidden_articles")
                for a in context.get(name) or ()]
    articles += [t for a in articles for t in getattr(a, "translations", None) or ()]
    taken = {a.save_as: a.relative_source_path for a in articles if a.save_as}
    reserved = Reserved(generator.settings, site_slugs(articles))
    skipped = guard_output_paths(contents_of(generator, PAGE_LISTS), generator.output_path,
                                 reserved, taken)
    drop(generator, PAGE_LISTS, skipped)


def check_templates(generator, contents) -> None:
    """Give a content whose ``Template:`` the theme lacks its usual template, with a warning.

    Pelican would stop the whole build when it came to write that one page.
    """
    for content in contents:
        template = getattr(content, "template", None)
        default = getattr(content, "default_template", None)
        if not template or template == default \
                or (content.source_path or "").endswith(BRIEFING_SUFFIX):
            continue
        try:
            generator.get_template(template)
        except Exception as error:  # PelicanTemplateNotFound, or a template that does not parse
            logger.warning("briefings: %s: Template: %r cannot be used (%s); the %r "
                           "template is used", content.relative_source_path, template,
                           error, default)
            content.template = default
