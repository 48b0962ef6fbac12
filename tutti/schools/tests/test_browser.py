"""The school survey link in a real browser, as a school's music lead uses it: no account, axe-core on every page."""

import re
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from tutti.accounts.models import Role
from tutti.accounts.testing import person, sign_in_browser
from tutti.core.testing.browser import assert_accessible, open_page
from tutti.network.models import HubArea
from tutti.network.tests.factories import LocalAuthorityFactory
from tutti.schools.models import SchoolEngagement
from tutti.schools.selectors import current_year
from tutti.schools.services import survey_link_create
from tutti.schools.tests.factories import SchoolEngagementFactory, SchoolFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_school_answers_its_survey_and_can_change_the_answers(page: Page) -> None:
    hub = HubArea.objects.create(name="Greater Manchester", slug="greater-manchester")
    school = SchoolFactory.create(
        name="Navigation Primary School", local_authority=LocalAuthorityFactory.create(hub_area=hub)
    )
    admin = person(hub=hub, roles=[Role.HUB_ADMINISTRATOR])
    link = survey_link_create(hub=hub, school=school, academic_year=current_year(), by=admin)

    open_page(page, f"/school-survey/{link.token}/", title_contains="Music in Navigation Primary School")
    page.get_by_label("Published", exact=True).check()
    page.get_by_label("A choir or vocal ensemble").check()
    page.get_by_label("Whole-class ensemble teaching").check()
    page.get_by_role("button", name="Send answers").click()

    # Published without the link to its summary: the error summary links to the field, and axe passes.
    assert_accessible(page)
    expect(page).to_have_title(re.compile("^Error: Music in"))
    expect(page.get_by_role("alert")).to_contain_text("Enter the link to the published summary")
    page.get_by_role("link", name="Enter the link to the published summary").click()
    expect(page.get_by_label("Link to the published summary")).to_be_focused()
    page.get_by_label("Link to the published summary").fill("https://navigation.example/music-plan")
    page.get_by_role("button", name="Send answers").click()

    open_page(page, page.url, title_contains="Music in Navigation Primary School")
    expect(page.get_by_role("heading", name="Thank you")).to_be_visible()
    expect(page.get_by_label("A choir or vocal ensemble")).to_be_checked()
    engagement = SchoolEngagement.objects.get(school=school)
    assert (engagement.plan_status, engagement.choir, engagement.services) == ("published", True, ["wcet"])


def test_an_unknown_survey_link_explains_itself(page: Page) -> None:
    response = page.goto("/school-survey/not-a-real-token/")
    assert response is not None
    assert response.status == 404
    expect(page).to_have_title(re.compile("^Survey link not found"))
    assert_accessible(page)


def test_the_coverage_page_with_its_map_passes_axe(page: Page, live_server: Any) -> None:
    hub = HubArea.objects.create(name="Greater Manchester", slug="greater-manchester")
    authority = LocalAuthorityFactory.create(hub_area=hub, boundary_svg="M390,560L420,560L420,590L390,590Z")
    SchoolEngagementFactory.create(school=SchoolFactory.create(local_authority=authority), hub=hub)
    SchoolFactory.create(local_authority=authority, latitude="51.81", longitude="-0.21")
    sign_in_browser(page.context, person(hub=hub, roles=[Role.PROGRAMME_MANAGER]), url=live_server.url)
    open_page(page, "/hub/schools/coverage/", title_contains="Coverage of schools")
    expect(page.locator("svg circle")).to_have_count(2)
