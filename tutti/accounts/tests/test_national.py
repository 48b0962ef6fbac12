"""The national view as a national officer uses it: every hub linked, sorted, searched and downloaded, and
a plain answer at a hub-only address instead of a silent bounce."""

import csv
import io
import re

from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook

from tutti.accounts.models import User
from tutti.accounts.testing import sign_in
from tutti.network.models import FundingAllocation, HubArea


def funding(hub: HubArea, **pence: int) -> None:
    for stream, amount in pence.items():
        FundingAllocation.objects.create(hub_area=hub, academic_year=2024, stream=stream, amount_pence=amount)


def rows_of(html: str) -> list[str]:
    """The hub names in the national table, in the order shown."""
    body = html[html.index('<tbody class="govuk-table__body">') :]
    return [cell.split("</a>")[0].rsplit(">", 1)[1] for cell in body.split('<th scope="row"')[1:]]


def test_the_national_view_links_every_hub_to_its_public_page(
    hub_a: HubArea, hub_b: HubArea, national_officer: User
) -> None:
    html = sign_in(Client(), national_officer).get(reverse("accounts:national")).content.decode()
    assert f'href="{reverse("network:hub_detail", args=[hub_a.slug])}">Hertfordshire</a>' in html
    assert f'href="{reverse("network:hub_detail", args=[hub_b.slug])}">Birmingham</a>' in html
    assert rows_of(html) == ["Birmingham", "Hertfordshire"]


def test_the_national_view_sorts_by_a_column_without_javascript(
    hub_a: HubArea, hub_b: HubArea, national_officer: User
) -> None:
    funding(hub_a, revenue=167_285_400, capital=54_951_800)
    funding(hub_b, revenue=300_000_000, capital=98_547_000)
    client = sign_in(Client(), national_officer)

    html = client.get(reverse("accounts:national"), {"sort": "-total"}).content.decode()
    assert rows_of(html) == ["Birmingham", "Hertfordshire"]
    assert 'aria-sort="descending"' in html
    assert rows_of(client.get(reverse("accounts:national"), {"sort": "total"}).content.decode()) == [
        "Hertfordshire",
        "Birmingham",
    ]


def test_the_national_view_searches_and_keeps_what_was_typed(
    hub_a: HubArea, hub_b: HubArea, national_officer: User
) -> None:
    html = sign_in(Client(), national_officer).get(reverse("accounts:national"), {"q": "hert"}).content.decode()
    assert rows_of(html) == ["Hertfordshire"]
    assert 'value="hert"' in html
    assert "1 of 2 hub areas" in html


def test_a_region_not_in_the_list_is_named_as_the_problem(hub_a: HubArea, national_officer: User) -> None:
    response = sign_in(Client(), national_officer).get(reverse("accounts:national"), {"region": "E99999999"})
    assert response.status_code == 400
    assert '<a href="#region">Choose a region from the list</a>' in response.content.decode()


def test_a_hub_with_only_a_capital_figure_shows_it_and_says_the_rest_is_not_published(
    hub_a: HubArea, national_officer: User
) -> None:
    funding(hub_a, capital=54_951_800)
    html = sign_in(Client(), national_officer).get(reverse("accounts:national")).content.decode()
    row = html[html.index(">Hertfordshire</a>") :].split("</tr>")[0]
    money = [re.sub(r"<[^>]+>", "", cell).strip() for cell in re.findall(r"numeric\">(.*?)</td>", row, re.S)]
    assert money == ["Not published in this data", "£549,518", "Not published in this data"]
    assert "(2024/25)" not in html


def test_the_download_is_the_table_shown_from_the_public_downloads_writer(
    hub_a: HubArea, hub_b: HubArea, national_officer: User
) -> None:
    funding(hub_a, revenue=167_285_400, capital=54_951_800)
    funding(hub_b, capital=98_547_000)
    client = sign_in(Client(), national_officer)

    response = client.get(reverse("accounts:national_csv"), {"sort": "-capital"})
    assert response["Content-Disposition"] == 'attachment; filename="national-hub-areas-and-funding.csv"'
    assert response.content.startswith("\ufeff".encode())  # the shared writer's byte-order mark, for Excel
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][:7] == [
        "Hub area",
        "Lead organisation",
        "Local authorities",
        "ONS codes",
        "Revenue 2024/25 (£)",
        "Capital 2024/25 (£)",
        "Total 2024/25 (£)",
    ]
    assert [(row[0], row[4], row[5], row[6]) for row in rows[1:]] == [
        ("Birmingham", "", "985470", ""),
        ("Hertfordshire", "1672854", "549518", "2222372"),
    ]

    searched = client.get(reverse("accounts:national_xlsx"), {"q": "birm"})
    sheet = load_workbook(io.BytesIO(searched.content)).worksheets[0]
    assert [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)] == ["Birmingham"]


def test_the_national_view_offers_the_downloads_of_what_is_shown(hub_a: HubArea, national_officer: User) -> None:
    html = sign_in(Client(), national_officer).get(reverse("accounts:national"), {"q": "hert"}).content.decode()
    assert f'href="{reverse("accounts:national_csv")}?q=hert"' in html
    assert f'href="{reverse("accounts:national_xlsx")}?q=hert"' in html


def test_a_hub_page_tells_a_national_officer_it_is_for_the_hubs_own_staff(
    hub_a: HubArea, national_officer: User
) -> None:
    client = sign_in(Client(), national_officer)
    for url in (reverse("accounts:hub_home"), reverse("learners:learner_list")):
        response = client.get(url)
        html = response.content.decode()
        assert response.status_code == 403, url
        assert '<h1 class="govuk-heading-l">This page is for a hub\'s own staff</h1>' in html
        assert f"<code>{url}</code>" in html
        assert f'href="{reverse("accounts:national")}">Go to the national view</a>' in html


def test_the_navigation_offers_a_national_officer_the_national_view(national_officer: User) -> None:
    html = sign_in(Client(), national_officer).get(reverse("accounts:account")).content.decode()
    assert f'href="{reverse("accounts:national")}">National view</a>' in html
    assert ">Your hub</a>" not in html
