"""Every hub URL of the schools module, for the cross-hub access matrix (tutti.accounts.testing).

A school belongs to a hub through its local authority, so the record-naming URLs are built on a school in
one of hub A's local authorities: for hub B it is outside the area, a 404.
"""

from typing import Any

from tutti.accounts.models import STAFF_ROLES, Role
from tutti.accounts.testing import AccessRule
from tutti.network.models import HubArea
from tutti.network.tests.factories import LocalAuthorityFactory
from tutti.schools.selectors import current_year
from tutti.schools.tests.factories import SchoolFactory

EDITORS = frozenset({Role.HUB_ADMINISTRATOR, Role.PROGRAMME_MANAGER})


def a_school(hub: HubArea) -> dict[str, Any]:
    school = SchoolFactory.create(local_authority=LocalAuthorityFactory.create(hub_area=hub))
    return {"urn": school.urn}


def a_school_this_year(hub: HubArea) -> dict[str, Any]:
    return {**a_school(hub), "year": current_year()}


ENGAGEMENT_ANSWERS = {"plan_status": "in_progress", "services": ["wcet"], "curriculum_hour": "on"}

MATRIX = [
    AccessRule("schools:list", roles=STAFF_ROLES),
    AccessRule("schools:list_csv", roles=STAFF_ROLES),
    AccessRule("schools:list_xlsx", roles=STAFF_ROLES),
    AccessRule("schools:coverage", roles=STAFF_ROLES),
    AccessRule("schools:register_import", roles=frozenset({Role.HUB_ADMINISTRATOR})),
    AccessRule("schools:survey_replies", roles=STAFF_ROLES),
    AccessRule("schools:detail", roles=STAFF_ROLES, make_kwargs=a_school),
    AccessRule("schools:engagement_edit", roles=EDITORS, make_kwargs=a_school_this_year),
    AccessRule(
        "schools:engagement_edit",
        roles=EDITORS,
        make_kwargs=a_school_this_year,
        method="post",
        data=ENGAGEMENT_ANSWERS,
        ok_status=302,
    ),
    AccessRule("schools:survey_link_create", roles=EDITORS, make_kwargs=a_school, method="post", ok_status=302),
    AccessRule("schools:api_school_list", roles=STAFF_ROLES),
    AccessRule("schools:api_school_detail", roles=STAFF_ROLES, make_kwargs=a_school),
]
