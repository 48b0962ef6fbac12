"""Writes of the finance module. Import the functions from here: their names are stable."""

from tutti.finance.importing.run import FinanceImportResult, finance_export_import
from tutti.finance.services.grants import grant_create, grant_deadline_add, grant_payment_record
from tutti.finance.services.ledger import budget_line_save, income_record, spending_record
from tutti.finance.services.refused import FinanceRefused

__all__ = [
    "FinanceImportResult",
    "FinanceRefused",
    "budget_line_save",
    "finance_export_import",
    "grant_create",
    "grant_deadline_add",
    "grant_payment_record",
    "income_record",
    "spending_record",
]
