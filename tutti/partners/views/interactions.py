"""The interactions log's pages: record an interaction with any subject, complete a follow-up, my follow-ups.

Another module reuses the log without partners importing it (tutti.partners.subjects says how a model
opts in): link to ``{% interaction_new_url subject %}`` (``{% load partners_interactions %}``), and show
the log with ``{% include "partners/_interactions.html" %}`` fed by ``selectors.interactions_for``.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from tutti.accounts.access import hub_object_or_404, hub_role_required
from tutti.core.listing import list_page
from tutti.partners import selectors, services
from tutti.partners.forms.interactions import InteractionForm
from tutti.partners.models import Interaction
from tutti.partners.roles import EDITORS, READERS
from tutti.partners.subjects import UnknownSubjectType, subject_queryset
from tutti.partners.views.requests import hub_of, roles_of, safe_next, user_of


@hub_role_required(*EDITORS)
def interaction_new(request: HttpRequest, subject_type: str, public_id: str) -> HttpResponse:
    """Record an interaction with one of the hub's partners, schools' engagements or other opted-in records."""
    try:
        queryset = subject_queryset(subject_type)
    except UnknownSubjectType:
        raise Http404("No such kind of record.") from None
    subject = hub_object_or_404(request, queryset, public_id=public_id)
    form = InteractionForm(request.POST or None, hub=hub_of(request))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        services.interaction_record(
            hub=hub_of(request),
            subject=subject,
            kind=data["kind"],
            occurred_on=data["occurred_on"],
            participants=data["participants"],
            other_participants=data["other_participants"],
            notes=data["notes"],
            follow_up=data["follow_up"],
            follow_up_due=data["follow_up_due"],
            follow_up_owner=data["follow_up_owner"],
            by=user_of(request),
        )
        messages.success(request, f"Interaction with {subject} recorded.")
        return redirect(subject.get_absolute_url())  # type: ignore[attr-defined]
    return render(request, "partners/interaction_new.html", {"form": form, "subject": subject})


@require_POST
@hub_role_required(*READERS)
def follow_up_complete(request: HttpRequest, public_id: str) -> HttpResponse:
    """Mark a follow-up done: its owner may, and so may the hub's editors."""
    interaction = hub_object_or_404(request, Interaction.objects.all(), public_id=public_id)
    if interaction.follow_up_owner_id != request.user.pk and not (roles_of(request) & EDITORS):
        raise PermissionDenied("Only the follow-up's owner or an editor can complete it.")
    if not interaction.follow_up:
        raise Http404("This interaction has no follow-up.")
    services.follow_up_complete(interaction=interaction, by=user_of(request))
    messages.success(request, "Follow-up marked done.")
    return redirect(safe_next(request, reverse("partners:my_follow_ups")))


@hub_role_required(*READERS)
def my_follow_ups(request: HttpRequest) -> HttpResponse:
    """The signed-in person's open follow-ups in this hub, overdue first."""
    listing = list_page(request, selectors.follow_ups_for(hub=hub_of(request), user=user_of(request)))
    return render(request, "partners/my_follow_ups.html", {"listing": listing, "today": timezone.localdate()})
