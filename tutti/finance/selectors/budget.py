"""The budget against actual spending to date, and the forecast to the year's end.

Forecast rule: for each budget line, the spending booked up to today, plus the line's budget for the
whole months still to come, pro rata (budget * months left / 12, rounded once to the penny). The month
of today counts as gone. Before the year starts the forecast is the budget; after it ends, the actual.
"""

from dataclasses import dataclass
from datetime import date

from django.db.models import Q, Sum

from tutti.core import academic_year as academic_years
from tutti.finance.models import BudgetLine
from tutti.finance.rounding import scale_pence
from tutti.network.models import HubArea, StrategicFunction

MONTHS = 12


def months_gone(*, academic_year: int, today: date) -> int:
    """Whole months of the academic year gone by today, today's month included (0 to 12)."""
    first, last = academic_years.bounds(academic_year)
    if today < first:
        return 0
    if today > last:
        return MONTHS
    return (today.year - first.year) * 12 + today.month - first.month + 1


def forecast_pence(*, budget_pence: int, actual_pence: int, months_gone: int) -> int:
    """Actual to date plus the budget for the months still to come, pro rata (see the module's rule)."""
    return actual_pence + scale_pence(budget_pence, MONTHS - months_gone, MONTHS)


@dataclass(frozen=True)
class Figures:
    """Budget, actual to date and forecast of one line, one function or the whole budget."""

    budget_pence: int
    actual_pence: int
    forecast_pence: int

    @property
    def remaining_pence(self) -> int:
        return self.budget_pence - self.actual_pence

    @property
    def variance_pence(self) -> int:
        """Forecast less budget: more than 0 is a forecast overspend."""
        return self.forecast_pence - self.budget_pence


def _sum(figures: list[Figures]) -> Figures:
    return Figures(
        budget_pence=sum(f.budget_pence for f in figures),
        actual_pence=sum(f.actual_pence for f in figures),
        forecast_pence=sum(f.forecast_pence for f in figures),
    )


@dataclass(frozen=True)
class LineRow:
    line: BudgetLine
    figures: Figures


@dataclass(frozen=True)
class FunctionRow:
    function: StrategicFunction
    lines: tuple[LineRow, ...]
    figures: Figures


@dataclass(frozen=True)
class BudgetReport:
    academic_year: int
    today: date
    months_gone: int
    functions: tuple[FunctionRow, ...]
    total: Figures


def budget_against_actual(*, hub: HubArea, academic_year: int, today: date) -> BudgetReport:
    """Every function and budget line of the year with its spending to date and forecast, in two queries."""
    gone = months_gone(academic_year=academic_year, today=today)
    lines = (
        BudgetLine.objects.for_hub(hub)
        .filter(academic_year=academic_year)
        .select_related("function")
        .annotate(actual=Sum("spending__amount_pence", filter=Q(spending__booked_on__lte=today)))
        .order_by("function__position", "name")
    )
    by_function: dict[int, list[LineRow]] = {}
    for line in lines:
        actual = line.actual or 0
        figures = Figures(
            line.amount_pence,
            actual,
            forecast_pence(budget_pence=line.amount_pence, actual_pence=actual, months_gone=gone),
        )
        by_function.setdefault(line.function_id, []).append(LineRow(line=line, figures=figures))
    rows = tuple(
        FunctionRow(function=function, lines=tuple(by_function.get(function.pk, [])),
                    figures=_sum([row.figures for row in by_function.get(function.pk, [])]))
        for function in StrategicFunction.objects.order_by("position")
    )  # fmt: skip
    return BudgetReport(
        academic_year=academic_year,
        today=today,
        months_gone=gone,
        functions=rows,
        total=_sum([row.figures for row in rows]),
    )
