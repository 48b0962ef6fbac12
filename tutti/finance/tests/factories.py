"""factory_boy factories for the finance module's records (amounts in pence)."""

import datetime

import factory
from factory.django import DjangoModelFactory

from tutti.accounts.models import User
from tutti.finance.models import BudgetLine, Grant, IncomeEntry, IncomeSource, SpendingEntry
from tutti.network.models import StrategicFunction
from tutti.network.tests.factories import HubAreaFactory


class UserFactory(DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("email",)

    email = factory.Sequence(lambda n: f"finance-recorder-{n}@example.org")


class GrantFactory(DjangoModelFactory):
    """Another funder's grant (a DfE grant is recorded through grant_create: its amount is the allocation)."""

    class Meta:
        model = Grant

    hub = factory.SubFactory(HubAreaFactory)
    kind = Grant.Kind.OTHER
    academic_year = 2024
    name = factory.Sequence(lambda n: f"Youth music fund {n}")
    funder = "Youth Music"
    amount_pence = 30_000_00
    starts_on = datetime.date(2024, 9, 1)
    ends_on = datetime.date(2025, 8, 31)
    recorded_by = factory.SubFactory(UserFactory)


class BudgetLineFactory(DjangoModelFactory):
    class Meta:
        model = BudgetLine

    hub = factory.SubFactory(HubAreaFactory)
    academic_year = 2024
    function = factory.LazyFunction(lambda: StrategicFunction.objects.get(slug="schools"))
    name = factory.Sequence(lambda n: f"Budget line {n}")
    code = factory.Sequence(lambda n: f"CC{n:03d}")
    amount_pence = 12_000_00


class IncomeEntryFactory(DjangoModelFactory):
    class Meta:
        model = IncomeEntry

    hub = factory.SubFactory(HubAreaFactory)
    source = IncomeSource.SCHOOLS
    booked_on = datetime.date(2024, 10, 1)
    amount_pence = 1_000_00
    description = "Service level agreement"
    reference = factory.Sequence(lambda n: f"INC-{n:05d}")
    recorded_by = factory.SubFactory(UserFactory)


class SpendingEntryFactory(DjangoModelFactory):
    class Meta:
        model = SpendingEntry

    budget_line = factory.SubFactory(BudgetLineFactory)
    hub = factory.LazyAttribute(lambda o: o.budget_line.hub)
    booked_on = datetime.date(2024, 10, 1)
    amount_pence = 500_00
    description = "Tutor pay"
    reference = factory.Sequence(lambda n: f"SPD-{n:05d}")
    recorded_by = factory.SubFactory(UserFactory)
