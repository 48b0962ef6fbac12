"""Every URL of the inclusion module, for the cross-hub access matrix (tutti.accounts.testing)."""

from typing import Any

from tutti.accounts.models import Role
from tutti.accounts.testing import AccessRule, person
from tutti.inclusion.models import Criterion, RemissionApplication, RemissionScheme
from tutti.inclusion.roles import ANALYTICS_ROLES, REMISSION_ROLES
from tutti.inclusion.services.applications import application_submit
from tutti.inclusion.tests.factories import RemissionRuleFactory, RemissionSchemeFactory, png_upload
from tutti.learners.tests.factories import LearnerFactory
from tutti.network.models import HubArea


def _scheme(hub: HubArea) -> RemissionScheme:
    # One scheme a year per hub: a test that opens several of these URLs in one hub shares the year's.
    return RemissionScheme.objects.for_hub(hub).first() or RemissionSchemeFactory.create(hub=hub)


def _application(hub: HubArea) -> RemissionApplication:
    return application_submit(
        scheme=_scheme(hub),
        learner=LearnerFactory.create(hub=hub),
        criteria=[Criterion.FREE_SCHOOL_MEALS],
        applicant_name="Mordred Fiddlesticks",
        channel=RemissionApplication.Channel.PAPER,
        by=person(hub=hub, roles=[Role.INCLUSION_LEAD]),
        evidence=[png_upload()],
    )


def a_scheme(hub: HubArea) -> dict[str, Any]:
    return {"public_id": _scheme(hub).public_id}


def a_rule(hub: HubArea) -> dict[str, Any]:
    rule = RemissionRuleFactory.create(scheme=_scheme(hub))
    return {"public_id": rule.scheme.public_id, "rule_id": rule.pk}


def an_application(hub: HubArea) -> dict[str, Any]:
    return {"public_id": _application(hub).public_id}


def an_evidence_file(hub: HubArea) -> dict[str, Any]:
    return {"public_id": _application(hub).evidence.get().public_id}


MATRIX = [
    AccessRule("inclusion:home", roles=REMISSION_ROLES),
    AccessRule("inclusion:scheme_new", roles=REMISSION_ROLES),
    AccessRule("inclusion:scheme", roles=REMISSION_ROLES, make_kwargs=a_scheme),
    AccessRule("inclusion:scheme_edit", roles=REMISSION_ROLES, make_kwargs=a_scheme),
    AccessRule("inclusion:rule_new", roles=REMISSION_ROLES, make_kwargs=a_scheme),
    AccessRule("inclusion:rule_delete", roles=REMISSION_ROLES, make_kwargs=a_rule, method="post", ok_status=302),
    AccessRule("inclusion:renewals", roles=REMISSION_ROLES, make_kwargs=a_scheme, method="post", ok_status=302),
    AccessRule("inclusion:application_new", roles=REMISSION_ROLES),
    AccessRule("inclusion:application", roles=REMISSION_ROLES, make_kwargs=an_application),
    AccessRule("inclusion:evidence_new", roles=REMISSION_ROLES, make_kwargs=an_application),
    AccessRule("inclusion:evidence_download", roles=REMISSION_ROLES, make_kwargs=an_evidence_file),
    AccessRule("inclusion:participation", roles=ANALYTICS_ROLES),
    AccessRule("inclusion:participation_csv", roles=ANALYTICS_ROLES),
]
