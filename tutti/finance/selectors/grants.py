"""Reading grants with what they are worth and what has been received against them."""

from dataclasses import dataclass

from django.db.models import Sum

from tutti.accounts.tenancy import HubScopedQuerySet
from tutti.finance.models import Grant
from tutti.network.models import HubArea
from tutti.network.selectors import Funding, hub_area_summary


def _dfe_amount(grant: Grant, funding: Funding) -> int | None:
    return funding.revenue_pence if grant.kind == Grant.Kind.DFE_REVENUE else funding.capital_pence


def grant_amount_pence(grant: Grant) -> int | None:
    """What the grant is worth: a DfE grant's published allocation (None when not published), else its amount."""
    if not grant.is_dfe:
        return grant.amount_pence
    return _dfe_amount(grant, hub_area_summary(grant.hub, year=grant.academic_year).funding)


@dataclass(frozen=True)
class GrantRow:
    """A grant with its worth (None: a DfE allocation not published in this data) and the payments received."""

    grant: Grant
    amount_pence: int | None
    received_pence: int

    @property
    def outstanding_pence(self) -> int | None:
        return None if self.amount_pence is None else self.amount_pence - self.received_pence


def grants_of_year(*, hub: HubArea, academic_year: int) -> list[GrantRow]:
    """The hub's grants for a year, DfE grants first, with their payments summed (one query, plus the allocation)."""
    grants = (
        Grant.objects.for_hub(hub)
        .filter(academic_year=academic_year)
        .annotate(received=Sum("payments__amount_pence"))
        .order_by("kind", "name")
    )
    funding = hub_area_summary(hub, year=academic_year).funding
    return [
        GrantRow(
            grant=grant,
            amount_pence=_dfe_amount(grant, funding) if grant.is_dfe else grant.amount_pence,
            received_pence=grant.received or 0,
        )
        for grant in grants
    ]


def grant_years(hub: HubArea) -> list[int]:
    years = Grant.objects.for_hub(hub).values_list("academic_year", flat=True).distinct()
    return sorted(set(years), reverse=True)


def grant_for_page() -> HubScopedQuerySet[Grant]:
    """The queryset a grant's page looks its grant up in (through the hub): its deadlines and payments with it."""
    return Grant.objects.prefetch_related("deadlines", "payments")
