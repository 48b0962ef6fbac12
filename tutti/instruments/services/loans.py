"""Lending assets to learners and schools, the loan agreement, returns, and overdue reminders.

Lending locks the asset's row (``select_for_update``) and checks it is available before the loan is
written, so two people lending the same violin at once are served one after the other and the second
is refused; underneath, the database allows one open loan per asset, so even code that forgot the
lock could not lend an asset twice. The asset's status changes on the next line of each service.

The family portal calls ``loan_agreement_accept`` (method ``portal``) when a guardian accepts; staff
call the same service for an agreement signed on paper or sent by email.
"""

from dataclasses import dataclass
from datetime import date
from functools import partial

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.http import HttpRequest
from django.template.loader import render_to_string

from tutti.accounts.models import AuditEvent, User
from tutti.accounts.services import audit_record
from tutti.instruments.models import Asset, Condition, Loan, LoanReminder
from tutti.learners.models import Learner
from tutti.schools.models import School


@dataclass(frozen=True)
class Agreement:
    """A guardian's acceptance of the loan agreement: who, when, and how it reached the hub."""

    accepted_by: str
    accepted_on: date
    method: Loan.AgreementMethod


def _audit(*, loan: Loan, by: User | None, request: HttpRequest | None, what: str) -> None:
    audit_record(
        action=AuditEvent.Action.LOAN_CHANGED,
        hub=loan.hub,
        actor=by,
        request=request,
        detail=f"{loan.asset.asset_tag} {what} {loan.borrower_label}",
    )


def _lend(*, asset: Asset, by: User, **fields: object) -> Loan:
    """Write the loan of a locked, available asset; refused with a message naming the asset otherwise."""
    asset = Asset.objects.select_for_update().get(pk=asset.pk)
    if asset.status != Asset.Status.AVAILABLE:
        raise ValidationError(
            {"asset": f"{asset.asset_tag} is {asset.get_status_display().lower()}, so it cannot be lent now."}
        )
    try:
        with transaction.atomic():
            loan = Loan.objects.create(
                hub_id=asset.hub_id, asset=asset, condition_out=asset.condition, lent_by=by, **fields
            )
    except IntegrityError:  # another open loan of this asset: the constraint caught what the status did not
        raise ValidationError({"asset": f"{asset.asset_tag} is already lent."}) from None
    asset.status = Asset.Status.ON_LOAN if loan.status == Loan.Status.OUT else Asset.Status.RESERVED
    asset.save(update_fields=["status", "updated_at"])
    return loan


def _check_dates(lent_on: date, due_on: date) -> None:
    if due_on < lent_on:
        raise ValidationError({"due_on": f"The due date must be on or after the day it is lent ({lent_on:%d/%m/%Y})."})


@transaction.atomic
def loan_to_learner(
    *,
    asset: Asset,
    learner: Learner,
    lent_on: date,
    due_on: date,
    hire_fee_pence: int,
    agreement: Agreement | None,
    by: User,
    request: HttpRequest | None = None,
) -> Loan:
    """Lend an asset to a learner of the hub: out at once when a guardian has accepted the loan agreement,
    otherwise reserved for the learner until one does (``loan_agreement_accept``).

    The hire fee is stored as agreed; remission is applied by the fees module when the fee is billed.
    """
    if learner.hub_id != asset.hub_id or learner.merged_into_id is not None:
        raise ValidationError({"learner": "That learner is not a current learner of this hub."})
    _check_dates(lent_on, due_on)
    agreed = {}
    if agreement is not None:
        agreed = {
            "agreement_accepted_by": agreement.accepted_by,
            "agreement_accepted_on": agreement.accepted_on,
            "agreement_method": agreement.method,
        }
    status = Loan.Status.OUT if agreement is not None else Loan.Status.AWAITING_AGREEMENT
    loan = _lend(
        asset=asset, by=by, borrower=Loan.Borrower.LEARNER, learner=learner, status=status, lent_on=lent_on,
        due_on=due_on, hire_fee_pence=hire_fee_pence, **agreed,
    )  # fmt: skip
    _audit(loan=loan, by=by, request=request, what="lent to" if agreement else "reserved for")
    return loan


@transaction.atomic
def loan_to_school(
    *,
    asset: Asset,
    school: School,
    lent_on: date,
    due_on: date,
    contact_email: str,
    by: User,
    request: HttpRequest | None = None,
) -> Loan:
    """Lend an asset to a school of the hub's area (a class set for whole-class teaching is one loan per asset)."""
    if not School.objects.in_hub_area(asset.hub).filter(pk=school.pk).exists():
        raise ValidationError({"school": f"{school.name} is not in this hub's area."})
    _check_dates(lent_on, due_on)
    loan = _lend(
        asset=asset, by=by, borrower=Loan.Borrower.SCHOOL, school=school, status=Loan.Status.OUT, lent_on=lent_on,
        due_on=due_on, contact_email=contact_email,
    )  # fmt: skip
    _audit(loan=loan, by=by, request=request, what="lent to")
    return loan


def _locked_loan(loan: Loan) -> tuple[Loan, Asset]:
    asset = Asset.objects.select_for_update().get(pk=loan.asset_id)
    return Loan.objects.select_for_update(of=("self",)).select_related("learner", "school").get(pk=loan.pk), asset


@transaction.atomic
def loan_agreement_accept(
    *, loan: Loan, agreement: Agreement, by: User | None, request: HttpRequest | None = None
) -> Loan:
    """Record a guardian's acceptance of a reserved loan's agreement: the loan is out, the asset on loan.

    Staff record a paper or emailed agreement; the family portal calls this with the portal method.
    """
    loan, asset = _locked_loan(loan)
    if loan.status != Loan.Status.AWAITING_AGREEMENT:
        raise ValidationError(f"This loan is {loan.get_status_display().lower()}: it is not waiting for an agreement.")
    if agreement.accepted_on < loan.lent_on:
        raise ValidationError({"accepted_on": f"The agreement cannot predate the loan ({loan.lent_on:%d/%m/%Y})."})
    loan.status = Loan.Status.OUT
    loan.agreement_accepted_by, loan.agreement_accepted_on = agreement.accepted_by, agreement.accepted_on
    loan.agreement_method = agreement.method
    loan.save()
    asset.status = Asset.Status.ON_LOAN
    asset.save(update_fields=["status", "updated_at"])
    _audit(loan=loan, by=by, request=request, what=f"agreement accepted ({agreement.method.label.lower()}) for")
    return loan


@transaction.atomic
def loan_cancel(*, loan: Loan, by: User, request: HttpRequest | None = None) -> Loan:
    """Cancel a reservation nobody agreed to; the asset is available again."""
    loan, asset = _locked_loan(loan)
    if loan.status != Loan.Status.AWAITING_AGREEMENT:
        raise ValidationError("Only a loan still waiting for its agreement can be cancelled; take a lent asset back.")
    loan.status = Loan.Status.CANCELLED
    loan.save(update_fields=["status", "updated_at"])
    asset.status = Asset.Status.AVAILABLE
    asset.save(update_fields=["status", "updated_at"])
    _audit(loan=loan, by=by, request=request, what="reservation cancelled for")
    return loan


@transaction.atomic
def loan_return(
    *,
    loan: Loan,
    returned_on: date,
    condition: Condition,
    notes: str = "",
    by: User,
    request: HttpRequest | None = None,
) -> Loan:
    """Take a lent asset back in the condition it came back in; it is available again (send it for repair next
    if it needs one)."""
    loan, asset = _locked_loan(loan)
    if loan.status != Loan.Status.OUT:
        raise ValidationError(f"This loan is {loan.get_status_display().lower()}: only a lent asset can be returned.")
    if returned_on < loan.lent_on:
        raise ValidationError({"returned_on": f"It cannot come back before it was lent ({loan.lent_on:%d/%m/%Y})."})
    loan.status, loan.returned_on, loan.condition_on_return, loan.return_notes = (
        Loan.Status.RETURNED, returned_on, condition, notes,
    )  # fmt: skip
    loan.save()
    asset.status, asset.condition = Asset.Status.AVAILABLE, condition
    asset.save(update_fields=["status", "condition", "updated_at"])
    _audit(loan=loan, by=by, request=request, what=f"returned ({condition.label.lower()}) by")
    return loan


def reminder_recipients(loan: Loan) -> list[str]:
    """Where an overdue reminder goes: a learner's guardians with an email address, or the school's contact."""
    if loan.borrower == Loan.Borrower.SCHOOL:
        return [loan.contact_email] if loan.contact_email else []
    emails = loan.learner.guardians.exclude(email="").values_list("email", flat=True) if loan.learner else []
    return sorted(set(emails))


def _send_reminder(*, loan: Loan, recipients: list[str], today: date) -> None:
    context = {"loan": loan, "asset": loan.asset, "hub": loan.hub, "days_overdue": (today - loan.due_on).days}
    send_mail(
        subject=f"Please return {loan.asset.description} to {loan.hub.name}",
        message=render_to_string("instruments/email/overdue_reminder.txt", context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        recipient_list=recipients,
    )


def loan_reminders_send(*, today: date) -> int:
    """Email a reminder about each overdue loan that has somewhere to send it, at most once per loan per day.

    Each reminder is recorded and sent after its own transaction commits, so a failure stops at that loan
    and running again the same day sends none of those already sent. Returns how many were sent.
    """
    sent = 0
    overdue = (
        Loan.objects.overdue(today=today)
        .exclude(reminders__sent_on=today)
        .select_related("asset", "hub", "learner", "school")
        .order_by("due_on", "pk")
    )
    for loan in overdue:
        recipients = reminder_recipients(loan)
        if not recipients:
            continue
        with transaction.atomic():
            _, created = LoanReminder.objects.get_or_create(
                loan=loan, sent_on=today, defaults={"recipients": len(recipients)}
            )
            if created:
                transaction.on_commit(partial(_send_reminder, loan=loan, recipients=recipients, today=today))
                sent += 1
    return sent
