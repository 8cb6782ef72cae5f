"""Settings for publishing (`invoke preview`, `invoke gh-pages`, the Pages workflow).

Everything in pelicanconf.py, plus absolute URLs for pages and feeds.

Environment (all optional):
  SITEURL        the site's public address, e.g. https://owner.github.io/repo
                 (the GitHub Actions workflow sets it from the Pages URL)
  FEED_DOMAIN    the address feed links start with; defaults to SITEURL
  CUSTOM_DOMAIN  a custom domain, e.g. briefings.example.org: written to the
                 output as CNAME, and SITEURL defaults to https://<domain>

Keep SITEURL and FEED_DOMAIN fixed once the site is public: feed readers
subscribe to the absolute feed URLs (docs/PUBLISHING.md).
"""

import os
import sys

sys.path.append(os.curdir)
from pelicanconf import *  # noqa: E402,F403

CUSTOM_DOMAIN = os.environ.get("CUSTOM_DOMAIN", "").strip().strip("/")

_default_siteurl = (
    f"https://{CUSTOM_DOMAIN}" if CUSTOM_DOMAIN else "https://example.github.io/briefings"
)
# An empty SITEURL would make every link root-relative, which breaks a project
# site served under /<repo>/; fall back to the default instead.
SITEURL = (os.environ.get("SITEURL") or _default_siteurl).rstrip("/")
FEED_DOMAIN = (os.environ.get("FEED_DOMAIN") or SITEURL).rstrip("/")
RELATIVE_URLS = False
DELETE_OUTPUT_DIRECTORY = True

# GitHub Pages runs Jekyll on a branch-published site unless the site root holds
# .nojekyll (Jekyll would drop files and folders whose names start with "_").
# Pelican's recipe: a static file under content/extra/ moved to the root.
# Listed by path, because Pelican's IGNORE_FILES only filters what it walks.
STATIC_PATHS = [*STATIC_PATHS, "extra/.nojekyll"]  # noqa: F405
EXTRA_PATH_METADATA = {
    **globals().get("EXTRA_PATH_METADATA", {}),
    "extra/.nojekyll": {"path": ".nojekyll"},
}

# CNAME's content is the domain, so it cannot be a fixed static file: render
# content/extra/CNAME.in (which prints the CUSTOM_DOMAIN setting) as a template
# page, only when a custom domain is set.
if CUSTOM_DOMAIN:
    TEMPLATE_PAGES = {
        **globals().get("TEMPLATE_PAGES", {}),
        "extra/CNAME.in": "CNAME",
    }
