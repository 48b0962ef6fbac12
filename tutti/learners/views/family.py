"""Adding a guardian, a consent decision or a milestone to a learner's record."""

from django.contrib import messages
from django.forms import ModelForm
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from tutti.accounts.access import hub_object_or_404, hub_role_required
from tutti.learners import selectors
from tutti.learners.field_access import EDITOR_ROLES
from tutti.learners.forms import ConsentForm, GuardianForm, MilestoneForm
from tutti.learners.models import Learner
from tutti.learners.services.family import consent_record, guardian_add, milestone_record
from tutti.learners.views.requests import access_of, hub_of, user_of


def _learner(request: HttpRequest, public_id: str) -> Learner:
    queryset = selectors.learners_visible_to(hub=hub_of(request), user=user_of(request), access=access_of(request))
    return hub_object_or_404(request, queryset, public_id=public_id)


def _render(request: HttpRequest, *, learner: Learner, form: ModelForm, title: str, button: str) -> HttpResponse:
    context = {"learner": learner, "form": form, "title": title, "button": button}
    return render(request, "learners/learner_part_form.html", context)


@hub_role_required(*EDITOR_ROLES)
def guardian_new(request: HttpRequest, public_id: str) -> HttpResponse:
    learner = _learner(request, public_id)
    form = GuardianForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        guardian_add(learner=learner, by=user_of(request), request=request, **form.cleaned_data)
        messages.success(request, "Guardian added.")
        return redirect("learners:learner_detail", public_id=learner.public_id)
    return _render(request, learner=learner, form=form, title="Add a guardian", button="Add guardian")


@hub_role_required(*EDITOR_ROLES)
def consent_new(request: HttpRequest, public_id: str) -> HttpResponse:
    """Record a consent decision; earlier decisions stay in the history."""
    learner = _learner(request, public_id)
    form = ConsentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        consent_record(learner=learner, by=user_of(request), request=request, **form.cleaned_data)
        messages.success(request, "Consent decision recorded.")
        return redirect("learners:learner_detail", public_id=learner.public_id)
    return _render(request, learner=learner, form=form, title="Record a consent decision", button="Record decision")


@hub_role_required(*EDITOR_ROLES)
def milestone_new(request: HttpRequest, public_id: str) -> HttpResponse:
    learner = _learner(request, public_id)
    form = MilestoneForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        milestone_record(learner=learner, by=user_of(request), request=request, **form.cleaned_data)
        messages.success(request, "Milestone recorded.")
        return redirect("learners:learner_detail", public_id=learner.public_id)
    return _render(request, learner=learner, form=form, title="Record a milestone", button="Record milestone")
