"""The map of hub areas, built once for both the national map and each hub's locator map.

Each hub area is drawn from its local authorities' boundaries (`LocalAuthority.boundary_svg`, already
projected by `tutti.network.geography`) and coloured in up to five classed steps of a measure. The steps
split the published values into groups of about equal size; an area without a published value is
in its own "not published" class, never in the lowest step.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from tutti.core.money import format_pence
from tutti.network import geography
from tutti.network.selectors import HubAreaSummary

NOT_PUBLISHED = "Not published in this data"
STEP_COUNT = 5
ATTRIBUTION = (
    "Source: Office for National Statistics licensed under the Open Government Licence v3.0. "
    "Contains OS data © Crown copyright and database right 2024."
)


@dataclass(frozen=True)
class Measure:
    key: str
    label: str
    value: Callable[[HubAreaSummary], int | None]
    format: Callable[[int], str]
    format_range: Callable[[int, int], str]


def _count_text(count: int) -> str:
    return f"{count} local authorit{'y' if count == 1 else 'ies'}"


MEASURES: tuple[Measure, ...] = (
    Measure(
        "total_funding",
        "Total funding",
        value=lambda s: s.funding.total_pence,
        format=format_pence,
        format_range=lambda low, high: f"{format_pence(low)} to {format_pence(high)}",
    ),
    Measure(
        "local_authorities",
        "Number of local authorities",
        value=lambda s: len(s.local_authorities),
        format=_count_text,
        format_range=lambda low, high: f"{low} to {high} local authorities",
    ),
)
MEASURES_BY_KEY = {measure.key: measure for measure in MEASURES}
DEFAULT_MEASURE = "total_funding"


@dataclass(frozen=True)
class LegendStep:
    css_class: str
    label: str


@dataclass(frozen=True)
class MapArea:
    """One hub area on the map: where it links, what it is called, how it is drawn and coloured."""

    summary: HubAreaSummary
    paths: tuple[str, ...]
    value: int | None
    value_text: str
    css_class: str

    @property
    def name(self) -> str:
        return self.summary.area.name

    @property
    def slug(self) -> str:
        return self.summary.area.slug

    @property
    def label(self) -> str:
        """The accessible name of the area's link: its name and the measure's value."""
        return f"{self.name}: {self.value_text}"


@dataclass(frozen=True)
class HubMap:
    measure: Measure
    areas: list[MapArea]
    legend: list[LegendStep]
    viewbox: str = geography.MAP_VIEWBOX
    attribution: str = ATTRIBUTION

    def area(self, slug: str) -> MapArea | None:
        return next((area for area in self.areas if area.slug == slug), None)


def step_thresholds(values: Sequence[int], steps: int = STEP_COUNT) -> list[int]:
    """Lower bounds of steps 2..n: the values at equal-count positions, without repeats.

    Fewer distinct values than steps gives one step per value, so a step never covers nothing.
    """
    ordered = sorted(values)
    if not ordered:
        return []
    thresholds: list[int] = []
    for index in range(1, steps):
        candidate = ordered[index * len(ordered) // steps]
        if candidate > ordered[0] and candidate not in thresholds:
            thresholds.append(candidate)
    return thresholds


def _step_classes(step_total: int) -> list[str]:
    """Spread fewer than five steps over the whole colour ramp, so the lightest and darkest both show."""
    if step_total == 1:
        return [f"tutti-step-{STEP_COUNT}"]
    return [f"tutti-step-{1 + round(i * (STEP_COUNT - 1) / (step_total - 1))}" for i in range(step_total)]


def build_map(summaries: Sequence[HubAreaSummary], measure_key: str | None = None) -> HubMap:
    """Every hub area with its paths, its measure's value and its colour step, plus the legend."""
    measure = MEASURES_BY_KEY.get(measure_key or DEFAULT_MEASURE, MEASURES_BY_KEY[DEFAULT_MEASURE])
    values = {summary.area.pk: measure.value(summary) for summary in summaries}
    published = [value for value in values.values() if value is not None]
    thresholds = step_thresholds(published)
    classes = _step_classes(len(thresholds) + 1) if published else []

    def step_of(value: int) -> int:
        return sum(1 for threshold in thresholds if value >= threshold)

    members: dict[int, list[int]] = {}
    for published_value in published:
        members.setdefault(step_of(published_value), []).append(published_value)

    legend = []
    for step, css_class in enumerate(classes):
        low, high = min(members[step]), max(members[step])
        label = measure.format(low) if low == high else measure.format_range(low, high)
        legend.append(LegendStep(css_class=css_class, label=label))
    if len(published) < len(values):
        legend.append(LegendStep(css_class="tutti-step-none", label=NOT_PUBLISHED))

    areas = []
    for summary in summaries:
        value = values[summary.area.pk]
        areas.append(
            MapArea(
                summary=summary,
                paths=tuple(la.boundary_svg for la in summary.local_authorities if la.boundary_svg),
                value=value,
                value_text=NOT_PUBLISHED if value is None else measure.format(value),
                css_class="tutti-step-none" if value is None else classes[step_of(value)],
            )
        )
    return HubMap(measure=measure, areas=areas, legend=legend)
