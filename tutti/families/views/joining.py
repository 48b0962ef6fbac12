"""Joining from an activity's public page: create an account (or sign in), verify the email, add a child, apply."""

from typing import cast

from allauth.account.models import EmailAddress
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from tutti.accounts.models import User
from tutti.families import selectors
from tutti.families.access import family_of, family_required
from tutti.families.forms import AccountForm, ChildForm, ConsentsForm, WhichChildForm, YoungPersonForm
from tutti.families.services.accounts import family_account_create, family_account_of
from tutti.families.services.joining import child_add_and_apply, known_child_apply, young_person_apply
from tutti.learners.models import Learner
from tutti.opportunities.models import Listing
from tutti.opportunities.selectors import public_listing
from tutti.programmes.models import Enrolment


def _listing(public_id: str) -> Listing:
    listing = public_listing(public_id)
    if listing is None:
        raise Http404("No such public activity.")
    return listing


def join(request: HttpRequest, public_id: str) -> HttpResponse:
    """Start an application: a family account for a new visitor; someone signed in carries straight on."""
    listing = _listing(public_id)
    if request.user.is_authenticated:
        family_account_of(request.user, applying_for=listing.public_id)
        return redirect("families:apply", public_id=listing.public_id)
    form = AccountForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        family_account_create(
            email=data["email"],
            password=data["password1"],
            first_name=data["first_name"],
            last_name=data["last_name"],
            applying_for=listing.public_id,
            request=request,
        )
        return render(request, "families/check_email.html", {"email": data["email"], "listing": listing})
    return render(request, "families/join.html", {"form": form, "listing": listing})


@login_required
def verify_email(request: HttpRequest) -> HttpResponse:
    """Signed in before clicking the link in the email: say so, and send it again on request."""
    user = cast(User, request.user)
    address = EmailAddress.objects.filter(user=user, email__iexact=user.email).first()
    if address is not None and address.verified:
        return redirect("families:home")
    return render(request, "families/verify_email.html", {"email": user.email})


@login_required
@require_POST
def verify_email_resend(request: HttpRequest) -> HttpResponse:
    user = cast(User, request.user)
    address = EmailAddress.objects.filter(user=user, email__iexact=user.email, verified=False).first()
    if address is not None:
        address.send_confirmation(request)
    messages.success(request, f"We have sent the link again to {user.email}.")
    return redirect("families:verify_email")


def _apply(
    request: HttpRequest, *, listing: Listing, chosen: Learner | None, child_form: ChildForm, consents: ConsentsForm
) -> Enrolment:
    account, activity = family_of(request), listing.activity
    if chosen is None:
        enrolment = child_add_and_apply(
            account=account,
            activity=activity,
            child=child_form.new_child(),
            answers=consents.answers(),
            request=request,
        )
    else:
        enrolment = known_child_apply(
            account=account, activity=activity, learner=chosen, answers=consents.answers(), request=request
        )
    account.applying_for = None
    account.save(update_fields=["applying_for"])
    return enrolment


@family_required
def apply(request: HttpRequest, public_id: str) -> HttpResponse:
    """Choose one of the family's children in this hub, or add one, answer the hub's consents, and apply."""
    listing = _listing(public_id)
    activity = listing.activity
    known = list(selectors.children_in_hub(family_of(request), activity.hub_id))
    data = request.POST if request.method == "POST" else None
    which = WhichChildForm(data, children=known) if known else None
    child_form = ChildForm(data)
    consents = ConsentsForm(data, questions=selectors.consent_questions(activity.hub))
    if data is not None:
        which_ok = which is None or which.is_valid()
        chosen = which.chosen() if which is not None and which_ok else None
        if which_ok and chosen is not None:
            child_form = ChildForm()  # a known child: the new child's fields are not asked for
        child_ok = chosen is not None or child_form.is_valid()
        if which_ok and child_ok and consents.is_valid():
            try:
                enrolment = _apply(request, listing=listing, chosen=chosen, child_form=child_form, consents=consents)
            except ValidationError as error:
                (which or child_form).add_error(None, error.messages)
            else:
                messages.success(
                    request, f"{enrolment.learner.first_name}'s application for {activity.name} is with the hub."
                )
                return redirect("families:child", public_id=enrolment.learner.public_id)
    context = {
        "listing": listing,
        "activity": activity,
        "which": which,
        "child_form": child_form,
        "consents": consents,
        "forms": [form for form in (which, child_form, consents) if form is not None],
    }
    return render(request, "families/apply.html", context)


@family_required
def apply_myself(request: HttpRequest, public_id: str) -> HttpResponse:
    """A young person of 13 or over registers their own interest, where the hub allows it for the activity."""
    listing = _listing(public_id)
    if not listing.young_people_may_apply:
        raise Http404("The hub asks a parent or carer to apply for this activity.")
    form = YoungPersonForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            enrolment = young_person_apply(
                account=family_of(request), activity=listing.activity, child=form.new_child(), request=request
            )
        except ValidationError as error:
            form.add_error(None, error.messages)
        else:
            messages.success(request, f"Your interest in {listing.activity.name} is with the hub: it will contact you.")
            return redirect("families:child", public_id=enrolment.learner.public_id)
    return render(request, "families/apply_myself.html", {"form": form, "listing": listing})
