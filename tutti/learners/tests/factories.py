"""factory_boy factories for learners and their records: invented children with obviously fictional names."""

import datetime

import factory
from factory.django import DjangoModelFactory

from tutti.learners.models import Guardian, Learner, Milestone
from tutti.learners.services.learners import match_key

FICTIONAL_FIRST_NAMES = ["Pipkin", "Marmalade", "Zephyrine", "Quibble", "Tansy", "Bartleby", "Wren", "Nimbus"]
FICTIONAL_LAST_NAMES = ["Fiddlesticks", "Crumpetworth", "Oboe-Smythe", "Tambourini", "Glockenspire", "Puddleby"]


class LearnerFactory(DjangoModelFactory[Learner]):
    class Meta:
        model = Learner

    hub = factory.SubFactory("tutti.network.tests.factories.HubAreaFactory")
    reference = factory.Sequence(lambda n: f"TST-{n + 1:06d}")
    first_name = factory.Sequence(lambda n: FICTIONAL_FIRST_NAMES[n % len(FICTIONAL_FIRST_NAMES)])
    last_name = factory.Sequence(lambda n: FICTIONAL_LAST_NAMES[n % len(FICTIONAL_LAST_NAMES)])
    match_key = factory.LazyAttribute(lambda o: match_key(o.first_name, o.last_name))
    date_of_birth = datetime.date(2016, 3, 27)
    year_group = 4
    postcode_district = "SG12"


class GuardianFactory(DjangoModelFactory[Guardian]):
    class Meta:
        model = Guardian

    learner = factory.SubFactory(LearnerFactory)
    hub = factory.LazyAttribute(lambda o: o.learner.hub)
    name = "Mordred Fiddlesticks"
    relationship = Guardian.Relationship.PARENT
    email = "guardian@example.org"
    phone = "01632 960001"


class MilestoneFactory(DjangoModelFactory[Milestone]):
    class Meta:
        model = Milestone

    learner = factory.SubFactory(LearnerFactory)
    hub = factory.LazyAttribute(lambda o: o.learner.hub)
    kind = Milestone.Kind.PERFORMANCE
    title = "Spring concert"
    achieved_on = datetime.date(2025, 3, 20)
