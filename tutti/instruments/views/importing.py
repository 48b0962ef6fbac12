"""Uploading an existing asset register."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from tutti.accounts.access import hub_role_required
from tutti.instruments.forms import ImportForm
from tutti.instruments.roles import INSTRUMENT_STAFF
from tutti.instruments.services.importing import HEADERS, assets_import
from tutti.learners.views.requests import hub_of, user_of
from tutti.network.importing.problems import ImportRejectedError, Problem

PROBLEMS_SHOWN = 200


@hub_role_required(*INSTRUMENT_STAFF)
def asset_import(request: HttpRequest) -> HttpResponse:
    """Upload a register; every problem is listed by line and nothing is written until there are none."""
    form = ImportForm(request.POST or None, request.FILES or None)
    problems: list[Problem] = []
    if request.method == "POST" and form.is_valid():
        try:
            summary = assets_import(
                hub=hub_of(request), data=form.cleaned_data["file"].read(), by=user_of(request), request=request
            )
        except ImportRejectedError as rejected:
            problems = rejected.problems
        else:
            messages.success(
                request, f"Imported: {summary.added} added, {summary.updated} updated, {summary.unchanged} unchanged."
            )
            return redirect("instruments:assets")
    context = {
        "form": form,
        "problems": problems[:PROBLEMS_SHOWN],
        "problem_count": len(problems),
        "columns": HEADERS,
    }
    return render(request, "instruments/asset_import.html", context)
