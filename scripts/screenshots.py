"""Take screenshots of every page type, phone and desktop, light and dark.

    .venv/bin/python scripts/screenshots.py [--out screenshots]

Builds the site from content/ into a temporary folder, serves it on loopback
and writes <page type>-<width>-<scheme>.png (full page) with Debian's
Chromium. The pages are the ones the browser tests check
(tests/browser/built_site.py).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "browser"))

from built_site import build_site, page_types, serve  # noqa: E402

WIDTHS = (360, 1280)
SCHEMES = ("light", "dark")
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
SUB_PATH = "site"


def take_screenshots(out: Path) -> list[Path]:
    """Build, serve and photograph the site; return the PNGs written."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        output = root / SUB_PATH
        with (
            serve(root, not_found=output / "404.html") as base,
            sync_playwright() as pw,
        ):
            siteurl = base + SUB_PATH
            build_site(
                output, SITEURL=siteurl, FEED_DOMAIN=siteurl, RELATIVE_URLS=False
            )
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for width in WIDTHS:
                for scheme in SCHEMES:
                    context = browser.new_context(
                        viewport={"width": width, "height": 900}, color_scheme=scheme
                    )
                    page = context.new_page()
                    for name, url in page_types(output).items():
                        page.goto(f"{siteurl}/{url}", wait_until="load")
                        path = out / f"{name}-{width}-{scheme}.png"
                        page.screenshot(path=str(path), full_page=True)
                        written.append(path)
                    context.close()
            browser.close()
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--out",
        type=Path,
        default=ROOT / "screenshots",
        help="folder for the PNGs (default: screenshots/)",
    )
    args = parser.parse_args()
    written = take_screenshots(args.out)
    print(f"{len(written)} screenshots in {args.out}")


if __name__ == "__main__":
    main()
