"""The capital tracker's sums against fixtures, and the utilisation figures."""

import datetime

from django.utils import timezone

from tutti.instruments.capital import capital_deadline, capital_tracker
from tutti.instruments.models import Asset, Condition
from tutti.instruments.services.loans import loan_return, loan_to_school
from tutti.instruments.tests.factories import BOUGHT, AssetFactory, instrument, lent
from tutti.instruments.utilisation import IDLE_AFTER_DAYS, utilisation
from tutti.learners.models import Answer, Send
from tutti.network.models import FundingAllocation
from tutti.programmes.tests.factories import learner
from tutti.schools.tests.factories import SchoolFactory

TODAY = datetime.date(2025, 6, 1)


def _allocate(hub, pence: int, year: int = 2024) -> None:
    FundingAllocation.objects.create(
        hub_area=hub, academic_year=year, stream=FundingAllocation.Stream.CAPITAL, amount_pence=pence
    )


def test_the_tracker_sums_each_category_against_the_allocation(hub_a, hub_b) -> None:
    _allocate(hub_a, 549_518_00)
    AssetFactory.create_batch(3, hub=hub_a, cost_pence=250_00)  # instruments
    AssetFactory.create(hub=hub_a, kind=Asset.Kind.EQUIPMENT, instrument=None, item="Music stands", cost_pence=45_00)
    AssetFactory.create(hub=hub_a, kind=Asset.Kind.TECHNOLOGY, instrument=instrument("Music technology"),
                        cost_pence=1_200_00)  # fmt: skip
    AssetFactory.create(hub=hub_a, adaptive=True, adaptive_purpose="One-handed recorder", cost_pence=300_00)
    AssetFactory.create(hub=hub_a, cost_pence=None)  # no cost yet: counted, flagged
    AssetFactory.create(hub=hub_a, funding=Asset.Funding.DONATION, capital_year=None, cost_pence=999_00)
    AssetFactory.create(hub=hub_b, cost_pence=777_00)  # another hub's spending never counts

    (spend,) = capital_tracker(hub_a)

    amounts = {category.key: (category.assets, category.pence) for category in spend.categories}
    assert amounts == {"instrument": (4, 750_00), "equipment": (1, 45_00), "technology": (1, 1_200_00),
                       "send": (1, 300_00)}  # fmt: skip
    assert spend.spent_pence == 2_295_00
    assert spend.unspent_pence == 549_518_00 - 2_295_00
    assert spend.without_cost == 1
    assert spend.deadline == datetime.date(2026, 8, 31)


def test_a_year_with_spending_but_no_published_allocation_shows_unknown_unspent(hub_a) -> None:
    AssetFactory.create(hub=hub_a, capital_year=2025, cost_pence=100_00)

    (spend,) = capital_tracker(hub_a)

    assert (spend.academic_year, spend.allocation_pence, spend.unspent_pence) == (2025, None, None)
    assert spend.spent_pence == 100_00


def test_the_capital_paid_to_august_2026_must_be_spent_by_then() -> None:
    assert capital_deadline(2024) == datetime.date(2026, 8, 31)


def test_utilisation_counts_the_share_on_loan_by_type_and_place(hub_a, hub_a_manager) -> None:
    violins = AssetFactory.create_batch(4, hub=hub_a)
    AssetFactory.create(hub=hub_a, instrument=instrument("Cornet"), store_name="Stevenage store")
    AssetFactory.create(hub=hub_a, status=Asset.Status.RETIRED, retired_on=BOUGHT)  # not in the fleet
    lent(violins[0], learner(hub_a), by=hub_a_manager)
    school = SchoolFactory.create(local_authority__hub_area=hub_a)
    loan_to_school(asset=violins[1], school=school, lent_on=BOUGHT, due_on=TODAY, contact_email="", by=hub_a_manager)

    figures = utilisation(hub=hub_a, today=TODAY)

    assert (figures.overall.fleet, figures.overall.on_loan, figures.overall.percent) == (5, 2, 40)
    assert [(s.label, s.fleet, s.on_loan) for s in figures.by_type] == [("Cornet", 1, 0), ("Violin", 4, 2)]
    assert [(s.label, s.fleet, s.on_loan) for s in figures.by_location] == [
        ("Store: Main store", 4, 2), ("Store: Stevenage store", 1, 0),
    ]  # fmt: skip


def test_an_asset_untouched_for_more_than_a_term_is_idle(hub_a, hub_a_manager) -> None:
    today = timezone.localdate()
    long_ago = today - datetime.timedelta(days=IDLE_AFTER_DAYS + 30)
    idle, busy, recently_back = AssetFactory.create_batch(3, hub=hub_a, purchased_on=long_ago)
    added_long_ago = AssetFactory.create(hub=hub_a, purchased_on=None)
    Asset.objects.filter(pk=added_long_ago.pk).update(created_at=timezone.now() - datetime.timedelta(days=200))
    lent(busy, learner(hub_a), by=hub_a_manager, lent_on=long_ago, days=365)
    loan = lent(recently_back, learner(hub_a), by=hub_a_manager, lent_on=long_ago)
    loan_return(loan=loan, returned_on=today - datetime.timedelta(days=3), condition=Condition.GOOD, by=hub_a_manager)
    AssetFactory.create(hub=hub_a, purchased_on=today)  # just bought: not idle yet
    AssetFactory.create(hub=hub_a, purchased_on=None)  # added to the register today, no purchase date

    figures = utilisation(hub=hub_a, today=today)

    assert sorted(asset.asset_tag for asset in figures.idle) == sorted([idle.asset_tag, added_long_ago.asset_tag])


def test_utilisation_counts_loans_to_learners_eligible_for_free_meals_or_with_send(hub_a, hub_a_manager) -> None:
    eligible = learner(hub_a, disadvantaged=Answer.YES)
    with_plan = learner(hub_a, send=Send.EHC_PLAN)
    both = learner(hub_a, disadvantaged=Answer.YES, send=Send.SEN_SUPPORT)
    neither = learner(hub_a, disadvantaged=Answer.NO, send=Send.NONE)
    for child in (eligible, with_plan, both, neither):
        lent(AssetFactory.create(hub=hub_a), child, by=hub_a_manager)

    counts = utilisation(hub=hub_a, today=TODAY).learner_loans

    assert (counts.total, counts.free_school_meals, counts.send) == (4, 2, 2)
