"""The finance services, each with its failure cases."""

import datetime

import pytest

from tutti.accounts.models import User
from tutti.finance import services
from tutti.finance.models import Grant, IncomeEntry, IncomeSource
from tutti.finance.selectors import grant_amount_pence
from tutti.finance.tests.factories import BudgetLineFactory, GrantFactory, IncomeEntryFactory
from tutti.network.models import FundingAllocation, HubArea, StrategicFunction
from tutti.network.tests.factories import FundingAllocationFactory

Refused = services.FinanceRefused


@pytest.fixture
def revenue_allocation(hub_a: HubArea) -> FundingAllocation:
    return FundingAllocationFactory.create(
        hub_area=hub_a, academic_year=2024, stream=FundingAllocation.Stream.REVENUE, amount_pence=167_285_400
    )


def test_a_dfe_grant_takes_its_amount_from_the_published_allocation(hub_a, hub_a_finance, revenue_allocation) -> None:
    grant = services.grant_create(
        hub=hub_a, kind=Grant.Kind.DFE_REVENUE, academic_year=2024, by=hub_a_finance, amount_pence=1, funder="Me"
    )
    assert grant.amount_pence is None
    assert grant.funder == ""
    assert (grant.starts_on, grant.ends_on) == (datetime.date(2024, 9, 1), datetime.date(2025, 8, 31))
    assert grant.restricted
    assert grant_amount_pence(grant) == 167_285_400
    revenue_allocation.amount_pence = 170_000_000
    revenue_allocation.save()
    assert grant_amount_pence(grant) == 170_000_000, "the grant follows the allocation, it never keeps a copy"


def test_a_dfe_grant_of_a_kind_is_recorded_once_a_year(hub_a, hub_a_finance) -> None:
    services.grant_create(hub=hub_a, kind=Grant.Kind.DFE_CAPITAL, academic_year=2024, by=hub_a_finance)
    with pytest.raises(Refused, match="DfE capital grant for 2024/25 is already recorded"):
        services.grant_create(hub=hub_a, kind=Grant.Kind.DFE_CAPITAL, academic_year=2024, by=hub_a_finance)
    services.grant_create(hub=hub_a, kind=Grant.Kind.DFE_CAPITAL, academic_year=2025, by=hub_a_finance)


def test_another_grant_needs_an_amount_and_a_period_in_order(hub_a, hub_a_finance) -> None:
    base = {"hub": hub_a, "kind": Grant.Kind.OTHER, "academic_year": 2024, "by": hub_a_finance,
            "name": "Youth Music fund", "funder": "Youth Music"}  # fmt: skip
    with pytest.raises(Refused, match="amount"):
        services.grant_create(**base, starts_on=datetime.date(2024, 9, 1), ends_on=datetime.date(2025, 8, 31))
    with pytest.raises(Refused, match="must end on or after"):
        services.grant_create(
            **base, amount_pence=5_000_00, starts_on=datetime.date(2025, 1, 1), ends_on=datetime.date(2024, 12, 31)
        )
    grant = services.grant_create(
        **base, amount_pence=5_000_00, starts_on=datetime.date(2024, 9, 1), ends_on=datetime.date(2026, 3, 31),
        restricted=True, conditions="  For SEND ensembles only.  ",
    )  # fmt: skip
    assert (grant.amount_pence, grant.conditions, grant.funder_name) == (
        5_000_00,
        "For SEND ensembles only.",
        "Youth Music",
    )


def test_payments_of_a_grant_are_income_of_its_source_and_never_exceed_it(hub_a, hub_a_finance) -> None:
    grant = GrantFactory.create(hub=hub_a, amount_pence=30_000_00)
    first = services.grant_payment_record(
        grant=grant, received_on=datetime.date(2024, 10, 1), amount_pence=20_000_00, by=hub_a_finance, reference="R1"
    )
    assert (first.source, first.grant, first.hub) == (IncomeSource.OTHER_GRANTS, grant, hub_a)
    with pytest.raises(Refused, match=r"£30,000.01 \(£20,000 already received plus £10,000.01\), more than the grant"):
        services.grant_payment_record(
            grant=grant, received_on=datetime.date(2025, 1, 1), amount_pence=10_000_01, by=hub_a_finance
        )
    with pytest.raises(Refused, match="Reference R1 is already used"):
        services.grant_payment_record(
            grant=grant, received_on=datetime.date(2025, 1, 1), amount_pence=100, by=hub_a_finance, reference="R1"
        )
    with pytest.raises(Refused, match="more than £0"):
        services.grant_payment_record(
            grant=grant, received_on=datetime.date(2025, 1, 1), amount_pence=0, by=hub_a_finance
        )
    services.grant_payment_record(
        grant=grant, received_on=datetime.date(2025, 1, 1), amount_pence=10_000_00, by=hub_a_finance
    )
    assert IncomeEntry.objects.for_hub(hub_a).filter(grant=grant).count() == 2


def test_a_dfe_payment_is_checked_against_the_allocation(hub_a, hub_a_finance, revenue_allocation) -> None:
    grant = services.grant_create(hub=hub_a, kind=Grant.Kind.DFE_REVENUE, academic_year=2024, by=hub_a_finance)
    payment = services.grant_payment_record(
        grant=grant, received_on=datetime.date(2024, 9, 30), amount_pence=83_642_700, by=hub_a_finance
    )
    assert payment.source == IncomeSource.DFE_REVENUE
    with pytest.raises(Refused, match="more than the grant of £1,672,854"):
        services.grant_payment_record(
            grant=grant, received_on=datetime.date(2025, 3, 30), amount_pence=83_642_800, by=hub_a_finance
        )


def test_a_deadline_belongs_to_its_grant_and_hub(hub_a, hub_a_finance) -> None:
    grant = GrantFactory.create(hub=hub_a)
    deadline = services.grant_deadline_add(
        grant=grant, due_on=datetime.date(2025, 3, 31), report=" Interim report ", by=hub_a_finance
    )
    assert (deadline.hub, deadline.report, list(grant.deadlines.all())) == (hub_a, "Interim report", [deadline])


def _schools() -> StrategicFunction:
    return StrategicFunction.objects.get(slug="schools")


def test_budget_line_names_and_codes_are_the_years_own(hub_a, hub_b, hub_a_finance) -> None:
    line = services.budget_line_save(
        hub=hub_a,
        academic_year=2024,
        function=_schools(),
        name="WCET tutors",
        code="T100",
        amount_pence=1,
        by=hub_a_finance,
    )
    with pytest.raises(Refused, match="already has a line called wcet tutors") as refusal:
        services.budget_line_save(
            hub=hub_a, academic_year=2024, function=_schools(), name="wcet tutors", amount_pence=1, by=hub_a_finance
        )
    assert refusal.value.field == "name"
    with pytest.raises(Refused, match="already has a line with the code t100"):
        services.budget_line_save(
            hub=hub_a,
            academic_year=2024,
            function=_schools(),
            name="Other",
            code="t100",
            amount_pence=1,
            by=hub_a_finance,
        )
    with pytest.raises(Refused, match="£0 or more"):
        services.budget_line_save(
            hub=hub_a, academic_year=2024, function=_schools(), name="Other", amount_pence=-1, by=hub_a_finance
        )
    # The same name in another year, or in another hub, is another line; a line may keep its own name.
    services.budget_line_save(
        hub=hub_a,
        academic_year=2025,
        function=_schools(),
        name="WCET tutors",
        code="T100",
        amount_pence=1,
        by=hub_a_finance,
    )
    services.budget_line_save(
        hub=hub_b,
        academic_year=2024,
        function=_schools(),
        name="WCET tutors",
        code="T100",
        amount_pence=1,
        by=hub_a_finance,
    )
    changed = services.budget_line_save(
        hub=hub_a, academic_year=2024, function=_schools(), name="WCET tutors", code="T100", amount_pence=9_00,
        by=hub_a_finance, line=line,
    )  # fmt: skip
    assert (changed.pk, changed.amount_pence) == (line.pk, 9_00)


def test_income_needs_a_positive_amount_and_an_unused_reference(hub_a, hub_b, hub_a_finance) -> None:
    record = {"source": IncomeSource.SCHOOLS, "booked_on": datetime.date(2024, 11, 5), "description": "SLA",
              "by": hub_a_finance}  # fmt: skip
    with pytest.raises(Refused, match="more than £0"):
        services.income_record(hub=hub_a, amount_pence=0, **record)
    IncomeEntryFactory.create(hub=hub_a, reference="SI-1", booked_on=datetime.date(2024, 10, 2))
    with pytest.raises(Refused, match="Reference SI-1 is already used by the line of 02 October 2024"):
        services.income_record(hub=hub_a, amount_pence=1, reference="SI-1", **record)
    assert services.income_record(hub=hub_b, amount_pence=1, reference="SI-1", **record).hub == hub_b


def test_spending_is_charged_to_a_line_of_the_year_it_was_spent_in(hub_a, hub_b, hub_a_finance) -> None:
    line = BudgetLineFactory.create(hub=hub_a, academic_year=2024, name="Instrument repairs")
    record = {"amount_pence": 120_00, "description": "Violin bridge", "by": hub_a_finance}
    with pytest.raises(
        Refused, match="1 September 2025 is not in 2024/25, the year of the budget line Instrument repairs"
    ):
        services.spending_record(hub=hub_a, budget_line=line, booked_on=datetime.date(2025, 9, 1), **record)
    with pytest.raises(Refused, match="not one of this hub's"):
        services.spending_record(hub=hub_b, budget_line=line, booked_on=datetime.date(2025, 8, 31), **record)
    entry = services.spending_record(hub=hub_a, budget_line=line, booked_on=datetime.date(2025, 8, 31), **record)
    assert (entry.hub, entry.budget_line, entry.amount_pence) == (hub_a, line, 120_00)


def test_recorders_are_kept_on_each_line(hub_a, hub_a_finance: User) -> None:
    entry = services.income_record(
        hub=hub_a, source=IncomeSource.DONATIONS, booked_on=datetime.date(2024, 12, 1), amount_pence=50_00,
        description="Concert collection", by=hub_a_finance,
    )  # fmt: skip
    assert entry.recorded_by == hub_a_finance
