"""Every hub-scoped URL of the finance module, for the cross-hub access matrix (tutti.accounts.testing)."""

from typing import Any

from tutti.accounts.testing import AccessRule
from tutti.finance.roles import READERS, WRITERS
from tutti.finance.tests.factories import BudgetLineFactory, GrantFactory
from tutti.network.models import HubArea


def a_grant(hub: HubArea) -> dict[str, Any]:
    return {"public_id": GrantFactory.create(hub=hub).public_id}


def a_budget_line(hub: HubArea) -> dict[str, Any]:
    return {"public_id": BudgetLineFactory.create(hub=hub).public_id}


MATRIX = [
    AccessRule("finance:overview", roles=READERS),
    AccessRule("finance:budget_line_new", roles=WRITERS),
    AccessRule("finance:budget_line_edit", roles=WRITERS, make_kwargs=a_budget_line),
    AccessRule("finance:income_list", roles=READERS),
    AccessRule("finance:income_new", roles=WRITERS),
    AccessRule("finance:spending_list", roles=READERS),
    AccessRule("finance:spending_new", roles=WRITERS),
    AccessRule("finance:import", roles=WRITERS),
    AccessRule("finance:grant_list", roles=READERS),
    AccessRule("finance:grant_new", roles=WRITERS),
    AccessRule("finance:grant_detail", roles=READERS, make_kwargs=a_grant),
    AccessRule("finance:grant_payment_new", roles=WRITERS, make_kwargs=a_grant),
    AccessRule("finance:grant_deadline_new", roles=WRITERS, make_kwargs=a_grant),
    AccessRule("finance:sustainability", roles=READERS),
    AccessRule("finance:sustainability_csv", roles=READERS),
    AccessRule("finance:sustainability_xlsx", roles=READERS),
]
