"""Skip rendering pages and feeds whose inputs did not change since the last build.

Pelican adapter. :class:`IncrementalWriter` is a Pelican ``Writer`` returned
from the ``get_writer`` signal when the content cache is on (CACHE_CONTENT /
LOAD_CONTENT_CACHE, the switches Pelican's own content cache uses). Pelican's
content cache only saves reading: it still renders and writes every page. This
writer keys each output file on a hash of its inputs and, when the key and the
file on disk are as the last build left them, does not render it again.

What a key covers (see :class:`Fingerprints`):

* every template file the theme, its overrides, the plugin and Pelican's
  ``simple`` fallback provide, the plugin's code and data, Pelican's version;
* every setting and every context value; articles, pages and countries in the
  site-wide context by their *metadata* (title, date, URL, tags, summary, ...);
* the page's own objects in full: the article it shows (with its body), the
  articles on a listing page, the items of a feed (with their bodies).

So the contract with templates is: a page may show its own article's body and
the bodies on its own listing page; of any other article it may show only
metadata. The contract is enforced, not assumed: while a page renders,
:class:`BodyWatch` notes every article whose body (``content`` /
``get_content``) the template reads; a page that read another article's body
is never skipped afterwards (it is rendered on every build, and the build
says so once), so it can never be left stale. The project's theme keeps to
the contract, so none of its pages pays that.

Files the last build wrote and this one did not (a deleted report's pages)
are removed at the end of the build. Pelican's overwrite checks and the
``content_written`` signal behave as with Pelican's writer (it is sent for
unchanged pages too). A skipped feed has no feed object to send with
``feed_generated``/``feed_written``, so while any receiver listens to those
signals, feeds are always built.

:class:`MemberList` (always on, cache or not) gives Pelican's tag, category
and author lists a constant-time ``in``: Pelican 4.12 tests membership once
per article per term while writing those pages, which is quadratic at
thousands of articles.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import os
import pickle
import time
from collections.abc import Iterable
from pathlib import Path
from types import ModuleType
from typing import Any

from jinja2 import Template

import pelican
from pelican.contents import Content, Static
from pelican.paginator import Page, Paginator
from pelican.plugins import signals
from pelican.urlwrappers import URLWrapper
from pelican.utils import sanitised_join
from pelican.writers import FileOverwriteFailedError

from .core.pipeline import code_version
from .feeds import FeedWriter
from .templates import PLUGIN_TEMPLATES

logger = logging.getLogger(__name__)

MANIFEST_FILE = "briefings-output.pickle"
# Context keys the writer itself changes for every page.
_VOLATILE = frozenset({"localsiteurl", "output_file"})
# Attributes holding an article's body (or what is cut from it): part of the
# page's own key, never of the site-wide one.
_BODY_ATTRS = frozenset({"excerpts"})
# Content attributes that are not the article's: the site settings, the
# body (hashed in the deep fingerprint only).
_NOT_METADATA = frozenset({"settings", "metadata"}) | _BODY_ATTRS
# Lists up to this long are hashed each time rather than remembered.
_SHORT = 16
# URL wrapper attributes hashed by value whether or not they are cached yet.
_WRAPPER_HASHED = frozenset({"name", "slug"})
# Methods whose time `scripts/bench.py` counts as the plugin's own work.
BOOKKEEPING = ("_page_key", "_feed_key", "finish")


def writer_for(pelican_instance):
    """Return the incremental writer class when the content cache is on.

    Otherwise the plugin's feed writer (feeds.py), which the incremental one
    builds on: feeds get their identities either way.
    """
    settings = pelican_instance.settings
    if settings.get("CACHE_CONTENT") or settings.get("LOAD_CONTENT_CACHE"):
        return IncrementalWriter
    return FeedWriter


class Fingerprints:
    """Stable hashes of context values, memoised per build.

    Memoising by object id is sound because the context does not change
    once Pelican starts writing, and every hashed object is kept alive.

    An article has two: *shallow* (its metadata; what other pages may show)
    and *deep* (shallow plus its body; what its own page shows). Inside an
    article's own fingerprint, other articles and URL wrappers appear by
    reference only, so cycles (briefing -> country -> briefings) end.
    """

    def __init__(self):
        self._shallow: dict[int, bytes] = {}
        self._deep: dict[int, bytes] = {}
        self._memo: dict[tuple, bytes] = {}  # (id, by reference, deep) -> hash
        # Keep fingerprinted objects alive, so an id is never reused mid-build.
        self._alive: list[object] = []

    def shallow(self, content: Content) -> bytes:
        key = id(content)
        if key not in self._shallow:
            attrs = {k: v for k, v in vars(content).items()
                     if not k.startswith("_") and k not in _NOT_METADATA}
            # Pelican copies metadata to attributes; hash only what differs.
            missing = object()
            attrs["metadata"] = {k: v for k, v in content.metadata.items()
                                 if attrs.get(k, missing) is not v}
            # A static file has no summary; an article's may be cut from its body.
            # (URL and save_as are not hashed: they follow from the attributes
            # and the settings, which are hashed.)
            summary = None if isinstance(content, Static) else content.summary
            parts = [type(content).__name__, summary, attrs]
            self._shallow[key] = self._hash(parts, by_reference=True)
            self._alive.append(content)
        return self._shallow[key]

    def deep(self, content: Content) -> bytes:
        key = id(content)
        if key not in self._deep:
            body = [getattr(content, "_content", "")]
            body += [getattr(content, name, None) for name in sorted(_BODY_ATTRS)]
            self._deep[key] = hashlib.sha256(
                self.shallow(content) + self._hash(body, by_reference=True)).digest()
        return self._deep[key]

    def value(self, value, deep: bool = False) -> bytes:
        """Return the hash of a context value; articles in it shallow, or deep if asked."""
        return self._hash(value, by_reference=False, deep=deep)

    def _hash(self, value, by_reference: bool, deep: bool = False) -> bytes:
        digest = hashlib.sha256()
        self._feed(digest, value, by_reference, deep, depth=0)
        return digest.digest()

    def _feed(self, digest, value, by_reference, deep, depth) -> None:
        update = digest.update
        if depth > 12:  # deeper than any context value: not worth following
            update(b"<deep>")
            return
        if isinstance(value, str):
            update(b"s%d:" % len(value))
            update(value.encode("utf-8", "surrogatepass"))
        elif value is None or isinstance(value, (bool, int, float, bytes)):
            update(repr(value).encode())
        elif isinstance(value, ModuleType):
            update(f"module:{value.__name__}".encode())
        elif isinstance(value, Content):
            if by_reference:
                update(b"ref:" + (value.source_path or value.save_as or "").encode())
            else:
                update(self.deep(value) if deep else self.shallow(value))
        elif isinstance(value, URLWrapper):
            if by_reference:
                update(f"{type(value).__name__}:{value.name}:{value.slug}".encode())
            else:
                update(self._wrapper(value, deep, depth))
        elif isinstance(value, Page):
            # A listing page's own articles count in full.
            update(f"page:{value.number}:{value.name}:{value.url}".encode())
            for item in value.object_list:
                self._feed(digest, item, by_reference, True, depth + 1)
            self._feed(digest, value.paginator, by_reference, False, depth + 1)
        elif isinstance(value, Paginator):
            update(f"paginator:{value.name}:{value.url}:{value.per_page}:"
                   f"{value.count}:{value.num_pages}".encode())
            update(self._sequence(value.object_list, by_reference, False, depth))
        elif isinstance(value, dict):
            update(b"{")
            items: Iterable[tuple[Any, Any]] = value.items()
            if value and all(isinstance(v, Content) for v in value.values()):
                # Path -> content maps are filled in file-walk order, which
                # Pelican takes from a set: it changes from run to run.
                items = sorted(items, key=lambda item: str(item[0]))
            for key, item in items:
                if key in _VOLATILE:
                    continue
                self._feed(digest, key, by_reference, deep, depth + 1)
                self._feed(digest, item, by_reference, deep, depth + 1)
            update(b"}")
        elif isinstance(value, (list, tuple)):
            update(self._sequence(value, by_reference, deep, depth))
        elif isinstance(value, (set, frozenset)):
            update(b"set" + repr(sorted(map(repr, value))).encode())
        elif isinstance(value, (dt.date, dt.time, dt.timedelta, Path)):
            update(repr(value).encode())
        elif isinstance(value, Template):
            update(f"template:{value.name}".encode())
        elif callable(value) and hasattr(value, "__qualname__"):
            update(f"code:{getattr(value, '__module__', '')}.{value.__qualname__}".encode())
        elif hasattr(value, "__dict__"):
            update(type(value).__qualname__.encode())
            self._feed_attrs(digest, value, by_reference, deep, depth)
        else:
            text = repr(value)
            # A repr with an address changes every run; the type is all we know.
            update((type(value).__qualname__ if " at 0x" in text else text).encode())

    def _sequence(self, items, by_reference, deep, depth) -> bytes:
        """Return a list's hash, once per long list: every page of a tag shares its lists."""
        key = (id(items), by_reference, deep)
        known = self._memo.get(key)
        if known is not None:
            return known
        digest = hashlib.sha256(b"[")
        for item in items:
            self._feed(digest, item, by_reference, deep, depth + 1)
        if len(items) > _SHORT:
            self._memo[key] = digest.digest()
            self._alive.append(items)
        return digest.digest()

    def _wrapper(self, wrapper: URLWrapper, deep, depth) -> bytes:
        """Return a URL wrapper's hash with its attributes, once per wrapper."""
        key = (id(wrapper), False, deep)
        if key not in self._memo:
            digest = hashlib.sha256(
                f"{type(wrapper).__name__}:{wrapper.name}:{wrapper.slug}".encode())
            self._feed_attrs(digest, wrapper, False, deep, depth)
            self._memo[key] = digest.digest()
            self._alive.append(wrapper)
        return self._memo[key]

    def _feed_attrs(self, digest, value, by_reference, deep, depth) -> None:
        # A URL wrapper caches its name and slug in attributes on first use,
        # so which of them exist depends on what ran before; they are hashed
        # already, by value.
        wrapper = isinstance(value, URLWrapper)
        attrs = {k: v for k, v in vars(value).items() if k != "settings" and not (
            wrapper and (k.startswith("_") or k in _WRAPPER_HASHED))}
        self._feed(digest, attrs, by_reference, deep, depth + 1)


def _template_files(settings) -> list[Path]:
    """Return every template file a page may be rendered from."""
    folders = [Path(settings["THEME"]) / "templates", PLUGIN_TEMPLATES,
               Path(pelican.__file__).parent / "themes" / "simple" / "templates"]
    folders += [Path(p) for p in settings.get("THEME_TEMPLATES_OVERRIDES", [])]
    return sorted(p for folder in folders if folder.is_dir()
                  for p in folder.rglob("*") if p.is_file())


def templates_digest(settings) -> bytes:
    """Return a hash of all template files, Pelican's version and the plugin's code."""
    digest = hashlib.sha256(f"{pelican.__version__}\0{code_version()}".encode())
    for path in _template_files(settings):
        digest.update(str(path).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.digest()


class BodyWatch:
    """Note whose bodies a template reads while one page renders.

    Pelican's ``Content.get_content`` is wrapped only for the duration of one
    ``render`` (and restored even if it fails). Bodies read to make an
    automatic summary do not count: a summary is metadata, in every key.
    """

    def __init__(self):
        self.read: dict[int, Content] = {}  # id -> article whose body was read
        self._in_summary = 0
        self._saved: dict[str, object] = {}

    def __enter__(self) -> BodyWatch:
        watch = self
        self._saved = {name: Content.__dict__[name] for name in ("get_content", "get_summary")}
        get_content = self._saved["get_content"]
        get_summary = self._saved["get_summary"]

        def watched_content(article, *args, **kwargs):
            if not watch._in_summary:
                watch.read.setdefault(id(article), article)
            return get_content.__get__(article, type(article))(*args, **kwargs)

        def watched_summary(article, *args, **kwargs):
            watch._in_summary += 1
            try:
                return get_summary.__get__(article, type(article))(*args, **kwargs)
            finally:
                watch._in_summary -= 1

        setattr(Content, "get_content", watched_content)  # noqa: B010 (restored on exit)
        setattr(Content, "get_summary", watched_summary)  # noqa: B010
        return self

    def __exit__(self, *exc) -> None:
        for name, original in self._saved.items():
            setattr(Content, name, original)


def _own_articles(localcontext: dict) -> set[int]:
    """Return the ids of the articles whose bodies are in a page's key (see _page_key)."""
    own = set()
    for value in localcontext.values():
        if isinstance(value, Content):
            own.add(id(value))
        elif isinstance(value, Page):
            own.update(id(item) for item in value.object_list)
    return own


class IncrementalWriter(FeedWriter):
    """Pelican's writer, minus the rendering of pages whose inputs are unchanged."""

    def __init__(self, output_path, settings=None):
        super().__init__(output_path, settings)
        settings = self.settings
        self.manifest_path = Path(settings.get("CACHE_PATH", "cache")) / MANIFEST_FILE
        self.saving = bool(settings.get("CACHE_CONTENT"))
        self.previous, self.previous_foreign = (
            self._load() if settings.get("LOAD_CONTENT_CACHE") else ({}, set()))
        self.current: dict[str, tuple] = {}  # output file -> (key, size, mtime_ns)
        # Pages whose template read another article's body: never skipped.
        self.foreign: dict[str, str] = {}  # output file -> the other article's source
        self.unchanged: set[str] = set()  # output files this build left as they were
        self.fingerprints = Fingerprints()
        self.templates = templates_digest(settings)
        self.started = time.time()
        self._site: tuple[dict, bytes] | None = None
        self._finished = False
        # A bound method: blinker holds it weakly, so it goes with this writer.
        signals.finalized.connect(self.finish)

    # --- keys -------------------------------------------------------------

    def _site_digest(self, context: dict) -> bytes:
        """Return the site-wide context's hash (the first context written with).

        Pelican fills the context before any output, so the first one a
        generator writes with is the site's; a snapshot of its entries tells
        a page's own entries (its article, its SITEURL, ...) from the site's.
        """
        if self._site is None:
            self._site = (dict(context), self.fingerprints.value(context))
        return self._site[1]

    def _page_key(self, template, localcontext: dict) -> bytes:
        assert self._site is not None, "write_file takes the site's digest first"
        site, site_digest = self._site
        missing = object()
        digest = hashlib.sha256(self.templates + site_digest)
        digest.update(f"page\0{template.name}\0".encode())
        for key, value in localcontext.items():
            if key in _VOLATILE or site.get(key, missing) is value:
                continue
            digest.update(repr(key).encode())
            # The page's own article counts with its body; lists by metadata
            # (a listing Page counts its own articles with their bodies).
            digest.update(self.fingerprints.deep(value) if isinstance(value, Content)
                          else self.fingerprints.value(value))
        return digest.digest()

    def _feed_key(self, elements, context, path, url, feed_type, feed_title) -> bytes:
        digest = hashlib.sha256(self.templates + self._site_digest(context))
        digest.update(repr((path, url, feed_type, feed_title)).encode())
        items = elements[: self.settings["FEED_MAX_ITEMS"]]
        digest.update(self.fingerprints.value(list(items), deep=True))
        return digest.digest()

    def _is_current(self, path: str, key: bytes) -> bool:
        """Return whether ``path`` is on disk exactly as the last build left it for ``key``."""
        before = self.previous.get(path)
        if before is None or before[0] != key:
            return False
        try:
            stat = os.stat(path)
        except OSError:
            return False
        return (stat.st_size, stat.st_mtime_ns) == before[1:]

    # --- Pelican's writer, keyed -------------------------------------------

    def write_file(self, name, template, context, *args, **kwargs):
        """Write a page (or a paginated list) as Pelican does, rendering only changed pages."""
        self._site_digest(context)
        return super().write_file(name, _KeyedTemplate(self, template), context,
                                  *args, **kwargs)

    def render(self, template, localcontext: dict) -> str:
        """Render a page unless its key and file are unchanged; then return ''."""
        path = sanitised_join(self.output_path, localcontext["output_file"])
        key = self._page_key(template, localcontext)
        self.current[path] = (key,)
        if path not in self.previous_foreign and self._is_current(path, key):
            self.unchanged.add(path)
            return ""
        with BodyWatch() as watch:
            html = template.render(localcontext)
        own = _own_articles(localcontext)
        foreign = [article for key_, article in watch.read.items() if key_ not in own]
        if foreign:
            self.foreign[path] = foreign[0].source_path or foreign[0].save_as or "?"
        return html

    def _write_failed(self, path: str) -> None:
        # An old copy of the page may still be there: never take it as current.
        self.current.pop(path, None)

    def write_feed(self, elements, context, path=None, url=None, feed_type="atom",
                   override_output=False, feed_title=None):
        """Write a feed as Pelican does, unless its items and settings are unchanged."""
        listened = bool(signals.feed_generated.receivers or signals.feed_written.receivers)
        if not path or listened:
            return super().write_feed(elements, context, path, url, feed_type,
                                      override_output, feed_title)
        complete = sanitised_join(self.output_path, path)
        # Keyed by what the feed carries (a reports-only feed has no briefings).
        elements = self.feed_elements(elements, context, path)
        key = self._feed_key(elements, context, path, url, feed_type, feed_title)
        self.current[complete] = (key,)
        if self._is_current(complete, key):
            self.unchanged.add(complete)
            self._open_w(complete, "utf-8", override_output).close()
            return None
        return super().write_feed(elements, context, path, url, feed_type,
                                  override_output, feed_title)

    def _open_w(self, filename, encoding, override=False):
        """Open ``filename`` as Pelican does; an unchanged file gets a null sink instead."""
        if filename not in self.unchanged:
            return super()._open_w(filename, encoding, override)
        # Pelican's overwrite bookkeeping, without truncating the file.
        if filename in self._overridden_files:
            if override:
                raise FileOverwriteFailedError(
                    f'Failed to overwrite "{filename}" a second time '
                    "(was previously overwritten)")
        elif filename in self._written_files and not override:
            raise FileOverwriteFailedError(
                f'Failed to overwrite "{filename}" as Pelican has already '
                "written to it previously (set `override=True` if intended)")
        if override:
            self._overridden_files.add(filename)
        self._written_files.add(filename)
        return open(os.devnull, "w", encoding=encoding)

    # --- end of build -------------------------------------------------------

    def finish(self, pelican_instance) -> None:
        """Remove files only the last build wrote, and save this build's keys."""
        if self._finished or os.path.realpath(pelican_instance.output_path) != \
                os.path.realpath(self.output_path):
            return
        self._finished = True
        removed = self._remove_stale()
        rendered = len(self.current) - len(self.unchanged)
        logger.info("briefings: rendered %d pages and feeds, %d unchanged, %d removed",
                    rendered, len(self.unchanged), removed)
        self._report_foreign()
        if not self.saving:
            return
        manifest = {}
        for path, (key,) in self.current.items():
            try:
                stat = os.stat(path)
            except OSError:
                continue
            manifest[path] = (key, stat.st_size, stat.st_mtime_ns)
        self.manifest_path.parent.mkdir(parents=True, exist_ok=True)
        partial = self.manifest_path.with_suffix(".tmp")
        with open(partial, "wb") as stream:
            pickle.dump({"output": os.path.realpath(self.output_path),
                         "files": manifest, "foreign": sorted(self.foreign)},
                        stream, protocol=pickle.HIGHEST_PROTOCOL)
        partial.replace(self.manifest_path)

    def _remove_stale(self) -> int:
        """Delete files the last build wrote that this build did not (a deleted report's)."""
        removed = 0
        root = os.path.realpath(self.output_path)
        for path in set(self.previous) - set(self.current):
            real = os.path.realpath(path)
            try:
                # Only our own old files: inside output/, untouched by this build.
                if os.path.commonpath([real, root]) != root or \
                        os.stat(real).st_mtime >= self.started:
                    continue
                os.remove(real)
            except (OSError, ValueError):
                continue
            removed += 1
            _remove_empty_folders(os.path.dirname(real), root)
        return removed

    def _report_foreign(self) -> None:
        """Say which pages break the contract (once: a warning when first seen)."""
        new = sorted(set(self.foreign) - self.previous_foreign)
        if new:
            logger.warning(
                "briefings: %d page(s) show the body of an article that is not their own "
                "(%s shows %s); the incremental writer renders them on every build "
                "(a page may show only other articles' metadata: see incremental.py)",
                len(new), os.path.relpath(new[0], self.output_path), self.foreign[new[0]])
        elif self.foreign:
            logger.info("briefings: %d page(s) show other articles' bodies; rendered on "
                        "every build", len(self.foreign))

    def _load(self) -> tuple[dict[str, tuple], set[str]]:
        try:
            with open(self.manifest_path, "rb") as stream:
                manifest = pickle.load(stream)
        except FileNotFoundError:
            return {}, set()
        except Exception as error:  # a damaged manifest only costs a full render
            logger.warning("briefings: cannot read %s (%s); rendering every page",
                           self.manifest_path, error)
            return {}, set()
        if manifest.get("output") != os.path.realpath(self.output_path):
            return {}, set()
        return manifest["files"], set(manifest.get("foreign", ()))


class _KeyedTemplate:
    """A template whose ``render`` asks the writer first."""

    def __init__(self, writer: IncrementalWriter, template):
        self.writer = writer
        self.template = template
        self.name = template.name

    def render(self, localcontext: dict) -> str:
        return self.writer.render(self.template, localcontext)


def _remove_empty_folders(folder: str, root: str) -> None:
    """Remove ``folder`` and its parents up to ``root`` while they are empty."""
    while folder != root and folder.startswith(root):
        try:
            os.rmdir(folder)
        except OSError:
            return
        folder = os.path.dirname(folder)


# --- Pelican's taxonomy pages at scale ------------------------------------------

class MemberList(list):
    """A list of articles whose ``in`` takes constant time.

    Pelican 4.12 writes each tag, category and author page after
    ``dates = [a for a in self.dates if a in articles]``: a list scan per
    article per term, quadratic in the site's size. Articles compare by
    identity (Content defines no ``__eq__``), so a set of ids answers the
    same question. Pelican does not change these lists once they are built.
    """

    def __contains__(self, item) -> bool:
        members = self.__dict__.get("_members")
        if members is None:
            members = self._members = {id(article) for article in self}
        return id(item) in members


def index_taxonomy_lists(generator) -> None:
    """Give the articles generator's tag, category and author lists a fast ``in``."""
    generator.tags = {tag: MemberList(articles) for tag, articles in generator.tags.items()}
    generator.categories = [(c, MemberList(articles)) for c, articles in generator.categories]
    generator.authors = [(a, MemberList(articles)) for a, articles in generator.authors]
    # Pelican published these to the context as lists of pairs; keep them in step.
    generator._update_context(("tags", "categories", "authors"))
