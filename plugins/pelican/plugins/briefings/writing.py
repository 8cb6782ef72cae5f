"""One article or page that cannot be written costs that page, not the build.

Pelican adapter. Pelican stops the whole build, with a traceback, at the
first exception raised while it writes an article or page (a template that
trips on one article's metadata, a filter given a value it cannot take), so
every page after it is missing and the editor reads a stack of frames.
:class:`GuardedWrites` (a base of the plugin's writers) catches it for that
one page, logs an error naming the source file, the page and the problem
(and the template line), and writes the rest; once the build is done it
names every page it could not write and exits non-zero, so no script or
workflow takes an incomplete site for a good one.

Under ``pelican --autoreload`` it does not exit: like Pelican's own errors
there, the message is shown and the next change rebuilds.
"""

from __future__ import annotations

import logging
import os
import sys
from types import FrameType

from pelican import signals
from pelican.utils import sanitised_join

logger = logging.getLogger(__name__)

# The exit status of a build that left pages unwritten (Pelican's own for errors).
EXIT_STATUS = 1


def _where_in_template(error: BaseException) -> str:
    """Return ", in <template> line N" for the template frame nearest the error."""
    found = ""
    tb = error.__traceback__
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        # Jinja gives a template's code the template's own file name.
        if filename.endswith((".html", ".xml", ".j2", ".jinja")):
            found = f", in {filename} line {tb.tb_lineno}"
        tb = tb.tb_next
    return found


def _in_autoreload() -> bool:
    """Tell whether Pelican's autoreload loop runs this build (it rebuilds on change)."""
    frame: FrameType | None = sys._getframe(1)
    while frame is not None:
        if frame.f_code.co_name == "autoreload" and \
                frame.f_globals.get("__name__") == "pelican":
            return True
        frame = frame.f_back
    return False


class GuardedWrites:
    """Writer base: an exception writing one article or page skips that page only."""

    output_path: str
    _unwritten: list[str] | None = None

    def write_file(self, name, template, context, *args, **kwargs):
        content = kwargs.get("article") or kwargs.get("page")
        if content is None:  # an index or taxonomy page: Pelican's behaviour
            return super().write_file(name, template, context, *args,  # type: ignore[misc]
                                      **kwargs)
        try:
            return super().write_file(name, template, context, *args,  # type: ignore[misc]
                                      **kwargs)
        except Exception as error:  # noqa: BLE001 (any failure is this page's alone)
            source = getattr(content, "relative_source_path", None) or \
                getattr(content, "source_path", None) or name
            problem = f"{type(error).__name__}: {error}{_where_in_template(error)}"
            if self._unwritten is None:
                self._unwritten = []
                # Connected now, after every other receiver (the incremental
                # writer's bookkeeping, other plugins): exiting comes last.
                signals.finalized.connect(self._end_of_build)
            self._unwritten.append(f"{source} ({name})")
            self._write_failed(sanitised_join(self.output_path, name))
            logger.error("briefings: %s: its page %s could not be written (%s); the "
                         "other pages are written", source, name, problem)
            return None

    def _write_failed(self, path: str) -> None:
        """Forget what a failed write was to produce (the incremental writer's keys)."""

    def _end_of_build(self, pelican_instance) -> None:
        if not self._unwritten or os.path.realpath(pelican_instance.output_path) != \
                os.path.realpath(self.output_path):
            return
        unwritten, self._unwritten = self._unwritten, []
        logger.critical("briefings: the site is incomplete: %d page(s) could not be "
                        "written: %s", len(unwritten), "; ".join(unwritten))
        if not _in_autoreload():
            # SystemExit, not an exception: Pelican would add a traceback.
            raise SystemExit(EXIT_STATUS)
