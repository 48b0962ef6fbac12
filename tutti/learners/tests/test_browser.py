"""A hub administrator's learner pages in a real browser, each checked with axe-core at WCAG 2.2 AA."""

import pytest

from tutti.accounts.models import Role
from tutti.accounts.testing import person, sign_in_browser
from tutti.core.testing.browser import assert_accessible, open_page
from tutti.learners.tests.factories import GuardianFactory, LearnerFactory
from tutti.network.models import HubArea

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_learner_list_detail_and_forms_are_accessible(page, live_server) -> None:
    hub = HubArea.objects.create(name="Hertfordshire", slug="hertfordshire")
    child = LearnerFactory.create(hub=hub, first_name="Zephyrine", last_name="Glockenspire", reference="HRT-000001")
    GuardianFactory.create(learner=child, name="Mordred Glockenspire")
    sign_in_browser(page.context, person(hub=hub, roles=[Role.HUB_ADMINISTRATOR]), url=live_server.url)

    open_page(page, "/hub/learners/", title_contains="Learners")
    page.get_by_role("link", name="HRT-000001").click()
    open_page(page, page.url, title_contains="HRT-000001")  # a child's name never goes into a page title
    assert "Mordred Glockenspire" in page.content()

    open_page(page, "/hub/learners/new/", title_contains="learner")
    page.click("main form button[type=submit]")
    assert page.title().startswith("Error: "), page.title()  # the form said what is missing
    assert_accessible(page)
    open_page(page, "/hub/learners/progression/", title_contains="rogression")
    open_page(page, "/hub/learners/import/", title_contains="mport")


def test_a_long_list_pages_on_a_phone_and_a_learners_attendance_opens_from_their_page(page, live_server) -> None:
    hub = HubArea.objects.create(name="Hertfordshire", slug="hertfordshire")
    for number in range(55):
        LearnerFactory.create(hub=hub, first_name=f"Pip{number:02}", last_name="Quaver", year_group=5)
    sign_in_browser(page.context, person(hub=hub, roles=[Role.HUB_ADMINISTRATOR]), url=live_server.url)
    page.set_viewport_size({"width": 375, "height": 800})

    open_page(page, "/hub/learners/?year_group=5", title_contains="Learners")
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    page.get_by_role("link", name="Next page").click()
    open_page(page, page.url, title_contains="Learners")
    assert "Showing 51 to 55 of 55 learners" in page.inner_text("main")
    assert page.get_by_label("Year group").input_value() == "5"  # the filter kept across pages

    page.get_by_role("link", name="Pip52").first.click()
    open_page(page, page.url, title_contains="Learners")
    page.get_by_role("link", name="Pip52 Quaver's attendance").click()
    open_page(page, page.url, title_contains="Attendance")
    assert "No attendance marked yet." in page.inner_text("main")
