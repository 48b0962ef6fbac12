"""Reads of the national network. Pages, downloads and the API all take their figures from here."""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from django.db.models import Prefetch

from tutti.network.models import FundingAllocation, HubArea, LeadAppointment, LocalAuthority, NetworkRevision

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


def hub_area_summaries(
    *, year: int | None = None, areas: Iterable[HubArea] | None = None, boundaries: bool = False
) -> list[HubAreaSummary]:
    """Every hub area (or the given ones) with its current lead, local authorities and funding, in four queries.

    `boundaries` loads the local authorities' map outlines too, for the pages that draw a map.
    """
    year = year if year is not None else latest_funding_year()
    queryset = HubArea.objects.all() if areas is None else HubArea.objects.filter(pk__in=[a.pk for a in areas])
    queryset = queryset.with_local_authorities(boundaries=boundaries).prefetch_related(
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


def published_allocation_years(area: HubArea) -> list[int]:
    """The academic years, newest first, for which the area's whole allocation is published (one query)."""
    allocations = list(FundingAllocation.objects.filter(hub_area=area))
    years = sorted({allocation.academic_year for allocation in allocations}, reverse=True)
    return [year for year in years if _funding(allocations, year).total_pence is not None]


@dataclass(frozen=True)
class PublishedTotal:
    """A national sum of one stream over the hubs that publish it, with how many they are."""

    pence: int
    hub_count: int


@dataclass(frozen=True)
class NationalTotals:
    hub_count: int
    local_authority_count: int
    revenue: PublishedTotal
    capital: PublishedTotal
    total: PublishedTotal
    split_count: int  # hubs publishing both revenue and capital


def _published_total(values: Sequence[int | None]) -> PublishedTotal:
    published = [value for value in values if value is not None]
    return PublishedTotal(pence=sum(published), hub_count=len(published))


def national_totals(summaries: Sequence[HubAreaSummary]) -> NationalTotals:
    """Sums over published figures only; the page says how many hubs each sum covers, never an estimate."""
    return NationalTotals(
        hub_count=len(summaries),
        local_authority_count=sum(len(s.local_authorities) for s in summaries),
        revenue=_published_total([s.funding.revenue_pence for s in summaries]),
        capital=_published_total([s.funding.capital_pence for s in summaries]),
        total=_published_total([s.funding.total_pence for s in summaries]),
        split_count=sum(
            1 for s in summaries if s.funding.revenue_pence is not None and s.funding.capital_pence is not None
        ),
    )


def network_revision() -> int:
    """The current revision of the public network data (0 before anything was loaded)."""
    number = NetworkRevision.objects.filter(pk=1).values_list("number", flat=True).first()
    return number or 0


def capital_allocations(area: HubArea) -> dict[int, int]:
    """The hub area's published capital grant by academic year (start year to pence); a year not published is absent."""
    rows = FundingAllocation.objects.filter(hub_area=area, stream=Stream.CAPITAL).values_list(
        "academic_year", "amount_pence"
    )
    return dict(rows)
