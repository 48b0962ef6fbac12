"""Merging moves enrolments and register marks; a clash in one activity is settled, freeing a held place."""

import datetime

from django.test import Client
from django.urls import reverse

from tutti.accounts.models import AuditEvent, Role, User
from tutti.accounts.testing import person, sign_in
from tutti.learners.models import Learner
from tutti.learners.services.merge import learners_merge
from tutti.learners.tests.factories import LearnerFactory
from tutti.network.models import HubArea
from tutti.programmes.models import Attendance, Enrolment, Session
from tutti.programmes.services.activities import tutor_assign
from tutti.programmes.services.enrolments import enrolment_apply, enrolment_enrol
from tutti.programmes.tests.factories import ActivityFactory, StaffMemberFactory, cleared


def _pair(hub: HubArea) -> tuple[Learner, Learner]:
    keep = LearnerFactory.create(hub=hub, first_name="Tansy", last_name="Puddleby")
    merge = LearnerFactory.create(hub=hub, first_name="Tansy", last_name="Puddleby")
    return keep, merge


def test_merge_moves_enrolments_and_settles_a_clash_in_the_same_activity(hub_a: HubArea, hub_a_admin: User) -> None:
    keep, merge = _pair(hub_a)
    strings = ActivityFactory.create(hub=hub_a, name="Junior strings", capacity=2)
    brass = ActivityFactory.create(hub=hub_a, name="Brass band")
    choir = ActivityFactory.create(hub=hub_a, name="Training choir")
    waiting_child = LearnerFactory.create(hub=hub_a, first_name="Bartleby", last_name="Crumpetworth")

    enrolment_enrol(activity=strings, learner=keep, by=hub_a_admin)
    enrolment_enrol(activity=strings, learner=merge, by=hub_a_admin)  # the duplicate holds the second place
    waiting = enrolment_enrol(activity=strings, learner=waiting_child, by=hub_a_admin)
    assert waiting.status == Enrolment.Status.WAITING
    enrolment_apply(activity=brass, learner=keep, by=hub_a_admin)
    enrolment_enrol(activity=brass, learner=merge, by=hub_a_admin)
    enrolment_enrol(activity=choir, learner=merge, by=hub_a_admin)

    learners_merge(keep=keep, merge=merge, by=hub_a_admin)

    current = {e.activity.name: e.status for e in Enrolment.objects.filter(learner=keep, status__in=Enrolment.CURRENT)}
    assert current == {"Junior strings": "active", "Brass band": "active", "Training choir": "active"}
    assert Enrolment.objects.filter(learner=keep, status=Enrolment.Status.WITHDRAWN).count() == 2
    assert not Enrolment.objects.filter(learner=merge).exists()
    waiting.refresh_from_db()
    assert waiting.status == Enrolment.Status.OFFERED  # the duplicate's place went to the next in the queue
    strings.refresh_from_db()
    assert strings.places_taken == 2
    event = AuditEvent.objects.get(action=AuditEvent.Action.LEARNERS_MERGED)
    assert "2 enrolment(s) in the same activity withdrawn" in event.detail


def test_merge_keeps_one_register_mark_per_session_the_one_saying_the_child_was_there(
    hub_a: HubArea, hub_a_admin: User
) -> None:
    keep, merge = _pair(hub_a)
    activity = ActivityFactory.create(hub=hub_a)
    times = {"starts_at": datetime.time(16, 0), "ends_at": datetime.time(17, 0)}
    monday = Session.objects.create(activity=activity, date=datetime.date(2025, 9, 8), **times)
    tuesday = Session.objects.create(activity=activity, date=datetime.date(2025, 9, 9), **times)
    Attendance.objects.create(session=monday, learner=keep, mark="absent", marked_by=hub_a_admin)
    Attendance.objects.create(session=monday, learner=merge, mark="present", marked_by=hub_a_admin)
    Attendance.objects.create(session=tuesday, learner=merge, mark="late", marked_by=hub_a_admin)

    learners_merge(keep=keep, merge=merge, by=hub_a_admin)

    marks = {a.session.date.day: a.mark for a in Attendance.objects.filter(learner=keep)}
    assert marks == {8: "present", 9: "late"}


def test_a_tutor_sees_only_learners_of_their_activities_and_only_tutor_fields(
    hub_a: HubArea, hub_a_admin: User
) -> None:
    tutor = person(hub=hub_a, roles=[Role.TUTOR])
    staff = StaffMemberFactory.create(hub=hub_a, user=tutor)
    cleared(staff, by=hub_a_admin)
    theirs = ActivityFactory.create(hub=hub_a)
    tutor_assign(activity=theirs, tutor=staff)
    taught = LearnerFactory.create(hub=hub_a, first_name="Wren", ethnicity="WBRI", adaptations="Left-handed bowing")
    other = LearnerFactory.create(hub=hub_a, first_name="Nimbus")
    enrolment_enrol(activity=theirs, learner=taught, by=hub_a_admin)
    enrolment_enrol(activity=ActivityFactory.create(hub=hub_a), learner=other, by=hub_a_admin)

    client = sign_in(Client(), tutor)
    listing = client.get(reverse("learners:learner_list")).content.decode()
    assert "Wren" in listing
    assert "Nimbus" not in listing
    page = client.get(reverse("learners:learner_detail", kwargs={"public_id": taught.public_id})).content.decode()
    assert "Left-handed bowing" in page
    assert "White: English" not in page
    assert "27/03/2016" not in page  # no date of birth for a tutor
    assert client.get(reverse("learners:learner_detail", kwargs={"public_id": other.public_id})).status_code == 404
