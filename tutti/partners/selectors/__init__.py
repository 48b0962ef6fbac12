"""Reads of the Partnerships function. Import the functions from here: their names are stable."""

from tutti.partners.selectors.agreements import (
    PartnershipMap,
    SharesOfYear,
    board_of,
    contributions_total,
    partnership_map,
    share_years,
    shares_of_year,
)
from tutti.partners.selectors.interactions import follow_ups_for, hub_people, interactions_for
from tutti.partners.selectors.partners import (
    agreements_of,
    partner_filterset,
    partner_for_page,
    partners_listed,
    shares_of,
)

__all__ = [
    "PartnershipMap",
    "SharesOfYear",
    "agreements_of",
    "board_of",
    "contributions_total",
    "follow_ups_for",
    "hub_people",
    "interactions_for",
    "partner_filterset",
    "partner_for_page",
    "partners_listed",
    "partnership_map",
    "share_years",
    "shares_of",
    "shares_of_year",
]
