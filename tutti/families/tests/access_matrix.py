"""Every URL of the families module: the hub's pages in the cross-hub matrix; the family's own listed here.

A family's pages are not a hub role's, so the hub matrix does not fit them: tests/test_portal.py requests
each signed out, as hub staff (403), as another family (404) and as the child's own family.
"""

from typing import Any

from tutti.accounts.models import Role
from tutti.accounts.testing import AccessRule
from tutti.families.models import ChildMatch
from tutti.learners.tests.factories import LearnerFactory
from tutti.network.models import HubArea

MANAGERS = frozenset({Role.PROGRAMME_MANAGER, Role.HUB_ADMINISTRATOR})

PUBLIC_URL_NAMES = frozenset({"families:join"})  # an activity's "Apply" button, before any account exists

COVERED_URL_NAMES = frozenset(
    {
        "families:home",
        "families:apply",
        "families:apply_myself",
        "families:verify_email",
        "families:verify_email_resend",
        "families:child",
        "families:contact",
        "families:consents",
        "families:accept",
        "families:withdraw",
    }
)


def a_match(hub: HubArea) -> dict[str, Any]:
    known = LearnerFactory.create(hub=hub)
    added = LearnerFactory.create(hub=hub, first_name=known.first_name, last_name=known.last_name)
    return {"pk": ChildMatch.objects.create(hub=hub, added=added, known=known).pk}


MATRIX = [
    AccessRule("families_hub:matches", roles=MANAGERS),
    AccessRule("families_hub:match_decide", roles=MANAGERS, make_kwargs=a_match),
    AccessRule("families_hub:consent_questions", roles=frozenset({Role.HUB_ADMINISTRATOR})),
]
