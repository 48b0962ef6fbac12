"""Writes for term calendars: a hub's year, its terms, half-terms and closure days."""

from datetime import date

from django.db import transaction

from tutti.network.models import HubArea
from tutti.programmes.models import CalendarBreak, Term, TermCalendar


def calendar_create(*, hub: HubArea, academic_year: int) -> TermCalendar:
    """Start the hub's calendar for an academic year (the terms are added next)."""
    return TermCalendar.objects.create(hub=hub, academic_year=academic_year)


@transaction.atomic
def term_set(*, calendar: TermCalendar, name: Term.Name, starts_on: date, ends_on: date) -> Term:
    """Set the dates of one term, creating it the first time; validated against the academic year."""
    term = Term.objects.filter(calendar=calendar, name=name).first() or Term(calendar=calendar, name=name)
    term.starts_on, term.ends_on = starts_on, ends_on
    term.full_clean()
    term.save()
    return term


def break_add(
    *, calendar: TermCalendar, kind: CalendarBreak.Kind, name: str, starts_on: date, ends_on: date
) -> CalendarBreak:
    """Add a half-term or closure; sessions already generated on those days go at the next regeneration."""
    pause = CalendarBreak(calendar=calendar, kind=kind, name=name, starts_on=starts_on, ends_on=ends_on)
    pause.full_clean()
    pause.save()
    return pause


def break_remove(*, pause: CalendarBreak) -> None:
    pause.delete()
