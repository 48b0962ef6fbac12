"""The workforce: staff records (linked to Tutti accounts), their DBS checks and training."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from tutti.accounts.access import hub_object_or_404, hub_role_required
from tutti.accounts.models import AuditEvent
from tutti.accounts.services import audit_record
from tutti.programmes.forms.workforce import SafeguardingCheckForm, StaffForm, TrainingForm
from tutti.programmes.models import SafeguardingCheck, StaffMember
from tutti.programmes.services import workforce as services
from tutti.programmes.views.access import MANAGERS, hub_of, user_of


def _audit(request: HttpRequest, action: AuditEvent.Action, detail: str) -> None:
    audit_record(action=action, hub=hub_of(request), actor=user_of(request), request=request, detail=detail)


def _save_staff(request: HttpRequest, member: StaffMember | None) -> HttpResponse:
    form = StaffForm(request.POST or None, instance=member, hub=hub_of(request))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        fields = {key: data[key] for key in ("first_name", "last_name", "employment", "job_title", "instruments")}
        if member is None:
            saved = services.staff_member_create(hub=hub_of(request), user=data["user"], **fields)
        else:
            saved = services.staff_member_update(member=member, user=data["user"], **fields)
        linked = f", linked to {data['user'].email}" if data["user"] else ""
        _audit(request, AuditEvent.Action.STAFF_RECORD_CHANGED, f"{saved}{linked}")
        messages.success(request, f"{saved}'s staff record saved.")
        return redirect("programmes:staff_member", public_id=saved.public_id)
    return render(request, "programmes/staff_form.html", {"form": form, "member": member})


@hub_role_required(*MANAGERS)
def staff_create(request: HttpRequest) -> HttpResponse:
    """Add a tutor or other member of staff."""
    return _save_staff(request, None)


@hub_role_required(*MANAGERS)
def staff_edit(request: HttpRequest, public_id: str) -> HttpResponse:
    """Change a staff record, including the Tutti account it is linked to."""
    return _save_staff(request, hub_object_or_404(request, StaffMember.objects.all(), public_id=public_id))


@hub_role_required(*MANAGERS)
def staff_member(request: HttpRequest, public_id: str) -> HttpResponse:
    """A staff record with its checks, training and activities; forms to record a check or a course."""
    member = hub_object_or_404(
        request, StaffMember.objects.select_related("user").prefetch_related("instruments"), public_id=public_id
    )
    today = timezone.localdate()
    action = request.POST.get("action") if request.method == "POST" else None
    check_form = SafeguardingCheckForm(request.POST if action == "check" else None, today=today, prefix="check")
    training_form = TrainingForm(request.POST if action == "training" else None, prefix="training")
    if action == "check" and check_form.is_valid():
        data = check_form.cleaned_data
        check = services.safeguarding_check_record(
            member=member,
            certificate_number=data["certificate_number"],
            issued_on=data["issued_on"],
            update_service=data["update_service"],
            status_checked_on=data["status_checked_on"],
            decision=SafeguardingCheck.Decision(data["decision"]),
            by=user_of(request),
        )
        _audit(request, AuditEvent.Action.SAFEGUARDING_CHECK_RECORDED, f"{member}: {check}")
        messages.success(request, f"DBS check recorded: valid until {check.valid_until:%d %B %Y}.")
        return redirect("programmes:staff_member", public_id=member.public_id)
    if action == "training" and training_form.is_valid():
        course = services.training_record(member=member, **training_form.cleaned_data)
        _audit(request, AuditEvent.Action.STAFF_RECORD_CHANGED, f"{member}: training {course}")
        messages.success(request, f"{course.title} recorded.")
        return redirect("programmes:staff_member", public_id=member.public_id)
    context = {
        "member": member,
        "valid_check": member.valid_check(on=today),
        "checks": member.safeguarding_checks.select_related("recorded_by"),
        "training": member.training.all(),
        "activities": member.activities.order_by("name"),
        "check_form": check_form,
        "training_form": training_form,
    }
    return render(request, "programmes/staff_detail.html", context)
