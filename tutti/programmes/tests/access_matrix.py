"""Every URL of the programmes module, for the cross-hub access matrix (tutti.accounts.testing)."""

import datetime
from typing import Any

from tutti.accounts.models import Role
from tutti.accounts.testing import AccessRule, person
from tutti.network.models import HubArea
from tutti.programmes.models import Enrolment, Session, WeeklySlot
from tutti.programmes.services.enrolments import enrolment_apply, enrolment_enrol, enrolment_offer
from tutti.programmes.tests.factories import ActivityFactory, StaffMemberFactory, TermCalendarFactory, learner

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


def a_weekly_time(hub: HubArea) -> dict[str, Any]:
    activity = ActivityFactory.create(hub=hub)
    slot = WeeklySlot.objects.create(
        activity=activity, weekday=WeeklySlot.Weekday.MONDAY, starts_at=datetime.time(9), ends_at=datetime.time(10)
    )
    return {"public_id": activity.public_id, "slot_id": slot.pk}


def _enrolment(hub: HubArea, status: Enrolment.Status) -> dict[str, Any]:
    manager = person(hub=hub, roles=[Role.PROGRAMME_MANAGER])
    activity, child = ActivityFactory.create(hub=hub), learner(hub)
    if status == Enrolment.Status.ACTIVE:
        enrolment = enrolment_enrol(activity=activity, learner=child, by=manager)
    else:
        enrolment = enrolment_apply(activity=activity, learner=child, by=manager)
        if status == Enrolment.Status.OFFERED:
            enrolment_offer(enrolment=enrolment, by=manager)
    return {"public_id": enrolment.public_id}


def an_applicant(hub: HubArea) -> dict[str, Any]:
    return _enrolment(hub, Enrolment.Status.APPLIED)


def an_offer(hub: HubArea) -> dict[str, Any]:
    return _enrolment(hub, Enrolment.Status.OFFERED)


def an_active_enrolment(hub: HubArea) -> dict[str, Any]:
    return _enrolment(hub, Enrolment.Status.ACTIVE)


def a_staff_member(hub: HubArea) -> dict[str, Any]:
    return {"public_id": StaffMemberFactory.create(hub=hub).public_id}


MATRIX = [
    AccessRule("programmes:calendars", roles=MANAGERS),
    AccessRule("programmes:calendar", roles=MANAGERS, make_kwargs=a_calendar),
    AccessRule("programmes:activities", roles=MANAGERS),
    AccessRule("programmes:activity_create", roles=MANAGERS),
    AccessRule("programmes:activity", roles=MANAGERS, make_kwargs=an_activity),
    AccessRule("programmes:activity_edit", roles=MANAGERS, make_kwargs=an_activity),
    AccessRule("programmes:weekly_time_remove", roles=MANAGERS, make_kwargs=a_weekly_time),
    # Without a learner chosen the enrolment is refused and the person is sent back to the activity's page.
    AccessRule("programmes:activity_enrol", roles=MANAGERS, make_kwargs=an_activity, method="post", ok_status=302),
    AccessRule("programmes:enrolment_offer", roles=MANAGERS, make_kwargs=an_applicant, method="post", ok_status=302),
    AccessRule("programmes:enrolment_accept", roles=MANAGERS, make_kwargs=an_offer, method="post", ok_status=302),
    AccessRule(
        "programmes:enrolment_complete", roles=MANAGERS, make_kwargs=an_active_enrolment, method="post", ok_status=302
    ),
    AccessRule("programmes:enrolment_withdraw", roles=MANAGERS, make_kwargs=an_active_enrolment),
    AccessRule("programmes:enrolment_transfer", roles=MANAGERS, make_kwargs=an_active_enrolment),
    AccessRule("programmes:enrolments", roles=MANAGERS),
    AccessRule("programmes:staff", roles=MANAGERS),
    AccessRule("programmes:staff_create", roles=MANAGERS),
    AccessRule("programmes:staff_member", roles=MANAGERS, make_kwargs=a_staff_member),
    AccessRule("programmes:staff_edit", roles=MANAGERS, make_kwargs=a_staff_member),
    AccessRule("programmes:today", roles=REGISTER_ROLES),
    AccessRule("programmes:register", roles=REGISTER_ROLES, make_kwargs=a_session),
    AccessRule("programmes:activity_attendance", roles=REGISTER_ROLES, make_kwargs=an_activity),
]
