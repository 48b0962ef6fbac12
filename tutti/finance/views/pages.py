"""What every finance page shares: the year it shows, and one template for every form."""

from django import forms
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from tutti.core import academic_year
from tutti.finance.services import FinanceRefused


def chosen_year(request: HttpRequest) -> int:
    """The year asked for (`?year=2024/25`), else the current academic year."""
    try:
        return academic_year.parse(request.GET.get("year", ""))
    except ValueError:
        return academic_year.containing(timezone.localdate())


def year_choices(year: int, held: list[int]) -> list[int]:
    """The years a page offers: those with records, the shown one and the current one, newest first."""
    return sorted({year, academic_year.containing(timezone.localdate()), *held}, reverse=True)


def refused_into(form: forms.Form, refusal: FinanceRefused) -> None:
    """Show a service's refusal on the field it is about (or above the form), keeping what was typed."""
    form.add_error(refusal.field if refusal.field in form.fields else None, str(refusal))


def form_page(
    request: HttpRequest, form: forms.Form, *, title: str, intro: str, submit: str, cancel_url: str
) -> HttpResponse:
    context = {"form": form, "title": title, "intro": intro, "submit": submit, "cancel_url": cancel_url}
    return render(request, "finance/form.html", context)
