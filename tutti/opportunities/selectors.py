"""Reads of the opportunities module: the finder's results by distance, a listing's page, the calendars.

Which activities fit a family's criteria is programmes' question (``activities_matching``); this module
narrows them to what hubs have made public and adds the distance.
"""

import datetime
from dataclasses import dataclass

from django.db.models import Prefetch, Q, QuerySet

from tutti.network.models import HubArea
from tutti.opportunities.models import HubDocument, Listing
from tutti.opportunities.postcodes import Place, distance_km
from tutti.programmes import selectors as programmes
from tutti.programmes.models import Session

CALENDAR_DAYS = 42


@dataclass(frozen=True)
class FinderQuery:
    """A search of the finder: programmes' criteria plus what only listings know."""

    criteria: programmes.ActivityCriteria
    place: Place | None = None
    kind: str = ""
    free_or_remission: bool = False


@dataclass(frozen=True)
class Result:
    listing: Listing
    distance_km: float | None


def _published() -> QuerySet[Listing]:
    return Listing.objects.published().select_related("venue__district", "hub")


def _with_activities(listings: QuerySet[Listing]) -> QuerySet[Listing]:
    return listings.prefetch_related(Prefetch("activity", queryset=programmes.activities_for_public_pages()))


def finder_results(query: FinderQuery) -> list[Result]:
    """The public listings that fit, nearest first when a place is given (else by hub and name)."""
    listings = _published().filter(activity__in=programmes.activities_matching(query.criteria))
    if query.kind:
        listings = listings.filter(kind=query.kind)
    if query.free_or_remission:
        listings = listings.filter(Q(activity__fee_basis="free") | Q(remission_available=True))
    listings = _with_activities(listings)
    place = query.place
    if place is None:
        rows = [Result(listing, None) for listing in listings]
        return sorted(rows, key=lambda row: (row.listing.hub.name, row.listing.activity.name))
    rows = [
        Result(
            listing,
            distance_km(
                place.latitude, place.longitude, listing.venue.district.latitude, listing.venue.district.longitude
            ),
        )
        for listing in listings
    ]
    return sorted(rows, key=lambda row: (row.distance_km, row.listing.activity.name))


def public_listing(public_id: str) -> Listing | None:
    return _with_activities(_published()).filter(public_id=public_id).first()


def listing_of_activity(activity_id: int) -> Listing | None:
    return Listing.objects.filter(activity_id=activity_id).select_related("venue").first()


def hub_listings(hub: HubArea) -> list[Listing]:
    """A hub's public listings with their activity's name and venue, in one query (the hub page lists them)."""
    return list(_published().filter(hub=hub).select_related("activity").order_by("activity__name"))


def hub_documents(hub: HubArea) -> QuerySet[HubDocument]:
    """The hub's published documents, newest first within each kind."""
    return HubDocument.objects.for_hub(hub).filter(withdrawn_at__isnull=True)


def published_document(public_id: str) -> HubDocument | None:
    return HubDocument.objects.filter(public_id=public_id, withdrawn_at__isnull=True).first()


def upcoming_sessions(
    *, hub: HubArea | None = None, listing: Listing | None = None, starts_on: datetime.date, days: int = CALENDAR_DAYS
) -> QuerySet[Session]:
    """The sessions of public listings (one hub's, one listing's, or all) in the coming weeks."""
    listings = Listing.objects.published()
    if hub is not None:
        listings = listings.filter(hub=hub)
    if listing is not None:
        listings = listings.filter(pk=listing.pk)
    return programmes.sessions_between(
        activity_ids=listings.values("activity_id"),
        starts_on=starts_on,
        ends_on=starts_on + datetime.timedelta(days=days),
    ).select_related("activity__listing__venue")


def hubs_with_listings() -> QuerySet[HubArea]:
    return HubArea.objects.filter(pk__in=Listing.objects.published().values("hub_id")).order_by("name")
