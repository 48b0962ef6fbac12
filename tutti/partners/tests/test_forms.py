"""The partner, agreement and share forms keep what was typed and name what is wrong."""

from django.test import Client
from django.urls import reverse

from tutti.accounts.models import User
from tutti.accounts.testing import sign_in
from tutti.network.models import FundingAllocation, HubArea
from tutti.network.tests.factories import LocalAuthorityFactory
from tutti.partners.models import Agreement, Partner
from tutti.partners.tests.factories import PartnerFactory


def test_the_partner_form_keeps_input_and_refuses_a_duplicate_name(hub_a: HubArea, hub_a_manager: User) -> None:
    PartnerFactory.create(hub=hub_a, name="Herts Youth Orchestra")
    response = sign_in(Client(), hub_a_manager).post(
        reverse("partners:partner_new"),
        {"name": "herts youth orchestra", "kind": "music_organisation", "status": "active", "website": "not a url"},
    )
    html = response.content.decode()
    assert "This hub already has a partner called herts youth orchestra" in html
    assert "Enter a web address" in html
    assert 'value="herts youth orchestra"' in html
    assert '<option value="music_organisation" selected>' in html
    assert '<a href="#id_name">' in html
    assert Partner.objects.count() == 1


def test_a_new_partner_can_serve_only_the_hubs_own_authorities(
    hub_a: HubArea, hub_b: HubArea, hub_a_admin: User
) -> None:
    watford = LocalAuthorityFactory.create(hub_area=hub_a, name="Watford")
    solihull = LocalAuthorityFactory.create(hub_area=hub_b, name="Solihull")
    client = sign_in(Client(), hub_a_admin)
    assert "Solihull" not in client.get(reverse("partners:partner_new")).content.decode()
    refused = client.post(
        reverse("partners:partner_new"), {"name": "Band", "kind": "other", "local_authorities": [solihull.pk]}
    )
    assert refused.status_code == 200
    assert "Select a valid choice" in refused.content.decode()
    created = client.post(
        reverse("partners:partner_new"),
        {"name": "Band", "kind": "other", "status": "active", "local_authorities": [watford.pk]},
    )
    assert created.status_code == 302
    assert list(Partner.objects.get(name="Band").local_authorities.all()) == [watford]


def test_the_agreement_form_keeps_input_and_checks_the_dates(hub_a: HubArea, hub_a_admin: User) -> None:
    partner = PartnerFactory.create(hub=hub_a)
    response = sign_in(Client(), hub_a_admin).post(
        reverse("partners:agreement_new", kwargs={"public_id": partner.public_id}),
        {
            "academic_year": "2024/26",
            "commitments": "Lend the hall",
            "cash_pence": "£1,2x0",
            "starts_on": "2025-08-31",
            "ends_on": "2024-09-01",
        },
    )
    html = response.content.decode()
    assert "the second year must follow the first" in html
    assert "is not an amount of money" in html
    assert "The end date must be the same as or after the start date" in html
    assert "Lend the hall" in html
    assert 'value="£1,2x0"' in html
    assert not Agreement.objects.exists()


def test_the_share_form_names_the_amounts_when_over_the_allocation(hub_a: HubArea, hub_a_finance: User) -> None:
    FundingAllocation.objects.create(hub_area=hub_a, academic_year=2024, stream="combined", amount_pence=5_000_00)
    watford = LocalAuthorityFactory.create(hub_area=hub_a, name="Watford")
    partner = PartnerFactory.create(hub=hub_a, name="Watford Music Service")
    response = sign_in(Client(), hub_a_finance).post(
        reverse("partners:share_new"),
        {"academic_year": "2024/25", "local_authority": watford.pk, "partner": partner.pk, "amount_pence": "6,000"},
    )
    html = response.content.decode()
    assert "Shares for 2024/25 would total £6,000" in html
    assert "allocation of £5,000" in html
    assert 'value="6,000"' in html


def test_without_a_published_allocation_the_share_pages_explain_why_before_any_click(
    hub_a: HubArea, hub_a_finance: User
) -> None:
    client = sign_in(Client(), hub_a_finance)

    shares = client.get(reverse("partners:share_list"), {"year": "2025/26"}).content.decode()
    form = client.get(reverse("partners:share_new")).content.decode()

    assert "Shares for 2025/26 cannot be recorded" in shares
    assert "not published in Tutti's data" in shares
    assert "Record a share" not in shares
    assert "No share can be recorded yet" in form
    assert "Save share" not in form


def test_the_share_form_offers_the_published_years_and_refuses_another_on_the_year(
    hub_a: HubArea, hub_a_finance: User
) -> None:
    FundingAllocation.objects.create(hub_area=hub_a, academic_year=2024, stream="combined", amount_pence=5_000_00)
    watford = LocalAuthorityFactory.create(hub_area=hub_a, name="Watford")
    partner = PartnerFactory.create(hub=hub_a, name="Watford Music Service")
    client = sign_in(Client(), hub_a_finance)

    shares = client.get(reverse("partners:share_list"), {"year": "2024/25"}).content.decode()
    form = client.get(reverse("partners:share_new"), {"year": "2024/25"}).content.decode()
    refused = client.post(
        reverse("partners:share_new"),
        {"academic_year": "2025/26", "local_authority": watford.pk, "partner": partner.pk, "amount_pence": "600"},
    ).content.decode()

    assert "Record a share for 2024/25" in shares
    assert "A year with a published allocation: 2024/25." in form
    assert 'value="2024/25"' in form
    assert 'href="#id_academic_year">No allocation for 2025/26 is published' in refused
    assert 'value="2025/26"' in refused
