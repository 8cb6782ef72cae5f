"""Split multi-country reports into per-country briefings, hubs and feeds.

Install with ``pip install pelican-briefings`` and load with
``PLUGINS = ["briefings"]`` (see README.md). ``core/`` never imports Pelican;
the other modules are the Pelican side, imported only when Pelican
registers the plugin.
"""

# The distribution's version: pyproject.toml reads it from here (hatch).
__version__ = "1.0.0"


def register():
    """Connect the plugin to Pelican's signals."""
    from pelican import signals

    from .guards import guard_pages
    from .handlers import (
        configure,
        freeze_report_urls,
        get_generators,
        prepare_templates,
        sanitize_content,
        split_reports,
        start_splitting,
    )
    from .incremental import index_taxonomy_lists, writer_for
    from .readers import explain_read_errors
    from .strays import read_only_markdown_reports

    signals.initialized.connect(configure)
    signals.readers_init.connect(explain_read_errors)
    signals.article_generator_init.connect(start_splitting)
    signals.article_generator_init.connect(read_only_markdown_reports)
    signals.generator_init.connect(prepare_templates)
    signals.content_object_init.connect(sanitize_content)
    signals.article_generator_pretaxonomy.connect(split_reports)
    signals.page_generator_finalized.connect(guard_pages)
    signals.get_generators.connect(get_generators)
    signals.get_writer.connect(writer_for)
    signals.article_generator_finalized.connect(index_taxonomy_lists)
    signals.article_generator_finalized.connect(freeze_report_urls)
