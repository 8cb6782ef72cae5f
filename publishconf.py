"""Settings for publishing (`invoke preview`, `invoke gh-pages`, the Pages workflow).

Everything in pelicanconf.py, plus absolute URLs. SITEURL and FEED_DOMAIN come
from the environment when set (the GitHub Actions workflow sets them from the
Pages URL); CUSTOM_DOMAIN writes a CNAME file for a custom domain.
"""

import os
import sys

sys.path.append(os.curdir)
from pelicanconf import *  # noqa: E402,F403

SITEURL = os.environ.get("SITEURL", "https://example.github.io/briefings").rstrip("/")
FEED_DOMAIN = os.environ.get("FEED_DOMAIN", SITEURL).rstrip("/")
RELATIVE_URLS = False
DELETE_OUTPUT_DIRECTORY = True
