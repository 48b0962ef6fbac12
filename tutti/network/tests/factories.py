"""factory_boy factories for the national network, with British fake data.

Codes come from sequences inside their real formats (ONS E06/E12 codes, three-digit DfE codes) so
model validation accepts them; names come from Faker's en_GB locale with a sequence number, so two
objects never collide on a unique name.
"""

import datetime

import factory
from django.utils.text import slugify
from factory.django import DjangoModelFactory

from tutti.network.models import (
    FundingAllocation,
    HubArea,
    LeadAppointment,
    LeadOrganisation,
    LocalAuthority,
    Region,
    Verification,
)


def square_path(x: float, y: float, size: float = 40) -> str:
    """A square boundary in the map's projected coordinates, for tests that draw areas."""
    return f"M{x:g},{y:g}L{x + size:g},{y:g}L{x + size:g},{y + size:g}L{x:g},{y + size:g}Z"


class RegionFactory(DjangoModelFactory):
    class Meta:
        model = Region
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"E12{900_000 + n % 100_000:06d}")
    name = factory.Sequence(lambda n: f"Test region {n}")


class HubAreaFactory(DjangoModelFactory):
    class Meta:
        model = HubArea
        django_get_or_create = ("slug",)

    name = factory.LazyAttributeSequence(lambda o, n: f"{o.place} {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))
    verification = Verification.CONFIRMED
    sources = factory.LazyAttribute(lambda o: f"https://www.artscouncil.org.uk/music-hubs/{o.slug}")

    class Params:
        place = factory.Faker("county", locale="en_GB")


class LocalAuthorityFactory(DjangoModelFactory):
    class Meta:
        model = LocalAuthority
        django_get_or_create = ("ons_code",)

    ons_code = factory.Sequence(lambda n: f"E06{900_000 + n % 100_000:06d}")
    dfe_code = factory.Sequence(lambda n: 100 + n % 900)
    name = factory.Faker("city", locale="en_GB")
    kind = LocalAuthority.Kind.UNITARY
    region = factory.SubFactory(RegionFactory)
    hub_area = factory.SubFactory(HubAreaFactory)
    boundary_svg = ""


class LeadOrganisationFactory(DjangoModelFactory):
    class Meta:
        model = LeadOrganisation
        django_get_or_create = ("name",)

    name = factory.LazyAttributeSequence(lambda o, n: f"{o.place} Music Service {n}")
    kind = LeadOrganisation.Kind.COUNCIL
    website = factory.LazyAttribute(lambda o: f"https://www.{slugify(o.name)}.org.uk/")

    class Params:
        place = factory.Faker("city", locale="en_GB")


class LeadAppointmentFactory(DjangoModelFactory):
    class Meta:
        model = LeadAppointment

    hub_area = factory.SubFactory(HubAreaFactory)
    organisation = factory.SubFactory(LeadOrganisationFactory)
    starts_on = datetime.date(2024, 9, 1)
    ends_on = None


class FundingAllocationFactory(DjangoModelFactory):
    class Meta:
        model = FundingAllocation
        django_get_or_create = ("hub_area", "academic_year", "stream")

    hub_area = factory.SubFactory(HubAreaFactory)
    academic_year = 2024
    stream = FundingAllocation.Stream.REVENUE
    amount_pence = factory.Faker("random_int", min=50_000_000, max=300_000_000, step=100)
    source = factory.LazyAttribute(lambda o: f"https://www.artscouncil.org.uk/music-hubs/{o.hub_area.slug}")
