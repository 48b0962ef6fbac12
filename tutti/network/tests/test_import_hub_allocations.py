"""`manage.py import_hub_allocations`: ACE's spreadsheet of hub areas and allocations, as a person runs it."""

import datetime

import pytest
from openpyxl import Workbook

from tutti.network.importing.hub_allocations.columns import Column, column_for_header
from tutti.network.importing.hub_allocations.parsing import HubAllocationRow
from tutti.network.importing.lead_organisations import infer_kind
from tutti.network.importing.problems import ImportRejectedError
from tutti.network.models import (
    FundingAllocation,
    HubArea,
    LeadAppointment,
    LeadOrganisation,
    LocalAuthority,
    Verification,
)
from tutti.network.services import hub_allocations_import
from tutti.network.tests.hub_files import (
    HEADERS,
    HERTFORDSHIRE,
    LONDON_NORTH,
    WEST_OF_ENGLAND,
    amounts,
    area_of,
    assert_nothing_written,
    rejection,
    run_import,
    write_csv,
)

Stream = FundingAllocation.Stream

pytestmark = pytest.mark.usefixtures("local_authorities")


# What a good file does


def test_import_creates_areas_leads_local_authorities_and_allocations(tmp_path):
    output = run_import(write_csv(tmp_path / "hubs.csv", [HERTFORDSHIRE, WEST_OF_ENGLAND, LONDON_NORTH]))

    herts = HubArea.objects.get(name="Hertfordshire")
    assert herts.slug == "hertfordshire"
    assert herts.verification == Verification.CONFIRMED
    assert herts.source_list == ["https://hertsmusicservice.org.uk/hub", "https://www.artscouncil.org.uk/music-hubs"]
    assert amounts("Hertfordshire") == {Stream.REVENUE: 167285400, Stream.CAPITAL: 54951800}
    revenue = FundingAllocation.objects.get(hub_area=herts, stream=Stream.REVENUE)
    assert revenue.source.splitlines() == herts.source_list
    lead = LeadAppointment.objects.current().get(hub_area=herts)
    assert lead.organisation.name == "Hertfordshire Music Service (Hertfordshire County Council)"
    assert lead.organisation.kind == LeadOrganisation.Kind.COUNCIL
    assert lead.starts_on == datetime.date(2024, 9, 1)
    assert LocalAuthority.objects.get(ons_code="E10000015").hub_area == herts
    assert set(HubArea.objects.get(name="London North").local_authorities.values_list("ons_code", flat=True)) == {
        "E09000003",
        "E09000007",
    }
    assert "Hub areas: 3 created, 0 updated, 0 unchanged." in output
    assert "Funding allocations for 2024/25: 5 created, 0 updated, 0 unchanged." in output


def test_a_published_total_alone_is_stored_as_combined(tmp_path):
    run_import(write_csv(tmp_path / "hubs.csv", [LONDON_NORTH]))

    assert amounts("London North") == {Stream.COMBINED: 234158100}
    assert HubArea.objects.get(name="London North").verification == Verification.PARTIAL


def test_a_total_one_pound_short_of_its_parts_is_accepted_and_not_stored(tmp_path):
    run_import(write_csv(tmp_path / "hubs.csv", [WEST_OF_ENGLAND]))

    assert amounts("West of England") == {Stream.REVENUE: 145569200, Stream.CAPITAL: 47818300}


@pytest.mark.parametrize("written", ["£1,672,854", "1672854", "1672854.00", " £1672854 "])
def test_money_is_read_as_written_in_a_spreadsheet(tmp_path, written):
    run_import(write_csv(tmp_path / "hubs.csv", [HERTFORDSHIRE | {"revenue_2024_25_gbp": written}]))

    assert amounts("Hertfordshire")[Stream.REVENUE] == 167285400


def test_a_capital_far_from_the_national_ratio_is_a_warning_not_an_error(tmp_path):
    row = HERTFORDSHIRE | {"capital_2024_25_gbp": "334571", "total_2024_25_gbp": "2007425"}

    output = run_import(write_csv(tmp_path / "hubs.csv", [row]))

    assert "Warning: line 2, capital_2024_25_gbp: capital is 0.200 x revenue" in output
    assert amounts("Hertfordshire")[Stream.CAPITAL] == 33457100


def test_a_blank_lead_organisation_opens_no_appointment(tmp_path):
    run_import(write_csv(tmp_path / "hubs.csv", [HERTFORDSHIRE | {"hub_lead_organisation": ""}]))

    assert HubArea.objects.filter(name="Hertfordshire").exists()
    assert not LeadAppointment.objects.exists()


def test_headers_are_matched_by_meaning_and_extra_columns_ignored(tmp_path):
    headers = [
        "Notes",
        "Name of Music Hub Area",
        "HLO",
        "Local authority names",
        "ONS codes",
        "Core revenue 2024/25 (£)",
        "Capital grant",
        "Total",
        "Sources",
        "Verified?",
    ]
    row = dict(zip(headers, ["ignore me", *HERTFORDSHIRE.values()], strict=True))

    run_import(write_csv(tmp_path / "ace.csv", [row], headers=headers))

    assert amounts("Hertfordshire") == {Stream.REVENUE: 167285400, Stream.CAPITAL: 54951800}
    assert (
        LeadAppointment.objects.current()
        .get(hub_area__name="Hertfordshire")
        .organisation.name.startswith("Hertfordshire Music Service")
    )


@pytest.mark.parametrize(
    ("header", "column"),
    [
        ("Name of Music Hub Area", Column.AREA),
        ("Hub area", Column.AREA),
        ("AREA", Column.AREA),
        ("hub_area", Column.AREA),
        ("Hub Lead Organisation", Column.LEAD),
        ("HLO", Column.LEAD),
        ("hub_lead_organisation", Column.LEAD),
        ("Lead organisation", Column.LEAD),
        ("local_authorities", Column.LA_NAMES),
        ("la_codes", Column.LA_CODES),
        ("LA codes", Column.LA_CODES),
        ("ONS codes", Column.LA_CODES),
        ("GSS codes", Column.LA_CODES),
        ("Core revenue", Column.REVENUE),
        ("Revenue grant", Column.REVENUE),
        ("revenue_2024_25_gbp", Column.REVENUE),
        ("Capital 2024-26", Column.CAPITAL),
        ("total_2024_25_gbp", Column.TOTAL),
        ("source_urls", Column.SOURCES),
        ("Sources", Column.SOURCES),
        ("verified", Column.VERIFIED),
        ("DfE LA code", None),
        ("Notes", None),
    ],
)
def test_header_synonyms(header, column):
    assert column_for_header(header) == column


def test_an_xlsx_workbook_with_other_headers_and_numeric_cells(tmp_path):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Hub area", "Lead organisation", "GSS codes", "Revenue 2024/25", "Capital", "Total allocation"])
    sheet.append(["Hertfordshire", "Hertfordshire Music Service", "E10000015", 1672854, 549518.0, "£2,222,372"])
    sheet.append([None, None, None, None, None, None])  # spreadsheets often end in empty rows
    sheet.append(["London North", "Haringey Music Service", "E09000003;E09000007", None, None, 2341581])
    path = tmp_path / "ace.xlsx"
    workbook.save(path)

    output = run_import(path)

    assert "for 2024/25" in output
    assert amounts("Hertfordshire") == {Stream.REVENUE: 167285400, Stream.CAPITAL: 54951800}
    assert amounts("London North") == {Stream.COMBINED: 234158100}


def test_year_from_the_option_overrides_the_headers_with_a_warning(tmp_path):
    output = run_import(write_csv(tmp_path / "hubs.csv", [HERTFORDSHIRE]), "--year", "2025/26")

    assert amounts("Hertfordshire", year=2025)[Stream.REVENUE] == 167285400
    assert "the headers name 2024/25 but --year 2025/26 was given" in output


def test_reimporting_the_same_file_changes_nothing(tmp_path):
    path = write_csv(tmp_path / "hubs.csv", [HERTFORDSHIRE, WEST_OF_ENGLAND, LONDON_NORTH])
    run_import(path)
    before = {
        model.__name__: sorted(model.objects.values_list("pk", "updated_at"))
        for model in (HubArea, FundingAllocation, LeadAppointment, LeadOrganisation)
    }

    output = run_import(path)

    after = {
        model.__name__: sorted(model.objects.values_list("pk", "updated_at"))
        for model in (HubArea, FundingAllocation, LeadAppointment, LeadOrganisation)
    }
    assert after == before
    assert "Hub areas: 0 created, 0 updated, 3 unchanged." in output
    assert "Funding allocations for 2024/25: 0 created, 0 updated, 5 unchanged." in output
    assert "Nothing changed: this file was already imported." in output


def test_a_new_lead_ends_the_old_appointment_the_day_before(tmp_path):
    run_import(write_csv(tmp_path / "2024.csv", [HERTFORDSHIRE]))
    later = HERTFORDSHIRE | {"hub_lead_organisation": "Hertfordshire Music Trust"}

    output = run_import(write_csv(tmp_path / "2025.csv", [later]), "--year", "2025/26")

    appointments = list(LeadAppointment.objects.filter(hub_area__name="Hertfordshire").order_by("starts_on"))
    assert [(a.organisation.name, a.starts_on, a.ends_on) for a in appointments] == [
        (HERTFORDSHIRE["hub_lead_organisation"], datetime.date(2024, 9, 1), datetime.date(2025, 8, 31)),
        ("Hertfordshire Music Trust", datetime.date(2025, 9, 1), None),
    ]
    assert appointments[1].organisation.kind == LeadOrganisation.Kind.CHARITY
    assert "1 opened, 1 ended" in output


def test_a_local_authority_moved_to_another_area_is_moved(tmp_path):
    run_import(write_csv(tmp_path / "first.csv", [LONDON_NORTH]))
    camden_alone = LONDON_NORTH | {"hub_area": "London Central", "la_codes": "E09000007"}
    barnet_alone = LONDON_NORTH | {"la_codes": "E09000003"}

    output = run_import(write_csv(tmp_path / "second.csv", [barnet_alone, camden_alone]))

    assert area_of("E09000007") == "London Central"
    assert area_of("E09000003") == "London North"
    assert "Moved Camden from London North to London Central." in output


def test_an_area_missing_from_the_file_is_left_alone_and_named(tmp_path):
    run_import(write_csv(tmp_path / "first.csv", [HERTFORDSHIRE, LONDON_NORTH]))

    output = run_import(write_csv(tmp_path / "second.csv", [HERTFORDSHIRE]))

    assert amounts("London North") == {Stream.COMBINED: 234158100}
    assert area_of("E09000003") == "London North"
    assert "Left alone (1 in the database but not in this file): London North." in output


def test_a_split_replaces_a_combined_figure_for_the_year(tmp_path):
    run_import(write_csv(tmp_path / "first.csv", [LONDON_NORTH]))
    split = LONDON_NORTH | {"revenue_2024_25_gbp": "1762500", "capital_2024_25_gbp": "579081"}

    run_import(write_csv(tmp_path / "second.csv", [split]))

    assert amounts("London North") == {Stream.REVENUE: 176250000, Stream.CAPITAL: 57908100}


def test_slugs_are_unique_even_when_names_slugify_alike(tmp_path):
    other = LONDON_NORTH | {"hub_area": "Hertfordshire!"}

    run_import(write_csv(tmp_path / "hubs.csv", [HERTFORDSHIRE, other]))

    assert sorted(HubArea.objects.values_list("slug", flat=True)) == ["hertfordshire", "hertfordshire-2"]


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("Liverpool City Region Combined Authority", LeadOrganisation.Kind.COMBINED_AUTHORITY),
        ("Cambridgeshire County Council (consortium with Peterborough City Council)", LeadOrganisation.Kind.COUNCIL),
        ("Royal Borough of Kensington and Chelsea", LeadOrganisation.Kind.COUNCIL),
        ("East London Music Alliance (ELMA) consortium", LeadOrganisation.Kind.CONSORTIUM),
        ("Services For Education Ltd", LeadOrganisation.Kind.COMPANY),
        ("ASONE Hub (ASONE Perform CIC)", LeadOrganisation.Kind.COMPANY),
        ("Love Music Trust (in partnership with Edsential)", LeadOrganisation.Kind.CHARITY),
        ("Kent Music", LeadOrganisation.Kind.UNKNOWN),
    ],
)
def test_lead_organisation_kind_is_inferred_from_the_name(name, kind):
    assert infer_kind(name) == kind


# What a bad file does: every problem named by line and reason, and nothing written


def test_an_unknown_local_authority_code(tmp_path):
    bad = WEST_OF_ENGLAND | {"la_codes": "E06000023;E06999999"}

    message = rejection(write_csv(tmp_path / "hubs.csv", [HERTFORDSHIRE, bad]))

    assert "line 3, la_codes: unknown local-authority code E06999999" in message
    assert_nothing_written()


def test_a_malformed_local_authority_code(tmp_path):
    message = rejection(write_csv(tmp_path / "hubs.csv", [HERTFORDSHIRE | {"la_codes": "919"}]))

    assert "line 2, la_codes: unknown local-authority code '919': expected E06, E08, E09 or E10" in message
    assert_nothing_written()


def test_a_local_authority_listed_twice(tmp_path):
    message = rejection(write_csv(tmp_path / "hubs.csv", [LONDON_NORTH | {"la_codes": "E09000003; e09000003"}]))

    assert "line 2, la_codes: E09000003 is listed twice" in message
    assert_nothing_written()


def test_a_local_authority_claimed_by_two_areas(tmp_path):
    greedy = LONDON_NORTH | {"la_codes": "E09000003;E10000015"}

    message = rejection(write_csv(tmp_path / "hubs.csv", [HERTFORDSHIRE, greedy]))

    assert "line 3, la_codes: E10000015 is claimed by two areas, 'Hertfordshire' (line 2) and 'London North'" in message
    assert_nothing_written()


def test_a_total_more_than_a_pound_from_its_parts(tmp_path):
    bad = HERTFORDSHIRE | {"total_2024_25_gbp": "2222374"}

    message = rejection(write_csv(tmp_path / "hubs.csv", [bad]))

    assert "line 2, total_2024_25_gbp: the total £2,222,374 is not revenue + capital (£2,222,372)" in message
    assert "differs by £2" in message
    assert_nothing_written()


def test_a_negative_amount(tmp_path):
    bad = LONDON_NORTH | {"total_2024_25_gbp": "-5"}

    message = rejection(write_csv(tmp_path / "hubs.csv", [HERTFORDSHIRE, bad]))

    assert "line 3, total_2024_25_gbp: -£5 is negative" in message
    assert_nothing_written()


def test_an_unreadable_amount(tmp_path):
    bad = HERTFORDSHIRE | {"capital_2024_25_gbp": "about £550k"}

    message = rejection(write_csv(tmp_path / "hubs.csv", [bad]))

    assert "line 2, capital_2024_25_gbp: 'about £550k' is not an amount of money" in message
    assert_nothing_written()


def test_a_duplicate_area(tmp_path):
    again = LONDON_NORTH | {"hub_area": "hertfordshire"}

    message = rejection(write_csv(tmp_path / "hubs.csv", [HERTFORDSHIRE, again]))

    assert "line 3, hub_area: duplicate hub area 'hertfordshire': it is also on line 2" in message
    assert_nothing_written()


def test_a_missing_area_name(tmp_path):
    message = rejection(write_csv(tmp_path / "hubs.csv", [HERTFORDSHIRE, LONDON_NORTH | {"hub_area": " "}]))

    assert "line 3, hub_area: the hub area's name is missing" in message
    assert_nothing_written()


def test_a_missing_local_authorities_column(tmp_path):
    headers = [header for header in HEADERS if header not in {"la_codes", "local_authorities"}]

    message = rejection(write_csv(tmp_path / "hubs.csv", [HERTFORDSHIRE], headers=headers))

    assert "line 1: no local-authority codes column: add one with a header such as 'la_codes'" in message
    assert "or a column of their ONS names with a header such as 'Local authorities'" in message
    assert_nothing_written()


def test_no_academic_year_asks_for_the_option(tmp_path):
    headers = ["Hub area", "Lead organisation", "LA codes", "Revenue", "Capital"]
    row = {"Hub area": "Hertfordshire", "LA codes": "E10000015", "Revenue": "1672854", "Capital": "549518"}

    message = rejection(write_csv(tmp_path / "hubs.csv", [row], headers=headers))

    assert "line 1: no academic year: pass --year 2024/25" in message
    assert_nothing_written()


def test_every_problem_in_the_file_is_listed_at_once(tmp_path):
    rows = [
        HERTFORDSHIRE | {"revenue_2024_25_gbp": "lots"},
        WEST_OF_ENGLAND | {"la_codes": "E06000088"},
        LONDON_NORTH | {"hub_area": ""},
    ]

    message = rejection(write_csv(tmp_path / "hubs.csv", rows))

    assert "nothing was imported, 3 problems to fix" in message
    assert message.index("line 2") < message.index("line 3") < message.index("line 4")
    assert_nothing_written()


def test_a_file_that_is_not_a_spreadsheet(tmp_path):
    path = tmp_path / "hubs.xlsx"
    path.write_text("not a workbook")

    message = rejection(path)

    assert "hubs.xlsx is not a readable XLSX workbook" in message


def test_a_lead_change_older_than_the_current_lead_is_refused(tmp_path):
    run_import(write_csv(tmp_path / "2025.csv", [HERTFORDSHIRE]), "--year", "2025/26")
    earlier = HERTFORDSHIRE | {"hub_lead_organisation": "Hertfordshire Music Trust"}

    message = rejection(write_csv(tmp_path / "2024.csv", [earlier]))

    assert "line 2, hub_lead_organisation: Hertfordshire Music Service (Hertfordshire County Council)" in message
    assert "has led this area since 1 September 2025" in message
    assert "import years in order" in message
    assert LeadAppointment.objects.get().starts_on == datetime.date(2025, 9, 1)
    assert not FundingAllocation.objects.filter(academic_year=2024).exists()


def test_the_service_itself_refuses_rows_it_cannot_apply():
    rows = [
        HubAllocationRow(line=2, area="Hertfordshire", lead_organisation=None, la_codes=("E10000015",)),
        HubAllocationRow(line=3, area="Elsewhere", lead_organisation=None, la_codes=("E10000015", "E06999999")),
    ]

    with pytest.raises(ImportRejectedError) as error:
        hub_allocations_import(rows=rows, academic_year=2024)

    assert [str(problem) for problem in error.value.problems] == [
        "line 3, local-authority codes: E10000015 is claimed by two areas, 'Hertfordshire' (line 2) and "
        "'Elsewhere': a local authority sits in exactly one hub area",
        "line 3, local-authority codes: unknown local-authority code E06999999: no local authority has it "
        "(load them first with `manage.py load_network_seed`)",
    ]
    assert_nothing_written()
