"""Named people of two hubs and the national team, and a guard that no planted personal value is logged."""

from collections.abc import Iterator

import pytest
from django.core.cache import cache

from tutti.accounts.models import Role, User
from tutti.accounts.testing import person
from tutti.network.models import HubArea

# Values no log line may ever contain: tests use them as people's names and addresses.
PLANTED_NAME = "Quillon Vexmarrow"
PLANTED_EMAIL = "quillon.vexmarrow@hertfordshire.example"


@pytest.fixture(autouse=True)
def _no_personal_data_in_logs(caplog: pytest.LogCaptureFixture) -> Iterator[None]:
    caplog.set_level("DEBUG")
    cache.clear()  # allauth keeps used TOTP codes and rate-limit counters in the cache
    yield
    logged = caplog.text.lower()
    for value in (PLANTED_NAME, PLANTED_EMAIL, *PLANTED_NAME.split()):
        assert value.lower() not in logged, f"a log line contains the personal value {value!r}"


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
def hub_a_tutor(hub_a: HubArea) -> User:
    user = person(hub=hub_a, roles=[Role.TUTOR], email=PLANTED_EMAIL)
    first, last = PLANTED_NAME.split()
    User.objects.filter(pk=user.pk).update(first_name=first, last_name=last)
    user.refresh_from_db()
    return user


@pytest.fixture
def hub_a_finance(hub_a: HubArea) -> User:
    return person(hub=hub_a, roles=[Role.FINANCE_OFFICER], email="finance@hertfordshire.example")


@pytest.fixture
def national_officer(db: None) -> User:
    return person(hub=None, roles=[Role.NATIONAL_OFFICER], email="national@ace.example")
