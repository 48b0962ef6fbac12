"""Fixtures shared by every app's tests."""

import os
from collections.abc import Iterator

import pytest

from tutti.core.testing.browser import CHROMIUM_ARGS, chromium_path


@pytest.fixture(autouse=True)
def _empty_cache() -> Iterator[None]:
    """Factories write without the services that bump the network revision, so no test may see another's pages."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture(scope="session")
def browser() -> Iterator:
    """Headless Chromium from the system (Debian's package); Playwright never downloads a browser here."""
    from playwright.sync_api import sync_playwright

    executable = chromium_path()
    if executable is None:
        pytest.fail("Browser tests need Chromium: install Debian's `chromium` package (.ci/run does).")
    # Playwright's sync API runs an event loop; Django refuses ORM calls from a thread with one unless told.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server) -> Iterator:
    context = browser.new_context(base_url=live_server.url)
    page = context.new_page()
    yield page
    context.close()
