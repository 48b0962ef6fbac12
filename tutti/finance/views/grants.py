"""Grants: the year's list, a grant's page, recording a grant, a reporting deadline and a payment."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from tutti.accounts.access import hub_object_or_404, hub_role_required
from tutti.core import academic_year
from tutti.finance import selectors, services
from tutti.finance.forms import GrantDeadlineForm, GrantForm, GrantPaymentForm
from tutti.finance.models import Grant
from tutti.finance.roles import READERS, WRITERS
from tutti.finance.views.pages import chosen_year, form_page, refused_into, year_choices
from tutti.partners.views.requests import hub_of, roles_of, user_of


@hub_role_required(*READERS)
def grant_list(request: HttpRequest) -> HttpResponse:
    """The year's grants with what each is worth and what has been received."""
    hub, year = hub_of(request), chosen_year(request)
    context = {
        "year": year,
        "years": year_choices(year, selectors.grant_years(hub)),
        "rows": selectors.grants_of_year(hub=hub, academic_year=year),
        "can_edit": bool(roles_of(request) & WRITERS),
    }
    return render(request, "finance/grant_list.html", context)


@hub_role_required(*WRITERS)
def grant_new(request: HttpRequest) -> HttpResponse:
    """Record a DfE grant of a year (its amount is the published allocation) or another grant."""
    initial = {"academic_year": academic_year.label(chosen_year(request))}
    form = GrantForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            grant = services.grant_create(hub=hub_of(request), by=user_of(request), **form.cleaned_data)
        except services.FinanceRefused as refusal:
            refused_into(form, refusal)
        else:
            messages.success(request, f"{grant} recorded.")
            return redirect(grant)
    intro = "Record the hub's DfE grants to track their payments, and every other grant the hub holds."
    return form_page(
        request, form, title="Record a grant", intro=intro, submit="Save grant",
        cancel_url=reverse("finance:grant_list"),
    )  # fmt: skip


@hub_role_required(*READERS)
def grant_detail(request: HttpRequest, public_id: str) -> HttpResponse:
    """A grant: its funder, amount, period, conditions, reporting deadlines and payments received."""
    grant = hub_object_or_404(request, selectors.grant_for_page(), public_id=public_id)
    payments = list(grant.payments.all())
    context = {
        "grant": grant,
        "amount_pence": selectors.grant_amount_pence(grant),
        "received_pence": sum(payment.amount_pence for payment in payments),
        "payments": payments,
        "deadlines": grant.deadlines.all(),
        "today": timezone.localdate(),
        "can_edit": bool(roles_of(request) & WRITERS),
    }
    return render(request, "finance/grant_detail.html", context)


@hub_role_required(*WRITERS)
def grant_payment_new(request: HttpRequest, public_id: str) -> HttpResponse:
    """Record an instalment received against a grant (it becomes income of the grant's source)."""
    grant = hub_object_or_404(request, Grant.objects.all(), public_id=public_id)
    form = GrantPaymentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.grant_payment_record(grant=grant, by=user_of(request), **form.cleaned_data)
        except services.FinanceRefused as refusal:
            refused_into(form, refusal)
        else:
            messages.success(request, f"Payment of {grant} recorded.")
            return redirect(grant)
    return form_page(
        request, form, title=f"Record a payment of {grant}", submit="Save payment",
        intro="A payment is counted as income of the grant's source in the sustainability figures.",
        cancel_url=grant.get_absolute_url(),
    )  # fmt: skip


@hub_role_required(*WRITERS)
def grant_deadline_new(request: HttpRequest, public_id: str) -> HttpResponse:
    """Add a report the funder expects by a date."""
    grant = hub_object_or_404(request, Grant.objects.all(), public_id=public_id)
    form = GrantDeadlineForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        deadline = services.grant_deadline_add(grant=grant, by=user_of(request), **form.cleaned_data)
        messages.success(request, f"{deadline} added.")
        return redirect(grant)
    return form_page(
        request, form, title=f"Add a reporting deadline to {grant}", submit="Save deadline",
        intro="What the funder expects, and by when.", cancel_url=grant.get_absolute_url(),
    )  # fmt: skip
