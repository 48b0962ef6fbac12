"""From an activity's page: marking an enrolment completed, and removing a weekly time with its future sessions."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from tutti.accounts.models import AuditEvent, Role, User
from tutti.accounts.testing import person, sign_in
from tutti.network.models import HubArea
from tutti.programmes.models import Activity, Attendance, Enrolment, Session, Term, TermCalendar, WeeklySlot
from tutti.programmes.services.activities import activity_weekly_time_remove, sessions_generate, slot_add
from tutti.programmes.services.enrolments import enrolment_apply, enrolment_enrol
from tutti.programmes.tests.factories import ActivityFactory, calendar_2025_26, learner

TUESDAY, THURSDAY = WeeklySlot.Weekday.TUESDAY, WeeklySlot.Weekday.THURSDAY
# A day in autumn term 2025: Tuesday 4 November, between half-term and the INSET day.
TODAY = datetime.date(2025, 11, 4)


def test_a_manager_marks_an_active_learner_completed_and_their_place_is_freed(
    hub_a: HubArea, hub_a_manager: User
) -> None:
    activity = ActivityFactory.create(hub=hub_a, name="Year 4 violins", capacity=2)
    enrolment = enrolment_enrol(activity=activity, learner=learner(hub_a, first_name="Gwen"), by=hub_a_manager)
    client = sign_in(Client(), hub_a_manager)
    page = client.get(reverse("programmes:activity", kwargs={"public_id": activity.public_id})).content.decode()
    assert 'Mark as completed<span class="govuk-visually-hidden"> for Gwen Testperson</span>' in page

    url = reverse("programmes:enrolment_complete", kwargs={"public_id": enrolment.public_id})
    done = client.post(url, follow=True).content.decode()

    assert "Gwen Testperson completed Year 4 violins." in done
    enrolment.refresh_from_db()
    activity.refresh_from_db()
    assert enrolment.status == Enrolment.Status.COMPLETED
    assert enrolment.ended_on == timezone.localdate()
    assert activity.places_taken == 0
    assert "Left the activity" in done
    event = AuditEvent.objects.get(action=AuditEvent.Action.ENROLMENT_CHANGED, hub=hub_a)
    assert event.detail == f"{enrolment.learner.reference} completed Year 4 violins"
    assert event.actor == hub_a_manager


def test_only_an_active_enrolment_can_be_completed_and_a_get_changes_nothing(
    hub_a: HubArea, hub_a_manager: User
) -> None:
    activity = ActivityFactory.create(hub=hub_a)
    applicant = enrolment_apply(activity=activity, learner=learner(hub_a, first_name="Hari"), by=hub_a_manager)
    client = sign_in(Client(), hub_a_manager)
    url = reverse("programmes:enrolment_complete", kwargs={"public_id": applicant.public_id})

    assert client.get(url).status_code == 405
    refused = client.post(url, follow=True).content.decode()

    assert "Hari Testperson was not marked as completed: Only an active enrolment can be completed." in refused
    applicant.refresh_from_db()
    assert applicant.status == Enrolment.Status.APPLIED
    assert not AuditEvent.objects.filter(action=AuditEvent.Action.ENROLMENT_CHANGED).exists()


def _two_weekly_times(hub: HubArea, calendar: TermCalendar) -> tuple[Activity, WeeklySlot, WeeklySlot]:
    activity = ActivityFactory.create(hub=hub, calendar=calendar, name="Junior band")
    autumn = calendar.terms.get(name=Term.Name.AUTUMN)
    tuesdays = slot_add(
        activity=activity, weekday=TUESDAY, starts_at=datetime.time(16), ends_at=datetime.time(17), terms=[autumn]
    )
    thursdays = slot_add(
        activity=activity, weekday=THURSDAY, starts_at=datetime.time(16), ends_at=datetime.time(17), terms=[autumn]
    )
    sessions_generate(activity=activity)
    return activity, tuesdays, thursdays


def test_removing_a_weekly_time_removes_its_future_unmarked_sessions_and_keeps_the_rest(
    hub_a: HubArea, hub_a_manager: User, hub_a_calendar: TermCalendar, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: TODAY)
    activity, tuesdays, thursdays = _two_weekly_times(hub_a, hub_a_calendar)
    sessions = Session.objects.filter(activity=activity, slot=tuesdays)
    # Autumn Tuesdays from 4 November: 4, 11, 25 November and 2, 9, 16 December (18 November is an INSET day).
    assert sessions.filter(date__gte=TODAY).count() == 6
    marked = sessions.get(date=datetime.date(2025, 11, 11))
    Attendance.objects.create(
        session=marked,
        learner=learner(hub_a),
        mark=Attendance.Mark.PRESENT,
        marked_by=person(hub=hub_a, roles=[Role.TUTOR]),
    )
    delivered = sessions.get(date=datetime.date(2025, 12, 2))
    delivered.status = Session.Status.DELIVERED
    delivered.save()
    earlier = sessions.get(date=datetime.date(2025, 10, 21))  # before today, its register never taken
    thursday_count = Session.objects.filter(slot=thursdays).count()
    client = sign_in(Client(), hub_a_manager)
    url = reverse("programmes:weekly_time_remove", kwargs={"public_id": activity.public_id, "slot_id": tuesdays.pk})

    confirm = client.get(url).content.decode()
    assert "Stop meeting Tuesday 16:00 to 17:00?" in confirm
    assert "4 planned sessions from today onwards, with no marks, will be removed." in confirm
    assert WeeklySlot.objects.filter(pk=tuesdays.pk).exists()  # opening the page changes nothing

    done = client.post(url, follow=True).content.decode()

    assert "Junior band no longer meets Tuesday 16:00 to 17:00: 4 planned sessions removed." in done
    assert not WeeklySlot.objects.filter(pk=tuesdays.pk).exists()
    tuesdays_left = Session.objects.filter(activity=activity, date__week_day=3)  # Django counts Sunday as 1
    assert set(tuesdays_left.filter(date__gte=TODAY)) == {marked, delivered}
    assert tuesdays_left.filter(pk=earlier.pk).exists()
    assert Session.objects.filter(slot=thursdays).count() == thursday_count  # the other weekly time is untouched
    assert "Tuesday 16:00 to 17:00" not in done.split('id="details"')[1].split("</dl>")[0]
    event = AuditEvent.objects.get(action=AuditEvent.Action.ACTIVITY_CHANGED, hub=hub_a)
    assert event.actor == hub_a_manager
    assert event.detail == "Junior band: weekly time Tuesday 16:00 to 17:00 removed (4 planned sessions removed)"


def test_regenerating_after_a_removal_does_not_bring_the_weekly_time_back(
    hub_a: HubArea, hub_a_manager: User, hub_a_calendar: TermCalendar
) -> None:
    activity, tuesdays, _ = _two_weekly_times(hub_a, hub_a_calendar)
    removed = activity_weekly_time_remove(activity=activity, weekly_time=tuesdays, by=hub_a_manager, on=TODAY)

    assert removed == 6
    assert sessions_generate(activity=activity).created == 0
    assert not Session.objects.filter(activity=activity, date__week_day=3, date__gte=TODAY).exists()


def test_a_weekly_time_of_another_activity_or_another_hub_is_not_found(
    hub_a: HubArea, hub_b: HubArea, hub_a_manager: User, hub_a_calendar: TermCalendar
) -> None:
    activity, _, _ = _two_weekly_times(hub_a, hub_a_calendar)
    other_hubs, their_tuesdays, _ = _two_weekly_times(hub_b, calendar_2025_26(hub_b))
    client = sign_in(Client(), hub_a_manager)

    theirs = reverse(
        "programmes:weekly_time_remove",
        kwargs={"public_id": other_hubs.public_id, "slot_id": their_tuesdays.pk},
    )
    assert client.post(theirs).status_code == 404
    mixed = reverse(
        "programmes:weekly_time_remove",
        kwargs={"public_id": activity.public_id, "slot_id": their_tuesdays.pk},
    )
    assert client.post(mixed).status_code == 404
    assert WeeklySlot.objects.filter(pk=their_tuesdays.pk).exists()
    assert not AuditEvent.objects.filter(action=AuditEvent.Action.ACTIVITY_CHANGED).exists()
