"""Postcodes to district centres, the fallback for a district missing from the data, and distances."""

import pytest

from tutti.opportunities.models import PostcodeDistrict
from tutti.opportunities.postcodes import UnknownPostcode, distance_km, district_of, place_of


@pytest.mark.parametrize(
    ("text", "district"),
    [("AL1", "AL1"), ("al1 3ab", "AL1"), ("SG12 7DP", "SG12"), ("b152tt", "B15"), ("W1A 1AA", "W1A")],
)
def test_a_full_postcode_uses_its_district(text: str, district: str) -> None:
    assert district_of(text) == district


@pytest.mark.parametrize("text", ["", "violin", "12345", "AL", "AL1 3ABC"])
def test_text_that_is_no_postcode_is_refused_with_an_example(text: str) -> None:
    with pytest.raises(UnknownPostcode, match=r"is not a postcode\. Enter a postcode like AL1 3AB"):
        district_of(text)


def test_the_seed_data_places_st_albans(db: None) -> None:
    place = place_of("AL1 3AB")
    assert (place.district, place.approximate) == ("AL1", False)
    assert place.latitude == pytest.approx(51.749, abs=0.001)
    assert place.longitude == pytest.approx(-0.327, abs=0.001)
    assert PostcodeDistrict.objects.count() > 2000


def test_a_district_missing_from_the_data_is_placed_at_its_area_average(db: None) -> None:
    PostcodeDistrict.objects.filter(district="AL9").delete()
    place = place_of("AL9")
    assert place.approximate
    assert 51.6 < place.latitude < 51.9


def test_a_district_of_an_unknown_area_is_a_clear_error(db: None) -> None:
    with pytest.raises(UnknownPostcode, match="We do not know where postcode district ZZ9 is"):
        place_of("ZZ9 9ZZ")


def test_distance_between_st_albans_and_birmingham_is_about_130_km() -> None:
    assert distance_km(51.749, -0.327, 52.486, -1.890) == pytest.approx(130, abs=5)
