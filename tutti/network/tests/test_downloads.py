"""The downloads, read back with the csv module and openpyxl, hold the selector's figures and nothing invented."""

import codecs
import csv
import io
from decimal import Decimal

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from tutti.network.downloads import hub_area_rows, pounds
from tutti.network.models import FundingAllocation, LeadOrganisation
from tutti.network.selectors import hub_area_summaries
from tutti.network.tests.factories import (
    FundingAllocationFactory,
    HubAreaFactory,
    LeadAppointmentFactory,
    LocalAuthorityFactory,
)

Stream = FundingAllocation.Stream
HUB_AREA_HEADERS = [
    "Hub area",
    "Lead organisation",
    "Local authorities",
    "ONS codes",
    "Revenue 2024/25 (£)",
    "Capital 2024/25 (£)",
    "Total 2024/25 (£)",
    "Verification",
    "Sources",
]


@pytest.fixture
def network(db):
    herts = HubAreaFactory(name="Hertfordshire", slug="hertfordshire", sources="https://example.org/herts")
    LocalAuthorityFactory(hub_area=herts, name="Hertfordshire", ons_code="E10000015")
    LeadAppointmentFactory(
        hub_area=herts,
        organisation__name="Hertfordshire Music Service",
        organisation__kind=LeadOrganisation.Kind.COUNCIL,
        organisation__website="https://hertsmusicservice.org.uk/",
    )
    FundingAllocationFactory(hub_area=herts, stream=Stream.REVENUE, amount_pence=167285400, source="https://ace/a")
    FundingAllocationFactory(hub_area=herts, stream=Stream.CAPITAL, amount_pence=54951800, source="https://ace/a")

    berks = HubAreaFactory(name="Berkshire", slug="berkshire", verification="partial", sources="https://example.org/b")
    LocalAuthorityFactory(hub_area=berks, name="Reading", ons_code="E06000038")
    LocalAuthorityFactory(hub_area=berks, name="Slough", ons_code="E06000039")

    cornwall = HubAreaFactory(name="Cornwall", slug="cornwall", sources="")
    LocalAuthorityFactory(hub_area=cornwall, name="Cornwall", ons_code="E06000052")
    LeadAppointmentFactory(hub_area=cornwall, organisation__name="ASONE Hub", organisation__kind="unknown")
    FundingAllocationFactory(hub_area=cornwall, stream=Stream.COMBINED, amount_pence=92224700, source="https://bbc/c")
    return [herts, berks, cornwall]


def expected_rows() -> list[list[str]]:
    """What the selector says, written the way a CSV holds it (blank where not published)."""
    rows = []
    for summary in hub_area_summaries():
        funding = summary.funding
        rows.append(
            [
                summary.area.name,
                summary.lead.organisation.name if summary.lead else "",
                "; ".join(la.name for la in summary.local_authorities),
                "; ".join(la.ons_code for la in summary.local_authorities),
                *(
                    "" if pence is None else str(pence // 100)
                    for pence in (funding.revenue_pence, funding.capital_pence, funding.total_pence)
                ),
                summary.area.get_verification_display(),
                "; ".join([*summary.area.source_list, *funding.sources]),
            ]
        )
    return rows


def test_hub_areas_csv_holds_the_selectors_figures(client, network):
    response = client.get(reverse("network:hub_areas_csv"))

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="hub-areas-and-funding.csv"'
    assert response.content.startswith(codecs.BOM_UTF8)  # so Excel on Windows reads it as UTF-8
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == HUB_AREA_HEADERS
    assert rows[1:] == expected_rows()
    by_area = {row[0]: row for row in rows[1:]}
    assert by_area["Hertfordshire"][4:7] == ["1672854", "549518", "2222372"]
    assert by_area["Berkshire"][1] == ""  # no lead in the data
    assert by_area["Berkshire"][4:7] == ["", "", ""]  # not published, never 0
    assert by_area["Berkshire"][7] == "Partly confirmed"
    assert by_area["Cornwall"][4:7] == ["", "", "922247"]
    assert by_area["Hertfordshire"][8] == "https://example.org/herts; https://ace/a"


def test_hub_areas_xlsx_holds_the_same_rows_as_the_csv(client, network):
    csv_rows = list(csv.reader(io.StringIO(client.get(reverse("network:hub_areas_csv")).content.decode("utf-8-sig"))))
    response = client.get(reverse("network:hub_areas_xlsx"))

    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert response["Content-Disposition"] == 'attachment; filename="hub-areas-and-funding.xlsx"'
    workbook = load_workbook(io.BytesIO(response.content))
    assert workbook.sheetnames == ["Hub areas", "About"]
    sheet = workbook["Hub areas"]
    values = [["" if value is None else str(value) for value in row] for row in sheet.iter_rows(values_only=True)]
    assert values == csv_rows
    herts = next(row for row in sheet.iter_rows(min_row=2) if row[0].value == "Hertfordshire")
    assert [cell.value for cell in herts[4:7]] == [1672854, 549518, 2222372]  # numbers, not text
    assert all(cell.number_format == "£#,##0" for cell in herts[4:7])
    berks = next(row for row in sheet.iter_rows(min_row=2) if row[0].value == "Berkshire")
    assert [cell.value for cell in berks[4:7]] == [None, None, None]


def test_hub_areas_xlsx_is_laid_out_for_reading(client, network):
    workbook = load_workbook(io.BytesIO(client.get(reverse("network:hub_areas_xlsx")).content))
    sheet = workbook["Hub areas"]

    assert all(cell.font.bold for cell in sheet[1])
    assert sheet.freeze_panes == "A2"
    assert sheet.column_dimensions["A"].width >= 30
    about = " ".join(str(row[0]) for row in workbook["About"].iter_rows(values_only=True))
    assert "Open Government Licence v3.0" in about
    assert "Source: Office for National Statistics" in about
    assert "2024/25" in about


def test_lead_organisations_csv_lists_current_appointments(client, network):
    LeadAppointmentFactory(
        hub_area=network[1],
        organisation__name="Old Berkshire Lead",
        starts_on="2012-09-01",
        ends_on="2024-08-31",
    )
    response = client.get(reverse("network:lead_organisations_csv"))

    assert response["Content-Disposition"] == 'attachment; filename="hub-lead-organisations.csv"'
    assert response.content.startswith(codecs.BOM_UTF8)
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows == [
        ["Organisation", "Kind", "Website", "Hub area", "Appointed from"],
        ["ASONE Hub", "", LeadOrganisation.objects.get(name="ASONE Hub").website, "Cornwall", "2024-09-01"],
        ["Hertfordshire Music Service", "Council", "https://hertsmusicservice.org.uk/", "Hertfordshire", "2024-09-01"],
    ]


def test_downloads_page_links_each_file_and_states_the_licence(client, network):
    html = client.get(reverse("network:downloads")).content.decode()

    for name in ["network:hub_areas_csv", "network:hub_areas_xlsx", "network:lead_organisations_csv"]:
        assert f'href="{reverse(name)}"' in html
    assert "Open Government Licence v3.0" in html
    assert "Contains OS data © Crown copyright and database right 2024." in html


def test_downloads_query_count_is_fixed(client, network, django_assert_max_num_queries):
    with django_assert_max_num_queries(6):
        client.get(reverse("network:hub_areas_csv"))
    with django_assert_max_num_queries(6):
        client.get(reverse("network:hub_areas_xlsx"))
    with django_assert_max_num_queries(2):
        client.get(reverse("network:lead_organisations_csv"))


def test_pounds_are_whole_numbers_and_keep_pence_when_there_are_any():
    assert pounds(167285400) == 1672854
    assert pounds(1250) == Decimal("12.50")
    assert pounds(None) is None


@pytest.mark.django_db
def test_a_row_with_nothing_published_is_blank_not_zero():
    area = HubAreaFactory(name="Nowhere")
    LocalAuthorityFactory(hub_area=area)

    (row,) = hub_area_rows(hub_area_summaries())

    assert (row.lead_organisation, row.revenue, row.capital, row.total) == ("", None, None, None)
