"""The partnership map's counts, the list page's filters, exports and API, and their query counts."""

import codecs
import csv
import datetime
import io

import pytest
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook

from tutti.accounts.models import User
from tutti.accounts.testing import sign_in
from tutti.network.models import HubArea, LocalAuthority, StrategicFunction
from tutti.network.tests.factories import LocalAuthorityFactory
from tutti.partners import selectors
from tutti.partners.exports import PARTNER_HEADERS
from tutti.partners.models import Agreement, Partner
from tutti.partners.tests.factories import AgreementFactory, ContactFactory, PartnerFactory


def _agree(partner: Partner, *slugs: str, year: int = 2024) -> Agreement:
    agreement = AgreementFactory.create(partner=partner, academic_year=year)
    agreement.strategic_functions.set(StrategicFunction.objects.filter(slug__in=slugs))
    return agreement


@pytest.fixture
def authorities(hub_a: HubArea) -> tuple[LocalAuthority, LocalAuthority]:
    return (
        LocalAuthorityFactory.create(hub_area=hub_a, name="Dacorum"),
        LocalAuthorityFactory.create(hub_area=hub_a, name="Watford"),
    )


def test_the_map_counts_active_agreements_by_function_and_kind(hub_a: HubArea, hub_b: HubArea) -> None:
    choir = PartnerFactory.create(hub=hub_a, kind=Partner.Kind.COMMUNITY_GROUP)
    orchestra = PartnerFactory.create(hub=hub_a, kind=Partner.Kind.MUSIC_ORGANISATION)
    college = PartnerFactory.create(hub=hub_a, kind=Partner.Kind.FURTHER_HIGHER_EDUCATION)
    _agree(choir, "inclusion", "partnerships")
    _agree(orchestra, "inclusion")
    _agree(college, "progression")
    _agree(college, "progression", year=2023)  # another year: not counted
    _agree(PartnerFactory.create(hub=hub_a, kind=Partner.Kind.COMMUNITY_GROUP, status="former"), "inclusion")
    _agree(
        PartnerFactory.create(
            hub=hub_a, kind=Partner.Kind.COMMUNITY_GROUP, archived_at=datetime.datetime(2025, 1, 1, tzinfo=datetime.UTC)
        ),
        "inclusion",
    )
    _agree(PartnerFactory.create(hub=hub_b, kind=Partner.Kind.COMMUNITY_GROUP), "inclusion")  # another hub

    matrix = selectors.partnership_map(hub=hub_a, academic_year=2024, axis="kind")
    kinds = list(Partner.Kind.values)
    table = {row.function.slug: dict(zip(kinds, row.counts, strict=True)) for row in matrix.rows}
    assert table["inclusion"]["community_group"] == 1
    assert table["inclusion"]["music_organisation"] == 1
    assert table["partnerships"]["community_group"] == 1
    assert table["progression"]["further_higher_education"] == 1
    assert sum(row.total for row in matrix.rows) == 4
    assert matrix.empty_cells == 5 * 10 - 4


def test_the_map_by_local_authority_counts_a_partner_in_each_authority_it_serves(
    hub_a: HubArea, authorities: tuple[LocalAuthority, LocalAuthority]
) -> None:
    dacorum, watford = authorities
    both = PartnerFactory.create(hub=hub_a)
    both.local_authorities.set([dacorum, watford])
    only_watford = PartnerFactory.create(hub=hub_a)
    only_watford.local_authorities.set([watford])
    _agree(both, "schools")
    _agree(only_watford, "schools")
    matrix = selectors.partnership_map(hub=hub_a, academic_year=2024, axis="local_authority")
    assert matrix.columns == ("Dacorum", "Watford")
    schools = next(row for row in matrix.rows if row.function.slug == "schools")
    assert schools.counts == (1, 2)


def test_the_map_page_marks_empty_cells_in_words(hub_a: HubArea, hub_a_tutor: User) -> None:
    _agree(PartnerFactory.create(hub=hub_a, kind=Partner.Kind.CHARITY), "sustainability")
    html = sign_in(Client(), hub_a_tutor).get(reverse("partners:map"), {"year": "2024/25"}).content.decode()
    assert '<th scope="row" class="govuk-table__header">Sustainability</th>' in html
    assert "49 of 5 \N{MULTIPLICATION SIGN} 10 cells have no active agreement." in html
    assert html.count(">None</strong>") == 49


def _rows_on_page(html: str) -> list[str]:
    return [line.split(">", 2)[2].split("<", 1)[0] for line in html.splitlines() if 'scope="row"' in line]


def test_filters_narrow_the_list_and_the_exports_hold_the_same_rows(
    hub_a: HubArea, hub_b: HubArea, hub_a_admin: User, authorities: tuple[LocalAuthority, LocalAuthority]
) -> None:
    dacorum, watford = authorities
    for name, kind in [("Abbots Langley Choir", "community_group"), ("Bushey Brass", "community_group")]:
        PartnerFactory.create(hub=hub_a, name=name, kind=kind).local_authorities.set([watford])
    PartnerFactory.create(hub=hub_a, name="Dacorum Strings", kind="community_group").local_authorities.set([dacorum])
    PartnerFactory.create(hub=hub_a, name="West Herts College", kind="further_higher_education")
    PartnerFactory.create(hub=hub_b, name="Birmingham Choir", kind="community_group")
    query = {"kind": "community_group", "local_authority": watford.ons_code, "sort": "-name"}
    client = sign_in(Client(), hub_a_admin)

    page = client.get(reverse("partners:partner_list"), query).content.decode()
    assert _rows_on_page(page) == ["Bushey Brass", "Abbots Langley Choir"]

    download = client.get(reverse("partners:partner_list_csv"), query).content
    assert download.startswith(codecs.BOM_UTF8)  # so Excel on Windows reads it as UTF-8
    exported = list(csv.reader(io.StringIO(download.decode("utf-8-sig"))))
    assert exported[0] == PARTNER_HEADERS
    assert [row[0] for row in exported[1:]] == ["Bushey Brass", "Abbots Langley Choir"]
    assert exported[1][1:4] == ["Community group", "Active", "Watford"]

    workbook = load_workbook(io.BytesIO(client.get(reverse("partners:partner_list_xlsx"), query).content))
    sheet_rows = [[cell or "" for cell in row] for row in workbook["Partners"].iter_rows(values_only=True)]
    assert sheet_rows == exported

    api = client.get(reverse("partners:api-partner-list"), query).json()
    assert [partner["name"] for partner in api["results"]] == ["Bushey Brass", "Abbots Langley Choir"]
    assert api["results"][0]["local_authorities"] == [watford.ons_code]


def test_text_search_finds_a_partner_by_a_contacts_name(hub_a: HubArea, hub_a_admin: User) -> None:
    ContactFactory.create(partner=PartnerFactory.create(hub=hub_a, name="Radlett Singers"), name="Imogen Fairweather")
    PartnerFactory.create(hub=hub_a, name="Other")
    page = sign_in(Client(), hub_a_admin).get(reverse("partners:partner_list"), {"q": "fairweather"}).content.decode()
    assert _rows_on_page(page) == ["Radlett Singers"]


def test_the_list_page_and_the_api_use_a_fixed_number_of_queries(
    hub_a: HubArea, hub_a_admin: User, django_assert_num_queries, authorities: tuple[LocalAuthority, LocalAuthority]
) -> None:
    client = sign_in(Client(), hub_a_admin)
    for _number in range(3):
        partner = PartnerFactory.create(hub=hub_a)
        partner.local_authorities.set(authorities)
        _agree(partner, "inclusion")
    client.get(reverse("partners:partner_list"))  # warm the session and the content types
    # Sign-in, membership, roles and two-factor checks, then the count, the page of partners, their authorities
    # and the filter choices.
    with django_assert_num_queries(18):
        client.get(reverse("partners:partner_list"))
    for _number in range(10):
        partner = PartnerFactory.create(hub=hub_a)
        partner.local_authorities.set(authorities)
        _agree(partner, "inclusion")
    with django_assert_num_queries(18):
        response = client.get(reverse("partners:partner_list"))
    assert response.context["rows"].__len__() == 13
    with django_assert_num_queries(19):
        assert client.get(reverse("partners:api-partner-list")).json()["count"] == 13


def test_money_in_the_api_only_for_roles_that_see_it(hub_a: HubArea, hub_a_tutor: User, hub_a_finance: User) -> None:
    _agree(PartnerFactory.create(hub=hub_a), "inclusion").__class__.objects.update(cash_pence=12_345_00)
    tutor_view = sign_in(Client(), hub_a_tutor).get(reverse("partners:api-partner-list")).json()
    finance_view = sign_in(Client(), hub_a_finance).get(reverse("partners:api-partner-list")).json()
    assert "cash_pence" not in tutor_view["results"][0]["agreements"][0]
    assert finance_view["results"][0]["agreements"][0]["cash_pence"] == 12_345_00


def test_a_malformed_partner_id_in_the_api_is_not_found(client, hub_a_admin):
    sign_in(client, hub_a_admin)

    assert client.get("/hub/partners/api/partners/not-a-uuid/").status_code == 404
