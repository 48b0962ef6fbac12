"""Writes for enrolments: apply, enrol, offer, accept, withdraw, complete and transfer.

An offered or active enrolment holds one of the activity's places. Every change of places happens
with the activity's row locked (``select_for_update``), so two people enrolling into the last place at
once are served one after the other: one gets the place, the other the waiting list. Underneath,
``Activity.places_taken`` may never exceed ``capacity`` (a database check constraint), so even code
that forgot the lock could not overfill an activity.
"""

from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, Max
from django.utils import timezone

from tutti.accounts.models import User
from tutti.programmes.enrolment_news import announce
from tutti.programmes.models import Activity, Enrolment

Status = Enrolment.Status


def _locked(activity: Activity) -> Activity:
    """The activity's row, locked until the transaction ends (PostgreSQL; SQLite serialises writers)."""
    return Activity.objects.select_for_update().get(pk=activity.pk)


def _take_place(activity: Activity) -> bool:
    """Take one place of a locked activity; False when it is full."""
    if activity.places_taken >= activity.capacity:
        return False
    Activity.objects.filter(pk=activity.pk).update(places_taken=F("places_taken") + 1)
    activity.places_taken += 1
    return True


def _free_place(activity: Activity) -> None:
    Activity.objects.filter(pk=activity.pk).update(places_taken=F("places_taken") - 1)
    activity.places_taken -= 1


def _next_waiting_position(activity: Activity) -> int:
    # Positions only grow: a learner leaving the queue leaves a gap, and the visible place in the queue
    # is the rank among those still waiting (waiting_rank), so nobody is renumbered.
    last = activity.enrolments.filter(status=Status.WAITING).aggregate(last=Max("waiting_position"))["last"]
    return (last or 0) + 1


def _refuse_second_enrolment(activity: Activity, learner: Any) -> None:
    current = Enrolment.objects.filter(activity=activity, learner=learner, status__in=Enrolment.CURRENT).first()
    if current is not None:
        raise ValidationError(
            {"learner": f"{learner.full_name} is already in {activity.name} ({current.get_status_display().lower()})."}
        )


def _refuse_other_hub(activity: Activity, learner: Any) -> None:
    if learner.hub_id != activity.hub_id:
        raise ValidationError({"learner": "That learner is not one of this hub's learners."})


@transaction.atomic
def enrolment_apply(
    *, activity: Activity, learner: Any, by: User, on: date | None = None, other_school_reason: str = ""
) -> Enrolment:
    """Record an application; it holds no place until the hub offers one.

    ``other_school_reason``: why a pupil of another school joins an in-school activity (the form asks).
    """
    _refuse_other_hub(activity, learner)
    activity = _locked(activity)
    _refuse_second_enrolment(activity, learner)
    enrolment = Enrolment.objects.create(
        hub_id=activity.hub_id,
        activity=activity,
        learner=learner,
        status=Status.APPLIED,
        applied_on=on or timezone.localdate(),
        changed_by=by,
        other_school_reason=other_school_reason,
    )
    announce(enrolment)
    return enrolment


@transaction.atomic
def enrolment_enrol(
    *, activity: Activity, learner: Any, by: User, on: date | None = None, other_school_reason: str = ""
) -> Enrolment:
    """Enrol a learner straight into a place, or onto the end of the waiting list when the activity is full.

    ``other_school_reason``: why a pupil of another school joins an in-school activity (the form asks).
    """
    _refuse_other_hub(activity, learner)
    activity = _locked(activity)
    _refuse_second_enrolment(activity, learner)
    on = on or timezone.localdate()
    if _take_place(activity):
        fields: dict[str, Any] = {"status": Status.ACTIVE, "started_on": on}
    else:
        fields = {"status": Status.WAITING, "waiting_position": _next_waiting_position(activity)}
    return Enrolment.objects.create(
        hub_id=activity.hub_id,
        activity=activity,
        learner=learner,
        applied_on=on,
        changed_by=by,
        other_school_reason=other_school_reason,
        **fields,
    )


@transaction.atomic
def enrolment_offer(*, enrolment: Enrolment, by: User) -> Enrolment:
    """Offer an applicant (or someone waiting) a place; refused with a message when none is left."""
    if enrolment.status not in (Status.APPLIED, Status.WAITING):
        current = enrolment.get_status_display().lower()
        raise ValidationError(f"Only an applicant or someone waiting can be offered a place, not {current}.")
    activity = _locked(enrolment.activity)
    if not _take_place(activity):
        raise ValidationError(f"{activity.name} has no place left: all {activity.capacity} are taken.")
    enrolment.status, enrolment.waiting_position, enrolment.changed_by = Status.OFFERED, None, by
    enrolment.save(update_fields=["status", "waiting_position", "changed_by", "updated_at"])
    announce(enrolment)
    return enrolment


@transaction.atomic
def enrolment_waitlist(*, enrolment: Enrolment, by: User) -> Enrolment:
    """Put an applicant at the end of the waiting list."""
    if enrolment.status != Status.APPLIED:
        raise ValidationError("Only an application can be put on the waiting list.")
    activity = _locked(enrolment.activity)
    enrolment.status, enrolment.changed_by = Status.WAITING, by
    enrolment.waiting_position = _next_waiting_position(activity)
    enrolment.save(update_fields=["status", "waiting_position", "changed_by", "updated_at"])
    announce(enrolment)
    return enrolment


def enrolment_accept(*, enrolment: Enrolment, by: User, on: date | None = None) -> Enrolment:
    """The family took the offered place: the enrolment becomes active."""
    if enrolment.status != Status.OFFERED:
        raise ValidationError("Only an offered place can be accepted.")
    enrolment.status, enrolment.started_on, enrolment.changed_by = Status.ACTIVE, on or timezone.localdate(), by
    enrolment.save(update_fields=["status", "started_on", "changed_by", "updated_at"])
    announce(enrolment)
    return enrolment


def _offer_to_next(activity: Activity, by: User) -> Enrolment | None:
    """Offer a freed place of a locked activity to the first learner still waiting."""
    following = activity.enrolments.filter(status=Status.WAITING).order_by("waiting_position").first()
    if following is None or not _take_place(activity):
        return None
    following.status, following.waiting_position, following.changed_by = Status.OFFERED, None, by
    following.save(update_fields=["status", "waiting_position", "changed_by", "updated_at"])
    announce(following)
    return following


def _end(enrolment: Enrolment, *, status: Status, by: User, on: date | None, reason: str) -> Activity:
    activity = _locked(enrolment.activity)
    enrolment.refresh_from_db()
    if enrolment.status not in Enrolment.CURRENT:
        raise ValidationError(f"This enrolment has already ended ({enrolment.get_status_display().lower()}).")
    if enrolment.status in Enrolment.HOLDING_PLACE:
        _free_place(activity)
    enrolment.status, enrolment.waiting_position, enrolment.changed_by = status, None, by
    enrolment.ended_on, enrolment.end_reason = on or timezone.localdate(), reason
    enrolment.save()
    return activity


@transaction.atomic
def enrolment_withdraw(*, enrolment: Enrolment, by: User, reason: str = "", on: date | None = None) -> Enrolment | None:
    """Withdraw a learner; a place they held is offered to the next on the waiting list (returned)."""
    activity = _end(enrolment, status=Status.WITHDRAWN, by=by, on=on, reason=reason)
    announce(enrolment)
    return _offer_to_next(activity, by)


@transaction.atomic
def enrolment_complete(*, enrolment: Enrolment, by: User, on: date | None = None) -> Enrolment:
    """The learner finished the activity (the end of a WCET year, say)."""
    if enrolment.status != Status.ACTIVE:
        raise ValidationError("Only an active enrolment can be completed.")
    _end(enrolment, status=Status.COMPLETED, by=by, on=on, reason="")
    return enrolment


@transaction.atomic
def enrolment_transfer(*, enrolment: Enrolment, to: Activity, by: User, on: date | None = None) -> Enrolment:
    """Move an active learner to another activity of the hub, keeping the link between the two enrolments.

    Refused when the other activity is full; the place left behind goes to the next on its waiting list.
    """
    if enrolment.status != Status.ACTIVE:
        raise ValidationError("Only an active enrolment can be transferred.")
    if to.pk == enrolment.activity_id or to.hub_id != enrolment.hub_id:
        raise ValidationError({"to": "Choose another activity of this hub."})
    # Lock both activities in one order so two opposite transfers cannot deadlock.
    for activity in Activity.objects.select_for_update().filter(pk__in=[to.pk, enrolment.activity_id]).order_by("pk"):
        if activity.pk == to.pk:
            target = activity
    _refuse_second_enrolment(target, enrolment.learner)
    if not _take_place(target):
        raise ValidationError({"to": f"{target.name} has no place left: all {target.capacity} are taken."})
    on = on or timezone.localdate()
    moved = Enrolment.objects.create(
        hub_id=target.hub_id,
        activity=target,
        learner=enrolment.learner,
        status=Status.ACTIVE,
        applied_on=on,
        started_on=on,
        changed_by=by,
    )
    previous = _end(enrolment, status=Status.WITHDRAWN, by=by, on=on, reason=f"Transferred to {target.name}")
    enrolment.transferred_to = moved
    enrolment.save(update_fields=["transferred_to"])
    _offer_to_next(previous, by)
    return moved
