"""Coverage: how many of the area's open state-funded schools the hub engaged in a year, and which it has not.

The base is every open state-funded school in the hub's local authorities (tutti.schools.gias.types says
which are state-funded); a school is engaged when the hub holds an engagement record for it that year or
its teaching ran there (``selectors.with_engagement``), and the page says which for each engaged school.
Shares are by phase, by local authority and by free-school-meals quartile, and the page, its table and
its map all read this one ``area_coverage`` result.

FSM quartiles: the cut points are the quartiles of the base schools' % FSM (``statistics.quantiles`` with
the inclusive method, i.e. linear interpolation between the sorted values). A school at or below the first
cut point is in quartile 1 (least disadvantaged), and so on; equal values always share a quartile, so
quartiles can differ in size when values tie. Schools with no published % FSM are counted in their own row.
"""

import re
import statistics
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from tutti.network.geography import project
from tutti.network.models import HubArea
from tutti.schools.models import School
from tutti.schools.selectors import hub_local_authorities, with_engagement

FSM_NOT_KNOWN = "% FSM not published"
RECORDED, TAUGHT, BOTH = "Recorded engagement", "Teaching", "Recorded engagement and teaching"
SOURCES = (RECORDED, TAUGHT, BOTH)
_NUMBER = re.compile(r"-?\d+(?:\.\d+)?")


@dataclass(frozen=True)
class CoverageRow:
    """One group of schools: how many there are and how many the hub engaged."""

    label: str
    schools: int
    engaged: int

    @property
    def percent(self) -> Decimal | None:
        """The engaged share to one decimal place (None for an empty group, never a division by zero)."""
        if not self.schools:
            return None
        return (Decimal(100 * self.engaged) / self.schools).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class MapPoint:
    x: float
    y: float
    school: School
    engaged: bool


@dataclass
class Coverage:
    year: int
    total: CoverageRow
    by_phase: list[CoverageRow] = field(default_factory=list)
    by_local_authority: list[CoverageRow] = field(default_factory=list)
    by_fsm_quartile: list[CoverageRow] = field(default_factory=list)
    fsm_cut_points: list[Decimal] = field(default_factory=list)
    not_engaged: list[School] = field(default_factory=list)
    engaged: list[tuple[School, str]] = field(default_factory=list)
    points: list[MapPoint] = field(default_factory=list)
    boundaries: list[tuple[str, str]] = field(default_factory=list)
    viewbox: str = ""
    radius: float = 1.0

    @property
    def engaged_by_source(self) -> list[tuple[str, int]]:
        """How many engaged schools each source accounts for, in a fixed order, leaving out zero counts."""
        counts = Counter(source for _, source in self.engaged)
        return [(source, counts[source]) for source in SOURCES if counts[source]]


def is_engaged(school: School) -> bool:
    """The ``engaged`` annotation area_coverage puts on each school."""
    return bool(school.engaged)  # type: ignore[attr-defined]


def engagement_source(school: School) -> str:
    """Where an engaged school's figure comes from: the hub's engagement record, its teaching, or both."""
    recorded, taught = school.recorded, school.taught  # type: ignore[attr-defined]
    if recorded and taught:
        return BOTH
    return RECORDED if recorded else TAUGHT


def _row(label: str, schools: Iterable[School]) -> CoverageRow:
    group = list(schools)
    return CoverageRow(label=label, schools=len(group), engaged=sum(1 for school in group if is_engaged(school)))


def _grouped(schools: list[School], key: Callable[[School], str], labels: Iterable[str]) -> list[CoverageRow]:
    return [_row(label, (school for school in schools if key(school) == label)) for label in labels]


def fsm_cut_points(values: list[Decimal]) -> list[Decimal]:
    """The three quartile cut points of the values (inclusive method); one value is its own cut point."""
    if not values:
        return []
    if len(values) == 1:
        return [values[0]] * 3
    return [
        Decimal(str(round(cut, 2))) for cut in statistics.quantiles([float(v) for v in values], n=4, method="inclusive")
    ]


def fsm_quartile(value: Decimal, cuts: list[Decimal]) -> int:
    """1 (lowest % FSM) to 4 (highest)."""
    return next((number for number, cut in enumerate(cuts, start=1) if value <= cut), 4)


def _fsm_rows(schools: list[School], cuts: list[Decimal]) -> list[CoverageRow]:
    rows = []
    known = [school for school in schools if school.percent_fsm is not None]
    for quartile in range(1, 5):
        members = [school for school in known if fsm_quartile(school.percent_fsm, cuts) == quartile]  # type: ignore[arg-type]
        if members:
            low = min(school.percent_fsm for school in members)  # type: ignore[type-var]
            high = max(school.percent_fsm for school in members)  # type: ignore[type-var]
            span = f"{low}% to {high}%"
        else:
            span = "no schools"
        note = {1: " (least disadvantaged)", 4: " (most disadvantaged)"}.get(quartile, "")
        rows.append(_row(f"Quartile {quartile}{note}: {span}", members))
    unknown = [school for school in schools if school.percent_fsm is None]
    if unknown:
        rows.append(_row(FSM_NOT_KNOWN, unknown))
    return rows


def _frame(boundaries: list[str], points: list[MapPoint]) -> tuple[str, float]:
    xs = [point.x for point in points]
    ys = [point.y for point in points]
    for path in boundaries:
        numbers = [float(n) for n in _NUMBER.findall(path)]
        xs += numbers[0::2]
        ys += numbers[1::2]
    if not xs:
        return "0 0 100 100", 1.0
    width, height = max(max(xs) - min(xs), 1.0), max(max(ys) - min(ys), 1.0)
    pad = max(width, height) * 0.05
    viewbox = f"{min(xs) - pad:g} {min(ys) - pad:g} {width + 2 * pad:g} {height + 2 * pad:g}"
    return viewbox, round(max(width, height) / 120, 2)


def area_coverage(*, hub: HubArea, year: int) -> Coverage:
    """Every figure of the coverage page, from two queries (the schools, the local authorities)."""
    schools: list[School] = list(
        with_engagement(
            School.objects.in_hub_area(hub).open().state_funded().select_related("local_authority"), hub=hub, year=year
        ).order_by("name")
    )
    authorities = list(hub_local_authorities(hub).only("pk", "name", "boundary_svg"))
    phases = [label for value, label in School.Phase.choices if any(s.phase == value for s in schools)]
    cuts = fsm_cut_points([school.percent_fsm for school in schools if school.percent_fsm is not None])
    points = [
        MapPoint(*project(float(school.longitude), float(school.latitude)), school=school, engaged=is_engaged(school))
        for school in schools
        if school.latitude is not None and school.longitude is not None
    ]
    boundaries = [(authority.name, authority.boundary_svg) for authority in authorities if authority.boundary_svg]
    viewbox, radius = _frame([path for _, path in boundaries], points)
    not_engaged = [school for school in schools if not is_engaged(school)]
    # Most disadvantaged first; a school without a published % FSM after every one with it.
    not_engaged.sort(key=lambda s: (s.percent_fsm is None, -(s.percent_fsm or 0), s.name))
    return Coverage(
        year=year,
        total=_row("All open state-funded schools", schools),
        by_phase=_grouped(schools, lambda school: school.get_phase_display(), phases),
        by_local_authority=_grouped(schools, lambda school: school.local_authority.name, [a.name for a in authorities]),
        by_fsm_quartile=_fsm_rows(schools, cuts),
        fsm_cut_points=cuts,
        not_engaged=not_engaged,
        engaged=[(school, engagement_source(school)) for school in schools if is_engaged(school)],
        points=points,
        boundaries=boundaries,
        viewbox=viewbox,
        radius=radius,
    )
