"""Every page fits a 375-pixel phone screen: the public pages and every page of every module's access matrix.

The data is the demo's (the real national seed, the demo accounts and a small invented term of teaching),
so lists and tables have rows to be wide with. Each page is opened as a person whose role opens it, in
one browser page; a page wider than the screen, or an error in the browser's console, fails the test.
Wide tables scroll inside their own region (`tutti-table-scroll`), which does not widen the page.
"""

import importlib
import io

import pytest
from django.apps import apps as django_apps
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse
from playwright.sync_api import Browser, Page
from pytest_django.live_server_helper import LiveServer

from tutti.accounts.models import Role, User
from tutti.accounts.testing import AccessRule, person, project_matrix, sign_in_browser
from tutti.core.testing.browser import assert_no_console_errors, console_errors
from tutti.network.models import HubArea

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 375, "height": 740}
PUBLIC_PAGES = ["network:home", "network:hub_list", "network:map", "network:downloads", "api:docs"]
PUBLIC_PAGES += ["core:accessibility", "core:privacy", "account_login", "account_reset_password"]


@pytest.fixture
def demo(live_server: LiveServer) -> HubArea:
    # A transactional test starts from empty tables: the aims and functions migration 0002 made are made
    # again by its own function, then the demo is loaded as `make demo` loads it.
    importlib.import_module("tutti.network.migrations.0002_aims_and_strategic_functions").create(django_apps, None)
    with override_settings(DEBUG=True):
        call_command("load_network_seed", stdout=io.StringIO())
        call_command("load_demo_accounts", stdout=io.StringIO())
        call_command("load_demo_teaching", scale=0.1, stdout=io.StringIO())
    return HubArea.objects.get(slug="hertfordshire")


# The innermost elements reaching past the screen's right edge: what to fix when a page is too wide.
OVERFLOWING = """() => {
  const past = (element) => element.getBoundingClientRect().right > window.innerWidth + 1;
  const name = (element) => element.tagName.toLowerCase() + (element.id ? "#" + element.id : "")
    + (element.classList.length ? "." + [...element.classList].join(".") : "");
  return [...document.body.querySelectorAll("*")]
    .filter((element) => past(element) && ![...element.children].some(past))
    .filter((element) => !element.closest(".tutti-table-scroll"))  // scrolls inside its region
    .slice(0, 3).map((element) => name(element) + " " + JSON.stringify(element.textContent.trim().slice(0, 40)));
}"""


def _too_wide(page: Page, url: str) -> str | None:
    """What makes the page wider than the screen (None when it fits)."""
    response = page.goto(url)
    assert response is not None, f"{url} gave no response"
    assert response.ok, f"{url} answered {response.status}"
    width = int(page.evaluate("document.documentElement.scrollWidth"))
    if width <= PHONE["width"]:
        return None
    return f"{url} is {width} pixels wide: " + "; ".join(page.evaluate(OVERFLOWING))


def _person_for(rule: AccessRule, hub: HubArea, people: dict[tuple[Role, ...] | None, User]) -> User:
    key = None if rule.national else tuple(sorted(rule.roles)[:1])
    if key not in people:
        people[key] = person(hub=None if key is None else hub, roles=key or [Role.NATIONAL_OFFICER])
    return people[key]


def test_no_page_is_wider_than_a_phone(browser: Browser, live_server: LiveServer, demo: HubArea) -> None:
    context = browser.new_context(base_url=live_server.url, viewport=PHONE)  # type: ignore[arg-type]
    page = context.new_page()
    console_errors(page)
    too_wide: list[str] = []

    def check(url: str) -> None:
        if problem := _too_wide(page, url):
            too_wide.append(problem)

    for name in PUBLIC_PAGES:
        check(reverse(name))
    for hub in HubArea.objects.order_by("slug"):
        check(reverse("network:hub_detail", kwargs={"slug": hub.slug}))

    people: dict[tuple[Role, ...] | None, User] = {}
    for rule in project_matrix():
        if rule.method != "get" or rule.ok_status != 200:
            continue
        url = reverse(rule.url_name, kwargs=rule.make_kwargs(demo) if rule.make_kwargs else {})
        context.clear_cookies()
        sign_in_browser(context, _person_for(rule, demo, people), url=live_server.url)
        if not page.request.head(url).headers.get("content-type", "").startswith("text/html"):
            continue  # a download
        check(url)
        # A list's first row opens one of the demo's own records, fuller than the one the matrix made.
        if rule.make_kwargs is None and (row := page.locator("main tbody a[href^='/hub/']").first).count():
            check(str(row.get_attribute("href")))

    assert not too_wide, "pages wider than a 375-pixel screen:\n" + "\n".join(too_wide)
    assert_no_console_errors(page)
    context.close()
