"""Reads of the programmes module: the pages' querysets with their joins, the waiting list, expiring checks."""

import datetime
import uuid
from dataclasses import dataclass
from typing import Any

from django.apps import apps
from django.db.models import Count, Prefetch, Q, QuerySet

from tutti.accounts.models import User
from tutti.network.models import HubArea
from tutti.programmes.models import (
    Activity,
    Attendance,
    Enrolment,
    SafeguardingCheck,
    Session,
    StaffMember,
    TrainingRecord,
    WeeklySlot,
)
from tutti.programmes.services.activities import removable_sessions

EXPIRY_WARNING_DAYS = 60


@dataclass(frozen=True)
class WaitingRow:
    """One learner on an activity's waiting list, with their visible place in the queue (1 is next)."""

    enrolment: Enrolment
    rank: int


def waiting_list(activity: Activity) -> list[WaitingRow]:
    waiting = activity.enrolments.waiting().select_related("learner")
    return [WaitingRow(enrolment=enrolment, rank=rank) for rank, enrolment in enumerate(waiting, start=1)]


def staff_member_of(*, user: User, hub: HubArea) -> StaffMember | None:
    """The staff record linked to a signed-in person in this hub (tutors see what it teaches)."""
    return StaffMember.objects.for_hub(hub).filter(user=user).first()


def activities_for_list(hub: HubArea) -> QuerySet[Activity]:
    return (
        Activity.objects.for_hub(hub)
        .select_related("school", "calendar")
        .annotate(active_count=Count("enrolments", filter=Q(enrolments__status=Enrolment.Status.ACTIVE)))
    )


def enrolments_for_list(hub: HubArea) -> QuerySet[Enrolment]:
    return Enrolment.objects.for_hub(hub).select_related("learner", "activity")


def participating_learner_count(*, hub: HubArea, academic_year: int) -> int:
    """Distinct learners who started in any of the hub's activities of the year (one aggregate query).

    A learner counts once however many activities they took, and still counts after completing or
    withdrawing: they took part. An applicant or a child on the waiting list has not started.
    """
    return (
        Enrolment.objects.for_hub(hub)
        .filter(activity__calendar__academic_year=academic_year, started_on__isnull=False)
        .aggregate(learners=Count("learner", distinct=True))["learners"]
    )


@dataclass(frozen=True)
class Expiring:
    """A check or training course that runs out within the warning period (or already has)."""

    staff_member: StaffMember
    what: str
    expires_on: datetime.date


def expiring_within(*, hub: HubArea, today: datetime.date, days: int = EXPIRY_WARNING_DAYS) -> list[Expiring]:
    """Each current staff member's latest DBS check and safeguarding training that run out by today + days.

    Only the latest of each counts: a renewed check replaces the old one, so the old one is not listed.
    """
    horizon = today + datetime.timedelta(days=days)
    checks = SafeguardingCheck.objects.filter(decision__in=SafeguardingCheck.CLEARED).order_by("-valid_until")
    courses = TrainingRecord.objects.filter(kind=TrainingRecord.Kind.SAFEGUARDING).order_by("-expires_on")
    staff = (
        StaffMember.objects.for_hub(hub)
        .current()
        .prefetch_related(Prefetch("safeguarding_checks", queryset=checks))
        .prefetch_related(Prefetch("training", queryset=courses))
    )
    rows = []
    for member in staff:
        latest_check = next(iter(member.safeguarding_checks.all()), None)
        if latest_check is not None and latest_check.valid_until <= horizon:
            rows.append(Expiring(member, "DBS check", latest_check.valid_until))
        ends = [course.expires_on for course in member.training.all() if course.expires_on is not None]
        if ends and ends[0] <= horizon:
            rows.append(Expiring(member, "Safeguarding training", ends[0]))
    return sorted(rows, key=lambda row: (row.expires_on, str(row.staff_member)))


def sessions_on(*, hub: HubArea, day: datetime.date, tutor: StaffMember | None) -> QuerySet[Session]:
    """A tutor's sessions on a day (all the hub's when ``tutor`` is None, for managers)."""
    sessions = Session.objects.for_hub(hub).filter(date=day).select_related("activity", "activity__school")
    if tutor is not None:
        sessions = sessions.filter(activity__tutors=tutor)
    return sessions.order_by("starts_at", "activity__name")


def register_rows(session: Session) -> list[tuple[Enrolment, str]]:
    """Each learner on the session's register with their current mark ('' when not yet marked)."""
    marks = dict(session.attendance.values_list("learner_id", "mark"))
    enrolled = (
        Enrolment.objects.filter(activity_id=session.activity_id, status__in=Enrolment.HOLDING_PLACE)
        .select_related("learner")
        .order_by("learner__last_name", "learner__first_name")
    )
    return [(enrolment, marks.get(enrolment.learner_id, "")) for enrolment in enrolled]


def attendance_for_activity(activity: Activity) -> QuerySet[Attendance]:
    return Attendance.objects.filter(session__activity=activity).select_related("session", "learner")


def attendance_for_learner(*, hub: HubArea, learner_public_id: str, tutor: StaffMember | None) -> QuerySet[Attendance]:
    """A learner's marks in the hub (within a tutor's own activities for a tutor)."""
    marks = (
        Attendance.objects.for_hub(hub).filter(learner__public_id=learner_public_id).select_related("session__activity")
    )
    if tutor is not None:
        marks = marks.filter(session__activity__tutors=tutor)
    return marks.order_by("-session__date", "-session__starts_at")


def staff_with_checks(*, hub: HubArea, today: datetime.date) -> list[tuple[StaffMember, SafeguardingCheck | None]]:
    """Each current staff member with the DBS check valid today (None when they have none), in two queries."""
    checks = SafeguardingCheck.objects.filter(
        decision__in=SafeguardingCheck.CLEARED, issued_on__lte=today, valid_until__gte=today
    ).order_by("-valid_until")
    staff = (
        StaffMember.objects.for_hub(hub)
        .current()
        .prefetch_related(Prefetch("safeguarding_checks", queryset=checks, to_attr="valid_checks"), "instruments")
    )
    rows = []
    for member in staff:
        valid: list[SafeguardingCheck] = getattr(member, "valid_checks", [])
        rows.append((member, valid[0] if valid else None))
    return rows


LEARNER_SEARCH_LIMIT = 20


def learner_search(*, hub: HubArea, text: str, limit: int = LEARNER_SEARCH_LIMIT) -> list[Any]:
    """The hub's current learners whose reference is the text, or whose name contains every word of it.

    Learners sit above programmes in the module direction, so the model is read through the app registry.
    """
    words = text.split()
    if not words:
        return []
    learners = apps.get_model("learners", "Learner").objects.for_hub(hub).current()
    by_name = Q()
    for word in words:
        by_name &= Q(first_name__icontains=word) | Q(last_name__icontains=word)
    return list(learners.filter(Q(reference__iexact=text.strip()) | by_name).select_related("school")[:limit])


def learner_of_hub(*, hub: HubArea, public_id: str) -> Any | None:
    """One current learner of the hub by public id (None for anything else, another hub's or a malformed id)."""
    try:
        uuid.UUID(public_id)
    except ValueError:
        return None
    learners = apps.get_model("learners", "Learner").objects.for_hub(hub).current()
    return learners.filter(public_id=public_id).first()


@dataclass(frozen=True)
class ActivityPage:
    """What an activity's page shows: its sessions, the learners holding or awaiting places, the queue."""

    sessions: list[Session]
    enrolled: list[Enrolment]
    waiting: list[WaitingRow]
    ended: list[Enrolment]


def activity_page(activity: Activity) -> ActivityPage:
    enrolments = activity.enrolments.select_related("learner", "transferred_to__activity").order_by(
        "learner__last_name", "learner__first_name"
    )
    return ActivityPage(
        sessions=list(activity.sessions.order_by("date", "starts_at")),
        enrolled=[e for e in enrolments if e.status in (*Enrolment.HOLDING_PLACE, Enrolment.Status.APPLIED)],
        waiting=waiting_list(activity),
        ended=[e for e in enrolments if e.status not in Enrolment.CURRENT],
    )


def transfer_targets(enrolment: Enrolment) -> QuerySet[Activity]:
    """The hub's other activities a learner could move to (full ones included: the service says so)."""
    return (
        Activity.objects.for_hub(enrolment.hub)
        .exclude(pk=enrolment.activity_id)
        .exclude(enrolments__learner_id=enrolment.learner_id, enrolments__status__in=Enrolment.CURRENT)
        .order_by("name")
    )


def weekly_time_removable_count(*, weekly_time: WeeklySlot, on: datetime.date) -> int:
    """How many of a weekly time's sessions removing it would remove (from ``on``, planned, unmarked)."""
    return removable_sessions(weekly_time.sessions.filter(date__gte=on)).count()
