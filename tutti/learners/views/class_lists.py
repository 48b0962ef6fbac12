"""The WCET class-list upload: one class enrolled into one whole-class activity, every line checked first."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from tutti.accounts.access import hub_object_or_404, hub_role_required
from tutti.learners.field_access import CLASS_LIST_ROLES
from tutti.learners.forms import ClassListForm
from tutti.learners.importing.class_list import CLASS_LIST_COLUMNS, class_list_import
from tutti.learners.views.requests import access_of, hub_of, user_of
from tutti.programmes.models import Activity

ERRORS_SHOWN = 200


def _page(request: HttpRequest, activity: Activity | None) -> HttpResponse:
    hub = hub_of(request)
    form = ClassListForm(request.POST or None, request.FILES or None, hub=hub, activity=activity)
    errors = []
    if request.method == "POST" and form.is_valid():
        chosen: Activity = activity or form.cleaned_data["activity"]
        result = class_list_import(
            activity=chosen, data=form.cleaned_data["file"].read(), by=user_of(request), request=request
        )
        if result.ok:
            messages.success(
                request,
                f"{chosen.name}: {result.enrolled} children enrolled ({result.learners_added} new learners), "
                f"{result.already_enrolled} already enrolled.",
            )
            return redirect("learners:class_list_import_for", activity_id=chosen.public_id)
        errors = result.errors
    context = {
        "form": form,
        "activity": activity,
        "errors": errors[:ERRORS_SHOWN],
        "error_count": len(errors),
        "columns": [name.title() for name in CLASS_LIST_COLUMNS],
        "access": access_of(request),
    }
    return render(request, "learners/class_list_import.html", context)


@hub_role_required(*CLASS_LIST_ROLES)
def class_list_import_page(request: HttpRequest) -> HttpResponse:
    """Choose one of the hub's WCET classes and upload its class list."""
    return _page(request, None)


@hub_role_required(*CLASS_LIST_ROLES)
def class_list_import_for(request: HttpRequest, activity_id: str) -> HttpResponse:
    """Upload the class list of one WCET class of the hub (another hub's activity is a 404)."""
    activity = hub_object_or_404(
        request, Activity.objects.filter(kind=Activity.Kind.WCET).select_related("school"), public_id=activity_id
    )
    return _page(request, activity)
