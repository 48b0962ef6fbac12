"""Budget against actual to date, and the forecast to the year's end (the rule in selectors/budget.py)."""

import datetime

import pytest

from tutti.finance.selectors import budget_against_actual, forecast_pence, months_gone
from tutti.finance.tests.factories import BudgetLineFactory, SpendingEntryFactory
from tutti.network.models import StrategicFunction


@pytest.mark.parametrize(
    ("today", "gone"),
    [
        (datetime.date(2024, 8, 31), 0),
        (datetime.date(2024, 9, 1), 1),
        (datetime.date(2024, 12, 15), 4),
        (datetime.date(2025, 2, 28), 6),
        (datetime.date(2025, 8, 31), 12),
        (datetime.date(2026, 1, 1), 12),
    ],
)
def test_months_gone_count_todays_month(today, gone) -> None:
    assert months_gone(academic_year=2024, today=today) == gone


def test_the_forecast_is_the_actual_plus_the_budget_of_the_months_to_come() -> None:
    # £12,000 budget, £5,000 spent by the end of December (4 months gone): 5,000 + 12,000 * 8/12.
    assert forecast_pence(budget_pence=12_000_00, actual_pence=5_000_00, months_gone=4) == 13_000_00
    assert forecast_pence(budget_pence=12_000_00, actual_pence=0, months_gone=0) == 12_000_00
    assert forecast_pence(budget_pence=12_000_00, actual_pence=11_500_00, months_gone=12) == 11_500_00
    assert forecast_pence(budget_pence=1_00, actual_pence=0, months_gone=7) == 42  # 41.67p to the nearest penny


def test_budget_against_actual_by_function_and_line(hub_a, hub_b, django_assert_num_queries) -> None:
    schools = StrategicFunction.objects.get(slug="schools")
    inclusion = StrategicFunction.objects.get(slug="inclusion")
    tutors = BudgetLineFactory.create(hub=hub_a, function=schools, name="WCET tutors", amount_pence=12_000_00)
    bursaries = BudgetLineFactory.create(hub=hub_a, function=inclusion, name="Bursaries", amount_pence=2_400_00)
    SpendingEntryFactory.create(budget_line=tutors, booked_on=datetime.date(2024, 9, 30), amount_pence=3_000_00)
    SpendingEntryFactory.create(budget_line=tutors, booked_on=datetime.date(2024, 12, 15), amount_pence=2_000_00)
    # Booked after today: not yet actual. Another year's and another hub's spending never count.
    SpendingEntryFactory.create(budget_line=tutors, booked_on=datetime.date(2025, 1, 10), amount_pence=9_999_00)
    next_year = BudgetLineFactory.create(hub=hub_a, academic_year=2025, function=schools, name="WCET tutors")
    SpendingEntryFactory.create(budget_line=next_year, booked_on=datetime.date(2025, 9, 10), amount_pence=7_00)
    other_hub = BudgetLineFactory.create(hub=hub_b, function=schools, name="WCET tutors")
    SpendingEntryFactory.create(budget_line=other_hub, booked_on=datetime.date(2024, 10, 10), amount_pence=8_00)

    with django_assert_num_queries(2):
        report = budget_against_actual(hub=hub_a, academic_year=2024, today=datetime.date(2024, 12, 31))

    rows = {row.function.slug: row for row in report.functions}
    assert [row.function.slug for row in report.functions] == [
        "partnerships", "schools", "progression", "inclusion", "sustainability",
    ]  # fmt: skip
    line = rows["schools"].lines[0].figures
    assert (line.budget_pence, line.actual_pence, line.remaining_pence) == (12_000_00, 5_000_00, 7_000_00)
    assert (line.forecast_pence, line.variance_pence) == (13_000_00, 1_000_00)
    assert rows["inclusion"].figures.actual_pence == 0
    assert rows["inclusion"].figures.forecast_pence == 1_600_00  # nothing spent: 8 of 12 months to come
    assert rows["partnerships"].lines == ()
    assert (report.total.budget_pence, report.total.actual_pence) == (14_400_00, 5_000_00)
    assert report.total.forecast_pence == 14_600_00
    assert bursaries.name == rows["inclusion"].lines[0].line.name
