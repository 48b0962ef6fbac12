"""Which row of ACE's spreadsheet is the header, and what each of its headers means.

Columns are found by what their header means, not by position or spelling: "Name of Music Hub Area",
"Hub area" and "hub_area" are all the area. Extra columns are ignored. A funder's workbook often has a
title, notes and blank rows above its header, so the header is the first of the first rows that names
both the hub area and an amount of money. Problems with the header carry the header's own row number.
"""

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from tutti.core import academic_year as academic_years
from tutti.network.importing.problems import Problem
from tutti.network.importing.tabular import DataRow, Table, table_under

HEADER_SEARCH_ROWS = 20


class Column(StrEnum):
    AREA = "hub area"
    LEAD = "lead organisation"
    LA_NAMES = "local-authority names"
    LA_CODES = "local-authority codes"
    REVENUE = "revenue"
    CAPITAL = "capital"
    TOTAL = "total"
    SOURCES = "sources"
    VERIFIED = "verified"


REQUIRED_COLUMNS = (Column.AREA, Column.LEAD)  # and the local authorities: their codes, or else their names
MONEY_COLUMNS = (Column.REVENUE, Column.TOTAL, Column.CAPITAL)  # the order a header year is looked for in

EXAMPLE_HEADERS = {
    Column.AREA: "'Name of Music Hub Area', 'Hub area' or 'hub_area'",
    Column.LEAD: "'Hub Lead Organisation', 'HLO' or 'Lead organisation'",
    Column.LA_CODES: "'la_codes', 'LA codes', 'ONS codes' or 'GSS codes'",
    Column.LA_NAMES: "'Local authorities'",
}

_HEADER_YEAR = re.compile(r"\b(20\d\d) (\d\d|20\d\d)\b")
_LA_WORDS = {"la", "las", "local", "authority", "authorities"}


def normalise_header(header: str) -> str:
    """`Revenue_2024/25 (GBP)` -> `revenue 2024 25 gbp`: lowercase, punctuation and underscores as spaces."""
    return " ".join(re.sub(r"[^a-z0-9]+", " ", header.lower()).split())


def column_for_header(header: str) -> Column | None:
    """Which column a header means, by its words; None for a column this importer does not read."""
    words = set(normalise_header(header).split())
    if not words or "dfe" in words:  # DfE's three-digit LA numbers are not the ONS codes areas are built from
        return None
    if words & {"code", "codes"} and words & (_LA_WORDS | {"ons", "gss"}):
        return Column.LA_CODES
    if words & {"lead", "hlo", "organisation", "organization"}:
        return Column.LEAD
    if words & _LA_WORDS:
        return Column.LA_NAMES
    for column in (Column.REVENUE, Column.CAPITAL, Column.TOTAL):
        if column.value in words:
            return column
    if words & {"source", "sources", "url", "urls"}:
        return Column.SOURCES
    if any(word.startswith("verif") for word in words):
        return Column.VERIFIED
    if words & {"area", "hub"} or words == {"name"}:
        return Column.AREA
    return None


def header_year(header: str) -> int | None:
    """The academic year a header names (`revenue_2024_25_gbp`, `Revenue 2024/25`), if it names one."""
    for start, end in _HEADER_YEAR.findall(normalise_header(header)):
        try:
            return academic_years.parse(f"{start}/{end}")
        except ValueError:
            continue  # "Capital 2024-26" spans two years: it names no academic year
    return None


def is_header_row(cells: Sequence[str]) -> bool:
    """A row with one cell naming the hub area and another naming an amount: a title or a note has neither."""
    meanings = {column_for_header(cell) for cell in cells}
    return Column.AREA in meanings and not meanings.isdisjoint(MONEY_COLUMNS)


def allocations_table(rows: Sequence[DataRow]) -> Table:
    """The table under the header row: the first of the first rows that is a header by `is_header_row`,
    or else the first row with anything in it, whose missing columns are then reported."""
    searched = [row for row in rows[:HEADER_SEARCH_ROWS] if not row.is_blank()]
    header = next((row for row in searched if is_header_row(row.cells)), searched[0] if searched else rows[0])
    return table_under(rows, header)


@dataclass
class HeaderReading:
    """Where each column is, its header as written, the academic year, and what is wrong with the header."""

    positions: dict[Column, int] = field(default_factory=dict)
    headers: dict[Column, str] = field(default_factory=dict)
    academic_year: int | None = None
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)

    def can_read_rows(self) -> bool:
        return all(column in self.positions for column in REQUIRED_COLUMNS) and (
            Column.LA_CODES in self.positions or Column.LA_NAMES in self.positions
        )


def read_header(table: Table, *, academic_year: int | None) -> HeaderReading:
    """The columns the header names and the year of its figures (`academic_year` overrides the headers')."""
    reading = HeaderReading()
    line = table.header_line
    for position, header in enumerate(table.headers):
        column = column_for_header(header)
        if column is None:
            continue
        if column in reading.positions:
            first = table.headers[reading.positions[column]]
            message = f"both '{first}' and '{header}' look like the {column} column: rename or remove one"
            reading.problems.append(Problem(line, header, message))
            continue
        reading.positions[column] = position
        reading.headers[column] = header
    _missing_columns(table, reading)
    if reading.can_read_rows():
        _academic_year(table, reading, given=academic_year)
    return reading


def _missing_columns(table: Table, reading: HeaderReading) -> None:
    line = table.header_line
    for column in REQUIRED_COLUMNS:
        if column not in reading.positions:
            reading.problems.append(
                Problem(line, "", f"no {column} column: add one with a header such as {EXAMPLE_HEADERS[column]}")
            )
    if Column.LA_CODES not in reading.positions and Column.LA_NAMES not in reading.positions:
        reading.problems.append(
            Problem(
                line,
                "",
                f"no {Column.LA_CODES} column: add one with a header such as {EXAMPLE_HEADERS[Column.LA_CODES]}, "
                f"or a column of their ONS names with a header such as {EXAMPLE_HEADERS[Column.LA_NAMES]}",
            )
        )
    if not reading.can_read_rows() and not is_header_row(table.headers):
        reading.problems.append(
            Problem(
                line,
                "",
                f"none of the first {HEADER_SEARCH_ROWS} rows names both the hub area and an amount "
                "(such as 'Hub area' and 'Revenue 2024/25'), so this row, the first with anything in it, "
                "was read as the header",
            )
        )


def _academic_year(table: Table, reading: HeaderReading, *, given: int | None) -> None:
    line = table.header_line
    named = {
        (column, year)
        for column in MONEY_COLUMNS
        if column in reading.headers and (year := header_year(reading.headers[column])) is not None
    }
    years = {year for _, year in named}
    if given is not None:
        reading.academic_year = given
        if years and years != {given}:
            said = ", ".join(academic_years.label(year) for year in sorted(years))
            message = f"the headers name {said} but --year {academic_years.label(given)} was given: using it"
            reading.warnings.append(Problem(line, "", message))
    elif len(years) > 1:
        said = ", ".join(f"{column} {academic_years.label(year)}" for column, year in sorted(named))
        reading.problems.append(Problem(line, "", f"the headers name different academic years ({said}): pass --year"))
    elif not years:
        reading.problems.append(
            Problem(
                line,
                "",
                "no academic year: pass --year 2024/25, or name the year in the revenue header "
                "(e.g. 'Revenue 2024/25')",
            )
        )
    else:
        reading.academic_year = years.pop()
