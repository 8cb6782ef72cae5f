"""Fixtures for the browser tests: one built site, one server, one Chromium.

The site is built as a publish build is (absolute SITEURL, no relative URLs)
under a sub-path, the way GitHub Pages serves a project site, so a link that
skips SITEURL or starts with "/" shows up as a failed request or a 404. The
server answers missing paths with the site's 404.html, as GitHub Pages does.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from built_site import build_site, page_types, serve
from playwright.sync_api import Browser, Page, sync_playwright

SUB_PATH = "briefings"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]


@dataclass
class ServedSite:
    """A built site and the address it is served at."""

    path: Path  # the output folder
    url: str  # its address, ending in "/"
    pages: dict[str, str]  # page type -> URL relative to ``url``

    def address(self, page_type: str) -> str:
        return self.url + self.pages[page_type]


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Iterator[ServedSite]:
    root = tmp_path_factory.mktemp("browser-site")
    output = root / SUB_PATH
    with serve(root, not_found=output / "404.html") as base:
        siteurl = base + SUB_PATH
        build_site(output, SITEURL=siteurl, FEED_DOMAIN=siteurl, RELATIVE_URLS=False)
        yield ServedSite(output, siteurl + "/", page_types(output))


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS
        )
        yield chromium
        chromium.close()


@dataclass
class Visit:
    """What happened while a page was open: errors, failures, bytes."""

    page: Page
    console_errors: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    responses: list = field(default_factory=list)

    def transferred(self) -> int:
        """Return the bytes transferred for every response (headers + body)."""
        total = 0
        for response in self.responses:
            sizes = response.request.sizes()
            total += sizes["responseHeadersSize"] + sizes["responseBodySize"]
        return total


@pytest.fixture
def visit(browser):
    """Return a function opening a URL in a fresh, cache-less browser context."""
    contexts = []

    def open_page(
        url: str,
        width: int = 1280,
        color_scheme: str = "light",
        expected_status: int = 200,
    ) -> Visit:
        context = browser.new_context(
            viewport={"width": width, "height": 800}, color_scheme=color_scheme
        )
        contexts.append(context)
        page = context.new_page()
        seen = Visit(page)

        def on_console(message):
            # A page served with an error status (the 404 page) makes Chromium
            # log that status; anything else logged as an error is a fault.
            own_status = message.location.get("url") == url and expected_status != 200
            if message.type == "error" and not own_status:
                seen.console_errors.append(message.text)

        page.on("console", on_console)
        page.on("pageerror", lambda e: seen.console_errors.append(str(e)))
        page.on("requestfailed", lambda r: seen.failed.append(f"{r.url} ({r.failure})"))
        page.on("response", lambda r: seen.responses.append(r))
        response = page.goto(url, wait_until="load")
        assert response.status == expected_status, f"{url}: HTTP {response.status}"
        for other in seen.responses:
            if other.url != url and other.status >= 400:
                seen.failed.append(f"{other.url} (HTTP {other.status})")
        return seen

    yield open_page
    for context in contexts:
        context.close()
