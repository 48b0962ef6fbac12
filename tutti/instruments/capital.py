"""The capital grant tracker: for each capital allocation, what the assets it bought cost, by category.

Spending is the cost of every asset recorded as bought with that year's capital grant, retired ones
included (the money was spent). Repairs are not counted: the capital grant buys instruments, equipment
and technology, and upkeep comes from revenue.
"""

from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Q, Sum

from tutti.instruments.models import SEND_SPECIFIC, SPENDING_CATEGORIES, Asset
from tutti.network.models import HubArea
from tutti.network.selectors import capital_allocations


def capital_deadline(year: int) -> date:
    """The last day to spend a year's capital grant.

    DfE paid the 2024/25 capital in instalments from September 2024 to August 2026, so it runs to the end
    of the following academic year; a later year's grant is taken to run the same two academic years.
    """
    return date(year + 2, 8, 31)


@dataclass(frozen=True)
class CategorySpend:
    key: str
    label: str
    pence: int
    assets: int


@dataclass(frozen=True)
class CapitalSpend:
    """One capital allocation's spending. ``allocation_pence`` is None when the grant is not published."""

    academic_year: int
    allocation_pence: int | None
    deadline: date
    categories: tuple[CategorySpend, ...]
    without_cost: int  # assets recorded against the grant with no cost yet: the spend is understated

    @property
    def spent_pence(self) -> int:
        return sum(category.pence for category in self.categories)

    @property
    def unspent_pence(self) -> int | None:
        return None if self.allocation_pence is None else self.allocation_pence - self.spent_pence

    def days_left(self, today: date) -> int:
        return (self.deadline - today).days


def _category_sums(hub: HubArea, year: int) -> tuple[dict[str, tuple[int, int]], int]:
    rows = (
        Asset.objects.for_hub(hub)
        .bought_with_capital(year)
        .values("kind", "adaptive")
        .annotate(pence=Sum("cost_pence"), assets=Count("pk"), without_cost=Count("pk", filter=Q(cost_pence=None)))
        .order_by()
    )
    sums: dict[str, tuple[int, int]] = {}
    without_cost = 0
    for row in rows:
        key = SEND_SPECIFIC if row["adaptive"] else row["kind"]
        pence, assets = sums.get(key, (0, 0))
        sums[key] = (pence + (row["pence"] or 0), assets + row["assets"])
        without_cost += row["without_cost"]
    return sums, without_cost


def capital_tracker(hub: HubArea) -> list[CapitalSpend]:
    """Each year with a capital allocation or assets bought with one, newest first."""
    allocations = capital_allocations(hub)
    asset_years = set(
        Asset.objects.for_hub(hub)
        .filter(funding=Asset.Funding.CAPITAL_GRANT)
        .values_list("capital_year", flat=True)
        .distinct()
    )
    tracked = []
    for year in sorted(set(allocations) | {year for year in asset_years if year is not None}, reverse=True):
        sums, without_cost = _category_sums(hub, year)
        categories = tuple(CategorySpend(key, label, *sums.get(key, (0, 0))) for key, label in SPENDING_CATEGORIES)
        tracked.append(CapitalSpend(year, allocations.get(year), capital_deadline(year), categories, without_cost))
    return tracked
