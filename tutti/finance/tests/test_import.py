"""The finance system's export: all or nothing with line-numbered problems, and a second run changes nothing."""

import datetime
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tutti.accounts.testing import sign_in
from tutti.finance import services
from tutti.finance.models import IncomeEntry, IncomeSource, SpendingEntry
from tutti.finance.tests.factories import BudgetLineFactory, IncomeEntryFactory, SpendingEntryFactory
from tutti.network.importing.problems import ImportRejectedError
from tutti.network.importing.tabular import read_rows

GOOD = """Date,Type,Reference,Amount,Description,Source,Budget Code
01/09/2024,Income,SI-1001,"£836,427.00",DfE revenue grant first instalment,DfE revenue grant,
15/10/2024,Receipt,SI-1002,"4,250.00",Schools' service level agreements,Schools,
30/09/2024,Spending,PI-2001,"18,400.50",September tutor pay,,T100
31/10/2024,payment,PI-2002,975,Violin strings and bridges,,R200
"""


@pytest.fixture
def budget(hub_a):
    return {
        "T100": BudgetLineFactory.create(hub=hub_a, code="T100", name="WCET tutors"),
        "R200": BudgetLineFactory.create(hub=hub_a, code="R200", name="Instrument repairs"),
    }


def _rows(tmp_path: Path, text: str, name: str = "export.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return read_rows(path)


def _import(hub, user, tmp_path, text):
    return services.finance_export_import(hub=hub, rows=_rows(tmp_path, text), by=user)


def test_an_export_imports_income_and_spending(hub_a, hub_a_finance, budget, tmp_path) -> None:
    result = _import(hub_a, hub_a_finance, tmp_path, GOOD)
    assert (result.income.created, result.spending.created) == (2, 2)
    grant = IncomeEntry.objects.for_hub(hub_a).get(reference="SI-1001")
    assert (grant.source, grant.amount_pence, grant.booked_on) == (
        IncomeSource.DFE_REVENUE, 83_642_700, datetime.date(2024, 9, 1),
    )  # fmt: skip
    repairs = SpendingEntry.objects.for_hub(hub_a).get(reference="PI-2002")
    assert (repairs.budget_line, repairs.amount_pence, repairs.recorded_by) == (budget["R200"], 975_00, hub_a_finance)


def test_importing_the_same_export_again_changes_nothing(hub_a, hub_a_finance, budget, tmp_path) -> None:
    _import(hub_a, hub_a_finance, tmp_path, GOOD)
    before = list(IncomeEntry.objects.values_list("pk", "updated_at")) + list(
        SpendingEntry.objects.values_list("pk", "updated_at")
    )
    again = _import(hub_a, hub_a_finance, tmp_path, GOOD)
    assert not again.changed
    assert (again.income.unchanged, again.spending.unchanged) == (2, 2)
    assert "Nothing changed: this export was already imported." in again.report_lines()
    after = list(IncomeEntry.objects.values_list("pk", "updated_at")) + list(
        SpendingEntry.objects.values_list("pk", "updated_at")
    )
    assert after == before


def test_a_corrected_export_updates_the_lines_it_corrects(hub_a, hub_a_finance, budget, tmp_path) -> None:
    _import(hub_a, hub_a_finance, tmp_path, GOOD)
    corrected = GOOD.replace('"18,400.50",September tutor pay,,T100', '"18,400.05",September tutor pay,,R200')
    result = _import(hub_a, hub_a_finance, tmp_path, corrected)
    assert (result.spending.updated, result.spending.unchanged, result.income.unchanged) == (1, 1, 2)
    pay = SpendingEntry.objects.get(reference="PI-2001")
    assert (pay.amount_pence, pay.budget_line) == (18_400_05, budget["R200"])


def test_one_bad_line_and_nothing_is_imported_with_every_problem_by_line(
    hub_a, hub_a_finance, budget, tmp_path
) -> None:
    BudgetLineFactory.create(hub=hub_a, academic_year=2025, code="N300")
    text = GOOD + "\n".join([
        "31/02/2025,Income,SI-1003,10,Bad date,Schools,",
        "01/03/2025,Income,SI-1004,10,,Lottery,",
        "01/03/2025,Spending,PI-2003,10,No code,,",
        "01/03/2025,Spending,PI-2004,10.005,Fraction,,T100",
        "01/03/2025,Spending,PI-2005,10,Wrong year,,N300",
        "01/03/2025,Spending,PI-2001,10,Same reference,,T100",
        "01/03/2025,Transfer,,-5,,,",
    ]) + "\n"  # fmt: skip
    with pytest.raises(ImportRejectedError) as rejection:
        _import(hub_a, hub_a_finance, tmp_path, text)
    problems = [str(problem) for problem in rejection.value.problems]
    assert problems == [
        "line 6, Date: '31/02/2025' is not a date written DD/MM/YYYY",
        "line 7, Source: 'Lottery' is not one of: DfE revenue grant, DfE capital grant, Other grants, Local "
        "authority, Schools, Parental contributions, Donations and sponsorship, Other",
        "line 8, Budget Code: a spending line needs the code of its budget line",
        "line 9, Amount: '10.005' has fractions of a penny",
        "line 10, Budget Code: the 2024/25 budget has no line with the code N300: add it to the budget first",
        "line 11, Reference: PI-2001 is on line 4 too",
        "line 12, Amount: '-5' must be more than £0 (book a refund as income)",
        "line 12, Reference: every line needs the finance system's reference",
        "line 12, Type: 'Transfer' is not Income or Spending",
    ]
    assert not IncomeEntry.objects.exists()
    assert not SpendingEntry.objects.exists()


def test_the_header_is_checked_first(hub_a, hub_a_finance, tmp_path) -> None:
    with pytest.raises(ImportRejectedError) as rejection:
        _import(hub_a, hub_a_finance, tmp_path, "Date,Kind,Reference,Amount ,VAT\n01/09/2024,Income,A,1,0\n")
    assert [str(problem) for problem in rejection.value.problems] == [
        "line 1, Kind: is not a column of the finance import (see its list of columns)",
        "line 1, Type: this column is required",
        "line 1, VAT: is not a column of the finance import (see its list of columns)",
    ]


def test_a_reference_held_as_the_other_kind_is_refused(hub_a, hub_a_finance, budget, tmp_path) -> None:
    IncomeEntryFactory.create(hub=hub_a, reference="PI-2001")
    with pytest.raises(ImportRejectedError, match="line 4, Reference: PI-2001 is already a income line"):
        _import(hub_a, hub_a_finance, tmp_path, GOOD)


def test_another_hubs_lines_and_budget_codes_are_never_touched(hub_a, hub_b, hub_a_finance, budget, tmp_path) -> None:
    theirs = SpendingEntryFactory.create(
        budget_line=BudgetLineFactory.create(hub=hub_b, code="T100"), reference="PI-2001", amount_pence=1
    )
    with pytest.raises(
        ImportRejectedError, match="line 5, Budget Code: the 2024/25 budget has no line with the code R200"
    ):
        _import(hub_b, hub_a_finance, tmp_path, GOOD)
    _import(hub_a, hub_a_finance, tmp_path, GOOD)
    theirs.refresh_from_db()
    assert (theirs.hub_id, theirs.amount_pence) == (hub_b.pk, 1)
    assert SpendingEntry.objects.for_hub(hub_a).count() == 2


def test_an_xlsx_export_imports_too(hub_a, hub_a_finance, budget, tmp_path) -> None:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Date", "Type", "Reference", "Amount", "Source", "Budget Code"])
    sheet.append([datetime.datetime(2024, 9, 30), "Spending", "PI-9", 1250.5, None, "T100"])
    path = tmp_path / "export.xlsx"
    workbook.save(path)
    result = services.finance_export_import(hub=hub_a, rows=read_rows(path), by=hub_a_finance)
    assert result.spending.created == 1
    assert SpendingEntry.objects.get(reference="PI-9").amount_pence == 1_250_50


def test_the_import_page_lists_the_problems_and_keeps_nothing(client, hub_a, hub_a_finance, budget) -> None:
    sign_in(client, hub_a_finance)
    bad = GOOD + "31/02/2025,Income,SI-1003,10,Bad date,Schools,\n"
    response = client.post(reverse("finance:import"), {"export": SimpleUploadedFile("export.csv", bad.encode())})
    page = response.content.decode()
    assert response.status_code == 200
    assert "Nothing was imported: the file has 1 problem(s), listed below" in page
    assert "Line 6, Date: &#x27;31/02/2025&#x27; is not a date written DD/MM/YYYY" in page
    assert not IncomeEntry.objects.exists()

    response = client.post(reverse("finance:import"), {"export": SimpleUploadedFile("export.csv", GOOD.encode())})
    assert response.status_code == 302
    assert SpendingEntry.objects.for_hub(hub_a).count() == 2


def test_the_import_page_names_a_file_it_cannot_read(client, hub_a, hub_a_finance) -> None:
    sign_in(client, hub_a_finance)
    response = client.post(reverse("finance:import"), {"export": SimpleUploadedFile("export.pdf", b"%PDF")})
    assert "export.pdf: expected an .xlsx or .csv file." in response.content.decode()
