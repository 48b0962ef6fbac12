"""Reading the year's budget lines, income and spending for their lists and forms."""

from django.db.models import QuerySet

from tutti.finance.models import BudgetLine, IncomeEntry, SpendingEntry
from tutti.network.models import HubArea


def budget_lines_of(hub: HubArea, *, academic_year: int | None = None) -> QuerySet[BudgetLine]:
    lines = BudgetLine.objects.for_hub(hub).select_related("function")
    return lines if academic_year is None else lines.filter(academic_year=academic_year)


def income_of_year(*, hub: HubArea, academic_year: int) -> QuerySet[IncomeEntry]:
    return IncomeEntry.objects.for_hub(hub).in_year(academic_year).select_related("grant")


def spending_of_year(*, hub: HubArea, academic_year: int) -> QuerySet[SpendingEntry]:
    return SpendingEntry.objects.for_hub(hub).in_year(academic_year).select_related("budget_line__function")


def ledger_years(hub: HubArea) -> list[int]:
    """Years with a budget line, newest first."""
    return sorted(set(BudgetLine.objects.for_hub(hub).values_list("academic_year", flat=True)), reverse=True)
