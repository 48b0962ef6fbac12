"""Who opens which instruments page (roles within the current hub)."""

from tutti.accounts.models import Role

# The people who run the instrument store: the register, loans, returns and repairs.
INSTRUMENT_STAFF = frozenset({Role.HUB_ADMINISTRATOR, Role.PROGRAMME_MANAGER})
# Money: the capital grant's spending is for those who see the hub's funding.
CAPITAL_ROLES = frozenset({Role.HUB_ADMINISTRATOR, Role.PROGRAMME_MANAGER, Role.FINANCE_OFFICER})
# The fleet's figures; the free-school-meals and SEND shares only for roles that see those fields.
UTILISATION_ROLES = frozenset(
    {Role.HUB_ADMINISTRATOR, Role.PROGRAMME_MANAGER, Role.FINANCE_OFFICER, Role.INCLUSION_LEAD}
)
