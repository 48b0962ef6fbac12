"""Every hub-scoped URL of the partners module, for the cross-hub access matrix (tutti.accounts.testing)."""

import datetime
from typing import Any

from tutti.accounts.models import Role
from tutti.accounts.testing import AccessRule, person
from tutti.network.models import HubArea, LocalAuthority, Region
from tutti.partners.models import Agreement, BoardMember, Contact, Interaction, Partner, PassThroughShare
from tutti.partners.roles import EDITORS, MONEY_READERS, READERS, SHARE_EDITORS


def a_partner(hub: HubArea) -> Partner:
    return Partner.objects.create(hub=hub, name=f"Access partner {Partner.objects.count()}", kind=Partner.Kind.OTHER)


def partner_kwargs(hub: HubArea) -> dict[str, Any]:
    return {"public_id": a_partner(hub).public_id}


def partner_subject_kwargs(hub: HubArea) -> dict[str, Any]:
    return {"subject_type": "partners.partner", "public_id": a_partner(hub).public_id}


def a_contact(hub: HubArea) -> dict[str, Any]:
    contact = Contact.objects.create(partner=a_partner(hub), name="Ada Contact")
    return {"public_id": contact.public_id}


def an_agreement(hub: HubArea) -> dict[str, Any]:
    agreement = Agreement.objects.create(
        hub=hub,
        partner=a_partner(hub),
        academic_year=2024,
        commitments="Rehearsal space on Saturdays.",
        starts_on=datetime.date(2024, 9, 1),
        ends_on=datetime.date(2025, 8, 31),
    )
    return {"public_id": agreement.public_id}


def a_share(hub: HubArea) -> dict[str, Any]:
    region, _ = Region.objects.get_or_create(code="E12000006", defaults={"name": "East of England"})
    authority = LocalAuthority.objects.create(
        ons_code=f"E06{900000 + LocalAuthority.objects.count():06d}",
        name="Access Borough",
        kind=LocalAuthority.Kind.UNITARY,
        region=region,
        hub_area=hub,
    )
    share = PassThroughShare.objects.create(
        hub=hub, partner=a_partner(hub), academic_year=2024, local_authority=authority, amount_pence=500_00
    )
    return {"public_id": share.public_id}


def a_board_member(hub: HubArea) -> dict[str, Any]:
    member = BoardMember.objects.create(
        hub=hub, name="Chair Person", role="Chair", term_starts_on=datetime.date(2024, 1, 1)
    )
    return {"public_id": member.public_id}


def an_open_follow_up(hub: HubArea) -> dict[str, Any]:
    owner = person(hub=hub, roles=[Role.TUTOR])
    interaction = Interaction.objects.create(
        hub=hub,
        subject=a_partner(hub),
        kind=Interaction.Kind.CALL,
        occurred_on=datetime.date(2025, 1, 6),
        notes="Called about the summer school.",
        follow_up="Send the dates",
        follow_up_due=datetime.date(2025, 1, 20),
        follow_up_owner=owner,
        recorded_by=owner,
    )
    return {"public_id": interaction.public_id}


MATRIX = [
    AccessRule("partners:partner_list", roles=READERS),
    AccessRule("partners:partner_list_csv", roles=READERS),
    AccessRule("partners:partner_list_xlsx", roles=READERS),
    AccessRule("partners:partner_new", roles=EDITORS),
    AccessRule("partners:partner_detail", roles=READERS, make_kwargs=partner_kwargs),
    AccessRule("partners:partner_edit", roles=EDITORS, make_kwargs=partner_kwargs),
    AccessRule("partners:partner_archive", roles=EDITORS, make_kwargs=partner_kwargs, method="post", ok_status=302),
    AccessRule("partners:partner_unarchive", roles=EDITORS, make_kwargs=partner_kwargs, method="post", ok_status=302),
    AccessRule("partners:contact_new", roles=EDITORS, make_kwargs=partner_kwargs),
    AccessRule("partners:contact_remove", roles=EDITORS, make_kwargs=a_contact, method="post", ok_status=302),
    AccessRule("partners:agreement_new", roles=EDITORS, make_kwargs=partner_kwargs),
    AccessRule("partners:agreement_edit", roles=EDITORS, make_kwargs=an_agreement),
    AccessRule("partners:share_list", roles=MONEY_READERS),
    AccessRule("partners:share_new", roles=SHARE_EDITORS),
    AccessRule("partners:share_remove", roles=SHARE_EDITORS, make_kwargs=a_share, method="post", ok_status=302),
    AccessRule("partners:board", roles=READERS),
    AccessRule("partners:board_member_new", roles=EDITORS),
    AccessRule("partners:board_member_remove", roles=EDITORS, make_kwargs=a_board_member, method="post", ok_status=302),
    AccessRule("partners:map", roles=READERS),
    AccessRule("partners:api-partner-list", roles=READERS),
    AccessRule("partners:api-partner-detail", roles=READERS, make_kwargs=partner_kwargs),
    AccessRule("partners:interaction_new", roles=EDITORS, make_kwargs=partner_subject_kwargs),
    AccessRule("partners:my_follow_ups", roles=READERS),
    # The owner may complete too; the matrix's "right role" is an editor who does not own it.
    AccessRule(
        "partners:follow_up_complete", roles=EDITORS, make_kwargs=an_open_follow_up, method="post", ok_status=302
    ),
]
