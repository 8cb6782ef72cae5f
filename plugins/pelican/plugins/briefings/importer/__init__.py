"""Turn a report as it reaches the desk into a Pelican Markdown report.

``invoke import FILE`` (see ``cli.py``): plain text shaped like the seed
(``plaintext.py``) or a saved web page (``webpage.py``, with trafilatura)
becomes a :class:`~.document.Document` (headline, dated metadata, blocks of
the reporter's own words, and the furniture dropped on the way), which
``markdown.py`` writes out with every Markdown-special character escaped, so
the rendered text equals the source. ``store.py`` names the file and refuses
to overwrite or to import a story twice; ``proposal.py`` asks the splitter
which countries the report covers.

This package runs only at import time, never during a build: it may import
Pelican (for its Markdown reader and slugify), and the web-page extractor is
an optional dependency (``pelican-briefings[import]``).
"""
