"""Every hub-scoped URL of the accounts module, for the cross-hub access matrix (tutti.accounts.testing)."""

from typing import Any

from tutti.accounts.models import STAFF_ROLES, Role
from tutti.accounts.testing import AccessRule, person
from tutti.network.models import HubArea

ADMIN = frozenset({Role.HUB_ADMINISTRATOR})


def a_team_member(hub: HubArea) -> dict[str, Any]:
    user = person(hub=hub, roles=[Role.TUTOR])
    return {"public_id": user.memberships.get().public_id}


MATRIX = [
    AccessRule("accounts:hub_home", roles=STAFF_ROLES),
    AccessRule("accounts:team", roles=ADMIN),
    AccessRule("accounts:team_invite", roles=ADMIN),
    AccessRule("accounts:team_member", roles=ADMIN, make_kwargs=a_team_member),
    AccessRule("accounts:team_member_disable", roles=ADMIN, make_kwargs=a_team_member, method="post", ok_status=302),
    AccessRule("accounts:team_member_enable", roles=ADMIN, make_kwargs=a_team_member, method="post", ok_status=302),
    AccessRule("accounts:audit_log", roles=ADMIN),
    AccessRule("accounts:national", national=True),
    AccessRule("accounts:national_csv", national=True),
    AccessRule("accounts:national_xlsx", national=True),
]
