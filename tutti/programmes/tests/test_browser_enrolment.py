"""A manager enrols a pupil of another school into an in-school class on a phone: warned, asked why, recorded."""

import re

import pytest
from playwright.sync_api import Browser, expect
from pytest_django.live_server_helper import LiveServer

from tutti.accounts.models import Role
from tutti.accounts.testing import person, sign_in_browser
from tutti.core.testing.browser import assert_accessible, open_page
from tutti.network.models import HubArea
from tutti.programmes.tests.factories import WcetActivityFactory, learner
from tutti.schools.tests.factories import SchoolFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_pupil_of_another_school_is_enrolled_only_with_a_reason(browser: Browser, live_server: LiveServer) -> None:
    hub = HubArea.objects.create(name="Hertfordshire", slug="hertfordshire")
    manager = person(hub=hub, roles=[Role.PROGRAMME_MANAGER])
    activity = WcetActivityFactory.create(hub=hub, name="Year 4 violins, Oak class", school__name="Oakfield Primary")
    learner(hub, first_name="Ifan", last_name="Invented", school=SchoolFactory.create(name="Elmbridge Juniors"))
    context = browser.new_context(base_url=live_server.url, viewport={"width": 375, "height": 740})
    sign_in_browser(context, manager, url=live_server.url)
    page = context.new_page()

    open_page(page, f"/hub/programmes/activities/{activity.public_id}/?q=Ifan", title_contains="Oak class")
    expect(page.locator("#found")).to_contain_text("Another school")
    page.get_by_role("button", name="Enrol Ifan Invented").click()

    expect(page).to_have_title(re.compile("^Enrol a pupil of another school"))
    assert_accessible(page)
    warning = page.locator(".govuk-warning-text")
    expect(warning).to_contain_text("is a pupil of Elmbridge Juniors, but Year 4 violins, Oak class is taught at")
    page.get_by_role("button", name="Enrol Ifan Invented").click()
    expect(page).to_have_title(re.compile("^Error: "))
    assert_accessible(page)
    expect(page.get_by_role("alert")).to_contain_text("Enter why this pupil joins a class at another school")

    page.get_by_label("Why is this pupil joining a class at another school?").fill("Moving to Oakfield after half-term")
    page.get_by_role("button", name="Enrol Ifan Invented").click()

    expect(page.locator("#learners")).to_contain_text("Pupil of another school: Moving to Oakfield after half-term")
    assert_accessible(page)
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    context.close()
