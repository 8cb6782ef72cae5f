"""Tasks for editors and maintainers: `invoke --list` shows them all.

The site tasks are the ones `pelican-quickstart` generates (build, serve, ...);
the rest run the project's own tools, each kept in its own module.
"""

import os
import shlex
import shutil
import sys

from invoke import task

from pelican import main as pelican_main
from pelican.server import ComplexHTTPRequestHandler, RootedHTTPServer
from pelican.settings import DEFAULT_CONFIG, get_settings_from_file

SETTINGS_FILE_BASE = "pelicanconf.py"
SETTINGS = {**DEFAULT_CONFIG, **get_settings_from_file(SETTINGS_FILE_BASE)}

CONFIG = {
    "settings_base": SETTINGS_FILE_BASE,
    "settings_publish": "publishconf.py",
    "deploy_path": SETTINGS["OUTPUT_PATH"],
    "github_pages_branch": "gh-pages",
    "commit_message": "Publish site",
    # `serve` listens on loopback only.
    "host": "127.0.0.1",
    "port": 8000,
}


def pelican_run(cmd):
    """Run Pelican in this process with a shell-style argument string."""
    pelican_main(shlex.split(cmd))


def index_search(output=CONFIG["deploy_path"]):
    """Index the built site for the header's search box (Pagefind, into output/pagefind/).

    Pagefind reads the finished HTML, so it runs after every build; the
    `pagefind` package from requirements.txt carries the binary (no download).
    """
    import subprocess

    result = subprocess.run([sys.executable, "-m", "pagefind", "--site", str(output), "--quiet"],
                            check=False)
    if result.returncode:
        sys.exit(f"invoke: Pagefind could not index {output} (exit {result.returncode}); "
                 "is `pagefind[bin]` installed (pip install -r requirements.txt)?")


@task
def clean(c):
    """Remove generated files."""
    if os.path.isdir(CONFIG["deploy_path"]):
        shutil.rmtree(CONFIG["deploy_path"])
        os.makedirs(CONFIG["deploy_path"])


@task
def build(c):
    """Build the local version of the site, with its search index."""
    pelican_run("-s {settings_base}".format(**CONFIG))
    index_search()


@task
def rebuild(c):
    """`build` with the delete switch."""
    pelican_run("-d -s {settings_base}".format(**CONFIG))
    index_search()


@task
def regenerate(c):
    """Regenerate the site whenever a file changes."""
    pelican_run("-r -s {settings_base}".format(**CONFIG))


@task
def serve(c, port=CONFIG["port"]):
    """Serve output/ at http://127.0.0.1:8000/ (loopback only)."""

    class AddressReuseTCPServer(RootedHTTPServer):
        allow_reuse_address = True

    server = AddressReuseTCPServer(
        CONFIG["deploy_path"], (CONFIG["host"], int(port)), ComplexHTTPRequestHandler
    )
    sys.stderr.write(f"Serving at http://{CONFIG['host']}:{port}/ ...\n")
    server.serve_forever()


@task
def reserve(c):
    """`build`, then `serve`."""
    build(c)
    serve(c)


@task
def preview(c):
    """Build the production version of the site (publishconf.py), with its search index."""
    pelican_run("-s {settings_publish}".format(**CONFIG))
    index_search()


@task
def livereload(c):
    """Rebuild and reload the browser tab whenever a file changes."""
    from livereload import Server

    def cached_build():
        pelican_run(
            "-s {settings_base} -e CACHE_CONTENT=true LOAD_CONTENT_CACHE=true".format(
                **CONFIG
            )
        )
        index_search()

    cached_build()
    server = Server()
    theme_path = SETTINGS["THEME"]
    for glob in [
        CONFIG["settings_base"],
        f"{theme_path}/templates/**/*.html",
        f"{theme_path}/static/**/*.css",
        "{}/**/*.md".format(SETTINGS["PATH"]),
        "plugins/pelican/plugins/briefings/**/*.py",
        "plugins/pelican/plugins/briefings/data/*",
    ]:
        server.watch(glob, cached_build)
    server.serve(host=CONFIG["host"], port=CONFIG["port"], root=CONFIG["deploy_path"])


@task(help={"folder": "a folder of reports with .labels.json files beside them",
            "automatic": "only the automatic mode", "mistakes": "list every mistake"})
def evaluate(c, folder, automatic=False, mistakes=False):
    """Print recall, precision and (automatic mode) exact country sets for labelled reports."""
    command = [sys.executable, "scripts/evaluate.py", folder] + (
        ["--automatic"] if automatic else []) + (["--mistakes"] if mistakes else [])
    c.run(shlex.join(command), pty=False)


@task(help={"file": "the report to split", "automatic": "ignore Countries: and the site default"})
def split(c, file, automatic=False):
    """Show how a report splits into briefings, and why, without building."""
    from pelican.plugins.briefings.explain import ReportError, explain

    try:
        print(explain(file, SETTINGS_FILE_BASE, automatic=automatic))
    except ReportError as error:
        sys.exit(f"invoke split: {error}")


@task(name="import", positional=["files"], help={
    "files": "the reports as received: plain text (.txt) or saved web pages (.html); "
             "several in one quoted argument, shell patterns allowed: \"inbox/*.txt\"",
    "countries": "the report's partner countries, comma-separated (default: the "
                 "splitter's proposal, printed to confirm)",
    "date": "the report's date, YYYY-MM-DD or 'YYYY-MM-DD HH:MM' (default: the date "
            "the file gives; without one the import is refused)",
    "dest": "the reports folder to write into (default: content/reports)",
})
def import_reports(c, files, countries="", date="", dest="content/reports"):
    """Turn received reports (plain text, saved web pages) into new Markdown reports."""
    import glob

    from pelican.plugins.briefings.importer.cli import import_reports as run_import

    names = []
    for word in shlex.split(files):
        names.extend(sorted(glob.glob(word)) if glob.has_magic(word) else [word])
    status = run_import(names, dest, SETTINGS, countries=countries, date=date)
    if status:
        sys.exit(status)


def _ensure_test_tools(c):
    """Install the test suite's non-Python tools (HTML checker, Chromium) if missing."""
    if not os.path.isfile("node_modules/vnu-jar/build/dist/vnu.jar"):
        c.run("npm ci --no-audit --no-fund --loglevel=error")
    if not shutil.which("chromium"):
        if hasattr(os, "geteuid") and os.geteuid() == 0:
            c.run("apt-get update -qq && DEBIAN_FRONTEND=noninteractive "
                  "apt-get install -y -qq chromium >/dev/null")
        else:
            sys.exit("invoke test: the browser tests need Debian's chromium: "
                     "sudo apt-get install chromium")


@task(help={"args": "extra pytest arguments, e.g. -k feeds",
            "quick": "lint, types and pytest only: skip building, checking and "
                     "benchmarking the real site"})
def test(c, args="", quick=False):
    """Lint and type-check, build the site, check it, smoke-run the bench, then run pytest."""
    python = shlex.quote(sys.executable)
    # Lint and types first: the cheapest failures (both configured in pyproject.toml).
    c.run(f"{python} -m ruff check .", pty=False)
    c.run(f"{python} -m mypy", pty=False)
    _ensure_test_tools(c)
    if not quick:
        # What CI proves beyond pytest: the real site builds and passes its
        # checks, and the benchmark runs (N = 100, no timing assertions).
        # First, so that pytest's summary is the run's closing line.
        rebuild(c)
        check(c)
        bench(c, n="100", repeat=1)  # a smoke run: one build of each
    c.run(f"{python} -m pytest {args}", pty=False)


def _published_record():
    """Return the site's published-names record: every address in it must be built."""
    from pelican.plugins.briefings.settings import DEFAULTS, published_file

    key = "BRIEFING_PUBLISHED_FILE"
    return published_file(SETTINGS.get(key, DEFAULTS[key]), SETTINGS)


def _site_passes_checks(output, site_url, html, caller):
    """Run the site checks on a build; print any problems and return whether none."""
    # Imported here: only the publishing tasks use it.
    from sitecheck import format_report, run_checks

    problems = run_checks(output, site_url=site_url or None, html=html,
                          record=_published_record(), discovery=True)
    if problems:
        sys.stderr.write(f"{caller}: {output}\n{format_report(problems)}\n")
    return not problems


@task(help={
    "output": "the built site to check (default: output/)",
    "site_url": "the address the site is served from, so absolute links to it "
                "are checked too (default: none)",
    "html": "also validate the HTML with the Nu HTML Checker (needs `npm ci`)",
})
def check(c, output=CONFIG["deploy_path"], site_url="", html=True):
    """Check a built site's links, feeds and HTML; exit non-zero on any problem."""
    if not _site_passes_checks(output, site_url, html, "invoke check"):
        sys.exit(1)
    print(f"invoke check: {output} has no problems")


@task(help={
    "remote": "the git remote to push to (default: origin)",
    "branch": "the branch GitHub Pages serves (default: gh-pages)",
    "html": "also validate the HTML with the Nu HTML Checker (needs `npm ci`)",
})
def gh_pages(c, remote="origin", branch=CONFIG["github_pages_branch"], html=True):
    """Build with publishconf.py, check the site, and only then push it to gh-pages."""
    import ghp_import

    output = CONFIG["deploy_path"]
    refusal = f"invoke gh-pages: refusing to publish; {remote}/{branch} is unchanged"
    clean(c)
    try:
        # --fatal errors: a plugin or template error must stop the publish, not
        # leave a half-built site behind a log line.
        pelican_run("--fatal errors -s {settings_publish}".format(**CONFIG))
    except SystemExit as failure:
        if failure.code:
            sys.exit(f"invoke gh-pages: the build failed (see above)\n{refusal}")
    index_search(output)
    # Read publishconf.py again so SITEURL reflects the environment of this run.
    site_url = get_settings_from_file(CONFIG["settings_publish"])["SITEURL"]
    if not _site_passes_checks(output, site_url, html, "invoke gh-pages"):
        sys.exit(f"invoke gh-pages: the site fails its checks (see above)\n{refusal}")
    source = c.run("git rev-parse --short HEAD", hide=True, warn=True).stdout.strip()
    message = f"{CONFIG['commit_message']} from {source or 'an uncommitted tree'}"
    try:
        # -n -p -f: add .nojekyll, push, and replace the branch's tree outright.
        ghp_import.ghp_import(output, remote=remote, branch=branch, mesg=message,
                              push=True, force=True, nojekyll=True)
    except ghp_import.GhpError as error:
        sys.exit(f"invoke gh-pages: could not push to {remote}/{branch}: {error}")
    print(f"invoke gh-pages: published {output} ({site_url}) to {remote}/{branch}")


@task
def screenshots(c):
    """Screenshot every page type at 360 px and 1280 px, light and dark, into screenshots/."""
    c.run(f"{shlex.quote(sys.executable)} scripts/screenshots.py", pty=False)


@task(help={
    "n": "corpus sizes to build, comma-separated (default: 100,1000)",
    "large": "also build 5,000 reports (several minutes)",
    "repeat": "full and plain builds per size, in turn; medians are shown (default: 3)",
})
def bench(c, n="100,1000", large=False, repeat=3):
    """Benchmark full builds, plain Pelican and one-edit rebuilds on a synthetic corpus.

    Prints the splitting core's MB/s and each size's ratio to plain Pelican,
    each against its target (docs/PERFORMANCE.md).
    """
    command = [sys.executable, "scripts/bench.py", "--n", n, "--repeat", str(repeat)] + (
        ["--large"] if large else [])
    c.run(shlex.join(command), pty=False)
