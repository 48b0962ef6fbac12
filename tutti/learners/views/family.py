"""Adding a guardian, a consent decision or a milestone to a learner's record."""

from collections.abc import Callable
from dataclasses import dataclass

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


@dataclass(frozen=True)
class RecordPart:
    """One kind of entry on a learner's record: its form, the service that writes it, and its words."""

    form: type[ModelForm]
    write: Callable[..., object]
    title: str
    button: str
    done: str


GUARDIAN = RecordPart(GuardianForm, guardian_add, "Add a guardian", "Add guardian", "Guardian added.")
CONSENT = RecordPart(
    ConsentForm, consent_record, "Record a consent decision", "Record decision", "Consent decision recorded."
)
MILESTONE = RecordPart(MilestoneForm, milestone_record, "Record a milestone", "Record milestone", "Milestone recorded.")


def _add_part(request: HttpRequest, public_id: str, part: RecordPart) -> HttpResponse:
    learner = _learner(request, public_id)
    form = part.form(request.POST or None)
    if request.method == "POST" and form.is_valid():
        part.write(learner=learner, by=user_of(request), request=request, **form.cleaned_data)
        messages.success(request, part.done)
        return redirect("learners:learner_detail", public_id=learner.public_id)
    context = {"learner": learner, "form": form, "title": part.title, "button": part.button}
    return render(request, "learners/learner_part_form.html", context)


@hub_role_required(*EDITOR_ROLES)
def guardian_new(request: HttpRequest, public_id: str) -> HttpResponse:
    return _add_part(request, public_id, GUARDIAN)


@hub_role_required(*EDITOR_ROLES)
def consent_new(request: HttpRequest, public_id: str) -> HttpResponse:
    """Record a consent decision; earlier decisions stay in the history."""
    return _add_part(request, public_id, CONSENT)


@hub_role_required(*EDITOR_ROLES)
def milestone_new(request: HttpRequest, public_id: str) -> HttpResponse:
    return _add_part(request, public_id, MILESTONE)
