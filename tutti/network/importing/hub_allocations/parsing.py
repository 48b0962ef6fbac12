"""The rows of ACE's spreadsheet under its header, read into typed rows and problems.

Every row is checked and every problem is reported with the row number the spreadsheet shows, so a
person can fix the file in one pass. Amounts may be numbers or text (`1672854`, `£1,672,854.00`), and
lists may be separated by semicolons, with or without spaces (`E06000001; E06000002`).
"""

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from tutti.core.money import format_pence, parse_pounds
from tutti.network.importing.hub_allocations.columns import Column, allocations_table, read_header
from tutti.network.importing.problems import Problem
from tutti.network.importing.tabular import DataRow
from tutti.network.models import ONS_LA_CODE, Verification

# In every hub with a published revenue/capital split for 2024/25, capital = 0.3285 x revenue.
# No source says capital is set that way, so a figure outside this band is a warning, never an error.
NATIONAL_CAPITAL_RATIO = 0.3285
CAPITAL_RATIO_BAND = (0.30, 0.36)
# Published totals are rounded separately from their parts (West of England's is £1 less than the sum).
TOTAL_TOLERANCE_PENCE = 100

_VERIFICATION_WORDS = {
    "yes": Verification.CONFIRMED,
    "y": Verification.CONFIRMED,
    "true": Verification.CONFIRMED,
    "confirmed": Verification.CONFIRMED,
    "partial": Verification.PARTIAL,
    "partly": Verification.PARTIAL,
    "inferred": Verification.INFERRED,
}
_CODE_SEPARATORS = re.compile(r"[;,\s]+")
_ITEM_SEPARATORS = re.compile(r"[;\n]+")  # names and addresses may hold commas and spaces ("Bristol, City of")


@dataclass(frozen=True)
class HubAllocationRow:
    """One hub area as the file gives it. None means the file does not publish the value."""

    line: int
    area: str
    lead_organisation: str | None
    la_codes: tuple[str, ...]
    # Only in a file without codes: the names as written, then (references.codes_for_names) la_codes' names.
    la_names: tuple[str, ...] = ()
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
        codes = [code.upper() for code in _CODE_SEPARATORS.split(self.text(Column.LA_CODES) or "") if code]
        for code in codes:
            if not re.match(ONS_LA_CODE.regex, code):
                self.problem(
                    Column.LA_CODES,
                    f"unknown local-authority code {code!r}: expected E06, E08, E09 or E10 and six digits",
                )
        return self.authorities_listed(Column.LA_CODES, codes, none="no local-authority codes")

    def la_names(self) -> tuple[str, ...]:
        names = [" ".join(name.split()) for name in _ITEM_SEPARATORS.split(self.text(Column.LA_NAMES) or "")]
        return self.authorities_listed(Column.LA_NAMES, [name for name in names if name], none="no local authorities")

    def authorities_listed(self, column: Column, items: list[str], *, none: str) -> tuple[str, ...]:
        """The local authorities a cell lists, once each; a problem when it lists none, or one twice."""
        if not items:
            self.problem(column, f"{none}: every hub area is made of local authorities")
        seen: set[str] = set()
        for item in items:
            if item.casefold() in seen:
                self.problem(column, f"{item} is listed twice")
            seen.add(item.casefold())
        return tuple(dict.fromkeys(items))

    def local_authorities(self) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """The row's ONS codes; in a file without a codes column, the names to look them up by instead."""
        if Column.LA_CODES in self.positions:
            return self.la_codes(), ()
        return (), self.la_names()

    def sources(self) -> tuple[str, ...] | None:
        text = self.text(Column.SOURCES)
        if text is None:
            return None
        return tuple(source.strip() for source in _ITEM_SEPARATORS.split(text) if source.strip())

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
        la_codes, la_names = self.local_authorities()
        row = HubAllocationRow(
            line=self.row.line,
            area=area,
            lead_organisation=" ".join((self.text(Column.LEAD) or "").split()) or None,
            la_codes=la_codes,
            la_names=la_names,
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


def _is_sheet_total(row: HubAllocationRow) -> bool:
    """A row like 'Total' or 'Grand total' with amounts and no local authorities sums the rows above it."""
    words = row.area.casefold().split()
    return bool(words) and words[0] in {"total", "totals", "grand"} and not (row.la_codes or row.la_names)


def _is_note(data_row: DataRow, row: HubAllocationRow) -> bool:
    """A line of text on its own below the table ('Source: Arts Council England'): no hub area has nothing
    but a name, so it is not one."""
    return bool(row.area) and sum(1 for cell in data_row.cells if cell.strip()) == 1


def sheet_total_warnings(
    total: HubAllocationRow, rows: Sequence[HubAllocationRow], columns: dict[Column, str]
) -> list[Problem]:
    """The sheet's own total row checked against the areas' figures, where every area publishes the figure."""
    warnings = []
    for column, attribute in (
        (Column.REVENUE, "revenue_pence"),
        (Column.CAPITAL, "capital_pence"),
        (Column.TOTAL, "total_pence"),
    ):
        stated: int | None = getattr(total, attribute)
        figures: list[int | None] = [getattr(row, attribute) for row in rows]
        if stated is None or not figures or None in figures:
            continue
        summed = sum(figure or 0 for figure in figures)
        if abs(stated - summed) > TOTAL_TOLERANCE_PENCE * len(figures):  # each figure rounded on its own
            warnings.append(
                Problem(
                    total.line,
                    columns.get(column, str(column)),
                    f"the sheet's total {format_pence(stated)} is not the sum of the areas above it "
                    f"({format_pence(summed)}): check for a missing or mistyped row",
                )
            )
    return warnings


def conflicts_between_rows(
    rows: Sequence[HubAllocationRow], *, columns: dict[Column, str] | None = None
) -> list[Problem]:
    """A hub area listed twice, or a local authority claimed by two areas (each sits in exactly one)."""
    columns = columns or {}
    area_column = columns.get(Column.AREA, str(Column.AREA))
    # A file of names was matched to codes (references.codes_for_names): its problems speak of the names.
    codes_column = columns.get(Column.LA_CODES) or columns.get(Column.LA_NAMES) or str(Column.LA_CODES)
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
        names = dict(zip(row.la_codes, row.la_names, strict=False))
        for code in row.la_codes:
            claimed = claims.setdefault(code, row)
            if claimed is not row:
                authority = f"{names[code]} ({code})" if code in names else code
                problems.append(
                    Problem(
                        row.line,
                        codes_column,
                        f"{authority} is claimed by two areas, '{claimed.area}' (line {claimed.line}) "
                        f"and '{row.area}': a local authority sits in exactly one hub area",
                    )
                )
    return problems


def parse_hub_allocations(rows: Sequence[DataRow], *, academic_year: int | None = None) -> ParsedHubAllocations:
    """Find the header among the spreadsheet's rows and read every row under it.

    The result's problems are those of the header and of each row on its own; the caller checks the rows
    against each other (`conflicts_between_rows`) once their local authorities are known.
    """
    table = allocations_table(rows)
    header = read_header(table, academic_year=academic_year)
    parsed = ParsedHubAllocations(
        problems=header.problems,
        warnings=header.warnings,
        academic_year=header.academic_year,
        columns=header.headers,
    )
    if not header.can_read_rows():
        return parsed  # without its key columns no row can be read: the header problems say what to add
    capital_column = parsed.columns.get(Column.CAPITAL, str(Column.CAPITAL))
    totals: list[HubAllocationRow] = []
    for data_row in table.rows:
        if data_row.is_blank():
            continue
        row, problems = _RowReader(data_row, header.positions, parsed.columns).read()
        if _is_sheet_total(row):
            totals.append(row)  # not an area, so its missing local authorities are no problem
        elif _is_note(data_row, row):
            parsed.warnings.append(Problem(row.line, "", f"'{row.area}' is a note, not a hub area: skipped"))
        else:
            parsed.rows.append(row)
            parsed.problems.extend(problems)
            if (warning := capital_ratio_warning(row, capital_column)) is not None:
                parsed.warnings.append(warning)
    for total in totals:
        parsed.warnings.extend(sheet_total_warnings(total, parsed.rows, parsed.columns))
    parsed.problems.sort()
    return parsed
