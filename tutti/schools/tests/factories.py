"""factory_boy factories for schools and engagement, with British fake data."""

import datetime
from decimal import Decimal

import factory
from factory.django import DjangoModelFactory

from tutti.core import academic_year
from tutti.network.tests.factories import LocalAuthorityFactory
from tutti.schools.models import School, SchoolEngagement


class SchoolFactory(DjangoModelFactory):
    class Meta:
        model = School

    urn = factory.Sequence(lambda n: 900_000 + n)
    name = factory.LazyAttributeSequence(lambda o, n: f"{o.place} Primary School {n}")
    establishment_type = "Community school"
    type_group = "Local authority maintained schools"
    phase = School.Phase.PRIMARY
    statutory_low_age = 4
    statutory_high_age = 11
    local_authority = factory.SubFactory(LocalAuthorityFactory)
    number_of_pupils = 210
    percent_fsm = Decimal("20.0")
    postcode = factory.Faker("postcode", locale="en_GB")
    status = School.Status.OPEN
    state_funded = True
    latitude = Decimal("51.800000")
    longitude = Decimal("-0.200000")

    class Params:
        place = factory.Faker("city", locale="en_GB")


class SchoolEngagementFactory(DjangoModelFactory):
    class Meta:
        model = SchoolEngagement

    school = factory.SubFactory(SchoolFactory)
    hub = factory.LazyAttribute(lambda o: o.school.local_authority.hub_area)
    academic_year = factory.LazyFunction(lambda: academic_year.containing(datetime.date.today()))
    plan_status = SchoolEngagement.PlanStatus.IN_PROGRESS
    curriculum_hour = True
    choir = True
    instrumental_ensemble = False
    termly_performance = True
    live_music = True
    services = factory.LazyFunction(lambda: ["wcet"])
