"""The learners upload page for hub administrators."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from tutti.accounts.access import hub_role_required
from tutti.learners.field_access import IMPORT_ROLES
from tutti.learners.forms import ImportForm
from tutti.learners.importing.columns import COLUMNS
from tutti.learners.importing.run import learners_import
from tutti.learners.views.requests import hub_of, user_of

ERRORS_SHOWN = 200


@hub_role_required(*IMPORT_ROLES)
def learner_import(request: HttpRequest) -> HttpResponse:
    """Upload a learners file; every problem is listed by line and nothing is written until there are none."""
    form = ImportForm(request.POST or None, request.FILES or None)
    errors = []
    if request.method == "POST" and form.is_valid():
        result = learners_import(
            hub=hub_of(request), data=form.cleaned_data["file"].read(), by=user_of(request), request=request
        )
        if result.ok:
            messages.success(
                request,
                f"Imported: {result.created} learners added, {result.updated} updated, {result.unchanged} unchanged; "
                f"{result.guardians_added} guardians added, {result.guardians_updated} updated.",
            )
            return redirect("learners:learner_list")
        errors = result.errors
    context = {
        "form": form,
        "errors": errors[:ERRORS_SHOWN],
        "error_count": len(errors),
        "columns": [name.title() for name in COLUMNS],
    }
    return render(request, "learners/learner_import.html", context)
