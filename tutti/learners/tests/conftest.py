"""Named people of two hubs for the learners tests (the accounts module's, plus the roles learners need)."""

import pytest

from tutti.accounts.models import Role, User
from tutti.accounts.testing import person
from tutti.accounts.tests.conftest import (  # noqa: F401
    _no_personal_data_in_logs,
    hub_a,
    hub_a_admin,
    hub_a_finance,
    hub_a_tutor,
    hub_b,
    hub_b_admin,
)
from tutti.network.models import HubArea


@pytest.fixture
def hub_a_inclusion_lead(hub_a: HubArea) -> User:  # noqa: F811 (pytest passes the imported fixture)
    return person(hub=hub_a, roles=[Role.INCLUSION_LEAD], email="inclusion@hertfordshire.example")


@pytest.fixture
def hub_a_manager(hub_a: HubArea) -> User:  # noqa: F811 (pytest passes the imported fixture)
    return person(hub=hub_a, roles=[Role.PROGRAMME_MANAGER], email="manager@hertfordshire.example")
