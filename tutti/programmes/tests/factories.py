"""factory_boy factories for calendars, staff, activities and sessions (en_GB fake data), and learners.

Programmes sits below learners in the module direction, so learners are built through the app
registry rather than by importing the learners module.
"""

import datetime
import itertools
from typing import Any

import factory
from django.apps import apps
from factory.django import DjangoModelFactory

from tutti.accounts.models import User
from tutti.network.models import HubArea
from tutti.network.tests.factories import HubAreaFactory
from tutti.programmes.models import Activity, CalendarBreak, SafeguardingCheck, StaffMember, Term, TermCalendar
from tutti.programmes.services.calendars import break_add, term_set
from tutti.programmes.services.workforce import safeguarding_check_record
from tutti.schools.tests.factories import SchoolFactory

_learner_numbers = itertools.count(1)


class TermCalendarFactory(DjangoModelFactory[TermCalendar]):
    class Meta:
        model = TermCalendar
        django_get_or_create = ("hub", "academic_year")

    hub = factory.SubFactory(HubAreaFactory)
    academic_year = 2025


def calendar_2025_26(hub: HubArea) -> TermCalendar:
    """A hand-built 2025/26 calendar: three terms, three half-terms and an INSET day on a Tuesday."""
    calendar: TermCalendar = TermCalendarFactory.create(hub=hub, academic_year=2025)
    term_set(
        calendar=calendar,
        name=Term.Name.AUTUMN,
        starts_on=datetime.date(2025, 9, 3),
        ends_on=datetime.date(2025, 12, 19),
    )
    term_set(
        calendar=calendar,
        name=Term.Name.SPRING,
        starts_on=datetime.date(2026, 1, 5),
        ends_on=datetime.date(2026, 3, 27),
    )
    term_set(
        calendar=calendar,
        name=Term.Name.SUMMER,
        starts_on=datetime.date(2026, 4, 13),
        ends_on=datetime.date(2026, 7, 21),
    )
    half_term = CalendarBreak.Kind.HALF_TERM
    break_add(
        calendar=calendar,
        kind=half_term,
        name="October half-term",
        starts_on=datetime.date(2025, 10, 27),
        ends_on=datetime.date(2025, 10, 31),
    )
    break_add(
        calendar=calendar,
        kind=half_term,
        name="February half-term",
        starts_on=datetime.date(2026, 2, 16),
        ends_on=datetime.date(2026, 2, 20),
    )
    break_add(
        calendar=calendar,
        kind=half_term,
        name="May half-term",
        starts_on=datetime.date(2026, 5, 25),
        ends_on=datetime.date(2026, 5, 29),
    )
    break_add(
        calendar=calendar,
        kind=CalendarBreak.Kind.CLOSURE,
        name="INSET day",
        starts_on=datetime.date(2025, 11, 18),
        ends_on=datetime.date(2025, 11, 18),
    )
    return calendar


class StaffMemberFactory(DjangoModelFactory[StaffMember]):
    class Meta:
        model = StaffMember

    hub = factory.SubFactory(HubAreaFactory)
    first_name = factory.Faker("first_name", locale="en_GB")
    last_name = factory.Faker("last_name", locale="en_GB")
    employment = StaffMember.Employment.PERMANENT


def cleared(member: StaffMember, *, by: User, issued_on: datetime.date | None = None) -> SafeguardingCheck:
    """Give a staff member a clear DBS check issued a year ago (or on the given day)."""
    return safeguarding_check_record(
        member=member,
        certificate_number="001234567890",
        issued_on=issued_on or datetime.date.today() - datetime.timedelta(days=365),
        update_service=False,
        status_checked_on=None,
        decision=SafeguardingCheck.Decision.CLEAR,
        by=by,
    )


class ActivityFactory(DjangoModelFactory[Activity]):
    class Meta:
        model = Activity

    hub = factory.SubFactory(HubAreaFactory)
    calendar = factory.SubFactory(TermCalendarFactory, hub=factory.SelfAttribute("..hub"))
    name = factory.Sequence(lambda n: f"Junior strings {n}")
    kind = Activity.Kind.SMALL_GROUP
    place_name = "Music centre"
    place_postcode = "AL1 3LX"
    capacity = 10


class WcetActivityFactory(ActivityFactory):
    name = factory.Sequence(lambda n: f"Year 4 violins, class {n}")
    kind = Activity.Kind.WCET
    school = factory.SubFactory(SchoolFactory)
    place_name = ""
    place_postcode = ""
    capacity = 30


def learner(hub: HubArea, **fields: Any) -> Any:
    """An invented learner of the hub, built through the app registry."""
    number = next(_learner_numbers)
    model = apps.get_model("learners", "Learner")
    values: dict[str, Any] = {
        "hub": hub,
        # Not LearnerFactory's TST- numbers: a test using both (the phone-width walk does) gets no clash.
        "reference": f"TSP-{number:06d}",
        "first_name": f"Child{number}",
        "last_name": "Testperson",
        "match_key": f"child{number} testperson",
        "date_of_birth": datetime.date(2016, 1, 1) + datetime.timedelta(days=number),
        "year_group": 4,
    }
    values.update(fields)
    return model.objects.create(**values)
