"""The hub area table of the directory: its columns, and sorting by any of them through `?sort=`.

The sort lives here rather than in django-tables2 because unpublished figures must sort last in both
directions (a missing figure is not £0, so it is neither the smallest nor the largest), which
django-tables2's list ordering cannot express; the cells also carry GOV.UK markup the template owns.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from django.http import QueryDict

from tutti.core import academic_year
from tutti.network.filters import HubAreaFilterSet
from tutti.network.models import HubArea
from tutti.network.selectors import HubAreaSummary, hub_area_summaries, latest_funding_year

SortKey = Callable[[HubAreaSummary], Any]


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    sort_key: SortKey
    numeric: bool = False


def _lead_name(summary: HubAreaSummary) -> str | None:
    return summary.lead.organisation.name.casefold() if summary.lead else None


COLUMNS: tuple[Column, ...] = (
    Column("area", "Hub area", lambda s: s.area.name.casefold()),
    Column("lead", "Lead organisation", _lead_name),
    Column("local_authorities", "Local authorities", lambda s: len(s.local_authorities)),
    Column("revenue", "Revenue", lambda s: s.funding.revenue_pence, numeric=True),
    Column("capital", "Capital", lambda s: s.funding.capital_pence, numeric=True),
    Column("total", "Total", lambda s: s.funding.total_pence, numeric=True),
    Column("verification", "Verification", lambda s: s.area.get_verification_display()),
)
COLUMNS_BY_KEY = {column.key: column for column in COLUMNS}
DEFAULT_SORT = "area"


@dataclass(frozen=True)
class Header:
    """A column heading: its label, the link that sorts by it, and its aria-sort state."""

    column: Column
    href: str
    aria_sort: str | None  # "ascending", "descending", or None when the table is not sorted by it

    @property
    def next_direction(self) -> str:
        return "descending" if self.aria_sort == "ascending" else "ascending"


def parse_sort(value: str | None) -> tuple[Column, bool]:
    """`revenue` or `-revenue` into its column and whether descending; anything else is the default sort."""
    value = (value or "").strip()
    descending = value.startswith("-")
    column = COLUMNS_BY_KEY.get(value.removeprefix("-"))
    if column is None:
        return COLUMNS_BY_KEY[DEFAULT_SORT], False
    return column, descending


def sort_summaries(summaries: Sequence[HubAreaSummary], sort: str | None) -> list[HubAreaSummary]:
    """Sort by a column either way; rows with no value (not published) follow the rest, by area name."""
    column, descending = parse_sort(sort)
    by_name = sorted(summaries, key=lambda s: s.area.name.casefold())
    with_value = [s for s in by_name if column.sort_key(s) is not None]
    without_value = [s for s in by_name if column.sort_key(s) is None]
    # sorted() is stable, so rows with equal values stay in name order.
    return sorted(with_value, key=column.sort_key, reverse=descending) + without_value


@dataclass(frozen=True)
class HubAreaTable:
    """The directory table: sorted rows and the headings that re-sort them, keeping the page's filters."""

    headers: list[Header]
    rows: list[HubAreaSummary]
    sort: str

    @classmethod
    def build(cls, summaries: Sequence[HubAreaSummary], query: QueryDict) -> "HubAreaTable":
        column, descending = parse_sort(query.get("sort"))
        headers = []
        for candidate in COLUMNS:
            if candidate is column:
                aria_sort: str | None = "descending" if descending else "ascending"
                next_sort = candidate.key if descending else f"-{candidate.key}"
            else:
                aria_sort, next_sort = None, candidate.key
            params = query.copy()
            params["sort"] = next_sort
            headers.append(Header(column=candidate, href=f"?{params.urlencode()}", aria_sort=aria_sort))
        current = f"-{column.key}" if descending else column.key
        return cls(headers=headers, rows=sort_summaries(summaries, current), sort=current)


@dataclass(frozen=True)
class HubDirectory:
    """The searchable, sortable hub table of the public directory and the national view, and their downloads:
    one filter set, one table, the summaries of ``hub_area_summaries`` (so a download is the table shown)."""

    filterset: HubAreaFilterSet
    filtering: bool
    table: HubAreaTable
    area_count: int
    year: int | None

    @classmethod
    def build(cls, query: QueryDict) -> "HubDirectory":
        filterset = HubAreaFilterSet(query, queryset=HubArea.objects.all())
        filtering = any(query.get(name, "").strip() for name in filterset.filters)
        year = latest_funding_year()
        summaries = hub_area_summaries(year=year, areas=filterset.qs if filtering else None)
        area_count = HubArea.objects.count() if filtering else len(summaries)
        return cls(filterset, filtering, HubAreaTable.build(summaries, query), area_count, year)

    def context(self) -> dict[str, object]:
        """What the directory include (network/includes/hub_directory.html) reads."""
        return {
            "filterset": self.filterset,
            "filtering": self.filtering,
            "regions": self.filterset.form.fields["region"].queryset,
            "selected_region": self.filterset.data.get("region", ""),
            "table": self.table,
            "area_count": self.area_count,
            "year": self.year,
            "year_label": academic_year.label(self.year) if self.year is not None else None,
        }
