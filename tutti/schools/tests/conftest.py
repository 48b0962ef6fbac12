"""Local authorities for the schools tests: Trafford (DfE 358) sits in hub A, Birmingham in hub B."""

import pytest

from tutti.network.models import HubArea, LocalAuthority
from tutti.network.tests.factories import LocalAuthorityFactory


@pytest.fixture
def trafford(hub_a: HubArea) -> LocalAuthority:
    return LocalAuthorityFactory.create(ons_code="E08000009", dfe_code=358, name="Trafford", hub_area=hub_a)


@pytest.fixture
def birmingham(hub_b: HubArea) -> LocalAuthority:
    return LocalAuthorityFactory.create(ons_code="E08000025", dfe_code=330, name="Birmingham", hub_area=hub_b)
