"""The public finder on a 375-pixel phone in headless Chromium, each page checked with axe-core."""

import datetime

import pytest
from django.utils import timezone

from tutti.core.testing.browser import assert_accessible, open_page
from tutti.network.models import HubArea
from tutti.opportunities.tests.factories import listed
from tutti.programmes.models import Session

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def fits_a_phone(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth") <= 375


def test_a_family_searches_opens_a_result_and_its_calendar_on_a_phone(page) -> None:
    hub = HubArea.objects.create(name="Hertfordshire", slug="hertfordshire")
    near = listed(hub=hub, name="St Albans junior strings", postcode="AL1 3LX", age_from=7, age_to=11)
    listed(hub=hub, name="Stevenage youth band", postcode="SG1 1AA", age_from=8, age_to=14)
    Session.objects.create(
        activity=near.activity,
        date=timezone.localdate() + datetime.timedelta(days=3),
        starts_at=datetime.time(9, 30),
        ends_at=datetime.time(11),
    )
    page.set_viewport_size({"width": 375, "height": 800})

    open_page(page, "/opportunities/", title_contains="Find music activities")
    assert fits_a_phone(page)
    page.fill("#id_postcode", "AL1 3AB")
    page.fill("#id_age", "9")
    page.click("main form button[type=submit]")
    assert_accessible(page)
    assert fits_a_phone(page)
    results = page.locator("main h3 a").all_inner_texts()
    assert results == ["St Albans junior strings", "Stevenage youth band"]

    page.get_by_role("link", name="St Albans junior strings").click()
    open_page(page, page.url, title_contains="St Albans junior strings")
    assert fits_a_phone(page)

    open_page(page, "/opportunities/calendar/?hub=hertfordshire", title_contains="What is on in Hertfordshire")
    assert fits_a_phone(page)

    open_page(page, "/opportunities/?postcode=ZZ9+9ZZ", title_contains="Error: Find music activities")
    assert fits_a_phone(page)
