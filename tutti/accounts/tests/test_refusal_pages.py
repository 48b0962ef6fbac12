"""A refusal looks like the rest of the site: the layout, what was refused and why, and a way back."""

import re

import pytest
from django.test import Client
from django.urls import reverse
from playwright.sync_api import Browser, expect
from pytest_django.live_server_helper import LiveServer

from tutti.accounts.models import Role, User
from tutti.accounts.testing import person, sign_in, sign_in_browser
from tutti.core.testing.browser import assert_accessible
from tutti.network.models import HubArea


def test_a_role_that_does_not_open_a_page_gets_the_sites_403_with_the_reason_and_a_way_back(
    hub_a_tutor: User,
) -> None:
    response = sign_in(Client(), hub_a_tutor).get(reverse("accounts:team"))

    assert response.status_code == 403
    page = response.content.decode()
    assert "<title>You cannot open this page" in page
    assert "Skip to main content" in page  # the site's layout, not Django's bare "403 Forbidden"
    assert "Your roles in this hub do not open this page." in page
    assert f'href="{reverse("accounts:hub_home")}">your hub\'s home page</a>' in page


def test_a_form_failing_its_security_check_gets_the_sites_403_saying_what_to_do(hub_a_tutor: User) -> None:
    client = sign_in(Client(enforce_csrf_checks=True), hub_a_tutor)

    response = client.post(reverse("account_logout"))

    assert response.status_code == 403
    page = response.content.decode()
    assert "<title>Your form could not be sent" in page
    assert "Skip to main content" in page
    assert "reload the page, and send it again" in page
    assert "CSRF" not in page  # Django's reason is for developers, not for the person at the form


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_403_page_meets_wcag_22_aa_on_a_phone(browser: Browser, live_server: LiveServer) -> None:
    hub = HubArea.objects.create(name="Hertfordshire", slug="hertfordshire")
    context = browser.new_context(base_url=live_server.url, viewport={"width": 375, "height": 740})
    sign_in_browser(context, person(hub=hub, roles=[Role.TUTOR]), url=live_server.url)
    page = context.new_page()

    response = page.goto(reverse("accounts:team"))

    assert response is not None
    assert response.status == 403
    expect(page.get_by_role("heading", level=1)).to_have_text("You cannot open this page")
    assert_accessible(page)
    page.get_by_role("link", name="your hub's home page").click()
    expect(page).to_have_url(re.compile(r"/hub/$"))
    context.close()
