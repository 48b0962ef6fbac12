"""The issue's "done when", checked on the real seed: what a visitor finds after `make demo`."""

import csv
import io
import re

import pytest
from django.core.management import call_command
from django.urls import reverse
from openpyxl import load_workbook


@pytest.fixture
def seeded(db) -> None:
    call_command("load_network_seed", stdout=io.StringIO())


def test_hertfordshire_shows_its_lead_and_published_funding(client, seeded):
    page = client.get(reverse("network:hub_detail", args=["hertfordshire"])).text

    assert "Hertfordshire Music Service" in page
    for figure in ("£1,672,854", "£549,518", "£2,222,372"):
        assert figure in page


def test_the_map_links_every_one_of_the_43_areas_to_its_hub_page(client, seeded):
    page = client.get(reverse("network:map")).text
    svg = page[page.index("<svg") : page.index("</svg>")]

    linked = set(re.findall(r'<a [^>]*href="/hubs/([a-z0-9-]+)/"', svg))

    assert len(linked) == 43
    assert "hertfordshire" in linked


def test_both_downloads_hold_the_43_areas_with_the_pages_figures(client, seeded):
    csv_rows = list(csv.DictReader(io.StringIO(client.get(reverse("network:hub_areas_csv")).content.decode())))
    workbook = load_workbook(io.BytesIO(client.get(reverse("network:hub_areas_xlsx")).content), read_only=True)
    sheet_rows = list(workbook.worksheets[0].iter_rows(values_only=True))

    assert len(csv_rows) == 43
    assert len(sheet_rows) == 1 + 43
    herts = next(row for row in csv_rows if row[next(iter(row))] == "Hertfordshire")
    assert {"1672854", "549518", "2222372"} <= set(herts.values())
