"""The inclusion lead records a paper application with evidence and approves it, on a phone-sized screen,
every page checked with axe-core at WCAG 2.2 AA and none wider than the screen."""

import re

import pytest
from playwright.sync_api import expect

from tutti.accounts.models import Role
from tutti.accounts.testing import person, sign_in_browser
from tutti.core.testing.browser import assert_accessible, open_page
from tutti.inclusion.demo import DEMO_PDF
from tutti.inclusion.models import Criterion, RemissionApplication
from tutti.inclusion.tests.builders import paid_place
from tutti.inclusion.tests.factories import RemissionRuleFactory, RemissionSchemeFactory
from tutti.network.models import HubArea

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _fits_the_screen(page) -> None:
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 375, f"{page.url} is {width}px wide"


def test_a_paper_application_is_recorded_and_approved_on_a_phone(page, live_server, tmp_path) -> None:
    page.set_viewport_size({"width": 375, "height": 800})
    hub = HubArea.objects.create(name="Hertfordshire", slug="hertfordshire")
    lead = person(hub=hub, roles=[Role.INCLUSION_LEAD])
    scheme = RemissionSchemeFactory.create(hub=hub, academic_year=2025)
    RemissionRuleFactory.create(scheme=scheme, criterion=Criterion.FREE_SCHOOL_MEALS, percent=100)
    learner, _ = paid_place(hub, by=lead)
    letter = tmp_path / "benefit-letter.pdf"
    letter.write_bytes(DEMO_PDF)
    sign_in_browser(page.context, lead, url=live_server.url)

    open_page(page, "/hub/inclusion/", title_contains="Fee remission")
    _fits_the_screen(page)
    open_page(page, "/hub/inclusion/applications/new/", title_contains="Record an application")
    page.click("main form button[type=submit]")
    expect(page).to_have_title(re.compile(r"^Error: "))  # waits for the answer to the post
    assert_accessible(page)
    page.fill("#id_learner_reference", learner.reference)
    page.check("#id_criteria_0")
    page.fill("#id_applicant_name", "Mordred Fiddlesticks")
    page.check("#id_channel")
    page.set_input_files("#id_evidence", str(letter))
    page.click("main form button[type=submit]")
    expect(page).to_have_title(re.compile(re.escape(learner.reference)))
    assert_accessible(page)
    _fits_the_screen(page)

    page.check("#id_decision")
    page.click("main form button[type=submit]")
    assert "Approved" in page.content()
    assert_accessible(page)
    assert RemissionApplication.objects.get().status == RemissionApplication.Status.APPROVED
    open_page(page, "/hub/inclusion/participation/", title_contains="participation")
    _fits_the_screen(page)
