"""Possible duplicate records and merging them."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from tutti.accounts.access import hub_object_or_404, hub_role_required
from tutti.core.listing import list_page
from tutti.learners import selectors
from tutti.learners.field_access import MERGE_ROLES
from tutti.learners.forms import MergeForm
from tutti.learners.models import Learner
from tutti.learners.services.merge import MergeRefused, learners_merge
from tutti.learners.views.requests import hub_of, user_of


@hub_role_required(*MERGE_ROLES)
def duplicate_list(request: HttpRequest) -> HttpResponse:
    """A page of learners sharing a name, date of birth and school, grouped, each group with a merge button."""
    listing = list_page(request, selectors.duplicate_groups(hub=hub_of(request)))
    return render(request, "learners/duplicate_list.html", {"listing": listing})


@require_POST
@hub_role_required(*MERGE_ROLES)
def learner_merge(request: HttpRequest) -> HttpResponse:
    """Merge the posted record into the one kept; both must be current learners of this hub."""
    form = MergeForm(request.POST)
    if not form.is_valid():
        messages.error(
            request, " ".join(str(error) for error in form.non_field_errors()) or "Choose two records to merge."
        )
        return redirect("learners:duplicate_list")
    current = Learner.objects.current()
    keep = hub_object_or_404(request, current, public_id=form.cleaned_data["keep"])
    merge = hub_object_or_404(request, current, public_id=form.cleaned_data["merge"])
    try:
        learners_merge(keep=keep, merge=merge, by=user_of(request), request=request)
    except MergeRefused as refusal:
        messages.error(request, str(refusal))
        return redirect("learners:duplicate_list")
    messages.success(request, f"{merge.reference} merged into {keep.reference}: its history is now on this record.")
    return redirect("learners:learner_detail", public_id=keep.public_id)
