"""The events calendar across hubs or of one hub, and the iCalendar feeds a phone's calendar subscribes to."""

from itertools import groupby

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_safe

from tutti.network.models import HubArea
from tutti.opportunities import feeds, selectors
from tutti.opportunities.views.public import cached
from tutti.programmes.models import Session


def _addresses(request: HttpRequest, sessions: list[Session]) -> dict[int, str]:
    return {
        session.activity_id: request.build_absolute_uri(
            reverse("opportunities:listing", kwargs={"public_id": session.activity.listing.public_id})
        )
        for session in sessions
    }


@require_safe
@cached
def calendar(request: HttpRequest) -> HttpResponse:
    """The coming weeks' sessions of every hub's public activities, or one hub's (?hub=slug), by day."""
    hubs = selectors.hubs_with_listings()
    chosen = request.GET.get("hub", "")
    hub = hubs.filter(slug=chosen).first() if chosen else None
    today = timezone.localdate()
    sessions = list(selectors.upcoming_sessions(hub=hub, starts_on=today))
    context = {
        "hubs": hubs,
        "hub": hub,
        "unknown_hub": bool(chosen) and hub is None,
        "days": [(day, list(rows)) for day, rows in groupby(sessions, key=lambda s: s.date)],
        "weeks": selectors.CALENDAR_DAYS // 7,
    }
    return render(request, "opportunities/calendar.html", context)


def _ics(name: str, body: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


@require_safe
@cached
def hub_feed(request: HttpRequest, slug: str) -> HttpResponse:
    hub = get_object_or_404(HubArea, slug=slug)
    sessions = list(selectors.upcoming_sessions(hub=hub, starts_on=timezone.localdate()))
    name = f"{hub.name}: music activities"
    return _ics(
        name, feeds.calendar_of(name=name, sessions=sessions, url_of=_addresses(request, sessions)), f"{slug}.ics"
    )


@require_safe
@cached
def listing_feed(request: HttpRequest, public_id: str) -> HttpResponse:
    listing = selectors.public_listing(public_id)
    if listing is None:
        raise Http404("No such public activity.")
    sessions = list(selectors.upcoming_sessions(listing=listing, starts_on=timezone.localdate()))
    name = listing.activity.name
    return _ics(
        name, feeds.calendar_of(name=name, sessions=sessions, url_of=_addresses(request, sessions)), "activity.ics"
    )
