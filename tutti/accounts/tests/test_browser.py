"""A hub administrator signs in through the real forms, with an authenticator code, in headless Chromium.

Every page on the way is checked with axe-core at WCAG 2.2 AA, and another hub's record is a 404.
"""

import pyotp
import pytest
from allauth.mfa.totp.internal.auth import TOTP

from tutti.accounts.models import AuditEvent, Role, User
from tutti.accounts.testing import person, sign_in_browser
from tutti.core.testing.browser import open_page
from tutti.network.models import HubArea

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
PASSWORD = "a-long-and-unusual-passphrase-7"


@pytest.fixture
def hertfordshire_admin() -> User:
    hub = HubArea.objects.create(name="Hertfordshire", slug="hertfordshire")
    user = person(hub=hub, roles=[Role.HUB_ADMINISTRATOR], email="admin@hertfordshire.example", two_factor=False)
    user.set_password(PASSWORD)
    user.save()
    TOTP.activate(user, SECRET)
    return user


@pytest.fixture
def birmingham_tutor() -> User:
    hub = HubArea.objects.create(name="Birmingham", slug="birmingham")
    return person(hub=hub, roles=[Role.TUTOR], email="tutor@birmingham.example")


def test_a_hub_administrator_signs_in_with_a_code_and_sees_only_their_hub(page, hertfordshire_admin, birmingham_tutor):
    open_page(page, "/accounts/login/", title_contains="Sign in")
    page.fill("input[name=login]", "admin@hertfordshire.example")
    page.fill("input[name=password]", PASSWORD)
    page.click("main button[type=submit]")

    page.wait_for_selector("input[name=code]")
    open_page(page, page.url, title_contains="authenticator app")  # the code page, checked before it is used
    page.fill("input[name=code]", pyotp.TOTP(SECRET).now())
    page.click("main button[type=submit]")

    page.wait_for_url("**/hub/**")
    open_page(page, "/hub/", title_contains="Hertfordshire")
    open_page(page, "/hub/team/", title_contains="Team")
    open_page(page, "/hub/audit/", title_contains="Audit")
    open_page(page, "/accounts/", title_contains="account")

    membership = birmingham_tutor.memberships.get()
    response = page.goto(f"/hub/team/{membership.public_id}/")
    assert response is not None
    assert response.status == 404
    assert "Birmingham" not in page.content()


def test_the_audit_log_filters_and_pages_on_a_phone(page, live_server) -> None:
    hub = HubArea.objects.create(name="Hertfordshire", slug="hertfordshire")
    admin = person(hub=hub, roles=[Role.HUB_ADMINISTRATOR], email="admin@hertfordshire.example")
    for number in range(55):
        AuditEvent.objects.create(
            hub=hub, actor=admin, action=AuditEvent.Action.LEARNER_VIEWED, detail=f"HRT-{number:06}"
        )
    AuditEvent.objects.create(hub=hub, actor=admin, action=AuditEvent.Action.REGISTER_MARKED, detail="Year 4 violins")
    sign_in_browser(page.context, admin, url=live_server.url)
    page.set_viewport_size({"width": 375, "height": 800})

    open_page(page, "/hub/audit/", title_contains="Audit log")
    page.get_by_label("Record").select_option("learner")
    page.get_by_role("button", name="Apply filters").click()
    open_page(page, page.url, title_contains="Audit log")
    assert "Showing 1 to 50 of 55 entries" in page.inner_text("main")
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    page.get_by_role("link", name="Next page").click()
    open_page(page, page.url, title_contains="Audit log")
    assert page.get_by_label("Record").input_value() == "learner"
    assert "Year 4 violins" not in page.inner_text("main")

    page.get_by_label("From").fill("2025-09-10")
    page.get_by_label("To").fill("2025-09-01")
    page.get_by_role("button", name="Apply filters").click()
    open_page(page, page.url, title_contains="Error: Audit log")
