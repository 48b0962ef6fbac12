"""Recording the budget, income and spending by hand (the finance system's export imports them in bulk)."""

from datetime import date

from django.db import transaction

from tutti.accounts.models import User
from tutti.core import academic_year as academic_years
from tutti.finance.models import BudgetLine, IncomeEntry, SpendingEntry
from tutti.finance.services.refused import FinanceRefused
from tutti.network.models import HubArea, StrategicFunction


def reference_check(*, hub: HubArea, model: type[IncomeEntry] | type[SpendingEntry], reference: str) -> None:
    """Refuse a finance-system reference the hub already used for another line of the same kind."""
    reference = reference.strip()
    if not reference:
        return
    taken = model.objects.for_hub(hub).filter(reference=reference).first()
    if taken is not None:
        raise FinanceRefused(
            f"Reference {reference} is already used by the line of {taken.booked_on:%d %B %Y}: "
            "each line of the finance system has its own reference",
            field="reference",
        )


@transaction.atomic
def budget_line_save(
    *,
    hub: HubArea,
    academic_year: int,
    function: StrategicFunction,
    name: str,
    amount_pence: int,
    by: User,
    code: str = "",
    line: BudgetLine | None = None,
) -> BudgetLine:
    """Add a budget line for a year, or change one (`line`). Its name, and its code when it has one, are the
    year's own: two lines of a year never share either."""
    name, code = name.strip(), code.strip()
    if amount_pence < 0:
        raise FinanceRefused("A budget line's amount must be £0 or more", field="amount_pence")
    same_year = BudgetLine.objects.for_hub(hub).filter(academic_year=academic_year)
    if line is not None:
        same_year = same_year.exclude(pk=line.pk)
    year_label = academic_years.label(academic_year)
    if same_year.filter(name__iexact=name).exists():
        raise FinanceRefused(f"The {year_label} budget already has a line called {name}", field="name")
    if code and same_year.filter(code__iexact=code).exists():
        raise FinanceRefused(f"The {year_label} budget already has a line with the code {code}", field="code")
    line = line or BudgetLine(hub=hub)
    line.academic_year, line.function, line.name, line.code, line.amount_pence = (
        academic_year, function, name, code, amount_pence
    )  # fmt: skip
    line.save()
    return line


def _positive(amount_pence: int) -> None:
    if amount_pence <= 0:
        raise FinanceRefused("Enter an amount more than £0", field="amount_pence")


@transaction.atomic
def income_record(
    *, hub: HubArea, source: str, booked_on: date, amount_pence: int, description: str, by: User, reference: str = ""
) -> IncomeEntry:
    """Record money the hub received from a source."""
    _positive(amount_pence)
    reference_check(hub=hub, model=IncomeEntry, reference=reference)
    return IncomeEntry.objects.create(
        hub=hub,
        source=source,
        booked_on=booked_on,
        amount_pence=amount_pence,
        description=description.strip(),
        reference=reference.strip(),
        recorded_by=by,
    )


def booked_in_line_year(*, line: BudgetLine, booked_on: date) -> None:
    """Refuse spending dated outside the academic year of the budget line it is charged to."""
    first, last = academic_years.bounds(line.academic_year)
    if not first <= booked_on <= last:
        raise FinanceRefused(
            f"{booked_on:%d %B %Y} is not in {academic_years.label(line.academic_year)}, the year of the budget "
            f"line {line.name}: charge it to that year's line",
            field="booked_on",
        )


@transaction.atomic
def spending_record(
    *,
    hub: HubArea,
    budget_line: BudgetLine,
    booked_on: date,
    amount_pence: int,
    description: str,
    by: User,
    reference: str = "",
) -> SpendingEntry:
    """Record money the hub spent, charged to a line of the budget of the year it was spent in."""
    if budget_line.hub_id != hub.pk:
        raise FinanceRefused("That budget line is not one of this hub's", field="budget_line")
    _positive(amount_pence)
    booked_in_line_year(line=budget_line, booked_on=booked_on)
    reference_check(hub=hub, model=SpendingEntry, reference=reference)
    return SpendingEntry.objects.create(
        hub=hub,
        budget_line=budget_line,
        booked_on=booked_on,
        amount_pence=amount_pence,
        description=description.strip(),
        reference=reference.strip(),
        recorded_by=by,
    )
