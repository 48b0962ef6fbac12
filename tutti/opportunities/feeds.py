"""iCalendar feeds of public sessions, written with the icalendar library (RFC 5545), for calendar apps.

Each event's UID is the session's public id, so a subscribed calendar updates a changed session in place;
a session not delivered stays in the feed as CANCELLED, so the phone shows it struck through.
"""

import datetime
from collections.abc import Iterable
from zoneinfo import ZoneInfo

from django.conf import settings
from icalendar import Calendar, Event

from tutti.programmes.models import Session

LOCAL = ZoneInfo(settings.TIME_ZONE)


def calendar_of(*, name: str, sessions: Iterable[Session], url_of: dict[int, str]) -> bytes:
    """A VCALENDAR of the sessions; ``url_of`` maps an activity's id to its public page's full address."""
    calendar = Calendar()
    calendar.add("prodid", "-//Tutti//Music Hub opportunities//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    for session in sessions:
        calendar.add_component(_event(session, url_of.get(session.activity_id, "")))
    # Europe/London's VTIMEZONE, so calendar apps place the times right across the clock changes.
    calendar.add_missing_timezones()
    return calendar.to_ical()


def _event(session: Session, url: str) -> Event:
    activity = session.activity
    event = Event()
    event.add("uid", f"{session.public_id}@tutti")
    event.add("summary", activity.name)
    event.add("dtstart", datetime.datetime.combine(session.date, session.starts_at, tzinfo=LOCAL))
    event.add("dtend", datetime.datetime.combine(session.date, session.ends_at, tzinfo=LOCAL))
    event.add("dtstamp", session.updated_at)
    venue = getattr(getattr(activity, "listing", None), "venue", None)
    if venue is not None:
        event.add("location", str(venue))
    if url:
        event.add("url", url)
    if session.status == Session.Status.NOT_DELIVERED:
        event.add("status", "CANCELLED")
        event.add("description", f"Not running: {session.get_reason_display().lower()}.")
    else:
        event.add("status", "CONFIRMED")
    return event
