"""The demo store: about 150 assets on the 2024/25 capital grant with loans and repairs, loaded once."""

import pytest
from django.core.management import CommandError, call_command
from django.test import override_settings
from django.utils import timezone

from tutti.accounts.models import Role
from tutti.accounts.testing import person
from tutti.instruments.capital import capital_tracker
from tutti.instruments.models import Asset, Loan, Repair
from tutti.instruments.selectors import overdue_loans
from tutti.instruments.utilisation import utilisation
from tutti.learners.models import Learner
from tutti.network.models import FundingAllocation, HubArea
from tutti.network.tests.factories import LocalAuthorityFactory
from tutti.programmes.tests.factories import learner


@pytest.fixture
def hertfordshire(db: None) -> HubArea:
    hub = HubArea.objects.create(name="Hertfordshire", slug="hertfordshire")
    LocalAuthorityFactory.create(hub_area=hub)
    person(hub=hub, roles=[Role.HUB_ADMINISTRATOR], email="admin@hertfordshire.example")
    person(hub=hub, roles=[Role.TUTOR], email="tutor@hertfordshire.example")
    birmingham = HubArea.objects.create(name="Birmingham", slug="birmingham")  # the teaching demo loads both
    LocalAuthorityFactory.create(hub_area=birmingham)
    person(hub=birmingham, roles=[Role.HUB_ADMINISTRATOR], email="admin@birmingham.example")
    FundingAllocation.objects.create(
        hub_area=hub, academic_year=2024, stream=FundingAllocation.Stream.CAPITAL, amount_pence=549_518_00
    )
    return hub


@override_settings(DEBUG=True)
def test_the_demo_store_gives_every_page_something_and_loads_once(hertfordshire, capsys) -> None:
    call_command("load_demo_teaching", scale=0.1)
    for _ in range(45 - Learner.objects.for_hub(hertfordshire).count()):  # the whole demo's 45 borrowers
        learner(hertfordshire)
    call_command("load_demo_instruments")
    call_command("load_demo_instruments")

    out = capsys.readouterr().out
    assert "hertfordshire: demo instruments already loaded; nothing added." in out
    assets = Asset.objects.for_hub(hertfordshire)
    assert 140 <= assets.bought_with_capital(2024).count() <= 160
    assert assets.filter(adaptive=True).count() == 6
    loans = Loan.objects.for_hub(hertfordshire)
    assert loans.filter(borrower=Loan.Borrower.LEARNER).count() == 45
    assert loans.filter(status=Loan.Status.OUT, borrower=Loan.Borrower.LEARNER).exists()
    assert loans.filter(status=Loan.Status.AWAITING_AGREEMENT).exists()
    assert loans.filter(status=Loan.Status.RETURNED).exists()
    assert loans.filter(borrower=Loan.Borrower.SCHOOL).count() == 15
    assert Repair.objects.for_hub(hertfordshire).open().count() == 1
    today = timezone.localdate()
    assert overdue_loans(hub=hertfordshire, today=today).exists()
    figures = utilisation(hub=hertfordshire, today=today)
    assert figures.overall.on_loan > 0
    assert figures.idle
    (spend,) = capital_tracker(hertfordshire)
    assert spend.allocation_pence == 549_518_00
    assert 0 < spend.spent_pence < spend.allocation_pence


@override_settings(DEBUG=True)
def test_the_demo_store_needs_the_demo_teaching_first(hertfordshire) -> None:
    with pytest.raises(CommandError, match="run load_demo_teaching first"):
        call_command("load_demo_instruments")


@override_settings(DEBUG=False)
def test_the_demo_store_refuses_with_debug_off(hertfordshire) -> None:
    with pytest.raises(CommandError, match="DEBUG is off"):
        call_command("load_demo_instruments")
