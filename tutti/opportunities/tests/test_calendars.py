"""The events calendar and the iCalendar feeds, parsed back with the icalendar library."""

import datetime

import pytest
from django.test import Client
from django.utils import timezone
from icalendar import Calendar

from tutti.network.models import HubArea
from tutti.opportunities.models import Listing
from tutti.opportunities.tests.factories import listed
from tutti.programmes.models import Session

pytestmark = pytest.mark.django_db


def session(listing: Listing, days_ahead: int, **fields: object) -> Session:
    return Session.objects.create(
        activity=listing.activity,
        date=timezone.localdate() + datetime.timedelta(days=days_ahead),
        starts_at=datetime.time(9, 30),
        ends_at=datetime.time(11),
        **fields,
    )


@pytest.fixture
def orchestra(hub_a: HubArea) -> Listing:
    listing = listed(hub=hub_a, name="Saturday orchestra")
    session(listing, 2)
    session(listing, 9, status=Session.Status.NOT_DELIVERED, reason=Session.Reason.TUTOR_ABSENCE)
    session(listing, 100)  # beyond the calendar's weeks
    return listing


def test_the_hub_feed_parses_back_with_times_place_and_cancellations(
    client: Client, orchestra: Listing, hub_b: HubArea
) -> None:
    session(listed(hub=hub_b, name="Birmingham choir"), 3)
    response = client.get("/opportunities/calendar/hertfordshire.ics")
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = Calendar.from_ical(response.content)
    events = calendar.walk("VEVENT")
    assert [str(event["summary"]) for event in events] == ["Saturday orchestra", "Saturday orchestra"]
    first, cancelled = events
    start = first.decoded("dtstart")
    assert (start.date(), start.hour, start.minute) == (timezone.localdate() + datetime.timedelta(days=2), 9, 30)
    assert str(start.tzinfo) == "Europe/London"
    assert str(first["location"]).startswith(orchestra.venue.name)
    assert str(first["url"]) == f"http://testserver/opportunities/{orchestra.public_id}/"
    assert (str(first["status"]), str(cancelled["status"])) == ("CONFIRMED", "CANCELLED")
    assert "tutor absence" in str(cancelled["description"])
    assert calendar.walk("VTIMEZONE"), "calendar apps need the zone's clock changes"


def test_an_activity_feed_has_only_its_own_sessions(client: Client, orchestra: Listing, hub_a: HubArea) -> None:
    session(listed(hub=hub_a, name="Brass band"), 1)
    events = Calendar.from_ical(client.get(f"/opportunities/{orchestra.public_id}/calendar.ics").content).walk("VEVENT")
    assert {str(event["summary"]) for event in events} == {"Saturday orchestra"}
    assert len({str(event["uid"]) for event in events}) == 2


def test_the_calendar_page_lists_each_hub_or_one(client: Client, orchestra: Listing, hub_b: HubArea) -> None:
    session(listed(hub=hub_b, name="Birmingham choir"), 3)
    every = client.get("/opportunities/calendar/").content.decode()
    assert "Saturday orchestra" in every
    assert "Birmingham choir" in every
    assert "Cancelled" in every
    one = client.get("/opportunities/calendar/", {"hub": "birmingham"}).content.decode()
    assert "Birmingham choir" in one
    assert "Saturday orchestra" not in one
    unknown = client.get("/opportunities/calendar/", {"hub": "atlantis"}).content.decode()
    assert "No hub with listed activities has that name" in unknown


def test_the_hub_page_lists_its_public_activities(client: Client, orchestra: Listing) -> None:
    page = client.get("/hubs/hertfordshire/").content.decode()
    assert f'href="/opportunities/{orchestra.public_id}/">Saturday orchestra</a>' in page
    assert 'href="/opportunities/calendar/hertfordshire.ics"' in page
