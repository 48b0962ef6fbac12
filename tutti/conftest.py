"""Fixtures shared by every app's tests: the named people, an empty cache, no personal data in logs, a browser."""

import os
from collections.abc import Iterator

import pytest

from tutti.accounts.tests.people import (  # noqa: F401 - fixtures for every module's tests
    PLANTED_EMAIL,
    PLANTED_NAME,
    hub_a,
    hub_a_admin,
    hub_a_finance,
    hub_a_inclusion_lead,
    hub_a_manager,
    hub_a_tutor,
    hub_b,
    hub_b_admin,
    national_officer,
)
from tutti.core.testing.browser import CHROMIUM_ARGS, assert_no_console_errors, chromium_path, console_errors


@pytest.fixture(autouse=True)
def _empty_cache() -> Iterator[None]:
    """Each test starts with an empty cache: factories write without the services that bump the network
    revision, and allauth keeps used authenticator codes and rate-limit counters there."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _no_personal_data_in_logs(caplog: pytest.LogCaptureFixture) -> Iterator[None]:
    """No test, in any module, may leave a planted name or address in the application's log."""
    caplog.set_level("DEBUG")
    yield
    logged = caplog.text.lower()
    for value in (PLANTED_NAME, PLANTED_EMAIL, *PLANTED_NAME.split()):
        assert value.lower() not in logged, f"a log line contains the personal value {value!r}"


@pytest.fixture(scope="session")
def browser() -> Iterator:
    """Headless Chromium from the system (Debian's package); Playwright never downloads a browser here."""
    from playwright.sync_api import sync_playwright

    executable = chromium_path()
    if executable is None:
        pytest.fail("Browser tests need Chromium: `make test` installs Debian's package as root, or says how.")
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
    console_errors(page)
    yield page
    assert_no_console_errors(page)
    context.close()
