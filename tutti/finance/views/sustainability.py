"""The sustainability figures of a year: the page with its charts and tables, and the same figures as files."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from tutti.accounts.access import hub_role_required
from tutti.core.csv_files import CSV_CONTENT_TYPE
from tutti.finance import exports, selectors
from tutti.finance.charts import bar_chart
from tutti.finance.roles import READERS
from tutti.finance.views.pages import chosen_year, year_choices
from tutti.partners.views.requests import hub_of


@hub_role_required(*READERS)
def sustainability(request: HttpRequest) -> HttpResponse:
    hub, year = hub_of(request), chosen_year(request)
    figures = selectors.sustainability_figures(hub=hub, academic_year=year)
    context = {
        "year": year,
        "years": year_choices(year, selectors.ledger_years(hub)),
        "figures": figures,
        "income_chart": bar_chart(figures.income),
        "spending_chart": bar_chart(figures.spending),
    }
    return render(request, "finance/sustainability.html", context)


def _download(request: HttpRequest, *, kind: str) -> HttpResponse:
    hub, year = hub_of(request), chosen_year(request)
    figures = selectors.sustainability_figures(hub=hub, academic_year=year)
    name = f"sustainability-{hub.slug}-{year}-{(year + 1) % 100:02d}.{kind}"
    if kind == "csv":
        response = HttpResponse(exports.sustainability_csv(figures), content_type=CSV_CONTENT_TYPE)
    else:
        response = HttpResponse(exports.sustainability_xlsx(figures, hub_name=hub.name), content_type=exports.XLSX)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@hub_role_required(*READERS)
def sustainability_csv(request: HttpRequest) -> HttpResponse:
    return _download(request, kind="csv")


@hub_role_required(*READERS)
def sustainability_xlsx(request: HttpRequest) -> HttpResponse:
    return _download(request, kind="xlsx")
