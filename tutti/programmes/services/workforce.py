"""Writes for the workforce: staff records, DBS checks and training."""

from collections.abc import Iterable
from datetime import date

from django.db import transaction

from tutti.accounts.models import User
from tutti.network.models import HubArea
from tutti.programmes.models import Instrument, SafeguardingCheck, StaffMember, TrainingRecord
from tutti.programmes.models.workforce import SAFEGUARDING_TRAINING_RENEWAL_YEARS, years_after


@transaction.atomic
def staff_member_create(
    *,
    hub: HubArea,
    first_name: str,
    last_name: str,
    employment: StaffMember.Employment,
    job_title: str = "Tutor",
    instruments: Iterable[Instrument] = (),
    user: User | None = None,
) -> StaffMember:
    """Add a tutor or other member of staff to the hub's workforce."""
    member = StaffMember.objects.create(
        hub=hub, first_name=first_name, last_name=last_name, employment=employment, job_title=job_title, user=user
    )
    member.instruments.set(instruments)
    return member


@transaction.atomic
def staff_member_update(
    *,
    member: StaffMember,
    first_name: str,
    last_name: str,
    employment: StaffMember.Employment,
    job_title: str,
    instruments: Iterable[Instrument],
    user: User | None,
) -> StaffMember:
    member.first_name, member.last_name, member.employment = first_name, last_name, employment
    member.job_title, member.user = job_title, user
    member.save()
    member.instruments.set(instruments)
    return member


def safeguarding_check_record(
    *,
    member: StaffMember,
    certificate_number: str,
    issued_on: date,
    update_service: bool,
    status_checked_on: date | None,
    decision: SafeguardingCheck.Decision,
    by: User,
) -> SafeguardingCheck:
    """Record the DBS check the hub saw; when it needs renewing follows the hub's policy."""
    return SafeguardingCheck.objects.create(
        staff_member=member,
        certificate_number=certificate_number,
        issued_on=issued_on,
        update_service=update_service,
        status_checked_on=status_checked_on if update_service else None,
        decision=decision,
        valid_until=SafeguardingCheck.policy_valid_until(
            issued_on=issued_on, update_service=update_service, status_checked_on=status_checked_on
        ),
        recorded_by=by,
    )


def training_record(
    *, member: StaffMember, kind: TrainingRecord.Kind, title: str, attended_on: date, expires_on: date | None = None
) -> TrainingRecord:
    """Record a course attended; safeguarding training expires after the renewal period unless a date is given."""
    if expires_on is None and kind == TrainingRecord.Kind.SAFEGUARDING:
        expires_on = years_after(attended_on, SAFEGUARDING_TRAINING_RENEWAL_YEARS)
    return TrainingRecord.objects.create(
        staff_member=member, kind=kind, title=title, attended_on=attended_on, expires_on=expires_on
    )
