"""The demo: public opportunities for both hubs and a parent whose two children hold places; nothing twice.

As a new user would try it: searching AL1 for a 9-year-old violinist finds Hertfordshire's activities
nearest first, and the parent's portal shows the week the tutor was away.
"""

import re

import pytest
from django.core.management import call_command
from django.db.models import F
from django.test import Client, override_settings

from tutti.accounts.testing import sign_in
from tutti.families.models import FamilyAccount, GuardianLink
from tutti.learners.models import Learner
from tutti.network.models import HubArea
from tutti.network.tests.factories import LocalAuthorityFactory
from tutti.opportunities.models import Listing, Venue
from tutti.programmes.models import Activity, Enrolment, Instrument

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(db: None) -> None:
    for slug, name in (("hertfordshire", "Hertfordshire"), ("birmingham", "Birmingham")):
        LocalAuthorityFactory.create(hub_area=HubArea.objects.create(name=name, slug=slug))
    with override_settings(DEBUG=True):
        call_command("load_demo_accounts", stdout=None)
        call_command("load_demo_teaching", "--scale", "0.1")
        call_command("load_demo_opportunities")
        call_command("load_demo_families")


def counts() -> tuple[int, ...]:
    return (
        Listing.objects.count(),
        Venue.objects.count(),
        FamilyAccount.objects.count(),
        GuardianLink.objects.count(),
        Learner.objects.count(),
        Enrolment.objects.count(),
    )


def test_a_second_run_adds_nothing(demo: None) -> None:
    before = counts()
    with override_settings(DEBUG=True):
        call_command("load_demo_opportunities")
        call_command("load_demo_families")
    assert counts() == before
    assert Listing.objects.filter(hub__slug="birmingham").count() == 3


def test_al1_for_a_9_year_old_violinist_finds_hertfordshire_nearest_first(demo: None) -> None:
    violin = Instrument.objects.get(name="Violin")
    page = (
        Client().get("/opportunities/", {"postcode": "AL1", "age": "9", "instrument": str(violin.pk)}).content.decode()
    )
    hubs = re.findall(r"</a></h3>\s*<p class=\"govuk-body-s[^\"]*\">[^,]+, ([A-Za-z]+)", page)
    distances = [float(km) for km in re.findall(r"([0-9.]+) km away", page)]
    assert hubs[:3] == ["Hertfordshire"] * 3
    assert distances == sorted(distances)
    assert "Strings small group (Saturday)" in page


def test_the_demo_parent_sees_two_children_in_places_and_the_tutors_week_away(demo: None) -> None:
    account = FamilyAccount.objects.get(user__email="parent@hertfordshire.example")
    client = sign_in(Client(), account.user)
    home = client.get("/family/").content.decode()
    assert home.count('govuk-tag--green">Active') == 2
    wren = Learner.objects.get(first_name="Wren")
    page = client.get(f"/family/children/{wren.public_id}/").content.decode()
    assert "Not running</strong> Tutor absence" in page


@override_settings(DEBUG=True)
def test_a_full_first_choice_gives_the_child_the_next_one(db: None) -> None:
    """A full-size demo term fills the Saturday strings group: loading the family once stopped there."""
    for slug, name in (("hertfordshire", "Hertfordshire"), ("birmingham", "Birmingham")):
        LocalAuthorityFactory.create(hub_area=HubArea.objects.create(name=name, slug=slug))
    call_command("load_demo_accounts", stdout=None)
    call_command("load_demo_teaching", "--scale", "0.1")
    call_command("load_demo_opportunities")
    Activity.objects.filter(name="Strings small group (Saturday)").update(places_taken=F("capacity"))

    call_command("load_demo_families")

    wren = Learner.objects.get(first_name="Wren")
    assert wren.enrolments.get().activity.name == "Training string orchestra"
