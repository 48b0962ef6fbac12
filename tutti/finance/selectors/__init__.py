"""Reads of the finance module. Import the functions from here: their names are stable."""

from tutti.finance.selectors.budget import BudgetReport, budget_against_actual, forecast_pence, months_gone
from tutti.finance.selectors.grants import GrantRow, grant_amount_pence, grant_for_page, grant_years, grants_of_year
from tutti.finance.selectors.ledger import budget_lines_of, income_of_year, ledger_years, spending_of_year
from tutti.finance.selectors.sustainability import Part, SustainabilityFigures, sustainability_figures

__all__ = [
    "BudgetReport",
    "GrantRow",
    "Part",
    "SustainabilityFigures",
    "budget_against_actual",
    "budget_lines_of",
    "forecast_pence",
    "grant_amount_pence",
    "grant_for_page",
    "grant_years",
    "grants_of_year",
    "income_of_year",
    "ledger_years",
    "months_gone",
    "spending_of_year",
    "sustainability_figures",
]
