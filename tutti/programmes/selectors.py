"""Reads of the programmes module: the pages' querysets with their joins, the waiting list, expiring checks."""

import datetime
import uuid
from collections import Counter, defaultdict
from collections.abc import Iterable
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
# How far back the day's registers look for sessions still to mark (a week covers a weekend and a bank holiday).
LOOK_BACK_DAYS = 7


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


@dataclass(frozen=True)
class RegisterCount:
    """How a register stands: how many learners have each mark and how many are still to mark."""

    present: int = 0
    absent: int = 0
    late: int = 0
    excused: int = 0
    to_mark: int = 0

    @classmethod
    def of(cls, marks: Iterable[str]) -> "RegisterCount":
        """Count a register's marks, one per learner on it ('' for a learner not marked yet)."""
        tally = Counter(mark or "to_mark" for mark in marks)
        return cls(**{name: tally[name] for name in ("present", "absent", "late", "excused", "to_mark")})

    @property
    def marked(self) -> int:
        return self.present + self.absent + self.late + self.excused

    def __str__(self) -> str:
        # Late and excused are rare, so they are named only when someone has them: the line stays short on a phone.
        parts = [f"{self.present} present", f"{self.absent} absent"]
        parts += [f"{count} {name}" for name, count in (("late", self.late), ("excused", self.excused)) if count]
        return ", ".join([*parts, f"{self.to_mark} to mark"])


@dataclass(frozen=True)
class SessionRegister:
    """A session on a list of registers, with how its register stands."""

    session: Session
    count: RegisterCount

    @property
    def needs_marking(self) -> bool:
        return self.session.status != Session.Status.NOT_DELIVERED and self.count.to_mark > 0


def session_registers(sessions: Iterable[Session]) -> list[SessionRegister]:
    """Each session with its register's count, in two queries whatever the number of sessions."""
    sessions = list(sessions)
    enrolled: dict[int, set[int]] = defaultdict(set)
    for activity_id, learner_id in Enrolment.objects.filter(
        activity_id__in={session.activity_id for session in sessions}, status__in=Enrolment.HOLDING_PLACE
    ).values_list("activity_id", "learner_id"):
        enrolled[activity_id].add(learner_id)
    marks: dict[int, dict[int, str]] = defaultdict(dict)
    for session_id, learner_id, mark in Attendance.objects.filter(session__in=sessions).values_list(
        "session_id", "learner_id", "mark"
    ):
        marks[session_id][learner_id] = mark
    return [
        SessionRegister(
            session,
            RegisterCount.of(marks[session.pk].get(learner_id, "") for learner_id in enrolled[session.activity_id]),
        )
        for session in sessions
    ]


def registers_still_to_mark(
    *, hub: HubArea, before: datetime.date, tutor: StaffMember | None, days: int = LOOK_BACK_DAYS
) -> list[SessionRegister]:
    """The sessions of the last few days before ``before`` whose registers still have learners to mark."""
    sessions = (
        Session.objects.for_hub(hub)
        .filter(date__gte=before - datetime.timedelta(days=days), date__lt=before)
        .exclude(status=Session.Status.NOT_DELIVERED)
        .select_related("activity", "activity__school")
    )
    if tutor is not None:
        sessions = sessions.filter(activity__tutors=tutor)
    ordered = sessions.order_by("date", "starts_at", "activity__name")
    return [register for register in session_registers(ordered) if register.needs_marking]


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
