"""Creating, editing and archiving partner organisations and their contacts."""

from collections.abc import Iterable

from django.db import transaction
from django.utils import timezone

from tutti.accounts.models import User
from tutti.network.models import HubArea, LocalAuthority
from tutti.partners.models import Contact, Partner


class PartnerRefused(ValueError):
    """The partner cannot be saved as asked; the message says why."""


def _check_local_authorities(hub: HubArea, local_authorities: Iterable[LocalAuthority]) -> list[LocalAuthority]:
    chosen = list(local_authorities)
    outside = [la.name for la in chosen if la.hub_area_id != hub.pk]
    if outside:
        raise PartnerRefused(f"Not local authorities of {hub}: {', '.join(sorted(outside))}")
    return chosen


@transaction.atomic
def partner_create(
    *,
    hub: HubArea,
    name: str,
    kind: Partner.Kind | str,
    status: Partner.Status | str = Partner.Status.ACTIVE,
    local_authorities: Iterable[LocalAuthority] = (),
    website: str = "",
    by: User,
) -> Partner:
    """Add a partner organisation to the hub; it may serve only the hub's own local authorities."""
    authorities = _check_local_authorities(hub, local_authorities)
    name = name.strip()
    if Partner.objects.for_hub(hub).filter(name__iexact=name).exists():
        raise PartnerRefused(f"{hub} already has a partner called {name}")
    partner = Partner.objects.create(hub=hub, name=name, kind=kind, status=status, website=website.strip())
    partner.local_authorities.set(authorities)
    return partner


@transaction.atomic
def partner_update(
    *,
    partner: Partner,
    name: str,
    kind: Partner.Kind | str,
    status: Partner.Status | str,
    local_authorities: Iterable[LocalAuthority],
    website: str,
    by: User,
) -> Partner:
    """Change a partner's details (archiving has its own service)."""
    authorities = _check_local_authorities(partner.hub, local_authorities)
    name = name.strip()
    if Partner.objects.for_hub(partner.hub).filter(name__iexact=name).exclude(pk=partner.pk).exists():
        raise PartnerRefused(f"{partner.hub} already has a partner called {name}")
    partner.name, partner.kind, partner.status, partner.website = name, kind, status, website.strip()
    partner.save()
    partner.local_authorities.set(authorities)
    return partner


@transaction.atomic
def partner_archive(*, partner: Partner, by: User) -> Partner:
    """Archive the partner: it leaves the lists and the map; its agreements, shares and log stay."""
    if partner.archived_at is None:
        partner.archived_at = timezone.now()
        partner.save(update_fields=["archived_at", "updated_at"])
    return partner


@transaction.atomic
def partner_unarchive(*, partner: Partner, by: User) -> Partner:
    """Bring an archived partner back into the lists."""
    if partner.archived_at is not None:
        partner.archived_at = None
        partner.save(update_fields=["archived_at", "updated_at"])
    return partner


@transaction.atomic
def contact_add(*, partner: Partner, name: str, role: str = "", email: str = "", phone: str = "", by: User) -> Contact:
    """Add a person to contact at the partner."""
    return Contact.objects.create(
        partner=partner, name=name.strip(), role=role.strip(), email=email.strip().lower(), phone=phone.strip()
    )


@transaction.atomic
def contact_remove(*, contact: Contact, by: User) -> None:
    """Remove a contact who no longer works with the hub (their name goes; the partner stays)."""
    contact.delete()
