"""Setting up the hub's term calendars: one per academic year, with terms, half-terms and closures."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from tutti.accounts.access import hub_object_or_404, hub_role_required
from tutti.programmes.forms.calendars import BreakForm, CalendarCreateForm, TermForm
from tutti.programmes.models import CalendarBreak, TermCalendar
from tutti.programmes.services import calendars as services
from tutti.programmes.views.access import MANAGERS, hub_of


@hub_role_required(*MANAGERS)
def calendar_list(request: HttpRequest) -> HttpResponse:
    """The hub's calendars, and a form to start the next one."""
    calendars = TermCalendar.objects.for_hub(hub_of(request)).prefetch_related("terms")
    existing = {calendar.academic_year for calendar in calendars}
    form = CalendarCreateForm(request.POST or None, existing=existing)
    if request.method == "POST" and form.is_valid():
        calendar = services.calendar_create(hub=hub_of(request), academic_year=form.cleaned_data["year"])
        messages.success(request, f"Calendar {calendar.label} started: add its terms.")
        return redirect("programmes:calendar", year=calendar.academic_year)
    return render(request, "programmes/calendar_list.html", {"calendars": calendars, "form": form})


@hub_role_required(*MANAGERS)
def calendar_detail(request: HttpRequest, year: int) -> HttpResponse:
    """A calendar's terms and breaks, with a form for each (the submit button says which)."""
    calendar = hub_object_or_404(request, TermCalendar.objects.all(), academic_year=year)
    action = request.POST.get("action") if request.method == "POST" else None
    term_form = TermForm(request.POST if action == "term" else None, calendar=calendar, prefix="term")
    break_form = BreakForm(request.POST if action == "break" else None, calendar=calendar, prefix="break")
    if action == "term" and term_form.is_valid():
        try:
            term = services.term_set(calendar=calendar, **term_form.cleaned_data)
        except ValidationError as error:
            for field, problems in error.message_dict.items():
                term_form.add_error(field if field in term_form.fields else None, problems)
        else:
            messages.success(request, f"{term} set.")
            return redirect("programmes:calendar", year=year)
    if action == "break" and break_form.is_valid():
        pause = services.break_add(calendar=calendar, **break_form.cleaned_data)
        messages.success(request, f"{pause.name} added. Regenerate activities' sessions to take it into account.")
        return redirect("programmes:calendar", year=year)
    if action == "remove_break":
        pause = hub_object_or_404(
            request, CalendarBreak.objects.all(), calendar=calendar, pk=_number(request.POST.get("break"))
        )
        services.break_remove(pause=pause)
        messages.success(request, f"{pause.name} removed.")
        return redirect("programmes:calendar", year=year)
    context = {"calendar": calendar, "term_form": term_form, "break_form": break_form}
    return render(request, "programmes/calendar_detail.html", context)


def _number(text: str | None) -> int:
    return int(text) if text and text.isdigit() else 0
