"""`python -m sitecheck OUTPUT_DIR [--site-url URL] [--no-html] [--record FILE] [--discovery]`."""

from __future__ import annotations

import argparse
import sys

from . import format_report, run_checks


def main(argv: list[str] | None = None) -> int:
    """Check a built site, print the report, and return the exit status."""
    parser = argparse.ArgumentParser(
        prog="python -m sitecheck",
        description="Check a built site's HTML, feeds, links and briefing invariants.",
    )
    parser.add_argument("output_dir", help="the built site (e.g. output)")
    parser.add_argument(
        "--site-url",
        default=None,
        help="the SITEURL the site was built with; absolute links "
        "under it are resolved against OUTPUT_DIR",
    )
    parser.add_argument(
        "--no-html", dest="html", action="store_false", help="skip the Nu HTML Checker"
    )
    parser.add_argument(
        "--record",
        default=None,
        help="the published-names record (e.g. published-countries.json): "
        "every address it lists must be in OUTPUT_DIR",
    )
    parser.add_argument(
        "--discovery", action="store_true",
        help="also check canonical links, previews, JSON-LD, sitemap.xml, robots.txt "
        "and the favicon (invoke check always does)",
    )
    args = parser.parse_args(argv)
    problems = run_checks(args.output_dir, site_url=args.site_url, html=args.html,
                          record=args.record, discovery=args.discovery)
    print(format_report(problems), file=sys.stderr if problems else sys.stdout)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
