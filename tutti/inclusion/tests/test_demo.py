"""The demo's remission: every state of an application is there to try, and a second run adds nothing."""

import datetime

import pytest
from django.core.management import CommandError, call_command
from django.test import override_settings

from tutti.accounts.models import Role
from tutti.accounts.testing import person
from tutti.inclusion.demo import load_hub
from tutti.inclusion.models import EvidenceFile, RemissionApplication, RemissionScheme
from tutti.inclusion.selectors import scheme_budget
from tutti.learners.demo.load import hub_plans
from tutti.learners.demo.load import load_hub as load_teaching
from tutti.network.models import HubArea
from tutti.network.tests.factories import LocalAuthorityFactory

TODAY = datetime.date(2026, 11, 30)
Status = RemissionApplication.Status


@pytest.fixture
def herts(db: None) -> HubArea:
    hub = HubArea.objects.create(name="Hertfordshire", slug="hertfordshire")
    LocalAuthorityFactory.create(hub_area=hub)
    person(hub=hub, roles=[Role.HUB_ADMINISTRATOR], email="admin@hertfordshire.example")
    person(hub=hub, roles=[Role.INCLUSION_LEAD], email="inclusion@hertfordshire.example")
    load_teaching(hub_plans(1.0)[0], scale=1.0, today=TODAY)
    return hub


def test_the_demo_has_an_application_in_every_state_and_loads_once(herts: HubArea) -> None:
    loaded = load_hub(hub_slug="hertfordshire", today_year=2026)
    assert loaded is not None
    this_year = RemissionScheme.objects.for_hub(herts).get(academic_year=2026)
    statuses = list(this_year.applications.values_list("status", flat=True))
    assert loaded.applications == RemissionApplication.objects.for_hub(herts).count()
    assert statuses.count(Status.APPROVED) == 3
    assert statuses.count(Status.WAITING) == 2
    assert {Status.SUBMITTED, Status.MORE_INFORMATION, Status.REFUSED} <= set(statuses)
    assert this_year.applications.filter(channel=RemissionApplication.Channel.RENEWAL).count() == 1
    budget = scheme_budget(this_year)
    assert 0 < budget.committed_pence <= budget.budget_pence < budget.committed_pence + budget.waiting_pence
    assert EvidenceFile.objects.for_hub(herts).count() == 7

    assert load_hub(hub_slug="hertfordshire", today_year=2026) is None
    assert RemissionApplication.objects.for_hub(herts).count() == loaded.applications


@override_settings(DEBUG=False)
def test_the_demo_command_refuses_without_debug(db: None) -> None:
    with pytest.raises(CommandError, match="DEBUG is off"):
        call_command("load_demo_inclusion")
