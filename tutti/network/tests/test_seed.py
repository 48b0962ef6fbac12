"""`manage.py load_network_seed`: the shipped ONS and hub data, loaded the way `make demo` loads it."""

from collections import Counter
from io import StringIO

import pytest
from django.core.management import call_command
from django.db.models import Count

from tutti.network.models import FundingAllocation, HubArea, LeadAppointment, LocalAuthority, Region

Stream = FundingAllocation.Stream


def load_seed() -> str:
    out = StringIO()
    call_command("load_network_seed", stdout=out)
    return out.getvalue()


@pytest.fixture
def seeded(db) -> str:
    return load_seed()


def test_seed_loads_every_upper_tier_authority_into_exactly_one_of_43_areas(seeded):
    assert Region.objects.count() == 9
    assert LocalAuthority.objects.count() == 153
    assert HubArea.objects.count() == 43
    assert not LocalAuthority.objects.filter(hub_area__isnull=True).exists()
    assert not HubArea.objects.annotate(n=Count("local_authorities")).filter(n=0).exists()
    assert sum(HubArea.objects.annotate(n=Count("local_authorities")).values_list("n", flat=True)) == 153


def test_seed_gives_hertfordshire_its_published_funding_and_lead(seeded):
    herts = HubArea.objects.get(slug="hertfordshire")

    allocations = dict(herts.allocations.filter(academic_year=2024).values_list("stream", "amount_pence"))
    assert allocations == {Stream.REVENUE: 167285400, Stream.CAPITAL: 54951800}
    assert LeadAppointment.objects.current().get(hub_area=herts).organisation.name == (
        "Hertfordshire Music Service (Hertfordshire County Council)"
    )
    authority = LocalAuthority.objects.get(ons_code="E10000015")
    assert (authority.name, authority.dfe_code, authority.kind, authority.region.name, authority.hub_area) == (
        "Hertfordshire",
        919,
        LocalAuthority.Kind.COUNTY,
        "East of England",
        herts,
    )


def test_seed_maps_every_ons_type_and_draws_every_boundary(seeded):
    kinds = Counter(LocalAuthority.objects.values_list("kind", flat=True))
    assert kinds == {
        LocalAuthority.Kind.UNITARY: 63,
        LocalAuthority.Kind.METROPOLITAN: 36,
        LocalAuthority.Kind.LONDON_BOROUGH: 33,
        LocalAuthority.Kind.COUNTY: 21,
    }
    assert not LocalAuthority.objects.filter(boundary_svg="").exists()
    assert LocalAuthority.objects.get(ons_code="E10000015").boundary_svg.startswith("M")


def test_seed_marks_the_hub_list_as_compiled(seeded):
    verification = Counter(HubArea.objects.values_list("verification", flat=True))
    assert verification == {"yes": 31, "partial": 7, "inferred": 5}
    funded = HubArea.objects.filter(allocations__academic_year=2024).distinct().count()
    assert funded == 15
    # Only a total was published for London North: it is held as a combined figure, never split.
    assert dict(
        FundingAllocation.objects.filter(hub_area__name="London North").values_list("stream", "amount_pence")
    ) == {Stream.COMBINED: 234158100}


def test_seed_run_again_changes_nothing(seeded, django_assert_max_num_queries):
    before = sorted(HubArea.objects.values_list("pk", "updated_at"))

    with django_assert_max_num_queries(30):  # bulk reads and writes: never a query per authority or area
        output = load_seed()

    assert sorted(HubArea.objects.values_list("pk", "updated_at")) == before
    assert "Local authorities: 0 created, 0 updated, 153 unchanged." in output
    assert "Nothing changed: this file was already imported." in output
