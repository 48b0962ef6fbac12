"""The tutor's register on a phone-sized screen (375 px wide) in a real browser, with axe-core on every page."""

import datetime
import re

import pytest
from django.utils import timezone
from playwright.sync_api import Browser, BrowserContext, Page, ViewportSize, expect
from pytest_django.live_server_helper import LiveServer

from tutti.accounts.models import AuditEvent, Role, User
from tutti.accounts.testing import person, sign_in_browser
from tutti.core.testing.browser import assert_accessible, open_page
from tutti.network.models import HubArea
from tutti.programmes.models import Attendance, Session
from tutti.programmes.services.activities import tutor_assign
from tutti.programmes.services.enrolments import enrolment_enrol
from tutti.programmes.tests.factories import StaffMemberFactory, WcetActivityFactory, cleared, learner

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE: ViewportSize = {"width": 375, "height": 740}
# 26 invented first names, one for each letter: a whole Year 4 class.
CLASS = [
    "Amara",
    "Bilal",
    "Cerys",
    "Dmitri",
    "Esme",
    "Farid",
    "Greta",
    "Hamza",
    "Isla",
    "Jonah",
    "Keira",
    "Luca",
    "Maja",
    "Nico",
    "Orla",
    "Priya",
    "Quinn",
    "Rhys",
    "Saoirse",
    "Tobi",
    "Una",
    "Vikram",
    "Wren",
    "Xander",
    "Yusuf",
    "Zara",
]


def _a_tutor_with_a_class(*, with_someone_elses: bool = False) -> tuple[User, Session]:
    """Today's 09:15 session of a tutor's WCET class of 26 (and, if asked, another tutor's class at 11:00)."""
    hub = HubArea.objects.create(name="Hertfordshire", slug="hertfordshire")
    manager = person(hub=hub, roles=[Role.PROGRAMME_MANAGER], email="manager@herts.example")
    tutor_user = person(hub=hub, roles=[Role.TUTOR], email="tutor@herts.example")
    tutor = StaffMemberFactory.create(hub=hub, user=tutor_user)
    cleared(tutor, by=manager)
    activity = WcetActivityFactory.create(hub=hub, name="Year 4 violins, Oak class", capacity=30)
    tutor_assign(activity=activity, tutor=tutor)
    for name in CLASS:
        enrolment_enrol(activity=activity, learner=learner(hub, first_name=name, last_name="Invented"), by=manager)
    if with_someone_elses:
        other = WcetActivityFactory.create(hub=hub, calendar=activity.calendar, name="Someone else's class")
        Session.objects.create(
            activity=other, date=timezone.localdate(), starts_at=datetime.time(11), ends_at=datetime.time(12)
        )
    session = Session.objects.create(
        activity=activity, date=timezone.localdate(), starts_at=datetime.time(9, 15), ends_at=datetime.time(10)
    )
    return tutor_user, session


def _phone(browser: Browser, live_server: LiveServer, user: User) -> tuple[BrowserContext, Page]:
    context = browser.new_context(base_url=live_server.url, viewport=PHONE)
    sign_in_browser(context, user, url=live_server.url)
    return context, context.new_page()


def _fits_the_screen(page: Page) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], f"{page.url} scrolls sideways"


def test_a_tutor_lands_on_today_and_marks_26_children_present_but_two_in_five_taps(
    browser: Browser, live_server: LiveServer
) -> None:
    tutor_user, session = _a_tutor_with_a_class(with_someone_elses=True)
    context, page = _phone(browser, live_server, tutor_user)
    taps = 0

    open_page(page, "/hub/", title_contains="Hertfordshire")  # where signing in lands
    expect(page.get_by_role("heading", name="Today's registers")).to_be_visible()
    expect(page.get_by_role("link", name="Someone else's class")).to_have_count(0)
    _fits_the_screen(page)
    page.get_by_role("link", name="09:15 Year 4 violins, Oak class").click()
    taps += 1
    open_page(page, page.url, title_contains="Register: Year 4 violins")
    _fits_the_screen(page)
    count = page.locator("#register-count")
    expect(count).to_have_text("0 present, 0 absent, 26 to mark")
    save = page.get_by_role("button", name="Save register")
    expect(save).to_be_in_viewport()  # the Save bar is on screen from the first child

    page.get_by_role("button", name="Mark everyone present").click()
    taps += 1
    expect(count).to_have_text("26 present, 0 absent, 0 to mark")
    for name in ("Greta", "Tobi"):
        page.get_by_role("group", name=f"{name} Invented").get_by_label("Absent").click()
        taps += 1
    expect(count).to_have_text("24 present, 2 absent, 0 to mark")

    # At the very end of the page the bar sits below the last child, covering none of their marks.
    gap = page.evaluate(
        """() => {
            window.scrollTo(0, document.documentElement.scrollHeight);
            const groups = document.querySelectorAll("form.tutti-register fieldset");
            const last = groups[groups.length - 1].getBoundingClientRect();
            return document.querySelector(".tutti-register__bar").getBoundingClientRect().top - last.bottom;
        }"""
    )
    assert gap >= 0, "the Save bar covers the last child's marks"
    save.click()
    taps += 1

    expect(page).to_have_title(re.compile("^Today's registers"))
    expect(
        page.get_by_text("Register saved for Year 4 violins, Oak class: 24 present, 2 absent, 0 to mark.")
    ).to_be_visible()
    assert_accessible(page)
    assert taps < 10, f"{taps} taps"
    marks = dict(Attendance.objects.filter(session=session).values_list("learner__first_name", "mark"))
    assert len(marks) == 26
    assert {name for name, mark in marks.items() if mark == "absent"} == {"Greta", "Tobi"}
    assert AuditEvent.objects.filter(action=AuditEvent.Action.REGISTER_MARKED, actor=tutor_user).count() == 1
    context.close()


def test_without_javascript_everyone_present_comes_from_the_server_and_a_part_marked_save_is_kept(
    browser: Browser, live_server: LiveServer
) -> None:
    tutor_user, session = _a_tutor_with_a_class()
    context, page = _phone(browser, live_server, tutor_user)
    # The page's own scripts never load (axe-core still runs: Playwright's evaluate needs JavaScript on).
    # An empty script, not a refused request: a refused one is a console error, which fails any browser test.
    context.route(re.compile(r"\.m?js$"), lambda route: route.fulfill(body="", content_type="text/javascript"))
    open_page(page, f"/hub/programmes/registers/{session.public_id}/", title_contains="Register: Year 4 violins")

    page.get_by_role("group", name="Amara Invented").get_by_label("Late").check()
    page.get_by_role("button", name="Save register").click()
    expect(page).to_have_title(re.compile("^Register: Year 4 violins"))
    assert_accessible(page)
    expect(
        page.get_by_text("Register saved for Year 4 violins, Oak class: 0 present, 0 absent, 1 late, 25 to mark.")
    ).to_be_visible()

    page.get_by_role("button", name="Mark everyone present").click()
    expect(page.locator("#everyone-present-note")).to_be_visible()
    assert_accessible(page)
    expect(page.locator("#register-count")).to_have_text("25 present, 0 absent, 1 late, 0 to mark")
    expect(page.get_by_role("group", name="Amara Invented").get_by_label("Late")).to_be_checked()
    assert Attendance.objects.filter(session=session).count() == 1  # shown, not saved yet
    page.get_by_role("button", name="Save register").click()

    expect(page).to_have_title(re.compile("^Today's registers"))
    assert_accessible(page)
    assert Attendance.objects.filter(session=session, mark="present").count() == 25
    context.close()
