"""The named people every module's tests use: staff of two hubs and the national team.

Hub A is Hertfordshire and hub B Birmingham. Hub A's tutor carries the planted name and address that no
log line may ever contain (tutti/conftest.py checks every test's captured logs for them).
"""

import pytest

from tutti.accounts.models import Role, User
from tutti.accounts.testing import person
from tutti.network.models import HubArea

# Values no log line may ever contain: tests use them as a person's name and address.
PLANTED_NAME = "Quillon Vexmarrow"
PLANTED_EMAIL = "quillon.vexmarrow@hertfordshire.example"


@pytest.fixture
def hub_a(db: None) -> HubArea:
    return HubArea.objects.create(name="Hertfordshire", slug="hertfordshire")


@pytest.fixture
def hub_b(db: None) -> HubArea:
    return HubArea.objects.create(name="Birmingham", slug="birmingham")


@pytest.fixture
def hub_a_admin(hub_a: HubArea) -> User:
    return person(hub=hub_a, roles=[Role.HUB_ADMINISTRATOR], email="admin@hertfordshire.example")


@pytest.fixture
def hub_b_admin(hub_b: HubArea) -> User:
    return person(hub=hub_b, roles=[Role.HUB_ADMINISTRATOR], email="admin@birmingham.example")


@pytest.fixture
def hub_a_manager(hub_a: HubArea) -> User:
    return person(hub=hub_a, roles=[Role.PROGRAMME_MANAGER], email="manager@hertfordshire.example")


@pytest.fixture
def hub_a_inclusion_lead(hub_a: HubArea) -> User:
    return person(hub=hub_a, roles=[Role.INCLUSION_LEAD], email="inclusion@hertfordshire.example")


@pytest.fixture
def hub_a_finance(hub_a: HubArea) -> User:
    return person(hub=hub_a, roles=[Role.FINANCE_OFFICER], email="finance@hertfordshire.example")


@pytest.fixture
def hub_a_tutor(hub_a: HubArea) -> User:
    user = person(hub=hub_a, roles=[Role.TUTOR], email=PLANTED_EMAIL)
    first, last = PLANTED_NAME.split()
    User.objects.filter(pk=user.pk).update(first_name=first, last_name=last)
    user.refresh_from_db()
    return user


@pytest.fixture
def national_officer(db: None) -> User:
    return person(hub=None, roles=[Role.NATIONAL_OFFICER], email="national@ace.example")
