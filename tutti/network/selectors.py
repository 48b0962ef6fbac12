"""Reads of the national network. Pages, downloads and the API all take their figures from here."""

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import Prefetch

from tutti.network.models import FundingAllocation, HubArea, LeadAppointment, LocalAuthority

Stream = FundingAllocation.Stream


@dataclass(frozen=True)
class Funding:
    """One hub area's published funding for one academic year. None means not published in this data."""

    academic_year: int | None
    revenue_pence: int | None = None
    capital_pence: int | None = None
    combined_pence: int | None = None
    sources: tuple[str, ...] = field(default=())

    @property
    def total_pence(self) -> int | None:
        if self.revenue_pence is not None and self.capital_pence is not None:
            return self.revenue_pence + self.capital_pence
        return self.combined_pence

    @property
    def is_published(self) -> bool:
        return any(v is not None for v in (self.revenue_pence, self.capital_pence, self.combined_pence))


@dataclass(frozen=True)
class HubAreaSummary:
    """What the directory, map, downloads and API say about one hub area."""

    area: HubArea
    lead: LeadAppointment | None
    local_authorities: tuple[LocalAuthority, ...]
    funding: Funding

    @property
    def region_names(self) -> list[str]:
        return sorted({la.region.name for la in self.local_authorities})


def latest_funding_year() -> int | None:
    """Pages show the latest academic year with any funding held, unless asked for another."""
    return FundingAllocation.objects.order_by("-academic_year").values_list("academic_year", flat=True).first()


def _funding(allocations: Iterable[FundingAllocation], year: int | None) -> Funding:
    amounts: dict[str, int] = {}
    sources: list[str] = []
    for allocation in allocations:
        if allocation.academic_year != year:
            continue
        amounts[allocation.stream] = allocation.amount_pence
        for line in allocation.source.splitlines():
            if line.strip() and line not in sources:
                sources.append(line.strip())
    return Funding(
        academic_year=year,
        revenue_pence=amounts.get(Stream.REVENUE),
        capital_pence=amounts.get(Stream.CAPITAL),
        combined_pence=amounts.get(Stream.COMBINED),
        sources=tuple(sources),
    )


def hub_area_summaries(*, year: int | None = None, areas: Iterable[HubArea] | None = None) -> list[HubAreaSummary]:
    """Every hub area (or the given ones) with its current lead, local authorities and funding, in four queries."""
    year = year if year is not None else latest_funding_year()
    queryset = HubArea.objects.all() if areas is None else HubArea.objects.filter(pk__in=[a.pk for a in areas])
    queryset = queryset.with_local_authorities().prefetch_related(
        Prefetch(
            "appointments",
            queryset=LeadAppointment.objects.current().select_related("organisation"),
            to_attr="current_appointments",
        ),
        "allocations",
    )
    return [
        HubAreaSummary(
            area=area,
            lead=next(iter(area.current_appointments), None),
            local_authorities=tuple(area.local_authorities.all()),
            funding=_funding(area.allocations.all(), year),
        )
        for area in queryset
    ]


def hub_area_summary(area: HubArea, *, year: int | None = None) -> HubAreaSummary:
    return hub_area_summaries(year=year, areas=[area])[0]
