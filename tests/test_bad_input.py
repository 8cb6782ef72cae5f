"""Bad input: a clear message naming the file and the problem, nothing else lost.

Each case builds the seed plus one broken report and checks the message and
that the seed's five briefings are still there, intact.
"""

import logging

import pytest
from sitebuild import build_site, copy_content, excerpt_texts, soup

SEED = "ashgabat-2025-12-12"
PARTNERS = ["russia", "turkmenistan", "pakistan", "iraq", "myanmar"]


def build_with(tmp_path, reports, caplog, **overrides):
    caplog.set_level(logging.WARNING)
    content = copy_content(tmp_path / "content", reports)
    return build_site(content, tmp_path / "output", **overrides)


def assert_seed_intact(output):
    for country in PARTNERS:
        page = output / "briefings" / SEED / country / "index.html"
        assert page.is_file(), country
        assert excerpt_texts(soup(page))


def messages(caplog):
    return "\n".join(r.getMessage() for r in caplog.records)


GOOD_HEAD = "Title: Talks in Doha\nDate: 2026-02-01\n"


@pytest.mark.parametrize("name, text, expected", [
    ("silent.md", GOOD_HEAD + "Countries: Oman\n\nThe weather was fine and the talks went on.\n",
     ["silent.md", "no paragraph is about Oman"]),
    ("typo.md", GOOD_HEAD + "Countries: Turkmenstan, Iraq\n\nIraqi officials met.\n",
     ["typo.md", "Turkmenstan", "did you mean Turkmenistan?"]),
    ("empty.md", GOOD_HEAD + "Countries: Iraq\n\n", ["empty.md", "no paragraphs"]),
    ("notitle.md", "Date: 2026-02-01\nCountries: Iraq\n\nIraqi officials met.\n",
     ["notitle.md", "title"]),
    ("baddate.md", "Title: X\nDate: the day after tomorrow\nCountries: Iraq\n\nIraqi officials met.\n",
     ["baddate.md", "the day after tomorrow"]),
])
def test_bad_report_gets_a_message_and_the_rest_builds(tmp_path, caplog, name, text, expected):
    output = build_with(tmp_path, {name: text}, caplog)
    log = messages(caplog)
    for fragment in expected:
        assert fragment in log, log
    assert "Traceback" not in caplog.text
    assert_seed_intact(output)


def test_invalid_utf8_is_named(tmp_path, caplog):
    content = copy_content(tmp_path / "content")
    (content / "reports" / "latin1.md").write_bytes(
        GOOD_HEAD.encode() + b"Countries: Iraq\n\nIraqi minister Jos\xe9 met.\n")
    caplog.set_level(logging.WARNING)
    output = build_site(content, tmp_path / "output")
    assert "latin1.md" in messages(caplog) and "UTF-8" in messages(caplog)
    assert_seed_intact(output)


def test_two_reports_with_one_slug_both_survive(tmp_path, caplog):
    text = GOOD_HEAD + "Slug: same\nCountries: Iraq\n\nIraqi officials met in Basra.\n"
    output = build_with(tmp_path, {"a.md": text, "b.md": text.replace("Basra", "Baghdad")},
                        caplog)
    assert "b.md" in messages(caplog)
    assert (output / "reports" / "same" / "index.html").is_file()
    assert (output / "reports" / "same-2" / "index.html").is_file()
    assert_seed_intact(output)


def test_briefings_that_would_share_a_path_are_kept_apart(tmp_path, caplog):
    other = GOOD_HEAD + "Countries: Russia\n\nRussian officials met.\n"
    output = build_with(tmp_path, {"other.md": other}, caplog,
                        BRIEFING_URL="briefings/{country_slug}/",
                        BRIEFING_SAVE_AS="briefings/{country_slug}/index.html")
    assert "would be written to" in messages(caplog)
    pages = list((output).rglob("index.html"))
    russian = [p for p in pages if "Russian officials met" in p.read_text("utf-8")
               and "briefing" in p.read_text("utf-8")]
    assert russian


def test_slug_cannot_escape_the_output_folder(tmp_path, caplog):
    text = GOOD_HEAD + "Slug: ../../escaped\nCountries: Iraq\n\nIraqi officials met.\n"
    output = build_with(tmp_path, {"evil.md": text}, caplog)
    assert "evil.md" in messages(caplog) and "outside output path" in messages(caplog)
    assert not (tmp_path.parent / "escaped").exists()
    assert not any(p for p in tmp_path.rglob("escaped") if output not in p.parents)
    assert_seed_intact(output)


def test_raw_html_is_sanitized_in_briefings_reports_and_feeds(tmp_path, caplog):
    text = (GOOD_HEAD + "Countries: Iraq\n\n"
            'Iraqi officials met <a href="javascript:alert(1)">here</a>.'
            '<script>alert(1)</script>\n\n'
            '<p onclick="alert(2)">Iraq also signed <img src="x" onerror="alert(3)"> deals.</p>\n')
    output = build_with(tmp_path, {"xss.md": text}, caplog)
    for path in list(output.rglob("*.html")) + list(output.rglob("*.xml")):
        body = path.read_text("utf-8").lower()
        for bad in ("<script>alert", "javascript:", "onclick", "onerror"):
            assert bad not in body, f"{bad} in {path}"
    assert (output / "briefings" / "xss" / "iraq" / "index.html").is_file()


def test_sixty_countries_warns_but_builds(tmp_path, caplog):
    from pelican.plugins.briefings.core.gazetteer import Gazetteer
    names = [c.name for c in Gazetteer.default().countries[:60]]
    body = "\n\n".join(f"{n} signed the declaration." for n in names)
    text = GOOD_HEAD + "Countries: " + ", ".join(names) + "\n\n" + body + "\n"
    output = build_with(tmp_path, {"many.md": text}, caplog)
    assert "many.md" in messages(caplog) and "60 countries" in messages(caplog)
    assert len(list((output / "briefings" / "many").iterdir())) == 60


def test_a_five_megabyte_report_builds(tmp_path, caplog):
    paragraph = ("Iraqi and Omani officials reviewed trade, transport and energy links "
                 "in Basra on Monday, and both sides agreed to meet again. ") * 4
    body = "\n\n".join([paragraph] * (5_000_000 // len(paragraph) + 1))
    text = GOOD_HEAD + "Countries: Iraq, Oman\n\n" + body + "\n"
    output = build_with(tmp_path, {"huge.md": text}, caplog)
    page = output / "briefings" / "huge" / "oman" / "index.html"
    assert page.stat().st_size > 4_000_000
    assert_seed_intact(output)


@pytest.mark.parametrize("setting, value, fragment", [
    ("BRIEFING_COUNTRIES", "Russia", "BRIEFING_COUNTRIES must be a list"),
    ("BRIEFING_COUNTRIES", ["Russia", "Narnia"], "BRIEFING_COUNTRIES: unknown country 'Narnia'"),
    ("BRIEFING_ALIASES_FILE", "no-such-file.toml", "BRIEFING_ALIASES_FILE"),
    ("BRIEFING_TOPICS", 42, "BRIEFING_TOPICS"),
])
def test_a_wrong_setting_stops_the_build_naming_it(tmp_path, caplog, setting, value, fragment):
    caplog.set_level(logging.WARNING)
    with pytest.raises(SystemExit):
        build_site(copy_content(tmp_path / "content"), tmp_path / "output", **{setting: value})
    assert fragment in messages(caplog)
    assert not (tmp_path / "output" / "briefings").exists()


def test_an_alias_file_that_does_not_parse_stops_the_build(tmp_path, caplog):
    aliases = tmp_path / "aliases.toml"
    aliases.write_text('[aliases]\n"Putin = Russia\n', encoding="utf-8")
    caplog.set_level(logging.WARNING)
    with pytest.raises(SystemExit):
        build_site(copy_content(tmp_path / "content"), tmp_path / "output",
                   BRIEFING_ALIASES_FILE=str(aliases))
    assert "BRIEFING_ALIASES_FILE" in messages(caplog) and "does not parse" in messages(caplog)


def test_several_wrong_settings_stop_the_build_with_one_message(tmp_path, caplog):
    caplog.set_level(logging.WARNING)
    with pytest.raises(SystemExit):
        build_site(copy_content(tmp_path / "content"), tmp_path / "output",
                   COUNTRY_FEED_ATOM=None, BRIEFING_TITLE="{country.__class__}",
                   BRIEFING_CONTEXT="yes")
    critical = [r.getMessage() for r in caplog.records if r.levelno >= logging.CRITICAL]
    assert len(critical) == 1
    for name in ("COUNTRY_FEED_ATOM", "BRIEFING_TITLE", "BRIEFING_CONTEXT"):
        assert name in critical[0]
    assert "Traceback" not in caplog.text and not (tmp_path / "output").exists()


@pytest.mark.parametrize("make, fragment", [
    (lambda d: (d / "latin1.md").write_bytes(b"Title: X\n\nJos\xe9 met.\n") and d / "latin1.md",
     "latin1.md: is not valid UTF-8 (byte 0xe9"),
    (lambda d: d, "is a folder; give one report file"),
    (lambda d: d / "missing.md", "missing.md: no such file"),
])
def test_invoke_split_says_what_is_wrong_in_one_line(tmp_path, make, fragment):
    import subprocess
    import sys

    from sitebuild import ROOT
    path = make(tmp_path)
    done = subprocess.run([sys.executable, "-m", "invoke", "split", str(path)], cwd=ROOT,
                          capture_output=True, text=True)
    assert done.returncode != 0
    assert "Traceback" not in done.stderr + done.stdout
    assert done.stderr.strip().count("\n") == 0 and fragment in done.stderr
