"""factory_boy factories for venues and public listings (the activities come from programmes' factories)."""

import csv
import datetime
from pathlib import Path

import factory
from factory.django import DjangoModelFactory

from tutti.accounts.models import Role
from tutti.accounts.testing import person
from tutti.opportunities.models import Listing, PostcodeDistrict, Venue
from tutti.programmes.models import Activity, WeeklySlot
from tutti.programmes.tests.factories import ActivityFactory

SEED = Path(__file__).resolve().parent.parent / "seed" / "postcode_district_centroids.csv"


def seeded_district(code: str) -> PostcodeDistrict:
    """The district the migrations seeded, put back from the shipped file when a transactional test
    (a browser test) emptied the table before this one."""
    found = PostcodeDistrict.objects.filter(district=code).first()
    if found is not None:
        return found
    with SEED.open(newline="", encoding="utf-8") as rows:
        row = next(row for row in csv.DictReader(rows) if row["district"] == code)
    return PostcodeDistrict.objects.create(district=code, latitude=float(row["lat"]), longitude=float(row["lon"]))


class VenueFactory(DjangoModelFactory[Venue]):
    class Meta:
        model = Venue

    name = factory.Sequence(lambda n: f"Music centre {n}")
    postcode = "AL1 3LX"
    district = factory.LazyAttribute(lambda venue: seeded_district(venue.postcode.split()[0]))


class ListingFactory(DjangoModelFactory[Listing]):
    class Meta:
        model = Listing

    activity = factory.SubFactory(ActivityFactory)
    hub = factory.SelfAttribute("activity.hub")
    is_public = True
    kind = Listing.Kind.ENSEMBLE
    description = "A friendly band for young players."
    venue = factory.SubFactory(VenueFactory, hub=factory.SelfAttribute("..activity.hub"))
    updated_by = factory.LazyAttribute(lambda listing: person(hub=listing.activity.hub, roles=[Role.PROGRAMME_MANAGER]))


def listed(
    *, postcode: str = "AL1 3LX", weekday: int | None = None, starts_at: datetime.time | None = None, **activity: object
) -> Listing:
    """A public listing of a new activity meeting at a venue in the postcode's district (and a weekly time)."""
    made: Activity = ActivityFactory.create(**activity)
    if weekday is not None:
        start = starts_at or datetime.time(10)
        WeeklySlot.objects.create(
            activity=made, weekday=weekday, starts_at=start, ends_at=start.replace(hour=start.hour + 1)
        )
    venue = VenueFactory.create(hub=made.hub, postcode=postcode)
    return ListingFactory.create(activity=made, venue=venue)
