"""Partnership agreements per partner per academic year, and the hub's board."""

from collections.abc import Iterable
from datetime import date

from django.db import transaction

from tutti.accounts.models import User
from tutti.core import academic_year
from tutti.network.models import Aim, HubArea, StrategicFunction
from tutti.partners.models import Agreement, BoardMember, Partner


class AgreementRefused(ValueError):
    """The agreement cannot be saved as asked; the message says why."""


def _check_dates(starts_on: date, ends_on: date) -> None:
    if ends_on < starts_on:
        raise AgreementRefused(f"The agreement ends ({ends_on:%d %B %Y}) before it starts ({starts_on:%d %B %Y})")


@transaction.atomic
def agreement_create(
    *,
    partner: Partner,
    academic_year: int,
    strategic_functions: Iterable[StrategicFunction],
    aims: Iterable[Aim],
    commitments: str,
    cash_pence: int = 0,
    in_kind_pence: int = 0,
    starts_on: date,
    ends_on: date,
    signed_by_name: str = "",
    signed_by_role: str = "",
    signed_on: date | None = None,
    by: User,
) -> Agreement:
    """Record a partner's agreement for an academic year: one per partner per year."""
    _check_dates(starts_on, ends_on)
    if Agreement.objects.for_hub(partner.hub).filter(partner=partner, academic_year=academic_year).exists():
        raise AgreementRefused(f"{partner} already has an agreement for {academic_year_label(academic_year)}")
    agreement = Agreement.objects.create(
        hub=partner.hub,
        partner=partner,
        academic_year=academic_year,
        commitments=commitments.strip(),
        cash_pence=cash_pence,
        in_kind_pence=in_kind_pence,
        starts_on=starts_on,
        ends_on=ends_on,
        signed_by_name=signed_by_name.strip(),
        signed_by_role=signed_by_role.strip(),
        signed_on=signed_on,
    )
    agreement.strategic_functions.set(strategic_functions)
    agreement.aims.set(aims)
    return agreement


@transaction.atomic
def agreement_update(
    *,
    agreement: Agreement,
    strategic_functions: Iterable[StrategicFunction],
    aims: Iterable[Aim],
    commitments: str,
    cash_pence: int,
    in_kind_pence: int,
    starts_on: date,
    ends_on: date,
    signed_by_name: str,
    signed_by_role: str,
    signed_on: date | None,
    by: User,
) -> Agreement:
    """Change an agreement (its partner and year stay: a new year is a new agreement)."""
    _check_dates(starts_on, ends_on)
    agreement.commitments = commitments.strip()
    agreement.cash_pence, agreement.in_kind_pence = cash_pence, in_kind_pence
    agreement.starts_on, agreement.ends_on = starts_on, ends_on
    agreement.signed_by_name, agreement.signed_by_role = signed_by_name.strip(), signed_by_role.strip()
    agreement.signed_on = signed_on
    agreement.save()
    agreement.strategic_functions.set(strategic_functions)
    agreement.aims.set(aims)
    return agreement


def academic_year_label(year: int) -> str:
    return academic_year.label(year)


@transaction.atomic
def board_member_add(
    *,
    hub: HubArea,
    name: str,
    organisation: str,
    role: str,
    term_starts_on: date,
    term_ends_on: date | None = None,
    by: User,
) -> BoardMember:
    """Add a member to the hub's board with their term."""
    if term_ends_on is not None and term_ends_on < term_starts_on:
        raise AgreementRefused("A board member's term cannot end before it starts")
    return BoardMember.objects.create(
        hub=hub,
        name=name.strip(),
        organisation=organisation.strip(),
        role=role.strip(),
        term_starts_on=term_starts_on,
        term_ends_on=term_ends_on,
    )


@transaction.atomic
def board_member_remove(*, member: BoardMember, by: User) -> None:
    """Take a member off the board list (entered in error, or their record is no longer wanted)."""
    member.delete()
