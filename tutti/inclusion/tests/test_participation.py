"""Participation against the schools, checked against a cohort counted by hand."""

import csv
import datetime
import io
from decimal import Decimal

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tutti.accounts.models import User
from tutti.accounts.testing import sign_in
from tutti.inclusion.participation import Participation, Row, participation
from tutti.learners.models import Answer, Ethnicity, Learner, LookedAfter, Send
from tutti.learners.tests.factories import LearnerFactory
from tutti.network.models import HubArea
from tutti.network.tests.factories import LocalAuthorityFactory
from tutti.programmes.models import Activity, Enrolment, TermCalendar
from tutti.programmes.tests.factories import ActivityFactory, TermCalendarFactory
from tutti.schools.models import School
from tutti.schools.tests.factories import SchoolFactory


def _enrol(learner: Learner, activity: Activity, by: User, status: str = Enrolment.Status.ACTIVE) -> None:
    Enrolment.objects.create(
        hub=activity.hub,
        activity=activity,
        learner=learner,
        status=status,
        applied_on=datetime.date(2025, 9, 1),
        changed_by=by,
    )


def _child(hub: HubArea, school: School | None, **fields: object) -> Learner:
    return LearnerFactory.create(hub=hub, school=school, **fields)


@pytest.fixture
def cohort(hub_a: HubArea, hub_b: HubArea, hub_a_manager: User) -> HubArea:
    """Eleven children in 2025/26, in two local authorities' three schools, and some who must not count.

    Schools: Ashwell (200 pupils, 30% free school meals) and Bygrave (100, 0%) in Northaw; Cottered (300, 40%)
    in Datchworth. Weighted over the three: (200x30 + 100x0 + 300x40) / 600 = 30.0%.
    """
    northaw = LocalAuthorityFactory.create(name="Northaw", hub_area=hub_a)
    datchworth = LocalAuthorityFactory.create(name="Datchworth", hub_area=hub_a)
    ashwell = SchoolFactory.create(name="Ashwell", local_authority=northaw, number_of_pupils=200, percent_fsm=30)
    bygrave = SchoolFactory.create(name="Bygrave", local_authority=northaw, number_of_pupils=100, percent_fsm=0)
    cottered = SchoolFactory.create(name="Cottered", local_authority=datchworth, number_of_pupils=300, percent_fsm=40)
    year: TermCalendar = TermCalendarFactory.create(hub=hub_a, academic_year=2025)
    lessons = ActivityFactory.create(hub=hub_a, calendar=year, kind=Activity.Kind.SMALL_GROUP)
    ensemble = ActivityFactory.create(hub=hub_a, calendar=year, kind=Activity.Kind.ENSEMBLE)
    training = ActivityFactory.create(hub=hub_a, calendar=year, kind=Activity.Kind.TEACHER_TRAINING)
    last_year = ActivityFactory.create(hub=hub_a, calendar=TermCalendarFactory.create(hub=hub_a, academic_year=2024))

    yes = Answer.YES
    ashwell_children = [
        _child(hub_a, ashwell, disadvantaged=yes, ethnicity=Ethnicity.WBRI),
        _child(hub_a, ashwell, disadvantaged=yes, ethnicity=Ethnicity.WBRI, send=Send.EHC_PLAN),
        _child(hub_a, ashwell, ethnicity=Ethnicity.BAFR, looked_after=LookedAfter.PREVIOUSLY_LOOKED_AFTER),
        _child(hub_a, ashwell, send=Send.SEN_SUPPORT),
    ]
    others = [_child(hub_a, bygrave), _child(hub_a, bygrave, disadvantaged=Answer.NO)]
    others += [_child(hub_a, cottered, disadvantaged=yes)] + [_child(hub_a, cottered) for _ in range(3)]
    others += [_child(hub_a, None, disadvantaged=yes)]
    for child in ashwell_children + others:
        _enrol(child, lessons, hub_a_manager)
    _enrol(ashwell_children[0], ensemble, hub_a_manager)  # counted once in the area, once in ensembles

    # None of these count: a withdrawal, last year's place, teacher training, another hub's child.
    _enrol(_child(hub_a, cottered, disadvantaged=yes), lessons, hub_a_manager, status=Enrolment.Status.WITHDRAWN)
    _enrol(_child(hub_a, cottered, disadvantaged=yes), last_year, hub_a_manager)
    _enrol(_child(hub_a, cottered, disadvantaged=yes), training, hub_a_manager)
    other_hub_year = TermCalendarFactory.create(hub=hub_b, academic_year=2025)
    _enrol(
        _child(hub_b, None, disadvantaged=yes),
        ActivityFactory.create(hub=hub_b, calendar=other_hub_year),
        hub_a_manager,
    )
    return hub_a


def _by_label(rows: list[Row]) -> dict[str, Row]:
    return {row.label: row for row in rows}


def test_the_area_matches_the_cohort_counted_by_hand(cohort: HubArea) -> None:
    area = participation(hub=cohort, year=2025).area
    assert (area.participants, area.fsm, area.send, area.looked_after) == (11, 4, 2, 1)
    assert area.fsm_percent == Decimal("36.4")
    assert (area.school_pupils, area.school_fsm_percent) == (600, Decimal("30.0"))
    assert area.fsm_gap == Decimal("6.4")
    assert not area.falls_short
    assert area.ethnicity == {
        "White": 2,
        "Black, Black British, Caribbean or African": 1,
        "Not known or prefer not to say": 8,
    }


def test_each_local_authority_school_and_kind_is_weighted_by_its_own_schools(cohort: HubArea) -> None:
    figures: Participation = participation(hub=cohort, year=2025)
    las = _by_label(figures.local_authorities)
    assert (las["Northaw"].participants, las["Northaw"].fsm) == (6, 2)
    assert las["Northaw"].school_fsm_percent == Decimal("20.0")  # (200x30 + 100x0) / 300
    assert (las["Datchworth"].fsm_percent, las["Datchworth"].school_fsm_percent) == (Decimal("25.0"), Decimal("40.0"))
    assert las["Datchworth"].falls_short
    assert las["No school recorded"].participants == 1
    assert las["No school recorded"].school_fsm_percent is None

    schools = _by_label(figures.schools)
    assert (schools["Ashwell"].participants, schools["Ashwell"].send, schools["Ashwell"].looked_after) == (4, 2, 1)
    assert schools["Bygrave"].fsm_gap == Decimal("0.0")

    kinds = _by_label(figures.activity_kinds)
    assert set(kinds) == {"Small-group lessons", "Ensemble"}
    assert (kinds["Ensemble"].participants, kinds["Ensemble"].fsm_percent) == (1, Decimal("100.0"))
    assert kinds["Ensemble"].school_fsm_percent == Decimal("30.0")
    assert kinds["Small-group lessons"].participants == 11


def test_the_figures_take_the_same_queries_however_many_children_take_part(
    cohort: HubArea, hub_a_manager: User
) -> None:
    with CaptureQueriesContext(connection) as before:
        participation(hub=cohort, year=2025)
    lessons = Activity.objects.for_hub(cohort).get(kind=Activity.Kind.SMALL_GROUP, calendar__academic_year=2025)
    school = School.objects.get(name="Cottered")
    for _ in range(15):
        _enrol(_child(cohort, school, disadvantaged=Answer.YES), lessons, hub_a_manager)
    with CaptureQueriesContext(connection) as after:
        assert participation(hub=cohort, year=2025).area.participants == 26
    assert len(after.captured_queries) == len(before.captured_queries)


def test_the_page_shows_exact_counts_and_highlights_a_shortfall(cohort: HubArea, hub_a_inclusion_lead: User) -> None:
    page = sign_in(Client(), hub_a_inclusion_lead).get(reverse("inclusion:participation") + "?year=2025")
    text = page.content.decode()
    assert "Inclusion and participation 2025/26" in text
    assert "-15.0 points short" in text
    assert "4 (36.4%), against 30.0% in their schools" in text
    assert "style=" not in text  # the Content Security Policy allows no inline style


def test_the_download_for_sharing_shows_small_counts_as_fewer_than_10(
    cohort: HubArea, hub_a_inclusion_lead: User
) -> None:
    response = sign_in(Client(), hub_a_inclusion_lead).get(reverse("inclusion:participation_csv") + "?year=2025")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    area = dict(zip(rows[0], rows[1], strict=True))
    assert response["Content-Disposition"].startswith("attachment;")
    assert area["Participants"] == "11"
    assert area["Free school meals or pupil premium"] == "fewer than 10"
    assert area["Free school meals or pupil premium (% of participants)"] == "not shown"
    assert area["Schools' pupils eligible for free school meals (%)"] == "30.0%"
    assert area["Gap (percentage points)"] == "not shown"
    assert "Ashwell" in {row[1] for row in rows}
