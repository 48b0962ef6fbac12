"""Coverage figures against a hand-counted area.

Hub A has two local authorities. Its open state-funded schools, with % FSM and whether engaged this year:

    Trafford   primary    5.0  engaged        Stockport  primary   25.0  engaged
    Trafford   primary   10.0  -              Stockport  primary   30.0  -
    Trafford   secondary 15.0  engaged        Stockport  secondary 35.0  -
    Trafford   secondary 20.0  -              Stockport  secondary 40.0  engaged
    Trafford   primary   (none) engaged

Not counted: an independent school, a closed school, a school in hub B, and an engagement of last year.
Quartile cut points (inclusive method over the 8 known values): 13.75, 22.5, 31.25, so the quartiles are
{5, 10}, {15, 20}, {25, 30}, {35, 40}, with engaged 1, 1, 1, 1.
"""

from decimal import Decimal

import pytest

from tutti.network.models import HubArea, LocalAuthority
from tutti.network.tests.factories import LocalAuthorityFactory
from tutti.schools.coverage import CoverageRow, area_coverage, fsm_cut_points, fsm_quartile
from tutti.schools.models import School
from tutti.schools.selectors import current_year
from tutti.schools.tests.factories import SchoolEngagementFactory, SchoolFactory

PRIMARY, SECONDARY = School.Phase.PRIMARY, School.Phase.SECONDARY


@pytest.fixture
def area(hub_a: HubArea, hub_b: HubArea, trafford: LocalAuthority, birmingham: LocalAuthority) -> HubArea:
    stockport = LocalAuthorityFactory.create(ons_code="E08000007", dfe_code=356, name="Stockport", hub_area=hub_a)
    year = current_year()
    rows = [
        (trafford, PRIMARY, "5.0", True),
        (trafford, PRIMARY, "10.0", False),
        (trafford, SECONDARY, "15.0", True),
        (trafford, SECONDARY, "20.0", False),
        (trafford, PRIMARY, None, True),
        (stockport, PRIMARY, "25.0", True),
        (stockport, PRIMARY, "30.0", False),
        (stockport, SECONDARY, "35.0", False),
        (stockport, SECONDARY, "40.0", True),
    ]
    for authority, phase, fsm, engaged in rows:
        school = SchoolFactory.create(
            local_authority=authority, phase=phase, percent_fsm=Decimal(fsm) if fsm else None, name=f"School {fsm}"
        )
        if engaged:
            SchoolEngagementFactory.create(hub=hub_a, school=school, academic_year=year)
        else:
            SchoolEngagementFactory.create(hub=hub_a, school=school, academic_year=year - 1)
    SchoolFactory.create(local_authority=trafford, state_funded=False, type_group="Independent schools")
    SchoolFactory.create(local_authority=trafford, status=School.Status.CLOSED)
    SchoolEngagementFactory.create(hub=hub_b, school=SchoolFactory.create(local_authority=birmingham))
    return hub_a


def test_coverage_counts_open_state_funded_schools_engaged_this_year(area: HubArea) -> None:
    coverage = area_coverage(hub=area, year=current_year())

    assert coverage.total == CoverageRow("All open state-funded schools", schools=9, engaged=5)
    assert coverage.total.percent == Decimal("55.6")
    assert coverage.by_phase == [CoverageRow("Primary", 5, 3), CoverageRow("Secondary", 4, 2)]
    assert coverage.by_local_authority == [CoverageRow("Stockport", 4, 2), CoverageRow("Trafford", 5, 3)]


def test_coverage_by_free_school_meals_quartile(area: HubArea) -> None:
    coverage = area_coverage(hub=area, year=current_year())

    assert coverage.fsm_cut_points == [Decimal("13.75"), Decimal("22.5"), Decimal("31.25")]
    assert [(row.schools, row.engaged) for row in coverage.by_fsm_quartile] == [(2, 1), (2, 1), (2, 1), (2, 1), (1, 1)]
    assert coverage.by_fsm_quartile[0].label == "Quartile 1 (least disadvantaged): 5.0% to 10.0%"
    assert coverage.by_fsm_quartile[3].label == "Quartile 4 (most disadvantaged): 35.0% to 40.0%"
    assert coverage.by_fsm_quartile[4].label == "% FSM not published"


def test_schools_not_engaged_are_listed_most_disadvantaged_first(area: HubArea) -> None:
    coverage = area_coverage(hub=area, year=current_year())
    assert [school.percent_fsm for school in coverage.not_engaged] == [
        Decimal("35.0"),
        Decimal("30.0"),
        Decimal("20.0"),
        Decimal("10.0"),
    ]


def test_the_map_has_a_point_per_located_school_coloured_by_engagement(area: HubArea) -> None:
    coverage = area_coverage(hub=area, year=current_year())
    assert len(coverage.points) == 9
    assert sum(point.engaged for point in coverage.points) == 5


def test_equal_values_share_a_quartile() -> None:
    values = [Decimal(v) for v in ("10", "10", "10", "10", "50")]
    cuts = fsm_cut_points(values)
    assert {fsm_quartile(value, cuts) for value in values[:4]} == {1}
    assert fsm_quartile(Decimal("50"), cuts) == 4


def test_an_area_without_schools_has_no_share_rather_than_a_division_by_zero(hub_a: HubArea) -> None:
    coverage = area_coverage(hub=hub_a, year=current_year())
    assert coverage.total.schools == 0
    assert coverage.total.percent is None
