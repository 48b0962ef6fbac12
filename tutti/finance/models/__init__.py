"""The hub's money, by topic: grants (grants.py) and the budget, income and spending ledger (ledger.py).

Fees and invoices to families and schools will be a topic of their own (fees.py) beside these.
"""

from tutti.finance.models.grants import Grant, GrantDeadline
from tutti.finance.models.ledger import BudgetLine, IncomeEntry, IncomeSource, LedgerQuerySet, SpendingEntry

__all__ = [
    "BudgetLine",
    "Grant",
    "GrantDeadline",
    "IncomeEntry",
    "IncomeSource",
    "LedgerQuerySet",
    "SpendingEntry",
]
