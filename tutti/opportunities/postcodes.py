"""Postcodes to places: a full postcode or a district becomes its district's centre, and distances between them.

Only districts are known (the seed data has no unit postcodes), so a full postcode uses its outward half.
A well-formed district missing from the data (a newer one, say) is placed at the average of its
postcode area's districts, and said to be approximate.
"""

import math
import re
from dataclasses import dataclass

from django.db.models import Avg

from tutti.opportunities.models import PostcodeDistrict

_FULL = re.compile(r"^([A-Z]{1,2}[0-9][A-Z0-9]?)([0-9][A-Z]{2})$")
_DISTRICT = re.compile(r"^([A-Z]{1,2})[0-9][A-Z0-9]?$")
EARTH_RADIUS_KM = 6371.0


class UnknownPostcode(ValueError):
    """The text is not a postcode, or its area is not in England's data."""


@dataclass(frozen=True)
class Place:
    district: str
    latitude: float
    longitude: float
    approximate: bool = False


def district_of(text: str) -> str:
    """The outward code of a full postcode or a district (``al1 3ab`` and ``AL1`` are both ``AL1``)."""
    compact = re.sub(r"\s+", "", text).upper()
    full = _FULL.match(compact)
    if full:
        return full.group(1)
    if _DISTRICT.match(compact):
        return compact
    raise UnknownPostcode(
        f"“{text.strip()}” is not a postcode. Enter a postcode like AL1 3AB, or its first half, like AL1."
    )


def place_of(text: str) -> Place:
    district = district_of(text)
    found = PostcodeDistrict.objects.filter(district=district).first()
    if found is not None:
        return Place(district, found.latitude, found.longitude)
    match = _DISTRICT.match(district)
    area = match.group(1) if match else ""
    # "AL" must not take in "ALX": the area is the letters, and a district's next character is a digit.
    centre = PostcodeDistrict.objects.filter(district__regex=rf"^{area}[0-9]").aggregate(
        latitude=Avg("latitude"), longitude=Avg("longitude")
    )
    if centre["latitude"] is None:
        raise UnknownPostcode(
            f"We do not know where postcode district {district} is. Check the postcode, or try a nearby district."
        )
    return Place(district, centre["latitude"], centre["longitude"], approximate=True)


def distance_km(a_lat: float, a_lon: float, b_lat: float, b_lon: float) -> float:
    """The great-circle distance between two points (haversine), in kilometres."""
    phi_a, phi_b = math.radians(a_lat), math.radians(b_lat)
    d_phi, d_lambda = phi_b - phi_a, math.radians(b_lon - a_lon)
    h = math.sin(d_phi / 2) ** 2 + math.cos(phi_a) * math.cos(phi_b) * math.sin(d_lambda / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(h))
