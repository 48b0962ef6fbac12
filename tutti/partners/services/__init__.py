"""Writes of the Partnerships function. Import the functions from here: their names are stable."""

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

__all__ = [
    "InteractionRefused",
    "PartnerRefused",
    "contact_add",
    "contact_remove",
    "follow_up_complete",
    "interaction_record",
    "partner_archive",
    "partner_create",
    "partner_unarchive",
    "partner_update",
]
