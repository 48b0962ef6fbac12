"""Who may do what in the Partnerships pages (within their current hub).

* Read partners, contacts, agreements (without money), the board, the map and the interactions log:
  every staff role (hub administrator, programme manager, finance officer, inclusion lead, tutor).
* Create and edit partners, contacts, agreements and the board; record interactions: hub administrator
  and programme manager.
* See money (agreements' cash and in-kind contributions, pass-through shares): the roles that see the
  hub's funding on its home page (accounts.FINANCE_ROLES: hub administrator, programme manager, finance
  officer). The programme manager is among them because they write the agreements, contributions included.
* Record and remove pass-through shares (part of the hub's grant): hub administrator and finance officer.
* Complete a follow-up: its owner (any staff role), or an editor.
"""

from tutti.accounts.models import FINANCE_ROLES, STAFF_ROLES, Role

READERS = STAFF_ROLES
EDITORS = frozenset({Role.HUB_ADMINISTRATOR, Role.PROGRAMME_MANAGER})
MONEY_READERS = FINANCE_ROLES
SHARE_EDITORS = frozenset({Role.HUB_ADMINISTRATOR, Role.FINANCE_OFFICER})


def holds_any(role_set: frozenset[Role], roles: frozenset[Role]) -> bool:
    return bool(role_set & roles)
