"""Writes of the Partnerships function. Import the functions from here: their names are stable."""

from tutti.partners.services.agreements import (
    AgreementRefused,
    agreement_create,
    agreement_update,
    board_member_add,
    board_member_remove,
)
from tutti.partners.services.interactions import InteractionRefused, follow_up_complete, interaction_record
from tutti.partners.services.partners import (
    PartnerRefused,
    contact_add,
    contact_remove,
    partner_archive,
    partner_create,
    partner_unarchive,
    partner_update,
)
from tutti.partners.services.shares import ShareRefused, pass_through_share_record, pass_through_share_remove

__all__ = [
    "AgreementRefused",
    "InteractionRefused",
    "PartnerRefused",
    "ShareRefused",
    "agreement_create",
    "agreement_update",
    "board_member_add",
    "board_member_remove",
    "contact_add",
    "contact_remove",
    "follow_up_complete",
    "interaction_record",
    "partner_archive",
    "partner_create",
    "partner_unarchive",
    "partner_update",
    "pass_through_share_record",
    "pass_through_share_remove",
]
