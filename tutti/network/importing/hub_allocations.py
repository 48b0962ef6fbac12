"""ACE's spreadsheet of Music Hub areas and funding allocations, read into typed rows and problems.

Columns are found by what their header means, not by position or spelling: "Name of Music Hub Area",
"Hub area" and "hub_area" are all the area. Extra columns are ignored. Every row is checked and every
problem is reported with its spreadsheet line (the header is line 1), so a person can fix the file in
one pass. Checks that need the database (do the local authorities exist?) are in `references`.
"""

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from tutti.core import academic_year as academic_years
from tutti.core.money import format_pence, parse_pounds
from tutti.network.importing.problems import Problem
from tutti.network.importing.tabular import DataRow, Table
from tutti.network.models import ONS_LA_CODE, Verification

# In every hub with a published revenue/capital split for 2024/25, capital = 0.3285 x revenue.
# No source says capital is set that way, so a figure outside this band is a warning, never an error.
NATIONAL_CAPITAL_RATIO = 0.3285
CAPITAL_RATIO_BAND = (0.30, 0.36)
# Published totals are rounded separately from their parts (West of England's is £1 less than the sum).
TOTAL_TOLERANCE_PENCE = 100


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


REQUIRED_COLUMNS = (Column.AREA, Column.LEAD, Column.LA_CODES)
MONEY_COLUMNS = (Column.REVENUE, Column.TOTAL, Column.CAPITAL)  # the order a header year is looked for in

EXAMPLE_HEADERS = {
    Column.AREA: "'Name of Music Hub Area', 'Hub area' or 'hub_area'",
    Column.LEAD: "'Hub Lead Organisation', 'HLO' or 'Lead organisation'",
    Column.LA_CODES: "'la_codes', 'LA codes', 'ONS codes' or 'GSS codes'",
}

_VERIFICATION_WORDS = {
    "yes": Verification.CONFIRMED,
    "y": Verification.CONFIRMED,
    "true": Verification.CONFIRMED,
    "confirmed": Verification.CONFIRMED,
    "partial": Verification.PARTIAL,
    "partly": Verification.PARTIAL,
    "inferred": Verification.INFERRED,
}
_HEADER_YEAR = re.compile(r"\b(20\d\d) (\d\d|20\d\d)\b")
_LIST_SEPARATORS = re.compile(r"[;,\s]+")
_SOURCE_SEPARATORS = re.compile(r"[;\n]+")
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


@dataclass(frozen=True)
class HubAllocationRow:
    """One hub area as the file gives it. None means the file does not publish the value."""

    line: int
    area: str
    lead_organisation: str | None
    la_codes: tuple[str, ...]
    revenue_pence: int | None = None
    capital_pence: int | None = None
    total_pence: int | None = None
    sources: tuple[str, ...] | None = None  # None: the file has no sources column
    verification: Verification | None = None


@dataclass
class ParsedHubAllocations:
    """The rows that could be read, every problem found, and warnings worth a person's second look."""

    rows: list[HubAllocationRow] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    academic_year: int | None = None
    columns: dict[Column, str] = field(default_factory=dict)


def _find_columns(headers: Sequence[str], parsed: ParsedHubAllocations) -> dict[Column, int]:
    positions: dict[Column, int] = {}
    for position, header in enumerate(headers):
        column = column_for_header(header)
        if column is None:
            continue
        if column in positions:
            parsed.problems.append(
                Problem(
                    1,
                    header,
                    f"both '{headers[positions[column]]}' and '{header}' look like the {column} column: "
                    "rename or remove one",
                )
            )
            continue
        positions[column] = position
        parsed.columns[column] = header
    for column in REQUIRED_COLUMNS:
        if column not in positions:
            parsed.problems.append(
                Problem(1, "", f"no {column} column: add one with a header such as {EXAMPLE_HEADERS[column]}")
            )
    return positions


def _academic_year(
    headers: Sequence[str], positions: dict[Column, int], given: int | None, parsed: ParsedHubAllocations
) -> int | None:
    named = {
        (column, year)
        for column in MONEY_COLUMNS
        if column in positions and (year := header_year(headers[positions[column]])) is not None
    }
    years = {year for _, year in named}
    if given is not None:
        if years and years != {given}:
            said = ", ".join(academic_years.label(year) for year in sorted(years))
            parsed.warnings.append(
                Problem(1, "", f"the headers name {said} but --year {academic_years.label(given)} was given: using it")
            )
        return given
    if len(years) > 1:
        said = ", ".join(f"{column} {academic_years.label(year)}" for column, year in sorted(named))
        parsed.problems.append(Problem(1, "", f"the headers name different academic years ({said}): pass --year"))
        return None
    if not years:
        parsed.problems.append(
            Problem(
                1,
                "",
                "no academic year: pass --year 2024/25, or name the year in the revenue header "
                "(e.g. 'Revenue 2024/25')",
            )
        )
        return None
    return years.pop()


class _RowReader:
    """Reads one data row's cells, collecting problems instead of stopping at the first."""

    def __init__(self, row: DataRow, positions: dict[Column, int], columns: dict[Column, str]) -> None:
        self.row = row
        self.positions = positions
        self.columns = columns
        self.problems: list[Problem] = []

    def text(self, column: Column) -> str | None:
        position = self.positions.get(column)
        if position is None:
            return None
        return self.row.cells[position].strip() if position < len(self.row.cells) else ""

    def problem(self, column: Column, message: str) -> None:
        self.problems.append(Problem(self.row.line, self.columns.get(column, str(column)), message))

    def money(self, column: Column) -> int | None:
        text = self.text(column)
        if not text:
            return None  # blank: not published
        try:
            pence = parse_pounds(text)
        except ValueError as error:
            self.problem(column, str(error))
            return None
        if pence < 0:
            self.problem(column, f"{format_pence(pence)} is negative: an allocation cannot be less than nothing")
            return None
        return pence

    def la_codes(self) -> tuple[str, ...]:
        text = self.text(Column.LA_CODES) or ""
        codes = [code.upper() for code in _LIST_SEPARATORS.split(text) if code]
        if not codes:
            self.problem(Column.LA_CODES, "no local-authority codes: every hub area is made of local authorities")
        seen: set[str] = set()
        for code in codes:
            if not re.match(ONS_LA_CODE.regex, code):
                self.problem(
                    Column.LA_CODES,
                    f"unknown local-authority code {code!r}: expected E06, E08, E09 or E10 and six digits",
                )
            elif code in seen:
                self.problem(Column.LA_CODES, f"{code} is listed twice")
            seen.add(code)
        return tuple(dict.fromkeys(codes))

    def sources(self) -> tuple[str, ...] | None:
        text = self.text(Column.SOURCES)
        if text is None:
            return None
        return tuple(source.strip() for source in _SOURCE_SEPARATORS.split(text) if source.strip())

    def verification(self) -> Verification | None:
        text = (self.text(Column.VERIFIED) or "").lower()
        if not text:
            return None
        if text not in _VERIFICATION_WORDS:
            self.problem(Column.VERIFIED, f"{text!r} is not a verification: use yes, partial or inferred")
            return None
        return _VERIFICATION_WORDS[text]

    def read(self) -> tuple[HubAllocationRow, list[Problem]]:
        """The row (with None for unreadable values) and its own problems; warnings are the caller's."""
        area = " ".join((self.text(Column.AREA) or "").split())
        if not area:
            self.problem(Column.AREA, "the hub area's name is missing")
        revenue, capital, total = (self.money(column) for column in (Column.REVENUE, Column.CAPITAL, Column.TOTAL))
        if revenue is not None and capital is not None and total is not None:
            difference = total - (revenue + capital)
            if abs(difference) > TOTAL_TOLERANCE_PENCE:
                self.problem(
                    Column.TOTAL,
                    f"the total {format_pence(total)} is not revenue + capital ({format_pence(revenue + capital)}): "
                    f"it differs by {format_pence(abs(difference))}, and only £1 of rounding is accepted",
                )
        row = HubAllocationRow(
            line=self.row.line,
            area=area,
            lead_organisation=" ".join((self.text(Column.LEAD) or "").split()) or None,
            la_codes=self.la_codes(),
            revenue_pence=revenue,
            capital_pence=capital,
            total_pence=total,
            sources=self.sources(),
            verification=self.verification(),
        )
        return row, self.problems


def capital_ratio_warning(row: HubAllocationRow, column: str) -> Problem | None:
    """A warning when capital is far from the national pattern of 0.3285 x revenue (a typo, or a new formula)."""
    if not row.revenue_pence or row.capital_pence is None:
        return None
    ratio = row.capital_pence / row.revenue_pence
    low, high = CAPITAL_RATIO_BAND
    if low <= ratio <= high:
        return None
    return Problem(
        row.line,
        column,
        f"capital is {ratio:.3f} x revenue, far from the national pattern of {NATIONAL_CAPITAL_RATIO} x: "
        "check the figures",
    )


def conflicts_between_rows(
    rows: Sequence[HubAllocationRow], *, columns: dict[Column, str] | None = None
) -> list[Problem]:
    """A hub area listed twice, or a local authority claimed by two areas (each sits in exactly one)."""
    columns = columns or {}
    area_column = columns.get(Column.AREA, str(Column.AREA))
    codes_column = columns.get(Column.LA_CODES, str(Column.LA_CODES))
    problems: list[Problem] = []
    areas: dict[str, HubAllocationRow] = {}
    claims: dict[str, HubAllocationRow] = {}
    for row in rows:
        if row.area:
            first = areas.setdefault(row.area.casefold(), row)
            if first is not row:
                problems.append(
                    Problem(row.line, area_column, f"duplicate hub area '{row.area}': it is also on line {first.line}")
                )
                continue
        for code in row.la_codes:
            claimed = claims.setdefault(code, row)
            if claimed is not row:
                problems.append(
                    Problem(
                        row.line,
                        codes_column,
                        f"{code} is claimed by two areas, '{claimed.area}' (line {claimed.line}) and '{row.area}': "
                        "a local authority sits in exactly one hub area",
                    )
                )
    return problems


def parse_hub_allocations(table: Table, *, academic_year: int | None = None) -> ParsedHubAllocations:
    """Read every row of the table; the result's problems are empty only if every row can be imported."""
    parsed = ParsedHubAllocations()
    positions = _find_columns(table.headers, parsed)
    if any(column not in positions for column in REQUIRED_COLUMNS):
        return parsed  # without its key columns no row can be read: the header problems say what to add
    parsed.academic_year = _academic_year(table.headers, positions, academic_year, parsed)
    capital_column = parsed.columns.get(Column.CAPITAL, str(Column.CAPITAL))
    for data_row in table.rows:
        if data_row.is_blank():
            continue
        row, problems = _RowReader(data_row, positions, parsed.columns).read()
        parsed.rows.append(row)
        parsed.problems.extend(problems)
        if (warning := capital_ratio_warning(row, capital_column)) is not None:
            parsed.warnings.append(warning)
    parsed.problems.extend(conflicts_between_rows(parsed.rows, columns=parsed.columns))
    parsed.problems.sort()
    return parsed
