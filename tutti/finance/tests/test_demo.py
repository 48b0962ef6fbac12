"""The finance demo: Hertfordshire's real allocations, invented lines, and a second run adding nothing."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from tutti.accounts.models import Role
from tutti.accounts.testing import person
from tutti.finance.models import Grant, IncomeEntry, SpendingEntry
from tutti.finance.selectors import sustainability_figures
from tutti.network.models import FundingAllocation
from tutti.network.tests.factories import FundingAllocationFactory


def test_the_demo_loads_once_through_the_services(hub_a, settings) -> None:
    settings.DEBUG = True
    person(hub=hub_a, roles=[Role.FINANCE_OFFICER], email="finance@hertfordshire.example")
    FundingAllocationFactory.create(hub_area=hub_a, stream=FundingAllocation.Stream.REVENUE, amount_pence=167_285_400)
    FundingAllocationFactory.create(hub_area=hub_a, stream=FundingAllocation.Stream.CAPITAL, amount_pence=54_951_800)
    call_command("load_demo_finance")
    counts = (Grant.objects.count(), IncomeEntry.objects.count(), SpendingEntry.objects.count())
    call_command("load_demo_finance")
    assert (Grant.objects.count(), IncomeEntry.objects.count(), SpendingEntry.objects.count()) == counts
    assert counts == (3, 9, 32)
    figures = sustainability_figures(hub=hub_a, academic_year=2024)
    assert figures.dfe_grant.total_pence == 222_237_200
    assert figures.leverage is not None
    assert figures.leverage > 0


def test_the_demo_refuses_without_debug(settings) -> None:
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEBUG is off"):
        call_command("load_demo_finance")
