"""Lending, the loan agreement, returns, the open and overdue loans, and a learner's or a school's loan history."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from tutti.accounts.access import hub_object_or_404, hub_role_required
from tutti.instruments import selectors
from tutti.instruments.forms import AgreementForm, LendForm, ReturnForm
from tutti.instruments.models import Condition, Loan
from tutti.instruments.roles import INSTRUMENT_STAFF
from tutti.instruments.services.loans import (
    loan_agreement_accept,
    loan_cancel,
    loan_return,
    loan_to_learner,
    loan_to_school,
)
from tutti.instruments.views.assets import asset_of, refused
from tutti.learners.models import Learner
from tutti.learners.services.learners import learner_viewed
from tutti.learners.views.requests import hub_of, user_of
from tutti.schools.models import School


@hub_role_required(*INSTRUMENT_STAFF)
def asset_lend(request: HttpRequest, public_id: str) -> HttpResponse:
    """Lend the asset to a learner (reserved until a guardian accepts the agreement) or to a school."""
    asset = asset_of(request, public_id)
    form = LendForm(request.POST or None, hub=hub_of(request))
    if request.method == "POST" and form.is_valid():
        data, by = form.cleaned_data, user_of(request)
        try:
            if data["borrower"] == Loan.Borrower.LEARNER:
                loan = loan_to_learner(
                    asset=asset, learner=data["learner"], lent_on=data["lent_on"], due_on=data["due_on"],
                    hire_fee_pence=data["hire_fee"], agreement=data["agreement"], by=by, request=request,
                )  # fmt: skip
            else:
                loan = loan_to_school(
                    asset=asset, school=data["school"], lent_on=data["lent_on"], due_on=data["due_on"],
                    contact_email=data["contact_email"], by=by, request=request,
                )  # fmt: skip
        except ValidationError as error:
            form.add_error(None, " ".join(error.messages))
        else:
            messages.success(request, f"{asset.asset_tag}: {loan.get_status_display().lower()}, due back "
                             f"{loan.due_on:%-d %B %Y}.")  # fmt: skip
            return redirect("instruments:asset", public_id=asset.public_id)
    return render(request, "instruments/lend_form.html", {"asset": asset, "form": form})


def _loan(request: HttpRequest, public_id: str) -> Loan:
    queryset = Loan.objects.select_related("asset", "learner", "school")
    return hub_object_or_404(request, queryset, public_id=public_id)


@hub_role_required(*INSTRUMENT_STAFF)
def loan_agreement(request: HttpRequest, public_id: str) -> HttpResponse:
    """Record the guardian's acceptance of a reserved loan, as it reached the hub on paper or by email."""
    loan = _loan(request, public_id)
    form = AgreementForm(request.POST or None, initial={"accepted_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        try:
            loan_agreement_accept(loan=loan, agreement=form.agreement(), by=user_of(request), request=request)
        except ValidationError as error:
            form.add_error(None, " ".join(error.messages))
        else:
            messages.success(request, f"Agreement recorded: {loan.asset.asset_tag} is on loan.")
            return redirect("instruments:asset", public_id=loan.asset.public_id)
    context = {"asset": loan.asset, "form": form, "title": f"Loan agreement for {loan.asset.asset_tag}",
               "button": "Record the agreement"}  # fmt: skip
    return render(request, "instruments/action_form.html", context)


@hub_role_required(*INSTRUMENT_STAFF)
def loan_return_view(request: HttpRequest, public_id: str) -> HttpResponse:
    loan = _loan(request, public_id)
    form = ReturnForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            loan_return(
                loan=loan, returned_on=data["returned_on"], condition=Condition(data["condition"]),
                notes=data["notes"], by=user_of(request), request=request,
            )  # fmt: skip
        except ValidationError as error:
            form.add_error(None, " ".join(error.messages))
        else:
            messages.success(request, f"{loan.asset.asset_tag} is back and available.")
            return redirect("instruments:asset", public_id=loan.asset.public_id)
    context = {"asset": loan.asset, "form": form, "title": f"Take back {loan.asset.asset_tag}",
               "button": "Record the return"}  # fmt: skip
    return render(request, "instruments/action_form.html", context)


@require_POST
@hub_role_required(*INSTRUMENT_STAFF)
def loan_cancel_view(request: HttpRequest, public_id: str) -> HttpResponse:
    loan = _loan(request, public_id)
    try:
        loan_cancel(loan=loan, by=user_of(request), request=request)
    except ValidationError as error:
        refused(request, error)
    else:
        messages.success(request, f"Reservation cancelled: {loan.asset.asset_tag} is available.")
    return redirect("instruments:asset", public_id=loan.asset.public_id)


@hub_role_required(*INSTRUMENT_STAFF)
def loan_list(request: HttpRequest) -> HttpResponse:
    """Every open loan, soonest due first."""
    today = timezone.localdate()
    context = {"loans": selectors.open_loans(hub_of(request)), "today": today}
    return render(request, "instruments/loan_list.html", context)


@hub_role_required(*INSTRUMENT_STAFF)
def overdue_list(request: HttpRequest) -> HttpResponse:
    """Lent assets past their due date, with when the last reminder went (the reminders command sends them)."""
    today = timezone.localdate()
    context = {"loans": selectors.overdue_loans(hub=hub_of(request), today=today), "today": today}
    return render(request, "instruments/overdue_list.html", context)


@hub_role_required(*INSTRUMENT_STAFF)
def learner_loans(request: HttpRequest, public_id: str) -> HttpResponse:
    """A learner's loan history (looking at it is in the audit log, as any view of a child's record)."""
    learner = hub_object_or_404(request, Learner.objects.current(), public_id=public_id)
    learner_viewed(learner=learner, by=user_of(request), request=request)
    loans = selectors.loans_of_learner(hub=hub_of(request), learner=learner)
    response = render(request, "instruments/borrower_loans.html", {"borrower": learner.full_name, "learner": learner,
                                                                   "loans": loans})  # fmt: skip
    response["Cache-Control"] = "no-store"
    return response


@hub_role_required(*INSTRUMENT_STAFF)
def school_loans(request: HttpRequest, urn: int) -> HttpResponse:
    """A school's loan history: what the hub lent it (class sets for whole-class teaching)."""
    school = _school_of_area(request, urn)
    loans = selectors.loans_of_school(hub=hub_of(request), school=school)
    return render(request, "instruments/borrower_loans.html", {"borrower": school.name, "loans": loans})


def _school_of_area(request: HttpRequest, urn: int) -> School:
    """A school is not a hub's record but public data: one outside the hub's area is simply not found here."""
    return get_object_or_404(School.objects.in_hub_area(hub_of(request)), urn=urn)
