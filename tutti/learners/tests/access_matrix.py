"""Every URL of the learners module, for the cross-hub access matrix (tutti.accounts.testing)."""

from typing import Any

from tutti.accounts.testing import AccessRule
from tutti.learners.field_access import (
    CLASS_LIST_ROLES,
    EDITOR_ROLES,
    HUB_WIDE_ROLES,
    IMPORT_ROLES,
    LEARNER_ROLES,
    MERGE_ROLES,
)
from tutti.learners.tests.factories import LearnerFactory
from tutti.network.models import HubArea
from tutti.programmes.tests.factories import WcetActivityFactory


def a_learner(hub: HubArea) -> dict[str, Any]:
    return {"public_id": LearnerFactory.create(hub=hub).public_id}


def a_wcet_class(hub: HubArea) -> dict[str, Any]:
    return {"activity_id": WcetActivityFactory.create(hub=hub).public_id}


MATRIX = [
    AccessRule("learners:learner_list", roles=LEARNER_ROLES),
    AccessRule("learners:learner_list_csv", roles=LEARNER_ROLES),
    AccessRule("learners:learner_list_xlsx", roles=LEARNER_ROLES),
    AccessRule("learners:learner_new", roles=EDITOR_ROLES),
    AccessRule("learners:learner_import", roles=IMPORT_ROLES),
    AccessRule("learners:class_list_import", roles=CLASS_LIST_ROLES),
    AccessRule("learners:class_list_import_for", roles=CLASS_LIST_ROLES, make_kwargs=a_wcet_class),
    AccessRule("learners:progression", roles=HUB_WIDE_ROLES),
    AccessRule("learners:duplicate_list", roles=MERGE_ROLES),
    # Posted without records it sends back to the duplicates list; another hub's record is a 404 (test_views).
    AccessRule("learners:learner_merge", roles=MERGE_ROLES, method="post", ok_status=302),
    AccessRule("learners:learner_detail", roles=LEARNER_ROLES, make_kwargs=a_learner),
    AccessRule("learners:api_learner_list", roles=LEARNER_ROLES),
    # A tutor opens only the learners of their own activities: the first role here is a hub-wide one.
    AccessRule("learners:api_learner_detail", roles=LEARNER_ROLES, make_kwargs=a_learner),
    AccessRule("learners:learner_attendance", roles=LEARNER_ROLES, make_kwargs=a_learner),
    AccessRule("learners:learner_edit", roles=EDITOR_ROLES, make_kwargs=a_learner),
    AccessRule("learners:guardian_new", roles=EDITOR_ROLES, make_kwargs=a_learner),
    AccessRule("learners:consent_new", roles=EDITOR_ROLES, make_kwargs=a_learner),
    AccessRule("learners:milestone_new", roles=EDITOR_ROLES, make_kwargs=a_learner),
]
