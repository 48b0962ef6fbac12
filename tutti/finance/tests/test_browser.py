"""The finance pages in a real browser, checked with axe-core, as the hub's finance officer."""

import importlib

import pytest
from django.apps import apps as django_apps

from tutti.accounts.models import Role
from tutti.accounts.testing import person, sign_in_browser
from tutti.core.testing.browser import open_page
from tutti.finance.models import IncomeSource
from tutti.finance.tests.factories import BudgetLineFactory, IncomeEntryFactory, SpendingEntryFactory
from tutti.network.models import FundingAllocation
from tutti.network.tests.factories import FundingAllocationFactory, HubAreaFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def signed_in_finance(page, live_server):
    importlib.import_module("tutti.network.migrations.0002_aims_and_strategic_functions").create(django_apps, None)
    hub = HubAreaFactory.create(name="Hertfordshire", slug="hertfordshire")
    FundingAllocationFactory.create(hub_area=hub, stream=FundingAllocation.Stream.REVENUE, amount_pence=167_285_400)
    FundingAllocationFactory.create(hub_area=hub, stream=FundingAllocation.Stream.CAPITAL, amount_pence=54_951_800)
    IncomeEntryFactory.create(hub=hub, source=IncomeSource.SCHOOLS, amount_pence=412_500_00)
    SpendingEntryFactory.create(budget_line=BudgetLineFactory.create(hub=hub, name="WCET tutors"), amount_pence=9_00)
    finance = person(hub=hub, roles=[Role.FINANCE_OFFICER], email="finance@hertfordshire.example")
    sign_in_browser(page.context, finance, url=live_server.url)
    return page


def test_the_sustainability_page_is_accessible_and_fits_a_phone(signed_in_finance) -> None:
    signed_in_finance.set_viewport_size({"width": 375, "height": 800})
    page = open_page(signed_in_finance, "/hub/finance/sustainability/?year=2024/25", title_contains="Sustainability")
    assert "£0.19 of other income for every £1 of DfE grant" in page.locator("#leverage").inner_text()
    assert page.evaluate("document.documentElement.scrollWidth") <= 375


def test_the_budget_against_actual_is_accessible(signed_in_finance) -> None:
    page = open_page(signed_in_finance, "/hub/finance/?year=2024/25", title_contains="Budget against actual")
    assert "WCET tutors" in page.locator("#budget").inner_text()
