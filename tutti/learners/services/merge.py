"""Merging two records of the same child into one, keeping every piece of history."""

from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from tutti.accounts.models import AuditEvent, User
from tutti.accounts.services import audit_record
from tutti.learners.models import Consent, Guardian, Learner, Milestone
from tutti.learners.services.learners import EDITABLE_FIELDS
from tutti.programmes.models import Attendance, Enrolment
from tutti.programmes.services.enrolments import enrolment_withdraw

# Values that mean "nothing recorded": the kept record takes the other's answer in their place.
_UNRECORDED = ("", None, "not_known", "NOBT")


class MergeRefused(Exception):
    """The two records cannot be merged (different hubs, the same record, or one already merged)."""


def _fill_gaps(*, keep: Learner, merge: Learner) -> list[str]:
    filled = []
    for name in EDITABLE_FIELDS:
        if getattr(keep, name) in _UNRECORDED and getattr(merge, name) not in _UNRECORDED:
            setattr(keep, name, getattr(merge, name))
            filled.append(name)
    return filled


def _drop_repeated_guardians(keep: Learner) -> None:
    """After the move, the same parent recorded on both records is one guardian (the older row stays)."""
    seen: set[tuple[str, ...]] = set()
    for guardian in Guardian.objects.filter(learner=keep).order_by("pk"):
        key = (
            guardian.name.casefold(),
            guardian.relationship,
            guardian.email.casefold(),
            guardian.phone.replace(" ", ""),
        )
        if key in seen:
            guardian.delete()
        else:
            seen.add(key)


# When both records are current in the same activity, the one further along is kept.
_STATUS_STRENGTH = {
    Enrolment.Status.ACTIVE: 4,
    Enrolment.Status.OFFERED: 3,
    Enrolment.Status.APPLIED: 2,
    Enrolment.Status.WAITING: 1,
}
# When both records were marked at the same session, the mark that says the child was there is kept.
_MARK_STRENGTH = {
    Attendance.Mark.PRESENT: 4,
    Attendance.Mark.LATE: 3,
    Attendance.Mark.EXCUSED: 2,
    Attendance.Mark.ABSENT: 1,
}


def _settle_enrolment_clashes(*, keep: Learner, merge: Learner, by: User) -> int:
    """Where both records are current in one activity, withdraw the weaker enrolment (freeing any place it
    held for the next on the waiting list); the stronger one ends up on the kept learner."""
    kept_current = {e.activity_id: e for e in Enrolment.objects.filter(learner=keep, status__in=Enrolment.CURRENT)}
    settled = 0
    for other in Enrolment.objects.filter(learner=merge, status__in=Enrolment.CURRENT).order_by("pk"):
        mine = kept_current.get(other.activity_id)
        if mine is None:
            continue
        weaker = (
            other
            if _STATUS_STRENGTH[Enrolment.Status(other.status)] <= _STATUS_STRENGTH[Enrolment.Status(mine.status)]
            else mine
        )
        enrolment_withdraw(
            enrolment=weaker, by=by, reason=f"Duplicate record: merged {merge.reference} into {keep.reference}"
        )
        settled += 1
    return settled


def _settle_attendance_clashes(*, keep: Learner, merge: Learner) -> int:
    """One mark per session: where both records were marked at a session, keep the stronger mark."""
    kept_marks = {a.session_id: a for a in Attendance.objects.filter(learner=keep)}
    settled = 0
    for other in Attendance.objects.filter(learner=merge, session_id__in=list(kept_marks)):
        mine = kept_marks[other.session_id]
        if _MARK_STRENGTH[Attendance.Mark(other.mark)] > _MARK_STRENGTH[Attendance.Mark(mine.mark)]:
            mine.delete()
        else:
            other.delete()
        settled += 1
    return settled


@transaction.atomic
def learners_merge(*, keep: Learner, merge: Learner, by: User, request: HttpRequest | None = None) -> Learner:
    """Merge ``merge`` into ``keep``: its guardians, consents, milestones, enrolments and attendance move to
    ``keep``, gaps in ``keep``'s details are filled from it, and it stays as a pointer (``merged_into``) so
    its reference still leads to the child. Audited in the hub's log with both references.
    """
    if keep.pk == merge.pk:
        raise MergeRefused("A record cannot be merged into itself.")
    if keep.hub_id != merge.hub_id:
        raise MergeRefused("Records of different hubs cannot be merged.")
    locked = {learner.pk: learner for learner in Learner.objects.select_for_update().filter(pk__in=[keep.pk, merge.pk])}
    keep, merge = locked[keep.pk], locked[merge.pk]
    if keep.merged_into_id or merge.merged_into_id:
        raise MergeRefused("One of these records has already been merged into another.")

    enrolment_clashes = _settle_enrolment_clashes(keep=keep, merge=merge, by=by)
    attendance_clashes = _settle_attendance_clashes(keep=keep, merge=merge)
    Enrolment.objects.filter(learner=merge).update(learner=keep)
    Attendance.objects.filter(learner=merge).update(learner=keep)
    Guardian.objects.filter(learner=merge).update(learner=keep)
    Consent.objects.filter(learner=merge).update(learner=keep)
    Milestone.objects.filter(learner=merge).update(learner=keep)
    Learner.objects.filter(merged_into=merge).update(merged_into=keep)
    _drop_repeated_guardians(keep)
    filled = _fill_gaps(keep=keep, merge=merge)
    if filled:
        keep.save()
    merge.merged_into = keep
    merge.merged_at = timezone.now()
    merge.save(update_fields=["merged_into", "merged_at", "updated_at"])
    audit_record(
        action=AuditEvent.Action.LEARNERS_MERGED,
        hub=keep.hub,
        actor=by,
        request=request,
        detail=f"{merge.reference} merged into {keep.reference}"
        + (f"; {enrolment_clashes} enrolment(s) in the same activity withdrawn" if enrolment_clashes else "")
        + (f"; {attendance_clashes} double register mark(s) settled" if attendance_clashes else "")
        + (f"; filled from it: {', '.join(filled)}" if filled else ""),
    )
    return keep
