"""The programmes admin: a site administrator can look records up but not change them (the instrument list aside)."""

import pytest
from django.test import Client
from django.urls import reverse

from tutti.accounts.models import User
from tutti.accounts.testing import sign_in
from tutti.network.models import HubArea
from tutti.programmes.services.enrolments import enrolment_enrol
from tutti.programmes.tests.factories import ActivityFactory, learner

READ_ONLY = [
    "termcalendar",
    "activity",
    "session",
    "staffmember",
    "safeguardingcheck",
    "trainingrecord",
    "enrolment",
    "attendance",
]


@pytest.fixture
def site_admin(db: None) -> User:
    return User.objects.create_superuser(email="site-admin@example.org", password=None)


@pytest.mark.parametrize("model", READ_ONLY)
def test_each_audited_table_opens_but_offers_no_add(model: str, site_admin: User, hub_a: HubArea) -> None:
    enrolment_enrol(activity=ActivityFactory.create(hub=hub_a), learner=learner(hub_a), by=site_admin)
    client = sign_in(Client(), site_admin)
    assert client.get(reverse(f"admin:programmes_{model}_changelist")).status_code == 200
    assert client.get(reverse(f"admin:programmes_{model}_add")).status_code == 403


def test_an_enrolment_shows_the_learners_reference_not_their_name(site_admin: User, hub_a: HubArea) -> None:
    child = learner(hub_a, first_name="Zainab")
    enrolment = enrolment_enrol(activity=ActivityFactory.create(hub=hub_a), learner=child, by=site_admin)
    client = sign_in(Client(), site_admin)
    page = client.get(reverse("admin:programmes_enrolment_changelist")).content.decode()
    assert child.reference in page
    assert "Zainab" not in page
    change = client.post(reverse("admin:programmes_enrolment_change", args=[enrolment.pk]), {"status": "withdrawn"})
    assert change.status_code == 403
    enrolment.refresh_from_db()
    assert enrolment.status == "active"
