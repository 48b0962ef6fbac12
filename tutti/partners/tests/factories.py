"""factory_boy factories for partners, agreements, shares, the board and interactions (en_GB fake data)."""

import datetime

import factory
from factory.django import DjangoModelFactory

from tutti.network.tests.factories import HubAreaFactory
from tutti.partners.models import Agreement, BoardMember, Contact, Interaction, Partner, PassThroughShare


class PartnerFactory(DjangoModelFactory[Partner]):
    class Meta:
        model = Partner

    hub = factory.SubFactory(HubAreaFactory)
    name = factory.Sequence(lambda n: f"Partner organisation {n}")
    kind = Partner.Kind.MUSIC_ORGANISATION
    status = Partner.Status.ACTIVE
    website = "https://www.example.org.uk/"


class ContactFactory(DjangoModelFactory[Contact]):
    class Meta:
        model = Contact

    partner = factory.SubFactory(PartnerFactory)
    name = factory.Faker("name", locale="en_GB")
    role = "Director"
    email = factory.Sequence(lambda n: f"contact{n}@example.org.uk")
    phone = "01632 960000"


class AgreementFactory(DjangoModelFactory[Agreement]):
    class Meta:
        model = Agreement

    partner = factory.SubFactory(PartnerFactory)
    hub = factory.LazyAttribute(lambda o: o.partner.hub)
    academic_year = 2024
    commitments = "Host two ensemble days."
    cash_pence = 0
    in_kind_pence = 0
    starts_on = datetime.date(2024, 9, 1)
    ends_on = datetime.date(2025, 8, 31)


class PassThroughShareFactory(DjangoModelFactory[PassThroughShare]):
    class Meta:
        model = PassThroughShare

    partner = factory.SubFactory(PartnerFactory)
    hub = factory.LazyAttribute(lambda o: o.partner.hub)
    academic_year = 2024
    amount_pence = 100_000_00


class BoardMemberFactory(DjangoModelFactory[BoardMember]):
    class Meta:
        model = BoardMember

    hub = factory.SubFactory(HubAreaFactory)
    name = factory.Faker("name", locale="en_GB")
    organisation = "County Council"
    role = "Member"
    term_starts_on = datetime.date(2024, 9, 1)


class InteractionFactory(DjangoModelFactory[Interaction]):
    class Meta:
        model = Interaction

    subject = factory.SubFactory(PartnerFactory)
    hub = factory.LazyAttribute(lambda o: o.subject.hub)
    kind = Interaction.Kind.MEETING
    occurred_on = datetime.date(2025, 1, 15)
    notes = "Talked about the spring concert."
