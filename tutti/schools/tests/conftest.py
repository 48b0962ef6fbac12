"""Hubs, people and local authorities for the schools tests: Trafford (DfE 358) sits in hub A."""

import pytest

from tutti.accounts.models import Role, User
from tutti.accounts.testing import person
from tutti.accounts.tests.conftest import hub_a, hub_a_admin, hub_a_tutor, hub_b, hub_b_admin  # noqa: F401
from tutti.network.models import HubArea, LocalAuthority
from tutti.network.tests.factories import LocalAuthorityFactory


@pytest.fixture
def trafford(hub_a: HubArea) -> LocalAuthority:  # noqa: F811
    return LocalAuthorityFactory.create(ons_code="E08000009", dfe_code=358, name="Trafford", hub_area=hub_a)


@pytest.fixture
def birmingham(hub_b: HubArea) -> LocalAuthority:  # noqa: F811
    return LocalAuthorityFactory.create(ons_code="E08000025", dfe_code=330, name="Birmingham", hub_area=hub_b)


@pytest.fixture
def hub_a_manager(hub_a: HubArea) -> User:  # noqa: F811
    return person(hub=hub_a, roles=[Role.PROGRAMME_MANAGER], email="manager@hertfordshire.example")
