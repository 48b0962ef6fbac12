"""The network's invariants are held by the database itself, whatever code writes to it."""

import datetime

import pytest
from django.db import IntegrityError, transaction

from tutti.network.models import FundingAllocation, HubArea, LeadAppointment, LeadOrganisation

SEPTEMBER_2024 = datetime.date(2024, 9, 1)


@pytest.fixture
def area(db) -> HubArea:
    return HubArea.objects.create(name="Hertfordshire", slug="hertfordshire")


@pytest.fixture
def organisation(db) -> LeadOrganisation:
    return LeadOrganisation.objects.create(name="Hertfordshire Music Service", kind=LeadOrganisation.Kind.COUNCIL)


def test_an_area_has_one_current_lead(area, organisation):
    other = LeadOrganisation.objects.create(name="Hertfordshire Music Trust")
    LeadAppointment.objects.create(hub_area=area, organisation=organisation, starts_on=SEPTEMBER_2024)

    with pytest.raises(IntegrityError), transaction.atomic():
        LeadAppointment.objects.create(hub_area=area, organisation=other, starts_on=SEPTEMBER_2024)


def test_an_ended_appointment_and_a_current_one_can_coexist(area, organisation):
    other = LeadOrganisation.objects.create(name="Hertfordshire Music Trust")
    LeadAppointment.objects.create(
        hub_area=area, organisation=organisation, starts_on=SEPTEMBER_2024, ends_on=datetime.date(2025, 8, 31)
    )
    LeadAppointment.objects.create(hub_area=area, organisation=other, starts_on=datetime.date(2025, 9, 1))

    assert LeadAppointment.objects.current().get(hub_area=area).organisation == other


@pytest.mark.parametrize("ends_on", [SEPTEMBER_2024, datetime.date(2024, 8, 31)])
def test_an_appointment_ends_after_it_starts(area, organisation, ends_on):
    with pytest.raises(IntegrityError), transaction.atomic():
        LeadAppointment.objects.create(
            hub_area=area, organisation=organisation, starts_on=SEPTEMBER_2024, ends_on=ends_on
        )


def test_an_allocation_is_never_negative(area):
    # The ORM does not run validators on create(): the database check is what refuses -1.
    with pytest.raises(IntegrityError), transaction.atomic():
        FundingAllocation.objects.create(
            hub_area=area, academic_year=2024, stream=FundingAllocation.Stream.REVENUE, amount_pence=-1
        )


def test_one_allocation_per_area_year_and_stream(area):
    FundingAllocation.objects.create(
        hub_area=area, academic_year=2024, stream=FundingAllocation.Stream.REVENUE, amount_pence=167285400
    )
    FundingAllocation.objects.create(
        hub_area=area, academic_year=2025, stream=FundingAllocation.Stream.REVENUE, amount_pence=167285400
    )

    with pytest.raises(IntegrityError), transaction.atomic():
        FundingAllocation.objects.create(
            hub_area=area, academic_year=2024, stream=FundingAllocation.Stream.REVENUE, amount_pence=1
        )


def test_hub_area_slugs_are_unique(area):
    with pytest.raises(IntegrityError), transaction.atomic():
        HubArea.objects.create(name="Hertfordshire (again)", slug="hertfordshire")
