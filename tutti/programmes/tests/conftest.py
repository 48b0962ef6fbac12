"""Hub A's term calendar and its tutor's staff record (the named people come from tutti/conftest.py)."""

import pytest

from tutti.accounts.models import User
from tutti.network.models import HubArea
from tutti.programmes.models import StaffMember, TermCalendar
from tutti.programmes.tests.factories import StaffMemberFactory, calendar_2025_26, cleared


@pytest.fixture
def hub_a_calendar(hub_a: HubArea) -> TermCalendar:
    return calendar_2025_26(hub_a)


@pytest.fixture
def hub_a_tutor_staff(hub_a: HubArea, hub_a_tutor: User, hub_a_manager: User) -> StaffMember:
    """The staff record of hub A's tutor, linked to their account, with a clear DBS check."""
    member = StaffMemberFactory.create(hub=hub_a, user=hub_a_tutor, first_name="Ada", last_name="Lovelace")
    cleared(member, by=hub_a_manager)
    return member
