"""Each build keeps its own state: no module-level state shared between signal handlers.

Two builds whose articles generators exist at once (an autoreload that starts
again, tests or tools building several sites in one process) each split their
own reports as they are read, and neither disturbs the other.
"""

from sitebuild import ROOT, SITEURL, copy_content

from pelican import Pelican
from pelican.generators import ArticlesGenerator
from pelican.plugins.briefings import handlers
from pelican.plugins.briefings.splitter import ReportSplitter
from pelican.settings import read_settings


def _generator(base):
    settings = read_settings(str(ROOT / "pelicanconf.py"), override={
        "PATH": str(copy_content(base / "content")), "OUTPUT_PATH": str(base / "output"),
        "CACHE_CONTENT": False, "LOAD_CONTENT_CACHE": False, "SITEURL": SITEURL,
        "BRIEFING_WORKERS": 1})
    pelican = Pelican(settings)  # registers the plugin, sends `initialized`
    context = {**settings, "generated_content": {}, "static_links": set(),
               "static_content": {}, "localsiteurl": SITEURL}
    return ArticlesGenerator(context=context, settings=settings, path=pelican.path,
                             theme=pelican.theme, output_path=pelican.output_path)


def test_two_builds_at_once_each_split_their_reports_as_read(tmp_path, monkeypatch):
    read = []
    original = ReportSplitter.report_read
    monkeypatch.setattr(ReportSplitter, "report_read",
                        lambda self, article: (read.append((self.generator, article.slug)),
                                               original(self, article)))
    first = _generator(tmp_path / "first")
    second = _generator(tmp_path / "second")  # made before the first reads anything
    assert not [v for v in vars(handlers).values() if isinstance(v, ReportSplitter)]
    for generator in (first, second):
        generator.generate_context()
        # Every report was handed to this build's own splitter while it was read.
        assert (generator, "ashgabat-2025-12-12") in read
        briefings = [a for a in generator.articles if a.briefing_role == "briefing"]
        assert len(briefings) == 5
        assert all(b.settings is generator.settings for b in briefings)
        assert not hasattr(generator, handlers.SPLITTER_ATTR)  # gone once split
