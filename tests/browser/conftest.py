"""Fixtures for the widget browser tests: fake Rasa, static site, Debian's Chromium."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from chromium_support import CHROMIUM, CHROMIUM_ARGS, ensure_chromium
from playwright.sync_api import Browser, BrowserContext, Page, Playwright, sync_playwright
from widget_fakes import FakeRasa, LoopThread, StaticSite

DESKTOP = {"width": 1280, "height": 800}


@pytest.fixture(scope="session")
def loop_thread() -> Iterator[LoopThread]:
    thread = LoopThread()
    yield thread
    thread.close()


@pytest.fixture(scope="session")
def static_site(loop_thread: LoopThread) -> Iterator[StaticSite]:
    site = StaticSite(loop_thread)
    site.start()
    yield site
    site.stop()


@pytest.fixture
def fake_rasa(loop_thread: LoopThread) -> Iterator[FakeRasa]:
    server = FakeRasa(loop_thread)
    server.start()
    yield server
    server.stop()


# Module scope, not session: Playwright's sync API keeps an event loop running in
# the main thread while it is started, which breaks every asyncio test after it.
@pytest.fixture(scope="module")
def playwright_driver() -> Iterator[Playwright]:
    with sync_playwright() as driver:
        yield driver


@pytest.fixture(scope="module")
def browser(playwright_driver: Playwright) -> Iterator[Browser]:
    ensure_chromium()
    launched = playwright_driver.chromium.launch(
        executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
    )
    yield launched
    launched.close()


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    # A fresh context per test: empty localStorage and sessionStorage.
    fresh = browser.new_context(viewport=DESKTOP, locale="nl-NL")
    yield fresh
    fresh.close()


@pytest.fixture
def page(context: BrowserContext) -> Iterator[Page]:
    opened = context.new_page()
    problems: list[str] = []
    opened.on("pageerror", lambda error: problems.append(f"page error: {error}"))
    opened.on(
        "console",
        lambda message: (
            problems.append(f"console: {message.text}")
            if message.type == "error" and "Content Security Policy" in message.text
            else None
        ),
    )
    yield opened
    assert problems == [], problems
