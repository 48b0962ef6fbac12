"""The map's colour steps: published values split into classed steps, unpublished ones kept apart."""

import pytest

from tutti.network.map import NOT_PUBLISHED, build_map, step_thresholds
from tutti.network.models import FundingAllocation
from tutti.network.selectors import hub_area_summaries
from tutti.network.tests.factories import (
    FundingAllocationFactory,
    HubAreaFactory,
    LocalAuthorityFactory,
    square_path,
)


def test_thresholds_split_values_into_five_groups_of_equal_size():
    assert step_thresholds(list(range(1, 11))) == [3, 5, 7, 9]


def test_thresholds_never_make_an_empty_step_from_repeated_values():
    assert step_thresholds([1, 1, 1, 1, 2, 2, 9]) == [2]  # positions 1, 2, 4, 5 hold 1, 1, 2, 2
    assert step_thresholds([4, 4, 4]) == []
    assert step_thresholds([]) == []


def _area_with_total(name: str, pounds: int | None, *, local_authorities: int = 1):
    area = HubAreaFactory(name=name)
    for index in range(local_authorities):
        LocalAuthorityFactory(hub_area=area, boundary_svg=square_path(index * 50, 0))
    if pounds is not None:
        FundingAllocationFactory(hub_area=area, stream=FundingAllocation.Stream.COMBINED, amount_pence=pounds * 100)
    return area


@pytest.mark.django_db
def test_each_area_gets_its_step_and_unpublished_areas_their_own_class():
    for index, pounds in enumerate([100, 200, 300, 400, 500, 600, 700, 800, 900, 1000]):
        _area_with_total(f"Area {index:02d}", pounds)
    _area_with_total("Unpublished", None, local_authorities=2)

    hub_map = build_map(hub_area_summaries())

    classes = {area.name: area.css_class for area in hub_map.areas}
    assert classes["Area 00"] == classes["Area 01"] == "tutti-step-1"
    assert classes["Area 04"] == "tutti-step-3"
    assert classes["Area 09"] == "tutti-step-5"
    assert classes["Unpublished"] == "tutti-step-none"
    assert [step.label for step in hub_map.legend] == [
        "£100 to £200",
        "£300 to £400",
        "£500 to £600",
        "£700 to £800",
        "£900 to £1,000",
        NOT_PUBLISHED,
    ]
    unpublished = hub_map.area(hub_map.areas[-1].slug)
    assert unpublished is not None
    assert unpublished.label == f"Unpublished: {NOT_PUBLISHED}"
    assert len(unpublished.paths) == 2


@pytest.mark.django_db
def test_few_distinct_values_spread_over_the_whole_colour_ramp():
    _area_with_total("One", None, local_authorities=1)
    _area_with_total("Three", None, local_authorities=3)

    hub_map = build_map(hub_area_summaries(), "local_authorities")

    assert [(step.css_class, step.label) for step in hub_map.legend] == [
        ("tutti-step-1", "1 local authority"),
        ("tutti-step-5", "3 local authorities"),
    ]
    assert {area.name: area.value for area in hub_map.areas} == {"One": 1, "Three": 3}


@pytest.mark.django_db
def test_an_unknown_measure_falls_back_to_total_funding():
    _area_with_total("Only", 2_222_372)

    hub_map = build_map(hub_area_summaries(), "rainfall")

    assert hub_map.measure.key == "total_funding"
    assert hub_map.areas[0].value_text == "£2,222,372"
    assert hub_map.legend[0].label == "£2,222,372"
