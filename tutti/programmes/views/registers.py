"""Tutors' registers: today's sessions on a phone, one form per session, attendance history."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from tutti.accounts.access import hub_object_or_404, hub_role_required
from tutti.programmes import selectors
from tutti.programmes.forms.registers import NotDeliveredForm, RegisterForm
from tutti.programmes.models import Activity, Attendance, Session
from tutti.programmes.models.activities import SessionQuerySet
from tutti.programmes.services.registers import register_mark, session_not_delivered
from tutti.programmes.views.access import REGISTER_ROLES, hub_of, tutor_scope, user_of


def _sessions(request: HttpRequest) -> SessionQuerySet:
    tutor = tutor_scope(request)
    sessions = Session.objects.select_related("activity", "activity__school")
    return sessions.filter(activity__tutors=tutor) if tutor is not None else sessions


@hub_role_required(*REGISTER_ROLES)
def today(request: HttpRequest) -> HttpResponse:
    """The sessions of today a tutor teaches (every session of the hub for managers)."""
    day = timezone.localdate()
    sessions = selectors.sessions_on(hub=hub_of(request), day=day, tutor=tutor_scope(request))
    return render(request, "programmes/today.html", {"sessions": sessions, "day": day})


@hub_role_required(*REGISTER_ROLES)
def register(request: HttpRequest, public_id: str) -> HttpResponse:
    """Mark every learner of a session in one form; or record that the session was not delivered."""
    session = hub_object_or_404(request, _sessions(request), public_id=public_id)
    rows = selectors.register_rows(session)
    action = request.POST.get("action") if request.method == "POST" else None
    form = RegisterForm(request.POST if action == "mark" else None, rows=rows)
    not_delivered = NotDeliveredForm(request.POST if action == "not_delivered" else None, prefix="nd")
    if action == "mark" and form.is_valid():
        try:
            count = register_mark(session=session, marks=form.marks(), by=user_of(request), request=request)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, f"Register saved: {count} learners marked for {session.activity.name}.")
            return redirect("programmes:today")
    if action == "not_delivered" and not_delivered.is_valid():
        session_not_delivered(
            session=session,
            reason=Session.Reason(not_delivered.cleaned_data["reason"]),
            note=not_delivered.cleaned_data["note"],
            by=user_of(request),
            request=request,
        )
        messages.success(request, f"{session.activity.name} recorded as not delivered.")
        return redirect("programmes:today")
    context = {"session": session, "form": form, "not_delivered": not_delivered, "marks": Attendance.Mark.choices}
    return render(request, "programmes/register.html", context)


@hub_role_required(*REGISTER_ROLES)
def activity_attendance(request: HttpRequest, public_id: str) -> HttpResponse:
    """Every session of an activity with each learner's mark (a tutor sees only their own activities)."""
    tutor = tutor_scope(request)
    activities = Activity.objects.all() if tutor is None else Activity.objects.filter(tutors=tutor)
    activity = hub_object_or_404(request, activities, public_id=public_id)
    sessions = activity.sessions.prefetch_related("attendance__learner").order_by("date", "starts_at")
    return render(request, "programmes/activity_attendance.html", {"activity": activity, "sessions": sessions})
