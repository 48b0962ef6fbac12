"""The remission home page, each year's scheme (budget, rules, waiting list), and setting them up."""

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from tutti.accounts.access import hub_object_or_404, hub_role_required
from tutti.inclusion import selectors
from tutti.inclusion.forms import RuleForm, SchemeForm
from tutti.inclusion.models import RemissionApplication, RemissionRule, RemissionScheme
from tutti.inclusion.roles import REMISSION_ROLES
from tutti.inclusion.services.applications import renewals_carry
from tutti.inclusion.services.schemes import rule_remove, rule_set, scheme_create, scheme_update
from tutti.learners.views.requests import hub_of, user_of


def _scheme(request: HttpRequest, public_id: str) -> RemissionScheme:
    return hub_object_or_404(request, RemissionScheme.objects.all(), public_id=public_id)


def form_page(
    request: HttpRequest, form: forms.Form, *, title: str, button: str, back: str, **extra: object
) -> HttpResponse:
    """One GOV.UK form page for every inclusion form: error summary, fields, one button."""
    context = {"form": form, "title": title, "button": button, "back": back, **extra}
    return render(request, "inclusion/form_page.html", context)


def apply_errors(form: forms.Form, error: ValidationError, *, renamed: dict[str, str] | None = None) -> None:
    """Put a service's ValidationError on the form, by field where the service named one (``renamed`` maps
    a service's argument to the form field that holds it)."""
    if hasattr(error, "error_dict"):
        for name, problems in error.message_dict.items():
            field = (renamed or {}).get(name, name)
            form.add_error(field if field in form.fields else None, problems)
    else:
        form.add_error(None, error.messages)


@hub_role_required(*REMISSION_ROLES)
def home(request: HttpRequest) -> HttpResponse:
    """The schemes and the applications, filtered by status (the ones waiting for a decision first)."""
    hub = hub_of(request)
    status = request.GET.get("status", "")
    context = {
        "schemes": selectors.schemes_of(hub),
        "applications": selectors.applications_for_list(hub, status=status)[:200],
        "status": status,
        "statuses": RemissionApplication.Status.choices,
    }
    return render(request, "inclusion/home.html", context)


@hub_role_required(*REMISSION_ROLES)
def scheme_new(request: HttpRequest) -> HttpResponse:
    form = SchemeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            scheme = scheme_create(
                hub=hub_of(request),
                year=data["academic_year"],
                budget_pence=data["budget"],
                income_threshold_pence=data["income_threshold"],
                by=user_of(request),
                request=request,
            )
        except ValidationError as error:
            apply_errors(form, error, renamed={"year": "academic_year"})
        else:
            messages.success(request, f"The {scheme.year_label} scheme is open. Now say what each circumstance gives.")
            return redirect("inclusion:scheme", public_id=scheme.public_id)
    return form_page(request, form, title="Open a remission scheme", button="Open scheme", back="inclusion:home")


@hub_role_required(*REMISSION_ROLES)
def scheme_detail(request: HttpRequest, public_id: str) -> HttpResponse:
    scheme = _scheme(request, public_id)
    context = {
        "scheme": scheme,
        "budget": selectors.scheme_budget(scheme),
        "rules": scheme.rules.all(),
        "waiting": scheme.applications.waiting().select_related("learner"),
        "rule_form": RuleForm(),
    }
    return render(request, "inclusion/scheme_detail.html", context)


@hub_role_required(*REMISSION_ROLES)
def scheme_edit(request: HttpRequest, public_id: str) -> HttpResponse:
    """Change the budget (a rise approves waiting applications in their order) or the income threshold."""
    scheme = _scheme(request, public_id)
    form = SchemeForm(request.POST or None, scheme=scheme)
    if request.method == "POST" and form.is_valid():
        try:
            scheme_update(
                scheme=scheme,
                budget_pence=form.cleaned_data["budget"],
                income_threshold_pence=form.cleaned_data["income_threshold"],
                by=user_of(request),
                request=request,
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, f"The {scheme.year_label} scheme is saved.")
            return redirect("inclusion:scheme", public_id=scheme.public_id)
    return form_page(
        request, form, title=f"Budget of the {scheme.year_label} scheme", button="Save", back="inclusion:home"
    )


@hub_role_required(*REMISSION_ROLES)
def rule_new(request: HttpRequest, public_id: str) -> HttpResponse:
    scheme = _scheme(request, public_id)
    form = RuleForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        rule = rule_set(scheme=scheme, by=user_of(request), request=request, **form.rule_fields())
        messages.success(request, f"Saved: {rule}.")
        return redirect("inclusion:scheme", public_id=scheme.public_id)
    return form_page(
        request,
        form,
        title=f"What a circumstance gives in {scheme.year_label}",
        button="Save",
        back="inclusion:home",
        caption="A circumstance given again for the same activities replaces what it gave before.",
    )


@require_POST
@hub_role_required(*REMISSION_ROLES)
def rule_delete(request: HttpRequest, public_id: str, rule_id: int) -> HttpResponse:
    scheme = _scheme(request, public_id)
    rule = hub_object_or_404(request, RemissionRule.objects.filter(scheme=scheme), pk=rule_id)
    rule_remove(rule=rule, by=user_of(request), request=request)
    messages.success(request, "Removed. Approvals already made keep the remission they gave.")
    return redirect("inclusion:scheme", public_id=scheme.public_id)


@require_POST
@hub_role_required(*REMISSION_ROLES)
def renewals(request: HttpRequest, public_id: str) -> HttpResponse:
    """Carry last year's approvals on a lasting circumstance into this scheme, to confirm."""
    scheme = _scheme(request, public_id)
    made = renewals_carry(scheme=scheme, by=user_of(request), request=request)
    if made:
        messages.success(request, f"{made} renewal{'s' if made != 1 else ''} to confirm, carried from last year.")
    else:
        messages.success(request, "No approval of last year's scheme is left to carry over.")
    return redirect(f"{reverse('inclusion:home')}?status=submitted")
