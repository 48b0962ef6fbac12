"""Setting up an activity in the browser's forms: every field, tutors with checks, sessions generated."""

import datetime

from django.test import Client
from django.urls import reverse

from tutti.accounts.models import User
from tutti.accounts.testing import sign_in
from tutti.network.models import Aim, HubArea, StrategicFunction
from tutti.network.tests.factories import LocalAuthorityFactory
from tutti.programmes.models import Activity, Instrument, StaffMember, TermCalendar
from tutti.programmes.tests.factories import ActivityFactory, StaffMemberFactory, cleared
from tutti.schools.tests.factories import SchoolFactory


def _wcet_post(calendar: TermCalendar, **changes: object) -> dict[str, object]:
    school = SchoolFactory.create(local_authority=LocalAuthorityFactory.create(hub_area=calendar.hub), name="Oak")
    autumn = calendar.terms.get(name="autumn")
    data: dict[str, object] = {
        "name": "Year 4 violins, Oak Primary",
        "kind": "wcet",
        "calendar": calendar.pk,
        "aims": [Aim.objects.first().pk],  # type: ignore[union-attr]
        "functions": [StrategicFunction.objects.first().pk],  # type: ignore[union-attr]
        "school": school.pk,
        "year_group_from": "4",
        "year_group_to": "4",
        "instruments": [Instrument.objects.get(name="Violin").pk],
        "capacity": "30",
        "fee_basis": "free",
        "slot-weekday": "1",
        "slot-starts_at": "09:15",
        "slot-ends_at": "10:00",
        "slot-terms": [autumn.pk],
    }
    data.update(changes)
    return data


def test_a_manager_adds_a_wcet_class_and_its_autumn_tuesdays_are_generated(
    hub_a: HubArea, hub_a_manager: User, hub_a_calendar: TermCalendar, hub_a_tutor_staff: StaffMember
) -> None:
    client = sign_in(Client(), hub_a_manager)
    response = client.post(
        reverse("programmes:activity_create"), _wcet_post(hub_a_calendar, tutors=[hub_a_tutor_staff.pk])
    )

    activity = Activity.objects.for_hub(hub_a).get()
    assert response["Location"] == reverse("programmes:activity", kwargs={"public_id": activity.public_id})
    # Autumn 2025: 15 Tuesdays from 9 September to 16 December, less 28 October (half-term) and 18 November (INSET).
    assert activity.sessions.count() == 13
    assert list(activity.tutors.all()) == [hub_a_tutor_staff]
    page = client.get(response["Location"]).content.decode()
    assert "Year 4 violins, Oak Primary added: 13 sessions created." in page
    assert "Tue 18 Nov 2025" not in page  # the INSET day
    assert "Tue 11 Nov 2025" in page


def test_the_form_keeps_what_was_typed_and_names_each_problem(
    hub_a: HubArea, hub_a_manager: User, hub_a_calendar: TermCalendar
) -> None:
    client = sign_in(Client(), hub_a_manager)
    data = _wcet_post(
        hub_a_calendar,
        school="",
        level="advanced",
        fee_basis="per_term",
        send_adapted="on",
        **{"slot-ends_at": "09:00"},
    )
    page = client.post(reverse("programmes:activity_create"), data).content.decode()

    assert "Whole-class ensemble teaching happens in a school: choose the school." in page
    assert "Only ensembles, choirs and music centres have a level" in page
    assert "Enter the fee in pounds, or choose free." in page
    assert "Say how the activity is adapted for children with SEND." in page
    assert "The end time must be after the start time." in page
    assert 'value="Year 4 violins, Oak Primary"' in page
    assert 'value="09:15"' in page
    assert not Activity.objects.exists()


def test_a_tutor_whose_check_ran_out_is_refused_with_their_name_and_nothing_is_saved(
    hub_a: HubArea, hub_a_manager: User, hub_a_calendar: TermCalendar
) -> None:
    lapsed = StaffMemberFactory.create(hub=hub_a, first_name="Grace", last_name="Hopper")
    cleared(lapsed, by=hub_a_manager, issued_on=datetime.date.today() - datetime.timedelta(days=4 * 365))
    client = sign_in(Client(), hub_a_manager)
    form_page = client.get(reverse("programmes:activity_create")).content.decode()
    assert "Grace Hopper" not in form_page  # only staff with a valid check are offered

    page = client.post(reverse("programmes:activity_create"), _wcet_post(hub_a_calendar, tutors=[lapsed.pk]))
    assert "Grace Hopper has no valid DBS check" in page.content.decode()
    assert not Activity.objects.exists()


def test_editing_changes_details_and_a_new_weekly_time_adds_sessions(
    hub_a: HubArea, hub_a_manager: User, hub_a_calendar: TermCalendar
) -> None:
    activity = ActivityFactory.create(hub=hub_a, calendar=hub_a_calendar, name="Junior band", kind="ensemble")
    spring = hub_a_calendar.terms.get(name="spring")
    url = reverse("programmes:activity_edit", kwargs={"public_id": activity.public_id})
    client = sign_in(Client(), hub_a_manager)
    assert 'value="Junior band"' in client.get(url).content.decode()

    data = {
        "name": "Junior wind band",
        "kind": "ensemble",
        "place_name": "Hatfield music centre",
        "place_postcode": "al10 8ab",
        "level": "intermediate",
        "capacity": "40",
        "fee_basis": "per_term",
        "fee": "45.50",
        "slot-weekday": "5",
        "slot-starts_at": "10:00",
        "slot-ends_at": "12:00",
        "slot-terms": [spring.pk],
    }
    response = client.post(url, data)
    assert response.status_code == 302
    activity.refresh_from_db()
    assert (activity.name, activity.level, activity.fee_pence, activity.place_postcode) == (
        "Junior wind band",
        "intermediate",
        4550,
        "AL10 8AB",
    )
    # Spring 2026 has 11 Saturdays (10 January to 21 March); February half-term (Monday to Friday) takes none.
    assert activity.sessions.count() == 11

    without_time = {key: value for key, value in data.items() if not key.startswith("slot-")}
    response = client.post(url, {**without_time, "capacity": "41"})
    assert response.status_code == 302
    assert activity.sessions.count() == 11
    assert client.get(response["Location"]).content.decode().count("0 sessions created") == 1


def test_another_hubs_activity_pages_are_404(hub_b: HubArea, hub_a_manager: User) -> None:
    theirs = ActivityFactory.create(hub=hub_b)
    client = sign_in(Client(), hub_a_manager)
    for name in ("programmes:activity", "programmes:activity_edit"):
        assert client.get(reverse(name, kwargs={"public_id": theirs.public_id})).status_code == 404
