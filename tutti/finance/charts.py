"""Horizontal bar charts as SVG geometry: the template draws them, the stylesheet colours them.

Bars are scaled to the largest value, so the chart compares rows; the table beside it gives the figures.
"""

from collections.abc import Sequence
from dataclasses import dataclass

from tutti.core.money import format_pence
from tutti.finance.selectors import Part

WIDTH = 640
BAR_SPACE = 440  # the longest bar; the rest of the width holds its value
ROW = 46
BAR_HEIGHT = 18


@dataclass(frozen=True)
class Bar:
    label: str
    value: str
    label_y: int
    bar_y: int
    width: int
    value_x: int
    value_y: int


@dataclass(frozen=True)
class Chart:
    bars: tuple[Bar, ...]
    width: int
    height: int


def bar_chart(parts: Sequence[Part]) -> Chart:
    largest = max((part.pence for part in parts), default=0)
    bars = []
    for index, part in enumerate(parts):
        top = index * ROW
        width = round(BAR_SPACE * part.pence / largest) if largest else 0
        shown = format_pence(part.pence) + (f" ({part.percent}%)" if part.percent is not None else "")
        bars.append(Bar(part.label, shown, top + 14, top + 20, width, width + 8, top + 20 + BAR_HEIGHT - 4))
    return Chart(bars=tuple(bars), width=WIDTH, height=max(ROW * len(parts), ROW))
