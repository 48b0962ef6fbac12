"""Every URL of the programmes module, for the cross-hub access matrix (tutti.accounts.testing)."""

import datetime
from typing import Any

from tutti.accounts.models import Role
from tutti.accounts.testing import AccessRule, person
from tutti.network.models import HubArea
from tutti.programmes.models import Attendance, Session
from tutti.programmes.tests.factories import ActivityFactory, TermCalendarFactory, learner

MANAGERS = frozenset({Role.PROGRAMME_MANAGER, Role.HUB_ADMINISTRATOR})
REGISTER_ROLES = MANAGERS | {Role.TUTOR}


def a_calendar(hub: HubArea) -> dict[str, Any]:
    return {"year": TermCalendarFactory.create(hub=hub, academic_year=2031).academic_year}


def a_session(hub: HubArea) -> dict[str, Any]:
    session = Session.objects.create(
        activity=ActivityFactory.create(hub=hub),
        date=datetime.date.today(),
        starts_at=datetime.time(9),
        ends_at=datetime.time(10),
    )
    return {"public_id": session.public_id}


def an_activity(hub: HubArea) -> dict[str, Any]:
    return {"public_id": ActivityFactory.create(hub=hub).public_id}


def a_marked_learner(hub: HubArea) -> dict[str, Any]:

    session = Session.objects.create(
        activity=ActivityFactory.create(hub=hub),
        date=datetime.date.today(),
        starts_at=datetime.time(9),
        ends_at=datetime.time(10),
    )
    child = learner(hub)
    Attendance.objects.create(
        session=session, learner=child, mark=Attendance.Mark.PRESENT, marked_by=person(hub=hub, roles=[Role.TUTOR])
    )
    return {"public_id": child.public_id}


MATRIX = [
    AccessRule("programmes:calendars", roles=MANAGERS),
    AccessRule("programmes:calendar", roles=MANAGERS, make_kwargs=a_calendar),
    AccessRule("programmes:activities", roles=MANAGERS),
    AccessRule("programmes:enrolments", roles=MANAGERS),
    AccessRule("programmes:staff", roles=MANAGERS),
    AccessRule("programmes:today", roles=REGISTER_ROLES),
    AccessRule("programmes:register", roles=REGISTER_ROLES, make_kwargs=a_session),
    AccessRule("programmes:activity_attendance", roles=REGISTER_ROLES, make_kwargs=an_activity),
    AccessRule("programmes:learner_attendance", roles=REGISTER_ROLES, make_kwargs=a_marked_learner),
]
