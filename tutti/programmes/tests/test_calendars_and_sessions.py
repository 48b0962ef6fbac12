"""Term calendars and the sessions a weekly pattern generates against them."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from tutti.network.models import HubArea
from tutti.programmes.models import CalendarBreak, Session, Term, TermCalendar
from tutti.programmes.services.activities import sessions_generate, slot_add
from tutti.programmes.services.calendars import break_add, term_set
from tutti.programmes.tests.factories import ActivityFactory

TUESDAY = 1


def test_a_term_outside_the_academic_year_is_refused_naming_the_year(hub_a_calendar: TermCalendar) -> None:
    with pytest.raises(ValidationError) as error:
        term_set(
            calendar=hub_a_calendar,
            name=Term.Name.SUMMER,
            starts_on=datetime.date(2026, 4, 13),
            ends_on=datetime.date(2026, 9, 2),
        )
    assert "2025/26" in str(error.value.message_dict["ends_on"])


def test_a_term_ending_before_it_starts_is_refused(hub_a_calendar: TermCalendar) -> None:
    with pytest.raises(ValidationError) as error:
        term_set(
            calendar=hub_a_calendar,
            name=Term.Name.AUTUMN,
            starts_on=datetime.date(2025, 12, 1),
            ends_on=datetime.date(2025, 11, 1),
        )
    assert "after the first day" in str(error.value.message_dict["ends_on"])


def test_the_database_refuses_a_term_ending_before_it_starts(hub_a_calendar: TermCalendar) -> None:
    term = hub_a_calendar.terms.get(name=Term.Name.AUTUMN)
    with pytest.raises(IntegrityError), transaction.atomic():
        Term.objects.filter(pk=term.pk).update(ends_on=datetime.date(2025, 9, 1))


def test_tuesday_sessions_skip_half_term_and_the_inset_day(hub_a: HubArea, hub_a_calendar: TermCalendar) -> None:
    activity = ActivityFactory.create(hub=hub_a, calendar=hub_a_calendar)
    autumn = hub_a_calendar.terms.get(name=Term.Name.AUTUMN)
    slot_add(activity=activity, weekday=TUESDAY, starts_at=datetime.time(9), ends_at=datetime.time(10), terms=[autumn])

    result = sessions_generate(activity=activity)

    dates = list(activity.sessions.values_list("date", flat=True))
    # Tuesdays 9 Sep to 16 Dec 2025 are 15; less 28 Oct (half-term) and 18 Nov (INSET day).
    assert result.created == 13
    assert len(dates) == 13
    assert dates[0] == datetime.date(2025, 9, 9)
    assert dates[-1] == datetime.date(2025, 12, 16)
    assert datetime.date(2025, 10, 28) not in dates
    assert datetime.date(2025, 11, 18) not in dates
    assert all(day.weekday() == TUESDAY for day in dates)


def test_regenerating_changes_nothing_the_second_time(hub_a: HubArea, hub_a_calendar: TermCalendar) -> None:
    activity = ActivityFactory.create(hub=hub_a, calendar=hub_a_calendar)
    slot_add(
        activity=activity,
        weekday=TUESDAY,
        starts_at=datetime.time(9),
        ends_at=datetime.time(10),
        terms=hub_a_calendar.terms.all(),
    )
    first = sessions_generate(activity=activity)
    ids = set(activity.sessions.values_list("pk", flat=True))

    second = sessions_generate(activity=activity)

    assert first.created > 30
    assert (second.created, second.removed) == (0, 0)
    assert set(activity.sessions.values_list("pk", flat=True)) == ids


def test_a_closure_added_later_removes_planned_sessions_but_keeps_delivered_ones(
    hub_a: HubArea, hub_a_calendar: TermCalendar
) -> None:
    activity = ActivityFactory.create(hub=hub_a, calendar=hub_a_calendar)
    autumn = hub_a_calendar.terms.get(name=Term.Name.AUTUMN)
    slot_add(activity=activity, weekday=TUESDAY, starts_at=datetime.time(9), ends_at=datetime.time(10), terms=[autumn])
    sessions_generate(activity=activity)
    Session.objects.filter(activity=activity, date=datetime.date(2025, 9, 9)).update(status=Session.Status.DELIVERED)
    break_add(
        calendar=hub_a_calendar,
        kind=CalendarBreak.Kind.CLOSURE,
        name="Snow closure",
        starts_on=datetime.date(2025, 9, 9),
        ends_on=datetime.date(2025, 9, 16),
    )

    result = sessions_generate(activity=activity)

    dates = set(activity.sessions.values_list("date", flat=True))
    assert result.removed == 1
    assert datetime.date(2025, 9, 16) not in dates
    assert datetime.date(2025, 9, 9) in dates  # delivered: its register is a record


def test_a_slot_with_another_calendars_term_is_refused(hub_a: HubArea, hub_a_calendar: TermCalendar) -> None:
    other = TermCalendar.objects.create(hub=hub_a, academic_year=2026)
    term = term_set(
        calendar=other, name=Term.Name.AUTUMN, starts_on=datetime.date(2026, 9, 2), ends_on=datetime.date(2026, 12, 18)
    )
    activity = ActivityFactory.create(hub=hub_a, calendar=hub_a_calendar)
    with pytest.raises(ValidationError):
        slot_add(activity=activity, weekday=0, starts_at=datetime.time(9), ends_at=datetime.time(10), terms=[term])
