"""The learners import: all or nothing with line-numbered errors, idempotent, and bulk (queries pinned)."""

import datetime
import math
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.models import Model
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tutti.accounts.models import AuditEvent, User
from tutti.accounts.testing import sign_in
from tutti.learners.importing.run import BATCH_SIZE, learners_import
from tutti.learners.models import Guardian, Learner
from tutti.learners.tests.factories import FICTIONAL_FIRST_NAMES, FICTIONAL_LAST_NAMES
from tutti.network.models import HubArea
from tutti.network.tests.factories import LocalAuthorityFactory
from tutti.schools.tests.factories import SchoolFactory

HEADER = (
    "Forename,Surname,DOB,School URN,NC Year,Postcode,Gender,Ethnicity,SEN,FSM,"
    "Guardian Name,Guardian Email,Guardian Phone\n"
)
TODAY = datetime.date(2026, 1, 15)


@pytest.fixture
def schools(hub_a: HubArea) -> list:
    area = LocalAuthorityFactory(hub_area=hub_a)
    return [SchoolFactory(local_authority=area, urn=117500 + n) for n in range(5)]


def generated_file(rows: int) -> bytes:
    """Invented children: unique by name and date of birth, spread over five schools."""
    lines = [HEADER]
    for n in range(rows):
        first = FICTIONAL_FIRST_NAMES[n % len(FICTIONAL_FIRST_NAMES)]
        last = f"{FICTIONAL_LAST_NAMES[n % len(FICTIONAL_LAST_NAMES)]}{n}"
        born = datetime.date(2012, 9, 1) + datetime.timedelta(days=n % 2000)
        lines.append(
            f"{first},{last},{born:%d/%m/%Y},{117500 + n % 5},{n % 7 + 1},SG12 7AB,F,WBRI,N,Y,"
            f"Guardian {last},guardian{n}@example.org,01632 96{n % 10000:04d}\n"
        )
    return "".join(lines).encode()


def test_a_file_imports_learners_and_guardians_keeping_only_the_postcode_district(
    hub_a: HubArea, hub_a_admin: User, schools: list
) -> None:
    data = (HEADER + "Pipkin,Fiddlesticks,27/03/2016,117500,R,SG12 7AB,F,ABAN,K,Y,Mordred Fiddlesticks,"
            "mordred@example.org,01632 960001\n").encode()  # fmt: skip
    result = learners_import(hub=hub_a, data=data, by=hub_a_admin, today=TODAY)
    assert result.ok
    assert result.created == 1
    learner = Learner.objects.get()
    assert learner.reference == "HRT-000001"
    assert learner.school == schools[0]
    assert learner.year_group == 0
    assert learner.postcode_district == "SG12"
    assert learner.ethnicity == "ABAN"
    assert learner.send == "sen_support"
    assert learner.guardians.get().email == "mordred@example.org"
    assert AuditEvent.objects.get(action=AuditEvent.Action.LEARNERS_IMPORTED).detail.startswith("1 added")


def test_any_bad_line_imports_nothing_and_every_problem_names_its_line(
    hub_a: HubArea, hub_a_admin: User, schools: list
) -> None:
    data = (
        HEADER
        + "Pipkin,Fiddlesticks,27/03/2016,117500,4,SG12,F,WBRI,N,Y,,,\n"
        + "Tansy,Puddleby,31/02/2016,117500,4,SG12,F,WBRI,N,Y,,,\n"
        + "Wren,Oboe-Smythe,01/01/2016,999999,4,SG12,F,ZZZZ,Q,Y,,not-an-email,\n"
        + "Pipkin,FIDDLESTICKS,27/03/2016,117500,4,SG12,F,WBRI,N,Y,,,\n"
    ).encode()
    result = learners_import(hub=hub_a, data=data, by=hub_a_admin, today=TODAY)
    messages = [str(error) for error in result.errors]
    assert "Line 3: DOB '31/02/2016' is not a date written DD/MM/YYYY" in messages
    assert "Line 4: Ethnicity 'ZZZZ' is not one of the DfE main codes (WBRI, AIND, ...)" in messages
    assert "Line 4: SEN 'Q' is not one of N, K, E (no SEN, SEN support, EHC plan)" in messages
    assert "Line 4: Guardian Email or Phone is given without a Guardian Name" in messages
    assert "Line 4: School URN 999999 is not in the schools register" in messages
    assert not Learner.objects.exists()
    assert not AuditEvent.objects.filter(action=AuditEvent.Action.LEARNERS_IMPORTED).exists()


def test_the_same_child_twice_in_one_file_is_refused(hub_a: HubArea, hub_a_admin: User, schools: list) -> None:
    data = (
        HEADER
        + "Pipkin,Fiddlesticks,27/03/2016,117500,4,SG12,F,WBRI,N,Y,,,\n"
        + " pipkin , FIDDLESTICKS ,27/03/2016,117500,4,SG12,F,WBRI,N,Y,,,\n"
    ).encode()
    result = learners_import(hub=hub_a, data=data, by=hub_a_admin, today=TODAY)
    assert [str(error) for error in result.errors] == ["Line 3: the same learner as line 2"]


def test_an_unknown_column_is_refused_on_line_1(hub_a: HubArea, hub_a_admin: User) -> None:
    result = learners_import(hub=hub_a, data=b"Forename,Surname,DOB,Shoe size\n", by=hub_a_admin, today=TODAY)
    assert [str(error) for error in result.errors] == ["Line 1: unknown column(s) Shoe size (see the list of columns)"]


def test_reimporting_changes_nothing_and_a_changed_line_updates(
    hub_a: HubArea, hub_a_admin: User, schools: list
) -> None:
    data = generated_file(30)
    assert learners_import(hub=hub_a, data=data, by=hub_a_admin, today=TODAY).created == 30
    again = learners_import(hub=hub_a, data=data, by=hub_a_admin, today=TODAY)
    assert (again.created, again.updated, again.unchanged, again.guardians_added) == (0, 0, 30, 0)
    assert Learner.objects.count() == 30
    assert Guardian.objects.count() == 30

    changed = data.replace(b",SG12 7AB,F,WBRI,N,Y,Guardian Puddleby5,", b",AL1,F,WBRI,E,Y,Guardian Puddleby5,")
    result = learners_import(hub=hub_a, data=changed, by=hub_a_admin, today=TODAY)
    assert (result.created, result.updated) == (0, 1)
    assert Learner.objects.get(last_name="Puddleby5").send == "ehc_plan"


def test_a_learner_ref_updates_that_learner_even_with_a_new_name(
    hub_a: HubArea, hub_a_admin: User, schools: list
) -> None:
    learners_import(hub=hub_a, data=generated_file(1), by=hub_a_admin, today=TODAY)
    data = b"Learner Ref,Forename,Surname,DOB\nHRT-000001,Pipkin,Fiddlesticks-Tambourini,01/09/2012\n"
    result = learners_import(hub=hub_a, data=data, by=hub_a_admin, today=TODAY)
    assert result.updated == 1
    assert Learner.objects.get().last_name == "Fiddlesticks-Tambourini"
    missing = learners_import(
        hub=hub_a, data=b"Learner Ref,Forename,Surname,DOB\nHRT-000777,A,B,01/09/2012\n", by=hub_a_admin, today=TODAY
    )
    assert [str(e) for e in missing.errors] == ["Line 2: Learner Ref HRT-000777 is not a current learner of this hub"]


def _batches(model: type[Model], rows: int) -> int:
    """How many INSERTs the database needs for ``rows`` rows: one per BATCH_SIZE, or fewer rows per query
    where the backend limits the parameters of one query (SQLite)."""
    fields = [f for f in model._meta.concrete_fields if not f.primary_key]
    size = min(BATCH_SIZE, connection.ops.bulk_batch_size(fields, [None] * rows) or rows)
    return math.ceil(rows / size)


def test_2000_rows_import_with_queries_per_batch_never_per_row(
    hub_a: HubArea, hub_a_admin: User, schools: list
) -> None:
    with CaptureQueriesContext(connection) as small:
        assert learners_import(hub=hub_a, data=generated_file(20), by=hub_a_admin, today=TODAY).created == 20
    with CaptureQueriesContext(connection) as large:
        result = learners_import(hub=hub_a, data=generated_file(2000), by=hub_a_admin, today=TODAY)
    assert result.ok
    assert result.created == 1980  # the first 20 lines are the children already imported
    assert result.unchanged == 20
    assert Learner.objects.count() == 2000
    assert Guardian.objects.count() == 2000
    inserts = _batches(Learner, 1980) + _batches(Guardian, 1980) - _batches(Learner, 20) - _batches(Guardian, 20)
    # At most: the first run's queries, the extra INSERT batches, and two reads (the 20 learners it
    # matched, the hub's guardians). One query per row would be thousands.
    assert len(large) <= len(small) + inserts + 2
    assert len(large) < 2000 / 20


def test_command_and_upload_page(hub_a: HubArea, hub_a_admin: User, schools: list, tmp_path: Path) -> None:
    path = tmp_path / "learners.csv"
    path.write_bytes(generated_file(5))
    call_command("import_learners", str(path), "--hub", "hertfordshire")
    assert Learner.objects.count() == 5

    client = sign_in(Client(), hub_a_admin)
    bad = b"Forename,Surname,DOB\nNimbus,Glockenspire,32/01/2016\n"
    page = client.post(reverse("learners:learner_import"), {"file": _upload(bad)}).content.decode()
    assert "Nothing was imported: 1 problem in the file" in page
    assert "Line 2: DOB &#x27;32/01/2016&#x27; is not a date written DD/MM/YYYY" in page
    good = b"Forename,Surname,DOB\nNimbus,Glockenspire,30/01/2016\n"
    response = client.post(reverse("learners:learner_import"), {"file": _upload(good)})
    assert response.status_code == 302
    assert Learner.objects.count() == 6


def _upload(data: bytes) -> object:
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile("learners.csv", data, content_type="text/csv")
