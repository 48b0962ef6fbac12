"""The participation page (exact counts, for the hub's own staff) and its download for sharing outside
the hub (small counts shown as "fewer than 10")."""

import csv
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from tutti.accounts.access import hub_role_required
from tutti.core import academic_year
from tutti.core.disclosure import fewer_than, shared_count, shared_percent, threshold
from tutti.inclusion.participation import GROUP_ORDER, Participation, Row, participation, participation_years
from tutti.inclusion.roles import ANALYTICS_ROLES
from tutti.learners.views.requests import hub_of

CHART_WIDTH = 360  # the bars' full width at 100%, beside a 200-unit label column
BAR_HEIGHT = 14


@dataclass(frozen=True)
class ChartBar:
    label: str
    y: int
    participants_width: int
    schools_width: int | None
    participants_percent: Decimal | None
    schools_percent: Decimal | None


def chart(rows: list[Row]) -> tuple[list[ChartBar], int]:
    """Paired bars (participants' and schools' free school meals share) for an SVG; and its height."""
    bars = []
    for index, row in enumerate(rows):
        fsm, schools = row.fsm_percent or Decimal(0), row.school_fsm_percent
        bars.append(
            ChartBar(
                label=row.label[:32],
                y=index * (3 * BAR_HEIGHT + 8),
                participants_width=round(CHART_WIDTH * fsm / 100),
                schools_width=round(CHART_WIDTH * schools / 100) if schools is not None else None,
                participants_percent=row.fsm_percent,
                schools_percent=schools,
            )
        )
    return bars, len(rows) * (3 * BAR_HEIGHT + 8)


def _year(request: HttpRequest, years: list[int]) -> int:
    chosen = request.GET.get("year", "")
    if chosen.isdigit() and int(chosen) in years:
        return int(chosen)
    return years[0] if years else academic_year.containing(timezone.localdate())


@hub_role_required(*ANALYTICS_ROLES)
def participation_page(request: HttpRequest) -> HttpResponse:
    """Exact figures: only the hub's own staff open this page."""
    hub = hub_of(request)
    years = participation_years(hub)
    figures = participation(hub=hub, year=_year(request, years))
    la_bars, la_height = chart(figures.local_authorities)
    kind_bars, kind_height = chart(figures.activity_kinds)
    context = {
        "figures": figures,
        "years": [(value, academic_year.label(value)) for value in years],
        "groups": GROUP_ORDER,
        "sections": [
            ("local-authorities", "By local authority", figures.local_authorities, la_bars, la_height),
            ("activity-kinds", "By kind of activity", figures.activity_kinds, kind_bars, kind_height),
            ("schools", "By school", figures.schools, None, 0),
        ],
        "chart_width": CHART_WIDTH,
        "bar_height": BAR_HEIGHT,
        "fewer_than": fewer_than(),
        "threshold": threshold(),
    }
    return render(request, "inclusion/participation.html", context)


CSV_HEADER = [
    "Grouping",
    "Group",
    "Participants",
    "Free school meals or pupil premium",
    "Free school meals or pupil premium (% of participants)",
    "Schools' pupils eligible for free school meals (%)",
    "Gap (percentage points)",
    "SEND",
    "SEND (% of participants)",
    "Looked after or previously looked after",
    "Looked after or previously looked after (% of participants)",
    *(f"Ethnicity: {group}" for group in GROUP_ORDER),
]


def shared_row(grouping: str, row: Row) -> list[str]:
    """One row as it may be seen outside the hub: small counts and the shares they would give away hidden."""
    fsm_shown = shared_percent(row.fsm, row.participants)
    gap = "not shown" if fsm_shown == "not shown" or row.fsm_gap is None else f"{row.fsm_gap}"
    return [
        grouping,
        row.label,
        shared_count(row.participants),
        shared_count(row.fsm),
        fsm_shown,
        f"{row.school_fsm_percent}%" if row.school_fsm_percent is not None else "not published",
        gap,
        shared_count(row.send),
        shared_percent(row.send, row.participants),
        shared_count(row.looked_after),
        shared_percent(row.looked_after, row.participants),
        *(shared_count(count) for _, count, _ in row.ethnicity_rows()),
    ]


def shared_rows(figures: Participation) -> Iterator[list[str]]:
    yield shared_row("Hub area", figures.area)
    for grouping, rows in (
        ("Local authority", figures.local_authorities),
        ("Kind of activity", figures.activity_kinds),
        ("School", figures.schools),
    ):
        for row in rows:
            yield shared_row(grouping, row)


@hub_role_required(*ANALYTICS_ROLES)
def participation_csv(request: HttpRequest) -> HttpResponse:
    """The same figures for sharing outside the hub: counts below the threshold are "fewer than 10"."""
    hub = hub_of(request)
    year = _year(request, participation_years(hub))
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    filename = f"participation-{hub.slug}-{academic_year.label(year).replace('/', '-')}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    writer = csv.writer(response)
    writer.writerow(CSV_HEADER)
    writer.writerows(shared_rows(participation(hub=hub, year=year)))
    return response
