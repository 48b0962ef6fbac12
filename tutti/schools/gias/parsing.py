"""GIAS rows to checked school records: every problem of every row is collected before anything is written."""

import datetime
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_EVEN, Decimal, InvalidOperation
from typing import Any, TypeVar

from pyproj import Transformer

from tutti.network.importing.problems import ImportRejectedError, Problem
from tutti.network.importing.tabular import DataRow, Table
from tutti.schools.gias import types

URN = "URN"
NAME = "EstablishmentName"
TYPE = "TypeOfEstablishment (name)"
TYPE_GROUP = "EstablishmentTypeGroup (name)"
STATUS = "EstablishmentStatus (name)"
PHASE = "PhaseOfEducation (name)"
LOW_AGE = "StatutoryLowAge"
HIGH_AGE = "StatutoryHighAge"
LA_CODE = "LA (code)"
GSS_CODE = "GSSLACode (name)"
PUPILS = "NumberOfPupils"
FSM = "PercentageFSM"
POSTCODE = "Postcode"
WEBSITE = "SchoolWebsite"
OPEN_DATE = "OpenDate"
CLOSE_DATE = "CloseDate"
EASTING = "Easting"
NORTHING = "Northing"

REQUIRED_COLUMNS = (URN, NAME, TYPE_GROUP, STATUS)
# A school's local authority comes from either column: the ONS code when the file has it, else DfE's number.
AUTHORITY_COLUMNS = (GSS_CODE, LA_CODE)
# GIAS marks a figure it withholds with a word rather than leaving it blank.
NOT_GIVEN = frozenset({"", "supp", "na", "n/a", "x", "not applicable"})
SIX_PLACES = Decimal("0.000001")
# British National Grid (EPSG:27700) to WGS84 latitude/longitude (EPSG:4326), easting before northing.
_TO_WGS84 = Transformer.from_crs("EPSG:27700", "EPSG:4326", always_xy=True)

_T = TypeVar("_T")


@dataclass(frozen=True)
class AuthorityLookup:
    """Local authority ids by ONS code and by DfE number, read once for the whole file."""

    by_ons_code: Mapping[str, int]
    by_dfe_code: Mapping[int, int]


@dataclass
class SchoolRecord:
    """One checked row: the School fields it sets, keyed by model field name."""

    line: int
    urn: int
    fields: dict[str, Any]


class _Row:
    """One data row read by column name, collecting its problems."""

    def __init__(self, row: DataRow, positions: Mapping[str, int], problems: list[Problem]) -> None:
        self.row, self.positions, self.problems = row, positions, problems

    def text(self, column: str) -> str:
        position = self.positions.get(column)
        if position is None or position >= len(self.row.cells):
            return ""
        return self.row.cells[position].strip()

    def problem(self, column: str, message: str) -> None:
        self.problems.append(Problem(self.row.line, column, message))

    def parsed(self, column: str, parse: Callable[[str], _T], expected: str) -> _T | None:
        value = self.text(column)
        if value.lower() in NOT_GIVEN:
            return None
        try:
            return parse(value)
        except (ValueError, InvalidOperation):
            self.problem(column, f"{value!r} is not {expected}")
            return None


def _whole_number(text: str) -> int:
    number = int(text)
    if number < 0:
        raise ValueError(text)
    return number


def _day(text: str) -> datetime.date:
    return datetime.datetime.strptime(text, "%d-%m-%Y").date()


def _percentage(text: str) -> Decimal:
    value = Decimal(text).quantize(Decimal("0.1"), rounding=ROUND_HALF_EVEN)
    if not Decimal(0) <= value <= Decimal(100):
        raise ValueError(text)
    return value


def _coordinate(text: str) -> float:
    value = float(text)
    if not 0 <= value <= 1_300_000:
        raise ValueError(text)
    return value


def missing_columns(headers: tuple[str, ...]) -> list[Problem]:
    """Line-1 problems: a required column, or both local authority columns, missing."""
    present = set(headers)
    problems = [
        Problem(1, column, "this required column is missing") for column in REQUIRED_COLUMNS if column not in present
    ]
    if not present & set(AUTHORITY_COLUMNS):
        problems.append(Problem(1, " or ".join(AUTHORITY_COLUMNS), "one of these columns is needed"))
    seen: set[str] = set()
    for column in headers:
        if column and column in seen:
            problems.append(Problem(1, column, "this column appears twice"))
        seen.add(column)
    return problems


def _authority(row: _Row, authorities: AuthorityLookup) -> int | None:
    ons_code = row.text(GSS_CODE).upper()
    if ons_code:
        authority_id = authorities.by_ons_code.get(ons_code)
        if authority_id is None:
            row.problem(GSS_CODE, f"no local authority has the ONS code {ons_code}")
        return authority_id
    text = row.text(LA_CODE)
    try:
        dfe_code = _whole_number(text)
    except ValueError:
        row.problem(
            LA_CODE, f"{text!r} is not a DfE local authority number" if text else "the local authority is missing"
        )
        return None
    authority_id = authorities.by_dfe_code.get(dfe_code)
    if authority_id is None:
        row.problem(LA_CODE, f"no local authority has the DfE number {dfe_code}")
    return authority_id


def _record(row: _Row, *, authorities: AuthorityLookup, today: datetime.date) -> SchoolRecord | None:
    before = len(row.problems)
    urn = row.parsed(URN, _whole_number, "a URN (a whole number)")
    if urn is None and len(row.problems) == before:
        row.problem(URN, "the URN is missing")
    name = row.text(NAME)
    if not name:
        row.problem(NAME, "the name is missing")
    type_group = row.text(TYPE_GROUP)
    if not type_group:
        row.problem(TYPE_GROUP, "the establishment type group is missing")
    status = types.STATUSES.get(row.text(STATUS).lower())
    if status is None:
        row.problem(STATUS, f"{row.text(STATUS)!r} is not a GIAS status ({', '.join(map(repr, types.STATUSES))})")
    low = row.parsed(LOW_AGE, _whole_number, "an age in years")
    high = row.parsed(HIGH_AGE, _whole_number, "an age in years")
    if low is not None and high is not None and low > high:
        row.problem(HIGH_AGE, f"the age range {low} to {high} ends before it starts")
    phase_text = row.text(PHASE)
    if PHASE in row.positions and phase_text:
        phase: str | None = types.PHASES.get(phase_text.lower())
        if phase is None:
            row.problem(PHASE, f"{phase_text!r} is not a GIAS phase of education")
    else:
        phase = types.phase_from_ages(low, high)
    opened_on = row.parsed(OPEN_DATE, _day, "a date like 01-09-2012 (DD-MM-YYYY)")
    closed_on = row.parsed(CLOSE_DATE, _day, "a date like 31-08-2024 (DD-MM-YYYY)")
    if closed_on is not None and closed_on <= today:
        status = types.School.Status.CLOSED  # a past close date closes the school whatever the status says
    authority_id = _authority(row, authorities)
    fields = {
        "name": name[:200],
        "establishment_type": row.text(TYPE)[:100],
        "type_group": type_group[:100],
        "phase": phase,
        "statutory_low_age": low,
        "statutory_high_age": high,
        "local_authority_id": authority_id,
        "number_of_pupils": row.parsed(PUPILS, _whole_number, "a number of pupils"),
        "percent_fsm": row.parsed(FSM, _percentage, "a percentage from 0 to 100"),
        "postcode": row.text(POSTCODE)[:10],
        "website": row.text(WEBSITE)[:300],
        "status": status,
        "opened_on": opened_on,
        "closed_on": closed_on,
        "state_funded": types.is_state_funded(type_group=type_group, establishment_type=row.text(TYPE)),
        "easting": row.parsed(EASTING, _coordinate, "an easting in metres"),
        "northing": row.parsed(NORTHING, _coordinate, "a northing in metres"),
    }
    if len(row.problems) > before or urn is None:
        return None
    return SchoolRecord(line=row.row.line, urn=urn, fields=fields)


def _add_coordinates(records: list[SchoolRecord]) -> None:
    """Latitude and longitude for every record with both easting and northing, in one vectorised call."""
    located = [r for r in records if r.fields["easting"] is not None and r.fields["northing"] is not None]
    longitudes, latitudes = _TO_WGS84.transform(
        [r.fields["easting"] for r in located], [r.fields["northing"] for r in located]
    )
    for record in records:
        record.fields["latitude"] = record.fields["longitude"] = None
    for record, longitude, latitude in zip(located, longitudes, latitudes, strict=True):
        record.fields["latitude"] = Decimal(str(latitude)).quantize(SIX_PLACES)
        record.fields["longitude"] = Decimal(str(longitude)).quantize(SIX_PLACES)
    for record in records:
        del record.fields["easting"], record.fields["northing"]


def parse_extract(table: Table, *, authorities: AuthorityLookup, today: datetime.date) -> list[SchoolRecord]:
    """Every row as a record, or ImportRejectedError listing every problem of every row."""
    problems = missing_columns(table.headers)
    if problems:
        raise ImportRejectedError(problems)
    positions = {column: index for index, column in enumerate(table.headers)}
    records: list[SchoolRecord] = []
    first_line_of: dict[str, int] = {}
    for data_row in table.rows:
        if data_row.is_blank():
            continue
        row = _Row(data_row, positions, problems)
        urn_text = row.text(URN)
        if urn_text in first_line_of:
            row.problem(URN, f"URN {urn_text} is also on line {first_line_of[urn_text]}")
        elif urn_text:
            first_line_of[urn_text] = data_row.line
        record = _record(row, authorities=authorities, today=today)
        if record is not None:
            records.append(record)
    if problems:
        raise ImportRejectedError(problems)
    if not records:
        raise ImportRejectedError([Problem(1, "", "the file has no schools in it")])
    _add_coordinates(records)
    return records
