"""The public finder: every filter, distance order with distances shown, pagination, errors and hints."""

import datetime
import re
from typing import Any

import pytest
from django.test import Client

from tutti.network.models import HubArea
from tutti.opportunities.models import Listing
from tutti.opportunities.tests.factories import listed
from tutti.programmes.models import Activity, Instrument, WeeklySlot

pytestmark = pytest.mark.django_db
MONDAY, SATURDAY = WeeklySlot.Weekday.MONDAY, WeeklySlot.Weekday.SATURDAY


def names(client: Client, **query: Any) -> list[str]:
    response = client.get("/opportunities/", query)
    assert response.status_code == 200
    return re.findall(
        r'<h3 class="govuk-heading-s[^"]*"><a class="govuk-link" href="[^"]+">([^<]+)</a>', response.content.decode()
    )


@pytest.fixture
def three_places(hub_a: HubArea, hub_b: HubArea) -> dict[str, Listing]:
    """St Albans (AL1), Stevenage (SG1) and Birmingham (B15): known centres about 0, 20 and 130 km from AL1."""
    return {
        "st_albans": listed(hub=hub_a, name="St Albans strings", postcode="AL1 3LX"),
        "stevenage": listed(hub=hub_a, name="Stevenage band", postcode="SG1 1AA"),
        "birmingham": listed(hub=hub_b, name="Edgbaston choir", postcode="B15 2TT"),
    }


def test_results_are_nearest_first_with_their_distances(client: Client, three_places: dict[str, Listing]) -> None:
    response = client.get("/opportunities/", {"postcode": "al1 3ab"})
    page = response.content.decode()
    assert names(client, postcode="AL1 3AB") == ["St Albans strings", "Stevenage band", "Edgbaston choir"]
    assert "3 activities nearest AL1 first" in page
    assert "0.0 km away" in page
    distances = [float(km) for km in re.findall(r"([0-9.]+) km away", page)]
    assert distances == sorted(distances)
    assert 15 < distances[1] < 25
    assert 120 < distances[2] < 140


def test_an_unknown_postcode_is_named_next_to_the_field(client: Client, three_places: dict[str, Listing]) -> None:
    response = client.get("/opportunities/", {"postcode": "ZZ9 9ZZ", "age": "9"})
    page = response.content.decode()
    assert "Error: Find music activities" in page
    assert 'href="#id_postcode">We do not know where postcode district ZZ9 is' in page
    assert 'value="ZZ9 9ZZ"' in page
    assert 'value="9"' in page
    assert names(client, postcode="ZZ9 9ZZ") == []


def test_text_that_is_no_postcode_says_what_one_looks_like(client: Client) -> None:
    page = client.get("/opportunities/", {"postcode": "near me"}).content.decode()
    assert "“near me” is not a postcode. Enter a postcode like AL1 3AB, or its first half, like AL1." in page


def test_age_matches_age_ranges_and_year_groups(client: Client, hub_a: HubArea) -> None:
    listed(hub=hub_a, name="Ages 8 to 11", age_from=8, age_to=11)
    listed(hub=hub_a, name="Ages 12 to 18", age_from=12, age_to=18)
    listed(hub=hub_a, name="Years 4 to 6", year_group_from=4, year_group_to=6)
    listed(hub=hub_a, name="Years 7 to 9", year_group_from=7, year_group_to=9)
    listed(hub=hub_a, name="Anyone")
    assert names(client, age=9) == ["Ages 8 to 11", "Anyone", "Years 4 to 6"]
    assert names(client, year_group=8) == ["Ages 12 to 18", "Anyone", "Years 7 to 9"]


def test_instrument_kind_and_send_filters(client: Client, hub_a: HubArea) -> None:
    violin = Instrument.objects.get(name="Violin")
    strings = listed(hub=hub_a, name="Strings")
    strings.activity.instruments.add(violin)
    Listing.objects.filter(pk=strings.pk).update(kind=Listing.Kind.LESSONS)
    listed(hub=hub_a, name="Adapted", send_adapted=True, send_adaptation="Small groups, a quiet room.")
    assert names(client, instrument=violin.pk) == ["Strings"]
    assert names(client, kind="lessons") == ["Strings"]
    assert names(client, send="on") == ["Adapted"]


def test_day_and_time_of_day(client: Client, hub_a: HubArea) -> None:
    listed(hub=hub_a, name="Saturday morning", weekday=SATURDAY, starts_at=datetime.time(9, 30))
    listed(hub=hub_a, name="Saturday afternoon", weekday=SATURDAY, starts_at=datetime.time(14))
    listed(hub=hub_a, name="Monday evening", weekday=MONDAY, starts_at=datetime.time(18))
    assert names(client, day=SATURDAY) == ["Saturday afternoon", "Saturday morning"]
    assert names(client, day=SATURDAY, time="morning") == ["Saturday morning"]
    assert names(client, time="evening") == ["Monday evening"]


def test_free_or_with_remission(client: Client, hub_a: HubArea) -> None:
    listed(hub=hub_a, name="Free", fee_basis=Activity.FeeBasis.FREE)
    paid = listed(hub=hub_a, name="Paid with remission", fee_basis=Activity.FeeBasis.PER_TERM, fee_pence=4500)
    Listing.objects.filter(pk=paid.pk).update(remission_available=True)
    listed(hub=hub_a, name="Paid", fee_basis=Activity.FeeBasis.PER_TERM, fee_pence=4500)
    assert names(client, cost="free") == ["Free"]
    assert names(client, cost="help") == ["Free", "Paid with remission"]


def test_only_public_listings_are_found(client: Client, hub_a: HubArea) -> None:
    hidden = listed(hub=hub_a, name="Not yet shown")
    Listing.objects.filter(pk=hidden.pk).update(is_public=False)
    assert names(client) == []
    assert client.get(f"/opportunities/{hidden.public_id}/").status_code == 404


def test_nothing_found_suggests_what_to_widen(client: Client, hub_a: HubArea) -> None:
    listed(hub=hub_a, name="Weekday band", weekday=MONDAY)
    page = client.get("/opportunities/", {"day": str(SATURDAY.value), "send": "on"}).content.decode()
    assert "No activities found" in page
    assert "include activities not marked as adapted for SEND" in page
    assert "choose any day" in page
    assert "choose any time of day" not in page  # not one of the choices made


def test_results_come_twenty_to_a_page_keeping_the_search(client: Client, hub_a: HubArea) -> None:
    for number in range(25):
        listed(hub=hub_a, name=f"Band {number:02d}")
    first = names(client, postcode="AL1")
    second = names(client, postcode="AL1", page=2)
    assert len(first) == 20
    assert len(second) == 5
    assert not set(first) & set(second)
    page = client.get("/opportunities/", {"postcode": "AL1"}).content.decode()
    assert 'href="?postcode=AL1&amp;page=2"' in page


def test_the_finder_reads_in_a_fixed_number_of_queries(
    client: Client, hub_a: HubArea, django_assert_max_num_queries
) -> None:
    for number in range(15):
        listed(hub=hub_a, name=f"Band {number:02d}", weekday=MONDAY)
    with django_assert_max_num_queries(12):
        client.get("/opportunities/", {"postcode": "AL1"})
