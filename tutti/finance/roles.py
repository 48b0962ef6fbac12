"""Who may do what in the finance pages (within their current hub).

* Read grants, budgets, income, spending and the sustainability figures: the roles that see the hub's
  money (accounts.FINANCE_ROLES: hub administrator, programme manager, finance officer).
* Record grants, payments, budget lines, income and spending, and import a finance system's export:
  hub administrator and finance officer.

A tutor, a school music lead, an inclusion lead or a guardian sees nothing of finance.
"""

from tutti.accounts.models import FINANCE_ROLES, Role

READERS = FINANCE_ROLES
WRITERS = frozenset({Role.HUB_ADMINISTRATOR, Role.FINANCE_OFFICER})
