"""Site settings for local builds (`invoke build`, `invoke serve`).

`publishconf.py` imports these and overrides what differs when publishing.
Every BRIEFING_* / COUNTRY* setting is documented in README.md.
"""

import os

AUTHOR = "Briefings desk"
SITENAME = "Country Briefings"
SITESUBTITLE = "Per-country briefings from multi-country news reports"
# Pages use relative links (RELATIVE_URLS), so the site works wherever it is
# served; feeds need absolute links, so SITEURL is still a real address.
SITEURL = os.environ.get("SITEURL", "http://127.0.0.1:8000").rstrip("/")
RELATIVE_URLS = True

PATH = "content"
ARTICLE_PATHS = ["reports"]
PAGE_PATHS = ["pages"]
STATIC_PATHS = []
TIMEZONE = "UTC"
DEFAULT_LANG = "en"
DEFAULT_DATE_FORMAT = "%-d %B %Y"
THEME = "theme"
# Report URLs come from the file name, so editing a headline never moves a page.
SLUGIFY_SOURCE = "basename"

# The plugin is installed like any Pelican plugin (`pip install -e .`, from
# requirements.txt); Pelican finds it as the namespace package
# pelican.plugins.briefings.
PLUGINS = ["briefings"]

# Reports are articles; briefings are articles the plugin derives from them.
ARTICLE_URL = "reports/{slug}/"
ARTICLE_SAVE_AS = "reports/{slug}/index.html"
PAGE_URL = "{slug}/"
PAGE_SAVE_AS = "{slug}/index.html"
TAG_URL = "tags/{slug}/"
TAG_SAVE_AS = "tags/{slug}/index.html"
TAGS_SAVE_AS = "tags/index.html"
CATEGORY_URL = "category/{slug}/"
CATEGORY_SAVE_AS = "category/{slug}/index.html"
ARCHIVES_SAVE_AS = "archives/index.html"
AUTHOR_SAVE_AS = ""
AUTHORS_SAVE_AS = ""
DEFAULT_PAGINATION = 20

# Site-wide feeds carry every report once (not its briefings, which quote
# it); per-country feeds come from the plugin (COUNTRY_FEED_*), one feed per
# topic from Pelican's tag feeds, listed in feeds/topics.opml.
FEED_ALL_ATOM = "feeds/all.atom.xml"
FEED_ALL_RSS = "feeds/all.rss.xml"
TAG_FEED_ATOM = "feeds/topics/{slug}.atom.xml"
TAG_FEED_RSS = "feeds/topics/{slug}.rss.xml"
CATEGORY_FEED_ATOM = None
CATEGORY_FEED_RSS = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
TRANSLATION_FEED_ATOM = None
# Readers get the full briefing in every feed, RSS included.
RSS_FEED_SUMMARY_ONLY = False

# The desk's partner countries: used for a report without a `Countries:` line.
# Set to None to let the plugin find the countries a report covers.
BRIEFING_COUNTRIES = ["Russia", "Turkmenistan", "Pakistan", "Iraq", "Myanmar"]

# Build output must not depend on the clock.
WITH_FUTURE_DATES = True

# Discovery: sitemap.xml and robots.txt naming it, from the theme's
# sitemap.html and robots.html (README "Dependencies" says why not pelican-sitemap).
DIRECT_TEMPLATES = ["index", "tags", "categories", "authors", "archives", "sitemap", "robots"]
SITEMAP_SAVE_AS = "sitemap.xml"
ROBOTS_SAVE_AS = "robots.txt"
