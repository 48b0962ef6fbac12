"""The instruments pages in a real browser on a phone-sized screen, with axe-core on every page opened."""

import pytest
from playwright.sync_api import Browser, Page, ViewportSize, expect
from pytest_django.live_server_helper import LiveServer

from tutti.accounts.models import Role
from tutti.accounts.testing import person, sign_in_browser
from tutti.core.testing.browser import assert_accessible, open_page
from tutti.instruments.tests.factories import AssetFactory, lent
from tutti.network.models import FundingAllocation, HubArea
from tutti.programmes.tests.factories import learner

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE: ViewportSize = {"width": 375, "height": 740}


def _fits(page: Page) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], f"{page.url} scrolls sideways"


def test_the_store_pages_are_accessible_and_fit_a_phone(browser: Browser, live_server: LiveServer) -> None:
    hub = HubArea.objects.create(name="Hertfordshire", slug="hertfordshire")
    FundingAllocation.objects.create(
        hub_area=hub, academic_year=2024, stream=FundingAllocation.Stream.CAPITAL, amount_pence=549_518_00
    )
    admin = person(hub=hub, roles=[Role.HUB_ADMINISTRATOR])
    violin = AssetFactory.create(hub=hub, asset_tag="HRT-V001")
    AssetFactory.create(hub=hub, asset_tag="HRT-A001", adaptive=True, adaptive_purpose="One-handed recorder")
    lent(AssetFactory.create(hub=hub, asset_tag="HRT-V002"), learner(hub), by=admin)

    context = browser.new_context(base_url=live_server.url, viewport=PHONE)
    sign_in_browser(context, admin, url=live_server.url)
    page = context.new_page()

    for url, title in [
        ("/hub/instruments/", "Asset register"),
        ("/hub/instruments/loans/", "Loans"),
        ("/hub/instruments/loans/overdue/", "Overdue loans"),
        ("/hub/instruments/capital/", "Capital grant tracker"),
        ("/hub/instruments/utilisation/", "Instrument utilisation"),
        ("/hub/instruments/new/", "Add an asset"),
        ("/hub/instruments/import/", "Import an asset register"),
    ]:
        open_page(page, url, title_contains=title)
        _fits(page)

    open_page(page, f"/hub/instruments/assets/{violin.public_id}/", title_contains="HRT-V001")
    page.get_by_role("link", name="Lend it").click()
    open_page(page, page.url, title_contains="Lend HRT-V001")
    _fits(page)
    page.get_by_label("A learner").check()
    page.get_by_role("button", name="Lend it").click()  # nothing else filled: each problem is named
    assert_accessible(page)
    expect(page.get_by_role("alert")).to_contain_text("Enter the learner's reference")
    context.close()  # before the live server stops: no request of this page may outlive the test
