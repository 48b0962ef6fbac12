"""An application's page (what the family sent, the decision), recording one from paper or email, evidence."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import content_disposition_header

from tutti.accounts.access import hub_object_or_404, hub_role_required
from tutti.accounts.models import AuditEvent
from tutti.inclusion import selectors
from tutti.inclusion.forms import ApplicationRecordForm, DecisionForm, EvidenceForm
from tutti.inclusion.models import EvidenceFile, RemissionApplication
from tutti.inclusion.remission import terms_for_criteria, year_value
from tutti.inclusion.roles import REMISSION_ROLES
from tutti.inclusion.services.applications import (
    application_reply,
    application_submit,
    evidence_add,
    evidence_storage,
)
from tutti.inclusion.services.audit import inclusion_audit
from tutti.inclusion.services.decisions import (
    DecisionRefused,
    application_approve,
    application_refuse,
    application_request_information,
)
from tutti.inclusion.views.schemes import apply_errors, form_page
from tutti.learners.services.learners import learner_viewed
from tutti.learners.views.requests import hub_of, user_of


def _application(request: HttpRequest, public_id: str) -> RemissionApplication:
    queryset = RemissionApplication.objects.select_related("learner", "scheme", "renewal_of__scheme")
    return hub_object_or_404(request, queryset, public_id=public_id)


@hub_role_required(*REMISSION_ROLES)
def application_new(request: HttpRequest) -> HttpResponse:
    """Record an application a family sent on paper or by email, with its first evidence file."""
    hub = hub_of(request)
    form = ApplicationRecordForm(request.POST or None, request.FILES or None, hub=hub)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            application = application_submit(
                scheme=data["scheme"],
                learner=data["learner_reference"],
                criteria=data["criteria"],
                applicant_name=data["applicant_name"],
                channel=RemissionApplication.Channel(data["channel"]),
                family_note=data["family_note"],
                evidence=[data["evidence"]] if data["evidence"] else [],
                by=user_of(request),
                request=request,
            )
        except ValidationError as error:
            apply_errors(form, error, renamed={"learner": "learner_reference"})
        else:
            messages.success(request, "Application recorded. It waits for a decision.")
            return redirect("inclusion:application", public_id=application.public_id)
    return form_page(
        request,
        form,
        title="Record an application sent on paper or by email",
        button="Record application",
        back="inclusion:home",
        multipart=True,
    )


def _decide(request: HttpRequest, application: RemissionApplication, form: DecisionForm) -> str:
    """Make the decision the form asks for; the message to show."""
    by, data = user_of(request), form.cleaned_data
    decision = data["decision"]
    if decision == DecisionForm.Decision.ASK:
        application_request_information(application=application, by=by, asked=data["asked"], request=request)
        return "The family is asked for more information."
    if decision == DecisionForm.Decision.REFUSE:
        application_refuse(application=application, by=by, reason=data["reason"], request=request)
        return "Refused. The family will see the reason."
    decided = application_approve(
        application=application, by=by, override=form.override(), reason=data["reason"], request=request
    )
    if decided.status == RemissionApplication.Status.WAITING:
        return (
            f"Approved, but the {decided.scheme.year_label} budget cannot cover it yet: it is number "
            f"{decided.waiting_position} on the waiting list."
        )
    return "Approved. The remission applies to the child's fees for the year."


@hub_role_required(*REMISSION_ROLES)
def application_detail(request: HttpRequest, public_id: str) -> HttpResponse:
    application = _application(request, public_id)
    form = DecisionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            messages.success(request, _decide(request, application, form))
        except ValidationError as error:
            apply_errors(form, error)
        except DecisionRefused as refused:
            form.add_error(None, str(refused))
        else:
            return redirect("inclusion:application", public_id=application.public_id)
    if request.method == "GET":
        learner_viewed(learner=application.learner, by=user_of(request), request=request)
    scheme = application.scheme
    terms = terms_for_criteria(scheme, application.criteria)
    context = {
        "application": application,
        "evidence": selectors.application_evidence(application),
        "terms": terms,
        "worth": year_value(learner_id=application.learner_id, scheme=scheme, terms=terms) if terms else 0,
        "budget": selectors.scheme_budget(scheme),
        "awards": application.awards.all(),
        "form": form,
        "evidence_form": EvidenceForm(),
    }
    return render(request, "inclusion/application_detail.html", context)


@hub_role_required(*REMISSION_ROLES)
def evidence_new(request: HttpRequest, public_id: str) -> HttpResponse:
    """Add what the family sent next: a file, their answer in words, or both."""
    application = _application(request, public_id)
    form = EvidenceForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        by, note, file = user_of(request), form.cleaned_data["note"].strip(), form.cleaned_data["evidence"]
        try:
            if note:
                application_reply(application=application, note=note, by=by, request=request)
            if file:
                evidence_add(application=application, files=[file], by=by, request=request)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, "Added to the application.")
            return redirect("inclusion:application", public_id=application.public_id)
    return form_page(
        request,
        form,
        title=f"Add what the family sent for {application.learner.reference}",
        button="Add",
        back="inclusion:home",
        multipart=True,
    )


@hub_role_required(*REMISSION_ROLES)
def evidence_download(request: HttpRequest, public_id: str) -> HttpResponse:
    """Stream one evidence file as an attachment, never inline, and record who downloaded it."""
    evidence = hub_object_or_404(
        request, EvidenceFile.objects.kept().select_related("application__learner"), public_id=public_id
    )
    inclusion_audit(
        action=AuditEvent.Action.EVIDENCE_DOWNLOADED,
        hub=evidence.hub,
        by=user_of(request),
        request=request,
        detail=f"{evidence.application.learner.reference}: evidence file {evidence.public_id}",
    )
    with evidence_storage().open(evidence.storage_name, "rb") as stored:
        response = HttpResponse(stored.read(), content_type=evidence.content_type)  # at most 5 MB
    response["Content-Disposition"] = content_disposition_header(as_attachment=True, filename=evidence.original_name)
    response["Cache-Control"] = "no-store"
    return response
