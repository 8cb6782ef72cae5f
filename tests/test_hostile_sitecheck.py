"""`invoke check` finds active content anywhere in output/, and allows only the site's own."""

from __future__ import annotations

from pathlib import Path

from sitecheck.safety import check_folder, unsafe_url

PAGE = "<!doctype html><html><head><title>t</title>{head}</head><body>{body}</body></html>"


def page(folder: Path, name: str, head: str = "", body: str = "") -> None:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(PAGE.format(head=head, body=body), encoding="utf-8")


def messages(folder: Path) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for problem in check_folder(folder):
        found.setdefault(problem.path, []).append(problem.message)
    return found


def test_planted_active_content_is_found_everywhere(tmp_path):
    page(tmp_path, "inline.html", body="<p>x</p><script>alert(1)</script>")
    page(tmp_path, "handler.html", body='<img src="a.png" onerror="alert(1)">')
    page(tmp_path, "link.html", body='<a href=" jav&#x61;script:alert(1)">x</a>')
    page(tmp_path, "remote.html", head='<script src="https://evil.test/x.js"></script>')
    page(tmp_path, "local.html", head='<script src="../reports/x.js"></script>')
    (tmp_path / "feeds").mkdir()
    (tmp_path / "feeds" / "all.atom.xml").write_text(
        '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><entry>'
        '<content type="html">&lt;p onclick="x()"&gt;hi&lt;/p&gt;</content></entry></feed>',
        encoding="utf-8")
    (tmp_path / "feeds" / "broken.rss.xml").write_text("<rss><channel>&#1;<", "utf-8")
    found = messages(tmp_path)
    assert "inline <script>" in found["inline.html"][0]
    assert "onerror" in found["handler.html"][0]
    assert "javascript: URL" in found["link.html"][0]
    assert "loads a script from elsewhere" in found["remote.html"][0]
    assert "not one of the site's own script files" in found["local.html"][0]
    assert "onclick" in found["feeds/all.atom.xml"][0]
    assert "feeds/broken.rss.xml" in found


def test_the_sites_own_scripts_and_structured_data_pass(tmp_path):
    page(tmp_path, "reports/x/index.html",
         head='<script type="application/ld+json">{"@type": "NewsArticle"}</script>'
              '<script src="../../pagefind/pagefind-ui.js"></script>'
              '<script src="/theme/js/site.js" defer></script>',
         body='<p>Talk of onions = good; see <a href="https://example.org/">this</a>.</p>')
    assert check_folder(tmp_path) == []
    page(tmp_path, "index.html", head='<script src="https://b.test/theme/js/a.js"></script>')
    assert check_folder(tmp_path, site_url="https://b.test") == []
    assert check_folder(tmp_path) != []


def test_unsafe_urls():
    assert unsafe_url("javascript:alert(1)")
    assert unsafe_url(" JaVa\tScRiPt:alert(1)")
    assert unsafe_url("data:text/html,<script>")
    assert not unsafe_url("https://example.org/javascript:")
    assert not unsafe_url("../reports/javascript-lessons/")
