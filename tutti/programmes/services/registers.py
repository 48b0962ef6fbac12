"""Writes for registers: a tutor's marks for a session, or the reason a session did not happen."""

from collections.abc import Mapping

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest

from tutti.accounts.models import AuditEvent, User
from tutti.accounts.services import audit_record
from tutti.programmes.models import Attendance, Enrolment, Session


@transaction.atomic
def register_mark(
    *, session: Session, marks: Mapping[int, Attendance.Mark], by: User, request: HttpRequest | None = None
) -> int:
    """Save a session's register (learner id to mark) in one go; the session becomes delivered.

    Only learners enrolled in the activity can be marked. Marking again replaces the earlier marks.
    Returns how many learners were marked; the save is written to the hub's audit log.
    """
    enrolled = set(
        Enrolment.objects.filter(activity_id=session.activity_id, status__in=Enrolment.HOLDING_PLACE).values_list(
            "learner_id", flat=True
        )
    ) | set(session.attendance.values_list("learner_id", flat=True))
    strangers = set(marks) - enrolled
    if strangers:
        raise ValidationError("Only learners enrolled in this activity can be marked on its register.")
    existing = {mark.learner_id: mark for mark in session.attendance.all()}
    changed = []
    for learner_id, mark in marks.items():
        row = existing.get(learner_id)
        if row is None:
            changed.append(Attendance(session=session, learner_id=learner_id, mark=mark, marked_by=by))
        elif row.mark != mark:
            row.mark, row.marked_by = mark, by
            row.save(update_fields=["mark", "marked_by", "marked_at"])
    Attendance.objects.bulk_create(changed)
    session.status, session.reason, session.reason_note = Session.Status.DELIVERED, "", ""
    session.save(update_fields=["status", "reason", "reason_note", "updated_at"])
    audit_record(
        action=AuditEvent.Action.REGISTER_MARKED,
        hub=session.activity.hub,
        actor=by,
        request=request,
        detail=f"{session} ({len(marks)} marked)",
    )
    return len(marks)


@transaction.atomic
def session_not_delivered(
    *, session: Session, reason: Session.Reason, note: str = "", by: User, request: HttpRequest | None = None
) -> Session:
    """Record that a session did not happen, and why; any marks it had are removed (nobody attended)."""
    if reason == Session.Reason.OTHER and not note.strip():
        raise ValidationError({"reason_note": "Say why the session was not delivered."})
    session.attendance.all().delete()
    session.status, session.reason, session.reason_note = Session.Status.NOT_DELIVERED, reason, note.strip()
    session.save(update_fields=["status", "reason", "reason_note", "updated_at"])
    audit_record(
        action=AuditEvent.Action.SESSION_NOT_DELIVERED,
        hub=session.activity.hub,
        actor=by,
        request=request,
        detail=f"{session}: {session.get_reason_display()}",
    )
    return session
