"""The instruments module's tables: the asset register, loans and their reminders, repairs."""

from tutti.instruments.models.assets import SEND_SPECIFIC, SPENDING_CATEGORIES, Asset, AssetQuerySet, Condition
from tutti.instruments.models.loans import OPEN_LOAN_STATUSES, Loan, LoanQuerySet, LoanReminder, Repair

__all__ = [
    "OPEN_LOAN_STATUSES",
    "SEND_SPECIFIC",
    "SPENDING_CATEGORIES",
    "Asset",
    "AssetQuerySet",
    "Condition",
    "Loan",
    "LoanQuerySet",
    "LoanReminder",
    "Repair",
]
