"""Named people of two hubs (from accounts), a hub A programme manager, and a hub A tutor with a staff record."""

import pytest

from tutti.accounts.models import Role, User
from tutti.accounts.testing import person
from tutti.accounts.tests.conftest import (  # noqa: F401
    hub_a,
    hub_a_admin,
    hub_a_finance,
    hub_a_tutor,
    hub_b,
    hub_b_admin,
)
from tutti.network.models import HubArea
from tutti.programmes.models import StaffMember, TermCalendar
from tutti.programmes.tests.factories import StaffMemberFactory, calendar_2025_26, cleared


@pytest.fixture
def hub_a_manager(hub_a: HubArea) -> User:  # noqa: F811 (pytest passes the imported fixture)
    return person(hub=hub_a, roles=[Role.PROGRAMME_MANAGER], email="manager@hertfordshire.example")


@pytest.fixture
def hub_a_calendar(hub_a: HubArea) -> TermCalendar:  # noqa: F811
    return calendar_2025_26(hub_a)


@pytest.fixture
def hub_a_tutor_staff(hub_a: HubArea, hub_a_tutor: User, hub_a_manager: User) -> StaffMember:  # noqa: F811
    """The staff record of hub A's tutor, linked to their account, with a clear DBS check."""
    member = StaffMemberFactory.create(hub=hub_a, user=hub_a_tutor, first_name="Ada", last_name="Lovelace")
    cleared(member, by=hub_a_manager)
    return member
