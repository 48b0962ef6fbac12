"""The sustainability figures of a year: income by source, leverage of the DfE grant, spending by function,
cost per participating learner and the grant's pass-through shares to delivery partners.

* Income is what is booked in the year (entered, imported, or received against a grant).
* The DfE grant is the hub's published allocation for the year (revenue plus capital, or the published
  total), read from `network`; None when not published, and then the leverage has no value either.
* Leverage is the income from every source other than the DfE grants divided by the DfE grant.
* Cost per participating learner is the year's spending divided by the distinct learners who started
  an activity of the year (programmes' count).
* Pass-through shares are `partners`' shares of the year, summed per partner, as shares of the allocation.

Rounding follows tutti.finance.rounding.
"""

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Sum

from tutti.finance.models import IncomeEntry, IncomeSource, SpendingEntry
from tutti.finance.models.ledger import DFE_SOURCES
from tutti.finance.rounding import divide_pence, percent, ratio
from tutti.network.models import HubArea, StrategicFunction
from tutti.network.selectors import Funding, hub_area_summary
from tutti.partners.selectors import shares_of_year
from tutti.programmes.selectors import participating_learner_count


@dataclass(frozen=True)
class Part:
    """One row of a breakdown: what it is, its amount and its share of the breakdown's whole."""

    label: str
    pence: int
    percent: Decimal | None


def _parts(amounts: list[tuple[str, int]], whole: int | None = None) -> tuple[Part, ...]:
    whole = sum(pence for _, pence in amounts) if whole is None else whole
    return tuple(Part(label, pence, percent(pence, whole)) for label, pence in amounts)


@dataclass(frozen=True)
class SustainabilityFigures:
    academic_year: int
    income: tuple[Part, ...]
    income_pence: int
    dfe_grant: Funding
    other_income_pence: int
    leverage: Decimal | None
    spending: tuple[Part, ...]
    spending_pence: int
    learners: int
    cost_per_learner_pence: int | None
    shares: tuple[Part, ...]
    shares_pence: int
    allocation_pence: int | None

    @property
    def has_ledger(self) -> bool:
        return bool(self.income_pence or self.spending_pence)


def sustainability_figures(*, hub: HubArea, academic_year: int) -> SustainabilityFigures:
    """The year's figures in a fixed number of queries, whatever the number of lines, learners or shares."""
    income_by_source = dict(
        IncomeEntry.objects.for_hub(hub)
        .in_year(academic_year)
        .values_list("source")
        .annotate(total=Sum("amount_pence"))
        .order_by()
    )
    income = [(str(source.label), income_by_source.get(source.value, 0)) for source in IncomeSource]
    income_pence = sum(pence for _, pence in income)
    other_income = income_pence - sum(income_by_source.get(source.value, 0) for source in DFE_SOURCES)

    spending_by_function = dict(
        SpendingEntry.objects.for_hub(hub)
        .in_year(academic_year)
        .values_list("budget_line__function")
        .annotate(total=Sum("amount_pence"))
        .order_by()
    )
    spending = [
        (function.name, spending_by_function.get(function.pk, 0))
        for function in StrategicFunction.objects.order_by("position")
    ]
    spending_pence = sum(pence for _, pence in spending)
    learners = participating_learner_count(hub=hub, academic_year=academic_year)

    funding = hub_area_summary(hub, year=academic_year).funding
    year_shares = shares_of_year(hub=hub, academic_year=academic_year)
    per_partner: dict[str, int] = {}
    for share in year_shares.shares:
        per_partner[share.partner.name] = per_partner.get(share.partner.name, 0) + share.amount_pence
    return SustainabilityFigures(
        academic_year=academic_year,
        income=_parts(income),
        income_pence=income_pence,
        dfe_grant=funding,
        other_income_pence=other_income,
        leverage=ratio(other_income, funding.total_pence),
        spending=_parts(spending),
        spending_pence=spending_pence,
        learners=learners,
        cost_per_learner_pence=divide_pence(spending_pence, learners),
        shares=_parts(sorted(per_partner.items()), whole=year_shares.allocation_pence or 0),
        shares_pence=year_shares.total_pence,
        allocation_pence=year_shares.allocation_pence,
    )
