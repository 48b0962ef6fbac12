"""Enrolment actions from an activity's page: enrol or record an application, offer, accept, complete,
withdraw, transfer.

Each is a POST; withdrawing and transferring first show a page to confirm (and say why, or where to).
Every change is written to the hub's audit log with the learner's reference.
"""

from collections.abc import Callable
from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from tutti.accounts.access import hub_object_or_404, hub_role_required
from tutti.accounts.models import AuditEvent
from tutti.accounts.services import audit_record
from tutti.programmes import selectors
from tutti.programmes.forms.enrolments import OtherSchoolForm, TransferForm, WithdrawForm
from tutti.programmes.models import Activity, Enrolment
from tutti.programmes.services import enrolments as services
from tutti.programmes.views.access import MANAGERS, hub_of, user_of


def _audit(request: HttpRequest, enrolment: Enrolment, what: str) -> None:
    detail = f"{enrolment.learner.reference} {what} {enrolment.activity.name}"
    if enrolment.other_school_reason:
        detail += f", a pupil of another school: {enrolment.other_school_reason}"
    audit_record(
        action=AuditEvent.Action.ENROLMENT_CHANGED,
        hub=hub_of(request),
        actor=user_of(request),
        request=request,
        detail=detail,
    )


def _problem(error: ValidationError) -> str:
    return " ".join(error.messages)


def _back(activity: Activity, query: str = "") -> HttpResponse:
    url = reverse("programmes:activity", kwargs={"public_id": activity.public_id})
    return redirect(f"{url}?{urlencode({'q': query})}#enrol" if query else url)


def _enrolment(request: HttpRequest, public_id: str) -> Enrolment:
    queryset = Enrolment.objects.select_related("learner", "activity")
    return hub_object_or_404(request, queryset, public_id=public_id)


@hub_role_required(*MANAGERS)
@require_POST
def activity_enrol(request: HttpRequest, public_id: str) -> HttpResponse:
    """Enrol a learner found by the search (a place, or the waiting list when full), or record an application.

    A pupil of another school joining an in-school activity is first warned about, and staff say why.
    """
    activity = hub_object_or_404(request, Activity.objects.select_related("school"), public_id=public_id)
    query, mode = request.POST.get("q", ""), request.POST.get("mode", "enrol")
    child = selectors.learner_of_hub(hub=hub_of(request), public_id=request.POST.get("learner", ""))
    if child is None:
        messages.error(request, "Choose a learner of this hub from the search results to enrol.")
        return _back(activity, query)
    reason = ""
    if selectors.pupil_of_another_school(activity=activity, learner=child):
        form = OtherSchoolForm(request.POST if "reason" in request.POST else None)
        if not form.is_valid():
            context = {"activity": activity, "child": child, "form": form, "query": query, "mode": mode}
            return render(request, "programmes/enrolment_other_school.html", context)
        reason = form.cleaned_data["reason"]
    enrol = services.enrolment_apply if mode == "apply" else services.enrolment_enrol
    try:
        enrolment = enrol(activity=activity, learner=child, by=user_of(request), other_school_reason=reason)
    except ValidationError as error:
        messages.error(request, _problem(error))
        return _back(activity, query)
    _audit(request, enrolment, f"{enrolment.get_status_display().lower()} in")
    if enrolment.status == Enrolment.Status.WAITING:
        rank = next(row.rank for row in selectors.waiting_list(activity) if row.enrolment.pk == enrolment.pk)
        # Not a green "Success": the child has no place yet, so the banner is the neutral one.
        messages.info(
            request,
            f"{child.full_name} added to the waiting list, position {rank}: "
            f"{activity.name} is full (all {activity.capacity} places are taken).",
        )
    elif enrolment.status == Enrolment.Status.APPLIED:
        messages.success(request, f"{child.full_name}'s application recorded: offer a place when one is free.")
    else:
        activity.refresh_from_db()
        messages.success(
            request, f"{child.full_name} enrolled: {activity.places_taken} of {activity.capacity} places taken."
        )
    return _back(activity)


def _enrolment_step(
    request: HttpRequest,
    public_id: str,
    *,
    step: Callable[..., Enrolment],
    audited_as: str,
    refused: str,
    done: str,
) -> HttpResponse:
    """Take one step of an enrolment through its service, audit it, and say what happened on the activity page.

    `refused` and `done` are messages with {name} (the learner) and {activity} to fill in.
    """
    enrolment = _enrolment(request, public_id)
    names = {"name": enrolment.learner.full_name, "activity": enrolment.activity.name}
    try:
        step(enrolment=enrolment, by=user_of(request))
    except ValidationError as error:
        messages.error(request, refused.format(**names) + _problem(error))
    else:
        _audit(request, enrolment, audited_as)
        messages.success(request, done.format(**names))
    return _back(enrolment.activity)


@hub_role_required(*MANAGERS)
@require_POST
def enrolment_offer(request: HttpRequest, public_id: str) -> HttpResponse:
    """Offer an applicant or someone waiting a place; refused, with the reason, when the activity is full."""
    return _enrolment_step(
        request,
        public_id,
        step=services.enrolment_offer,
        audited_as="offered a place in",
        refused="{name} was not offered a place: ",
        done="{name} offered a place.",
    )


@hub_role_required(*MANAGERS)
@require_POST
def enrolment_accept(request: HttpRequest, public_id: str) -> HttpResponse:
    """The family accepted the offered place."""
    return _enrolment_step(
        request,
        public_id,
        step=services.enrolment_accept,
        audited_as="accepted a place in",
        refused="{name} could not accept the place: ",
        done="{name} accepted the place and is now active.",
    )


@hub_role_required(*MANAGERS)
@require_POST
def enrolment_complete(request: HttpRequest, public_id: str) -> HttpResponse:
    """An active learner finished the activity (the end of a WCET year, say); their place is freed."""
    return _enrolment_step(
        request,
        public_id,
        step=services.enrolment_complete,
        audited_as="completed",
        refused="{name} was not marked as completed: ",
        done="{name} completed {activity}.",
    )


@hub_role_required(*MANAGERS)
def enrolment_withdraw(request: HttpRequest, public_id: str) -> HttpResponse:
    """Confirm, then withdraw a learner; a place they held goes to the next on the waiting list."""
    enrolment = _enrolment(request, public_id)
    if enrolment.status not in Enrolment.CURRENT:
        messages.error(request, f"{enrolment.learner.full_name} has already left {enrolment.activity.name}.")
        return _back(enrolment.activity)
    form = WithdrawForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        following = services.enrolment_withdraw(
            enrolment=enrolment, by=user_of(request), reason=form.cleaned_data["reason"]
        )
        _audit(request, enrolment, "withdrawn from")
        said = f"{enrolment.learner.full_name} withdrawn from {enrolment.activity.name}."
        if following is not None:
            _audit(request, following, "offered a place in")
            said += f" The place was offered to {following.learner.full_name}, next on the waiting list."
        messages.success(request, said)
        return _back(enrolment.activity)
    return render(request, "programmes/enrolment_withdraw.html", {"enrolment": enrolment, "form": form})


@hub_role_required(*MANAGERS)
def enrolment_transfer(request: HttpRequest, public_id: str) -> HttpResponse:
    """Move an active learner to another activity of the hub; a full activity is refused on the form."""
    enrolment = _enrolment(request, public_id)
    if enrolment.status != Enrolment.Status.ACTIVE:
        messages.error(request, "Only an active learner can be transferred.")
        return _back(enrolment.activity)
    form = TransferForm(request.POST or None, enrolment=enrolment)
    if request.method == "POST" and form.is_valid():
        try:
            moved = services.enrolment_transfer(enrolment=enrolment, to=form.cleaned_data["to"], by=user_of(request))
        except ValidationError as error:
            for field, problems in error.message_dict.items():
                form.add_error(field if field in form.fields else None, problems)
        else:
            _audit(request, moved, "transferred to")
            messages.success(request, f"{enrolment.learner.full_name} moved to {moved.activity.name}.")
            return _back(enrolment.activity)
    return render(request, "programmes/enrolment_transfer.html", {"enrolment": enrolment, "form": form})
