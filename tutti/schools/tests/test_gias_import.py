"""The GIAS importer on the real Trafford sample and on broken files built here."""

import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from django.core.management import CommandError, call_command

from tutti.network.importing.problems import ImportRejectedError
from tutti.network.importing.tabular import UnreadableFileError
from tutti.network.models import LocalAuthority
from tutti.schools.gias import parsing
from tutti.schools.models import School, SchoolEngagement
from tutti.schools.services import school_register_import_file
from tutti.schools.tests.factories import SchoolEngagementFactory
from tutti.schools.tests.gias_files import HEADERS, school_row, write_extract

TRAFFORD = Path(__file__).parent / "data" / "trafford_gias_shaped_2024.csv"


def problems_of(path: Path) -> list[str]:
    with pytest.raises(ImportRejectedError) as caught:
        school_register_import_file(path=path)
    return [str(problem) for problem in caught.value.problems]


def test_trafford_extract_imports_every_school_with_its_local_authority(trafford: LocalAuthority) -> None:
    result = school_register_import_file(path=TRAFFORD)

    assert (result.created, result.updated, result.unchanged, result.closed) == (103, 0, 0, 0)
    assert School.objects.filter(local_authority=trafford).count() == 103
    vianney = School.objects.get(urn=106167)
    assert vianney.name == "St John Vianney School"
    assert vianney.type_group == "Special schools"
    assert vianney.establishment_type == ""  # the sample has no TypeOfEstablishment column
    assert vianney.phase == School.Phase.ALL_THROUGH  # ages 5 to 19, no PhaseOfEducation column
    assert (vianney.statutory_low_age, vianney.statutory_high_age) == (5, 19)
    assert vianney.number_of_pupils == 119
    assert vianney.percent_fsm == Decimal("41.3")
    assert vianney.postcode == "M16 0EX"
    assert vianney.status == School.Status.OPEN
    assert vianney.state_funded
    # Easting 381616, northing 395003 is the sample's own lat/lon within a metre (six decimal places).
    assert vianney.latitude is not None
    assert vianney.longitude is not None
    assert abs(vianney.latitude - Decimal("53.451462")) <= Decimal("0.00001")
    assert abs(vianney.longitude - Decimal("-2.278292")) <= Decimal("0.00001")


def test_trafford_state_funded_schools_leave_out_independent_colleges_and_other_types(trafford: LocalAuthority) -> None:
    school_register_import_file(path=TRAFFORD)
    # Hand-counted from the file: 8 independent, 1 college and 1 "Other types" of 103.
    assert School.objects.filter(state_funded=True).count() == 93
    assert not School.objects.filter(type_group="Independent schools", state_funded=True).exists()


def test_reimporting_the_same_extract_changes_nothing(trafford: LocalAuthority) -> None:
    school_register_import_file(path=TRAFFORD)
    stamps = dict(School.objects.values_list("urn", "updated_at"))

    result = school_register_import_file(path=TRAFFORD)

    assert (result.created, result.updated, result.unchanged, result.closed) == (0, 0, 103, 0)
    assert not result.changed
    assert dict(School.objects.values_list("urn", "updated_at")) == stamps


def test_a_newer_extract_updates_changed_schools_and_closes_ones_with_a_close_date(
    tmp_path: Path, trafford: LocalAuthority
) -> None:
    school_register_import_file(path=write_extract(tmp_path, [school_row(1), school_row(2), school_row(3)]))
    newer = [
        school_row(1, **{parsing.PUPILS: "230"}),
        school_row(2, **{parsing.STATUS: "Closed", parsing.CLOSE_DATE: "31-08-2024"}),
        school_row(3),
        school_row(4),
    ]
    result = school_register_import_file(path=write_extract(tmp_path, newer), today=datetime.date(2025, 1, 1))

    assert (result.created, result.updated, result.unchanged, result.closed) == (1, 1, 1, 1)
    assert School.objects.get(urn=1).number_of_pupils == 230
    closed = School.objects.get(urn=2)
    assert closed.status == School.Status.CLOSED
    assert closed.closed_on == datetime.date(2024, 8, 31)


def test_a_full_extract_closes_missing_schools_and_keeps_their_engagement(
    tmp_path: Path, trafford: LocalAuthority
) -> None:
    school_register_import_file(path=write_extract(tmp_path, [school_row(1), school_row(2)]))
    engagement = SchoolEngagementFactory.create(school=School.objects.get(urn=2))

    partial = school_register_import_file(path=write_extract(tmp_path, [school_row(1)]))
    assert partial.closed == 0
    assert School.objects.get(urn=2).status == School.Status.OPEN

    call_command("import_gias", str(write_extract(tmp_path, [school_row(1)])), "--full")

    missing = School.objects.get(urn=2)
    assert missing.status == School.Status.CLOSED
    assert SchoolEngagement.objects.get(pk=engagement.pk).school == missing


def test_missing_required_columns_are_named_and_nothing_is_written(tmp_path: Path, trafford: LocalAuthority) -> None:
    headers = [h for h in HEADERS if h not in {parsing.NAME, parsing.LA_CODE, parsing.GSS_CODE}]
    path = write_extract(tmp_path, [school_row(1)], headers=headers)

    assert problems_of(path) == [
        "line 1, EstablishmentName: this required column is missing",
        "line 1, GSSLACode (name) or LA (code): one of these columns is needed",
    ]
    assert not School.objects.exists()


def test_missing_optional_columns_are_left_blank(tmp_path: Path, trafford: LocalAuthority) -> None:
    required = [parsing.URN, parsing.NAME, parsing.TYPE_GROUP, parsing.STATUS, parsing.LA_CODE]
    school_register_import_file(path=write_extract(tmp_path, [school_row(7)], headers=required))

    school = School.objects.get(urn=7)
    assert school.local_authority == trafford
    assert (school.percent_fsm, school.latitude, school.opened_on, school.phase) == (None, None, None, "not_applicable")


def test_every_bad_row_is_reported_by_line_and_nothing_is_written(tmp_path: Path, trafford: LocalAuthority) -> None:
    rows = [
        school_row(1),
        school_row(2, **{parsing.OPEN_DATE: "2012-09-01"}),
        school_row(3, **{parsing.GSS_CODE: "", parsing.LA_CODE: "999"}),
        school_row(4, **{parsing.GSS_CODE: "E06000099"}),
        school_row(1),
        school_row(5, **{parsing.FSM: "140", parsing.STATUS: "Shut"}),
    ]
    assert problems_of(write_extract(tmp_path, rows)) == [
        "line 3, OpenDate: '2012-09-01' is not a date like 01-09-2012 (DD-MM-YYYY)",
        "line 4, LA (code): no local authority has the DfE number 999",
        "line 5, GSSLACode (name): no local authority has the ONS code E06000099",
        "line 6, URN: URN 1 is also on line 2",
        "line 7, EstablishmentStatus (name): 'Shut' is not a GIAS status "
        "('open', 'open, but proposed to close', 'proposed to open', 'closed')",
        "line 7, PercentageFSM: '140' is not a percentage from 0 to 100",
    ]
    assert not School.objects.exists()


def test_a_utf8_copy_reads_the_same_as_the_windows_1252_original(tmp_path: Path, trafford: LocalAuthority) -> None:
    row = school_row(1, **{parsing.NAME: "Ysgol Gymraeg Caerdydd: Café Côr"})
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    school_register_import_file(path=write_extract(tmp_path / "a", [row], encoding="cp1252"))
    name = School.objects.get(urn=1).name
    result = school_register_import_file(path=write_extract(tmp_path / "b", [row], encoding="utf-8-sig"))
    assert name == "Ysgol Gymraeg Caerdydd: Café Côr"
    assert result.unchanged == 1


def test_a_file_that_is_not_windows_1252_is_refused_with_its_line(tmp_path: Path, trafford: LocalAuthority) -> None:
    path = tmp_path / "edubasealldata.csv"
    path.write_bytes(b"URN,EstablishmentName\r\n1,ok\r\n2," + b"bad \x81 byte\r\n")
    with pytest.raises(UnreadableFileError, match=r"line 3: byte 0x81 is not Windows-1252 text"):
        school_register_import_file(path=path)


def test_a_utf8_file_with_a_broken_byte_is_refused(tmp_path: Path, trafford: LocalAuthority) -> None:
    path = tmp_path / "edubasealldata.csv"
    path.write_bytes(b"\xef\xbb\xbfURN,EstablishmentName\r\n1,caf\xe9\r\n")
    with pytest.raises(UnreadableFileError, match=r"line 2: byte 0xE9 is not UTF-8 text"):
        school_register_import_file(path=path)


def test_a_utf16_file_is_refused(tmp_path: Path, trafford: LocalAuthority) -> None:
    path = write_extract(tmp_path, [school_row(1)], encoding="utf-16")
    with pytest.raises(CommandError, match="not a CSV text file"):
        call_command("import_gias", str(path))


def test_the_command_lists_every_problem(tmp_path: Path, trafford: LocalAuthority) -> None:
    path = write_extract(tmp_path, [school_row(1, **{parsing.CLOSE_DATE: "31/08/2024"})])
    with pytest.raises(CommandError, match=r"1 problem to fix:\n  line 2, CloseDate: '31/08/2024' is not a date"):
        call_command("import_gias", str(path))


def test_a_large_extract_imports_in_bulk_not_a_query_per_row(
    tmp_path: Path, trafford: LocalAuthority, django_assert_max_num_queries: Any
) -> None:
    rows = 3000
    path = write_extract(tmp_path, [school_row(urn) for urn in range(1, rows + 1)])
    # SQLite caps a statement at 999 parameters, so Django writes about 45 schools per INSERT there
    # (1,000 on PostgreSQL); either way a small fraction of one query per row.
    with django_assert_max_num_queries(rows // 40):
        result = school_register_import_file(path=path)
    assert result.created == rows

    changed = [school_row(urn, **{parsing.PUPILS: "211"}) for urn in range(1, rows + 1)]
    with django_assert_max_num_queries(rows // 40):
        result = school_register_import_file(path=write_extract(tmp_path, changed))
    assert result.updated == rows
