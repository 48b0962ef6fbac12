"""The demo term: what load_demo_teaching claims it added is in the database; a second run adds nothing."""

import datetime

import pytest
from django.core.management import CommandError, call_command
from django.test import override_settings

from tutti.accounts.models import Role, User
from tutti.accounts.testing import person
from tutti.learners.demo.load import hub_plans, load_hub
from tutti.learners.models import Guardian, Learner, Milestone
from tutti.network.models import HubArea
from tutti.network.tests.factories import LocalAuthorityFactory
from tutti.programmes.models import Activity, Attendance, Enrolment, Session, StaffMember
from tutti.schools.models import School
from tutti.schools.tests.factories import SchoolFactory

TODAY = datetime.date(2026, 11, 30)  # a Monday in the autumn term of 2026/27


@pytest.fixture
def demo_hubs(db: None) -> dict[str, HubArea]:
    hubs = {}
    for slug, name in (("hertfordshire", "Hertfordshire"), ("birmingham", "Birmingham")):
        hubs[slug] = HubArea.objects.create(name=name, slug=slug)
        LocalAuthorityFactory.create(hub_area=hubs[slug])
        person(hub=hubs[slug], roles=[Role.HUB_ADMINISTRATOR], email=f"admin@{slug}.example")
    person(hub=hubs["hertfordshire"], roles=[Role.TUTOR], email="tutor@hertfordshire.example")
    return hubs


def test_a_small_demo_term_holds_what_it_claims(demo_hubs: dict[str, HubArea]) -> None:
    herts = demo_hubs["hertfordshire"]
    counts = load_hub(hub_plans(0.1)[0], scale=0.1, today=TODAY)
    assert counts.activities == Activity.objects.for_hub(herts).count() == 12  # 2 WCET classes, 10 at the centre
    assert counts.learners == Learner.objects.for_hub(herts).count()
    assert counts.guardians == Guardian.objects.for_hub(herts).count() >= counts.learners
    assert counts.enrolments == Enrolment.objects.for_hub(herts).count() > counts.learners  # some in two
    assert counts.sessions == Session.objects.for_hub(herts).count()
    assert counts.marks == Attendance.objects.for_hub(herts).count() > 0
    assert counts.milestones == Milestone.objects.for_hub(herts).count() > 0
    assert counts.staff == StaffMember.objects.for_hub(herts).count() == 8
    # Invented schools only: the register held none in this area; URNs no real school has.
    assert all(school.urn > 9_000_000 and "(invented)" in school.name for school in School.objects.all())
    # The tutor's account has a staff record with a valid check, and teaches activities with marked registers.
    tutor = StaffMember.objects.get(user__email="tutor@hertfordshire.example")
    assert tutor.has_valid_check(on=TODAY)
    assert Attendance.objects.filter(session__activity__tutors=tutor, marked_by=tutor.user).exists()
    # Past sessions of the term are marked; one was not delivered (tutor absence); today's are open.
    past = Session.objects.for_hub(herts).filter(date__gte=datetime.date(2026, 9, 2), date__lt=TODAY)
    assert not past.filter(status=Session.Status.PLANNED, activity__enrolments__isnull=False).exists()
    assert past.filter(status=Session.Status.NOT_DELIVERED, reason=Session.Reason.TUTOR_ABSENCE).count() == 1
    assert not Session.objects.for_hub(herts).filter(date__gte=TODAY).exclude(status="planned").exists()
    # No activity is overfilled: places taken match the enrolments holding places.
    for activity in Activity.objects.for_hub(herts):
        assert activity.places_taken == activity.enrolments.holding_places().count() <= activity.capacity
    # WCET children are in year 4 at the class's school.
    wcet = Activity.objects.for_hub(herts).filter(kind=Activity.Kind.WCET).first()
    assert wcet is not None
    assert {(e.learner.school_id, e.learner.year_group) for e in wcet.enrolments.all()} == {(wcet.school_id, 4)}


@override_settings(DEBUG=True)
def test_the_command_loads_both_hubs_once(demo_hubs: dict[str, HubArea], capsys: pytest.CaptureFixture[str]) -> None:
    call_command("load_demo_teaching", scale=0.1)
    first = capsys.readouterr().out
    assert "hertfordshire: added" in first
    assert "birmingham: added" in first
    learners, enrolments = Learner.objects.count(), Enrolment.objects.count()
    assert Learner.objects.for_hub(demo_hubs["birmingham"]).exists()
    call_command("load_demo_teaching", scale=0.1)
    second = capsys.readouterr().out
    assert "hertfordshire: demo teaching already loaded; nothing added." in second
    assert "birmingham: demo teaching already loaded; nothing added." in second
    assert (Learner.objects.count(), Enrolment.objects.count()) == (learners, enrolments)


@override_settings(DEBUG=False)
def test_the_command_refuses_with_debug_off(demo_hubs: dict[str, HubArea]) -> None:
    with pytest.raises(CommandError, match="DEBUG is off"):
        call_command("load_demo_teaching", scale=0.1)
    assert not Learner.objects.exists()


def test_the_demo_needs_the_demo_accounts(db: None) -> None:
    HubArea.objects.create(name="Hertfordshire", slug="hertfordshire")
    with pytest.raises(CommandError, match="load_demo_accounts"):
        load_hub(hub_plans(0.1)[0], scale=0.1, today=TODAY)
    assert not User.objects.exists()


@override_settings(DEBUG=True)
def test_a_second_run_after_a_gias_import_adds_nothing(demo_hubs: dict[str, HubArea]) -> None:
    """Importing the area's real schools between runs once made the second run crash on the staff records."""
    herts = demo_hubs["hertfordshire"]
    call_command("load_demo_teaching", scale=0.1)
    counts = (Activity.objects.count(), Learner.objects.count(), StaffMember.objects.count(), School.objects.count())
    area = herts.local_authorities.get()
    SchoolFactory.create_batch(12, local_authority=area)  # what a GIAS extract of the area brings
    call_command("load_demo_teaching", scale=0.1)
    assert (Activity.objects.count(), Learner.objects.count(), StaffMember.objects.count()) == counts[:3]
    assert School.objects.count() == counts[3] + 12


@override_settings(DEBUG=True)
def test_a_second_run_after_staff_renamed_every_activity_adds_nothing(demo_hubs: dict[str, HubArea]) -> None:
    call_command("load_demo_teaching", scale=0.1)
    Activity.objects.for_hub(demo_hubs["hertfordshire"]).update(name="Renamed by a person")
    call_command("load_demo_teaching", scale=0.1)
    assert not Activity.objects.exclude(name="Renamed by a person").filter(hub=demo_hubs["hertfordshire"]).exists()
