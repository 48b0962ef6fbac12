"""A national officer's view in a real browser at desktop and phone widths, checked with axe-core."""

import re

import pytest

from tutti.accounts.models import Role
from tutti.accounts.testing import person, sign_in_browser
from tutti.core.testing.browser import assert_accessible, open_page
from tutti.network.models import FundingAllocation, HubArea

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("width", [1280, 375])
def test_the_national_view_and_a_hub_page_it_cannot_open(page, live_server, width: int) -> None:
    hub = HubArea.objects.create(name="Hertfordshire", slug="hertfordshire")
    HubArea.objects.create(name="Birmingham", slug="birmingham")
    FundingAllocation.objects.create(hub_area=hub, academic_year=2024, stream="capital", amount_pence=54_951_800)
    page.set_viewport_size({"width": width, "height": 800})
    sign_in_browser(page.context, person(hub=None, roles=[Role.NATIONAL_OFFICER]), url=live_server.url)

    open_page(page, f"{live_server.url}/national/", title_contains="National view")
    page.fill("input[name=q]", "hert")
    page.click("main form button[type=submit]")
    open_page(page, page.url, title_contains="Search results")
    page.get_by_role("link", name=re.compile(r"^Total\b.*sort ascending")).click()
    assert "sort=total" in page.url

    response = page.goto(f"{live_server.url}/hub/learners/")
    assert response is not None
    assert response.status == 403
    assert "This page is for a hub's own staff" in page.title()
    assert_accessible(page)
    page.get_by_role("link", name="Go to the national view").click()
    open_page(page, page.url, title_contains="National view")
