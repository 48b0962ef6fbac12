"""Reading agreements, pass-through shares, the board and the partnership map."""

from dataclasses import dataclass
from typing import Literal

from django.db.models import Count, QuerySet, Sum

from tutti.network.models import HubArea, LocalAuthority, StrategicFunction
from tutti.network.selectors import hub_area_summary
from tutti.partners.models import Agreement, BoardMember, Partner, PassThroughShare

MapAxis = Literal["kind", "local_authority"]


@dataclass(frozen=True)
class SharesOfYear:
    """The year's pass-through shares against the hub's published allocation (None: not published)."""

    academic_year: int
    shares: list[PassThroughShare]
    total_pence: int
    allocation_pence: int | None

    @property
    def remaining_pence(self) -> int | None:
        return None if self.allocation_pence is None else self.allocation_pence - self.total_pence


def shares_of_year(*, hub: HubArea, academic_year: int) -> SharesOfYear:
    """The hub's shares for one year (three queries for the shares, plus the allocation's)."""
    shares = list(
        PassThroughShare.objects.for_hub(hub)
        .filter(academic_year=academic_year)
        .select_related("partner", "local_authority")
        .defer("local_authority__boundary_svg")
        .order_by("local_authority__name", "partner__name")
    )
    return SharesOfYear(
        academic_year=academic_year,
        shares=shares,
        total_pence=sum(share.amount_pence for share in shares),
        allocation_pence=hub_area_summary(hub, year=academic_year).funding.total_pence,
    )


def share_years(hub: HubArea) -> list[int]:
    """Years with shares recorded, newest first."""
    years = PassThroughShare.objects.for_hub(hub).values_list("academic_year", flat=True).distinct()
    return sorted(set(years), reverse=True)


def board_of(hub: HubArea | None) -> QuerySet[BoardMember]:
    """The hub's board: members whose term is current first, then by name."""
    return BoardMember.objects.for_hub(hub).order_by("term_ends_on", "name", "pk")


def contributions_total(*, hub: HubArea, academic_year: int) -> int:
    """All partners' contributions (cash and in kind) to the hub in a year, in pence."""
    totals = (
        Agreement.objects.for_hub(hub)
        .filter(academic_year=academic_year)
        .aggregate(cash=Sum("cash_pence"), in_kind=Sum("in_kind_pence"))
    )
    return (totals["cash"] or 0) + (totals["in_kind"] or 0)


@dataclass(frozen=True)
class MapRow:
    function: StrategicFunction
    counts: tuple[int, ...]

    @property
    def total(self) -> int:
        return sum(self.counts)


@dataclass(frozen=True)
class PartnershipMap:
    """Active agreements counted by strategic function (rows) and partner kind or local authority (columns).

    An agreement counts when it is for the year and its partner is active and not archived. An agreement
    naming two functions counts in both rows; a partner serving two authorities counts in both columns.
    """

    academic_year: int
    axis: MapAxis
    columns: tuple[str, ...]
    rows: tuple[MapRow, ...]

    @property
    def empty_cells(self) -> int:
        return sum(count == 0 for row in self.rows for count in row.counts)


def _active_agreements(hub: HubArea, academic_year: int) -> QuerySet[Agreement]:
    return Agreement.objects.for_hub(hub).filter(
        academic_year=academic_year, partner__status=Partner.Status.ACTIVE, partner__archived_at__isnull=True
    )


def partnership_map(*, hub: HubArea, academic_year: int, axis: MapAxis = "kind") -> PartnershipMap:
    """The partnership map for a year, in three queries (functions, columns, counts)."""
    if axis == "kind":
        keys: list[object] = list(Partner.Kind.values)
        labels = [str(label) for label in Partner.Kind.labels]
        column_field = "partner__kind"
    else:
        authorities = list(LocalAuthority.objects.filter(hub_area=hub).order_by("name").only("pk", "name"))
        keys = [la.pk for la in authorities]
        labels = [la.name for la in authorities]
        column_field = "partner__local_authorities"
    counts: dict[tuple[object, object], int] = {
        (row["strategic_functions"], row[column_field]): row["n"]
        for row in _active_agreements(hub, academic_year)
        .values("strategic_functions", column_field)
        .annotate(n=Count("pk", distinct=True))
        .order_by()
    }
    rows = tuple(
        MapRow(function=function, counts=tuple(counts.get((function.pk, key), 0) for key in keys))
        for function in StrategicFunction.objects.order_by("position")
    )
    return PartnershipMap(academic_year=academic_year, axis=axis, columns=tuple(labels), rows=rows)
