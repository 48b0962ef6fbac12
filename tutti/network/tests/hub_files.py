"""Files of hub areas and allocations as a funder or the seed writes them, and how a person imports them."""

import csv
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from tutti.network.models import FundingAllocation, HubArea, LeadAppointment, LeadOrganisation, LocalAuthority

HEADERS = [
    "hub_area",
    "hub_lead_organisation",
    "local_authorities",
    "la_codes",
    "revenue_2024_25_gbp",
    "capital_2024_25_gbp",
    "total_2024_25_gbp",
    "source_urls",
    "verified",
]
HERTFORDSHIRE = {
    "hub_area": "Hertfordshire",
    "hub_lead_organisation": "Hertfordshire Music Service (Hertfordshire County Council)",
    "local_authorities": "Hertfordshire",
    "la_codes": "E10000015",
    "revenue_2024_25_gbp": "1672854",
    "capital_2024_25_gbp": "549518",
    "total_2024_25_gbp": "2222372",
    "source_urls": "https://hertsmusicservice.org.uk/hub;https://www.artscouncil.org.uk/music-hubs",
    "verified": "yes",
}
# West of England's published total is £1 less than its parts.
WEST_OF_ENGLAND = {
    "hub_area": "West of England",
    "hub_lead_organisation": "Bristol Beacon (Bristol Music Trust)",
    "local_authorities": "Bristol;Bath and North East Somerset",
    "la_codes": "E06000023;E06000022",
    "revenue_2024_25_gbp": "1455692",
    "capital_2024_25_gbp": "478183",
    "total_2024_25_gbp": "1933874",
    "source_urls": "https://www.bristolbeacon.org/news",
    "verified": "yes",
}
# Only a total was published for London North.
LONDON_NORTH = {
    "hub_area": "London North",
    "hub_lead_organisation": "Haringey Music Service (London Borough of Haringey)",
    "local_authorities": "Barnet;Camden",
    "la_codes": "E09000003, E09000007",
    "revenue_2024_25_gbp": "",
    "capital_2024_25_gbp": "",
    "total_2024_25_gbp": "£2,341,581",
    "source_urls": "",
    "verified": "partial",
}

AUTHORITIES = [
    ("E10000015", "Hertfordshire", LocalAuthority.Kind.COUNTY, "E12000006", "East of England"),
    ("E06000023", "Bristol, City of", LocalAuthority.Kind.UNITARY, "E12000009", "South West"),
    ("E06000022", "Bath and North East Somerset", LocalAuthority.Kind.UNITARY, "E12000009", "South West"),
    ("E09000003", "Barnet", LocalAuthority.Kind.LONDON_BOROUGH, "E12000007", "London"),
    ("E09000007", "Camden", LocalAuthority.Kind.LONDON_BOROUGH, "E12000007", "London"),
]


def write_csv(path: Path, rows: list[dict[str, str]], headers: list[str] = HEADERS) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(headers)
        for row in rows:
            writer.writerow([row.get(header, "") for header in headers])
    return path


def run_import(path: Path, *args: str) -> str:
    out = StringIO()
    call_command("import_hub_allocations", str(path), *args, stdout=out)
    return out.getvalue()


def rejection(path: Path, *args: str) -> str:
    with pytest.raises(CommandError) as error:
        run_import(path, *args)
    return str(error.value)


def assert_nothing_written() -> None:
    assert HubArea.objects.count() == 0
    assert FundingAllocation.objects.count() == 0
    assert LeadAppointment.objects.count() == 0
    assert LeadOrganisation.objects.count() == 0
    assert not LocalAuthority.objects.filter(hub_area__isnull=False).exists()


def area_of(ons_code: str) -> str | None:
    return LocalAuthority.objects.filter(ons_code=ons_code).values_list("hub_area__name", flat=True).get()


def amounts(area_name: str, year: int = 2024) -> dict[str, int]:
    return dict(
        FundingAllocation.objects.filter(hub_area__name=area_name, academic_year=year).values_list(
            "stream", "amount_pence"
        )
    )
