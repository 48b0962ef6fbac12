"""The family portal: the account's children, their places and waiting lists, timetable, attendance, consents."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from tutti.families import selectors
from tutti.families.access import family_of, family_required
from tutti.families.forms import ConsentsForm, ContactForm, WithdrawForm
from tutti.families.portal import parts_for
from tutti.families.services.accounts import guardians_match
from tutti.families.services.joining import consents_give
from tutti.families.services.portal import contact_change, family_withdraw, offer_accept
from tutti.learners.models import Learner
from tutti.learners.services.learners import learner_viewed
from tutti.opportunities.selectors import public_listing
from tutti.programmes.models import Enrolment


def _child(request: HttpRequest, public_id: str) -> Learner:
    learner = selectors.child_of(family_of(request), public_id)
    if learner is None:
        raise Http404("Not one of your children.")
    return learner


def _enrolment(request: HttpRequest, public_id: str) -> Enrolment:
    enrolment = selectors.enrolment_of(family_of(request), public_id)
    if enrolment is None:
        raise Http404("Not one of your children's places.")
    return enrolment


@family_required
def home(request: HttpRequest) -> HttpResponse:
    """The family's children; guardian records the hubs hold under this verified email are linked first."""
    account = family_of(request)
    guardians_match(account=account, request=request)
    children = list(selectors.children_of(account).prefetch_related("enrolments__activity"))
    applying = public_listing(str(account.applying_for)) if account.applying_for else None
    context = {"children": children, "applying": applying, "parts": parts_for(account, children)}
    return render(request, "families/home.html", context)


@family_required
def child(request: HttpRequest, public_id: str) -> HttpResponse:
    learner = _child(request, public_id)
    learner_viewed(learner=learner, by=family_of(request).user, request=request)
    today = timezone.localdate()
    context = {"child": learner, "page": selectors.child_page(learner, today=today), "today": today}
    return render(request, "families/child.html", context)


@family_required
@require_POST
def accept(request: HttpRequest, public_id: str) -> HttpResponse:
    enrolment = _enrolment(request, public_id)
    try:
        offer_accept(enrolment=enrolment, by=family_of(request).user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, f"{enrolment.learner.first_name}'s place in {enrolment.activity.name} is accepted.")
    return redirect("families:child", public_id=enrolment.learner.public_id)


@family_required
def withdraw(request: HttpRequest, public_id: str) -> HttpResponse:
    """Give notice: once confirmed the child leaves the activity and the next waiting child is offered the place."""
    enrolment = _enrolment(request, public_id)
    form = WithdrawForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            family_withdraw(enrolment=enrolment, by=family_of(request).user, reason=form.cleaned_data["reason"])
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, f"{enrolment.learner.first_name} has left {enrolment.activity.name}.")
        return redirect("families:child", public_id=enrolment.learner.public_id)
    return render(request, "families/withdraw.html", {"form": form, "enrolment": enrolment})


@family_required
def contact(request: HttpRequest, public_id: str) -> HttpResponse:
    learner = _child(request, public_id)
    link = selectors.link_for(family_of(request), learner)
    if link is None:
        raise Http404("A young person's own contact details are kept by the hub: ask the hub to change them.")
    initial = {"phone": link.guardian.phone, "postcode": link.guardian.postcode}
    form = ContactForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        contact_change(link=link, by=family_of(request).user, request=request, **form.cleaned_data)
        messages.success(request, f"{learner.hub.name} has your new contact details.")
        return redirect("families:child", public_id=learner.public_id)
    return render(request, "families/contact.html", {"form": form, "child": learner})


@family_required
def consents(request: HttpRequest, public_id: str) -> HttpResponse:
    """Answer the hub's consent questions again; each answer is a new decision, the old ones stay on record."""
    learner = _child(request, public_id)
    form = ConsentsForm(request.POST or None, questions=selectors.consent_questions(learner.hub))
    if request.method == "POST" and form.is_valid():
        consents_give(account=family_of(request), learner=learner, answers=form.answers(), request=request)
        messages.success(request, f"{learner.hub.name} has your decisions.")
        return redirect("families:child", public_id=learner.public_id)
    return render(request, "families/consents.html", {"form": form, "child": learner})
