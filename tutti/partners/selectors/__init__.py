"""Reads of the Partnerships function. Import the functions from here: their names are stable."""

from tutti.partners.selectors.interactions import follow_ups_for, hub_people, interactions_for
from tutti.partners.selectors.partners import (
    agreements_of,
    partner_filterset,
    partner_for_page,
    partners_listed,
    shares_of,
)

__all__ = [
    "agreements_of",
    "follow_ups_for",
    "hub_people",
    "interactions_for",
    "partner_filterset",
    "partner_for_page",
    "partners_listed",
    "shares_of",
]
