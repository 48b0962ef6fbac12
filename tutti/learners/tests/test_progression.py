"""The progression route against a hand-built cohort: children in several activities counted once."""

import datetime

from django.test import Client
from django.urls import reverse

from tutti.accounts.models import User
from tutti.accounts.testing import sign_in
from tutti.learners.models import Learner, Milestone
from tutti.learners.progression import progression_route
from tutti.learners.tests.factories import LearnerFactory, MilestoneFactory
from tutti.network.models import HubArea
from tutti.programmes.models import Activity
from tutti.programmes.services.enrolments import enrolment_enrol
from tutti.programmes.tests.factories import ActivityFactory, TermCalendarFactory, WcetActivityFactory

SEPT_2025 = datetime.date(2025, 9, 10)
JAN_2026 = datetime.date(2026, 1, 12)


def _enrol(activity: Activity, learner: Learner, by: User, on: datetime.date) -> None:
    enrolment_enrol(activity=activity, learner=learner, by=by, on=on)


def test_progression_counts_each_child_once(hub_a: HubArea, hub_b: HubArea, hub_a_admin: User) -> None:
    calendar = TermCalendarFactory.create(hub=hub_a, academic_year=2025)
    wcet_violins = WcetActivityFactory.create(hub=hub_a, calendar=calendar)
    wcet_cellos = WcetActivityFactory.create(hub=hub_a, calendar=calendar)
    violin_lessons = ActivityFactory.create(hub=hub_a, calendar=calendar, kind=Activity.Kind.SMALL_GROUP)
    cello_lessons = ActivityFactory.create(hub=hub_a, calendar=calendar, kind=Activity.Kind.INDIVIDUAL)
    training_orchestra = ActivityFactory.create(
        hub=hub_a, calendar=calendar, kind=Activity.Kind.ENSEMBLE, level=Activity.Level.BEGINNER
    )
    county_orchestra = ActivityFactory.create(
        hub=hub_a, calendar=calendar, kind=Activity.Kind.ENSEMBLE, level=Activity.Level.COUNTY
    )
    choir = ActivityFactory.create(hub=hub_a, calendar=calendar, kind=Activity.Kind.CHOIR)

    pipkin, tansy, wren, nimbus = (LearnerFactory.create(hub=hub_a) for _ in range(4))
    for child in (pipkin, tansy, wren, nimbus):
        _enrol(wcet_violins, child, hub_a_admin, SEPT_2025)
    _enrol(wcet_cellos, pipkin, hub_a_admin, SEPT_2025)  # in two WCET classes: one child of the cohort
    # Pipkin: lessons on two instruments, three ensembles including the county orchestra.
    _enrol(violin_lessons, pipkin, hub_a_admin, JAN_2026)
    _enrol(cello_lessons, pipkin, hub_a_admin, JAN_2026)
    _enrol(training_orchestra, pipkin, hub_a_admin, JAN_2026)
    _enrol(county_orchestra, pipkin, hub_a_admin, JAN_2026)
    _enrol(choir, pipkin, hub_a_admin, JAN_2026)
    # Tansy: the choir only, and a grade 1 passed. Wren: lessons, and a grade failed (not counted).
    _enrol(choir, tansy, hub_a_admin, JAN_2026)
    MilestoneFactory.create(
        learner=tansy, kind=Milestone.Kind.GRADED_EXAM, exam_board="trinity", instrument="Voice", grade=1,
        result="pass", title="", achieved_on=datetime.date(2026, 6, 1),
    )  # fmt: skip
    _enrol(violin_lessons, wren, hub_a_admin, JAN_2026)
    MilestoneFactory.create(
        learner=wren, kind=Milestone.Kind.GRADED_EXAM, exam_board="abrsm", instrument="Violin", grade=1,
        result="not_passed", title="", achieved_on=datetime.date(2026, 6, 1),
    )  # fmt: skip
    # Not in the cohort: a child of the 2024 WCET with lessons, and another hub's child.
    earlier = WcetActivityFactory.create(hub=hub_a, calendar=TermCalendarFactory.create(hub=hub_a, academic_year=2024))
    older = LearnerFactory.create(hub=hub_a)
    _enrol(earlier, older, hub_a_admin, datetime.date(2024, 9, 10))
    _enrol(violin_lessons, older, hub_a_admin, JAN_2026)
    elsewhere = WcetActivityFactory.create(
        hub=hub_b, calendar=TermCalendarFactory.create(hub=hub_b, academic_year=2025)
    )
    _enrol(elsewhere, LearnerFactory.create(hub=hub_b), hub_a_admin, SEPT_2025)

    route = progression_route(hub=hub_a, academic_year=2025)

    assert route.cohort == 4
    assert [(stage.count, stage.percent) for stage in route.stages] == [(4, 100), (2, 50), (2, 50), (2, 50)]

    page = sign_in(Client(), hub_a_admin).get(reverse("learners:progression"), {"year": "2025"}).content.decode()
    assert "Took lessons within the next three terms" in page
    chart = page[page.index('id="chart"') : page.index("</figure>")]
    assert "Took lessons within the next three terms: <strong>2 (50%)</strong>" in chart  # each bar is named
    assert chart.count("tutti-bar-chart__bar--50") == 3  # drawn to scale by the stylesheet...
    assert "style=" not in page  # ...never by a style attribute, which the Content Security Policy blocks


def test_progression_page_without_wcet_says_so(hub_a: HubArea, hub_a_admin: User) -> None:
    page = sign_in(Client(), hub_a_admin).get(reverse("learners:progression")).content.decode()
    assert "no whole-class ensemble teaching recorded yet" in page
