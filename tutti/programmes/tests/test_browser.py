"""The tutor's register on a phone-sized screen (375 px wide) in a real browser, with axe-core on every page."""

import datetime
import re

import pytest
from django.utils import timezone
from playwright.sync_api import Browser, ViewportSize, expect
from pytest_django.live_server_helper import LiveServer

from tutti.accounts.models import AuditEvent, Role
from tutti.accounts.testing import person, sign_in_browser
from tutti.core.testing.browser import assert_accessible, open_page
from tutti.network.models import HubArea
from tutti.programmes.models import Attendance, Session
from tutti.programmes.services.activities import tutor_assign
from tutti.programmes.services.enrolments import enrolment_enrol
from tutti.programmes.tests.factories import StaffMemberFactory, WcetActivityFactory, cleared, learner

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE: ViewportSize = {"width": 375, "height": 740}


def test_a_tutor_marks_todays_register_on_a_phone(browser: Browser, live_server: LiveServer) -> None:
    hub = HubArea.objects.create(name="Hertfordshire", slug="hertfordshire")
    manager = person(hub=hub, roles=[Role.PROGRAMME_MANAGER])
    tutor_user = person(hub=hub, roles=[Role.TUTOR])
    tutor = StaffMemberFactory.create(hub=hub, user=tutor_user)
    cleared(tutor, by=manager)
    activity = WcetActivityFactory.create(hub=hub, name="Year 4 violins, Oak class")
    tutor_assign(activity=activity, tutor=tutor)
    children = [learner(hub, first_name=name, last_name="Invented") for name in ("Amara", "Bilal", "Cerys")]
    for child in children:
        enrolment_enrol(activity=activity, learner=child, by=manager)
    session = Session.objects.create(
        activity=activity, date=timezone.localdate(), starts_at=datetime.time(9, 15), ends_at=datetime.time(10)
    )
    other = WcetActivityFactory.create(hub=hub, calendar=activity.calendar, name="Someone else's class")
    Session.objects.create(
        activity=other, date=timezone.localdate(), starts_at=datetime.time(11), ends_at=datetime.time(12)
    )

    context = browser.new_context(base_url=live_server.url, viewport=PHONE)
    sign_in_browser(context, tutor_user, url=live_server.url)
    page = context.new_page()

    open_page(page, "/hub/programmes/registers/", title_contains="Today's registers")
    expect(page.get_by_role("link", name="Someone else's class")).to_have_count(0)
    page.get_by_role("link", name="09:15 Year 4 violins, Oak class").click()
    open_page(page, page.url, title_contains="Register: Year 4 violins")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], "the register scrolls sideways"
    target = page.get_by_role("group", name="Amara Invented").get_by_label("Present")
    assert target.bounding_box() is not None

    page.get_by_role("button", name="Save register").click()  # nothing marked yet: every learner is named
    assert_accessible(page)
    expect(page.get_by_role("alert")).to_contain_text("Choose a mark for Bilal Invented")

    page.get_by_role("group", name="Amara Invented").get_by_label("Present").check()
    page.get_by_role("group", name="Bilal Invented").get_by_label("Late").check()
    page.get_by_role("group", name="Cerys Invented").get_by_label("Absent").check()
    page.get_by_role("button", name="Save register").click()

    expect(page).to_have_title(re.compile("^Today's registers"))
    expect(page.get_by_text("Register saved: 3 learners marked")).to_be_visible()
    assert_accessible(page)
    marks = dict(Attendance.objects.filter(session=session).values_list("learner__first_name", "mark"))
    assert marks == {"Amara": "present", "Bilal": "late", "Cerys": "absent"}
    assert AuditEvent.objects.filter(action=AuditEvent.Action.REGISTER_MARKED, actor=tutor_user).count() == 1
    context.close()
