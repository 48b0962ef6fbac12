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
    Instrument,
    SafeguardingCheck,
    Session,
    StaffMember,
    TrainingRecord,
    WeeklySlot,
)
from tutti.programmes.models.calendars import year_bounds
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
        # A grouped query drops Meta.ordering, and pages need a fixed order.
        .order_by("name", "pk")
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


def schools_taught(hub: HubArea | None, year: int) -> QuerySet[Session, int]:
    """The ids of the schools where the hub's activities have sessions delivered or planned in the academic
    year (a session not delivered does not count); schools' coverage reads it through tutti.schools.teaching."""
    first, last = year_bounds(year)
    return (
        Session.objects.for_hub(hub)
        .filter(date__range=(first, last), activity__school__isnull=False)
        .exclude(status=Session.Status.NOT_DELIVERED)
        .values_list("activity__school", flat=True)
    )


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


def staff_with_checks(*, hub: HubArea, today: datetime.date) -> QuerySet[StaffMember]:
    """The current staff, each with ``valid_checks``: their DBS checks valid today, longest-lasting first.

    Three queries for any page of them (the staff, their checks, their instruments).
    """
    checks = SafeguardingCheck.objects.filter(
        decision__in=SafeguardingCheck.CLEARED, issued_on__lte=today, valid_until__gte=today
    ).order_by("-valid_until")
    return (
        StaffMember.objects.for_hub(hub)
        .current()
        .prefetch_related(Prefetch("safeguarding_checks", queryset=checks, to_attr="valid_checks"), "instruments")
    )


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


def pupil_of_another_school(*, activity: Activity, learner: Any) -> bool:
    """An in-school activity and a learner recorded at a different school (an unknown school is not "another")."""
    return activity.school_id is not None and learner.school_id is not None and learner.school_id != activity.school_id


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


@dataclass(frozen=True)
class ActivityCriteria:
    """What a family looks for (the public finder): each criterion left as None matches every activity."""

    age: int | None = None
    year_group: int | None = None
    instrument_id: int | None = None
    weekday: int | None = None
    starts_from: datetime.time | None = None
    starts_before: datetime.time | None = None
    free_only: bool = False
    send_adapted: bool = False


def _within(low: str, high: str, lowest: int, highest: int) -> Q:
    """The activity's range (either end may be open) overlaps lowest..highest."""
    return (Q(**{f"{low}__isnull": True}) | Q(**{f"{low}__lte": highest})) & (
        Q(**{f"{high}__isnull": True}) | Q(**{f"{high}__gte": lowest})
    )


def activities_matching(criteria: ActivityCriteria) -> QuerySet[Activity]:
    """Every hub's activities that fit the criteria; the caller narrows them to what is public.

    An activity is for ages, for year groups, or both. A child's age puts them in one of two year groups
    (a 9-year-old is in year 4 or year 5 depending on their birthday), and a year group in one of two ages.
    """
    matching = Activity.objects.all()
    if criteria.age is not None:
        age = criteria.age
        matching = matching.filter(
            _within("age_from", "age_to", age, age), _within("year_group_from", "year_group_to", age - 5, age - 4)
        )
    if criteria.year_group is not None:
        year = criteria.year_group
        matching = matching.filter(
            _within("year_group_from", "year_group_to", year, year), _within("age_from", "age_to", year + 4, year + 5)
        )
    if criteria.instrument_id is not None:
        matching = matching.filter(instruments=criteria.instrument_id)
    slots = WeeklySlot.objects.all()
    if criteria.weekday is not None:
        slots = slots.filter(weekday=criteria.weekday)
    if criteria.starts_from is not None:
        slots = slots.filter(starts_at__gte=criteria.starts_from)
    if criteria.starts_before is not None:
        slots = slots.filter(starts_at__lt=criteria.starts_before)
    if (criteria.weekday, criteria.starts_from, criteria.starts_before) != (None, None, None):
        matching = matching.filter(pk__in=slots.values("activity_id"))
    if criteria.free_only:
        matching = matching.filter(fee_basis=Activity.FeeBasis.FREE)
    if criteria.send_adapted:
        matching = matching.filter(send_adapted=True)
    return matching


def activities_for_public_pages() -> QuerySet[Activity]:
    """Activities with what the public pages show of them: the hub, the instruments, the weekly times."""
    return Activity.objects.select_related("hub", "calendar").prefetch_related("instruments", "slots__terms")


def sessions_between(*, activity_ids: Any, starts_on: datetime.date, ends_on: datetime.date) -> QuerySet[Session]:
    """The sessions of these activities (a list or a subquery) from one day to another, with their activity."""
    return (
        Session.objects.filter(activity_id__in=activity_ids, date__gte=starts_on, date__lte=ends_on)
        .select_related("activity", "activity__hub")
        .order_by("date", "starts_at", "activity__name")
    )


def instruments_taught() -> QuerySet[Instrument]:
    """The instruments (and voice) some activity is for: the finder's choices."""
    return Instrument.objects.filter(activities__isnull=False).distinct().order_by("name")
