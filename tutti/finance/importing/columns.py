"""Reading one line of a finance system's export into typed values, or into Problems naming what is wrong."""

from dataclasses import dataclass
from datetime import date, datetime

from tutti.core.money import parse_pounds
from tutti.finance.models import IncomeSource
from tutti.network.importing.problems import Problem
from tutti.network.importing.tabular import DataRow

# Header as written in IMPORT.md (matched ignoring capitals and spaces) -> internal name.
COLUMNS = {
    "date": "date",
    "type": "type",
    "reference": "reference",
    "amount": "amount",
    "description": "description",
    "source": "source",
    "budget code": "budget_code",
}
REQUIRED = ("date", "type", "reference", "amount")
INCOME, SPENDING = "income", "spending"
TYPES = {"income": INCOME, "receipt": INCOME, "spending": SPENDING, "payment": SPENDING, "expenditure": SPENDING}
SOURCES = {str(label).casefold(): value for value, label in IncomeSource.choices} | {
    value: value for value in IncomeSource.values
}
# A spreadsheet's date cell reads as 2024-09-30T00:00:00 (tabular.cell_text), so that form is accepted too.
DATE_FORMATS = ("%d/%m/%Y", "%Y-%m-%d", "%Y-%m-%dT%H:%M:%S")
DEFAULT_DESCRIPTION = "Imported from the finance system"


def header_key(text: str) -> str:
    return " ".join(text.casefold().split())


def header_problems(headers: tuple[str, ...]) -> list[Problem]:
    """Missing required columns and unknown ones (a misspelt header is never silently ignored), on line 1."""
    keys = [header_key(cell) for cell in headers]
    problems = [Problem(1, name.title(), "this column is required") for name in REQUIRED if name not in keys]
    problems += [
        Problem(1, cell, "is not a column of the finance import (see its list of columns)")
        for cell, key in zip(headers, keys, strict=True)
        if key and key not in COLUMNS
    ]
    seen: set[str] = set()
    for cell, key in zip(headers, keys, strict=True):
        if key in seen:
            problems.append(Problem(1, cell, "this column is given twice"))
        seen.add(key)
    return problems


@dataclass(frozen=True)
class ParsedLine:
    """One good line: income (with its source) or spending (with its budget code)."""

    line: int
    type: str
    booked_on: date
    reference: str
    amount_pence: int
    description: str
    source: str = ""
    budget_code: str = ""


def _date(text: str) -> date | None:
    for form in DATE_FORMATS:
        try:
            return datetime.strptime(text, form).date()
        except ValueError:
            continue
    return None


def parse_line(row: DataRow, names: list[str]) -> ParsedLine | list[Problem]:
    """The line's values, or every problem it has, each naming its column."""
    values = {name: cell.strip() for name, cell in zip(names, row.cells, strict=False) if name}
    problems: list[Problem] = []

    def problem(column: str, message: str) -> None:
        problems.append(Problem(row.line, column, message))

    kind = TYPES.get(values.get("type", "").casefold())
    if kind is None:
        problem("Type", f"{values.get('type', '')!r} is not Income or Spending")
    booked_on = _date(values.get("date", ""))
    if booked_on is None:
        problem("Date", f"{values.get('date', '')!r} is not a date written DD/MM/YYYY")
    reference = values.get("reference", "")
    if not reference:
        problem("Reference", "every line needs the finance system's reference")
    elif len(reference) > 60:
        problem("Reference", "is longer than 60 characters")
    amount = 0
    try:
        amount = parse_pounds(values.get("amount", ""))
    except ValueError as error:
        problem("Amount", str(error))
    else:
        if amount <= 0:
            problem("Amount", f"{values['amount']!r} must be more than £0 (book a refund as income)")
    source = SOURCES.get(values.get("source", "").casefold(), "")
    budget_code = values.get("budget_code", "")
    if kind == INCOME:
        if not source:
            problem("Source", f"{values.get('source', '')!r} is not one of: {', '.join(IncomeSource.labels)}")
        if budget_code:
            problem("Budget Code", "an income line has no budget code")
    elif kind == SPENDING:
        if not budget_code:
            problem("Budget Code", "a spending line needs the code of its budget line")
        if values.get("source"):
            problem("Source", "a spending line has no source")
    description = values.get("description", "") or DEFAULT_DESCRIPTION
    if len(description) > 300:
        problem("Description", "is longer than 300 characters")
    if problems or kind is None or booked_on is None:
        return problems
    return ParsedLine(row.line, kind, booked_on, reference, amount, description, source, budget_code)
