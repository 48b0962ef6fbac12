"""A young person of 13 or over registers their own interest, where the hub marks the activity so."""

import datetime

import pytest
from django.test import Client
from django.utils import timezone

from tutti.accounts.testing import sign_in
from tutti.families.models import YoungPersonLink
from tutti.families.tests.factories import family
from tutti.network.models import HubArea
from tutti.opportunities.models import Listing
from tutti.opportunities.tests.factories import listed
from tutti.programmes.models import Enrolment

pytestmark = pytest.mark.django_db


def born_years_ago(years: int) -> str:
    today = timezone.localdate()
    return (today.replace(year=today.year - years) - datetime.timedelta(days=1)).strftime("%d/%m/%Y")


def me(years: int) -> dict[str, str]:
    return {"me-first_name": "Ptolemy", "me-last_name": "Quaverly", "me-date_of_birth": born_years_ago(years)}


@pytest.fixture
def band(hub_a: HubArea) -> Listing:
    listing = listed(hub=hub_a, name="Youth jazz band")
    Listing.objects.filter(pk=listing.pk).update(young_people_may_apply=True)
    return listing


def test_a_14_year_old_registers_themselves_and_sees_it_in_the_portal(band: Listing) -> None:
    account = family("ptolemy@example.org")
    client = sign_in(Client(), account.user)
    assert "Register your own interest" in client.get(f"/family/apply/{band.public_id}/").content.decode()
    response = client.post(f"/family/apply/{band.public_id}/myself/", me(14))
    assert response.status_code == 302
    own = YoungPersonLink.objects.get(account=account)
    assert not own.learner.guardians.exists()
    assert Enrolment.objects.get(learner=own.learner).status == Enrolment.Status.APPLIED
    page = client.get(f"/family/children/{own.learner.public_id}/").content.decode()
    assert "Applied on" in page
    assert client.get(f"/family/children/{own.learner.public_id}/contact/").status_code == 404


def test_under_13_is_told_to_ask_a_parent(band: Listing) -> None:
    client = sign_in(Client(), family("young@example.org").user)
    page = client.post(f"/family/apply/{band.public_id}/myself/", me(12)).content.decode()
    assert "You can register yourself from the age of 13: ask a parent or carer to apply for you." in page
    assert 'value="Ptolemy"' in page
    assert not Enrolment.objects.exists()


def test_only_where_the_hub_allows_it(hub_a: HubArea) -> None:
    listing = listed(hub=hub_a, name="Beginner strings")
    client = sign_in(Client(), family("ptolemy@example.org").user)
    assert client.get(f"/family/apply/{listing.public_id}/myself/").status_code == 404
    assert "Register your own interest" not in client.get(f"/family/apply/{listing.public_id}/").content.decode()
