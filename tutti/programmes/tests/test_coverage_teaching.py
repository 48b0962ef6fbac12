"""Coverage counts a school where the hub's teaching ran, against a hand-counted area.

Hub A's area (Trafford) has seven open state-funded schools this academic year:

    Ashdown     engagement recorded, no teaching                    engaged: recorded engagement
    Birchfield  a delivered and a planned session                   engaged: teaching
    Cedarwood   engagement recorded and a planned session           engaged: both
    Dovecote    its only session not delivered (tutor absence)      not engaged
    Elmhurst    a delivered session last academic year              not engaged
    Fernbank    hub B's activity there with a delivered session     not engaged (another hub's teaching)
    Greenacre   an activity with no sessions yet                    not engaged

So 3 of 7 are engaged: one from each source.
"""

import datetime

import pytest
from django.test import Client

from tutti.accounts.models import User
from tutti.accounts.testing import sign_in
from tutti.network.models import HubArea
from tutti.network.tests.factories import LocalAuthorityFactory
from tutti.programmes.models import Activity, Session
from tutti.programmes.models.calendars import year_bounds
from tutti.programmes.tests.factories import WcetActivityFactory
from tutti.schools.coverage import BOTH, RECORDED, TAUGHT, CoverageRow, area_coverage
from tutti.schools.filters import SchoolFilterSet
from tutti.schools.models import School
from tutti.schools.selectors import current_year, hub_schools
from tutti.schools.tests.factories import SchoolEngagementFactory, SchoolFactory

START = datetime.time(9, 0)
END = datetime.time(10, 0)


def session(activity: Activity, day: datetime.date, status: str = Session.Status.DELIVERED) -> Session:
    reason = Session.Reason.TUTOR_ABSENCE if status == Session.Status.NOT_DELIVERED else ""
    return Session.objects.create(
        activity=activity, date=day, starts_at=START, ends_at=END, status=status, reason=reason
    )


@pytest.fixture
def area(hub_a: HubArea, hub_b: HubArea) -> HubArea:
    trafford = LocalAuthorityFactory.create(ons_code="E08000009", dfe_code=358, name="Trafford", hub_area=hub_a)
    year = current_year()
    first, last = year_bounds(year)
    schools = {
        name: SchoolFactory.create(local_authority=trafford, name=name)
        for name in ("Ashdown", "Birchfield", "Cedarwood", "Dovecote", "Elmhurst", "Fernbank", "Greenacre")
    }

    def teaching(name: str, hub: HubArea = hub_a) -> Activity:
        return WcetActivityFactory.create(hub=hub, school=schools[name], calendar__academic_year=year)

    SchoolEngagementFactory.create(hub=hub_a, school=schools["Ashdown"], academic_year=year)
    birchfield = teaching("Birchfield")
    session(birchfield, first + datetime.timedelta(days=7))
    session(birchfield, last - datetime.timedelta(days=40), Session.Status.PLANNED)
    SchoolEngagementFactory.create(hub=hub_a, school=schools["Cedarwood"], academic_year=year)
    session(teaching("Cedarwood"), last, Session.Status.PLANNED)
    session(teaching("Dovecote"), first + datetime.timedelta(days=8), Session.Status.NOT_DELIVERED)
    session(teaching("Elmhurst"), first - datetime.timedelta(days=1))
    session(teaching("Fernbank", hub=hub_b), first + datetime.timedelta(days=9))
    teaching("Greenacre")
    return hub_a


def test_coverage_counts_a_school_where_teaching_ran_as_engaged(area: HubArea) -> None:
    coverage = area_coverage(hub=area, year=current_year())

    assert coverage.total == CoverageRow("All open state-funded schools", schools=7, engaged=3)
    assert [(school.name, source) for school, source in coverage.engaged] == [
        ("Ashdown", RECORDED),
        ("Birchfield", TAUGHT),
        ("Cedarwood", BOTH),
    ]
    assert coverage.engaged_by_source == [(RECORDED, 1), (TAUGHT, 1), (BOTH, 1)]
    assert [school.name for school in coverage.not_engaged] == ["Dovecote", "Elmhurst", "Fernbank", "Greenacre"]


def test_teaching_last_year_counts_for_last_year_only(area: HubArea) -> None:
    coverage = area_coverage(hub=area, year=current_year() - 1)
    assert [(school.name, source) for school, source in coverage.engaged] == [("Elmhurst", TAUGHT)]


def test_coverage_follows_the_records_when_a_session_changes(area: HubArea) -> None:
    """Derived, not copied: marking Birchfield's sessions not delivered takes it out of the count at once."""
    Session.objects.filter(activity__school__name="Birchfield").update(
        status=Session.Status.NOT_DELIVERED, reason=Session.Reason.SCHOOL_CLOSURE
    )
    assert area_coverage(hub=area, year=current_year()).total.engaged == 2


def test_the_school_list_shows_a_taught_school_as_engaged(area: HubArea) -> None:
    year = current_year()
    engaged = SchoolFilterSet({"engaged": "yes"}, queryset=hub_schools(hub=area, year=year), hub=area).qs
    assert sorted(school.name for school in engaged) == ["Ashdown", "Birchfield", "Cedarwood"]
    not_engaged = SchoolFilterSet({"engaged": "no"}, queryset=hub_schools(hub=area, year=year), hub=area).qs
    assert sorted(school.name for school in not_engaged) == ["Dovecote", "Elmhurst", "Fernbank", "Greenacre"]


def test_the_coverage_page_says_where_each_engaged_schools_figure_comes_from(
    area: HubArea, hub_a_manager: User, client: Client
) -> None:
    sign_in(client, hub_a_manager)
    page = client.get("/hub/schools/coverage/").content.decode()

    assert "3 of 7 open state-funded schools engaged (42.9%)" in page
    engaged_table = page[page.index('id="engaged"') : page.index('id="not-engaged"')]
    for name, source in (("Ashdown", RECORDED), ("Birchfield", TAUGHT), ("Cedarwood", BOTH)):
        row = engaged_table[engaged_table.index(name) :].split("</tr>")[0]
        assert f'<td class="govuk-table__cell">{source}</td>' in row
    assert "Dovecote" not in engaged_table


def test_a_taught_schools_page_says_coverage_counts_it_although_nothing_is_recorded(
    area: HubArea, hub_a_manager: User, client: Client
) -> None:
    sign_in(client, hub_a_manager)
    birchfield = School.objects.get(name="Birchfield")
    html = client.get(f"/hub/schools/{birchfield.urn}/").content.decode()
    assert "The hub has not recorded its engagement with this school" in html
    assert "teaching runs at this school" in html
    assert "so coverage counts it as engaged. Record its engagement" in html

    dovecote = School.objects.get(name="Dovecote")
    assert "teaching runs at this school" not in client.get(f"/hub/schools/{dovecote.urn}/").content.decode()
