"""The finance import: check every line of the export, then write every line or none.

Lines are matched to what the hub holds by their finance-system reference, so importing the same export
again changes nothing, and a corrected export updates the lines it corrects. Queries do not grow with the
file: budget lines and existing entries are each read once, and writes are bulk.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from django.db import transaction

from tutti.accounts.models import User
from tutti.core import academic_year as academic_years
from tutti.finance.importing.columns import COLUMNS, INCOME, ParsedLine, header_key, header_problems, parse_line
from tutti.finance.models import BudgetLine, IncomeEntry, SpendingEntry
from tutti.network.importing.problems import ImportRejectedError, Problem
from tutti.network.importing.results import ChangeCounts
from tutti.network.importing.tabular import DataRow
from tutti.network.models import HubArea

BATCH_SIZE = 2000
COMPARED = ("booked_on", "amount_pence", "description")


@dataclass
class FinanceImportResult:
    income: ChangeCounts = field(default_factory=ChangeCounts)
    spending: ChangeCounts = field(default_factory=ChangeCounts)

    @property
    def changed(self) -> bool:
        return bool(self.income.created or self.income.updated or self.spending.created or self.spending.updated)

    def report_lines(self) -> list[str]:
        lines = [f"Income lines: {self.income}.", f"Spending lines: {self.spending}."]
        if not self.changed:
            lines.append("Nothing changed: this export was already imported.")
        return lines


def _parse(rows: Sequence[DataRow]) -> tuple[list[ParsedLine], list[Problem]]:
    header, data = rows[0], rows[1:]
    problems = header_problems(header.cells)
    if problems:
        return [], problems
    names = [COLUMNS.get(header_key(cell), "") for cell in header.cells]
    parsed: list[ParsedLine] = []
    first_line_of: dict[tuple[str, str], int] = {}
    for row in data:
        if row.is_blank():
            continue
        if any(cell.strip() for cell in row.cells[len(names) :]):
            problems.append(Problem(row.line, "", f"{len(row.cells)} cells but the header has {len(names)} columns"))
            continue
        line = parse_line(row, names)
        if isinstance(line, list):
            problems += line
            continue
        key = (line.type, line.reference)
        if key in first_line_of:
            problems.append(Problem(row.line, "Reference", f"{line.reference} is on line {first_line_of[key]} too"))
            continue
        first_line_of[key] = row.line
        parsed.append(line)
    if not parsed and not problems:
        problems.append(Problem(1, "", "the file has a header but no lines"))
    return parsed, problems


def _budget_lines(hub: HubArea, lines: list[ParsedLine], problems: list[Problem]) -> dict[int, BudgetLine]:
    """The budget line of each spending line (by file line), from its code and the year of its date."""
    held = {
        (line.academic_year, line.code.casefold()): line for line in BudgetLine.objects.for_hub(hub).exclude(code="")
    }
    found: dict[int, BudgetLine] = {}
    for line in lines:
        if line.type == INCOME:
            continue
        year = academic_years.containing(line.booked_on)
        budget_line = held.get((year, line.budget_code.casefold()))
        if budget_line is None:
            problems.append(
                Problem(line.line, "Budget Code", f"the {academic_years.label(year)} budget has no line with the code "
                        f"{line.budget_code}: add it to the budget first")
            )  # fmt: skip
        else:
            found[line.line] = budget_line
    return found


def _existing_income(hub: HubArea, references: set[str]) -> dict[str, IncomeEntry]:
    return {entry.reference: entry for entry in IncomeEntry.objects.for_hub(hub).filter(reference__in=references)}


def _existing_spending(hub: HubArea, references: set[str]) -> dict[str, SpendingEntry]:
    return {entry.reference: entry for entry in SpendingEntry.objects.for_hub(hub).filter(reference__in=references)}


_E = TypeVar("_E", IncomeEntry, SpendingEntry)


def _plan(
    lines: list[ParsedLine],
    held: dict[str, _E],
    counts: ChangeCounts,
    *,
    make: Callable[[ParsedLine, dict[str, Any]], _E],
    extra: Callable[[ParsedLine], dict[str, Any]],
) -> tuple[list[_E], list[_E]]:
    """The entries to create and those to change (counted), matched by reference; the rest are unchanged."""
    new: list[_E] = []
    changed: list[_E] = []
    for line in lines:
        values = {"booked_on": line.booked_on, "amount_pence": line.amount_pence, "description": line.description}
        values |= extra(line)
        entry = held.get(line.reference)
        if entry is None:
            new.append(make(line, values))
            counts.created += 1
        elif any(getattr(entry, name) != value for name, value in values.items()):
            for name, value in values.items():
                setattr(entry, name, value)
            changed.append(entry)
            counts.updated += 1
        else:
            counts.unchanged += 1
    return new, changed


@transaction.atomic
def finance_export_import(*, hub: HubArea, rows: Sequence[DataRow], by: User) -> FinanceImportResult:
    """Import a finance system's income and spending lines, or raise ImportRejectedError writing nothing."""
    parsed, problems = _parse(rows)
    budget_lines = _budget_lines(hub, parsed, problems)
    income_refs = {line.reference for line in parsed if line.type == INCOME}
    spending_refs = {line.reference for line in parsed if line.type != INCOME}
    income = _existing_income(hub, income_refs | spending_refs)
    spending = _existing_spending(hub, income_refs | spending_refs)
    for line in parsed:
        other_kind = spending if line.type == INCOME else income
        if line.reference in other_kind:
            held_as = "spending" if line.type == INCOME else "income"
            problems.append(Problem(line.line, "Reference", f"{line.reference} is already a {held_as} line of the hub"))
    if problems:
        raise ImportRejectedError(problems)

    result = FinanceImportResult()
    new_income, changed_income = _plan(
        [line for line in parsed if line.type == INCOME], income, result.income,
        make=lambda line, values: IncomeEntry(hub=hub, reference=line.reference, recorded_by=by, **values),
        extra=lambda line: {"source": line.source},
    )  # fmt: skip
    new_spending, changed_spending = _plan(
        [line for line in parsed if line.type != INCOME], spending, result.spending,
        make=lambda line, values: SpendingEntry(hub=hub, reference=line.reference, recorded_by=by, **values),
        extra=lambda line: {"budget_line": budget_lines[line.line]},
    )  # fmt: skip
    IncomeEntry.objects.bulk_create(new_income, batch_size=BATCH_SIZE)
    SpendingEntry.objects.bulk_create(new_spending, batch_size=BATCH_SIZE)
    IncomeEntry.objects.bulk_update(changed_income, [*COMPARED, "source", "updated_at"], batch_size=BATCH_SIZE)
    SpendingEntry.objects.bulk_update(changed_spending, [*COMPARED, "budget_line", "updated_at"], batch_size=BATCH_SIZE)
    return result
