"""The budget against actual, budget lines, the income and spending lists and forms, and the import."""

import tempfile
from dataclasses import dataclass
from pathlib import Path

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode

from tutti.accounts.access import hub_object_or_404, hub_role_required
from tutti.core import academic_year
from tutti.core.money import format_pence
from tutti.finance import selectors, services
from tutti.finance.forms import BudgetLineForm, FinanceImportForm, IncomeForm, SpendingForm
from tutti.finance.models import BudgetLine
from tutti.finance.roles import READERS, WRITERS
from tutti.finance.views.pages import chosen_year, form_page, refused_into, year_choices
from tutti.network.importing.problems import ImportRejectedError
from tutti.network.importing.tabular import UnreadableFileError, read_rows
from tutti.partners.views.requests import hub_of, roles_of, user_of


def _in_year(url_name: str, year: int) -> str:
    return f"{reverse(url_name)}?{urlencode({'year': academic_year.label(year)})}"


@hub_role_required(*READERS)
def overview(request: HttpRequest) -> HttpResponse:
    """The year's budget by function and line against spending to date, with the forecast to the year's end."""
    hub, year = hub_of(request), chosen_year(request)
    context = {
        "year": year,
        "years": year_choices(year, selectors.ledger_years(hub)),
        "report": selectors.budget_against_actual(hub=hub, academic_year=year, today=timezone.localdate()),
        "can_edit": bool(roles_of(request) & WRITERS),
    }
    return render(request, "finance/overview.html", context)


BUDGET_INTRO = "Each line of the budget serves one of the hub's five strategic functions."


@hub_role_required(*WRITERS)
def budget_line_new(request: HttpRequest) -> HttpResponse:
    """Add a line to a year's budget."""
    form = BudgetLineForm(request.POST or None, initial={"academic_year": academic_year.label(chosen_year(request))})
    return _budget_line_form(request, form, line=None)


@hub_role_required(*WRITERS)
def budget_line_edit(request: HttpRequest, public_id: str) -> HttpResponse:
    """Change a budget line's function, name, code or amount."""
    line = hub_object_or_404(request, BudgetLine.objects.select_related("function"), public_id=public_id)
    initial = {
        "academic_year": academic_year.label(line.academic_year),
        "function": line.function,
        "name": line.name,
        "code": line.code,
        "amount_pence": format_pence(line.amount_pence).replace("£", ""),
    }
    return _budget_line_form(request, BudgetLineForm(request.POST or None, initial=initial), line=line)


def _budget_line_form(request: HttpRequest, form: BudgetLineForm, *, line: BudgetLine | None) -> HttpResponse:
    if request.method == "POST" and form.is_valid():
        try:
            saved = services.budget_line_save(hub=hub_of(request), by=user_of(request), line=line, **form.cleaned_data)
        except services.FinanceRefused as refusal:
            refused_into(form, refusal)
        else:
            messages.success(request, f"Budget line {saved.name} saved.")
            return redirect(_in_year("finance:overview", saved.academic_year))
    return form_page(
        request, form, title="Change a budget line" if line else "Add a budget line", intro=BUDGET_INTRO,
        submit="Save budget line", cancel_url=reverse("finance:overview"),
    )  # fmt: skip


@dataclass(frozen=True)
class EntryRow:
    """An income or spending line as the one list template shows it."""

    booked_on: object
    category: str
    description: str
    reference: str
    amount_pence: int


@hub_role_required(*READERS)
def income_list(request: HttpRequest) -> HttpResponse:
    """The year's income, newest first."""
    hub, year = hub_of(request), chosen_year(request)
    rows = [
        EntryRow(entry.booked_on, entry.get_source_display(), entry.description, entry.reference, entry.amount_pence)
        for entry in selectors.income_of_year(hub=hub, academic_year=year)
    ]
    return _entry_list(request, year=year, rows=rows, kind="Income", new_url="finance:income_new")


@hub_role_required(*READERS)
def spending_list(request: HttpRequest) -> HttpResponse:
    """The year's spending, newest first, with the function and budget line each is charged to."""
    hub, year = hub_of(request), chosen_year(request)
    rows = [
        EntryRow(entry.booked_on, f"{entry.budget_line.function.name}: {entry.budget_line.name}", entry.description,
                 entry.reference, entry.amount_pence)
        for entry in selectors.spending_of_year(hub=hub, academic_year=year)
    ]  # fmt: skip
    return _entry_list(request, year=year, rows=rows, kind="Spending", new_url="finance:spending_new")


def _entry_list(request: HttpRequest, *, year: int, rows: list[EntryRow], kind: str, new_url: str) -> HttpResponse:
    context = {
        "year": year,
        "years": year_choices(year, selectors.ledger_years(hub_of(request))),
        "rows": rows,
        "total_pence": sum(row.amount_pence for row in rows),
        "kind": kind,
        "new_url": new_url,
        "category_label": "Source" if kind == "Income" else "Function and budget line",
        "can_edit": bool(roles_of(request) & WRITERS),
    }
    return render(request, "finance/entry_list.html", context)


@hub_role_required(*WRITERS)
def income_new(request: HttpRequest) -> HttpResponse:
    """Record income by hand (a payment of a grant is recorded on the grant's page)."""
    form = IncomeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            entry = services.income_record(hub=hub_of(request), by=user_of(request), **form.cleaned_data)
        except services.FinanceRefused as refusal:
            refused_into(form, refusal)
        else:
            messages.success(request, f"Income of {format_pence(entry.amount_pence)} recorded.")
            return redirect(_in_year("finance:income_list", academic_year.containing(entry.booked_on)))
    return form_page(
        request, form, title="Record income", submit="Save income",
        intro="Money the hub received. A payment of a grant is recorded on the grant's page instead.",
        cancel_url=reverse("finance:income_list"),
    )  # fmt: skip


@hub_role_required(*WRITERS)
def spending_new(request: HttpRequest) -> HttpResponse:
    """Record spending against a line of the budget of the year it was spent in."""
    hub = hub_of(request)
    form = SpendingForm(request.POST or None, hub=hub)
    if request.method == "POST" and form.is_valid():
        try:
            entry = services.spending_record(hub=hub, by=user_of(request), **form.cleaned_data)
        except services.FinanceRefused as refusal:
            refused_into(form, refusal)
        else:
            messages.success(request, f"Spending of {format_pence(entry.amount_pence)} recorded.")
            return redirect(_in_year("finance:spending_list", academic_year.containing(entry.booked_on)))
    return form_page(
        request, form, title="Record spending", submit="Save spending",
        intro="Money the hub spent, charged to a line of that year's budget.",
        cancel_url=reverse("finance:spending_list"),
    )  # fmt: skip


@hub_role_required(*WRITERS)
def finance_import(request: HttpRequest) -> HttpResponse:
    """Import the finance system's export of income and spending: every line, or none with every problem."""
    form = FinanceImportForm(request.POST or None, request.FILES or None)
    problems: list[str] = []
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["export"]
        try:
            with tempfile.NamedTemporaryFile(suffix=Path(upload.name).suffix.lower()) as handle:
                for chunk in upload.chunks():
                    handle.write(chunk)
                handle.flush()
                rows = read_rows(Path(handle.name))
            result = services.finance_export_import(hub=hub_of(request), rows=rows, by=user_of(request))
        except UnreadableFileError as error:
            form.add_error("export", str(error).replace(Path(handle.name).name, upload.name))
        except ImportRejectedError as rejection:
            problems = [str(problem) for problem in rejection.problems]
            form.add_error("export", f"Nothing was imported: the file has {len(problems)} problem(s), listed below")
        else:
            for line in result.report_lines():
                messages.success(request, line)
            return redirect("finance:overview")
    return render(request, "finance/import.html", {"form": form, "problems": problems})
