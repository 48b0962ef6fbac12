"""A hub administrator uploads their area's GIAS extract; a file reaching outside the area changes nothing."""

from pathlib import Path

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tutti.accounts.testing import sign_in
from tutti.schools.models import School

TRAFFORD = Path(__file__).parent / "data" / "trafford_gias_shaped_2024.csv"


def upload(client, name: str = TRAFFORD.name, content: bytes | None = None):
    extract = SimpleUploadedFile(name, TRAFFORD.read_bytes() if content is None else content, "text/csv")
    return client.post(reverse("schools:register_import"), {"extract": extract}, follow=True)


def test_the_hub_administrator_brings_in_the_areas_schools(client, hub_a_admin, trafford):
    sign_in(client, hub_a_admin)

    response = upload(client)

    assert response.redirect_chain[-1][0] == reverse("schools:list")
    assert "Schools: 103 created, 0 updated, 0 unchanged, 0 closed." in response.text
    assert School.objects.filter(local_authority=trafford).count() == 103
    assert "Schools: 0 created, 0 updated, 103 unchanged" in upload(client).text


def test_schools_outside_the_hub_area_are_refused_and_nothing_is_written(client, hub_b_admin, trafford):
    sign_in(client, hub_b_admin)

    response = upload(client)

    assert "Nothing was imported: 103 problems to fix" in response.text
    assert "outside Birmingham&#x27;s area" in response.text
    assert "in Trafford" in response.text
    assert not School.objects.exists()


def test_a_spreadsheet_or_unreadable_file_is_refused_with_a_message_on_the_field(client, hub_a_admin, trafford):
    sign_in(client, hub_a_admin)

    spreadsheet = upload(client, name="schools.xlsx")
    unicode_text = upload(client, content="URN\n".encode("utf-16"))

    assert "Choose the .csv file GIAS gives you" in spreadsheet.text
    assert 'href="#id_extract"' in spreadsheet.text
    assert "NUL bytes" in unicode_text.text
    assert not School.objects.exists()
