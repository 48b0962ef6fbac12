"""The learners list and its exports, one learner's page and attendance, and the forms to add and change one.

Every page that shows a learner, every export and every change is written to the hub's audit log.
"""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.text import slugify

from tutti.accounts.access import hub_object_or_404, hub_role_required
from tutti.core.csv_files import CSV_CONTENT_TYPE
from tutti.core.listing import list_page
from tutti.learners import selectors
from tutti.learners.exports import (
    XLSX_CONTENT_TYPE,
    learner_headers,
    learner_row,
    learners_csv,
    learners_xlsx,
)
from tutti.learners.field_access import EDITOR_ROLES, LEARNER_ROLES, guardian_record, learner_record
from tutti.learners.forms import LearnerForm
from tutti.learners.models import Learner
from tutti.learners.services.learners import learner_create, learner_update, learner_viewed, learners_exported
from tutti.learners.views.requests import access_of, hub_of, opens_activities, user_of

NAME_FIELDS = ("first_name", "last_name")


@hub_role_required(*LEARNER_ROLES)
def learner_list(request: HttpRequest) -> HttpResponse:
    """A page of the learners this person may see, filtered and sorted by the query string, with the same rows
    as files."""
    access = access_of(request)
    filterset = selectors.learner_filterset(hub=hub_of(request), user=user_of(request), access=access, data=request.GET)
    listing = list_page(request, filterset.qs if filterset.is_valid() else Learner.objects.none())
    context = {
        "filterset": filterset,
        "listing": listing,
        "headers": learner_headers(access),
        "rows": [(learner, learner_row(learner, access)) for learner in listing.rows],
        # The name columns link to the learner as the reference does: people look a child up by name.
        "name_columns": [index for index, name in enumerate(access.fields) if name in NAME_FIELDS],
        "access": access,
    }
    return render(request, "learners/learner_list.html", context)


def _export(request: HttpRequest, *, xlsx: bool) -> HttpResponse:
    hub, access = hub_of(request), access_of(request)
    filterset = selectors.learner_filterset(hub=hub, user=user_of(request), access=access, data=request.GET)
    if not filterset.is_valid():
        return HttpResponse(f"Bad filter: {filterset.errors.as_text()}", status=400, content_type="text/plain")
    learners = list(filterset.qs)
    learners_exported(
        hub=hub, by=user_of(request), count=len(learners), file_format="XLSX" if xlsx else "CSV", request=request
    )
    filename = f"learners-{slugify(hub.name)}"
    if xlsx:
        response = HttpResponse(learners_xlsx(learners, access, hub_name=hub.name), content_type=XLSX_CONTENT_TYPE)
        response["Content-Disposition"] = f'attachment; filename="{filename}.xlsx"'
    else:
        response = HttpResponse(learners_csv(learners, access), content_type=CSV_CONTENT_TYPE)
        response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    response["Cache-Control"] = "no-store"
    return response


@hub_role_required(*LEARNER_ROLES)
def learner_list_csv(request: HttpRequest) -> HttpResponse:
    """The list's rows and columns (same filters, same field permissions) as CSV."""
    return _export(request, xlsx=False)


@hub_role_required(*LEARNER_ROLES)
def learner_list_xlsx(request: HttpRequest) -> HttpResponse:
    """The list's rows and columns (same filters, same field permissions) as an Excel workbook."""
    return _export(request, xlsx=True)


def _learner(request: HttpRequest, public_id: str) -> Learner:
    queryset = selectors.learner_for_page(hub=hub_of(request), user=user_of(request), access=access_of(request))
    return hub_object_or_404(request, queryset, public_id=public_id)


@hub_role_required(*LEARNER_ROLES)
def learner_detail(request: HttpRequest, public_id: str) -> HttpResponse:
    """One learner: the fields this person may see, guardians, consents, milestones and activities."""
    access = access_of(request)
    learner = _learner(request, public_id)
    learner_viewed(learner=learner, by=user_of(request), request=request)
    context = {
        "learner": learner,
        "record": learner_record(learner, access),
        "guardians": [guardian_record(guardian, access) for guardian in learner.guardians.all()],
        "consents_in_force": selectors.consents_in_force(learner),
        "consent_history": list(learner.consents.all()) if access.hub_wide else [],
        "milestones": list(learner.milestones.all()),
        "enrolments": selectors.enrolments_of(learner),
        "access": access,
        "opens_activities": opens_activities(request),
    }
    response = render(request, "learners/learner_detail.html", context)
    response["Cache-Control"] = "no-store"
    return response


@hub_role_required(*LEARNER_ROLES)
def learner_attendance(request: HttpRequest, public_id: str) -> HttpResponse:
    """A page of one learner's attendance marks, latest first: opened and audited like the learner's page.

    A tutor sees the marks of the activities they teach; hub-wide roles see every mark.
    """
    user = user_of(request)
    learner = _learner(request, public_id)
    learner_viewed(learner=learner, by=user, request=request)
    marks = selectors.attendance_of(learner=learner, user=user, access=access_of(request))
    context = {"learner": learner, "listing": list_page(request, marks), "opens_activities": opens_activities(request)}
    response = render(request, "learners/learner_attendance.html", context)
    response["Cache-Control"] = "no-store"
    return response


@hub_role_required(*EDITOR_ROLES)
def learner_new(request: HttpRequest) -> HttpResponse:
    """Add a learner; a record that matches another (name, date of birth, school) asks for confirmation."""
    hub, access = hub_of(request), access_of(request)
    form = LearnerForm(request.POST or None, hub=hub, access=access)
    if request.method == "POST" and form.is_valid():
        fields = form.learner_fields()
        school = fields.get("school")
        duplicates = selectors.possible_duplicates(
            hub=hub,
            first_name=fields["first_name"],
            last_name=fields["last_name"],
            date_of_birth=fields["date_of_birth"],
            school_id=school.pk if school else None,
        )
        if duplicates and not form.cleaned_data.get("different_child"):
            form.show_duplicate_check(duplicates)
        else:
            learner = learner_create(hub=hub, by=user_of(request), request=request, **fields)
            messages.success(request, f"{learner.full_name} added as {learner.reference}.")
            return redirect("learners:learner_detail", public_id=learner.public_id)
    return render(request, "learners/learner_form.html", {"form": form, "learner": None})


@hub_role_required(*EDITOR_ROLES)
def learner_edit(request: HttpRequest, public_id: str) -> HttpResponse:
    """Change a learner's details (the fields this person may see)."""
    hub, access = hub_of(request), access_of(request)
    learner = _learner(request, public_id)
    form = LearnerForm(request.POST or None, instance=learner, hub=hub, access=access)
    if request.method == "POST" and form.is_valid():
        # The form wrote the values onto the instance: start the service from the stored record.
        fields = form.learner_fields()
        learner.refresh_from_db()
        learner_update(learner=learner, by=user_of(request), request=request, **fields)
        messages.success(request, f"{learner.full_name}'s record saved.")
        return redirect(reverse("learners:learner_detail", kwargs={"public_id": learner.public_id}))
    return render(request, "learners/learner_form.html", {"form": form, "learner": learner})
