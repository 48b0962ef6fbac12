"""A programme manager adds a WCET class and enrols a learner in a real browser, with axe-core on every page."""

import re

import pytest
from playwright.sync_api import Browser, expect
from pytest_django.live_server_helper import LiveServer

from tutti.accounts.models import Role
from tutti.accounts.testing import person, sign_in_browser
from tutti.core.testing.browser import assert_accessible, open_page
from tutti.network.models import HubArea
from tutti.network.tests.factories import LocalAuthorityFactory
from tutti.programmes.models import Activity, Instrument
from tutti.programmes.tests.factories import StaffMemberFactory, calendar_2025_26, cleared, learner
from tutti.schools.tests.factories import SchoolFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_manager_adds_a_wcet_class_and_enrols_a_learner(browser: Browser, live_server: LiveServer) -> None:
    hub = HubArea.objects.create(name="Hertfordshire", slug="hertfordshire")
    manager = person(hub=hub, roles=[Role.PROGRAMME_MANAGER])
    calendar_2025_26(hub)
    school = SchoolFactory.create(
        local_authority=LocalAuthorityFactory.create(hub_area=hub), name="Oakwood Primary School"
    )
    tutor = StaffMemberFactory.create(hub=hub, first_name="Ada", last_name="Lovelace")
    cleared(tutor, by=manager)
    child = learner(hub, first_name="Amara", last_name="Invented")
    # A transactional test flushes the tables, reference rows from migrations included.
    Instrument.objects.get_or_create(name="Violin", defaults={"family": Instrument.Family.STRINGS})

    context = browser.new_context(base_url=live_server.url)
    sign_in_browser(context, manager, url=live_server.url)
    page = context.new_page()

    open_page(page, "/hub/programmes/activities/", title_contains="Activities")
    page.get_by_role("link", name="Add an activity").click()
    open_page(page, page.url, title_contains="New activity")

    page.get_by_label("Name").fill("Year 4 violins, Oak class")
    page.get_by_label("Whole-class ensemble teaching").check()
    page.get_by_role("button", name="Add activity").click()  # no school, no capacity, no weekly time yet
    assert_accessible(page)
    expect(page.get_by_role("alert")).to_contain_text("choose the school")
    expect(page.get_by_label("Name")).to_have_value("Year 4 violins, Oak class")

    page.get_by_label("School", exact=True).select_option(label=f"Oakwood Primary School ({school.urn})")
    page.get_by_label("Capacity").fill("30")
    page.get_by_label("Violin", exact=True).check()
    page.get_by_label("Ada Lovelace").check()
    page.get_by_label("Day of the week").select_option(label="Tuesday")
    page.get_by_label("Starts at").fill("09:15")
    page.get_by_label("Ends at").fill("10:00")
    page.get_by_label("Autumn term 2025/26").check()
    page.get_by_role("button", name="Add activity").click()

    expect(page).to_have_title(re.compile("^Year 4 violins, Oak class"))
    expect(page.get_by_text("Year 4 violins, Oak class added: 13 sessions created.")).to_be_visible()
    assert_accessible(page)

    page.get_by_label("Learner's reference or name").fill("Amara")
    page.get_by_role("button", name="Find learners").click()
    assert_accessible(page)
    page.get_by_role("button", name="Enrol Amara Invented").click()
    expect(page.get_by_text("Amara Invented enrolled: 1 of 30 places taken.")).to_be_visible()
    expect(page.locator("#learners")).to_contain_text(f"Amara Invented ({child.reference})")
    assert_accessible(page)

    activity = Activity.objects.get(hub=hub)
    assert activity.enrolments.get().learner_id == child.pk
    assert list(activity.tutors.all()) == [tutor]
    context.close()
