"""Writes for activities: creating them, assigning tutors, weekly patterns and the sessions they generate."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, time, timedelta
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils import timezone

from tutti.accounts.models import AuditEvent, User
from tutti.accounts.services import audit_record
from tutti.network.models import HubArea
from tutti.programmes.models import Activity, Session, StaffMember, Term, WeeklySlot


@transaction.atomic
def activity_create(
    *,
    hub: HubArea,
    aims: Iterable[Any] = (),
    functions: Iterable[Any] = (),
    instruments: Iterable[Any] = (),
    **fields: Any,
) -> Activity:
    """Add an activity to the hub's calendar; the database constraints hold venue, fee and level rules."""
    activity = Activity(hub=hub, **fields)
    activity.full_clean(exclude=["aims", "functions", "instruments", "tutors"])
    activity.save()
    activity.aims.set(aims)
    activity.functions.set(functions)
    activity.instruments.set(instruments)
    return activity


def tutor_assign(*, activity: Activity, tutor: StaffMember, on: date | None = None) -> None:
    """Assign a tutor to an activity, only when their DBS check is valid on the day of assignment.

    Raises ValidationError (on the ``tutors`` field) naming the tutor when they have no valid check.
    """
    on = on or timezone.localdate()
    if tutor.hub_id != activity.hub_id:
        raise ValidationError({"tutors": f"{tutor} is not on this hub's staff."})
    if not tutor.has_valid_check(on=on):
        raise ValidationError(
            {"tutors": f"{tutor} has no valid DBS check on {on:%d %B %Y}: record a check before assigning them."}
        )
    activity.tutors.add(tutor)


@transaction.atomic
def tutors_set(*, activity: Activity, tutors: Iterable[StaffMember], on: date | None = None) -> None:
    """Make these the activity's tutors; a new tutor without a valid check is refused and nothing changes."""
    wanted = list(tutors)
    current = set(activity.tutors.values_list("pk", flat=True))
    problems = []
    for tutor in wanted:
        if tutor.pk in current:
            continue
        try:
            tutor_assign(activity=activity, tutor=tutor, on=on)
        except ValidationError as error:
            problems.extend(error.message_dict["tutors"])
    if problems:
        transaction.set_rollback(True)
        raise ValidationError({"tutors": problems})
    activity.tutors.remove(*[pk for pk in current if pk not in {tutor.pk for tutor in wanted}])


@transaction.atomic
def slot_add(*, activity: Activity, weekday: int, starts_at: time, ends_at: time, terms: Iterable[Term]) -> WeeklySlot:
    """Add a weekly meeting time in some of the activity calendar's terms."""
    chosen = list(terms)
    if any(term.calendar_id != activity.calendar_id for term in chosen):
        raise ValidationError({"terms": "Choose terms of the activity's own calendar."})
    slot = WeeklySlot(activity=activity, weekday=weekday, starts_at=starts_at, ends_at=ends_at)
    slot.full_clean(exclude=["terms"])
    slot.save()
    slot.terms.set(chosen)
    return slot


@dataclass(frozen=True)
class GenerationResult:
    """What a regeneration changed: sessions added, and planned sessions removed (a closure added since)."""

    created: int
    removed: int


def slot_dates(*, slot: WeeklySlot, closed: set[date]) -> list[date]:
    """Every date the slot falls on in its terms, outside half-terms and closure days."""
    days = []
    for term in slot.terms.all():
        first = term.starts_on + timedelta(days=(slot.weekday - term.starts_on.weekday()) % 7)
        day = first
        while day <= term.ends_on:
            if day not in closed:
                days.append(day)
            day += timedelta(days=7)
    return days


@transaction.atomic
def sessions_generate(*, activity: Activity) -> GenerationResult:
    """Bring the activity's sessions in line with its weekly pattern and its calendar.

    Idempotent: a second run changes nothing. Sessions already delivered, not delivered, or with marks
    are kept even when the pattern no longer produces them (their registers are records); only planned,
    unmarked sessions the pattern no longer produces are removed.
    """
    calendar = activity.calendar
    closed = calendar.closed_days()
    wanted: dict[tuple[date, time], WeeklySlot] = {}
    for slot in activity.slots.prefetch_related("terms"):
        for day in slot_dates(slot=slot, closed=closed):
            wanted.setdefault((day, slot.starts_at), slot)
    existing = {(session.date, session.starts_at): session for session in activity.sessions.all()}
    new = [
        Session(activity=activity, slot=slot, date=day, starts_at=starts_at, ends_at=slot.ends_at)
        for (day, starts_at), slot in wanted.items()
        if (day, starts_at) not in existing
    ]
    Session.objects.bulk_create(new)
    stale = [session.pk for key, session in existing.items() if key not in wanted]
    removed, _ = removable_sessions(Session.objects.filter(pk__in=stale)).delete()
    return GenerationResult(created=len(new), removed=removed)


def removable_sessions(sessions: QuerySet[Session]) -> QuerySet[Session]:
    """The sessions a change of pattern may remove: still planned and with no marks.

    Sessions delivered, not delivered, or with marks are records of what happened and always stay.
    """
    return sessions.filter(status=Session.Status.PLANNED, attendance__isnull=True)


@transaction.atomic
def activity_weekly_time_remove(
    *,
    activity: Activity,
    weekly_time: WeeklySlot,
    by: User,
    on: date | None = None,
    request: HttpRequest | None = None,
) -> int:
    """Stop an activity meeting at one weekly time; returns how many of its sessions were removed.

    Its sessions from ``on`` (today) onwards that are still planned and unmarked go; earlier ones and
    any delivered, not delivered or marked session stay, no longer tied to a weekly time.
    """
    if weekly_time.activity_id != activity.pk:
        raise ValidationError(f"{weekly_time} is not one of {activity.name}'s weekly times.")
    on = on or timezone.localdate()
    future = activity.sessions.filter(slot=weekly_time, date__gte=on)
    removed, _ = removable_sessions(future).delete()
    described = str(weekly_time)
    weekly_time.delete()
    audit_record(
        action=AuditEvent.Action.ACTIVITY_CHANGED,
        hub=activity.hub,
        actor=by,
        request=request,
        detail=f"{activity.name}: weekly time {described} removed ({removed} planned sessions removed)",
    )
    return removed


@transaction.atomic
def activity_update(
    *,
    activity: Activity,
    aims: Iterable[Any] = (),
    functions: Iterable[Any] = (),
    instruments: Iterable[Any] = (),
    **fields: Any,
) -> Activity:
    """Change an activity's details (not its calendar: its weekly pattern's terms belong to that calendar)."""
    if "calendar" in fields and fields["calendar"].pk != activity.calendar_id:
        raise ValidationError({"calendar": "An activity keeps its calendar: start a new activity for another year."})
    for name, value in fields.items():
        setattr(activity, name, value)
    activity.full_clean(exclude=["aims", "functions", "instruments", "tutors"])
    activity.save()
    activity.aims.set(aims)
    activity.functions.set(functions)
    activity.instruments.set(instruments)
    return activity


@dataclass(frozen=True)
class WeeklyTime:
    """One weekly meeting time to add, in some terms of the activity's calendar."""

    weekday: int
    starts_at: time
    ends_at: time
    terms: tuple[Term, ...]


@transaction.atomic
def activity_save(
    *,
    hub: HubArea,
    activity: Activity | None,
    tutors: Iterable[StaffMember],
    weekly_time: WeeklyTime | None,
    aims: Iterable[Any] = (),
    functions: Iterable[Any] = (),
    instruments: Iterable[Any] = (),
    on: date | None = None,
    **fields: Any,
) -> tuple[Activity, GenerationResult]:
    """Create (``activity`` None) or change an activity with its tutors and a new weekly time, then
    bring its sessions in line with its pattern; all or nothing.

    A tutor without a valid check, or terms of another calendar, raise ValidationError naming the field,
    and nothing is saved (not even the activity), so the person can correct the form and submit again.
    """
    common = {"aims": aims, "functions": functions, "instruments": instruments, **fields}
    saved = activity_create(hub=hub, **common) if activity is None else activity_update(activity=activity, **common)
    tutors_set(activity=saved, tutors=tutors, on=on)
    if weekly_time is not None:
        slot_add(
            activity=saved,
            weekday=weekly_time.weekday,
            starts_at=weekly_time.starts_at,
            ends_at=weekly_time.ends_at,
            terms=weekly_time.terms,
        )
    return saved, sessions_generate(activity=saved)
