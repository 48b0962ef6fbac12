"""The Partnerships function's records: partners, agreements, pass-through shares, the board, interactions."""

from tutti.partners.models.agreements import Agreement, BoardMember, PassThroughShare
from tutti.partners.models.interactions import Interaction, InteractionQuerySet
from tutti.partners.models.organisations import Contact, Partner, PartnerQuerySet

__all__ = [
    "Agreement",
    "BoardMember",
    "Contact",
    "Interaction",
    "InteractionQuerySet",
    "Partner",
    "PartnerQuerySet",
    "PassThroughShare",
]
