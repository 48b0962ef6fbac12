"""DBS checks, tutor assignment, the expiring list, and marking a register."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from tutti.accounts.models import AuditEvent, User
from tutti.network.models import HubArea
from tutti.programmes.models import Attendance, SafeguardingCheck, Session, StaffMember, TrainingRecord
from tutti.programmes.selectors import expiring_within
from tutti.programmes.services.activities import tutor_assign
from tutti.programmes.services.enrolments import enrolment_enrol
from tutti.programmes.services.registers import register_mark, session_not_delivered
from tutti.programmes.services.workforce import safeguarding_check_record, training_record
from tutti.programmes.tests.factories import ActivityFactory, StaffMemberFactory, cleared, learner

TODAY = datetime.date(2026, 3, 2)


def test_a_check_is_valid_for_three_years_after_issue(hub_a: HubArea, hub_a_manager: User) -> None:
    member = StaffMemberFactory.create(hub=hub_a)
    cleared(member, by=hub_a_manager, issued_on=datetime.date(2023, 3, 1))
    assert member.has_valid_check(on=datetime.date(2026, 3, 1))
    assert not member.has_valid_check(on=datetime.date(2026, 3, 2))
    assert not member.has_valid_check(on=datetime.date(2023, 2, 28))


def test_an_update_service_status_check_extends_a_check(hub_a: HubArea, hub_a_manager: User) -> None:
    member = StaffMemberFactory.create(hub=hub_a)
    safeguarding_check_record(
        member=member,
        certificate_number="009876543210",
        issued_on=datetime.date(2019, 5, 1),
        update_service=True,
        status_checked_on=datetime.date(2026, 1, 10),
        decision=SafeguardingCheck.Decision.CLEAR,
        by=hub_a_manager,
    )
    assert member.has_valid_check(on=TODAY)


def test_a_not_cleared_decision_is_never_valid(hub_a: HubArea, hub_a_manager: User) -> None:
    member = StaffMemberFactory.create(hub=hub_a)
    safeguarding_check_record(
        member=member,
        certificate_number="009876543210",
        issued_on=datetime.date(2026, 1, 5),
        update_service=False,
        status_checked_on=None,
        decision=SafeguardingCheck.Decision.NOT_CLEARED,
        by=hub_a_manager,
    )
    assert not member.has_valid_check(on=TODAY)


def test_a_tutor_without_a_valid_check_cannot_be_assigned(hub_a: HubArea) -> None:
    activity = ActivityFactory.create(hub=hub_a)
    tutor = StaffMemberFactory.create(hub=hub_a, first_name="Nell", last_name="Gwynne")
    with pytest.raises(ValidationError) as error:
        tutor_assign(activity=activity, tutor=tutor, on=TODAY)
    assert error.value.message_dict["tutors"] == [
        "Nell Gwynne has no valid DBS check on 02 March 2026: record a check before assigning them."
    ]
    assert not activity.tutors.exists()


def test_a_cleared_tutor_is_assigned(hub_a: HubArea, hub_a_manager: User) -> None:
    activity = ActivityFactory.create(hub=hub_a)
    tutor = StaffMemberFactory.create(hub=hub_a)
    cleared(tutor, by=hub_a_manager, issued_on=datetime.date(2025, 9, 1))
    tutor_assign(activity=activity, tutor=tutor, on=TODAY)
    assert list(activity.tutors.all()) == [tutor]


def test_the_expiring_list_shows_checks_and_training_running_out_within_60_days(
    hub_a: HubArea, hub_a_manager: User
) -> None:
    soon: StaffMember = StaffMemberFactory.create(hub=hub_a, first_name="Soon", last_name="Due")
    cleared(soon, by=hub_a_manager, issued_on=datetime.date(2023, 4, 15))  # valid until 15 April 2026
    later = StaffMemberFactory.create(hub=hub_a, first_name="Much", last_name="Later")
    cleared(later, by=hub_a_manager, issued_on=datetime.date(2025, 4, 15))
    training_record(
        member=later,
        kind=TrainingRecord.Kind.SAFEGUARDING,
        title="Level 2 safeguarding",
        attended_on=datetime.date(2023, 3, 20),
    )
    renewed = StaffMemberFactory.create(hub=hub_a, first_name="Re", last_name="Newed")
    cleared(renewed, by=hub_a_manager, issued_on=datetime.date(2023, 3, 10))
    cleared(renewed, by=hub_a_manager, issued_on=datetime.date(2026, 2, 1))

    rows = expiring_within(hub=hub_a, today=TODAY)

    assert [(str(row.staff_member), row.what, row.expires_on) for row in rows] == [
        ("Much Later", "Safeguarding training", datetime.date(2026, 3, 20)),
        ("Soon Due", "DBS check", datetime.date(2026, 4, 15)),
    ]


@pytest.fixture
def session_with_three_learners(hub_a: HubArea, hub_a_manager: User) -> Session:
    activity = ActivityFactory.create(hub=hub_a)
    for _ in range(3):
        enrolment_enrol(activity=activity, learner=learner(hub_a), by=hub_a_manager)
    return Session.objects.create(activity=activity, date=TODAY, starts_at=datetime.time(9), ends_at=datetime.time(10))


def test_marking_a_register_records_each_learner_and_is_audited(
    session_with_three_learners: Session, hub_a_tutor: User
) -> None:
    session = session_with_three_learners
    ids = list(session.activity.enrolments.values_list("learner_id", flat=True))
    marks = dict(zip(ids, [Attendance.Mark.PRESENT, Attendance.Mark.LATE, Attendance.Mark.EXCUSED], strict=True))

    register_mark(session=session, marks=marks, by=hub_a_tutor)
    register_mark(session=session, marks={ids[0]: Attendance.Mark.ABSENT}, by=hub_a_tutor)

    session.refresh_from_db()
    assert session.status == Session.Status.DELIVERED
    assert dict(session.attendance.values_list("learner_id", "mark")) == {
        ids[0]: "absent",
        ids[1]: "late",
        ids[2]: "excused",
    }
    events = AuditEvent.objects.filter(action=AuditEvent.Action.REGISTER_MARKED, actor=hub_a_tutor)
    assert events.count() == 2


def test_a_learner_not_enrolled_cannot_be_marked(session_with_three_learners: Session, hub_a_tutor: User) -> None:
    stranger = learner(session_with_three_learners.activity.hub)
    with pytest.raises(ValidationError, match="Only learners enrolled"):
        register_mark(session=session_with_three_learners, marks={stranger.pk: Attendance.Mark.PRESENT}, by=hub_a_tutor)


def test_a_session_not_delivered_keeps_its_reason(session_with_three_learners: Session, hub_a_tutor: User) -> None:
    session_not_delivered(session=session_with_three_learners, reason=Session.Reason.SCHOOL_CLOSURE, by=hub_a_tutor)
    session_with_three_learners.refresh_from_db()
    assert session_with_three_learners.status == Session.Status.NOT_DELIVERED
    assert session_with_three_learners.get_reason_display() == "School closure"


def test_other_reason_needs_a_note(session_with_three_learners: Session, hub_a_tutor: User) -> None:
    with pytest.raises(ValidationError, match="Say why"):
        session_not_delivered(session=session_with_three_learners, reason=Session.Reason.OTHER, by=hub_a_tutor)
