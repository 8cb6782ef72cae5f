"""Keep one bad report from breaking the build or escaping output/.

Pelican adapter. Pelican stops the whole build when two articles write the
same file, and refuses (with an exception) to write outside OUTPUT_PATH. Both
come from editor mistakes in one file, so they are caught here, per article,
with a message naming the file, and the article is moved to a safe, unique
path instead.
"""

from __future__ import annotations

import logging
import os

from pelican.utils import slugify

logger = logging.getLogger(__name__)


def _inside(root: str, save_as: str) -> bool:
    return os.path.abspath(os.path.join(root, save_as)).startswith(root + os.sep)


def _reslug(article, slug: str) -> None:
    article.slug = slug
    for attribute in ("override_save_as", "override_url"):
        if hasattr(article, attribute):
            delattr(article, attribute)


def _safe_slug(article) -> str:
    settings = article.settings
    return slugify(
        str(article.slug),
        regex_subs=settings.get("SLUG_REGEX_SUBSTITUTIONS", []),
        use_unicode=settings.get("SLUGIFY_USE_UNICODE", False),
    ) or "report"


def guard_output_paths(articles, output_path: str) -> None:
    """Give every article a save_as inside ``output_path`` that no other has."""
    root = os.path.abspath(output_path)
    taken: dict[str, str] = {}
    for article in sorted(articles, key=lambda a: a.source_path or ""):
        path = article.relative_source_path
        save_as = article.save_as  # Pelican formats it from settings on every read
        if not _inside(root, save_as):
            logger.warning("briefings: %s: its slug or save_as %r points outside the "
                           "output folder; using a safe slug instead", path, save_as)
            _reslug(article, _safe_slug(article))
            save_as = article.save_as
        if save_as in taken:
            base, n = _safe_slug(article), 2
            original = save_as
            while save_as in taken:
                _reslug(article, f"{base}-{n}")
                save_as = article.save_as
                n += 1
            logger.warning("briefings: %s would be written to %s like %s; published at "
                           "%s instead", path, original, taken[original], save_as)
        taken[save_as] = path
