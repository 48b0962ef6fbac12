"""A learner's page links its activities and its attendance; the attendance page is scoped and audited like it."""

import datetime

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tutti.accounts.models import AuditEvent, User
from tutti.accounts.testing import sign_in
from tutti.core.testing.lists import links
from tutti.learners.models import Learner
from tutti.learners.tests.factories import LearnerFactory
from tutti.network.models import HubArea
from tutti.programmes.models import Activity, Attendance, Enrolment, Session
from tutti.programmes.tests.factories import ActivityFactory, StaffMemberFactory


def _marked(activity: Activity, learner: Learner, by: User, *, days: int = 1) -> None:
    """``days`` sessions of the activity, a day apart, each with the learner marked present."""
    for day in range(days):
        session = Session.objects.create(
            activity=activity,
            date=datetime.date(2025, 10, 1) + datetime.timedelta(days=day),
            starts_at=datetime.time(16),
            ends_at=datetime.time(17),
        )
        Attendance.objects.create(session=session, learner=learner, mark=Attendance.Mark.PRESENT, marked_by=by)


def _enrol(activity: Activity, learner: Learner, by: User) -> None:
    Enrolment.objects.create(
        hub=activity.hub,
        activity=activity,
        learner=learner,
        status=Enrolment.Status.ACTIVE,
        applied_on="2025-09-01",
        changed_by=by,
    )


def _attendance_url(learner: Learner) -> str:
    return reverse("learners:learner_attendance", kwargs={"public_id": learner.public_id})


def test_the_learner_page_links_each_activity_and_the_learners_attendance(hub_a: HubArea, hub_a_manager: User) -> None:
    learner = LearnerFactory.create(hub=hub_a, first_name="Tamsin", last_name="Oboe")
    activity = ActivityFactory.create(hub=hub_a, name="Saturday wind band")
    _enrol(activity, learner, hub_a_manager)

    page = sign_in(Client(), hub_a_manager).get(reverse("learners:learner_detail", args=[learner.public_id]))
    found = links(page.content.decode())

    assert found["Saturday wind band"] == reverse("programmes:activity", args=[activity.public_id])
    assert found["Tamsin Oboe's attendance"] == _attendance_url(learner)


def test_the_attendance_page_lists_the_marks_and_is_audited_as_a_view_of_the_childs_record(
    hub_a: HubArea, hub_a_manager: User
) -> None:
    learner = LearnerFactory.create(hub=hub_a)
    _marked(ActivityFactory.create(hub=hub_a, name="Junior strings"), learner, hub_a_manager, days=3)

    response = sign_in(Client(), hub_a_manager).get(_attendance_url(learner))

    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store"
    assert "3 marks, latest first" in response.content.decode()
    assert "Wed 1 Oct 2025" in response.content.decode()
    event = AuditEvent.objects.for_hub(hub_a).get(action=AuditEvent.Action.LEARNER_VIEWED)
    assert event.detail == learner.reference
    assert event.path == _attendance_url(learner)


def test_a_learner_with_no_marks_yet_has_an_attendance_page_saying_so(hub_a: HubArea, hub_a_manager: User) -> None:
    learner = LearnerFactory.create(hub=hub_a)

    response = sign_in(Client(), hub_a_manager).get(_attendance_url(learner))

    assert response.status_code == 200
    assert "No attendance marked yet." in response.content.decode()


def test_a_tutor_sees_the_marks_of_their_own_activities_and_no_learner_outside_them(
    hub_a: HubArea, hub_a_tutor: User, hub_a_manager: User
) -> None:
    mine = ActivityFactory.create(hub=hub_a, name="Tutor's own guitar group")
    mine.tutors.add(StaffMemberFactory.create(hub=hub_a, user=hub_a_tutor))
    theirs = ActivityFactory.create(hub=hub_a, name="Someone else's choir")
    learner, stranger = LearnerFactory.create(hub=hub_a), LearnerFactory.create(hub=hub_a)
    _enrol(mine, learner, hub_a_manager)
    _marked(mine, learner, hub_a_manager)
    _marked(theirs, learner, hub_a_manager)
    client = sign_in(Client(), hub_a_tutor)

    page = client.get(_attendance_url(learner)).content.decode()

    assert "Tutor&#x27;s own guitar group" in page
    assert "Someone else" not in page
    assert 'href="/hub/programmes/activities/' not in page  # a tutor cannot open an activity's page
    assert client.get(_attendance_url(stranger)).status_code == 404


def test_the_attendance_page_reads_the_same_number_of_queries_for_one_mark_or_many(
    hub_a: HubArea, hub_a_manager: User
) -> None:
    learner = LearnerFactory.create(hub=hub_a)
    activity = ActivityFactory.create(hub=hub_a)
    _marked(activity, learner, hub_a_manager)
    client = sign_in(Client(), hub_a_manager)
    client.get(_attendance_url(learner))

    with CaptureQueriesContext(connection) as one:
        client.get(_attendance_url(learner))
    _marked(ActivityFactory.create(hub=hub_a), learner, hub_a_manager, days=30)
    with CaptureQueriesContext(connection) as many:
        client.get(_attendance_url(learner))

    assert len(many.captured_queries) == len(one.captured_queries)
