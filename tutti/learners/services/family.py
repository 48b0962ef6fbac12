"""Guardians, consent decisions and milestones: each written with its learner's hub, each change audited."""

from datetime import date

from django.db import transaction
from django.http import HttpRequest

from tutti.accounts.models import AuditEvent, User
from tutti.accounts.services import audit_record
from tutti.learners.models import Consent, Guardian, Learner, Milestone


def _changed(*, learner: Learner, by: User, request: HttpRequest | None, what: str) -> None:
    audit_record(
        action=AuditEvent.Action.LEARNER_CHANGED,
        hub=learner.hub,
        actor=by,
        request=request,
        detail=f"{learner.reference}: {what}",
    )


def guardian_add(
    *,
    learner: Learner,
    by: User,
    name: str,
    relationship: str,
    email: str = "",
    phone: str = "",
    postcode: str = "",
    request: HttpRequest | None = None,
) -> Guardian:
    """Add a parent or carer to a learner."""
    with transaction.atomic():
        guardian = Guardian.objects.create(
            hub=learner.hub,
            learner=learner,
            name=name.strip(),
            relationship=relationship,
            email=email.strip(),
            phone=phone.strip(),
            postcode=postcode.strip().upper(),
        )
        _changed(learner=learner, by=by, request=request, what="guardian added")
    return guardian


def consent_record(
    *,
    learner: Learner,
    by: User,
    kind: str,
    decision: str,
    decided_on: date,
    given_by: str,
    wording: str,
    request: HttpRequest | None = None,
) -> Consent:
    """Add a consent decision to the learner's history; the latest decision of each kind is the one in force."""
    with transaction.atomic():
        consent = Consent.objects.create(
            hub=learner.hub,
            learner=learner,
            kind=kind,
            decision=decision,
            decided_on=decided_on,
            given_by=given_by.strip(),
            wording=wording.strip(),
            recorded_by=by,
        )
        what = f"{Consent.Kind(kind).label} consent {Consent.Decision(decision).label.lower()}"
        _changed(learner=learner, by=by, request=request, what=what)
    return consent


def milestone_record(
    *,
    learner: Learner,
    by: User,
    kind: str,
    achieved_on: date,
    title: str = "",
    exam_board: str = "",
    instrument: str = "",
    grade: int | None = None,
    result: str = "",
    ensemble_level: str = "",
    pathway: str = "",
    request: HttpRequest | None = None,
) -> Milestone:
    """Put a progression milestone on the learner's timeline (the model's constraints keep each kind complete)."""
    with transaction.atomic():
        milestone = Milestone.objects.create(
            hub=learner.hub,
            learner=learner,
            kind=kind,
            achieved_on=achieved_on,
            title=title.strip(),
            exam_board=exam_board,
            instrument=instrument.strip(),
            grade=grade,
            result=result,
            ensemble_level=ensemble_level,
            pathway=pathway,
            recorded_by=by,
        )
        _changed(learner=learner, by=by, request=request, what=f"{Milestone.Kind(kind).label} recorded")
    return milestone


def guardian_contact_change(
    *, guardian: Guardian, by: User, phone: str, postcode: str, request: HttpRequest | None = None
) -> Guardian:
    """Change how the hub reaches a guardian (phone, postcode); audited, never the values themselves."""
    with transaction.atomic():
        guardian.phone, guardian.postcode = phone.strip(), postcode.strip().upper()
        guardian.save(update_fields=["phone", "postcode", "updated_at"])
        _changed(learner=guardian.learner, by=by, request=request, what="guardian's contact details changed")
    return guardian
