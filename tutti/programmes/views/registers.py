"""Tutors' registers: today's sessions on a phone, one form per session, attendance history."""

import datetime
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from tutti.accounts.access import hub_object_or_404, hub_role_required
from tutti.accounts.middleware import seconds_until_signed_out
from tutti.programmes import selectors
from tutti.programmes.forms.registers import NotDeliveredForm, RegisterForm, everyone_present
from tutti.programmes.models import Activity, Attendance, Session
from tutti.programmes.models.activities import SessionQuerySet
from tutti.programmes.selectors import RegisterCount
from tutti.programmes.services.registers import register_mark, session_not_delivered
from tutti.programmes.views import kept_marks
from tutti.programmes.views.access import REGISTER_ROLES, hub_of, tutor_scope, user_of


def _sessions(request: HttpRequest) -> SessionQuerySet:
    tutor = tutor_scope(request)
    sessions = Session.objects.select_related("activity", "activity__school")
    return sessions.filter(activity__tutors=tutor) if tutor is not None else sessions


def _day_asked(request: HttpRequest) -> tuple[datetime.date, str]:
    """The day in ?day=YYYY-MM-DD (today without one), and what was wrong with it when it was not a date."""
    today = timezone.localdate()
    text = request.GET.get("day", "")
    if not text:
        return today, ""
    try:
        return datetime.date.fromisoformat(text), ""
    except ValueError:
        return today, f"“{text}” is not a date like 2026-03-02, so today's registers are shown."


def day_registers(request: HttpRequest, day: datetime.date) -> dict[str, Any]:
    """What a list of one day's registers shows (the registers page, and the hub's home for tutors)."""
    hub, tutor, today = hub_of(request), tutor_scope(request), timezone.localdate()
    return {
        "day": day,
        "is_today": day == today,
        "registers": selectors.session_registers(selectors.sessions_on(hub=hub, day=day, tutor=tutor)),
        "still_to_mark": selectors.registers_still_to_mark(hub=hub, before=today, tutor=tutor) if day == today else [],
        "previous_day": day - datetime.timedelta(days=1),
        "next_day": day + datetime.timedelta(days=1),
    }


@hub_role_required(*REGISTER_ROLES)
def today(request: HttpRequest) -> HttpResponse:
    """A day's sessions a tutor teaches (every session of the hub for managers); today unless ?day= says."""
    day, day_error = _day_asked(request)
    return render(request, "programmes/today.html", {**day_registers(request, day), "day_error": day_error})


def _saved(
    request: HttpRequest, session: Session, marks: dict[int, Attendance.Mark], *, note: str = ""
) -> HttpResponse:
    """Save the marks and say how the register stands: a part-marked one reopens to finish it."""
    register_mark(session=session, marks=marks, by=user_of(request), request=request)
    count = RegisterCount.of(mark for _, mark in selectors.register_rows(session))
    if count.to_mark:
        messages.success(
            request, f"{note}Register saved for {session.activity.name}: {count}. Mark the rest when you can."
        )
        return redirect("programmes:register", public_id=session.public_id)
    messages.success(request, f"{note}Register saved for {session.activity.name}: {count}.")
    return redirect("programmes:today")


def _restored(request: HttpRequest, session: Session, rows: list[tuple[Any, str]]) -> HttpResponse | RegisterForm:
    """Marks kept from before the person was signed out: saved when they loaded the form, else shown again."""
    kept = kept_marks.take(request, session)
    if kept is None:
        return RegisterForm(rows=rows)
    form = RegisterForm(kept.marks, rows=rows)
    if kept.by_this_person and form.is_valid():
        return _saved(request, session, form.marks(), note="You signed in again, so your marks are kept. ")
    messages.info(
        request, "These marks were entered before the session ended and are not saved: check them, then save."
    )
    return form


@kept_marks.keep_when_signed_out
@hub_role_required(*REGISTER_ROLES)
def register(request: HttpRequest, public_id: str) -> HttpResponse:
    """Mark the learners of a session (all present in one go, part-way if need be), or record it not delivered."""
    session = hub_object_or_404(request, _sessions(request), public_id=public_id)
    rows = selectors.register_rows(session)
    action = request.POST.get("action") if request.method == "POST" else None
    if action == "mark":
        form = RegisterForm(request.POST, rows=rows)
        if form.is_valid():
            return _saved(request, session, form.marks())
    elif action == "all_present":
        # Without JavaScript the button comes here: the page again, everyone unmarked now shown present.
        form = RegisterForm(everyone_present(request.POST, rows), rows=rows)
    elif request.method == "GET":
        restored = _restored(request, session, rows)
        if isinstance(restored, HttpResponse):
            return restored
        form = restored
    else:
        form = RegisterForm(rows=rows)
    not_delivered = NotDeliveredForm(request.POST if action == "not_delivered" else None, prefix="nd")
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
    context = {
        "session": session,
        "form": form,
        "count": form.count(),
        "not_delivered": not_delivered,
        "loaded_by": kept_marks.loaded_by(user_id=user_of(request).pk, session=session),
        "seconds_left": seconds_until_signed_out(request),
        "idle_minutes": settings.SESSION_COOKIE_AGE // 60,
        "everyone_shown_present": action == "all_present",
    }
    return render(request, "programmes/register.html", context)


@hub_role_required(*REGISTER_ROLES)
def activity_attendance(request: HttpRequest, public_id: str) -> HttpResponse:
    """Every session of an activity with each learner's mark (a tutor sees only their own activities)."""
    tutor = tutor_scope(request)
    activities = Activity.objects.all() if tutor is None else Activity.objects.filter(tutors=tutor)
    activity = hub_object_or_404(request, activities, public_id=public_id)
    sessions = activity.sessions.prefetch_related("attendance__learner").order_by("date", "starts_at")
    return render(request, "programmes/activity_attendance.html", {"activity": activity, "sessions": sessions})
