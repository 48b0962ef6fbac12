"""The inclusion lead's decisions: approve (within the budget, or onto the waiting list), ask, refuse.

Every decision locks the scheme's row first (``select_for_update``), so two approvals racing for the
last of a year's budget are taken one after the other: the second sees the first's commitment and goes
to the waiting list instead of over-spending.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max, Sum
from django.http import HttpRequest
from django.utils import timezone

from tutti.accounts.models import AuditEvent, User
from tutti.core.money import format_pence
from tutti.inclusion.models import RemissionApplication, RemissionAward, RemissionScheme
from tutti.inclusion.remission import Terms, terms_for_criteria, year_value
from tutti.inclusion.services.audit import inclusion_audit
from tutti.programmes.models.calendars import year_bounds

Status = RemissionApplication.Status


class DecisionRefused(Exception):
    """The application is not in a state this decision can be made in; the message says why."""


def committed_pence(scheme: RemissionScheme) -> int:
    """What the scheme's approved applications commit of its budget."""
    total = scheme.applications.filter(status=Status.APPROVED).aggregate(total=Sum("committed_pence"))["total"]
    return int(total or 0)


def _lock(application: RemissionApplication) -> tuple[RemissionScheme, RemissionApplication]:
    """Lock the scheme (always first, so concurrent decisions queue in one order), then the application."""
    scheme = RemissionScheme.objects.select_for_update().get(pk=application.scheme_id)
    locked = RemissionApplication.objects.select_for_update().get(pk=application.pk)
    return scheme, locked


def _decided(application: RemissionApplication, *, by: User, reason: str, request: HttpRequest | None) -> None:
    application.decided_by = by
    application.decided_at = timezone.now()
    application.decision_reason = reason
    application.save()
    inclusion_audit(
        action=AuditEvent.Action.REMISSION_DECIDED,
        hub=application.hub,
        by=by,
        request=request,
        detail=f"{application.learner.reference} {application.scheme.year_label}: {application.get_status_display()}",
    )


@transaction.atomic
def application_approve(
    *,
    application: RemissionApplication,
    by: User,
    override: Terms | None = None,
    reason: str = "",
    request: HttpRequest | None = None,
) -> RemissionApplication:
    """Approve with the remission the criteria give, or with ``override`` (a reason is then required).

    The remission is awarded for the scheme's academic year. When the year's budget cannot cover its
    worth, the application goes to the end of the scheme's waiting list instead (status WAITING) and is
    approved from there, in order, when budget is freed.
    """
    scheme, application = _lock(application)
    if not application.is_open:
        raise DecisionRefused(f"This application is {application.get_status_display().lower()}: it cannot be approved.")
    if override is not None and not reason.strip():
        raise ValidationError({"reason": "Say why the remission differs from what the criteria give."})
    terms = [override] if override is not None else terms_for_criteria(scheme, application.criteria)
    if not terms:
        raise DecisionRefused(
            "The scheme gives no remission for the criteria chosen: add a rule for them, give a different "
            "remission with a reason, or refuse the application."
        )
    value = year_value(learner_id=application.learner_id, scheme=scheme, terms=terms)
    starts_on, ends_on = year_bounds(scheme.academic_year)
    RemissionAward.objects.bulk_create(
        RemissionAward(
            hub=application.hub,
            application=application,
            learner_id=application.learner_id,
            activity_kind=t.activity_kind,
            percent=t.percent,
            amount_pence=t.amount_pence,
            starts_on=starts_on,
            ends_on=ends_on,
        )
        for t in terms
    )
    application.committed_pence = value
    application.overridden = override is not None
    if committed_pence(scheme) + value <= scheme.budget_pence:
        application.status = Status.APPROVED
    else:
        last = scheme.applications.filter(status=Status.WAITING).aggregate(last=Max("waiting_position"))["last"]
        application.status = Status.WAITING
        application.waiting_position = (last or 0) + 1
    application.information_asked = ""
    _decided(application, by=by, reason=reason.strip(), request=request)
    return application


def release_waiting(*, scheme: RemissionScheme, by: User, request: HttpRequest | None = None) -> int:
    """Approve waiting applications in their order while the budget covers them; the first that does not fit
    keeps its place (and so do those behind it). Call with the scheme's row locked."""
    committed = committed_pence(scheme)
    released = 0
    for application in scheme.applications.waiting().select_related("learner", "scheme", "hub"):
        if committed + application.committed_pence > scheme.budget_pence:
            break
        committed += application.committed_pence
        application.status = Status.APPROVED
        application.waiting_position = None
        application.save(update_fields=["status", "waiting_position", "updated_at"])
        inclusion_audit(
            action=AuditEvent.Action.REMISSION_DECIDED,
            hub=scheme.hub,
            by=by,
            request=request,
            detail=f"{application.learner.reference} {scheme.year_label}: approved from the waiting list, "
            f"{format_pence(application.committed_pence)}",
        )
        released += 1
    return released


@transaction.atomic
def application_request_information(
    *, application: RemissionApplication, by: User, asked: str, request: HttpRequest | None = None
) -> RemissionApplication:
    """Ask the family for more (evidence, or an answer); the application waits for their reply."""
    _, application = _lock(application)
    if not application.is_open:
        raise DecisionRefused(f"This application is {application.get_status_display().lower()}: nothing can be asked.")
    if not asked.strip():
        raise ValidationError({"asked": "Say what the family should send or answer."})
    application.status = Status.MORE_INFORMATION
    application.information_asked = asked.strip()
    application.save(update_fields=["status", "information_asked", "updated_at"])
    inclusion_audit(
        action=AuditEvent.Action.REMISSION_DECIDED,
        hub=application.hub,
        by=by,
        request=request,
        detail=f"{application.learner.reference} {application.scheme.year_label}: asked for more information",
    )
    return application


@transaction.atomic
def application_refuse(
    *, application: RemissionApplication, by: User, reason: str, request: HttpRequest | None = None
) -> RemissionApplication:
    """Refuse with a reason the family will read; a waiting application leaves the list (its awards go)."""
    _, application = _lock(application)
    if application.status not in (*RemissionApplication.OPEN, Status.WAITING):
        raise DecisionRefused(f"This application is {application.get_status_display().lower()}: it cannot be refused.")
    if not reason.strip():
        raise ValidationError({"reason": "Say why the application is refused: the family will read it."})
    application.awards.all().delete()  # a waiting approval's awards never came into force
    application.status = Status.REFUSED
    application.waiting_position = None
    application.committed_pence = 0
    _decided(application, by=by, reason=reason.strip(), request=request)
    return application
