"""Pass-through shares: parts of the hub's grant handed to delivery partners, never more than the grant.

Decision: a share for a year whose allocation is not published in Tutti's data is refused (there is
nothing to check it against); the message says so, and the allocation can be recorded through the
network import first.
"""

from django.db import transaction
from django.db.models import Sum

from tutti.accounts.models import User
from tutti.core import academic_year
from tutti.core.money import format_pence
from tutti.network.models import HubArea, LocalAuthority
from tutti.network.selectors import hub_area_summary
from tutti.partners.models import Partner, PassThroughShare


class ShareRefused(ValueError):
    """The share cannot be recorded; the message names the amounts or what is missing."""


@transaction.atomic
def pass_through_share_record(
    *,
    hub: HubArea,
    academic_year: int,
    local_authority: LocalAuthority,
    partner: Partner,
    amount_pence: int,
    by: User,
) -> PassThroughShare:
    """Record (or change) the share of the year's grant a partner receives for one local authority.

    Refused when the year's shares would add up to more than the hub's published allocation (revenue
    plus capital), or when no allocation is published. The hub's row is locked first, so two people
    recording shares at once cannot both slip under the cap.
    """
    HubArea.objects.select_for_update().filter(pk=hub.pk).first()
    year_label = _label(academic_year)
    if local_authority.hub_area_id != hub.pk:
        raise ShareRefused(f"{local_authority.name} is not a local authority of {hub}")
    if partner.hub_id != hub.pk:
        raise ShareRefused(f"{partner} is not a partner of {hub}")
    if partner.is_archived:
        raise ShareRefused(f"{partner} is archived: bring it back before recording a share")
    if amount_pence <= 0:
        raise ShareRefused("A share must be more than £0")
    allocation = hub_area_summary(hub, year=academic_year).funding.total_pence
    if allocation is None:
        raise ShareRefused(
            f"No allocation for {year_label} is published for {hub}, so shares cannot be checked against it"
        )
    others = PassThroughShare.objects.for_hub(hub).filter(academic_year=academic_year)
    others = others.exclude(partner=partner, local_authority=local_authority)
    already = others.aggregate(total=Sum("amount_pence"))["total"] or 0
    if already + amount_pence > allocation:
        raise ShareRefused(
            f"Shares for {year_label} would total {format_pence(already + amount_pence)} "
            f"({format_pence(already)} already recorded plus {format_pence(amount_pence)}), "
            f"more than {hub}'s allocation of {format_pence(allocation)}"
        )
    share, _ = PassThroughShare.objects.update_or_create(
        hub=hub,
        partner=partner,
        academic_year=academic_year,
        local_authority=local_authority,
        defaults={"amount_pence": amount_pence},
    )
    return share


@transaction.atomic
def pass_through_share_remove(*, share: PassThroughShare, by: User) -> None:
    """Remove a share recorded in error."""
    share.delete()


def _label(year: int) -> str:
    return academic_year.label(year)
