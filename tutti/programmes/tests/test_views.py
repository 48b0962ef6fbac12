"""The pages as people use them: tutors see only their own sessions, calendars are set up, lists export."""

import codecs
import csv
import datetime
import io

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from tutti.accounts.models import User
from tutti.accounts.testing import sign_in
from tutti.network.models import HubArea
from tutti.programmes.models import Activity, Session, StaffMember, TermCalendar
from tutti.programmes.services.activities import tutor_assign
from tutti.programmes.services.enrolments import enrolment_enrol
from tutti.programmes.tests.factories import ActivityFactory, learner
from tutti.schools.tests.factories import SchoolFactory


def _session(activity: Activity) -> Session:
    return Session.objects.create(
        activity=activity, date=timezone.localdate(), starts_at=datetime.time(9), ends_at=datetime.time(10)
    )


def test_a_tutor_cannot_open_another_tutors_register(
    hub_a: HubArea, hub_a_tutor: User, hub_a_tutor_staff: StaffMember
) -> None:
    others = _session(ActivityFactory.create(hub=hub_a, name="Brass band"))
    mine_activity = ActivityFactory.create(hub=hub_a, name="Junior choir")
    tutor_assign(activity=mine_activity, tutor=hub_a_tutor_staff)
    mine = _session(mine_activity)
    client = sign_in(Client(), hub_a_tutor)

    today = client.get(reverse("programmes:today")).content.decode()
    assert "Junior choir" in today
    assert "Brass band" not in today
    assert client.get(reverse("programmes:register", kwargs={"public_id": mine.public_id})).status_code == 200
    assert client.get(reverse("programmes:register", kwargs={"public_id": others.public_id})).status_code == 404
    attendance = reverse("programmes:activity_attendance", kwargs={"public_id": others.activity.public_id})
    assert client.get(attendance).status_code == 404


def test_a_part_marked_register_keeps_what_was_marked_and_says_how_many_are_left(
    hub_a: HubArea, hub_a_tutor: User, hub_a_tutor_staff: StaffMember, hub_a_manager: User
) -> None:
    activity = ActivityFactory.create(hub=hub_a, name="Junior strings")
    tutor_assign(activity=activity, tutor=hub_a_tutor_staff)
    first, second = learner(hub_a, first_name="Iris"), learner(hub_a, first_name="Jude")
    for child in (first, second):
        enrolment_enrol(activity=activity, learner=child, by=hub_a_manager)
    session = _session(activity)
    client = sign_in(Client(), hub_a_tutor)
    url = reverse("programmes:register", kwargs={"public_id": session.public_id})

    response = client.post(url, {"action": "mark", f"learner-{first.pk}": "present"}, follow=True)
    page = response.content.decode()
    assert response.redirect_chain[-1][0] == url  # back to the register to finish it
    assert "Register saved for Junior strings: 1 present, 0 absent, 1 to mark." in page
    assert dict(session.attendance.values_list("learner__first_name", "mark")) == {"Iris": "present"}

    response = client.post(url, {"action": "mark", f"learner-{first.pk}": "present", f"learner-{second.pk}": "excused"})
    assert response["Location"] == reverse("programmes:today")
    assert dict(session.attendance.values_list("learner__first_name", "mark")) == {"Iris": "present", "Jude": "excused"}


def test_a_register_with_no_mark_at_all_is_refused_naming_the_way_out(
    hub_a: HubArea, hub_a_tutor: User, hub_a_tutor_staff: StaffMember, hub_a_manager: User
) -> None:
    activity = ActivityFactory.create(hub=hub_a)
    tutor_assign(activity=activity, tutor=hub_a_tutor_staff)
    enrolment_enrol(activity=activity, learner=learner(hub_a), by=hub_a_manager)
    session = _session(activity)
    url = reverse("programmes:register", kwargs={"public_id": session.public_id})
    response = sign_in(Client(), hub_a_tutor).post(url, {"action": "mark"})
    assert response.status_code == 200
    assert (
        "Mark at least one learner, or record below that the session did not take place." in response.content.decode()
    )
    assert not session.attendance.exists()


def test_a_session_not_delivered_is_recorded_from_the_register(
    hub_a: HubArea, hub_a_tutor: User, hub_a_tutor_staff: StaffMember
) -> None:
    activity = ActivityFactory.create(hub=hub_a)
    tutor_assign(activity=activity, tutor=hub_a_tutor_staff)
    session = _session(activity)
    url = reverse("programmes:register", kwargs={"public_id": session.public_id})
    response = sign_in(Client(), hub_a_tutor).post(url, {"action": "not_delivered", "nd-reason": "tutor_absence"})
    assert response.status_code == 302
    session.refresh_from_db()
    assert (session.status, session.reason) == ("not_delivered", "tutor_absence")


def test_a_manager_sets_up_a_calendar_and_sees_a_term_outside_the_year_refused(
    hub_a: HubArea, hub_a_manager: User
) -> None:
    client = sign_in(Client(), hub_a_manager)
    response = client.post(reverse("programmes:calendars"), {"year": "2026/27"})
    assert response["Location"] == reverse("programmes:calendar", kwargs={"year": 2026})
    url = response["Location"]

    bad = client.post(
        url, {"action": "term", "term-name": "autumn", "term-starts_on": "2026-09-02", "term-ends_on": "2027-09-20"}
    )
    assert "The end date must fall in 2026/27" in bad.content.decode()
    good = client.post(
        url, {"action": "term", "term-name": "autumn", "term-starts_on": "2026-09-02", "term-ends_on": "2026-12-18"}
    )
    assert good.status_code == 302
    client.post(
        url,
        {
            "action": "break",
            "break-kind": "half_term",
            "break-name": "October half-term",
            "break-starts_on": "2026-10-26",
            "break-ends_on": "2026-10-30",
        },
    )
    calendar = TermCalendar.objects.for_hub(hub_a).get(academic_year=2026)
    assert calendar.terms.get().ends_on == datetime.date(2026, 12, 18)
    assert calendar.breaks.get().name == "October half-term"
    assert (
        "A calendar for 2026/27"
        not in client.post(reverse("programmes:calendars"), {"year": "2026/27"}).content.decode()
    )
    assert (
        "already has a calendar for 2026/27"
        in client.post(reverse("programmes:calendars"), {"year": "2026/27"}).content.decode()
    )


def test_the_activity_export_holds_the_filtered_rows_in_csv_and_xlsx(hub_a: HubArea, hub_a_manager: User) -> None:
    ActivityFactory.create(
        hub=hub_a,
        name="County youth orchestra",
        kind=Activity.Kind.ENSEMBLE,
        level=Activity.Level.COUNTY,
        fee_basis=Activity.FeeBasis.PER_TERM,
        fee_pence=45_00,
    )
    ActivityFactory.create(hub=hub_a, calendar=TermCalendar.objects.for_hub(hub_a).get(), name="Beginner guitar")
    client = sign_in(Client(), hub_a_manager)
    url = reverse("programmes:activities")

    page = client.get(url, {"kind": "ensemble"}).content.decode()
    download = client.get(url, {"kind": "ensemble", "export": "csv"}).content
    rows = list(csv.reader(io.StringIO(download.decode("utf-8-sig"))))
    sheet = load_workbook(io.BytesIO(client.get(url, {"kind": "ensemble", "export": "xlsx"}).content)).active

    assert "County youth orchestra" in page
    assert "Beginner guitar" not in page
    assert [row[0] for row in rows] == ["Activity", "County youth orchestra"]
    assert rows[1][4] == "County or area"
    # The byte-order mark, then "£" as UTF-8: what Excel on Windows needs to show the fee as written.
    assert download.startswith(codecs.BOM_UTF8)
    assert rows[1][7] == "£45 per term"
    assert "£45".encode() in download
    assert sheet is not None
    assert [row[0] for row in sheet.iter_rows(values_only=True)] == ["Activity", "County youth orchestra"]


def test_the_activity_list_reads_in_the_same_number_of_queries_for_one_or_many_rows(
    hub_a: HubArea, hub_a_manager: User
) -> None:
    calendar = ActivityFactory.create(hub=hub_a).calendar
    client = sign_in(Client(), hub_a_manager)
    url = reverse("programmes:activities")
    client.get(url)  # sessions and caches warmed

    with CaptureQueriesContext(connection) as one:
        client.get(url)
    for _ in range(5):
        ActivityFactory.create(hub=hub_a, calendar=calendar, kind=Activity.Kind.WCET, school=SchoolFactory())
    with CaptureQueriesContext(connection) as six:
        client.get(url)

    assert len(six.captured_queries) == len(one.captured_queries)
