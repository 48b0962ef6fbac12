"""A funder's workbook laid out for people: a title and a note above the header, blank rows, amounts as
currency-formatted numbers, lists separated by "; ", and local authorities given by name alone."""

from collections.abc import Sequence
from pathlib import Path

import pytest
from openpyxl import Workbook
from openpyxl.styles import Font

from tutti.network.importing.tabular import cell_text
from tutti.network.models import FundingAllocation, HubArea, LeadAppointment, LocalAuthority, NetworkRevision
from tutti.network.tests.hub_files import amounts, area_of, assert_nothing_written, rejection, run_import

Stream = FundingAllocation.Stream
pytestmark = pytest.mark.usefixtures("local_authorities")

POUNDS = '"£"#,##0'
HEADER = [
    "Name of Music Hub Area",
    "Hub Lead Organisation",
    "Local authorities",
    "LA codes",
    "Revenue 2024/25",
    "Capital 2024/25",
    "Total 2024/25",
]
Row = Sequence[object]
Rows = Sequence[Row | None]  # None: a blank row

HERTFORDSHIRE: Row = [
    "Hertfordshire",
    "Hertfordshire Music Service",
    "Hertfordshire",
    "E10000015",
    1672854,
    549518.0,
    2222372.0000000005,  # the total as a formula leaves it, a hair off the whole pounds it shows
]
WEST_OF_ENGLAND: Row = [
    "West of England",
    "Bristol Beacon",
    "Bristol, City of; Bath and North East Somerset",
    "E06000023; E06000022",
    1455692,
    478183,
    1933874,
]
LONDON_NORTH: Row = [
    "London North",
    "Haringey Music Service",
    "Barnet;  Camden",
    "E09000003 ;E09000007",
    None,
    None,
    "£2,341,581",  # a total alone, typed as text
]

TOTAL: Row = ["Total", None, None, None, None, None, 6497827]  # the areas' totals summed, as a sheet sums them
NOTE: Row = ["Source: Arts Council England, May 2024. Figures are subject to change."]


def funder_workbook(path: Path, rows: Rows, *, header: Sequence[str] = HEADER) -> Path:
    """Rows 1-2 a title and a note, 3-4 blank, 5 the header, then each row of `rows` (None for a blank row)."""
    workbook = Workbook()
    sheet = workbook.active
    sheet["A1"] = "Music Hub areas and funding allocations, 2024 to 2025"
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.merge_cells("A1:G1")
    sheet["A2"] = "Amounts are in pounds. Capital is paid in instalments from September 2024 to August 2026."
    for column, text in enumerate(header, start=1):
        sheet.cell(row=5, column=column, value=text).font = Font(bold=True)
    for number, row in enumerate(rows, start=6):
        for column, value in enumerate(row or [], start=1):
            cell = sheet.cell(row=number, column=column, value=value)
            if isinstance(value, int | float):
                cell.number_format = POUNDS
    workbook.save(path)
    return path


def without(column: str, rows: Rows) -> tuple[list[str], Rows]:
    """The header and rows with one column taken out, as a funder's list of names alone would be."""
    position = HEADER.index(column)
    header = [text for number, text in enumerate(HEADER) if number != position]
    return header, [row and [value for number, value in enumerate(row) if number != position] for row in rows]


def database_state() -> dict[str, list[tuple[object, ...]]]:
    return {
        "areas": sorted(HubArea.objects.values_list("pk", "name", "updated_at")),
        "allocations": sorted(FundingAllocation.objects.values_list("pk", "stream", "amount_pence", "updated_at")),
        "appointments": sorted(LeadAppointment.objects.values_list("pk", "organisation__name", "updated_at")),
        "authorities": sorted(LocalAuthority.objects.values_list("ons_code", "hub_area__name")),
    }


def test_a_funder_workbook_is_read_from_its_header_row_down(tmp_path):
    rows = [HERTFORDSHIRE, None, WEST_OF_ENGLAND, LONDON_NORTH, None, TOTAL, None, NOTE, None]

    output = run_import(funder_workbook(tmp_path / "allocations.xlsx", rows))

    assert "Imported allocations.xlsx for 2024/25." in output
    assert "Hub areas: 3 created" in output
    assert "Warning: line 13: 'Source: Arts Council England, May 2024. Figures are subject to change.' is a note" in (
        output
    )
    assert "the sheet's total" not in output
    assert amounts("Hertfordshire") == {Stream.REVENUE: 167285400, Stream.CAPITAL: 54951800}
    assert amounts("West of England") == {Stream.REVENUE: 145569200, Stream.CAPITAL: 47818300}
    assert amounts("London North") == {Stream.COMBINED: 234158100}
    assert [area_of(code) for code in ("E06000023", "E06000022")] == ["West of England", "West of England"]
    assert [area_of(code) for code in ("E09000003", "E09000007")] == ["London North", "London North"]
    assert LeadAppointment.objects.current().get(hub_area__name="Hertfordshire").organisation.name == (
        "Hertfordshire Music Service"
    )


def test_importing_the_workbook_again_changes_nothing(tmp_path):
    rows = [HERTFORDSHIRE, None, WEST_OF_ENGLAND, LONDON_NORTH, None, TOTAL, NOTE]
    path = funder_workbook(tmp_path / "allocations.xlsx", rows)
    run_import(path)
    before, revision = database_state(), NetworkRevision.objects.get().number

    output = run_import(path)

    assert database_state() == before
    assert NetworkRevision.objects.get().number == revision
    assert "Nothing changed: this file was already imported." in output


def test_a_sheet_total_that_is_not_the_sum_of_its_areas_is_a_warning(tmp_path):
    wrong_total = [*TOTAL[:6], 6497827 + 1000]

    output = run_import(
        funder_workbook(tmp_path / "allocations.xlsx", [HERTFORDSHIRE, WEST_OF_ENGLAND, LONDON_NORTH, wrong_total])
    )

    assert (
        "Warning: line 9, Total 2024/25: the sheet's total £6,498,827 is not the sum of the areas above it "
        "(£6,497,827): check for a missing or mistyped row"
    ) in output
    assert not HubArea.objects.filter(name="Total").exists()


def test_problems_name_the_rows_the_spreadsheet_shows(tmp_path):
    unknown_code = [*WEST_OF_ENGLAND[:3], "E06000023; E06999999", *WEST_OF_ENGLAND[4:]]
    bad_amount = [*LONDON_NORTH[:6], "about £2.3m"]

    message = rejection(funder_workbook(tmp_path / "allocations.xlsx", [HERTFORDSHIRE, None, unknown_code, bad_amount]))

    assert "nothing was imported, 2 problems to fix" in message
    assert "line 8, LA codes: unknown local-authority code E06999999" in message
    assert "line 9, Total 2024/25: 'about £2.3m' is not an amount of money" in message
    assert_nothing_written()


def test_a_header_problem_names_the_header_row(tmp_path):
    header = [*HEADER[:4], "Revenue 2024/25", "Core revenue 2024/25", "Total 2024/25"]

    message = rejection(funder_workbook(tmp_path / "allocations.xlsx", [HERTFORDSHIRE], header=header))

    assert "line 5, Core revenue 2024/25: both 'Revenue 2024/25' and 'Core revenue 2024/25' look like" in message
    assert_nothing_written()


def test_a_sheet_with_no_recognisable_header_says_what_was_looked_for(tmp_path):
    header = ["Area", "Organisation", "Authorities", "Codes", "2024/25", "", ""]

    message = rejection(funder_workbook(tmp_path / "allocations.xlsx", [HERTFORDSHIRE], header=header))

    assert "line 1: none of the first 20 rows names both the hub area and an amount" in message
    assert_nothing_written()


def test_local_authorities_may_be_given_by_their_ons_names_alone(tmp_path):
    header, rows = without("LA codes", [HERTFORDSHIRE, WEST_OF_ENGLAND, None, LONDON_NORTH])
    path = funder_workbook(tmp_path / "names.xlsx", rows, header=header)

    run_import(path)
    before = database_state()
    output = run_import(path)

    assert area_of("E10000015") == "Hertfordshire"
    assert [area_of(code) for code in ("E06000023", "E06000022")] == ["West of England", "West of England"]
    assert [area_of(code) for code in ("E09000003", "E09000007")] == ["London North", "London North"]
    assert database_state() == before
    assert "Nothing changed" in output


def test_names_may_be_separated_by_commas_where_no_ons_name_holds_one(tmp_path):
    london_north = [*LONDON_NORTH[:2], "barnet, Camden", *LONDON_NORTH[3:]]
    header, rows = without("LA codes", [london_north])

    run_import(funder_workbook(tmp_path / "names.xlsx", rows, header=header))

    assert [area_of(code) for code in ("E09000003", "E09000007")] == ["London North", "London North"]


def test_a_name_that_matches_no_authority_or_several_is_refused_by_name(tmp_path, local_authorities):
    LocalAuthority.objects.create(
        ons_code="E06000099",
        name="Camden",
        kind=LocalAuthority.Kind.UNITARY,
        region=local_authorities["E09000007"].region,
    )
    misspelt = [*WEST_OF_ENGLAND[:2], "Bristol City of; Bath and North East Somerset", *WEST_OF_ENGLAND[3:]]
    unheard_of = [*HERTFORDSHIRE[:2], "Middle Earth", *HERTFORDSHIRE[3:]]
    header, rows = without("LA codes", [unheard_of, misspelt, LONDON_NORTH])

    message = rejection(funder_workbook(tmp_path / "names.xlsx", rows, header=header))

    assert (
        "line 6, Local authorities: no local authority is named 'Middle Earth': use the name as ONS writes it"
    ) in message
    assert (
        "line 7, Local authorities: no local authority is named 'Bristol City of': did you mean 'Bristol, City of'?"
    ) in message
    assert (
        "line 8, Local authorities: 'Camden' is the name of 2 local authorities (E06000099, E09000007): "
        "give their codes in a column such as 'LA codes' instead"
    ) in message
    assert_nothing_written()


def test_an_authority_named_twice_in_one_row_is_refused(tmp_path):
    header, rows = without("LA codes", [[*LONDON_NORTH[:2], "Barnet; Camden; barnet", *LONDON_NORTH[3:]]])

    message = rejection(funder_workbook(tmp_path / "names.xlsx", rows, header=header))

    assert "line 6, Local authorities: barnet is listed twice" in message
    assert_nothing_written()


def test_an_authority_named_by_two_areas_is_refused_by_its_name(tmp_path):
    greedy = [*LONDON_NORTH[:2], "Barnet; Hertfordshire", *LONDON_NORTH[3:]]
    header, rows = without("LA codes", [HERTFORDSHIRE, greedy])

    message = rejection(funder_workbook(tmp_path / "names.xlsx", rows, header=header))

    assert "line 7, Local authorities: Hertfordshire (E10000015) is claimed by two areas, 'Hertfordshire' (line 6)" in (
        message
    )
    assert_nothing_written()


def test_a_csv_with_a_title_above_its_header_counts_rows_as_a_spreadsheet_does(tmp_path):
    path = tmp_path / "allocations.csv"
    path.write_text(
        "Music Hub areas and funding allocations,,,\n"
        ",,,\n"
        "Hub area,Lead organisation,LA codes,Revenue 2024/25\n"
        'Hertfordshire,Hertfordshire Music Service,E10000015,"£1,672,854"\n'
        "London North,Haringey Music Service,E09000003; E09000042,\n",
        encoding="utf-8",
    )

    message = rejection(path)

    assert "line 5, LA codes: unknown local-authority code E09000042" in message


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (1672854, "1672854"),
        (549518.0, "549518"),
        (1933874.9999999998, "1933875"),
        (2222372.0000000005, "2222372"),
        (1672854.1, "1672854.1"),
        (0.30000000000000004, "0.3"),
        (1e20, "100000000000000000000"),
    ],
)
def test_a_number_is_read_as_the_spreadsheet_shows_it(value, text):
    assert cell_text(value) == text
