"""Public pages are cached per network revision: fast for the crowd, never stale after an import."""

import pytest
from django.urls import reverse

from tutti.network.models import HubArea
from tutti.network.services import hub_allocations_import_file
from tutti.network.tests.factories import LocalAuthorityFactory, RegionFactory

HEADER = "Hub area,Hub Lead Organisation,LA codes,Revenue 2024/25,Capital 2024/25\n"


@pytest.fixture
def hertfordshire_authority(db):
    return LocalAuthorityFactory(
        ons_code="E10000015", name="Hertfordshire", region=RegionFactory(code="E12000006", name="East of England")
    )


def _import(tmp_path, revenue: str, capital: str) -> None:
    path = tmp_path / f"allocations-{revenue}.csv"
    path.write_text(HEADER + f"Hertfordshire,Hertfordshire Music Service,E10000015,{revenue},{capital}\n")
    hub_allocations_import_file(path=path)


def test_an_import_shows_at_once_on_pages_cached_before_it(client, tmp_path, hertfordshire_authority):
    _import(tmp_path, "1672854", "549518")
    page = reverse("network:hub_detail", args=["hertfordshire"])
    assert "£2,222,372" in client.get(page).text

    _import(tmp_path, "1700000", "558433")

    assert "£2,258,433" in client.get(page).text
    assert "£2,258,433" in client.get(reverse("network:hub_list")).text
    assert b"2258433" in client.get(reverse("network:hub_areas_csv")).content


def test_a_repeat_visit_is_served_without_rebuilding_the_page(
    client, tmp_path, hertfordshire_authority, django_assert_num_queries
):
    _import(tmp_path, "1672854", "549518")
    first = client.get(reverse("network:map"))

    with django_assert_num_queries(1):  # the revision, nothing else
        again = client.get(reverse("network:map"))

    assert again.status_code == 200
    assert again.content == first.content


def test_a_download_keeps_its_file_name_when_served_from_the_cache(client, tmp_path, hertfordshire_authority):
    _import(tmp_path, "1672854", "549518")
    client.get(reverse("network:hub_areas_xlsx"))

    again = client.get(reverse("network:hub_areas_xlsx"))

    assert again["Content-Disposition"] == 'attachment; filename="hub-areas-and-funding.xlsx"'
    assert again["Content-Type"].startswith("application/vnd.openxmlformats")


def test_signed_in_people_always_get_a_fresh_page(client, tmp_path, hertfordshire_authority, django_user_model):
    _import(tmp_path, "1672854", "549518")
    client.get(reverse("network:hub_list"))
    person = django_user_model.objects.create_user(email="someone@hub.example", password="a-long-password-1")
    client.force_login(person)

    response = client.get(reverse("network:hub_list"))

    assert "Sign out" in response.text
    assert "Sign in" not in response.text


def test_the_api_is_cached_and_follows_imports(client, tmp_path, hertfordshire_authority):
    _import(tmp_path, "1672854", "549518")
    url = reverse("api:hub-area-detail", args=["hertfordshire"])
    assert client.get(url).json()["funding"]["total_pence"] == 222237200

    _import(tmp_path, "1700000", "558433")

    assert client.get(url).json()["funding"]["total_pence"] == 225843300


def test_an_edit_in_the_admin_shows_on_the_cached_hub_page(admin_client, client, tmp_path, hertfordshire_authority):
    _import(tmp_path, "1672854", "549518")
    page = reverse("network:hub_detail", args=["hertfordshire"])
    assert "Partly confirmed" not in client.get(page).text
    area = HubArea.objects.get(slug="hertfordshire")

    change_page = reverse("admin:network_hubarea_change", args=[area.pk])
    data: dict[str, object] = {"verification": "partial", "sources": "https://example.org/hertfordshire"}
    for inline in admin_client.get(change_page).context["inline_admin_formsets"]:
        management = inline.formset.management_form
        data |= {management.add_prefix(name): value for name, value in management.initial.items()}
        for form in inline.formset.forms:
            data[form.add_prefix("id")] = form.instance.pk
            data[form.add_prefix(inline.formset.fk.name)] = area.pk

    response = admin_client.post(change_page, data)

    assert response.status_code == 302, response.text[:3000]
    assert "Partly confirmed" in client.get(page).text
