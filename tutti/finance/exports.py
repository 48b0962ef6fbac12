"""The sustainability figures as CSV and XLSX: one row function drives both, so the files agree.

Amounts are in pounds with pence (`1672854.00`), shares in per cent; a figure not published (or with
nothing to divide by) is an empty cell, never 0.
"""

import io
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.styles import Font

from tutti.core import academic_year
from tutti.core.csv_files import csv_text
from tutti.finance.selectors import SustainabilityFigures

HEADERS = ["Figure", "Item", "Amount (£)", "Share (%)", "Value"]
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
Row = list[str]


def _pounds(pence: int | None) -> str:
    return "" if pence is None else f"{Decimal(pence) / 100:.2f}"


def _text(value: object) -> str:
    return "" if value is None else str(value)


def figure_rows(figures: SustainabilityFigures) -> list[Row]:
    """Every figure of the sustainability page, one per row, in the page's order."""
    rows: list[Row] = [["Income by source", part.label, _pounds(part.pence), _text(part.percent), ""]
                       for part in figures.income]  # fmt: skip
    rows.append(["Income by source", "Total", _pounds(figures.income_pence), "", ""])
    grant = figures.dfe_grant
    rows += [
        ["DfE grant (published allocation)", "Core revenue grant", _pounds(grant.revenue_pence), "", ""],
        ["DfE grant (published allocation)", "Capital grant", _pounds(grant.capital_pence), "", ""],
        ["DfE grant (published allocation)", "Total", _pounds(grant.total_pence), "", ""],
        ["Leverage", "Income other than the DfE grant", _pounds(figures.other_income_pence), "", ""],
        ["Leverage", "Other income per £1 of DfE grant", "", "", _text(figures.leverage)],
    ]
    rows += [["Spending by function", part.label, _pounds(part.pence), _text(part.percent), ""]
             for part in figures.spending]  # fmt: skip
    rows.append(["Spending by function", "Total", _pounds(figures.spending_pence), "", ""])
    rows += [
        ["Cost per participating learner", "Participating learners", "", "", str(figures.learners)],
        ["Cost per participating learner", "Cost per learner", _pounds(figures.cost_per_learner_pence), "", ""],
    ]
    rows += [["Pass-through shares (of the allocation)", part.label, _pounds(part.pence), _text(part.percent), ""]
             for part in figures.shares]  # fmt: skip
    rows.append(["Pass-through shares (of the allocation)", "Total", _pounds(figures.shares_pence), "", ""])
    return rows


def sustainability_csv(figures: SustainabilityFigures) -> str:
    return csv_text(HEADERS, figure_rows(figures))


def _cell(text: str) -> object:
    """A number as a number, so the spreadsheet can add it up; anything else as text."""
    try:
        return Decimal(text) if text else None
    except ArithmeticError:
        return text


def sustainability_xlsx(figures: SustainabilityFigures, *, hub_name: str) -> bytes:
    workbook = Workbook()
    sheet = workbook.worksheets[0]
    sheet.title = "Sustainability"
    sheet.append(HEADERS)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in figure_rows(figures):
        sheet.append([row[0], row[1], *(_cell(value) for value in row[2:])])
    sheet.freeze_panes = "A2"
    about = workbook.create_sheet("About")
    year = academic_year.label(figures.academic_year)
    about.append([f"Sustainability figures of {hub_name} for {year}, from Tutti."])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
