"""A hub administrator's learner pages in a real browser, each checked with axe-core at WCAG 2.2 AA."""

import datetime

import pytest
from playwright.sync_api import expect

from tutti.accounts.models import Role
from tutti.accounts.testing import person, sign_in_browser
from tutti.core.testing.browser import assert_accessible, open_page
from tutti.learners.tests.factories import GuardianFactory, LearnerFactory
from tutti.network.models import HubArea
from tutti.programmes.models import Activity
from tutti.programmes.services.enrolments import enrolment_enrol
from tutti.programmes.tests.factories import ActivityFactory, TermCalendarFactory, WcetActivityFactory

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


def test_the_progression_chart_names_each_stage_and_is_drawn_without_a_blocked_style(browser, live_server) -> None:
    hub = HubArea.objects.create(name="Hertfordshire", slug="hertfordshire")
    admin = person(hub=hub, roles=[Role.HUB_ADMINISTRATOR])
    calendar = TermCalendarFactory.create(hub=hub, academic_year=2025)
    wcet = WcetActivityFactory.create(hub=hub, calendar=calendar)
    lessons = ActivityFactory.create(hub=hub, calendar=calendar, kind=Activity.Kind.SMALL_GROUP)
    cohort = [LearnerFactory.create(hub=hub) for _ in range(4)]
    for child in cohort:
        enrolment_enrol(activity=wcet, learner=child, by=admin, on=datetime.date(2025, 9, 10))
    enrolment_enrol(activity=lessons, learner=cohort[0], by=admin, on=datetime.date(2026, 1, 12))
    context = browser.new_context(base_url=live_server.url, viewport={"width": 375, "height": 740})
    sign_in_browser(context, admin, url=live_server.url)
    page = context.new_page()

    open_page(page, "/hub/learners/progression/?year=2025", title_contains="Progression route")

    chart = page.locator("#chart")
    for label, figure in (
        ("In whole-class ensemble teaching", "4 (100%)"),
        ("Took lessons within the next three terms", "1 (25%)"),
        ("Joined an ensemble, choir or music centre", "0 (0%)"),
    ):
        stage = chart.get_by_role("listitem").filter(has_text=label)
        expect(stage).to_contain_text(figure)
    whole, quarter = (chart.locator(".tutti-bar-chart__bar").nth(i).bounding_box() for i in (0, 1))
    assert whole is not None
    assert quarter is not None
    assert abs(quarter["width"] - whole["width"] / 4) <= 1  # the bars are drawn to scale by the stylesheet
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    context.close()
