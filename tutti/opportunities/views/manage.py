"""The hub's side: a programme manager writes an activity's public listing; an administrator publishes documents."""

from typing import cast

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from tutti.accounts.access import hub_object_or_404, hub_role_required
from tutti.accounts.models import Role, User
from tutti.network.models import HubArea
from tutti.opportunities import selectors
from tutti.opportunities.forms import DocumentForm, ListingForm
from tutti.opportunities.models import HubDocument
from tutti.opportunities.services import document_publish, document_withdraw, listing_save
from tutti.programmes.models import Activity

MANAGERS = (Role.PROGRAMME_MANAGER, Role.HUB_ADMINISTRATOR)


def _hub(request: HttpRequest) -> HubArea:
    return cast(HubArea, request.hub)  # type: ignore[attr-defined]


def _user(request: HttpRequest) -> User:
    return cast(User, request.user)


@hub_role_required(*MANAGERS)
def listing_edit(request: HttpRequest, public_id: str) -> HttpResponse:
    """Show an activity to the public, or change what the public sees of it."""
    activity = hub_object_or_404(request, Activity.objects.select_related("school"), public_id=public_id)
    listing = selectors.listing_of_activity(activity.pk)
    if listing is not None:
        initial = {
            "venue_name": listing.venue.name,
            "venue_address": listing.venue.address,
            "venue_postcode": listing.venue.postcode,
        }
    else:
        initial = {
            "venue_name": activity.place_name or str(activity.school or ""),
            "venue_postcode": activity.place_postcode,
        }
    form = ListingForm(request.POST or None, request.FILES or None, instance=listing, initial=initial)
    if request.method == "POST" and form.is_valid():
        saved = listing_save(
            activity=activity,
            details=form.details(),
            by=_user(request),
            photo=form.new_photo(),
            remove_photo=form.cleaned_data["remove_photo"],
            request=request,
        )
        shown = "is shown on the opportunity finder" if saved.is_public else "is saved, not shown to the public"
        messages.success(request, f"The public listing of {activity.name} {shown}.")
        return redirect("programmes:activity", public_id=activity.public_id)
    return render(request, "opportunities/listing_form.html", {"form": form, "activity": activity, "listing": listing})


@hub_role_required(Role.HUB_ADMINISTRATOR)
def documents(request: HttpRequest) -> HttpResponse:
    """The hub's published documents, and a form to publish another PDF."""
    hub = _hub(request)
    form = DocumentForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        document = document_publish(hub_id=hub.pk, by=_user(request), request=request, **form.cleaned_data)
        messages.success(request, f"{document.title} is published on the hub's public page.")
        return redirect("opportunities_hub:documents")
    context = {"form": form, "documents": selectors.hub_documents(hub), "hub": hub}
    return render(request, "opportunities/documents.html", context)


@hub_role_required(Role.HUB_ADMINISTRATOR)
def document_withdrawal(request: HttpRequest, public_id: str) -> HttpResponse:
    document = hub_object_or_404(request, HubDocument.objects.filter(withdrawn_at__isnull=True), public_id=public_id)
    if request.method == "POST":
        document_withdraw(document=document, by=_user(request), request=request)
        messages.success(request, f"{document.title} is no longer on the hub's public page.")
        return redirect("opportunities_hub:documents")
    return render(request, "opportunities/document_withdraw.html", {"document": document})
